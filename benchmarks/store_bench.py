"""Annotation store benchmark: import, 100k-annotation CSV export, tag write latency.

    .venv/bin/python benchmarks/store_bench.py [--annotations 100000] [--tags 2000] [--db PATH]

Every figure is printed next to its target and next to a baseline measured in the
same run on the same machine, so the ratio means something on a noisy computer:

- import of seed 003_: decode+parse+repair alone (load_document) vs the store write;
- CSV export of N annotations (Store → reviewer.export.csv, atomic, BOM, neutralised)
  vs plain ``csv.writer`` writing the same cells from a list already in memory;
- one ``Store.tag`` call (its own transaction, committed with synchronous=FULL)
  vs a bare ``INSERT`` + ``COMMIT`` through the sqlite3 module with the same pragmas.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core.document import load_document  # noqa: E402
from reviewer.export.csv import export_csv, row_cells  # noqa: E402
from reviewer.store import Store, TagSpec, open_store  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXPORT_TARGET_S = 3.0
TAG_P99_TARGET_MS = 5.0
TOPICS = ["AI/Education", "AI/Compute", "AI/Agents", "Business/Funding", "Life/Hacks", "Comedy/Improv"]
ERRORS = ["asr", "encoding", "speaker", "missing-extra", "segmentation", "other"]
NOTES = ["", "听错了", 'said "Skalebo", means "Scalable"', "=SUM(A1)", "line one\nline two", "👍 ok"]


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def random_spec(rng: random.Random, index: int, text: str) -> TagSpec:
    kind = rng.choice(("topic", "error", "error", "speaker"))
    value = {
        "topic": rng.choice(TOPICS),
        "error": rng.choice(ERRORS),
        "speaker": rng.choice(("Host", "Guest")),
    }[kind]
    span = None
    if text and rng.random() < 0.7:
        s = rng.randrange(len(text))
        span = (s, min(len(text), s + rng.randint(1, 12)))
    note = rng.choice(NOTES) or None
    return TagSpec(index, kind, value, span, note=note, annotator=rng.choice(("li", "wang", "sam")))


def bench_import(tmp: Path) -> dict[str, float]:
    seed = next(p for p in SEEDS if p.name.startswith("003_"))
    load = [timed(lambda: load_document(seed)) for _ in range(3)]
    doc = load_document(seed)
    writes, fulls = [], []
    for n in range(3):
        with open_store(str(tmp / f"import-{n}.sqlite3")) as store:
            writes.append(timed(lambda store=store: store.import_document(doc)))
        with open_store(str(tmp / f"import-full-{n}.sqlite3")) as store:
            fulls.append(timed(lambda store=store: store.import_file(seed)))
    return {
        "segments": len(doc.transcript.segments),
        "edits": sum(len(s.edits) for s in doc.transcript.segments),
        "load": statistics.median(load),
        "write": statistics.median(writes),
        "full": statistics.median(fulls),
    }


def fill(store: Store, total: int, rng: random.Random) -> tuple[int, float]:
    docs = [store.import_file(p) for p in SEEDS]
    segs = {d.document_id: store.segments(d.document_id, with_edits=False) for d in docs}
    all_segs = sum(len(v) for v in segs.values())
    t = time.perf_counter()
    made = 0
    for n, d in enumerate(docs):
        share = total - made if n == len(docs) - 1 else round(total * len(segs[d.document_id]) / all_segs)
        specs = []
        for _ in range(share):
            seg = rng.choice(segs[d.document_id])
            specs.append(random_spec(rng, seg.index, seg.repaired))
        made += len(store.tag_many(d.document_id, specs))
    return made, time.perf_counter() - t


def bench_export(store: Store, tmp: Path, runs: int = 3) -> dict[str, float]:
    out = tmp / "export.csv"
    times = [timed(lambda: export_csv(store, out)) for _ in range(runs)]
    rows = list(store.annotation_rows())
    cells = [row_cells(r) for r in rows]
    base_out = tmp / "baseline.csv"

    def baseline() -> None:
        with base_out.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerows(cells)

    base = [timed(baseline) for _ in range(runs)]
    fetch = [timed(lambda: sum(1 for _ in store.annotation_rows())) for _ in range(runs)]
    return {
        "rows": len(rows),
        "export": statistics.median(times),
        "fetch": statistics.median(fetch),
        "baseline": statistics.median(base),
        "bytes": out.stat().st_size,
    }


def bench_tag(store: Store, n: int, rng: random.Random) -> dict[str, float]:
    docs = store.documents()
    segs = {d.id: store.segments(d.id, with_edits=False) for d in docs}
    lat = []
    for _ in range(n):
        d = rng.choice(docs)
        seg = rng.choice(segs[d.id])
        spec = random_spec(rng, seg.index, seg.repaired)
        kw = {spec.kind: spec.value}
        t = time.perf_counter()
        store.tag(d.id, seg.index, span=spec.span, note=spec.note, annotator=spec.annotator, **kw)
        lat.append(time.perf_counter() - t)
    return {"median": statistics.median(lat) * 1000, "p99": percentile(lat, 0.99) * 1000, "n": n}


def bench_sqlite_baseline(tmp: Path, n: int) -> dict[str, float]:
    path = tmp / "baseline.sqlite3"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute("PRAGMA foreign_keys = ON")
    con.execute(
        "CREATE TABLE a (id INTEGER PRIMARY KEY, document_id INT, segment_id INT, kind TEXT,"
        " topic_id INT, span_start INT, span_end INT, quote TEXT, note TEXT, annotator TEXT,"
        " created_at TEXT, updated_at TEXT)"
    )
    lat = []
    for i in range(n):
        t = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute(
            "INSERT INTO a (document_id, segment_id, kind, topic_id, span_start, span_end, quote, note,"
            " annotator, created_at, updated_at) VALUES (1, ?, 'topic', 1, 0, 5, 'quote', 'note', 'li',"
            " '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
            (i,),
        )
        con.execute("COMMIT")
        lat.append(time.perf_counter() - t)
    con.close()
    return {"median": statistics.median(lat) * 1000, "p99": percentile(lat, 0.99) * 1000}


def row(label: str, figure: str, note: str = "") -> None:
    print(f"  {label:<40} {figure:<28} {note}".rstrip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--annotations", type=int, default=100_000)
    ap.add_argument("--tags", type=int, default=2000, help="tag calls timed for the latency figures")
    ap.add_argument("--dir", help="work folder (default: a temporary one, removed afterwards)")
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    import sqlalchemy

    versions = f"SQLite {sqlite3.sqlite_version}, SQLAlchemy {sqlalchemy.__version__}"
    print(f"python {sys.version.split()[0]}, {versions}; {len(SEEDS)} seed files")
    with tempfile.TemporaryDirectory(dir=args.dir) as d:
        tmp = Path(d)
        imp = bench_import(tmp)
        print(f"\nimport of seed 003_ ({imp['segments']} segments, {imp['edits']} edits), median of 3:")
        load, write = imp["load"], imp["write"]
        row("decode+parse+repair (load_document)", f"{load:.3f} s", "baseline: the work before the store")
        row("store write (Store.import_document)", f"{write:.3f} s", f"{write / load:.2f}x baseline")
        row("Store.import_file, everything", f"{imp['full']:.3f} s")

        with open_store(str(tmp / "bench.sqlite3")) as store:
            made, fill_s = fill(store, args.annotations, rng)
            print(f"\n{made} annotations over {len(SEEDS)} seed documents (Store.tag_many) in {fill_s:.2f} s")
            ex = bench_export(store, tmp)
            verdict = "OK" if ex["export"] < EXPORT_TARGET_S else "OVER TARGET"
            ok = f"target < {EXPORT_TARGET_S:.0f} s: {verdict}"
            print(f"\nCSV export of {ex['rows']} annotations ({ex['bytes'] / 1e6:.1f} MB), median of 3:")
            row("export_csv (store → file)", f"{ex['export']:.3f} s", ok)
            row("  of which reading rows from the store", f"{ex['fetch']:.3f} s")
            row("baseline: csv.writer, same cells", f"{ex['baseline']:.3f} s",
                f"export = {ex['export'] / ex['baseline']:.1f}x baseline")  # fmt: skip
            tag = bench_tag(store, args.tags, rng)
        base = bench_sqlite_baseline(tmp, args.tags)
        ok = "OK" if tag["p99"] < TAG_P99_TARGET_MS else "OVER TARGET"
        print(f"\ntag write latency: {tag['n']} calls, one transaction each (WAL, synchronous=FULL), "
              f"on a store of {made} annotations:")  # fmt: skip
        row("Store.tag", f"median {tag['median']:.2f} ms, p99 {tag['p99']:.2f} ms",
            f"target p99 < {TAG_P99_TARGET_MS:.0f} ms: {ok}")  # fmt: skip
        row("baseline: sqlite3 INSERT + COMMIT", f"median {base['median']:.2f} ms, p99 {base['p99']:.2f} ms",
            f"Store.tag p99 = {tag['p99'] / base['p99']:.1f}x baseline")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
