"""Speaker fill: a segment without a label takes the speaker of its context.

Only in transcripts where most segments carry a label (otherwise missing
labels are the norm, not an error).  The edit is low-confidence: lower still
when the labelled neighbours disagree, the other one kept as an alternative.
"""

from __future__ import annotations

from itertools import chain

from reviewer.core.transcript import Edit, Segment, Transcript

MIN_LABELLED_SHARE = 0.5
AGREE_CONFIDENCE = 0.7
ONE_SIDED_CONFIDENCE = 0.5
DISAGREE_CONFIDENCE = 0.35


class SpeakerFillStep:
    name = "speakers"

    def run(self, transcript: Transcript) -> list[Edit]:
        segs = transcript.segments
        if not segs:
            return []
        labelled = sum(1 for s in segs if s.speaker)
        if labelled / len(segs) < MIN_LABELLED_SHARE or labelled == len(segs):
            return []
        edits: list[Edit] = []
        # One pass: unlabelled segments wait until the next label is seen.
        last: str | None = None
        waiting: list[Segment] = []
        for seg in chain(segs, [None]):
            label = seg.speaker if seg is not None else None
            if seg is not None and not label:
                waiting.append(seg)
                continue
            for w in waiting:
                edit = _fill(last, label)
                if edit is not None:
                    w.add_edit(edit)
                    edits.append(edit)
            waiting = []
            last = label or last
        return edits


def _fill(before: str | None, after: str | None) -> Edit | None:
    if before and after and before != after:
        # The turn most likely continues; the next speaker is the runner-up.
        return Edit("speaker", 0, 0, "", before, DISAGREE_CONFIDENCE, [after])
    label = before or after
    if not label:
        return None
    return Edit("speaker", 0, 0, "", label, AGREE_CONFIDENCE if before and after else ONE_SIDED_CONFIDENCE)
