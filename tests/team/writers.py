"""Worker processes for test_concurrency (spawned: this module imports only the store, so each
process starts quickly)."""

from __future__ import annotations

from typing import Any

from reviewer.store import AnnotationConflict, open_store

TAGS_EACH = 25
INCREMENTS_EACH = 10


def _tagger(url: str, doc_id: int, n: int, start: Any, out: Any) -> None:
    committed = []
    with open_store(url) as store:
        start.wait()
        for i in range(TAGS_EACH):
            # Returned only after the commit: this id is a promise that the tag is stored.
            # New topics and speakers that every writer creates at the same moment: a race on
            # PostgreSQL (SQLite's write transactions take turns), settled by add_or_existing.
            tag = {"topic": f"Shared/T{i % 5}"} if i % 2 else {"speaker": f"Guest {i % 3}"}
            committed.append(store.tag(doc_id, i % 4, **tag, note=f"{n}:{i}", annotator=f"w{n}"))
    out.put((n, committed))


def _stale_updater(url: str, annotation_id: int, n: int, start: Any, out: Any) -> None:
    with open_store(url) as store:
        seen = store.annotation(annotation_id)
        assert seen is not None
        start.wait()  # everyone holds the same version now
        try:
            store.update_annotation(annotation_id, expected_version=seen.version, note=f"w{n}")
            out.put((n, "saved"))
        except AnnotationConflict as exc:
            theirs = exc.theirs
            out.put((n, f"conflict {theirs.note if theirs else None} v{theirs.version if theirs else 0}"))


def _incrementer(url: str, annotation_id: int, n: int, start: Any, out: Any) -> None:
    conflicts = 0
    with open_store(url) as store:
        start.wait()
        done = 0
        while done < INCREMENTS_EACH:
            seen = store.annotation(annotation_id)
            assert seen is not None
            try:
                store.update_annotation(
                    annotation_id, expected_version=seen.version, note=str(int(seen.note or "0") + 1)
                )
                done += 1
            except AnnotationConflict:
                conflicts += 1  # someone else incremented first: read again and retry
    out.put((n, conflicts))


def _guarded(work: Any, args: tuple[Any, ...]) -> None:
    """Run ``work``; a failure is reported through the queue (the test fails at once, no hang)."""
    *rest, start, out = args
    try:
        work(*rest, start, out)
    except BaseException as exc:
        start.abort()  # release the others waiting at the barrier
        out.put((-1, f"error: {type(exc).__name__}: {exc}"))


def tagger(*args: Any) -> None:
    _guarded(_tagger, args)


def stale_updater(*args: Any) -> None:
    _guarded(_stale_updater, args)


def incrementer(*args: Any) -> None:
    _guarded(_incrementer, args)
