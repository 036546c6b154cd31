"""What a repair step is, and the glue that turns a step's fixes into Edits."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from reviewer.core.transcript import Edit, Segment, Transcript

CHUNK = 4096  # segments scanned per joined text in run_text_step


@dataclass(frozen=True)
class Fix:
    """A change a step proposes at ``[start, end)`` of the text it was given."""

    start: int
    end: int
    after: str
    confidence: float = 1.0
    alternatives: tuple[str, ...] = ()
    applied: bool = True


class Step(Protocol):
    name: str

    def run(self, transcript: Transcript) -> list[Edit]:
        """Add this step's edits to the transcript's segments and return them."""
        ...


# The least confidence at which a text step's fix is applied (README "Repair steps"); below it
# the fix is a suggestion (``applied: false``): the text stays as it was until the reviewer
# accepts it.  A step may hold its own fixes back further (the glossary applies at 0.85).
# Mojibake is broken for certain (only which reading it was is in doubt): its best reading
# is applied down to 0.2, with the runners-up as alternatives; below that, it is a guess.
APPLY_AT = {"mojibake": 0.2}
APPLY_AT_DEFAULT = 0.5


def apply_at(kind: str) -> float:
    return APPLY_AT.get(kind, APPLY_AT_DEFAULT)


def propose_fixes(segment: Segment, kind: str, fixes: Iterable[Fix]) -> list[Edit]:
    """Record fixes computed on ``segment.repaired`` as edits of the segment.

    Fixes are proposed right to left so the offsets of the ones still to come
    stay valid while earlier ones change the repaired text.
    """
    added: list[Edit] = []
    for f in sorted(fixes, key=lambda f: (f.start, f.end), reverse=True):
        applied = f.applied and f.confidence >= apply_at(kind)
        e = segment.propose(kind, f.start, f.end, f.after, f.confidence, f.alternatives, applied)
        if e is not None:
            added.append(e)
    added.reverse()
    return added


def run_text_step(
    transcript: Transcript,
    kind: str,
    finder: Callable[[str], list[Fix]],
    worth_a_look: Callable[[str], Iterable[int]] | None = None,
) -> list[Edit]:
    """Run a text-level finder over the segments' current repaired texts.

    ``worth_a_look``, given all the texts joined by "\n", returns positions in
    that join where the finder may find something; only segments holding such a
    position are searched.  Clean transcripts then cost one scan in C, not a
    Python call per segment.
    """
    segs = transcript.segments
    edits: list[Edit] = []
    # In chunks, so the joined copy of a long transcript stays small.
    for lo in range(0, len(segs), CHUNK):
        chunk = segs[lo : lo + CHUNK]
        texts = [seg.repaired for seg in chunk]
        if worth_a_look is None:
            chosen: Iterable[int] = range(len(chunk))
        else:
            ends: list[int] = []
            pos = 0
            for t in texts:
                pos += len(t)
                ends.append(pos)
                pos += 1
            chosen = sorted({bisect_left(ends, p) for p in worth_a_look("\n".join(texts))} - {len(chunk)})
        for i in chosen:
            fixes = finder(texts[i])
            if fixes:
                edits.extend(propose_fixes(chunk[i], kind, fixes))
    return edits
