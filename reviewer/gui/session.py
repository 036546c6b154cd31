"""The reviewing session: the store, the open document, the models, the undo stack.

The window asks the session to do things ("tag these segments with this topic");
the session builds the operation (reviewer.ops), does it against the store, pushes it
on the document's undo stack (gui.undo) and applies the Changes it returns through one
table (``apply``): each changed field, one model update and one signal.  Nothing here builds
widgets, so tests and ``--self-test`` drive it directly too.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from reviewer.core.corrections import MANUAL
from reviewer.core.errors import InputError
from reviewer.core.glossary import Glossary
from reviewer.core.people import default_annotator
from reviewer.core.variants import warm_up
from reviewer.gui.models.documents import DocumentsModel
from reviewer.gui.models.rows import SegmentRow, build_rows, find_matches, set_annotations, time_text
from reviewer.gui.models.segments import SegmentTableModel
from reviewer.gui.models.topics import TopicTreeModel
from reviewer.gui.undo import OpCommand
from reviewer.gui.workers import (
    Job,
    LoadedDocument,
    Runner,
    import_work,
    load_work,
    progress_work,
)
from reviewer.ops import (
    Changes,
    ColourTopic,
    CreateTopic,
    DecideEdits,
    MergeTopics,
    MoveTopic,
    Op,
    RenameSpeaker,
    RenameTopic,
    ReplaceTags,
    SetSpeaker,
    UpdateTag,
    decisions_for,
)
from reviewer.ops.corrections import Correct, Place, find_places, single_change
from reviewer.ops.imports import ImportOutcome
from reviewer.ops.structure import MergeSegments, SplitSegment
from reviewer.ops.suggest import (
    TopicSuggestion,
    suggest,
    topic_path,
)
from reviewer.ops.tasks import QUIET, Task
from reviewer.store import (
    AnnotationConflict,
    AnnotationInfo,
    DocumentSummary,
    EditConflict,
    ErrorTypeInfo,
    SpeakerInfo,
    Store,
    TagSpec,
)
from reviewer.store.errors import TextConflict
from reviewer.store.records import EditInfo, StoredRows, by_segment, reading_order

RowTest = Callable[[SegmentRow], bool]

# Segments of recently open documents kept for a quick return (about 100 MB at this size).
RECENT_SEGMENTS = 150_000


@dataclasses.dataclass
class _Recent:
    loaded: LoadedDocument
    view: str | None  # whose tags the rows were grouped with


class ReviewSession(QObject):
    document_loaded = Signal(int)  # a document's rows are in the table
    rows_changed = Signal(list)  # segment indices a change touched (to re-select / re-inspect)
    topics_changed = Signal()
    speakers_changed = Signal()
    documents_changed = Signal()
    glossary_changed = Signal()  # the stored glossary (a teach, an import with one, a change)
    message = Signal(str)
    error = Signal(str)
    task_started = Signal(object)  # a Job the user waits on (its label says what it is)
    # Another reviewer changed what a command was about to change: (AnnotationConflict, command).
    conflict = Signal(object, object)
    # The open document was read again: others' changes, or a split or merge of our own (then
    # refresh_focus says which row to show).
    document_refreshed = Signal(int)
    import_finished = Signal(object)  # ImportOutcome

    def __init__(self, store: Store, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = Runner(synchronous, self)
        # One undo history per document, as editors keep one per file: Ctrl+Z in a document
        # undoes what was done there, never a step made in another one.  The group's active
        # stack is the open document's (a stack of its own while none is open).
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int | None, QUndoStack] = {}
        self._activate_stack(None)
        self.segments = SegmentTableModel(self)
        self.documents = DocumentsModel(self)
        self.topics = TopicTreeModel(self)
        self.document_id: int | None = None
        self.timed = False  # whether the open document has timestamps
        self.speakers: dict[int, SpeakerInfo] = {}
        self._annotations: list[AnnotationInfo] = []
        self._annotation_ids: dict[int, AnnotationInfo] | None = None  # by id, built when asked
        self.error_types: list[ErrorTypeInfo] = store.error_types()
        self._glossary: Glossary | None = None  # read when first asked (session.glossary)
        self.annotator = default_annotator()
        self.annotator_view: str | None = None  # whose tags the rows show; None: everyone's
        self.import_job: Job | None = None
        self._load_job: Job | None = None
        self._poll_job: Job | None = None
        self._token: object = None  # the store's change token when this window last looked
        self._recent: OrderedDict[int, _Recent] = OrderedDict()  # documents open a moment ago
        self._reloading = False
        self.refresh_focus: int | None = None  # after our own split or merge: the row to show
        self._warmed: set[int] = set()  # documents whose texts core.variants has seen
        self._to_warm: Sequence[SegmentRow] | None = None  # (their rows, until the warm-up runs)
        self.filters: dict[str, object] = {}

    # --- undo histories ------------------------------------------------------------------------

    @property
    def undo_stack(self) -> QUndoStack:
        """The open document's undo history."""
        return self._stack_for(self.document_id)

    def _stack_for(self, document_id: int | None) -> QUndoStack:
        stack = self._stacks.get(document_id)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self.undo_group.addStack(stack)
            self._stacks[document_id] = stack
        return stack

    def _activate_stack(self, document_id: int | None) -> None:
        self.undo_group.setActiveStack(self._stack_for(document_id))

    # --- documents ----------------------------------------------------------------------------

    def refresh_documents(self) -> None:
        docs = self.store.documents()
        self.documents.set_documents(docs)
        self.documents_changed.emit()
        ids = [d.id for d in docs if d.id not in self.documents.progress]
        if ids:
            job = Job(progress_work(self.store, ids), "progress")
            job.signals.finished.connect(self._progress_done)
            self.runner.start(job, idle=True)

    def document_summaries(self) -> list[DocumentSummary]:
        """The stored documents, as the documents list shows them."""
        return list(self.documents.docs)

    def document_summary(self, document_id: int | None = None) -> DocumentSummary | None:
        """One listed document (None: the open one), or None."""
        wanted = self.document_id if document_id is None else document_id
        return next((d for d in self.documents.docs if d.id == wanted), None)

    def _progress_done(self, progress: dict[int, tuple[int, int]]) -> None:
        for doc_id, (done, total) in progress.items():
            self.documents.set_progress(doc_id, done, total)

    def open_document(self, document_id: int) -> None:
        """Load a document's rows (in the background unless synchronous); document_loaded follows.

        A document open a moment ago comes back at once from the cache of recent ones, unless
        the store says it changed since (another reviewer, a correction taught across
        documents): then it is read again.
        """
        if self._load_job is not None and not self._load_job.done:
            self._load_job.cancel()
        stashed = self._recent.pop(document_id, None)
        if stashed is not None and not self._reloading:
            try:
                unchanged = self.store.change_token(document_id) == stashed.loaded.token
            except InputError:
                unchanged = False
            if unchanged:
                self._load_job = None
                self._loaded(stashed.loaded, stashed.view)
                return
        job = Job(load_work(self.store, document_id), "load")
        # Only the newest load counts (a quick second click must not be overtaken by the first).
        job.signals.finished.connect(
            lambda loaded, j=job: self._loaded(loaded) if j is self._load_job else None
        )
        job.signals.failed.connect(self.error.emit)
        self._load_job = job
        self.runner.start(job)

    def _loaded(self, loaded: LoadedDocument, view: str | None = None) -> None:
        """Show a loaded document; ``view``: whose tags its rows hold (None: everyone's)."""
        if self.document_id is not None and self.document_id != loaded.document_id:
            self._keep_recent()
        self.document_id = loaded.document_id
        self._activate_stack(loaded.document_id)
        self.speakers = loaded.speakers
        self.annotations = loaded.annotations
        self.timed = loaded.timed
        self.segments.set_rows(loaded.rows, loaded.positions, loaded.reviewed)
        if self.annotator_view != view:  # the rows hold another annotator's tags (or everyone's)
            self._regroup({}, all_rows=True)
        self._apply_filters()
        self._refresh_topics()
        self.documents.set_progress(loaded.document_id, loaded.reviewed, len(loaded.rows))
        self.documents.set_annotation_count(loaded.document_id, len(loaded.annotations))
        self.speakers_changed.emit()
        self._token = loaded.token
        self._warm_variants(loaded)
        if self._reloading:
            self._reloading = False
            self.document_refreshed.emit(loaded.document_id)
        else:
            self.document_loaded.emit(loaded.document_id)

    def _warm_variants(self, loaded: LoadedDocument) -> None:
        """Once per document, kept for the reviewer's first pause (warm_when_idle): what a
        correction's preview loads first (core.variants.warm_up), so the first one shows as
        quickly as the rest.  Not at once: jieba's dictionary load holds the interpreter for
        most of a second, which would stall the window just as the document shows."""
        if loaded.document_id in self._warmed:
            return
        self._warmed.add(loaded.document_id)
        self._to_warm = loaded.rows

    def warm_when_idle(self) -> bool:
        """The window's idle hook: start the kept warm-up in the background (False: none)."""
        rows, self._to_warm = self._to_warm, None
        if not rows:
            return False
        texts = [r.info.repaired for r in rows]
        self.runner.start(Job(lambda _j: warm_up(texts), "warm"), idle=True)
        return True

    def _keep_recent(self) -> None:
        """Keep the open document's rows for a quick return (oldest out past RECENT_SEGMENTS).

        Switching back and forth is instant, and large documents are not built again and
        again (each build of 100,000 rows leaves the allocator's memory more fragmented).
        """
        doc = self.document_id
        rows = self.segments.rows
        if doc is None or self._token is None or len(rows) > RECENT_SEGMENTS:
            return
        kept = LoadedDocument(
            doc,
            rows,
            self.speakers,
            self.annotations,
            positions=self.segments.positions(),
            reviewed=self.segments.reviewed,
            timed=self.timed,
            token=self._token,
        )
        self._recent[doc] = _Recent(kept, self.annotator_view)
        while sum(len(r.loaded.rows) for r in self._recent.values()) > RECENT_SEGMENTS:
            self._recent.popitem(last=False)

    def forget_recent(self) -> None:
        """Drop the kept documents (they are read again when opened)."""
        self._recent.clear()

    def speaker_list(self) -> list[SpeakerInfo]:
        """The open document's speakers in order of first appearance (quick keys 1–9 follow it)."""
        return sorted(self.speakers.values(), key=lambda s: s.id)

    # --- import / export ----------------------------------------------------------------------

    def import_files(self, paths: Sequence[str | Path], glossary: Glossary | None = None) -> Job:
        job = Job(import_work(self.store, list(paths), glossary), "import", self.tr("Importing"))
        job.signals.finished.connect(self._imported)
        job.signals.failed.connect(self.error.emit)
        self.import_job = job
        self._start_task(job)
        return job

    def _task(
        self, work: Callable[[Job], Any], name: str, label: str, on_done: Callable[[Any], object]
    ) -> Job:
        """Background work the reviewer waits on (shown as a task): on_done gets its result."""
        job = Job(work, name, label)
        job.signals.finished.connect(on_done)
        job.signals.failed.connect(self.error.emit)
        self._start_task(job)
        return job

    def _start_task(self, job: Job) -> None:
        job.signals.cancelled.connect(lambda: self.message.emit(self.tr("Cancelled")))
        self.task_started.emit(job)
        self.runner.start(job)

    def _imported(self, outcome: ImportOutcome) -> None:
        self.import_job = None
        self.refresh_documents()
        self.import_finished.emit(outcome)  # the window lists the files that failed

    def export(self, kind: str, path: str | Path) -> int:
        """csv / edits / json / txt / srt / vtt of the open document (the first three: the whole
        store if none is open)."""
        from reviewer.export.csv import export_csv
        from reviewer.export.json import export_json
        from reviewer.export.transcript import export_transcript

        if kind == "csv":
            return export_csv(self.store, path, self.document_id)
        if kind == "edits":
            from reviewer.export.edits_csv import export_edits_csv

            return export_edits_csv(self.store, path, self.document_id)
        if kind == "agreement":
            from reviewer.export.agreement import export_agreement_csv

            return export_agreement_csv(self.store, path, self._require_document())
        if kind == "json":
            return export_json(self.store, path, self.document_id)
        if self.document_id is None:
            raise InputError("open a document to export its transcript")
        return export_transcript(self.store, self.document_id, path, kind)

    # --- running commands ---------------------------------------------------------------------

    def run(self, op: Op) -> bool:
        """Do the op against the store; on success push it (undoable) and show what changed."""
        others = self._changed_by_others()
        try:
            changes = op.do(self.store, self)
        except AnnotationConflict as err:
            self.conflict.emit(err, op)
            return False
        except (EditConflict, TextConflict) as err:
            # Someone decided the repair (or changed the text) first: theirs stands, and shows.
            self.error.emit(str(err))
            self.reload_document()
            return False
        except InputError as err:
            self.error.emit(str(err))
            return False
        self._stack_for(op.document_id).push(OpCommand(op, self.step))
        self.apply(changes)
        self._after_own_write(others)
        self.message.emit(op.title)
        return True

    def _changed_by_others(self) -> bool:
        """Before writing: has someone else changed the open document since this window looked?

        Asked on a team store only (a query per action: 3–5 ms at a few thousand tags, ~30 ms at
        100,000). On a personal SQLite store the only other writer is a script of the reviewer's
        own; what it wrote in the seconds before the reviewer's next action shows on F5.
        """
        if self.document_id is None or self._token is None or not self.store.is_shared:
            return False
        try:
            return self.store.change_token(self.document_id) != self._token
        except InputError:
            return False

    def _after_own_write(self, others: bool) -> None:
        """Our own change is not news at the next poll; others' changes from before it are."""
        if self.document_id is None:
            return
        try:
            self._token = self.store.change_token(self.document_id)
        except InputError:
            self._token = None
        if others:
            self.reload_document()

    def step(self, op: Op, forward: bool) -> None:
        """An undo (forward False) or redo step; errors are reported: the stack cannot refuse them."""
        others = self._changed_by_others()
        try:
            changes = op.do(self.store, self) if forward else op.undo(self.store, self)
        except (AnnotationConflict, EditConflict, TextConflict) as err:
            # Undo/redo cannot ask which to keep: theirs stays, and the window shows it.
            self.error.emit(str(err))
            self.reload_document()
            return
        except InputError as err:
            self.error.emit(str(err))
            return
        self.apply(changes)
        self._after_own_write(others)

    def resolve_conflict(self, op: Op, conflict: AnnotationConflict, keep_mine: bool) -> bool:
        """After a conflict: write ``op`` over what the other reviewer stored (keep_mine), or
        drop it and show theirs.  Either way the open document is read again."""
        done = keep_mine and op.rebase(conflict) and self.run(op)
        if not done:
            self.reload_document()
        return done

    # --- seeing other reviewers' changes ------------------------------------------------------

    def poll_changes(self) -> None:
        """Read the open document again if the store says someone else changed it (background)."""
        doc = self.document_id
        if doc is None or self._poll_job is not None or (self._load_job and not self._load_job.done):
            return
        job = Job(lambda _j: self.store.change_token(doc), "poll")
        job.signals.finished.connect(lambda token, d=doc: self._polled(d, token))
        job.signals.failed.connect(lambda _m: setattr(self, "_poll_job", None))
        self._poll_job = job
        self.runner.start(job, idle=True)

    def _polled(self, doc: int, token: object) -> None:
        self._poll_job = None
        if doc != self.document_id:
            return
        if self._token is None:  # not known yet (a failed read): this is the baseline
            self._token = token
        elif token != self._token:
            self._token = token
            self._glossary = None  # another reviewer may have taught it
            self.refresh_documents()
            self.reload_document()

    def reload_document(self, focus: int | None = None) -> None:
        """Read the open document again, keeping the reviewer's place (document_refreshed follows);
        ``focus``: our own split or merge moved the rows, show this one."""
        self.refresh_focus = focus
        if self.document_id is not None:
            self._reloading = True
            self.open_document(self.document_id)

    # --- applying what an operation changed -----------------------------------------------------

    def apply(self, changes: Changes) -> None:
        """Changes → the models, through one table: each field, one update (and its signal)."""
        current = changes.document_id is not None and changes.document_id == self.document_id
        touched: set[int] = set()
        if current:
            # In this order: speakers before the rows that show them, rows before the counts.
            table: tuple[tuple[object, Callable[[], set[int]]], ...] = (
                (changes.speakers, lambda: self._apply_speakers(changes.speakers or ())),
                (changes.rows and not changes.restructure, lambda: self._apply_rows(changes.rows)),  # type: ignore[arg-type]
                (changes.restructure, lambda: self._restructure(changes)),
                (changes.annotations, lambda: self._reload_annotations(all_rows=False)),
                (changes.topics or changes.annotations, self._topics_update),
            )
            for value, update in table:
                if value:
                    touched |= update()
            if changes.structure:  # rows split or merged: every index after them moved
                self.reload_document(focus=changes.focus[0] if changes.focus else None)
            self._update_document_counts()
        else:
            if changes.document_id is not None:  # a step in another document's history
                self.documents.progress.pop(changes.document_id, None)
            if changes.topics:  # the tree is shared: it shows with or without a document open
                self._refresh_topics()
        if changes.error_types:  # shared by every document; dialogs and filters read it when shown
            self.error_types = self.store.error_types()
        if changes.glossary:  # shared too: read again when next asked
            self._glossary = None
            self.glossary_changed.emit()
        if changes.documents or (changes.document_id is not None and not current):
            for doc in changes.documents:
                self.documents.progress.pop(doc, None)  # read again with the list
            self.refresh_documents()
        self.rows_changed.emit(sorted(set(changes.focus) | touched))

    def _apply_speakers(self, speakers: Iterable[SpeakerInfo]) -> set[int]:
        """New speaker records: rows and speaker tags showing one whose name changed follow."""
        new = {s.id: s for s in speakers}
        if new == self.speakers:
            return set()
        changed = {i for i, s in new.items() if self.speakers.get(i) != s}
        self.speakers = new
        if any(a.kind == "speaker" and a.speaker_id in changed for a in self._annotations):
            self.annotations = [
                dataclasses.replace(a, tag=new[a.speaker_id].display_name)
                if a.kind == "speaker" and a.speaker_id in changed and a.speaker_id in new
                else a
                for a in self._annotations
            ]
        # Rows of a renamed speaker change in place: their name, and their speaker tags' text.
        tagged = {
            a.segment_index for a in self._annotations if a.kind == "speaker" and a.speaker_id in changed
        }
        rows = [
            r
            for r in self.segments.rows
            if (r.info.speaker is not None and r.info.speaker.id in changed) or r.index in tagged
        ]
        if rows:
            grouped = by_segment(self._annotations) if tagged else {}
            for row in rows:
                anns = self._shown_of(grouped.get(row.index, ())) if row.index in tagged else row.annotations
                set_annotations(row, anns, self.speakers)
            self.segments.replace_rows(rows)
        self.speakers_changed.emit()  # quick keys and filters follow
        return {r.index for r in rows}

    def _topics_update(self) -> set[int]:
        self._refresh_topics()
        return set()

    def _shown_of(self, annotations: Iterable[AnnotationInfo]) -> list[AnnotationInfo]:
        view = self.annotator_view
        return [a for a in annotations if view is None or a.annotator == view]

    def _restructure(self, changes: Changes) -> set[int]:
        """Rows split or merged (Changes.restructure): the new rows in their place, every later
        row's index (and its tags') moved by the difference, in place: no read of the document,
        and no rebuild of 100,000 rows for one split."""
        old, stored = self.segments.rows, changes.rows
        assert stored is not None
        if any(r.index != n for n, r in enumerate(old)):
            self.reload_document()  # (not numbered 0…n-1 as loaded: read the document after all)
            return set()
        fresh = {
            r.index: r for r in build_rows(stored.segments, self._shown_of(stored.annotations), self.speakers)
        }
        rows: list[SegmentRow] = []
        shift = pos = 0
        replaced: set[int] = set()
        for first, before, now in changes.restructure:
            rows += [_renumbered(r, shift) for r in old[pos:first]]
            rows += [fresh[first + shift + k] for k in range(now)]  # (read in the new numbering)
            replaced.update(range(first, first + before))
            pos = first + before
            shift += now - before
        rows += [_renumbered(r, shift) for r in old[pos:]]
        for i, r in fresh.items():  # rows read back besides (an op's other decisions)
            if 0 <= i < len(rows):
                rows[i] = r
        kept = [a for a in self._annotations if a.segment_index not in replaced]
        self.annotations = sorted(
            [*(_tag_renumbered(a, changes.restructure) for a in kept), *stored.annotations], key=reading_order
        )
        self.segments.set_rows(rows)
        self._apply_filters()
        self.refresh_focus = changes.focus[0] if changes.focus else None
        self.document_refreshed.emit(self.document_id)
        return set(fresh)

    def _apply_rows(self, stored: StoredRows) -> set[int]:
        """Rebuild the rows an op read back (their text, edits, speaker and tags), nothing else."""
        indexes = stored.indexes
        kept = [a for a in self._annotations if a.segment_index not in indexes]
        self.annotations = sorted([*kept, *stored.annotations], key=reading_order)
        rebuilt = build_rows(
            [info for info in stored.segments if self.segments.segment(info.index) is not None],
            self._shown_of(stored.annotations),
            self.speakers,
        )
        self.segments.replace_rows(rebuilt)
        return {r.index for r in rebuilt}

    @property
    def annotations(self) -> list[AnnotationInfo]:
        """The open document's tags (everyone's) in reading order, as this window last read them."""
        return self._annotations

    @annotations.setter
    def annotations(self, value: list[AnnotationInfo]) -> None:
        self._annotations = value
        self._annotation_ids = None

    def annotation_ids(self) -> dict[int, AnnotationInfo]:
        if self._annotation_ids is None:
            self._annotation_ids = {a.id: a for a in self._annotations}
        return self._annotation_ids

    # What the window has seen (reviewer.ops.Seen): ops check others' writes against it.

    def seen_annotation(self, annotation_id: int) -> AnnotationInfo | None:
        return self.annotation_ids().get(annotation_id)

    def seen_edit_version(self, segment_index: int, edit_id: int, default: int) -> int:
        row = self.segments.segment(segment_index)
        if row is not None:
            for e in row.info.edits:
                if e.id == edit_id:
                    return e.version
        return default

    def annotators(self) -> list[str]:
        """Everyone with a tag in the open document, and the reviewer themself."""
        names = {a.annotator for a in self.annotations if a.annotator}
        if self.annotator:
            names.add(self.annotator)
        return sorted(names, key=str.casefold)

    def shown_annotations(self) -> list[AnnotationInfo]:
        if self.annotator_view is None:
            return self.annotations
        return [a for a in self.annotations if a.annotator == self.annotator_view]

    def set_annotator_view(self, name: str | None) -> None:
        """Show one annotator's tags in the rows and inspector (None or "": everyone's)."""
        name = name or None
        if name == self.annotator_view:
            return
        self.annotator_view = name
        if self.document_id is not None:
            touched = self._regroup(by_segment(self.annotations), all_rows=True)
            if self.segments.filtered:  # topic and error filters look at the shown tags
                self._apply_filters()
            self._refresh_topics()
            self.rows_changed.emit(sorted(touched))

    def _reload_annotations(self, all_rows: bool) -> set[int]:
        assert self.document_id is not None
        old = by_segment(self.shown_annotations())
        self.annotations = self.store.annotations(self.document_id)
        return self._regroup(old, all_rows)

    def _regroup(self, old: dict[int, list[AnnotationInfo]], all_rows: bool) -> set[int]:
        """Give the rows their shown annotations; returns the indices of rows that changed."""
        new = by_segment(self.shown_annotations())
        indices = [r.index for r in self.segments.rows] if all_rows else sorted(set(old) | set(new))
        changed = []
        for index in indices:
            row = self.segments.segment(index)
            if row is None:
                continue
            anns = new.get(index, [])
            before = (row.annotations, row.speaker_name, row.speaker_label)
            set_annotations(row, anns, self.speakers)
            if (
                (row.annotations, row.speaker_name, row.speaker_label) != before
                or index in new
                or index in old
            ):
                changed.append(row)
        self.segments.replace_rows(changed)
        return {r.index for r in changed}

    def _update_document_counts(self) -> None:
        if self.document_id is None:
            return
        self.documents.set_progress(self.document_id, self.segments.reviewed, len(self.segments.rows))
        self.documents.set_annotation_count(self.document_id, len(self.annotations))

    def _refresh_topics(self) -> None:
        counts: dict[str, int] = {}
        for a in self.shown_annotations():
            if a.kind == "topic":
                counts[a.tag] = counts.get(a.tag, 0) + 1
        self.topics.set_topics(self.store.topics(), counts)
        self.topics_changed.emit()

    # --- tagging ------------------------------------------------------------------------------

    def _require_document(self) -> int:
        if self.document_id is None:
            raise InputError("open a document first")
        return self.document_id

    def _spec(self, index: int, kind: str, value: str, **kw: object) -> TagSpec:
        return TagSpec(index, kind, value, annotator=self.annotator, **kw)  # type: ignore[arg-type]

    def tag_topic(
        self, indices: Iterable[int], path: str, span: tuple[int, int] | None = None, target: str = "repaired"
    ) -> bool:
        indices = list(indices)
        if not indices or not path.strip():
            return False
        specs = [self._spec(i, "topic", path.strip(), span=span, target=target) for i in indices]
        title = self.tr("Topic {0}").format(path.strip())
        return self.run(ReplaceTags(self._require_document(), add=specs, title=title))

    def correct_text(
        self, index: int, seen: str, typed: str, places: Sequence[Place] = (), teach: bool = False
    ) -> bool:
        """Segment ``index`` reads ``typed`` (it showed ``seen``): the reviewer's own edits;
        ``places`` (ticked) get the same correction, in the same undoable step."""
        if self.document_id is None or typed == seen:
            return False
        # One changed run is the correction (what propagation and the glossary carry); more
        # than one: the whole text is.
        start, end, right = single_change(seen, typed) or (0, len(seen), typed)
        return self.correct_span(index, seen, start, end, right, places, teach)

    def correct_span(
        self,
        index: int,
        seen: str,
        start: int,
        end: int,
        right: str,
        places: Sequence[Place] = (),
        teach: bool = False,
        wrong: str | None = None,
    ) -> bool:
        """``seen[start:end]`` of segment ``index`` reads ``right`` (it may already: a repair
        taught, then ``wrong`` is what it corrected), ``places`` the same, in one undoable step;
        ``teach`` adds wrong => right to the glossary."""
        if self.document_id is None:
            return False
        op = Correct(
            self.document_id, index, seen, start, end, right, self.annotator, places, teach, wrong=wrong
        )
        op.title = (
            self.tr("Correct segment {0} and {1} other place(s)").format(index, len(places))
            if places
            else self.tr("Correct segment {0}").format(index)
        )
        return self.run(op)

    def split_segment(self, index: int, seen: str, at: int) -> bool:
        """Split segment ``index`` (showing ``seen``) at code point ``at``; the status bar says
        where the new row starts and how that time was found."""
        op = SplitSegment(self._require_document(), index, seen, at)
        op.title = self.tr("Split segment {0}").format(index)
        if not self.run(op):
            return False
        start, how = op.second_start
        hows = {
            "stamp": self.tr("its line's timestamp"),
            "given": self.tr("as given"),
            "estimated": self.tr("estimated from its share of the segment's characters"),
        }
        if start is None:
            self.message.emit(self.tr("Split segment {0}; the new row has no time").format(index))
        else:
            self.message.emit(
                self.tr("Split segment {0}; the new row starts at {1} ({2})").format(
                    index, _tenths(start), hows.get(how, how)
                )
            )
        return True

    def merge_with_next(self, index: int) -> bool:
        op = MergeSegments(self._require_document(), index, self.annotator)
        op.title = self.tr("Merge segments {0} and {1}").format(index, index + 1)
        return self.run(op)

    def apply_correction(self, tag: AnnotationInfo) -> str | None:
        """Make the text at an error tag say its correction (the reviewer's own edit); the tag
        stays as the record.  Returns why it cannot, or None."""
        if self.document_id is None or tag.segment_index is None or not tag.correction:
            return self.tr("this tag has no correction to apply")
        row = self.segments.segment(tag.segment_index)
        if row is None:
            return self.tr("the tag's segment is not shown")
        text = row.info.repaired
        if tag.target == "repaired" and tag.span_start is not None and tag.span_end is not None:
            start, end = tag.span_start, tag.span_end
        elif tag.target == "segment":
            start, end = 0, len(text)
        else:
            return self.tr("the tag marks the original text; mark the repaired text to correct it")
        if tag.anchor_status != "ok":
            return self.tr("the tag's text changed since it was made; check it first")
        if text[start:end] == tag.correction:
            return self.tr("the text says that already")
        op = Correct(self.document_id, tag.segment_index, text, start, end, tag.correction, self.annotator)
        op.title = self.tr("Apply correction «{0}»").format(tag.correction)
        return None if self.run(op) else self.tr("the correction could not be applied")

    def places_of(
        self, index: int, seen: str, typed: str, everywhere: bool = False
    ) -> tuple[str, str, list[Place]] | None:
        """(wrong, right, other places) of a typed correction that changed one run of text: in
        the open document (from its rows, no read), with ``everywhere`` in every document."""
        if self.document_id is None:
            return None
        change = single_change(seen, typed)
        if change is None:
            return None
        start, end, right = change
        wrong = seen[start:end]
        corrected = seen[:start] + right + seen[end:]
        places = self.places_for(index, corrected, (start, start + len(right)), wrong, right, everywhere)
        return None if places is None else (wrong, right, places)

    def places_for(
        self,
        index: int,
        corrected: str,
        at: tuple[int, int],
        wrong: str,
        right: str,
        everywhere: bool = False,
    ) -> list[Place] | None:
        """The other places of ``wrong`` (and its variants) to correct to ``right``, once segment
        ``index`` reads ``corrected`` (``right`` at ``at``); None: nothing to look for."""
        if self.document_id is None or not wrong.strip():
            return None  # (an insertion: nothing to look for elsewhere)
        find = self._place_finder(index, corrected, at, wrong, right, everywhere)
        return find(QUIET)

    def _place_finder(
        self, index: int, corrected: str, at: tuple[int, int], wrong: str, right: str, everywhere: bool
    ) -> Callable[[Task], list[Place]]:
        """The search of places_for, its inputs taken now (it may run in another thread)."""
        doc, shown = self._require_document(), self._shown_texts()
        return lambda job: find_places(
            self.store,
            doc,
            index,
            corrected,
            at,
            wrong,
            right,
            all_documents=everywhere,
            job=job,
            shown=shown,
        )

    def _shown_texts(self) -> tuple[list[tuple[int, str]], set[int]]:
        """The open document's texts as shown, and its rows corrected by hand (not read again)."""
        rows = self.segments.rows
        return (
            [(r.index, r.info.repaired) for r in rows],
            {r.index for r in rows if any(e.kind == MANUAL for e in r.info.edits)},
        )

    def search_places(
        self,
        index: int,
        corrected: str,
        at: tuple[int, int],
        wrong: str,
        right: str,
        on_done: Callable[[list[Place]], object],
    ) -> Job:
        """places_for in every document, in the background (a task with progress and Cancel: a
        store of long documents takes a while); on_done gets them."""
        work = self._place_finder(index, corrected, at, wrong, right, everywhere=True)
        label = self.tr("Looking for {0} in every document").format(wrong)
        return self._task(work, "places", label, on_done)

    def mark_error(
        self,
        index: int,
        error_type: str,
        span: tuple[int, int] | None = None,
        target: str = "repaired",
        correction: str | None = None,
        note: str | None = None,
    ) -> bool:
        spec = self._spec(
            index,
            "error",
            error_type,
            span=span,
            target=target,
            correction=correction or None,
            note=note or None,
        )
        title = self.tr("Error {0}").format(error_type)
        return self.run(ReplaceTags(self._require_document(), add=[spec], title=title))

    def set_speaker(self, indices: Iterable[int], speaker: str) -> bool:
        """Assign who speaks in these segments (their own speaker, as the exports show it)."""
        indices = sorted(set(indices))
        speaker = speaker.strip()
        if not indices or not speaker:
            return False
        name = self.speaker_name(speaker)
        what = (
            self.tr("Speaker {0} for {1} segments")
            if len(indices) > 1
            else self.tr("Speaker {0} for {1} segment")
        ).format(name, len(indices))
        return self.run(SetSpeaker(self._require_document(), indices, speaker, title=what))

    def speaker_name(self, label_or_name: str) -> str:
        for s in self.speakers.values():
            if s.label == label_or_name:
                return s.display_name
        return label_or_name

    def rename_speaker(self, label: str, new_name: str) -> bool:
        sp = next((s for s in self.speakers.values() if s.label == label), None)
        if sp is None or not new_name.strip() or new_name.strip() == sp.display_name:
            return False
        new_name = new_name.strip()
        title = QCoreApplication.translate("Commands", "Rename speaker {0} → {1}").format(label, new_name)
        return self.run(RenameSpeaker(self._require_document(), label, new_name, title=title))

    def delete_annotations(self, annotations: Sequence[AnnotationInfo]) -> bool:
        if not annotations:
            return False
        n = len(annotations)
        what = (self.tr("Remove {0} tags") if n > 1 else self.tr("Remove {0} tag")).format(n)
        return self.run(ReplaceTags(self._require_document(), remove=annotations, title=what))

    # --- repair edits -------------------------------------------------------------------------

    def decide(self, edits: Sequence[tuple[int, EditInfo]], decision: str, text: str | None = None) -> bool:
        """accepted / rejected / changed (with ``text``) for (segment index, edit) pairs."""
        decisions = decisions_for(edits, decision, text)
        if not decisions:
            return False
        n = len(decisions)
        what = {
            "accepted": (self.tr("Accept {0} repair"), self.tr("Accept {0} repairs")),
            "rejected": (self.tr("Reject {0} repair"), self.tr("Reject {0} repairs")),
            "changed": (self.tr("Change {0} repair"), self.tr("Change {0} repairs")),
            "pending": (self.tr("Reset {0} repair"), self.tr("Reset {0} repairs")),
        }[decision][n > 1].format(n)
        return self.run(DecideEdits(self._require_document(), decisions, title=what))

    def edit_annotation(self, before: AnnotationInfo, **changes: object) -> bool:
        """Change a tag (error type, correction, note…), checked against the version shown."""
        if not changes:
            return False
        return self.run(UpdateTag(before, title=self.tr("Edit tag {0}").format(before.tag), **changes))

    def agreement(self, on_done: Callable[[dict[str, object]], object]) -> Job:
        """Agreement between the open document's annotators, per tag kind (background)."""
        doc = self._require_document()
        return self._task(
            lambda _j: self.store.agreement_report(doc), "agreement", self.tr("Computing agreement"), on_done
        )

    def glossary(self) -> Glossary:
        """The stored glossary as this window last read it (read again after a change to it)."""
        if self._glossary is None:
            self._glossary = self.store.glossary()
        return self._glossary

    def teachable(self, edit: EditInfo, decision: str, text: str | None = None) -> tuple[str, str] | None:
        """(wrong, right) worth offering to teach after deciding ``edit``, or None.

        A term correction the glossary does not make yet: a glossary repair the reviewer
        rewrote, or a glossary suggestion (not applied by itself) the reviewer accepted.
        """
        if edit.kind != "glossary" or decision not in ("accepted", "changed"):
            return None
        if decision == "accepted" and edit.applied:
            return None  # the glossary made it already
        wrong, right = edit.before.strip(), (text if decision == "changed" else edit.after) or ""
        right = right.strip()
        if not wrong or not right or wrong == right:
            return None
        if self.glossary().aliases.get(wrong) == right:
            return None
        return wrong, right

    def pending_edits(self, indices: Iterable[int]) -> list[tuple[int, EditInfo]]:
        out = []
        for i in indices:
            row = self.segments.segment(i)
            if row is not None:
                out += [(i, e) for e in row.info.edits if e.decision == "pending"]
        return out

    # --- topics -------------------------------------------------------------------------------

    def create_topic(self, path: str, colour: str | None = None) -> bool:
        title = QCoreApplication.translate("Commands", "New topic {0}").format(path.strip())
        return self.run(CreateTopic(self.document_id, path.strip(), colour, title=title))

    def rename_topic(self, path: str, new_name: str) -> bool:
        new_name = new_name.strip()
        title = QCoreApplication.translate("Commands", "Rename topic {0} → {1}").format(path, new_name)
        return self.run(RenameTopic(self.document_id, path, new_name, title=title))

    def colour_topic(self, path: str, colour: str | None) -> bool:
        info = self.topics.info(path)
        title = QCoreApplication.translate("Commands", "Colour of topic {0}").format(path)
        old = info.colour if info else None
        return self.run(ColourTopic(self.document_id, path, old, colour, title=title))

    def move_topic(self, path: str, new_parent: str | None) -> bool:
        title = QCoreApplication.translate("Commands", "Move topic {0}").format(path)
        return self.run(MoveTopic(self.document_id, path, new_parent or None, title=title))

    def merge_topics(self, source: str, target: str) -> bool:
        title = QCoreApplication.translate("Commands", "Merge topic {0} into {1}").format(source, target)
        return self.run(MergeTopics(self.document_id, source, target, title=title))

    # --- topic suggestions and teaching corrections -------------------------------------------

    def suggest_topics(
        self, indices: Sequence[int] | None, on_done: Callable[[list[TopicSuggestion]], object]
    ) -> Job:
        """Keywords per stretch of the given segments (None: the whole document), in the background."""
        self._require_document()
        wanted = set(indices) if indices else None
        rows = [(r.index, r.info.repaired) for r in self.segments.rows if wanted is None or r.index in wanted]
        label = self.tr("Finding topic suggestions")
        return self._task(lambda job: suggest(self.store, rows, job), "suggest", label, on_done)

    def accept_suggestions(self, chosen: Sequence[tuple[Sequence[int], str]]) -> bool:
        """Tag each (segment indices, keyword) with the topic Suggested/keyword: one undoable step."""
        specs = [self._spec(i, "topic", topic_path(word)) for indices, word in chosen for i in indices]
        if not specs:
            return False
        words = ", ".join(w for _i, w in chosen)
        return self.run(ReplaceTags(self._require_document(), add=specs, title=f"Suggested topic {words}"))

    # --- navigation, find, filters ------------------------------------------------------------

    def next_row(self, start: int, test: RowTest, backwards: bool = False) -> int | None:
        """The next visible row after ``start`` (wrapping round) that passes ``test``."""
        rows = self.segments.visible_rows()
        n = len(rows)
        if not n:
            return None
        step = -1 if backwards else 1
        for k in range(1, n + 1):
            r = (start + step * k) % n
            if test(rows[r]):
                return r
        return None

    @staticmethod
    def is_unreviewed(row: SegmentRow) -> bool:
        return row.pending > 0

    @staticmethod
    def is_low_confidence(row: SegmentRow) -> bool:
        return row.low_confidence

    @staticmethod
    def has_error(row: SegmentRow) -> bool:
        return any(a.kind == "error" for a in row.annotations)

    def find(self, text: str, start: int, *, regex: bool = False, backwards: bool = False) -> int | None:
        """The next row whose original or repaired text matches (re.error for a bad regex)."""
        rows = self.find_rows(text, regex=regex)
        if not rows:
            return None
        k = bisect.bisect_left(rows, start) - 1 if backwards else bisect.bisect_right(rows, start)
        return rows[k % len(rows)]

    def find_rows(self, text: str, *, regex: bool = False) -> list[int]:
        """Every visible row whose original or repaired text matches, in order (re.error: bad regex)."""
        if not text:
            return []
        search = find_matches(text, regex).search
        return [
            n
            for n, row in enumerate(self.segments.visible_rows())
            if search(row.info.original) or search(row.info.repaired)
        ]

    def set_filters(
        self,
        *,
        speaker: str | None = None,
        topic: str | None = None,
        error_type: str | None = None,
        pending: bool = False,
        text: str | None = None,
        regex: bool = False,
    ) -> None:
        self.filters = {
            "speaker": speaker,
            "topic": topic,
            "error_type": error_type,
            "pending": pending,
            "text": text,
            "regex": regex,
        }
        self._apply_filters()

    def _apply_filters(self) -> None:
        f = self.filters
        tests: list[RowTest] = []
        if f.get("speaker"):
            label = f["speaker"]
            tests.append(lambda r: r.speaker_label == label)
        if f.get("topic"):
            topic = str(f["topic"])
            tests.append(lambda r: any(t == topic or t.startswith(topic + "/") for t in r.topics))
        if f.get("error_type"):
            key = f["error_type"]
            tests.append(lambda r: any(a.kind == "error" and a.tag == key for a in r.annotations))
        if f.get("pending"):
            tests.append(lambda r: r.pending > 0)
        if f.get("text"):
            try:
                pattern: re.Pattern[str] | None = find_matches(str(f["text"]), bool(f.get("regex")))
            except re.error:
                pattern = None
            if pattern is not None:
                p = pattern
                tests.append(lambda r: bool(p.search(r.info.original) or p.search(r.info.repaired)))
        if not tests:
            self.segments.set_filter(None)
        else:
            self.segments.set_filter(lambda r: all(t(r) for t in tests))


def _tenths(seconds: float) -> str:
    """A time as the table shows it, with tenths (a split's estimate is rarely a whole second)."""
    t = round(seconds, 1)
    return f"{time_text(t)}.{round(t * 10) % 10}"


def _renumbered(row: SegmentRow, shift: int) -> SegmentRow:
    """The row (and its tags) moved ``shift`` indexes down by a split or merge before it."""
    if shift:
        # In place, though the record is frozen: the model's rows are the only holders of their
        # records, and a split near the top of 100,000 rows must not allocate 100,000 new ones
        # (each such rebuild leaves the allocator's memory more fragmented; see _keep_recent).
        object.__setattr__(row.info, "index", row.info.index + shift)
        if row.annotations:
            row.annotations = [
                dataclasses.replace(a, segment_index=a.segment_index + shift)
                if a.segment_index is not None
                else a
                for a in row.annotations
            ]
    return row


def _tag_renumbered(a: AnnotationInfo, parts: tuple[tuple[int, int, int], ...]) -> AnnotationInfo:
    """A tag on a row after split or merged ones, its index moved with the row."""
    if a.segment_index is None:
        return a
    shift = sum(now - before for first, before, now in parts if first + before <= a.segment_index)
    return dataclasses.replace(a, segment_index=a.segment_index + shift) if shift else a
