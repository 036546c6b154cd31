"""Carry annotation positions from an old text to a new one through a character diff.

Pure Python, no database: the store feeds it segment texts and anchors, and
writes back the placements.  Two levels, so a changed file of thousands of
segments costs little: segments are matched first (unchanged ones map 1:1),
then only the runs of changed segments are diffed character by character.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz.distance import Indel, Levenshtein

# Joins a run of segments for the character diff; a character transcripts do not contain.
_SEP = "\x00"
# Indel (longest common subsequence) keeps the most text matched, which is what anchoring
# wants, but its opcodes need len(old) * len(new) bits; past this (~50 MB) use Levenshtein,
# which runs in linear memory but may pair up unrelated characters as substitutions.
INDEL_LIMIT = 400_000_000


class TextMap:
    """Maps positions of ``old`` to positions of ``new`` (code-point offsets).

    A start inside replaced text moves to the start of its replacement, an end
    to the end of it, so a span keeps covering whatever took its text's place.
    Text inserted exactly at a span's edge is left outside the span.
    """

    def __init__(self, old: str, new: str) -> None:
        self.old_len, self.new_len = len(old), len(new)
        metric = Indel if len(old) * len(new) <= INDEL_LIMIT else Levenshtein
        # Runs of deletes and inserts between equal stretches become one replacement, so a span
        # whose text was rewritten covers the new text; pure insertions are dropped (they add
        # text between positions, which stays outside any span ending or starting there).
        ops: list[tuple[str, int, int, int, int]] = []
        for op in metric.opcodes(old, new):
            if op.tag == "equal":
                ops.append(("equal", op.src_start, op.src_end, op.dest_start, op.dest_end))
            elif ops and ops[-1][0] == "replace":
                _, i1, _i2, j1, _j2 = ops[-1]
                ops[-1] = ("replace", i1, op.src_end, j1, op.dest_end)
            else:
                ops.append(("replace", op.src_start, op.src_end, op.dest_start, op.dest_end))
        self._ops = [op for op in ops if op[1] < op[2]]
        self._starts = [op[1] for op in self._ops]
        self._ends = [op[2] for op in self._ops]

    def start(self, pos: int) -> int:
        if pos >= self.old_len:
            return self.new_len
        tag, i1, _i2, j1, _j2 = self._ops[bisect_right(self._starts, pos) - 1]
        return j1 + (pos - i1) if tag == "equal" else j1

    def end(self, pos: int) -> int:
        if pos <= 0:
            return 0
        tag, i1, _i2, j1, j2 = self._ops[bisect_left(self._ends, pos)]
        return j1 + (pos - i1) if tag == "equal" else j2

    def span(self, start: int, end: int) -> tuple[int, int]:
        s = self.start(start)
        return s, max(s, self.end(end))


@dataclass(frozen=True)
class Anchor:
    """Where an annotation sits in the old segments: ``start``/``end`` None means the whole segment."""

    key: Hashable
    segment: int  # position in the old segment list
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Placement:
    key: Hashable
    segment: int | None  # position in the new segment list; None: could not be placed
    start: int | None = None
    end: int | None = None
    # The text under it is the same as before (False: placed on changed text, or unplaced).
    same_text: bool = False

    @property
    def placed(self) -> bool:
        return self.segment is not None


def remap_span(old: str, new: str, start: int, end: int) -> tuple[int, int]:
    """A span of ``old`` → the corresponding span of ``new`` (one segment's text changed)."""
    if old == new:
        return start, end
    return TextMap(old, new).span(start, end)


def reanchor(
    old_texts: Sequence[str], new_texts: Sequence[str], anchors: Iterable[Anchor]
) -> list[Placement]:
    """Place each anchor of the old segments on the new ones (one Placement per anchor, same order)."""
    anchors = list(anchors)
    by_segment: dict[int, list[int]] = {}
    for n, a in enumerate(anchors):
        by_segment.setdefault(a.segment, []).append(n)
    out: list[Placement | None] = [None] * len(anchors)

    matcher = SequenceMatcher(None, list(old_texts), list(new_texts), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        hit = [n for i in range(i1, i2) for n in by_segment.get(i, ())]
        if not hit:
            continue
        if tag == "equal":
            for n in hit:
                a = anchors[n]
                out[n] = Placement(a.key, j1 + a.segment - i1, a.start, a.end, True)
        elif tag == "delete":
            for n in hit:
                out[n] = Placement(anchors[n].key, None)
        else:  # replace: diff the run of old segments against the run of new ones
            block = _Block(old_texts[i1:i2], new_texts[j1:j2])
            for n in hit:
                a = anchors[n]
                p = block.place(a.segment - i1, a.start, a.end)
                out[n] = (
                    Placement(a.key, None) if p is None else Placement(a.key, j1 + p[0], p[1], p[2], p[3])
                )
    return [p if p is not None else Placement(anchors[n].key, None) for n, p in enumerate(out)]


class _Block:
    """A run of old segments replaced by a run of new ones, diffed as one text."""

    def __init__(self, old: Sequence[str], new: Sequence[str]) -> None:
        self.old, self.new = old, new
        self.old_starts = _starts(old)
        self.new_starts = _starts(new)
        self.map = TextMap(_SEP.join(old), _SEP.join(new))

    def place(
        self, seg: int, start: int | None, end: int | None
    ) -> tuple[int, int | None, int | None, bool] | None:
        whole = start is None or end is None
        s0, e0 = (0, len(self.old[seg])) if whole else (start, end)
        base = self.old_starts[seg]
        ns, ne = self.map.span(base + s0, base + e0)
        if whole:
            k = self._most_overlap(ns, ne)
            if k is None:
                return None
            return k, None, None, self.new[k] == self.old[seg]
        k = self._segment_at(ns)
        lo = self.new_starts[k]
        ls, le = ns - lo, min(ne, lo + len(self.new[k])) - lo
        if le <= ls and e0 > s0:
            return None  # its text is gone
        quote = self.old[seg][s0:e0]
        return k, ls, le, self.new[k][ls:le] == quote

    def _segment_at(self, pos: int) -> int:
        k = max(0, bisect_right(self.new_starts, pos) - 1)
        # On the separator after segment k: the span begins in the next one.
        if pos > self.new_starts[k] + len(self.new[k]) and k + 1 < len(self.new):
            k += 1
        return k

    def _most_overlap(self, ns: int, ne: int) -> int | None:
        best, best_len = None, 0
        for k, lo in enumerate(self.new_starts):
            overlap = min(ne, lo + len(self.new[k])) - max(ns, lo)
            if overlap > best_len:
                best, best_len = k, overlap
        if best is None and ns == ne:
            # An empty old segment: keep it where its position lands.
            k = self._segment_at(ns)
            return k if self.new_starts[k] <= ns <= self.new_starts[k] + len(self.new[k]) else None
        return best


def _starts(texts: Sequence[str]) -> list[int]:
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + len(_SEP)
    return starts
