"""The reviewer's own text as edits: a new text for a segment → minimal ``manual`` edits.

Every edit, the engine's or the reviewer's, says what it does to the segment's *original*
text (``start``/``end``/``before`` index the original).  A reviewer who rewrites the text
as it reads now gets one edit per changed run of characters (a character diff against the
current text).  Where a run touches text an existing edit made (or one it suggests), the
new edit takes that edit's whole span in: the old one is *superseded* (it no longer counts
or shows), so the edits that count never overlap and the text is exactly what was typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import accumulate

from reviewer.core.transcript import FIELD_KINDS, Edit, apply_edits

# The diff's units: a Latin word or number whole ("Sytham" → "System" is one change, not
# "yth" → "yst"), any other character (a Chinese one, a space, an emoji) by itself.
_UNIT = re.compile(r"[A-Za-z0-9]+|.", re.S)

MANUAL = "manual"
PROPAGATED = "propagated"


@dataclass(frozen=True)
class Rewrite:
    """What a new text makes of a segment: the edits to add, and which existing ones they replace."""

    edits: tuple[Edit, ...]
    # Indexes into the ``existing`` edits given to manual_edits.
    superseded: frozenset[int]


@dataclass(frozen=True)
class _Piece:
    # A stretch of the current text and the original text it comes from; ``edit`` is the
    # index of the existing edit that made (or suggests a change to) it, None where untouched.
    orig_start: int
    orig_end: int
    cur_start: int
    cur_end: int
    edit: int | None


def _pieces(original: str, existing: Sequence[Edit]) -> list[_Piece]:
    text_edits = sorted(
        (i for i, e in enumerate(existing) if e.kind not in FIELD_KINDS), key=lambda i: existing[i].start
    )
    out: list[_Piece] = []
    pos = cur = 0
    for i in text_edits:
        e = existing[i]
        if e.start > pos:
            out.append(_Piece(pos, e.start, cur, cur + e.start - pos, None))
            cur += e.start - pos
        shown = len(e.after) if e.applied else e.end - e.start
        out.append(_Piece(e.start, e.end, cur, cur + shown, i))
        cur += shown
        pos = e.end
    out.append(_Piece(pos, len(original), cur, cur + len(original) - pos, None))
    return out


def _touches(p: _Piece, a: int, b: int) -> bool:
    if p.edit is None:
        return False
    if a == b:  # an insertion at an edit's edge joins it (no two edits start at one place)
        return p.cur_start <= a <= p.cur_end
    return (a < p.cur_end and p.cur_start < b) or (p.cur_start == p.cur_end and a <= p.cur_start <= b)


def _to_original(pieces: Sequence[_Piece], at: int) -> int:
    for p in pieces:
        if p.edit is None and p.cur_start <= at <= p.cur_end:
            return p.orig_start + at - p.cur_start
    for p in pieces:  # only at an edit's edge (runs are widened to whole edits first)
        if at == p.cur_start:
            return p.orig_start
        if at == p.cur_end:
            return p.orig_end
    raise ValueError(f"position {at} is inside an edit")


def manual_edits(original: str, existing: Sequence[Edit], new_text: str, kind: str = MANUAL) -> Rewrite:
    """The edits that turn the segment's current text (``original`` with ``existing`` as they
    count now) into ``new_text``: one per changed run, in original offsets, applied.

    ``existing`` are the segment's live edits as they count (core.decisions.effective_edit):
    an applied one shows its ``after``, one not applied its ``before``.
    """
    current = apply_edits(original, existing)
    if current == new_text:
        return Rewrite((), frozenset())
    pieces = _pieces(original, existing)
    runs: list[list[int]] = []  # [cur_start, cur_end, new_start, new_end]
    a_units, b_units = _UNIT.findall(current), _UNIT.findall(new_text)
    a_at = [0, *accumulate(map(len, a_units))]  # unit number → character offset
    b_at = [0, *accumulate(map(len, b_units))]
    matcher = SequenceMatcher(None, a_units, b_units, autojunk=False)
    for tag, u1, u2, v1, v2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        i1, i2, j1, j2 = a_at[u1], a_at[u2], b_at[v1], b_at[v2]
        # Widen to the whole of every existing edit the run touches: it is replaced entirely.
        widened = True
        while widened:  # until no edit sticks out (a widened run can reach an empty edit)
            widened = False
            for p in pieces:
                if _touches(p, i1, i2) and (p.cur_start < i1 or p.cur_end > i2):
                    j1 -= i1 - min(i1, p.cur_start)
                    j2 += max(i2, p.cur_end) - i2
                    i1, i2 = min(i1, p.cur_start), max(i2, p.cur_end)
                    widened = True
        if runs and i1 <= runs[-1][1]:  # widened into the run before: one edit
            runs[-1][1], runs[-1][3] = i2, j2
        else:
            runs.append([i1, i2, j1, j2])
    superseded: set[int] = set()
    edits = []
    for i1, i2, j1, j2 in runs:
        touched = [p for p in pieces if _touches(p, i1, i2)]
        superseded |= {p.edit for p in touched if p.edit is not None}
        # An edit that shows nothing (a deletion) sits at the run's edge: its span is taken in.
        o1 = min([_to_original(pieces, i1), *(p.orig_start for p in touched)])
        o2 = max([_to_original(pieces, i2), *(p.orig_end for p in touched)])
        edits.append(Edit(kind, o1, o2, original[o1:o2], new_text[j1:j2], confidence=1.0, applied=True))
    return Rewrite(tuple(edits), frozenset(superseded))
