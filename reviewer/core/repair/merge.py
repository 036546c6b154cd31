"""Merge consecutive ASR fragments of one speaker into sentence-length segments.

A merged segment's original is its fragments joined by "\\n"; each join is a
"merge" edit replacing that "\\n" with a space (as ASR exports separate
phrases) or nothing (next to punctuation), so a reviewer can reject one join
and the renderer splits the segment there again.  Fragment times stay in ``line_starts``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from reviewer.core.transcript import Edit, Segment, Transcript

MAX_CHARS = 40  # a spoken Chinese sentence, not a paragraph
MAX_GAP = 5.0  # seconds from one fragment's start to the next
MAX_SPAN = 30.0  # seconds from a segment's first fragment to its last
MERGE_CONFIDENCE = 0.8
_SENTENCE_END = re.compile(r"[。！？!?…．.][”’\"')）」』]*\s*\Z")
_NO_SPACE_AFTER = re.compile(r"[\s，。、；：！？,.;:!?（(“‘「『《]\Z")
_NO_SPACE_BEFORE = re.compile(r"[\s，。、；：！？,.;:!?）)”’」』》]")


def joiner(left: str, right: str) -> str:
    # A space, as ASR exports themselves separate phrases within a line
    # ("对对对 就大概是14年左右吧"); nothing where punctuation or space already is.
    if not left or not right or _NO_SPACE_AFTER.search(left) or _NO_SPACE_BEFORE.match(right):
        return ""
    return " "


def _continues(
    group: list[Segment], length: int, seg: Segment, speaker: str | None, group_speaker: str | None
) -> bool:
    """Whether ``seg`` (of ``speaker``) joins ``group`` (``length`` characters so far)."""
    if speaker is None or speaker != group_speaker:
        return False
    prev = group[-1]
    if prev.start is None or seg.start is None or group[0].start is None:
        return False
    if seg.start - prev.start > MAX_GAP or seg.start - group[0].start > MAX_SPAN:
        return False
    if length + len(seg.original) > MAX_CHARS:
        return False
    return not _SENTENCE_END.search(prev.repaired)


def _merge(group: list[Segment], index: int) -> tuple[Segment, list[Edit]]:
    first = group[0]
    source_lines: list[int] = []
    line_starts: list[float | None] = []
    edits: list[Edit] = []
    joins: list[Edit] = []
    pos = 0
    last = len(group) - 1
    for k, seg in enumerate(group):
        source_lines += seg.source_lines
        line_starts += seg.line_starts
        # Text edits move with their fragment; a filled speaker only matters
        # on the first fragment, since the others joined on that speaker.
        for e in seg.edits:
            if e.changes_text:
                edits.append(e.shifted(pos))
            elif k == 0:
                edits.append(e)
        pos += len(seg.original)
        if k < last:
            glue = joiner(seg.repaired, group[k + 1].repaired)
            join = Edit("merge", pos, pos + 1, "\n", glue, MERGE_CONFIDENCE)
            joins.append(join)
            edits.append(join)
            pos += 1
    # Already in order: each fragment's sorted edits, then its join.
    merged = Segment(
        index,
        "\n".join([s.original for s in group]),
        first.speaker,
        first.start,
        group[-1].end,
        source_lines,
        line_starts,
        first.offset,
        edits,
    )
    return merged, joins


class MergeStep:
    name = "merge"

    def run(self, transcript: Transcript) -> list[Edit]:
        if transcript.format != "timestamped" or not transcript.segments:
            return []
        segs = transcript.segments
        out: list[Segment] = []
        edits: list[Edit] = []

        def close(group: list[Segment]) -> None:
            if len(group) == 1:
                group[0].index = len(out)
                out.append(group[0])
            else:
                seg, joins = _merge(group, len(out))
                out.append(seg)
                edits.extend(joins)

        group: list[Segment] = []
        length = 0
        group_speaker: str | None = None
        for i, seg in enumerate(segs):
            # Drop the fragment from the old list as we go, so a long file does
            # not hold its fragments and its merged segments at the same time.
            segs[i] = None  # type: ignore[call-overload]
            speaker = seg.repaired_speaker
            if group and _continues(group, length, seg, speaker, group_speaker):
                group.append(seg)
                length += len(seg.original)
                continue
            if group:
                close(group)
            group, length, group_speaker = [seg], len(seg.original), speaker
        close(group)
        # ASR exports give start times only: a segment ends where the next begins.
        for a, b in pairwise(out):
            if a.end is None and b.start is not None:
                a.end = b.start
        transcript.segments = out
        return edits
