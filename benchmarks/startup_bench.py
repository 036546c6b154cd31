"""Start-up of the packaged app (PyInstaller bundle in dist/reviewer) next to the app run from source.

    make package                                  # builds dist/reviewer (Linux: also the .deb)
    .venv/bin/python benchmarks/startup_bench.py [--runs 7]

Each command runs --runs times as a new process (the first run of each is a warm-up, not
counted); the table gives the median wall time of each, from process start to exit:

- ``--version``: the launcher alone (bundle: bootloader, unpacking nothing, Python start-up);
- ``repair SEED``: the repair engine on seed 003 (imports jieba, pypinyin; no Qt);
- ``--self-test``: the window offscreen on a temporary store: Qt, the store's migrations,
  a sample imported, tagged, undone.

Both sides run in the same temporary HOME / data folder, with QT_QPA_PLATFORM=offscreen.
Without a bundle it says so and exits 0 (nothing to compare).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "reviewer" / ("reviewer.exe" if sys.platform == "win32" else "reviewer")
SOURCE = Path(sys.executable).parent / ("reviewer.exe" if sys.platform == "win32" else "reviewer")


def run_times(command: list[str], runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for n in range(runs + 1):
        started = time.perf_counter()
        done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"startup_bench: {' '.join(command)} failed: {done.stderr.strip()[:300]}")
        if n:  # the first run warms the page cache
            times.append(elapsed)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not BUNDLE.exists():
        where = BUNDLE.relative_to(ROOT)
        print(f"startup_bench: no bundle at {where}; build it with `make package` first. Skipped.")
        return 0
    if not SOURCE.exists():
        print(f"startup_bench: no entry point at {SOURCE}; run this with the project's .venv/bin/python.")
        return 0
    seed = sorted((ROOT / "seeds").glob("003_*.txt"))[0]
    cases = [
        ("--version", ["--version"]),
        (f"repair {seed.name[:4]}…", ["repair", str(seed)]),
        ("--self-test", ["--self-test"]),
    ]
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as tmp:
        env = {
            **os.environ,
            "HOME": tmp,
            "XDG_DATA_HOME": f"{tmp}/data",
            "XDG_CONFIG_HOME": f"{tmp}/config",
            "REVIEWER_DB": f"{tmp}/bench.sqlite3",
            "QT_QPA_PLATFORM": "offscreen",
        }
        print(f"start-up, median of {args.runs} runs after one warm-up (wall time, process start to exit)")
        print(f"{'command':<16}{'bundle (s)':>12}{'source (s)':>12}{'bundle/source':>15}")
        for label, extra in cases:
            bundled = statistics.median(run_times([str(BUNDLE), *extra], args.runs, env))
            source = statistics.median(run_times([str(SOURCE), *extra], args.runs, env))
            print(f"{label:<16}{bundled:>12.3f}{source:>12.3f}{bundled / source:>15.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
