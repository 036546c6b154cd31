"""Reading a 100,000-segment document back out of the store: whole, paged, one segment.

    .venv/bin/python benchmarks/segment_read_bench.py [--segments 100000] [--db PATH]

Builds the same transcript as gui_bench.py (ASR-style chat lines, repaired with the
glossary step so many segments carry edits), stores it once, then times the reads
(best of 3).  ``--db`` reuses a store filled by an earlier run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The same synthetic 100k-line transcript the window benchmark loads.
from gui_bench import big_transcript  # noqa: E402

from reviewer.core.document import RepairedDocument, repair_text  # noqa: E402
from reviewer.core.glossary import Glossary  # noqa: E402
from reviewer.core.repair.pipeline import RepairOptions  # noqa: E402
from reviewer.store import Store, open_store  # noqa: E402


def build(n: int, glossary: bool) -> RepairedDocument:
    steps = RepairOptions.without("merge").steps
    terms = Glossary(["ChatGPT"], {"chat gpt": "ChatGPT"}) if glossary else None
    return repair_text(big_transcript(n), RepairOptions(steps, terms), path="big.txt")


def best(fn: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def run(store: Store, doc_id: int) -> None:
    n = store.segment_count(doc_id) if hasattr(store, "segment_count") else len(store.segments(doc_id))
    print(f"document {doc_id}: {n} segments")
    print(f"segments(with_edits=True)   {best(lambda: store.segments(doc_id)) * 1000:8.0f} ms")
    print(
        f"segments(with_edits=False)  {best(lambda: store.segments(doc_id, with_edits=False)) * 1000:8.0f} ms"
    )
    if hasattr(store, "segments_page"):
        mid = n // 2
        page = best(lambda: store.segments_page(doc_id, mid, 200), runs=20)
        one = best(lambda: store.segment(doc_id, mid), runs=50)
        count = best(lambda: store.segment_count(doc_id), runs=50)
        print(f"segments_page(mid, 200)     {page * 1000:8.2f} ms")
        print(f"segment(mid)                {one * 1000:8.2f} ms")
        print(f"segment_count               {count * 1000:8.2f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--segments", type=int, default=100_000)
    ap.add_argument("--db", help="a store already holding the document (the largest one is read)")
    ap.add_argument("--glossary", action="store_true", help="repair with a glossary (edits)")
    args = ap.parse_args()
    if args.db:
        with open_store(args.db) as store:
            if not store.documents():
                store.import_document(build(args.segments, args.glossary))
            run(store, max(store.documents(), key=lambda d: d.segments).id)
        return 0
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "bench.sqlite3")) as store:
        run(store, store.import_document(build(args.segments, args.glossary)).document_id)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
