"""Plain transcripts: one utterance per line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.formats import plain
from reviewer.core.transcript import Edit
from tests.conftest import seed_path

# Non-blank lines, checked independently: grep -vcE '^\s*$' seeds/004_*.txt
SEED_004_LINES = 1060


def offsets_hold(text: str, t) -> None:
    for seg in t.segments:
        assert text[seg.offset : seg.offset + len(seg.original)] == seg.original


def test_seed() -> None:
    text = seed_path("004").read_text(encoding="utf-8")
    t = plain.parse(text)
    assert len(t.segments) == SEED_004_LINES
    assert all(s.speaker is None and s.start is None for s in t.segments)
    assert t.segments[0].original == "大家好，我叫李厚明，我是棕榈资本的创始人"
    offsets_hold(text, t)
    assert plain.render(t) == text


def test_blank_lines_are_layout() -> None:
    text = "\n  one  \n\n \ntwo\n\n"
    t = plain.parse(text)
    assert [(s.original, s.source_lines) for s in t.segments] == [("  one  ", [2]), ("two", [5])]
    assert plain.render(t) == text
    t.segments[1].add_edit(Edit("x", 0, 3, "two", "TWO"))
    assert plain.render(t) == "\n  one  \n\n \nTWO\n\n"


def test_split_lines() -> None:
    assert plain.split_lines("") == ([""], [0], False)
    assert plain.split_lines("a\nbc\n") == (["a", "bc"], [0, 2], True)


_LINE = st.text(alphabet=st.sampled_from(list("ab 你好。\t")), max_size=20)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, min_size=1), st.booleans())
def test_well_formed_round_trip(lines: list[str], trailing: bool) -> None:
    text = "\n".join(lines) + ("\n" if trailing else "")
    t = plain.parse(text)
    assert [s.original for s in t.segments] == [ln for ln in lines if ln.strip()]
    offsets_hold(text, t)
    assert plain.render(t) == text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    t = plain.parse(text)
    offsets_hold(text, t)
    assert plain.render(t) == text
