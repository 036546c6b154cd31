"""The vocabulary every layer speaks: Transcript, Segment and Edit.

Offsets are Python ``str`` indices (code points), never bytes.

An :class:`Edit` always points into its segment's ``original`` text:
``segment.original[edit.start:edit.end] == edit.before``.  The repaired text is
the original with every *applied* text edit substituted, so a reviewer can
accept or reject each edit on its own.  Edits of a segment never overlap.

Edits whose kind is in :data:`FIELD_KINDS` change a segment field rather than
its text (e.g. a speaker label filled from context); they are zero-width at 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Edit kinds that change a segment field instead of the text.
FIELD_KINDS = frozenset({"speaker"})


@dataclass(slots=True)
class Edit:
    kind: str
    start: int
    end: int
    before: str
    after: str
    confidence: float = 1.0
    alternatives: list[str] = field(default_factory=list)
    applied: bool = True

    @property
    def changes_text(self) -> bool:
        return self.kind not in FIELD_KINDS

    def shifted(self, delta: int) -> Edit:
        return Edit(
            self.kind,
            self.start + delta,
            self.end + delta,
            self.before,
            self.after,
            self.confidence,
            list(self.alternatives),
            self.applied,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "before": self.before,
            "after": self.after,
            "confidence": round(self.confidence, 4),
            "alternatives": list(self.alternatives),
            "applied": self.applied,
        }


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Substitute the applied text edits (non-overlapping) into ``text``."""
    ordered = list(edits)
    last = -1
    for e in ordered:  # (a plain loop: this runs for every segment in every step)
        if e.start < last:
            ordered.sort(key=lambda e: e.start)
            break
        last = e.start
    out: list[str] = []
    pos = 0
    for e in ordered:
        if e.applied and e.kind not in FIELD_KINDS:
            out.append(text[pos : e.start])
            out.append(e.after)
            pos = e.end
    out.append(text[pos:])
    return "".join(out)


class OffsetMap:
    """Maps positions between an original text and its repaired text.

    Built from the applied text edits.  Repaired positions inside an edit's
    ``after`` map to that edit's original span (start → its start, end → its
    end), so a mapped span always covers whole edits.
    """

    def __init__(self, edits: Iterable[Edit]) -> None:
        applied = sorted((e for e in edits if e.applied and e.changes_text), key=lambda e: e.start)
        # Per edit: (repaired start, repaired end, original start, original end)
        self.rows: list[tuple[int, int, int, int]] = []
        delta = 0
        for e in applied:
            rs = e.start + delta
            self.rows.append((rs, rs + len(e.after), e.start, e.end))
            delta += len(e.after) - (e.end - e.start)

    def to_original(self, pos: int, is_end: bool = False) -> int:
        d = 0
        for rs, re_, os_, oe in self.rows:
            if is_end:
                if pos <= rs:
                    break
                if pos <= re_:
                    return oe
            else:
                if pos < rs:
                    break
                if pos < re_:
                    return os_
            d = oe - re_
        return pos + d

    def to_repaired(self, pos: int) -> int:
        """Original position (outside any edit's interior) → repaired position."""
        d = 0
        for _rs, re_, os_, oe in self.rows:
            if pos < oe:
                if pos > os_:
                    return re_
                break
            d = re_ - oe
        return pos + d

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start), max(self.to_original(start), self.to_original(end, True))


@dataclass(slots=True)
class Segment:
    """One turn, line, fragment group or cue.

    ``original`` is the segment's text as decoded (the body only: no speaker
    label, no timestamp).  ``offset`` is where it begins in the decoded text;
    ``source_lines`` are 1-based line numbers of the decoded text it came from,
    and ``line_starts`` the start time of each of those lines where known.
    """

    index: int
    original: str
    speaker: str | None = None
    start: float | None = None
    end: float | None = None
    source_lines: list[int] = field(default_factory=list)
    line_starts: list[float | None] = field(default_factory=list)
    offset: int = 0
    # A shared empty tuple until the first edit: most segments of a long clean
    # transcript never get one, and an empty list each costs 56 bytes.
    edits: Sequence[Edit] = ()

    @property
    def repaired(self) -> str:
        if not self.edits:
            return self.original
        return apply_edits(self.original, self.edits)

    @property
    def repaired_speaker(self) -> str | None:
        if not self.edits:
            return self.speaker
        for e in self.edits:
            if e.kind == "speaker" and e.applied:
                return e.after or None
        return self.speaker

    def propose(
        self,
        kind: str,
        start: int,
        end: int,
        after: str,
        confidence: float = 1.0,
        alternatives: Iterable[str] = (),
        applied: bool = True,
    ) -> Edit | None:
        """Record a change a repair step wants at ``[start, end)`` of ``self.repaired``.

        The span is mapped back to the original.  If it overlaps earlier text
        edits, an applied proposal absorbs them (widened to cover them, with
        ``after`` the combined result); a suggestion that would overlap them is
        dropped, since it cannot be accepted on its own.  Returns the edit kept.
        """
        omap = OffsetMap(self.edits)
        os_, oe = omap.span(start, end)
        clashing = [
            o
            for o in self.edits
            if o.changes_text
            and ((o.start < oe and os_ < o.end) or (o.start == o.end and os_ < o.start < oe))
        ]
        new_after = after
        if clashing:
            if not applied or any(not c.applied for c in clashing):
                return None
            os_ = min([os_] + [c.start for c in clashing])
            oe = max([oe] + [c.end for c in clashing])
            rep = self.repaired
            rs2, re2 = omap.to_repaired(os_), omap.to_repaired(oe)
            new_after = rep[rs2:start] + after + rep[end:re2]
            self.edits = [o for o in self.edits if all(o is not c for c in clashing)]
        edit = Edit(kind, os_, oe, self.original[os_:oe], new_after, confidence, list(alternatives), applied)
        self.add_edit(edit)
        return edit

    def add_edit(self, edit: Edit) -> None:
        """Add an edit already in original coordinates (steps that see the original)."""
        self.edits = sorted([*self.edits, edit], key=lambda e: (e.start, e.end))

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "speaker": self.repaired_speaker,
            "original_speaker": self.speaker,
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "repaired": self.repaired,
            "source_lines": list(self.source_lines),
            "edits": [e.to_dict() for e in self.edits],
        }


@dataclass
class Transcript:
    format: str
    segments: list[Segment]
    metadata: dict[str, str] = field(default_factory=dict)
    # Text before the first segment that the renderer reproduces verbatim
    # (e.g. the markdown header of an ASR export, a WEBVTT header).
    header: str = ""
    # Whether the decoded text ended with a newline, so render reproduces it.
    trailing_newline: bool = True
    extras: dict[str, Any] = field(default_factory=dict)
