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
    assert window.progress.isHidden()
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
