"""Timestamped ASR exports: markdown header, [HH:MM:SS] SPEAKER_NN: lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.formats import timestamped as ts
from reviewer.core.transcript import Edit, Segment
from tests.conftest import seed_path

# Checked independently: grep -cE '^\[[0-9:.]+\]' seeds/003_*.txt  → 4048 lines,
# grep -cE '^\[[0-9:.]+\] SPEAKER_' → 3971 of them labelled.
SEED_003_LINES = 4048
SEED_003_LABELLED = 3971

HEADER = """# Episode 1: Title

**Podcast:** 晚点聊 LateTalk
**Date:** 2025-10-31
**Video ID:** abc123
**Video URL:** https://example.com/x
**Host Name:** Someone

---

"""


def offsets_hold(text: str, t) -> None:
    for seg in t.segments:
        assert text[seg.offset : seg.offset + len(seg.original)] == seg.original


def test_seed() -> None:
    text = seed_path("003").read_text(encoding="utf-8")
    t = ts.parse(text)
    assert len(t.segments) == SEED_003_LINES
    assert sum(1 for s in t.segments if s.speaker) == SEED_003_LABELLED
    assert t.metadata["podcast"] == "晚点聊 LateTalk (Investigative Journalism)"
    assert t.metadata["date"] == "2025-10-31"
    assert t.metadata["video_id"] == "6903e7a6a1bd8d0681071241"
    assert t.metadata["url"].startswith("https://www.xiaoyuzhoufm.com/")
    assert t.metadata["title"].startswith("139: ICCV Best Paper")
    assert t.header.endswith("---\n\n")
    first, second = t.segments[:2]
    assert (first.speaker, first.start, first.original) == (None, 0.0, "偶拍展现出的方法论")
    assert (second.speaker, second.start, second.end) == ("SPEAKER_01", 6.0, None)
    assert second.source_lines == [11] and second.line_starts == [6.0]
    assert t.segments[-1].start == 2 * 3600 + 6 * 60 + 19
    offsets_hold(text, t)
    assert ts.render(t) == text


def test_header_metadata_and_lines() -> None:
    text = HEADER + "[00:00:01] SPEAKER_00: 你好\n[00:00:30] no label here\n[01:02:03] Note: not a speaker\n"
    t = ts.parse(text)
    assert t.metadata == {
        "title": "Episode 1: Title",
        "podcast": "晚点聊 LateTalk",
        "date": "2025-10-31",
        "video_id": "abc123",
        "url": "https://example.com/x",
        "host_name": "Someone",
    }
    assert t.header == HEADER
    assert [(s.speaker, s.start, s.original) for s in t.segments] == [
        ("SPEAKER_00", 1.0, "你好"),
        (None, 30.0, "no label here"),
        (None, 3723.0, "Note: not a speaker"),
    ]
    assert ts.render(t) == text


def test_other_stamp_styles_round_trip() -> None:
    for text in (
        "[00:01] A1: hi\n[75:30] there\n",
        "[0:00:01.250] SPEAKER_1: hi\n[0:00:02.500] Speaker 2: yo\n",
        "[00:00:01] SPEAKER_00:x\n[0:00:02]no space\n\n[00:00:03]  two spaces\n",
    ):
        t = ts.parse(text)
        offsets_hold(text, t)
        assert ts.render(t) == text
    t = ts.parse("[0:00:01.250] SPEAKER_1: hi\n")
    assert t.segments[0].start == 1.25 and t.segments[0].speaker == "SPEAKER_1"
    assert ts.format_time(3723.25, (1, ".", 3)) == "[1:02:03.250]"
    assert ts.format_time(90, (0, ".", 0)) == "[01:30]"


def test_render_uses_repaired_speaker_and_text() -> None:
    t = ts.parse("[00:00:01] SPEAKER_00: helo\n[00:00:02] orphan\n")
    t.segments[0].add_edit(Edit("x", 0, 4, "helo", "hello"))
    t.segments[1].add_edit(Edit("speaker", 0, 0, "", "SPEAKER_00", 0.5))
    assert ts.render(t) == "[00:00:01] SPEAKER_00: hello\n[00:00:02] SPEAKER_00: orphan\n"


def _merged(text: str) -> tuple:
    t = ts.parse(text)
    segs = t.segments
    original = "\n".join(s.original for s in segs)
    merged = Segment(
        0,
        original,
        segs[0].speaker,
        segs[0].start,
        None,
        [n for s in segs for n in s.source_lines],
        [x for s in segs for x in s.line_starts],
        segs[0].offset,
    )
    pos = 0
    joins = []
    for s in segs[:-1]:
        pos += len(s.original)
        joins.append(Edit("merge", pos, pos + 1, "\n", ""))
        pos += 1
    merged.edits = list(joins)
    t.segments = [merged]
    return t, joins


def test_merged_segment_applied_and_rejected() -> None:
    text = "[00:00:01] SPEAKER_01: 你好\n[00:00:02] SPEAKER_01: 世界\n\n[00:00:04] 再见\n"
    t, joins = _merged(text)
    assert ts.render(t) == "[00:00:01] SPEAKER_01: 你好世界再见\n\n"
    joins[1].applied = False
    assert ts.render(t) == "[00:00:01] SPEAKER_01: 你好世界\n\n[00:00:04] 再见\n"
    joins[0].applied = False
    assert ts.render(t) == text


def test_merged_segment_with_text_edit_inside_a_fragment() -> None:
    text = "[00:00:01] S1: ab\n[00:00:05] S1: cd\n[00:00:09] S1: ef\n"
    t, joins = _merged(text)
    seg = t.segments[0]
    joins[1].applied = False
    seg.add_edit(Edit("x", 3, 5, "cd", "CDCD"))  # inside the second fragment
    assert seg.repaired == "abCDCD\nef"
    assert ts.render(t) == "[00:00:01] S1: abCDCD\n[00:00:09] S1: ef\n"
    joins[0].applied = False
    assert ts.render(t) == "[00:00:01] S1: ab\n[00:00:05] S1: CDCD\n[00:00:09] S1: ef\n"


def test_no_stamps_is_all_header() -> None:
    t = ts.parse("# Title\nno lines\n")
    assert t.segments == [] and t.metadata == {"title": "Title"}
    assert ts.render(t) == "# Title\nno lines\n"
    assert ts.looks_like("# Title\nno lines\n") == 0.0


_BODY = st.text(alphabet=st.sampled_from(list("ab :Xy1你好，。[]")), max_size=20)
_LINE = st.tuples(
    st.integers(0, 40000),
    st.sampled_from([None, "SPEAKER_00", "SPEAKER_01", "Speaker 2"]),
    _BODY,
).filter(lambda x: x[1] is not None or ts.SPEAKER.match(x[2]) is None)


@settings(max_examples=150, deadline=None)
@given(st.booleans(), st.lists(_LINE, min_size=1, max_size=30), st.booleans(), st.sampled_from([0, 2]))
def test_well_formed_round_trip(with_header: bool, lines, trailing: bool, hours: int) -> None:
    style = (hours, ".", 0)
    if hours == 0:
        lines = [(t % 3600, spk, body) for t, spk, body in lines]
    rows = [ts.format_time(t, style) + " " + (f"{spk}: " if spk else "") + body for t, spk, body in lines]
    text = (HEADER if with_header else "") + "\n".join(rows) + ("\n" if trailing else "")
    t = ts.parse(text)
    assert len(t.segments) == len(lines)
    for seg, (start, spk, body) in zip(t.segments, lines, strict=True):
        assert (seg.start, seg.speaker, seg.original, seg.end) == (float(start), spk, body, None)
    assert "raw_prefix" not in t.extras
    offsets_hold(text, t)
    assert ts.render(t) == text
    assert ts.looks_like(text) >= 0.5


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    t = ts.parse(text)
    offsets_hold(text, t)
    assert ts.render(t) == text
    assert 0.0 <= ts.looks_like(text) <= 1.0


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["[00:00:01] ", "SPEAKER_0", ": ", "1", "\n", "x", "[1:2]", ".5]", " "]), max_size=40
    )
)
def test_stamp_like_text(parts: list[str]) -> None:
    text = "".join(parts)
    t = ts.parse(text)
    offsets_hold(text, t)
    assert ts.render(t) == text
