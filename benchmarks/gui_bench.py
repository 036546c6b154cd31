"""Reviewer window benchmark (offscreen Qt): start-up, a 100,000-segment document, scrolling.

    .venv/bin/python benchmarks/gui_bench.py [--segments 100000]

- start-up: from process start (a fresh interpreter, cold imports) to the window showing
  the first rows of seed 003_ (already in the store, as after its first import);
- a transcript of N segments: time until its first rows show, and the longest time the
  event loop is blocked while it loads (a 5 ms QTimer records the gaps between its ticks);
- scrolling it page by page: the longest frame (a synchronous repaint of the table).

Targets: 1.5 s / 100 ms / 50 ms.  Figures are for the offscreen platform (software raster,
as a desktop without GPU compositing draws); a real screen adds its compositor's time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

START_TARGET_S = 1.5
BLOCK_TARGET_MS = 100.0
FRAME_TARGET_MS = 50.0

# Run in a fresh interpreter: opens the store, the window, the document; prints seconds since T0.
STARTUP_CHILD = """
import sys, time
t0 = float(sys.argv[1])
from reviewer.gui.app import application
from reviewer.gui.main_window import MainWindow
from reviewer.gui.session import ReviewSession
from reviewer.store import open_store
app = application(offscreen=True)
store = open_store(sys.argv[2])
session = ReviewSession(store)
window = MainWindow(session)
session.refresh_documents()
done = []
def shown(_doc):
    window.table.viewport().repaint()
    done.append(time.time() - t0)
    app.quit()
session.document_loaded.connect(shown)
window.show()
window.open_document(int(sys.argv[3]))
app.exec()
print(done[0])
"""


def measure_startup(db: str, doc_id: int, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, "-c", STARTUP_CHILD, str(t0), db, str(doc_id)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
        times.append(float(out.strip().splitlines()[-1]))
    return min(times)


def big_transcript(n: int) -> str:
    lines = []
    for i in range(n):
        who = "A" if i % 3 else "B"
        lines.append(f"[{who}]: 第{i}句：我们今天聊一下 AI 教育和 chat gpt 的用法, line {i} of the test.")
    return "\n".join(lines) + "\n"


def line(what: str, result: str, target: str) -> None:
    print(f"{what:56} {result:>10} {target:>10}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=100_000)
    args = parser.parse_args()

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from reviewer.core.document import repair_text
    from reviewer.core.repair.pipeline import RepairOptions
    from reviewer.gui.app import application
    from reviewer.gui.main_window import MainWindow
    from reviewer.gui.session import ReviewSession
    from reviewer.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.sqlite3")
        store = open_store(db)
        seed = next((ROOT / "seeds").glob("003_*.txt"))
        seed_id = store.import_file(seed).document_id

        t = time.perf_counter()
        doc = repair_text(big_transcript(args.segments), RepairOptions.without("merge"), path="big.txt")
        big_id = store.import_document(doc).document_id
        print(f"(setup: {args.segments} segments repaired and stored in {time.perf_counter() - t:.1f} s)")

        startup = measure_startup(db, seed_id)

        app = application(offscreen=True)
        session = ReviewSession(store)
        window = MainWindow(session)
        window.resize(1400, 860)
        session.refresh_documents()
        window.show()
        session.runner.wait()
        for _ in range(10):
            app.processEvents()

        # Longest gap between ticks of a 5 ms timer while the big document loads.
        gaps: list[float] = []
        clock = QElapsedTimer()
        ticker = QTimer()
        ticker.setInterval(5)
        last = [0.0]

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            gaps.append(now - last[0])
            last[0] = now

        ticker.timeout.connect(tick)
        loaded: list[float] = []

        def on_loaded(_doc: int) -> None:
            window.table.viewport().repaint()
            loaded.append(clock.nsecsElapsed() / 1e6)

        session.document_loaded.connect(on_loaded)
        clock.start()
        ticker.start()
        window.open_document(big_id)
        while not loaded and clock.elapsed() < 120_000:
            app.processEvents()
            time.sleep(0.001)
        # Keep ticking a little after the rows arrive: the rest of the load counts too.
        end = clock.elapsed() + 300
        while clock.elapsed() < end:
            app.processEvents()
            time.sleep(0.001)
        ticker.stop()
        first_rows_s = loaded[0] / 1000 if loaded else float("nan")
        longest_block = max(gaps) if gaps else float("nan")

        # Scrolling page by page: a synchronous repaint per page.
        table = window.table
        bar = table.verticalScrollBar()
        frames = []
        page = table.viewport().height()
        pages = min(400, bar.maximum() // max(page, 1))
        for n in range(pages):
            bar.setValue(n * page)
            t = time.perf_counter()
            table.viewport().repaint()
            frames.append((time.perf_counter() - t) * 1000)
        bar.setValue(bar.maximum())
        t = time.perf_counter()
        table.viewport().repaint()
        frames.append((time.perf_counter() - t) * 1000)
        window.close()
        store.close()
        QApplication.processEvents()

    rows = session.segments.rowCount()
    line("measure", "result", "target")
    line("start-up to first rows of seed 003 (cold, best of 3)", f"{startup:.2f} s", f"{START_TARGET_S} s")
    line(f"{rows} segments: first rows shown after", f"{first_rows_s:.2f} s", "")
    line("  longest event-loop block while loading", f"{longest_block:.0f} ms", f"{BLOCK_TARGET_MS:.0f} ms")
    longest = f"{max(frames):.1f} ms"
    line(f"  scrolling {len(frames)} pages: longest frame", longest, f"{FRAME_TARGET_MS:.0f} ms")
    line("  (median frame)", f"{sorted(frames)[len(frames) // 2]:.1f} ms", "")
    sys.stdout.flush()
    # Skip freeing 100k rows' Qt objects at exit: PySide6 6.12 crashed there once (refcount of None).
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
