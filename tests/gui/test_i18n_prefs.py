"""Interface language (zh_CN translation), Preferences, File → Open Recent, drag-and-drop import."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reviewer.gui import i18n
from reviewer.gui.app import SETTINGS_ENV, app_settings
from reviewer.gui.dialogs.preferences import FONT_SIZE_KEY, PreferencesDialog
from reviewer.gui.main_window import MainWindow
from reviewer.gui.recent import RECENT_KEY, RecentFiles, normalise
from reviewer.gui.session import ReviewSession
from reviewer.store import Store
from tests.conftest import ROOT
from tests.gui.conftest import CHAT, TIMED

TS = ROOT / "resources" / "translations" / "reviewer_zh_CN.ts"
QM = ROOT / "resources" / "translations" / "reviewer_zh_CN.qm"
TOOLS = Path(sys.executable).parent


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.install(i18n.CHINESE)
    try:
        yield
    finally:
        i18n.remove()


@pytest.fixture
def settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings.ini"
    monkeypatch.setenv(SETTINGS_ENV, str(path))
    return path


@pytest.fixture
def make_window(qtbot, store: Store, settings_file: Path) -> Callable[[], MainWindow]:
    """A window reading and writing QSettings the way the app does (a fresh QSettings each time)."""

    def make() -> MainWindow:
        session = ReviewSession(store, synchronous=True)
        w = MainWindow(session, settings=app_settings())
        qtbot.addWidget(w)
        session.refresh_documents()
        w.show()
        qtbot.waitExposed(w)
        return w

    return make


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


# --- translations -----------------------------------------------------------------------------


def test_the_chinese_translation_covers_menus_headers_panels_and_qt_buttons(chinese, window, open_text):
    assert menu_titles(window)[:3] == ["文件(&F)", "编辑(&E)", "审阅(&R)"]
    a = window.actions_by_name
    assert a["accept"].text() == "接受修复(&A)"
    assert a["preferences"].text() == "首选项(&P)…"
    assert a["accept"].toolTip().startswith("接受选中的修复")
    assert window.recent_menu.title() == "最近打开(&R)"
    model = window.session.segments
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[1:] == ["时间", "说话人", "原文", "修复后", "标注"]
    # self.tr() in widget classes (their class name is the context lupdate wrote).
    assert window.find_bar.text.placeholderText() == "在原文和修复后文本中查找…"
    assert window.docks[0].windowTitle() == "文档"
    # Undo texts come from the session and commands.
    open_text(CHAT)
    window.table.go_to_row(0)
    window.apply_topic("问候")
    assert window.session.undo_stack.undoText() == "话题 问候"
    # Qt's own strings (standard buttons) come from qtbase_zh_CN shipped with PySide6.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_english_is_the_source_language(window):
    i18n.install(i18n.ENGLISH)
    assert menu_titles(window)[:2] == ["&File", "&Edit"]
    assert window.actions_by_name["accept"].text() == "&Accept repair"


def test_ts_has_every_string_translated_and_the_qm_is_built_from_it(tmp_path: Path):
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 150
    bad = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") is not None or not (m.findtext("translation") or "").strip()
    ]
    assert not bad, f"untranslated or obsolete in {TS.name} (run `make translations`, translate): {bad}"
    # Every UI string in the code is in the .ts: lupdate on a copy adds nothing new.
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    gui = ROOT / "reviewer" / "gui"
    args = ["-extensions", "py", "-no-obsolete", "-locations", "none", str(gui), "-ts", str(copy)]
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *args], check=True, capture_output=True)
    new = [
        m.findtext("source")
        for m in ET.parse(copy).getroot().iter("message")
        if m.find("translation").get("type") is not None
    ]
    assert not new, f"UI strings missing from {TS.name} (run `make translations`, translate): {new}"
    # The shipped .qm is what lrelease makes of the .ts now.
    qm = tmp_path / QM.name
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == QM.read_bytes(), "the .qm is stale: run `make translations`"


def test_the_qm_ships_inside_the_package():
    qm = files("reviewer.resources").joinpath("translations", "reviewer_zh_CN.qm")
    assert qm.is_file()
    translator = i18n.load_translator(i18n.CHINESE)
    assert translator is not None and translator.translate("Actions", "&File") == "文件(&F)"
    assert i18n.load_translator(i18n.ENGLISH) is None


def test_language_follows_the_system_locale_unless_chosen(settings_file: Path):
    assert i18n.system_language(QLocale("zh_CN")) == i18n.CHINESE
    assert i18n.system_language(QLocale("zh_SG")) == i18n.CHINESE
    assert i18n.system_language(QLocale("zh_TW")) == i18n.ENGLISH
    assert i18n.system_language(QLocale("en_GB")) == i18n.ENGLISH
    assert i18n.system_language(QLocale("de_DE")) == i18n.ENGLISH
    settings = app_settings()
    assert i18n.effective_language(settings, QLocale("zh_CN")) == i18n.CHINESE
    settings.setValue(i18n.LANGUAGE_KEY, i18n.ENGLISH)
    assert i18n.effective_language(settings, QLocale("zh_CN")) == i18n.ENGLISH
    settings.setValue(i18n.LANGUAGE_KEY, "klingon")
    assert i18n.chosen_language(settings) == i18n.SYSTEM


# --- preferences ------------------------------------------------------------------------------


def test_preferences_set_font_size_at_once_and_both_settings_persist(make_window, settings_file: Path):
    window = make_window()
    row_height = window.table.verticalHeader().defaultSectionSize()
    window.actions_by_name["preferences"].trigger()
    dlg = window.active_dialog
    assert isinstance(dlg, PreferencesDialog)
    assert dlg.values()[0] == i18n.SYSTEM
    dlg.font_size.setValue(20)
    dlg.language.setCurrentIndex(dlg.language.findData(i18n.CHINESE))
    dlg.accept()
    assert window.table.font().pointSize() == 20 and window.inspector.font().pointSize() == 20
    assert window.table.verticalHeader().defaultSectionSize() > row_height  # rows grew with the text
    # At once, no restart (Qt posts the change to every window: one turn of the event loop).
    QApplication.processEvents()
    assert menu_titles(window)[0] == "文件(&F)"
    i18n.remove()
    window.close()

    stored = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert int(stored.value(FONT_SIZE_KEY)) == 20
    assert i18n.chosen_language(stored) == i18n.CHINESE
    again = make_window()
    assert again.table.font().pointSize() == 20 and again.font_size() == 20
    again.actions_by_name["preferences"].trigger()
    assert again.active_dialog.values()[:2] == (i18n.CHINESE, 20)
    again.active_dialog.reject()


def test_switching_language_retranslates_the_open_window_at_once(window, open_text):
    """Menus, actions, docks, panels, headers, the inspector and the core's names follow a switch."""
    from tests.gui.conftest import select_rows

    doc = open_text(CHAT)
    select_rows(window, 1)  # has a glossary repair
    window.apply_topic("greeting")
    inspector = window.inspector
    assert inspector.edit_model.text(0, 0) == "glossary"
    docs = window.session.documents
    fmt = docs.index(next(n for n, d in enumerate(docs.docs) if d.id == doc), 1)
    assert docs.data(fmt) == "chat"

    def switch(language: str) -> None:
        window.actions_by_name["preferences"].trigger()
        dlg = window.active_dialog
        dlg.language.setCurrentIndex(dlg.language.findData(language))
        dlg.accept()
        QApplication.processEvents()

    try:
        switch(i18n.CHINESE)
        assert menu_titles(window)[:3] == ["文件(&F)", "编辑(&E)", "审阅(&R)"]
        assert window.actions_by_name["accept"].text() == "接受修复(&A)"
        assert window.actions_by_name["accept"].toolTip().startswith("接受选中的修复")
        # The command's own text was made in English; the action's word for undo follows the switch.
        assert window.actions_by_name["undo"].text() == "撤销(&U) Topic greeting"
        assert window.recent_menu.title() == "最近打开(&R)"
        assert window.docks[0].windowTitle() == "文档"
        assert window.find_bar.text.placeholderText() == "在原文和修复后文本中查找…"
        model = window.session.segments
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert headers[1:] == ["时间", "说话人", "原文", "修复后", "标注"]
        assert inspector.edit_model.text(0, 0) == "术语表"
        assert inspector.edit_model.headerData(0, Qt.Orientation.Horizontal) == "修复"
        assert docs.data(fmt) == "聊天记录"
        assert window.find_bar.speaker.itemText(0) == "所有说话人"
        switch(i18n.ENGLISH)
        assert menu_titles(window)[:2] == ["&File", "&Edit"]
        assert inspector.edit_model.text(0, 0) == "glossary"
        assert docs.data(fmt) == "chat"
        assert window.find_bar.speaker.itemText(0) == "All speakers"
    finally:
        i18n.remove()


def test_preferences_has_the_standard_shortcut(window):
    keys = [k.toString() for k in window.actions_by_name["preferences"].shortcuts()]
    assert "Ctrl+," in keys


# --- recent files -----------------------------------------------------------------------------


def recent_entries(window: MainWindow) -> list[str]:
    return [a.data() for a in window.recent_menu.actions() if a.data()]


def test_recent_files_update_on_import_persist_and_reopen(make_window, settings_file, tmp_path):
    window = make_window()
    assert recent_entries(window) == [] and not window.actions_by_name["clear_recent"].isEnabled()
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(CHAT, encoding="utf-8")
    b.write_text(TIMED, encoding="utf-8")
    window.start_import([str(a)])
    window.start_import([str(b)])
    assert recent_entries(window) == [normalise(str(b)), normalise(str(a))]
    assert window.recent_menu.actions()[0].text() == "&1 b.txt"
    doc_b = window.session.document_id

    # Choosing an entry opens the stored document imported from that file.
    next(x for x in window.recent_menu.actions() if x.data() == normalise(str(a))).trigger()
    doc_a = window.session.document_id
    assert doc_a != doc_b and "a.txt" in window.windowTitle()
    assert recent_entries(window)[0] == normalise(str(a))  # moved to the top
    window.close()

    # A new window (a new QSettings read) has the list; a file not in the store is imported.
    again = make_window()
    assert recent_entries(again) == [normalise(str(a)), normalise(str(b))]
    c = tmp_path / "c.txt"
    c.write_text(CHAT.replace("Hey", "Hi"), encoding="utf-8")
    again.recent.add([str(c)])
    before = len(again.session.documents.docs)
    again.recent_menu.actions()[0].trigger()
    assert len(again.session.documents.docs) == before + 1
    assert "c.txt" in again.windowTitle()

    # A file gone from disk and store is dropped from the list with a message.
    gone = tmp_path / "gone.txt"
    again.recent.add([str(gone)])
    again.open_recent(str(gone))
    assert normalise(str(gone)) not in recent_entries(again) and "gone.txt" in again.last_error

    again.actions_by_name["clear_recent"].trigger()
    assert recent_entries(again) == []
    assert RecentFiles(app_settings()).paths() == []


def test_recent_files_keep_the_last_ten(settings_file):
    recent = RecentFiles(app_settings())
    recent.add([f"/tmp/f{n}.txt" for n in range(15)])
    recent.add(["/tmp/f3.txt"])
    paths = RecentFiles(app_settings()).paths()
    assert len(paths) == 10 and paths[0] == normalise("/tmp/f3.txt")
    assert app_settings().value(RECENT_KEY) is not None


# --- drag and drop ----------------------------------------------------------------------------


def test_dropping_files_on_the_window_imports_and_opens_them(window, tmp_path):
    path = tmp_path / "dropped.txt"
    path.write_text(TIMED, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), actions, mime, buttons, mods)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), actions, mime, buttons, mods)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert [d.name for d in window.session.documents.docs] == ["dropped.txt"]
    assert window.session.document_id == window.session.documents.docs[0].id
    assert window.session.segments.rowCount() == 4

    # Something that is not a local file is refused.
    web = QMimeData()
    web.setUrls([QUrl("https://example.com/talk.txt")])
    refused = QDragEnterEvent(QPoint(50, 50), actions, web, buttons, mods)
    refused.ignore()
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()


def test_annotator_name_is_asked_once_kept_and_changed_in_preferences(make_window, monkeypatch, store):
    monkeypatch.delenv("REVIEWER_ANNOTATOR", raising=False)
    window = make_window()
    window.ask_annotator_once()
    dlg = window.active_dialog
    assert dlg is not None and dlg.textValue() == window.session.annotator  # the login name, to confirm
    dlg.setTextValue("曹越")
    dlg.accept()
    assert window.session.annotator == "曹越"
    window.close()

    again = make_window()
    assert again.session.annotator == "曹越"
    again.ask_annotator_once()
    assert again.active_dialog is None  # asked once only
    again.actions_by_name["preferences"].trigger()
    prefs = again.active_dialog
    assert prefs.values()[2] == "曹越"
    prefs.annotator.setText("Ann")
    prefs.accept()
    assert again.session.annotator == "Ann"
    again.close()
    assert make_window().session.annotator == "Ann"


def test_the_environment_names_the_annotator_without_asking(make_window, monkeypatch):
    monkeypatch.setenv("REVIEWER_ANNOTATOR", "ci-bot")
    window = make_window()
    window.ask_annotator_once()
    assert window.active_dialog is None and window.session.annotator == "ci-bot"
