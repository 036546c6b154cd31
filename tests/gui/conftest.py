"""GUI test fixtures: a real window on a real SQLite file in tmp_path, jobs run synchronously."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reviewer.core.glossary import parse_glossary
from reviewer.gui.main_window import MainWindow
from reviewer.gui.session import ReviewSession
from reviewer.store import Store, open_store

CHAT = (
    "[A]: Hey，关于这个话题，你怎么想的？\n"
    "[B]: I use chat gpt every day, it's great.\n"
    "[A]: 真的吗？我觉得这个产品很好用。\n"
    "[B]: Yes. The last line stays the same.\n"
)

TIMED = (
    "[00:00:01] SPEAKER_00: hello there\n"
    "[00:00:05] SPEAKER_01: 我们今天聊一下 AI 教育\n"
    "[00:00:09] SPEAKER_00: good 😂 morning\n"
    "[00:00:12] SPEAKER_01: 好的\n"
)

GLOSSARY = parse_glossary("chat gpt => ChatGPT\nOpenAI\n")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "gui.sqlite3")) as s:
        yield s


def show_window(qtbot, store: Store) -> MainWindow:
    """A real window on ``store``, shown, its jobs run synchronously."""
    session = ReviewSession(store, synchronous=True)
    session.annotator = "tester"
    w = MainWindow(session)
    qtbot.addWidget(w)
    session.refresh_documents()
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, store: Store) -> Iterator[MainWindow]:
    w = show_window(qtbot, store)
    yield w
    if w.active_dialog is not None:
        w.active_dialog.reject()
    w.close()


@pytest.fixture
def open_text(window: MainWindow, tmp_path: Path) -> Callable[..., int]:
    """Write ``text`` to a file, import it through the window, return the opened document's id."""

    def do(text: str, name: str = "talk.txt", glossary: bool = True) -> int:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        window.start_import([str(path)], open_first=True, glossary=GLOSSARY if glossary else None)
        assert window.session.document_id is not None, window.last_error
        return window.session.document_id

    return do


def answer(window: MainWindow, text: str | None = None) -> None:
    """Fill in the open input dialog like a user and press OK."""
    dlg = window.active_dialog
    assert dlg is not None, "no dialog open"
    if text is not None:
        dlg.setTextValue(text)  # type: ignore[attr-defined]
    dlg.accept()


def select_rows(window: MainWindow, first: int, last: int | None = None) -> None:
    window.table.go_to_row(first)
    for r in range(first + 1, (last if last is not None else first) + 1):
        window.table.go_to_row(r, extend=True)
