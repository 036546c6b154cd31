"""`reviewer --self-test`, `reviewer gui FILE --screenshot`, background import with cancel, help."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from reviewer import __version__
from reviewer.cli import main
from reviewer.gui.main_window import MainWindow
from reviewer.gui.session import ReviewSession
from reviewer.gui.workers import Job, import_work
from tests.conftest import seed_path
from tests.gui.conftest import CHAT, TIMED


def test_self_test(qapp, capsys) -> None:
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("self-test ok") and out.count("\n") == 1


def test_screenshot(qapp, tmp_path) -> None:
    out = tmp_path / "shot.png"
    code = main(
        ["gui", str(seed_path("002")), "--db", str(tmp_path / "db.sqlite3"), "--screenshot", str(out)]
    )
    assert code == 0
    image = QImage(str(out))
    assert image.width() > 800 and image.height() > 500


def test_repair_does_not_import_qt(tmp_path) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from reviewer.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['repair', {str(seed_path('002'))!r}])\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_background_import_reports_progress_and_can_cancel(qtbot, store, tmp_path) -> None:
    session = ReviewSession(store)  # a real worker thread
    window = MainWindow(session)
    qtbot.addWidget(window)
    files = []
    for n, text in enumerate((CHAT, TIMED)):
        files.append(tmp_path / f"f{n}.txt")
        files[-1].write_text(text, encoding="utf-8")
    with qtbot.waitSignal(session.document_loaded, timeout=20_000):
        with qtbot.waitSignal(session.import_finished, timeout=20_000) as done:
            window.start_import([str(f) for f in files])
    assert [r.status for r in done.args[0].results] == ["new", "new"]
    assert window.tasks.isHidden()
    assert len(store.documents()) == 2

    # Cancel: asked for while the job reports its first file (a direct connection runs
    # the request in the job's own thread, so the outcome does not depend on timing).
    more = tmp_path / "more.txt"
    more.write_text(TIMED.replace("hello", "bye"), encoding="utf-8")
    job = Job(import_work(store, [str(more)]), "import")
    job.signals.progress.connect(lambda *_: job.cancel(), Qt.ConnectionType.DirectConnection)
    outcomes: list = []
    job.signals.finished.connect(outcomes.append, Qt.ConnectionType.DirectConnection)
    job.run()
    assert outcomes and outcomes[0].cancelled and len(store.documents()) == 2
    session.runner.wait()


def test_shortcuts_dialog_and_about(window) -> None:
    window.actions_by_name["shortcuts"].trigger()
    rows = dict(window.active_dialog.rows())
    assert rows["Accept repair"] == "A" and rows["Mark error…"] == "E" and rows["Next unreviewed"] == "N"
    assert "(A)" in window.actions_by_name["accept"].toolTip()
    window.active_dialog.reject()
    window.actions_by_name["about"].trigger()
    assert __version__ in window.active_dialog.text()
    window.active_dialog.reject()


def test_cancel_in_the_middle_of_one_large_file_rolls_it_back(qtbot, store, tmp_path) -> None:
    """Progress moves while one big file is stored, and Cancel there leaves nothing of it."""
    big = tmp_path / "big.txt"
    big.write_text("".join(f"[00:00:{n % 60:02d}] SPEAKER_0{n % 2}: line {n} 你好\n" for n in range(5000)))
    job = Job(import_work(store, [str(big)]), "import")
    seen: list[int] = []

    def on_progress(done: int, total: int, _what: str) -> None:
        seen.append(done)
        if done >= total * 0.5:  # storing has begun (parse and repair are the first 35%)
            job.cancel()

    job.signals.progress.connect(on_progress, Qt.ConnectionType.DirectConnection)
    outcomes: list = []
    job.signals.finished.connect(outcomes.append, Qt.ConnectionType.DirectConnection)
    job.run()
    assert outcomes and outcomes[0].cancelled and not outcomes[0].results
    assert store.documents() == []
    # Several reports from inside this one file, rising, before the cancel took effect.
    inside = [d for d in seen if 0 < d < 1000]
    assert len(set(inside)) >= 4 and inside == sorted(inside)
    assert any(350 < d < 1000 for d in inside)  # some while its rows were being written
    # The store is whole and the same file imports afterwards.
    assert store.import_file(big).status == "new"


def test_task_indicator_tracks_a_background_job_and_cancels_it(qtbot, store) -> None:
    import threading

    session = ReviewSession(store)  # a real worker thread
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    release = threading.Event()

    def work(job: Job) -> str:
        for n in range(1000):
            job.check(n, 1000, "step")
            release.wait(0.01)
        return "done"

    job = Job(work, "slow", "Working hard")
    finished: list = []
    job.signals.finished.connect(finished.append)
    session._start_task(job)
    qtbot.waitUntil(lambda: window.tasks.bar.maximum() == 1000, timeout=5000)
    assert window.tasks.isVisible() and window.tasks.label.text().startswith("Working hard")
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000):
        qtbot.mouseClick(window.tasks.cancel_button, Qt.MouseButton.LeftButton)
    assert not finished and window.tasks.isHidden()
    session.runner.wait()


def test_the_window_has_the_app_icon(window) -> None:
    sizes = window.windowIcon().availableSizes()
    assert {(s.width(), s.height()) for s in sizes} >= {(64, 64), (256, 256)}
