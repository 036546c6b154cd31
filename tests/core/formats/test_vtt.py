"""WebVTT: header, cue ids and settings, NOTE/STYLE blocks, <v> voice tags."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.formats import vtt
from reviewer.core.transcript import Edit

SAMPLE = """WEBVTT - Interview
Kind: captions
Language: en

STYLE
::cue { color: yellow }

NOTE this is a comment
spanning two lines

intro
00:01.000 --> 00:04.000 align:start position:10%
<v Roger Bingham>We are in New York City</v>

00:05.000 --> 00:08.500
<v.loud Neil>Hello
second line

NOTE between cues

3
01:00:00.000 --> 01:00:02.000
No voice here.
"""


def offsets_hold(text: str, t) -> None:
    for seg in t.segments:
        assert text[seg.offset : seg.offset + len(seg.original)] == seg.original


def test_parse_sample() -> None:
    t = vtt.parse(SAMPLE)
    assert t.format == "vtt"
    assert t.metadata == {"title": "Interview", "kind": "captions", "language": "en"}
    assert [(s.speaker, s.start, s.end, s.original) for s in t.segments] == [
        ("Roger Bingham", 1.0, 4.0, "We are in New York City"),
        ("Neil", 5.0, 8.5, "Hello\nsecond line"),
        (None, 3600.0, 3602.0, "No voice here."),
    ]
    cues = t.extras["cues"]
    assert cues["0"]["id"] == "intro"
    assert cues["0"]["settings"] == " align:start position:10%"
    assert cues["1"]["id"] is None and cues["1"]["close"] is False
    assert "NOTE between cues" in cues["1"]["gap"]
    assert t.header.startswith("WEBVTT - Interview\n") and "NOTE this is a comment" in t.header
    assert t.segments[1].source_lines == [16, 17]
    offsets_hold(SAMPLE, t)
    assert vtt.render(t) == SAMPLE
    assert vtt.looks_like(SAMPLE) == 1.0


def test_render_uses_repaired_view() -> None:
    t = vtt.parse(SAMPLE)
    t.segments[0].add_edit(Edit("speaker", 0, 0, "Roger Bingham", "Roger"))
    t.segments[2].add_edit(Edit("speaker", 0, 0, "", "Neil", 0.5))
    t.segments[2].add_edit(Edit("x", 0, 2, "No", "Some"))
    t.segments[2].start = 3601.0
    out = vtt.render(t)
    assert "align:start position:10%\n<v Roger>We are in New York City\n" in out
    assert "01:00:01.000 --> 01:00:02.000\n<v Neil>Some voice here.\n" in out


def test_minimal_and_odd_files_round_trip() -> None:
    for text in (
        "WEBVTT",
        "WEBVTT\n",
        "WEBVTT\n\n00:00.000 --> 00:01.000\n",
        "WEBVTT\n\n00:00.000 --> 00:01.000\n<v>no name</v>\n\n\n",
        "WEBVTT\n\nNOTE\n00:00.000 --> 00:01.000 is inside the note\n\nid\n00:02.000 --> 00:03.000\nx",
        "WEBVTT\n\nREGION\nid:fred width:40%\n\n00:00.000 --> 00:01.000 region:fred\n<v A>x</v> <v B>y</v>\n",
    ):
        t = vtt.parse(text)
        offsets_hold(text, t)
        assert vtt.render(t) == text
    t = vtt.parse("WEBVTT\n\nNOTE\n00:00.000 --> 00:01.000 is inside the note\n\n00:02.000 --> 00:03.000\nx")
    assert [s.original for s in t.segments] == ["x"]


_TEXT_LINE = st.text(alphabet=st.sampled_from(list("ab :,.1你好<>/")), min_size=1, max_size=20).filter(
    lambda s: s.strip() and "-->" not in s and not s.startswith("<v")
)
_CUE = st.tuples(
    st.sampled_from([None, "1", "intro", "cue-2"]),
    st.integers(0, 10**7),
    st.integers(0, 10**5),
    st.sampled_from(["", " align:start position:10%", " line:0"]),
    st.sampled_from([None, "Roger", "Neil deGrasse Tyson"]),
    st.booleans(),
    st.lists(_TEXT_LINE, min_size=1, max_size=3),
    st.sampled_from([None, "NOTE a comment", "NOTE\nmulti\nline"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_CUE, min_size=1, max_size=10), st.booleans(), st.booleans())
def test_well_formed_round_trip(cues, hours: bool, trailing: bool) -> None:
    blocks = ["WEBVTT"]
    for cue_id, start_ms, dur_ms, settings_, speaker, close, lines, note in cues:
        start, end = start_ms / 1000, (start_ms + dur_ms) / 1000
        timing = f"{vtt.format_time(start, '.', hours)} --> {vtt.format_time(end, '.', hours)}{settings_}"
        body = "\n".join(lines)
        if speaker:
            body = f"<v {speaker}>{body}" + ("</v>" if close else "")
        blocks.append((f"{cue_id}\n" if cue_id else "") + f"{timing}\n{body}")
        if note:
            blocks.append(note)
    text = "\n\n".join(blocks) + ("\n" if trailing else "")
    t = vtt.parse(text)
    assert len(t.segments) == len(cues)
    for seg, (_, start_ms, dur_ms, _, speaker, _, lines, _) in zip(t.segments, cues, strict=True):
        assert seg.speaker == speaker
        assert seg.original == "\n".join(lines)
        assert (seg.start, seg.end) == (start_ms / 1000, (start_ms + dur_ms) / 1000)
    offsets_hold(text, t)
    assert vtt.render(t) == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    for candidate in (text, "WEBVTT\n" + text):
        t = vtt.parse(candidate)
        offsets_hold(candidate, t)
        assert vtt.render(t) == candidate


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["WEBVTT", "\n", "00:01.000 --> 00:02.000", "<v A>", "</v>", "NOTE", "x", " ", "\n\n"]
        ),
        max_size=30,
    )
)
def test_cue_like_text(parts: list[str]) -> None:
    text = "".join(parts)
    t = vtt.parse(text)
    offsets_hold(text, t)
    assert vtt.render(t) == text
