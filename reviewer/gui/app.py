"""Starting the window: the QApplication, settings, first-run samples, screenshot and self-test modes."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reviewer import __version__
from reviewer.core.glossary import Glossary, parse_glossary
from reviewer.gui import binding, i18n
from reviewer.gui.icons import app_icon
from reviewer.resources import read_text
from reviewer.store import Store, open_store

ORGANISATION = "transcript-reviewer"
APP_NAME = "Transcript Reviewer"
# Where QSettings live can be moved (tests, portable installs): an .ini file path.
SETTINGS_ENV = "REVIEWER_SETTINGS"
SEEDS_ENV = "REVIEWER_SEEDS"
GLOSSARY_NAME = "ai-podcasts.txt"
REPO = Path(__file__).resolve().parents[2]

# Used by --self-test when no seeds/ folder ships alongside (e.g. a packaged build).
SAMPLE = (
    "[00:00:01] SPEAKER_00: 大家好，欢迎收听今天的节目\n"
    "[00:00:04] SPEAKER_01: 今天我们聊一聊 chat gpt 和 <b>AI</b> 教育\n"
    "[00:00:09] SPEAKER_00: 好的，我们开始吧\n"
)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _quiet_offscreen(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform warns about window-manager hints it has no use for; the rest goes through.
    if "propagateSizeHints" in message:
        return
    sys.stderr.write(message + "\n")


def application(offscreen: bool = False) -> QApplication:
    """The one QApplication (created on first use); ``offscreen`` when there is no screen to use."""
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance()
    if app is None:
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            qInstallMessageHandler(_quiet_offscreen)
        QCoreApplication.setOrganizationName(ORGANISATION)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication([sys.argv[0] if sys.argv else "reviewer"])
        binding.guard_none_refcount()  # before any painting: a leaking binding would abort later
        # Background jobs are Python threads: hand the GIL back to the UI thread more often
        # than the default 5 ms, so a long load cannot starve the event loop.
        sys.setswitchinterval(0.001)
        # The interface language: the Preferences choice, else the system locale's.
        i18n.install(i18n.effective_language(app_settings()))
        app.setWindowIcon(app_icon())
        # No palette or style of our own: Qt follows the system's light/dark scheme.
    assert isinstance(app, QApplication)
    return app


def app_settings() -> QSettings:
    path = os.environ.get(SETTINGS_ENV)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APP_NAME)


def seeds_dir() -> Path | None:
    """The sample transcripts: $REVIEWER_SEEDS, the repository's seeds/, or ./seeds."""
    for candidate in (os.environ.get(SEEDS_ENV), REPO / "seeds", Path.cwd() / "seeds"):
        if candidate and Path(candidate).is_dir() and any(Path(candidate).glob("*.txt")):
            return Path(candidate)
    return None


def seed_files() -> list[Path]:
    folder = seeds_dir()
    return sorted(folder.glob("*.txt")) if folder else []


def sample_glossary() -> Glossary | None:
    """The glossary shipped in resources/glossaries (inside the package once installed)."""
    try:
        return parse_glossary(read_text(f"glossaries/{GLOSSARY_NAME}"))
    except OSError:
        return None
    return None


def run_window(
    db: str | None = None,
    files: Sequence[str] = (),
    *,
    screenshot: str | None = None,
    first_run: bool = False,
) -> int:
    """Open the window on the store; import ``files`` (or, on a first run, the samples); run."""
    from reviewer.gui.main_window import MainWindow
    from reviewer.gui.session import ReviewSession

    if not has_display():
        if screenshot is None:
            print(
                "reviewer: error: no display to open the window on (set DISPLAY, or use --screenshot)",
                file=sys.stderr,
            )
            return 2
    app = application(offscreen=not has_display())
    store = open_store(db)
    if screenshot is not None:
        from reviewer.export.atomic import check_writable

        try:
            check_writable(screenshot)  # not the store itself, nor a read-only file
        except BaseException:
            store.close()
            raise
    # A screenshot run does its work inline so the picture shows the finished window.
    session = ReviewSession(store, synchronous=screenshot is not None)
    window = MainWindow(session, settings=None if screenshot else app_settings())
    session.refresh_documents()
    if files:
        window.start_import(list(files), open_first=True)
    elif first_run and not session.document_summaries() and seed_files():
        window.start_import([str(p) for p in seed_files()], open_first=True, glossary=sample_glossary())
    elif session.document_summaries():
        last = app_settings().value("session/document")
        ids = [d.id for d in session.document_summaries()]
        window.open_document(int(last) if last is not None and int(last) in ids else ids[0])
    window.show()
    if screenshot is not None:
        return _screenshot(app, window, screenshot)
    window.ask_annotator_once()
    try:
        return app.exec()
    finally:
        store.close()


def _screenshot(app: QApplication, window: object, out: str) -> int:
    from reviewer.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    QTest.qWaitForWindowExposed(window, 5000)
    session = window.session
    if session.document_id is None:
        print(
            f"reviewer: error: nothing to show ({window.last_error or 'no document opened'})", file=sys.stderr
        )
        return 2
    # Show a row with repairs in the inspector: a more telling picture than row 0.
    row = session.next_row(-1, session.is_unreviewed)
    window.table.go_to_row(row if row is not None else 0)
    for _ in range(5):
        app.processEvents()
        QTest.qWait(20)
    ok = window.grab().save(out)
    window.close()
    session.store.close()
    if not ok:
        print(f"reviewer: error: cannot write {out}", file=sys.stderr)
        return 2
    return 0


def self_test() -> int:
    """Offscreen, temporary store: open a sample, tag it, undo the tag; check each step in the store."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from reviewer.gui.main_window import MainWindow
    from reviewer.gui.session import ReviewSession

    app = application(offscreen=True)
    with tempfile.TemporaryDirectory(prefix="reviewer-self-test-") as tmp:
        seeds = seed_files()
        sample = min(seeds, key=lambda p: p.stat().st_size) if seeds else Path(tmp) / "sample.txt"
        if not seeds:
            sample.write_text(SAMPLE, encoding="utf-8")
        store: Store = open_store(str(Path(tmp) / "self-test.sqlite3"))
        try:
            session = ReviewSession(store, synchronous=True)
            window = MainWindow(session)
            session.refresh_documents()
            window.start_import([str(sample)])
            window.show()
            app.processEvents()
            doc = session.document_id
            if doc is None or not session.segments.rowCount():
                return _fail(f"could not open {sample.name}: {window.last_error}")
            window.table.go_to_row(0)
            window.apply_topic("Self-test")
            tags = [a for a in store.annotations(doc) if a.kind == "topic" and a.tag == "Self-test"]
            if len(tags) != 1:
                return _fail("the tag did not reach the store")
            session.undo_stack.undo()
            if any(a.tag == "Self-test" for a in store.annotations(doc)):
                return _fail("undo did not remove the tag from the store")
            window.close()
            import PySide6

            print(
                f"self-test ok: opened {sample.name} ({session.segments.rowCount()} segments), "
                f"tagged and undone in a temporary store (PySide6 {PySide6.__version__})"
            )
            return 0
        finally:
            store.close()


def _fail(message: str) -> int:
    print(f"self-test failed: {message}", file=sys.stderr)
    return 1
