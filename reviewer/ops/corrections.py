"""The reviewer's own corrections: rewrite a segment's text, and carry the correction elsewhere.

``Correct`` is one undoable operation in one transaction: the segment rewritten as
``manual`` edits (core.corrections), then, for each place the reviewer kept ticked in the
preview, the same correction as ``propagated`` edits (applied), and for the others that were
offered, pending suggestions; optionally the correction taught to the glossary.  Undo takes
all of it back, refused if someone changed one of those segments since.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reviewer.core.corrections import PROPAGATED, manual_edits
from reviewer.core.errors import InputError
from reviewer.core.glossary import Glossary
from reviewer.core.variants import (
    EXACT,
    SAME_SOUND,
    candidates,
    find_variants,
    is_chinese,
    is_word,
    word_around,
)
from reviewer.ops.base import AS_BUILT, Op, Seen
from reviewer.ops.changes import Changes
from reviewer.ops.tasks import QUIET, Task
from reviewer.store import Store
from reviewer.store import corrections as _corr
from reviewer.store import glossary_store as _gloss
from reviewer.store.dump import stored_rows

CONTEXT = 14
# A preview lists at most this many places (a word on every line of a long transcript would
# otherwise take seconds to list and more to read); the search stops there.
MAX_PLACES = 1000


@dataclass(frozen=True)
class Place:
    """One other occurrence of a correction's wrong text (or a close variant of it)."""

    document_id: int
    segment_index: int
    start: int  # in ``text``
    end: int
    text: str  # the segment's repaired text as the preview showed it
    score: float
    ticked: bool  # applied when the correction runs; else stored as a pending suggestion
    why: str = ""  # why it is not ticked, for the preview
    # What the place becomes: the correction, with the neighbours a one-character fix was
    # looked for with (``有一`` → ``又一``); "" for the correction itself.
    to: str = ""

    @property
    def found(self) -> str:
        return self.text[self.start : self.end]

    def context(self, width: int = CONTEXT) -> tuple[str, str, str]:
        left = self.text[max(0, self.start - width) : self.start]
        right = self.text[self.end : self.end + width]
        return (
            ("…" if self.start > width else "") + left,
            self.found,
            right + ("…" if self.end + width < len(self.text) else ""),
        )


@dataclass
class _Done:
    manual: _corr.Rewritten | None = None
    propagated: list[_corr.Rewritten] = field(default_factory=list)
    suggested: list[int] = field(default_factory=list)  # edit ids
    glossary_before: Glossary | None = None


def single_change(seen: str, typed: str) -> tuple[int, int, str] | None:
    """(start, end, replacement) in ``seen`` when ``typed`` differs from it in one run (whole
    Latin words, as core.corrections diffs them); None when it differs in more, or not at all."""
    edits = manual_edits(seen, [], typed).edits
    if len(edits) != 1:
        return None
    start, end, after = edits[0].start, edits[0].end, edits[0].after
    if is_chinese(seen[start:end]) and (not after or is_chinese(after)):
        # 曹悦 → 曹越 changes one character; the correction is of the word round it.
        a, b = word_around(seen, start, end)
        after = seen[a:start] + after + seen[end:b]
        start, end = a, b
    return start, end, after


def corrected_text(text: str, start: int, end: int, right: str) -> str:
    if not 0 <= start <= end <= len(text):
        raise InputError(f"span {start}:{end} is outside the segment's text (0:{len(text)})")
    return text[:start] + right + text[end:]


def find_places(
    store: Store,
    document_id: int,
    index: int,
    corrected: str,
    at: tuple[int, int],
    wrong: str,
    right: str,
    all_documents: bool = False,
    job: Task = QUIET,
    shown: tuple[Sequence[tuple[int, str]], set[int]] | None = None,
) -> list[Place]:
    """Where else ``wrong`` (or a close variant) stands, in this document or in every one.

    ``corrected`` is segment ``index``'s text after the correction, with ``right`` at ``at``.
    A place is ticked when the match is confident (the text itself, or the same sounds), fits
    the words round it, and its segment has no correction of the reviewer's own (those are
    never changed by propagation; a place there is offered, unticked).  A correction of one
    Chinese character, or of a dictionary word (核心 → 和新), is offered unticked everywhere:
    elsewhere it is most likely right.

    ``shown``: ((index, text) of every segment, indexes corrected by hand) of ``document_id`` as
    the caller already holds them (the window's rows): that document is not read again.
    """
    single = is_chinese(wrong) and len(wrong) == 1
    meant = is_word(wrong)  # a real word: most likely meant wherever else it stands
    # A Chinese word put right (not one character: its homophones are everywhere) is looked
    # for by its own sound too.
    sound_of_right = is_chinese(right) and len(right) >= 2
    wrong, right, exact_only = _pattern(corrected, at, wrong, right)
    if not wrong:
        return []
    docs = [d.id for d in store.documents()] if all_documents else [document_id]
    if document_id not in docs:
        raise InputError(f"no document with id {document_id}")
    out: list[Place] = []
    for n, doc in enumerate(docs):
        job.check(n, len(docs))
        if doc == document_id and shown is not None:
            texts, by_hand = list(shown[0]), shown[1]
        else:
            texts = [(s.index, s.repaired) for s in store.segments(doc, with_edits=False)]
            by_hand = store.hand_corrected(doc)
        texts = [(i, corrected if (doc, i) == (document_id, index) else t) for i, t in texts]
        plain = [t for _i, t in texts]
        taken: set[tuple[int, int]] = set()
        for k in candidates(plain, wrong):
            if len(out) >= MAX_PLACES:
                return out
            seg_index, text = texts[k]
            for v in find_variants(text, wrong, right):
                if exact_only and v.score < EXACT:
                    continue
                if (doc, seg_index) == (document_id, index) and v.start < at[1] and at[0] < v.end:
                    continue  # the correction itself
                # (The segment corrected now is not one corrected by hand before: its other
                # places are the reviewer's to tick like any.)
                why = (
                    "corrected by hand"
                    if seg_index in by_hand
                    else "one character: check each"
                    if single
                    else "a word of its own elsewhere"
                    if meant
                    else "inside a word"
                    if not v.fits
                    else "a distant variant"
                    if v.score < SAME_SOUND
                    else ""
                )
                out.append(Place(doc, seg_index, v.start, v.end, text, v.score, not why, why, right))
                taken.add((seg_index, v.start))
        if not sound_of_right:
            continue
        # Other misrecognitions of the same word: what sounds like ``right`` but is not it
        # (质量 → 只量 elsewhere, once 指令 was corrected to 质量); a dictionary word that
        # merely sounds so (声称 for 生成) is offered, unticked.
        for k in candidates(plain, right):
            if len(out) >= MAX_PLACES:
                return out
            seg_index, text = texts[k]
            for v in find_variants(text, right, right):
                found = text[v.start : v.end]
                if (seg_index, v.start) in taken or found == wrong:
                    continue
                why = (
                    "corrected by hand"
                    if seg_index in by_hand
                    else "a word of its own elsewhere"
                    if is_word(found)
                    else "inside a word"
                    if not v.fits
                    else "a distant variant"
                    if v.score < SAME_SOUND
                    else ""
                )
                out.append(Place(doc, seg_index, v.start, v.end, text, v.score, not why, why, right))
    return out


def _pattern(corrected: str, at: tuple[int, int], wrong: str, right: str) -> tuple[str, str, bool]:
    """What to look for elsewhere: (wrong, right, exact only).

    One Chinese character (有 → 又, 中 → 种) is a homophone of too many right words to be
    carried anywhere by itself: it is looked for with its neighbours as they stand here
    (``有一次`` → ``又一次``), as the very text; none when it has no Chinese neighbour.
    A Latin word of one or two letters, likewise, only as the very text."""
    if is_chinese(wrong) and len(wrong) == 1:
        left = corrected[at[0] - 1] if at[0] > 0 and is_chinese(corrected[at[0] - 1]) else ""
        after = corrected[at[1]] if at[1] < len(corrected) and is_chinese(corrected[at[1]]) else ""
        if not left and not after:
            return "", "", True
        return left + wrong + after, left + right + after, True
    return wrong, right, not is_chinese(wrong) and len(wrong.strip()) <= 2


class Correct(Op):
    """Segment ``index`` of ``document_id`` reads ``right`` at ``start:end`` (of its text as
    ``seen``), as the reviewer's own edit; then ``places``: ticked ones corrected the same
    way (``propagated``), the rest stored as pending suggestions; ``teach`` adds
    ``wrong => right`` to the glossary."""

    def __init__(
        self,
        document_id: int,
        index: int,
        seen: str,
        start: int,
        end: int,
        right: str,
        annotator: str | None,
        places: Sequence[Place] = (),
        teach: bool = False,
        title: str = "",
        wrong: str | None = None,
    ) -> None:
        super().__init__(document_id, title)
        self.index, self.seen, self.start, self.end, self.right = index, seen, start, end, right
        # What is taught and looked for: the span's text, or (a repair's text taught, which
        # reads right already) what the repair corrected.
        self.wrong = seen[start:end] if wrong is None else wrong
        self.corrected = corrected_text(seen, start, end, right)
        self.annotator = annotator
        self.places = list(places)
        self.teach = teach
        self.done = _Done()

    @property
    def propagated(self) -> int:
        """How many propagated edits the last run wrote (applied and suggested)."""
        return sum(len(r.added) for r in self.done.propagated) + len(self.done.suggested)

    def _changes(self, store: Store, s: object) -> Changes:
        assert self.document_id is not None
        doc = self.document_id
        here = sorted({self.index, *(p.segment_index for p in self.places if p.document_id == doc)})
        rows = stored_rows(s, doc, here)  # type: ignore[arg-type]
        others = frozenset(p.document_id for p in self.places if p.document_id != doc)
        return Changes(doc, rows=rows, glossary=self.teach, documents=others, focus=(self.index,))

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.document_id is not None
        done = _Done()
        with store.write() as s:
            done.manual = _corr.rewrite_segment(
                s, self.document_id, self.index, self.corrected, annotator=self.annotator, seen=self.seen
            )
            for (doc, index), places in _by_segment(self.places).items():
                text = places[0].text
                ticked = [p for p in places if p.ticked]
                if ticked:
                    done.propagated.append(
                        _corr.rewrite_segment(
                            s, doc, index, _replace(text, ticked, self.right),
                            annotator=self.annotator, seen=text, kind=PROPAGATED,
                            confidence=min(p.score for p in ticked),
                        )
                    )  # fmt: skip
                    text = done.propagated[-1].after
                for p in places:
                    if p.ticked:
                        continue
                    # Offsets in the text as it reads after the ticked ones were applied.
                    shift = sum(
                        len(q.to or self.right) - (q.end - q.start) for q in ticked if q.end <= p.start
                    )
                    start, end = p.start + shift, p.end + shift
                    done.suggested += _corr.suggest_rewrite(
                        s, doc, index, text[:start] + (p.to or self.right) + text[end:],
                        annotator=self.annotator, seen=text, kind=PROPAGATED, confidence=p.score * 0.8,
                    )  # fmt: skip
            if self.teach:
                done.glossary_before = _gloss.stored_glossary(s)
                _gloss.merge_glossary(s, Glossary(aliases={self.wrong: self.right}))
            self.done = done
            return self._changes(store, s)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        done = self.done
        with store.write() as s:
            if done.glossary_before is not None:
                _gloss.restore_glossary(s, done.glossary_before)
            _corr.remove_edits(s, done.suggested)
            for r in reversed(done.propagated):
                _corr.undo_rewrite(s, r)
            if done.manual is not None:
                _corr.undo_rewrite(s, done.manual)
            return self._changes(store, s)


def _by_segment(places: Iterable[Place]) -> dict[tuple[int, int], list[Place]]:
    out: dict[tuple[int, int], list[Place]] = {}
    for p in sorted(places, key=lambda p: (p.document_id, p.segment_index, p.start)):
        group = out.setdefault((p.document_id, p.segment_index), [])
        if group and p.start < group[-1].end:
            continue  # overlapping variants: the first one
        group.append(p)
    return out


def _replace(text: str, places: Sequence[Place], right: str) -> str:
    for p in sorted(places, key=lambda p: p.start, reverse=True):
        text = text[: p.start] + (p.to or right) + text[p.end :]
    return text
