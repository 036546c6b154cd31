"""kill -9 a writer at arbitrary moments: the database stays whole and keeps every committed tag."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reviewer.store import open_store
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _run_and_kill(db: Path, after_lines: int, extra_delay: float) -> list[int]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "store" / "crash_writer.py"), str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    committed: list[int] = []
    deadline = time.monotonic() + 60
    while len(committed) < after_lines and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        committed.append(int(line))
    time.sleep(extra_delay)
    proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, err.decode()
    # Lines written before the kill are committed too; a torn last line is not counted.
    for line in rest.decode().split("\n")[:-1]:
        committed.append(int(line))
    return committed


@pytest.mark.parametrize("round_", range(2))
def test_kill_9_loses_nothing_committed(tmp_path: Path, round_: int) -> None:
    db = tmp_path / "crash.sqlite3"
    committed: list[int] = []
    for n, (lines, delay) in enumerate([(120, 0.0), (60, 0.013 * (round_ + 1)), (200, 0.05)]):
        got = _run_and_kill(db, lines + 17 * round_, delay)
        assert got, f"writer {n} printed nothing"
        committed += got

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    stored = {r[0] for r in con.execute("SELECT id FROM annotations")}
    con.close()
    missing = set(committed) - stored
    assert not missing, f"{len(missing)} committed annotations lost, e.g. {sorted(missing)[:5]}"
    # And it still opens and works as a store; a re-import killed midway left the old version whole.
    with open_store(str(db)) as store:
        assert len(store.annotations()) == len(stored)
        docs = {d.name: d for d in store.documents()}
        assert set(docs) <= {"crash.txt", "crash-big.txt"}
        if "crash-big.txt" in docs:
            big = docs["crash-big.txt"]
            text = store.document(big.id).original_text
            assert big.segments == text.count("\n")  # one segment per line, never a mix of versions
