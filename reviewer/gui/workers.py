"""Long work off the UI thread: importing files, loading a document, counting progress.

A :class:`Job` wraps a plain function ``work(job) -> result``; the function reports
progress through ``job.report`` and checks ``job.cancelled`` between steps.  Results
come back as Qt signals, queued to the UI thread.  With ``synchronous=True`` (tests,
``--self-test``, ``--screenshot``) jobs run at once in the caller's thread, like
Picard's fake thread pool, so tests need no waiting.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reviewer.core.decisions import is_reviewed
from reviewer.core.errors import InputError
from reviewer.core.gc_pause import gc_paused
from reviewer.core.glossary import Glossary
from reviewer.core.progress import Cancelled
from reviewer.gui.models.rows import SegmentRow, build_rows
from reviewer.ops.imports import ImportOutcome, import_files
from reviewer.store import AnnotationInfo, SpeakerInfo, Store


class JobSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()  # the work stopped early at the user's request (nothing to show)


class Job(QRunnable):
    def __init__(self, work: Callable[[Job], Any], name: str = "", label: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Runner keeps it until it reports back
        self.work = work
        self.name = name
        self.label = label  # what the user is told runs; empty for work nobody waits on
        self.signals = JobSignals()
        self.cancelled = False
        self.done = False

    def cancel(self) -> None:
        self.cancelled = True

    def report(self, done: int, total: int, what: str = "") -> None:
        self.signals.progress.emit(done, total, what)

    def check(self, done: int, total: int, what: str = "") -> None:
        """Report progress, and stop the work here (core.progress.Cancelled) if it was cancelled."""
        if self.cancelled:
            raise Cancelled
        self.report(done, total, what)

    def run(self) -> None:
        try:
            result = self.work(self)
        except Cancelled:
            self.done = True
            self.signals.cancelled.emit()
        except InputError as err:
            self.done = True
            self.signals.failed.emit(str(err))
        except Exception as err:  # a bug: say so in the window rather than losing the thread
            traceback.print_exc()
            self.done = True
            self.signals.failed.emit(f"{type(err).__name__}: {err}")
        else:
            self.done = True
            self.signals.finished.emit(result)


class Runner(QObject):
    """Starts jobs on one background thread (imports, loads, searches), or inline in tests.

    (Ops run on the UI thread; an import writes from this thread: the store serialises the two.)
    """

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        # Reads nobody waits for (progress counts) go here, so they never delay opening a document.
        self.idle_pool = QThreadPool(self)
        self.idle_pool.setMaxThreadCount(1)
        self._running: list[Job] = []

    def start(self, job: Job, *, idle: bool = False) -> Job:
        if self.synchronous:
            job.run()
            return job
        self._running.append(job)
        job.signals.finished.connect(lambda _r, j=job: self._forget(j))
        job.signals.failed.connect(lambda _m, j=job: self._forget(j))
        job.signals.cancelled.connect(lambda j=job: self._forget(j))
        (self.idle_pool if idle else self.pool).start(job)
        return job

    def _forget(self, job: Job) -> None:
        if job in self._running:
            self._running.remove(job)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs) and self.idle_pool.waitForDone(msecs)


# --- the work itself (plain functions of the store) ---------------------------------------------


@dataclass
class LoadedDocument:
    document_id: int
    rows: list[SegmentRow]
    speakers: dict[int, SpeakerInfo]
    annotations: list[AnnotationInfo]
    # Worked out here, off the UI thread (each is a pass over every row).
    positions: dict[int, int] = field(default_factory=dict)
    reviewed: int = 0
    timed: bool = False
    token: object = None  # the store's change token, read before the rows (see Store.change_token)


def import_work(
    store: Store, paths: Sequence[str | Path], glossary: Glossary | None = None
) -> Callable[[Job], ImportOutcome]:
    return lambda job: import_files(store, paths, glossary, job)


def load_work(store: Store, document_id: int) -> Callable[[Job], LoadedDocument]:
    def work(job: Job) -> LoadedDocument:
        # A full collection walks every object of a 100k-row document while holding the GIL,
        # which stalls the UI thread too: pause the collector while the rows are built.
        # The rows live as long as the document is open: freeze them out of later passes.
        with gc_paused(freeze=True):
            return _load(store, document_id)

    return work


def _load(store: Store, document_id: int) -> LoadedDocument:
    # First: a change another reviewer makes while the rows are read shows at the next poll.
    token = store.change_token(document_id)
    stored = store.stored_rows(document_id)  # one read: segments, tags and speakers agree
    speakers = {s.id: s for s in stored.speakers}
    rows = build_rows(stored.segments, stored.annotations, speakers)
    return LoadedDocument(
        document_id,
        rows,
        speakers,
        list(stored.annotations),
        positions={r.index: n for n, r in enumerate(rows)},
        reviewed=sum(1 for r in rows if r.reviewed),
        timed=any(r.info.start is not None for r in rows),
        token=token,
    )


def progress_work(store: Store, document_ids: Sequence[int]) -> Callable[[Job], dict[int, tuple[int, int]]]:
    """Segments reviewed (no repair waiting for a decision) / total, per document."""

    def work(job: Job) -> dict[int, tuple[int, int]]:
        out: dict[int, tuple[int, int]] = {}
        for doc_id in document_ids:
            if job.cancelled:
                break
            try:
                segs = store.segments(doc_id)
            except InputError:
                continue
            done = sum(1 for s in segs if is_reviewed(e.decision for e in s.edits))
            out[doc_id] = (done, len(segs))
        return out

    return work
