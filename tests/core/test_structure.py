"""core.structure: where a split at a cursor cuts the original, and the time it estimates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.decisions import decided_text
from reviewer.core.errors import InputError
from reviewer.core.structure import Cut, cut_at, split_time
from reviewer.core.transcript import Edit


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    """An original over a few letters, spaces and line breaks, with non-overlapping edits:
    replacements, insertions, deletions, fragment joins on its line breaks; some not applied."""
    original = draw(st.text(alphabet="ab \n", min_size=1, max_size=14))
    edits: list[Edit] = []
    pos = 0
    while pos <= len(original):
        choice = draw(st.integers(0, 4))
        if choice == 0 and pos < len(original) and original[pos] == "\n":
            glue = draw(st.sampled_from(["", " "]))
            edits.append(Edit("merge", pos, pos + 1, "\n", glue, applied=draw(st.booleans())))
            pos += 1
        elif choice == 1:
            end = draw(st.integers(pos, min(len(original), pos + 3)))
            after = draw(st.text(alphabet="XY", max_size=3))
            if original[pos:end] != after:
                edits.append(
                    Edit("glossary", pos, end, original[pos:end], after, applied=draw(st.booleans()))
                )
            pos = end + 1
        else:
            pos += 1
    return original, edits


def _shown(e: Edit) -> str:
    return e.after if e.applied else e.before


@settings(max_examples=300, deadline=None)
@given(edited())
def test_a_cut_splits_the_text_exactly_where_the_cursor_is(case: tuple[str, list[Edit]]) -> None:
    original, edits = case
    repaired = decided_text(original, edits)
    for pos in range(len(repaired) + 1):
        try:
            cut = cut_at(original, edits, pos)
        except InputError:
            continue
        assert 0 < cut.at and cut.resume < len(original) + (0 if cut.drop else 1)
        join = [e for e in edits if e.kind == "merge" and (e.start, e.end) == (cut.at, cut.resume)]
        assert len(join) == (1 if cut.drop else 0)
        # Every other edit lies wholly in one part (an insertion at the cut: the first part).
        first = [e for e in edits if e.end <= cut.at and e not in join]
        second = [
            e.shifted(-cut.resume)
            for e in edits
            if e.start >= cut.resume and e not in join and e not in first
        ]
        assert len(first) + len(second) + len(join) == len(edits)
        head = decided_text(original[: cut.at], first)
        tail = decided_text(original[cut.resume :], second)
        assert head + (_shown(join[0]) if join else "") + tail == repaired
        if not join:
            assert head == repaired[:pos]  # exactly at the cursor
        else:
            # At a join, the cursor was on it (its own text, if any, is what the cut takes out).
            assert len(head) <= pos <= len(head) + len(_shown(join[0]))


@settings(max_examples=200, deadline=None)
@given(edited())
def test_no_cut_inside_a_change_or_at_the_ends(case: tuple[str, list[Edit]]) -> None:
    original, edits = case
    repaired = decided_text(original, edits)
    for pos in (0, len(repaired)):
        with pytest.raises(InputError):
            cut_at(original, edits, pos)
    delta = 0
    for e in sorted(edits, key=lambda e: e.start):
        rs = e.start + delta
        shown = _shown(e)
        if e.kind != "merge":
            for pos in range(rs + 1, rs + len(shown)):
                with pytest.raises(InputError):
                    cut_at(original, edits, pos)
        delta += len(shown) - (e.end - e.start)


def test_a_cursor_beside_a_join_takes_the_join_out() -> None:
    original = "hello\nworld"
    edits = [Edit("merge", 5, 6, "\n", " ")]  # reads "hello world"
    assert cut_at(original, edits, 5) == Cut(5, 1)  # before the space
    assert cut_at(original, edits, 6) == Cut(5, 1)  # after it
    assert cut_at(original, edits, 3) == Cut(3)  # "hel|lo world"
    assert cut_at(original, edits, 8) == Cut(8)  # "hello wo|rld": original position 8


def test_split_time_is_the_characters_share_of_the_duration() -> None:
    assert split_time(10.0, 20.0, 0.25) == 12.5
    assert split_time(10.0, None, 0.5) is None  # no end: nothing to share
    assert split_time(None, 20.0, 0.5) is None
    assert split_time(10.0, 20.0, 1.7) == 20.0  # clamped
