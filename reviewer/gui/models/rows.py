"""What one table row shows, worked out from store records once (plain Python, no Qt).

The table paints thousands of rows while scrolling; everything a paint needs
(display strings, highlight ranges, tags) is computed here when a row is built
or changed, never in ``data()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from reviewer.core.corrections import MANUAL, PROPAGATED
from reviewer.core.decisions import pending_count
from reviewer.core.transcript import FIELD_KINDS
from reviewer.store.records import AnnotationInfo, EditInfo, SegmentInfo, SpeakerInfo, by_segment

# Below this a repair is drawn as uncertain (the glossary step applies terms at >= 0.85;
# ASR merges sit at 0.8 and are structural, so they count as confident).
LOW_CONFIDENCE = 0.75
# Shown for a source line break inside a merged segment: one character, so offsets stay valid.
LINE_BREAK_MARK = "↵"

# A highlight of the repaired text: [start, end) in code points, and how sure the repair is.
HIGHLIGHT_SURE, HIGHLIGHT_UNSURE, HIGHLIGHT_DECIDED = "sure", "unsure", "decided"
HIGHLIGHT_OWN = "own"  # the reviewer's own text: manual and propagated edits


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    state: str
    edit_id: int


@dataclass(slots=True)
class SegmentRow:
    info: SegmentInfo
    speaker_label: str | None = None
    speaker_name: str | None = None
    # True when a reviewer assigned the speaker (not the file or the repair).
    speaker_tagged: bool = False
    annotations: list[AnnotationInfo] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)
    pending: int = 0
    low_confidence: bool = False
    display_original: str = ""
    display_repaired: str = ""
    tags_text: str = ""

    @property
    def index(self) -> int:
        return self.info.index

    @property
    def reviewed(self) -> bool:
        return self.pending == 0  # (core.decisions.is_reviewed, from the count kept)

    @property
    def errors(self) -> list[AnnotationInfo]:
        return [a for a in self.annotations if a.kind == "error"]

    @property
    def topics(self) -> list[str]:
        return [a.tag for a in self.annotations if a.kind == "topic"]


def one_line(text: str) -> str:
    """The text with line breaks shown as a mark (same length: offsets into it stay valid)."""
    return text.replace("\r", LINE_BREAK_MARK).replace("\n", LINE_BREAK_MARK)


def time_text(seconds: float | None) -> str:
    if seconds is None:
        return ""
    s = int(seconds)
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h:d}:{m:02d}:{s:02d}" if h else f"{m:d}:{s:02d}"


def highlights(info: SegmentInfo) -> list[Highlight]:
    """Ranges of the repaired text that differ from the original, one or more per applied edit.

    Inside an edit only the characters that really changed are marked (a Levenshtein
    alignment of its before/after), so "chat gpt" → "ChatGPT" marks C, G, P, T.
    """
    out: list[Highlight] = []
    delta = 0
    effective = sorted(
        ((e, e.effective()) for e in info.edits if e.kind not in FIELD_KINDS),
        key=lambda pair: pair[1].start,
    )
    for e, eff in effective:
        if not eff.applied:
            continue
        rs = eff.start + delta
        delta += len(eff.after) - (eff.end - eff.start)
        if e.kind in (MANUAL, PROPAGATED) and e.decision == "accepted":
            state = HIGHLIGHT_OWN
        elif e.decision in ("accepted", "changed"):
            state = HIGHLIGHT_DECIDED
        elif e.confidence < LOW_CONFIDENCE:
            state = HIGHLIGHT_UNSURE
        else:
            state = HIGHLIGHT_SURE
        ranges = _changed_ranges(eff.before, eff.after)
        if not ranges and eff.after != eff.before:
            ranges = [(0, len(eff.after))]
        for a, b in ranges:
            out.append(Highlight(rs + a, rs + max(b, a + 1) if eff.after else rs, state, e.id))
    return [h for h in out if h.end > h.start]


def _changed_ranges(before: str, after: str) -> list[tuple[int, int]]:
    if before == after:
        return []
    if len(before) * len(after) > 40_000:  # a huge edit: mark it whole rather than align it
        return [(0, len(after))]
    ranges: list[tuple[int, int]] = []
    for op in Levenshtein.opcodes(before, after):
        if op.tag == "equal":
            continue
        if op.tag == "delete":
            # Nothing left to colour: mark the character after the gap (or before it at the end).
            pos = min(op.dest_start, max(len(after) - 1, 0))
            ranges.append((pos, pos + 1))
        else:
            ranges.append((op.dest_start, op.dest_end))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def build_rows(
    segments: Iterable[SegmentInfo],
    annotations: Iterable[AnnotationInfo],
    speakers: dict[int, SpeakerInfo],
) -> list[SegmentRow]:
    """Rows of these segments, each with the annotations on it."""
    on = by_segment(annotations)
    return [build_row(info, on.get(info.index, ()), speakers) for info in segments]


def build_row(
    info: SegmentInfo,
    annotations: Sequence[AnnotationInfo] = (),
    speakers: dict[int, SpeakerInfo] | None = None,
) -> SegmentRow:
    row = SegmentRow(info)
    row.display_original = one_line(info.original)
    row.display_repaired = one_line(info.repaired)
    row.highlights = highlights(info)
    row.pending = pending_count(e.decision for e in info.edits)
    row.low_confidence = any(e.decision == "pending" and e.confidence < LOW_CONFIDENCE for e in info.edits)
    set_annotations(row, annotations, speakers or {})
    return row


def set_annotations(
    row: SegmentRow, annotations: Iterable[AnnotationInfo], speakers: dict[int, SpeakerInfo]
) -> None:
    row.annotations = list(annotations)
    info = row.info
    # The segment's own speaker, as the store and the exports have it: a reviewer's assignment
    # (Store.set_segment_speakers) or else the file's / the repair's label.  Speaker *tags*
    # are annotations like the others and show in the tags column.
    sp = speakers.get(info.speaker.id) if info.speaker else None
    sp = sp or info.speaker
    row.speaker_label = sp.label if sp else info.original_speaker
    row.speaker_name = sp.display_name if sp else info.original_speaker
    row.speaker_tagged = info.speaker_assigned
    parts = ["@" + a.tag for a in row.annotations if a.kind == "speaker"]
    parts += [a.tag for a in row.annotations if a.kind == "topic"]
    parts += ["⚠ " + a.tag for a in row.annotations if a.kind == "error"]
    if row.pending:
        parts.append(f"✎{row.pending}")
    row.tags_text = "  ".join(parts)


def find_matches(pattern: str, regex: bool, case: bool = False) -> re.Pattern[str]:
    """The compiled search (plain text is escaped); raises re.error for a bad regex."""
    flags = 0 if case else re.IGNORECASE
    return re.compile(pattern if regex else re.escape(pattern), flags)


JOIN_CONTEXT = 5  # characters either side of a fragment join shown with it


def edit_label(e: EditInfo, speaker_names: dict[str, str] | None = None, context: str | None = None) -> str:
    """ "before → after" of a repair; a speaker repair's labels by the names they now have;
    with ``context`` (the segment's original), a few characters either side, so a join
    ("↵ → ␣") shows what it joins."""
    after_text = e.effective().after if e.decision == "changed" else e.after
    if context is not None:
        left = one_line(context[max(0, e.start - JOIN_CONTEXT) : e.start])
        right = one_line(context[e.end : e.end + JOIN_CONTEXT])
        return f"…{left}{one_line(e.before)}{right}… → …{left}{one_line(after_text)}{right}…"
    if e.kind == "speaker" and speaker_names:
        before, after = (speaker_choice(t, speaker_names) or "∅" for t in (e.before, after_text))
        return f"{before} → {after}"
    before = one_line(e.before) or "∅"
    after = one_line(after_text) or "∅"
    return f"{before} → {after}"


def speaker_choice(label: str, speaker_names: dict[str, str]) -> str:
    """How a speaker label is shown where the reviewer picks one: "Alice (SPEAKER_00)"."""
    name = speaker_names.get(label, label)
    return f"{name} ({label})" if name != label and label else name
