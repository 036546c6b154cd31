"""Run by test_crash.py: tags (and re-imports) in a loop, printing each id once it is committed."""

from __future__ import annotations

import sys

from reviewer.core.document import repair_text
from reviewer.core.repair.pipeline import RepairOptions
from reviewer.store import open_store
from tests.store.helpers import CHAT

# No repair steps: this test is about the store, and the steps' models take seconds to load.
NO_STEPS = RepairOptions(frozenset())


def doc(text: str, path: str):  # type: ignore[no-untyped-def]
    return repair_text(text, NO_STEPS, path=path)


def main(db: str) -> None:
    with open_store(db) as store:
        doc_id = store.import_document(doc(CHAT, path="crash.txt")).document_id
        big = doc(
            "".join(f"[A]: line {n} of a long turn.\n[B]: 好的，第 {n} 句。\n" for n in range(150)),
            path="crash-big.txt",
        )
        n = 0
        while True:
            n += 1
            if n % 50 == 0:
                # A big write now and then, so some kills land inside a long transaction.
                store.import_document(
                    big if n % 100 == 0 else doc(CHAT + f"[A]: v{n}\n", path="crash-big.txt")
                )
            new_id = store.tag(doc_id, n % 4, topic=f"Crash/T{n % 7}", note=f"note {n}", annotator="crash")
            sys.stdout.write(f"{new_id}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1])
