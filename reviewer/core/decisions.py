"""The one rule for what a segment says after the reviewer's decisions on its edits.

An edit counts as the decision makes it: accepted → applied, rejected → not applied,
changed → applied with the reviewer's text, pending → as the engine left it.  The
segment's text is its original with the counted edits applied; its speaker is the label
an applied speaker edit gives it, else the file's.  The store (on import and on every
decision) and anything that shows a segment use these, and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reviewer.core.transcript import Edit, apply_edits


def effective_edit(
    kind: str,
    start: int,
    end: int,
    before: str,
    after: str,
    applied: bool,
    decision: str,
    decided_text: str | None,
) -> Edit:
    if decision == "accepted":
        return Edit(kind, start, end, before, after, applied=True)
    if decision == "rejected":
        return Edit(kind, start, end, before, after, applied=False)
    if decision == "changed":
        return Edit(kind, start, end, before, decided_text or "", applied=True)
    return Edit(kind, start, end, before, after, applied=applied)


def decided_text(original: str, effective: Sequence[Edit]) -> str:
    """The segment's text: the original with the edits that count applied."""
    return apply_edits(original, effective)


def decided_speaker(original_speaker: str | None, effective: Iterable[Edit]) -> str | None:
    """The segment's speaker label: an applied speaker edit's, else the file's."""
    for e in effective:
        if e.kind == "speaker" and e.applied:
            return e.after or None
    return original_speaker


def pending_count(decisions: Iterable[str]) -> int:
    """How many edits wait for the reviewer's decision."""
    return sum(1 for d in decisions if d == "pending")


def is_reviewed(decisions: Iterable[str]) -> bool:
    """A segment is reviewed when no edit of it waits for a decision (the store keeps no flag)."""
    return pending_count(decisions) == 0
