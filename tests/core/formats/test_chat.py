"""Chat transcripts: [A]: turns over paragraphs."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reviewer.core.formats import chat
from reviewer.core.transcript import Edit
from tests.conftest import seed_path

# Turn counts checked independently: grep -cE '^\[[^]]+\]:' seeds/00N_*.txt
SEED_TURNS = {"000": 20, "001": 20, "002": 20}


def offsets_hold(text: str, t) -> None:
    for seg in t.segments:
        assert text[seg.offset : seg.offset + len(seg.original)] == seg.original


@pytest.mark.parametrize("prefix", sorted(SEED_TURNS))
def test_seed(prefix: str) -> None:
    text = seed_path(prefix).read_text(encoding="utf-8")
    t = chat.parse(text)
    assert t.format == "chat"
    assert len(t.segments) == SEED_TURNS[prefix]
    assert [s.speaker for s in t.segments] == ["A", "B"] * 10
    assert t.header == ""
    offsets_hold(text, t)
    assert chat.render(t) == text
    # Every line of the file belongs to exactly one turn.
    lines = [n for s in t.segments for n in s.source_lines]
    assert lines == list(range(1, len(text.split("\n")) + 1))


def test_turn_spans_paragraphs_and_blank_lines() -> None:
    text = "Intro line\n\n[A]: first  \n\nsecond para\n[Speaker 1]:no space\n[B]: last\n"
    t = chat.parse(text)
    assert t.header == "Intro line\n\n"
    assert [(s.speaker, s.original) for s in t.segments] == [
        ("A", "first  \n\nsecond para"),
        ("Speaker 1", "no space"),
        ("B", "last"),
    ]
    assert t.segments[0].source_lines == [3, 4, 5]
    assert t.segments[0].line_starts == [None, None, None]
    assert t.extras["chat_sep"] == {"1": ""}
    offsets_hold(text, t)
    assert chat.render(t) == text


def test_render_uses_repaired_view() -> None:
    t = chat.parse("[A]: helo\n[]: not a label\n")
    seg = t.segments[0]
    assert seg.original == "helo\n[]: not a label"
    seg.add_edit(Edit("x", 0, 4, "helo", "hello"))
    seg.add_edit(Edit("speaker", 0, 0, "A", "Alice"))
    assert chat.render(t) == "[Alice]: hello\n[]: not a label\n"


def test_no_labels() -> None:
    t = chat.parse("just text\n")
    assert t.segments == [] and chat.render(t) == "just text\n"
    assert chat.looks_like("just text\n") == 0.0


def test_looks_like() -> None:
    assert chat.looks_like("[A]: hi\n[B]: yo") >= 0.8
    prose = "\n".join(f"line {i}" for i in range(50)) + "\n[x]: late label"
    assert chat.looks_like(prose) < 0.1


_LINE = st.text(alphabet=st.sampled_from(list("ab [x]:你好，。 ")), max_size=30).filter(
    lambda s: chat.label(s) is None
)
_SPEAKER = st.sampled_from(["A", "B", "Speaker 1", "主持人"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_LINE, max_size=3),
    st.lists(
        st.tuples(_SPEAKER, st.sampled_from(["", " "]), st.lists(_LINE, min_size=1, max_size=4)), min_size=1
    ),
    st.booleans(),
)
def test_well_formed_round_trip(header: list[str], turns, trailing: bool) -> None:
    # A last turn ending in an empty line would make its newline the file's trailing one.
    assume(turns[-1][2][-1] != "")
    text = "".join(h + "\n" for h in header)
    text += "\n".join(f"[{spk}]:{sep}" + "\n".join(body) for spk, sep, body in turns)
    text += "\n" if trailing else ""
    t = chat.parse(text)
    assert len(t.segments) == len(turns)
    for seg, (spk, sep, body) in zip(t.segments, turns, strict=True):
        assert seg.speaker == spk
        expected = "\n".join(body)
        if sep == "" and expected.startswith(" "):
            expected = expected[1:]  # "[A]:" + " x" reads as the optional space
        assert seg.original == expected
    offsets_hold(text, t)
    assert chat.render(t) == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    t = chat.parse(text)
    offsets_hold(text, t)
    assert chat.render(t) == text
    assert 0.0 <= chat.looks_like(text) <= 1.0


def test_label_regex_is_anchored() -> None:
    assert re.match(chat.LABEL, "x [A]: y") is None
