"""The reviewer's own text as minimal manual edits over the segment's original (core.corrections)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.corrections import MANUAL, manual_edits
from reviewer.core.transcript import Edit, apply_edits

ALPHABET = "ab曹越悦 \n"


def _live(existing: list[Edit], superseded: frozenset[int]) -> list[Edit]:
    return [e for i, e in enumerate(existing) if i not in superseded]


def _result(original: str, existing: list[Edit], new: str) -> tuple[str, list[Edit]]:
    rw = manual_edits(original, existing, new)
    edits = sorted([*_live(existing, rw.superseded), *rw.edits], key=lambda e: (e.start, e.end))
    return apply_edits(original, edits), list(rw.edits)


@st.composite
def segments(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    original = draw(st.text(ALPHABET, max_size=24))
    cuts = sorted(draw(st.lists(st.integers(0, len(original)), max_size=6)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        after = draw(st.text(ALPHABET, max_size=4))
        applied = draw(st.booleans())
        edits.append(Edit("glossary", a, b, original[a:b], after, applied=applied))
    # Non-overlapping, and no two starting at one place (as the engine makes them).
    kept: list[Edit] = []
    for e in edits:
        if not kept or (e.start >= kept[-1].end and e.start != kept[-1].start):
            kept.append(e)
    return original, kept


@settings(max_examples=400, deadline=None)
@given(segments(), st.text(ALPHABET, max_size=24))
def test_the_new_text_is_exactly_what_was_typed(seg: tuple[str, list[Edit]], new: str) -> None:
    original, existing = seg
    text, added = _result(original, existing, new)
    assert text == new
    for e in added:
        assert e.kind == MANUAL and e.applied
        assert e.before == original[e.start : e.end]  # offsets and before are the original's


@settings(max_examples=300, deadline=None)
@given(segments(), st.text(ALPHABET, max_size=24))
def test_the_edits_that_count_never_overlap(seg: tuple[str, list[Edit]], new: str) -> None:
    original, existing = seg
    rw = manual_edits(original, existing, new)
    spans = sorted((e.start, e.end) for e in [*_live(existing, rw.superseded), *rw.edits])
    for (a1, b1), (a2, b2) in itertools.pairwise(spans):
        assert b1 <= a2  # one ends before the next starts
        # Two at one place only as an insertion before a replacement: (start, end) orders them.
        assert a1 != a2 or a1 == b1 < b2


@given(segments())
def test_the_same_text_makes_no_edit(seg: tuple[str, list[Edit]]) -> None:
    original, existing = seg
    rw = manual_edits(original, existing, apply_edits(original, existing))
    assert rw.edits == () and rw.superseded == frozenset()


def test_one_edit_per_changed_run_and_clean_text_kept() -> None:
    original = "我见老王说曹悦的Sytham很好"
    rw = manual_edits(original, [], "我见老王说曹越的System很好")
    # Two runs changed: one Chinese character, one Latin word (a word is one unit, not "yth").
    assert [(e.start, e.end, e.before, e.after) for e in rw.edits] == [
        (6, 7, "悦", "越"),
        (8, 14, "Sytham", "System"),
    ]


def test_a_run_inside_an_engine_edit_replaces_that_edit() -> None:
    original = "曹悦说"
    glossary = Edit("glossary", 0, 2, "曹悦", "曹越", applied=True)
    rw = manual_edits(original, [glossary], "曹跃说")
    assert rw.superseded == {0}
    assert [(e.start, e.end, e.before, e.after) for e in rw.edits] == [(0, 2, "曹悦", "曹跃")]


def test_an_insertion_next_to_an_edit_takes_it_in() -> None:
    original = "ab"
    ins = Edit("punctuation", 2, 2, "", "。", applied=True)
    rw = manual_edits(original, [ins], "ab。！")
    assert rw.superseded == {0}
    assert [(e.start, e.end, e.after) for e in rw.edits] == [(2, 2, "。！")]
