"""The character-diff re-anchoring, without a database."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.store.reanchor import Anchor, TextMap, reanchor, remap_span


def test_textmap_shifts_and_replaces() -> None:
    m = TextMap("the quick brown fox", "the slow brown fox")
    assert m.span(10, 15) == (9, 14)  # "brown" shifted left by one
    s, e = m.span(4, 9)  # "quick" → whatever took its place
    assert "the slow brown fox"[s:e] == "slow"


def test_insertion_at_span_edge_stays_outside() -> None:
    old, new = "abc XYZ def", "abc ++XYZ++ def"
    s, e = remap_span(old, new, 4, 7)
    assert new[s:e] == "XYZ"


def test_equal_segments_map_one_to_one_even_when_shifted() -> None:
    old = ["one", "two", "three"]
    new = ["zero", "one", "two", "three"]
    [p] = reanchor(old, new, [Anchor("a", 2, 1, 3)])
    assert (p.segment, p.start, p.end, p.same_text) == (3, 1, 3, True)


def test_changed_segment_keeps_span_on_its_words() -> None:
    old = ["intro", "we use chat gpt at work every day", "outro"]
    new = ["intro", "so we use ChatGPT at work every single day", "outro"]
    start = old[1].index("at work")
    [p] = reanchor(old, new, [Anchor(1, 1, start, start + len("at work"))])
    assert p.segment == 1 and new[1][p.start : p.end] == "at work" and p.same_text


def test_span_over_changed_text_is_placed_but_flagged() -> None:
    old = ["I use chat gpt daily"]
    new = ["I use ChatGPT daily"]
    [p] = reanchor(old, new, [Anchor(1, 0, 6, 14)])
    assert p.placed and new[0][p.start : p.end] == "ChatGPT" and not p.same_text


def test_deleted_text_cannot_be_placed() -> None:
    old = ["keep", "this whole turn was removed", "keep too"]
    new = ["keep", "keep too"]
    placements = reanchor(old, new, [Anchor("span", 1, 5, 10), Anchor("seg", 1)])
    assert [p.placed for p in placements] == [False, False]


def test_segments_merged_and_split() -> None:
    old = ["alpha beta", "gamma delta"]
    new = ["alpha beta gamma", "delta"]
    a, b, c = reanchor(old, new, [Anchor("b", 0, 6, 10), Anchor("g", 1, 0, 5), Anchor("d", 1, 6, 11)])
    assert (a.segment, new[a.segment][a.start : a.end]) == (0, "beta")
    assert (b.segment, new[b.segment][b.start : b.end]) == (0, "gamma")
    assert (c.segment, new[c.segment][c.start : c.end]) == (1, "delta")


def test_whole_segment_follows_its_text() -> None:
    old = ["a", "the middle turn", "z"]
    new = ["a", "new turn", "the middle turn, longer", "z"]
    [p] = reanchor(old, new, [Anchor("m", 1)])
    assert p.segment == 2 and p.start is None and not p.same_text


before = st.text(alphabet="abc ", min_size=0, max_size=12)
after = st.text(alphabet="你好😀。", min_size=0, max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    prefix=before,
    middle=st.text(alphabet="XYZ", min_size=1, max_size=6),
    suffix=after,
    new_prefix=before,
    new_suffix=after,
)
def test_untouched_span_is_always_found(
    prefix: str, middle: str, suffix: str, new_prefix: str, new_suffix: str
) -> None:
    """Whatever changes before and after a span (text not moved across it), its text stays under it."""
    old = prefix + middle + suffix
    new = new_prefix + middle + new_suffix
    [p] = reanchor([old], [new], [Anchor(0, 0, len(prefix), len(prefix) + len(middle))])
    assert p.placed
    assert new[p.start : p.end] == middle


def test_huge_blocks_fall_back_to_linear_memory_diff(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import reviewer.store.reanchor as mod

    monkeypatch.setattr(mod, "INDEL_LIMIT", 10)
    old = ["the quick brown fox jumps"]
    new = ["the quick red fox jumps"]
    [p] = reanchor(old, new, [Anchor(1, 0, 16, 19)])  # "fox"
    assert new[0][p.start : p.end] == "fox" and p.same_text
