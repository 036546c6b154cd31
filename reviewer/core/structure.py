"""Where a segment is cut when the reviewer splits it, and the times the parts get.

A split at a position of the segment's repaired text cuts its original where that position
came from.  At (or inside) a fragment join (a ``merge`` edit, see repair/merge.py) the cut
takes the join out: the parts are the fragments again.  Inside any other change the cut is
refused: which part would the change belong to?
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.core.errors import InputError
from reviewer.core.repair.merge import joiner
from reviewer.core.transcript import Edit

MERGE = "merge"


@dataclass(frozen=True)
class Cut:
    """The first part ends at ``at`` of the original; the second begins ``drop`` characters
    later (1 at a fragment join: its "\\n" goes with the join edit)."""

    at: int
    drop: int = 0

    @property
    def resume(self) -> int:
        return self.at + self.drop


def cut_at(original: str, effective: Sequence[Edit], pos: int) -> Cut:
    """The cut for a split of the repaired text at ``pos``; InputError where there is none."""
    delta = 0
    shown_len = len(original)
    for e in sorted((e for e in effective if e.changes_text), key=lambda e: (e.start, e.end)):
        shown = e.after if e.applied else e.before
        shown_len += len(shown) - (e.end - e.start)
    if not 0 < pos < shown_len:
        raise InputError("put the cursor inside the text: a split needs text on both sides")
    for e in sorted((e for e in effective if e.changes_text), key=lambda e: (e.start, e.end)):
        rs = e.start + delta
        shown = e.after if e.applied else e.before
        re_ = rs + len(shown)
        if e.kind == MERGE and e.before == "\n" and rs <= pos <= re_:
            if not (0 < e.start and e.end < len(original)):
                raise InputError("put the cursor inside the text: a split needs text on both sides")
            return Cut(e.start, e.end - e.start)
        if pos < rs or (pos == rs and e.start < e.end):
            break
        if pos < re_:
            raise InputError(
                f"the cursor is inside a change ({e.before!r} → {shown!r}): split before or after it"
            )
        delta += len(shown) - (e.end - e.start)
    at = pos - delta
    if not 0 < at < len(original):
        raise InputError("put the cursor inside the text: a split needs text on both sides")
    return Cut(at)


def merge_glue(left: str, right: str) -> str:
    """What joins two rows a reviewer merges: nothing between Chinese characters (ASR's phrase
    spaces are an artifact of the recogniser, not the text), else as the engine joins fragments."""
    if left and right and _is_cjk(left[-1]) and _is_cjk(right[0]):
        return ""
    return joiner(left, right)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def split_time(start: float | None, end: float | None, share: float) -> float | None:
    """A time for a cut ``share`` of the way through a segment's text: its characters' share of
    the segment's duration (speech rate is even enough within one segment to find the place
    when listening); None without both times."""
    if start is None or end is None or end <= start:
        return None
    return round(start + (end - start) * min(max(share, 0.0), 1.0), 3)
