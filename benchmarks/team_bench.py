"""Team-review benchmark: tag write latency on PostgreSQL over loopback next to SQLite, with 1, 4
and 16 writer processes tagging the same document at once; and the change token on 100k tags.

    .venv/bin/python benchmarks/team_bench.py [--writers 1,4,16] [--tags 200] [--pg-url URL]
                                              [--token-annotations 100000]

Each writer is its own process (spawned) with its own store connection; every ``Store.tag``
call is one transaction, committed before the clock stops (SQLite: WAL, synchronous=FULL;
PostgreSQL: its defaults, fsync and synchronous_commit on).  Without ``--pg-url`` a server is
started for the run by ``.ci/postgres.sh start --durable`` (loopback, temporary directory) and
removed afterwards.  Printed: p50 / p99 latency per tag and tags per second over all writers.
"""

from __future__ import annotations

import argparse
import multiprocessing
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from reviewer.store import TagSpec, open_store  # noqa: E402

TOPICS = ["AI/Education", "AI/Compute", "AI/Agents", "Business/Funding", "Life/Hacks"]
SEGMENTS = 200
CTX = multiprocessing.get_context("spawn")


def transcript(n: int) -> str:
    return "".join(f"[{'AB'[i % 2]}]: this is line {i} of the benchmark talk.\n" for i in range(n))


def writer(url: str, doc_id: int, n: int, tags: int, start: Any, out: Any) -> None:
    try:
        _write(url, doc_id, n, tags, start, out)
    except BaseException as exc:  # reported to the parent, which stops the run
        start.abort()
        out.put(f"writer {n}: {type(exc).__name__}: {exc}")


def _write(url: str, doc_id: int, n: int, tags: int, start: Any, out: Any) -> None:
    times: list[float] = []
    with open_store(url) as store:
        store.tag(doc_id, 0, topic=TOPICS[0], annotator=f"warm{n}")  # connect and warm up first
        start.wait()
        t0 = time.perf_counter()
        for i in range(tags):
            t = time.perf_counter()
            store.tag(doc_id, (n * 7 + i) % SEGMENTS, topic=TOPICS[i % len(TOPICS)], annotator=f"w{n}")
            times.append(time.perf_counter() - t)
        out.put((times, time.perf_counter() - t0))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(url: str, writers: int, tags: int) -> dict[str, float]:
    with open_store(url) as store:
        doc_id = store.import_document(_doc()).document_id
    start, out = CTX.Barrier(writers), CTX.Queue()
    procs = [CTX.Process(target=writer, args=(url, doc_id, n, tags, start, out)) for n in range(writers)]
    for p in procs:
        p.start()
    results = [out.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    failed = [r for r in results if isinstance(r, str)]
    if failed:
        raise SystemExit("\n".join(failed))
    latencies = [t for times, _ in results for t in times]
    wall = max(w for _, w in results)
    with open_store(url) as store:
        stored = len(store.annotations(doc_id))
    assert stored == writers * (tags + 1), (stored, writers * (tags + 1))
    return {
        "p50": percentile(latencies, 0.50) * 1000,
        "p99": percentile(latencies, 0.99) * 1000,
        "mean": statistics.fmean(latencies) * 1000,
        "rate": len(latencies) / wall,
    }


def _doc() -> Any:
    from reviewer.core.document import repair_text

    return repair_text(transcript(SEGMENTS), path="bench.txt")


class PgServer:
    """Databases on a server: the given one, or a durable throw-away one from .ci/postgres.sh."""

    def __init__(self, url: str | None) -> None:
        self.dir: str | None = None
        if url is None:
            self.dir = subprocess.run(
                ["bash", str(ROOT / ".ci" / "postgres.sh"), "start", "--durable"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.strip()
            url = (Path(self.dir) / "url").read_text().strip()
        self.url = url
        self.admin = create_engine(url, isolation_level="AUTOCOMMIT")
        self.made: list[str] = []

    def new_database(self) -> str:
        name = f"bench_{len(self.made)}_{int(time.time())}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        self.made.append(name)
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def close(self) -> None:
        try:
            if self.dir is None:  # someone else's server: drop what this run made there
                with self.admin.connect() as conn:
                    for name in self.made:
                        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            self.admin.dispose()
            if self.dir:  # ours: stopping it removes it whole
                subprocess.run(["bash", str(ROOT / ".ci" / "postgres.sh"), "stop", self.dir], check=True)


def token_cost(url: str, annotations: int) -> tuple[float, float]:
    """Median ms of Store.change_token and of Store.annotations on a document with N tags."""
    with open_store(url) as store:
        doc_id = store.import_document(_doc()).document_id
        specs = [
            TagSpec(i % SEGMENTS, "topic", TOPICS[i % len(TOPICS)], annotator=f"a{i % 3}")
            for i in range(annotations)
        ]
        for n in range(0, len(specs), 20_000):
            store.tag_many(doc_id, specs[n : n + 20_000])
        store.change_token(doc_id)
        runs = []
        for _ in range(15):
            t = time.perf_counter()
            store.change_token(doc_id)
            runs.append(time.perf_counter() - t)
        t = time.perf_counter()
        store.annotations(doc_id)
        full = time.perf_counter() - t
    return statistics.median(runs) * 1000, full * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--writers", default="1,4,16", help="writer process counts, comma-separated")
    ap.add_argument("--tags", type=int, default=200, help="tags each writer writes")
    ap.add_argument("--pg-url", help="a PostgreSQL server to use (a database is created per run)")
    ap.add_argument("--token-annotations", type=int, default=100_000, help="0: skip the token figure")
    args = ap.parse_args()
    # Killed (e.g. by `timeout`): still stop the server below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    counts = [int(w) for w in args.writers.split(",")]
    server = PgServer(args.pg_url)
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for w in counts:
                lite = run(str(Path(tmp) / f"w{w}.sqlite3"), w, args.tags)
                pg = run(server.new_database(), w, args.tags)
                rows.append((w, lite, pg))
                print(
                    f"{w:>2} writers  SQLite p50 {lite['p50']:6.2f} ms  p99 {lite['p99']:7.2f} ms "
                    f"{lite['rate']:7.0f} tags/s   |  PostgreSQL p50 {pg['p50']:6.2f} ms  "
                    f"p99 {pg['p99']:7.2f} ms {pg['rate']:7.0f} tags/s",
                    flush=True,
                )
            if args.token_annotations:
                n = args.token_annotations
                lite_t = token_cost(str(Path(tmp) / "token.sqlite3"), n)
                pg_t = token_cost(server.new_database(), n)
                print(
                    f"change_token on {n} annotations: SQLite {lite_t[0]:.1f} ms, "
                    f"PostgreSQL {pg_t[0]:.1f} ms "
                    f"(a full Store.annotations read: {lite_t[1]:.0f} ms / {pg_t[1]:.0f} ms)"
                )
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
