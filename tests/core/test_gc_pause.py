"""Freezing an open document's objects must not keep garbage for good (the window's long session)."""

from __future__ import annotations

import gc
import weakref

from reviewer.core.gc_pause import gc_paused, sweep_frozen, sweep_pending


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_garbage_frozen_with_a_document_is_freed_by_a_sweep() -> None:
    sweep_frozen()
    node = Node()
    gone = weakref.ref(node)
    with gc_paused(freeze=True):  # a document load: everything alive now is frozen
        rows = [object() for _ in range(10)]
    assert sweep_pending()
    del node  # later the cyclic object becomes garbage (a dialog closed, an undo step cleared)
    gc.collect()
    assert gone() is not None  # frozen: the collector never looks at it again
    assert sweep_frozen()
    assert gone() is None and not sweep_pending()
    assert not sweep_frozen()  # nothing frozen since
    assert len(rows) == 10
    gc.unfreeze()


def test_without_freeze_nothing_is_pending() -> None:
    sweep_frozen()
    with gc_paused():
        [object() for _ in range(10)]
    assert not sweep_pending()
