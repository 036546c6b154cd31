"""Spans of a segment's repaired text ↔ spans of its original text, through its effective edits."""

from __future__ import annotations

from collections.abc import Iterable

from reviewer.core.transcript import Edit, OffsetMap


def _map(edits: Iterable[Edit] | OffsetMap) -> OffsetMap:
    return edits if isinstance(edits, OffsetMap) else OffsetMap(edits)


def repaired_to_original(edits: Iterable[Edit] | OffsetMap, start: int, end: int) -> tuple[int, int]:
    """A span of the repaired text → the original text it came from (widened to whole edits)."""
    return _map(edits).span(start, end)


def original_to_repaired(edits: Iterable[Edit] | OffsetMap, start: int, end: int) -> tuple[int, int]:
    """A span of the original text → the repaired text it became (widened to whole edits)."""
    rows = _map(edits).rows  # (repaired start, repaired end, original start, original end)
    s = _to_repaired(rows, start, is_end=False)
    return s, max(s, _to_repaired(rows, end, is_end=True))


def _to_repaired(rows: list[tuple[int, int, int, int]], pos: int, *, is_end: bool) -> int:
    delta = 0
    for rs, re_, os_, oe in rows:
        if is_end:
            if pos <= os_:
                break
            if pos <= oe:
                return re_
        else:
            if pos < os_:
                break
            if pos < oe:
                return rs
        delta = re_ - oe
    return pos + delta
