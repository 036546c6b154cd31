"""SubRip subtitles: numbered cues, Name: speaker prefixes."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reviewer.core.formats import srt
from reviewer.core.transcript import Edit

SAMPLE = """1
00:00:01,000 --> 00:00:04,000
Alice: Hello there.
How are you?

2
00:00:04,500 --> 00:00:06,250
I'm fine, thanks.

3
00:01:02,003 --> 01:00:00,000
Dr. Bob Smith: 12:30 is the time: noon.
"""


def offsets_hold(text: str, t) -> None:
    for seg in t.segments:
        assert text[seg.offset : seg.offset + len(seg.original)] == seg.original


def test_parse_sample() -> None:
    t = srt.parse(SAMPLE)
    assert t.format == "srt"
    assert [(s.speaker, s.start, s.end, s.original) for s in t.segments] == [
        ("Alice", 1.0, 4.0, "Hello there.\nHow are you?"),
        (None, 4.5, 6.25, "I'm fine, thanks."),
        ("Dr. Bob Smith", 62.003, 3600.0, "12:30 is the time: noon."),  # three words: a name
    ]
    assert t.segments[0].source_lines == [3, 4]
    assert t.segments[0].line_starts == [1.0, 1.0]
    offsets_hold(SAMPLE, t)
    assert srt.render(t) == SAMPLE
    assert srt.looks_like(SAMPLE) >= 0.9


def test_speaker_names() -> None:
    for line, name in [
        ("Bob Smith: hi", "Bob Smith"),
        ("张三: 你好", "张三"),
        ("12: not a name", None),
        ("http://example.com", None),
        ("One two three four: too long", None),
        # A colon at the line's end, or a lower-case phrase before one, is text unless the same
        # label comes back in another cue (test_a_label_must_look_like_one).
        ("Narrator:", None),
        ("Règle numéro un: ne pas parler", None),
        ("Hide these tags:", None),
        ("Перевод:", None),
    ]:
        text = f"1\n00:00:01,000 --> 00:00:02,000\n{line}\n"
        t = srt.parse(text)
        assert t.segments[0].speaker == name, line
        assert srt.render(t) == text


def test_render_uses_repaired_view() -> None:
    t = srt.parse(SAMPLE)
    t.segments[1].add_edit(Edit("speaker", 0, 0, "", "Carol", 0.5))
    t.segments[0].add_edit(Edit("x", 0, 5, "Hello", "Hi"))
    out = srt.render(t)
    assert "Alice: Hi there.\nHow are you?\n\n2\n" in out
    assert "Carol: I'm fine, thanks." in out


def test_changed_times_are_rendered() -> None:
    t = srt.parse(SAMPLE)
    t.segments[1].start = 5.0
    assert "00:00:05,000 --> 00:00:06,250" in srt.render(t)


def test_odd_layouts_round_trip() -> None:
    for text in (
        "\ufeffjunk before\n\n1\n00:00:01,000 --> 00:00:02,000\n\n\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nx\n\n\n",
        "00:00:01,000 --> 00:00:02,000 X1:10 X2:20\nno id\n00:00:03,000-->00:00:04,000\nadjacent\n",
        "1\n00:00:01,000 --> 00:00:02,000",
        "1\r\n00:00:01,000 --> 00:00:02,000\r\nwindows\r\n",
    ):
        t = srt.parse(text)
        offsets_hold(text, t)
        assert srt.render(t) == text


_TEXT_LINE = st.text(alphabet=st.sampled_from(list("ab :,.1你好-")), min_size=1, max_size=20).filter(
    lambda s: s.strip() and not s.strip().isdigit() and "-->" not in s
)
_CUE = st.tuples(
    st.integers(0, 10**7),
    st.integers(0, 10**5),
    st.sampled_from([None, "Alice", "Bob Smith", "主持人"]),
    st.lists(_TEXT_LINE, min_size=1, max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_CUE, min_size=1, max_size=12), st.booleans())
def test_well_formed_round_trip(cues, trailing: bool) -> None:
    for _, _, speaker, lines in cues:
        assume(speaker is not None or srt.SPEAKER.match(lines[0]) is None)
    blocks = []
    for i, (start_ms, dur_ms, speaker, lines) in enumerate(cues):
        start, end = start_ms / 1000, (start_ms + dur_ms) / 1000
        body = "\n".join(lines)
        if speaker:
            body = f"{speaker}: {body}"
        blocks.append(f"{i + 1}\n{srt.format_time(start)} --> {srt.format_time(end)}\n{body}")
    text = "\n\n".join(blocks) + ("\n" if trailing else "")
    t = srt.parse(text)
    assert len(t.segments) == len(cues)
    for seg, (start_ms, dur_ms, speaker, lines) in zip(t.segments, cues, strict=True):
        assert seg.speaker == speaker
        assert seg.original == "\n".join(lines)
        assert (seg.start, seg.end) == (start_ms / 1000, (start_ms + dur_ms) / 1000)
    offsets_hold(text, t)
    assert srt.render(t) == text
    assert srt.looks_like(text) >= 0.9


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    t = srt.parse(text)
    offsets_hold(text, t)
    assert srt.render(t) == text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["1", "\n", "00:00:01,000 --> 00:00:02,000", "Al: ", "x", " ", "-->", "\n\n"]),
        max_size=30,
    )
)
def test_cue_like_text(parts: list[str]) -> None:
    text = "".join(parts)
    t = srt.parse(text)
    offsets_hold(text, t)
    assert srt.render(t) == text


def test_a_label_must_look_like_one() -> None:
    """Repeated across cues, a prefix is a label even at a line's end or in lower case."""
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nnarrator:\nOnce upon a time\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nnarrator: there was\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\nRègle numéro un:\n"
    )
    t = srt.parse(text)
    assert [s.speaker for s in t.segments] == ["narrator", "narrator", None]
    assert srt.render(t) == text


def test_one_digit_timing_fields_and_blank_lines_inside_a_cue() -> None:
    text = (
        "1\n00:00:0,500 --> 00:00:2,00\nfirst line\n\nstill the first cue\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nsecond\n"
    )
    t = srt.parse(text)
    assert [(s.start, s.end, s.original) for s in t.segments] == [
        (0.5, 2.0, "first line\n\nstill the first cue"),
        (3.0, 4.0, "second"),
    ]
    assert srt.render(t) == text
