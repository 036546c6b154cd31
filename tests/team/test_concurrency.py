"""Several processes writing one document at once, on SQLite and on PostgreSQL.

Every tag a writer was told is committed is there afterwards; writers updating one annotation
from the same stale version get exactly one success and a conflict each for the rest; and a
read-modify-write loop that retries on conflicts loses no update.
"""

from __future__ import annotations

import multiprocessing
from typing import Any

from reviewer.store import Store
from tests.store.helpers import CHAT, doc
from tests.team.writers import INCREMENTS_EACH, TAGS_EACH, incrementer, stale_updater, tagger

WRITERS = 4
CTX = multiprocessing.get_context("spawn")


def _run(target: Any, *args: Any) -> list[Any]:
    start, out = CTX.Barrier(WRITERS), CTX.Queue()
    procs = [CTX.Process(target=target, args=(*args, n, start, out)) for n in range(WRITERS)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    failed = [what for n, what in results if n < 0]
    assert failed == []
    assert [p.exitcode for p in procs] == [0] * WRITERS
    return sorted(results)


def test_every_committed_tag_is_there(store: Store) -> None:
    d = store.import_document(doc(CHAT)).document_id
    results = _run(tagger, store.url, d)
    promised = {i for _n, ids in results for i in ids}
    assert len(promised) == WRITERS * TAGS_EACH  # no id handed out twice
    stored = store.annotations(d)
    assert {a.id for a in stored} == promised
    expected = sorted(f"{n}:{i}" for n in range(WRITERS) for i in range(TAGS_EACH))
    assert sorted(a.note for a in stored) == expected
    assert {a.annotator for a in stored} == {f"w{n}" for n in range(WRITERS)}
    # Each shared name was created once, whoever got there first.
    assert [t.path for t in store.topics()] == ["Shared"] + [f"Shared/T{k}" for k in range(5)]
    guests = [s.label for s in store.speakers(d) if s.label.startswith("Guest")]
    assert sorted(guests) == ["Guest 0", "Guest 1", "Guest 2"]


def test_stale_updates_are_refused_and_none_is_lost(store: Store) -> None:
    d = store.import_document(doc(CHAT)).document_id
    a = store.tag(d, 1, topic="AI", note="0")
    results = _run(stale_updater, store.url, a)
    saved = [n for n, what in results if what == "saved"]
    conflicts = [what for _n, what in results if what.startswith("conflict")]
    assert len(saved) == 1 and len(conflicts) == WRITERS - 1
    final = store.annotation(a)
    assert final is not None and (final.note, final.version) == (f"w{saved[0]}", 2)
    # Each conflict showed the winner's version: what they would have overwritten.
    assert set(conflicts) == {f"conflict w{saved[0]} v2"}

    store.update_annotation(a, note="0")
    _run(incrementer, store.url, a)
    final = store.annotation(a)
    assert final is not None and final.note == str(WRITERS * INCREMENTS_EACH)  # no lost update
    assert final.version == 3 + WRITERS * INCREMENTS_EACH
