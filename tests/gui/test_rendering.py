"""Transcript text is plain text everywhere: markup shows as typed (model, delegate, inspector)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from reviewer.gui.models.segments import COL_ORIGINAL, COL_REPAIRED
from reviewer.gui.textpos import from_utf16, to_utf16
from reviewer.gui.views.delegates import lay_out
from tests.gui.conftest import select_rows

MARKUP = "<b>bold</b><img src=x>"


def test_markup_is_shown_literally(window, open_text, qtbot) -> None:
    open_text(f"[A]: {MARKUP}\n[B]: plain\n", name="markup.txt")
    model = window.session.segments
    assert model.index(0, COL_ORIGINAL).data() == MARKUP
    assert model.index(0, COL_REPAIRED).data() == MARKUP
    select_rows(window, 0)
    assert window.inspector.original.toPlainText() == MARKUP
    assert window.inspector.repaired.toPlainText() == MARKUP

    # The delegate lays the string out as characters: every one of them takes room.
    font = window.table.font()
    layout, truncated = lay_out(MARKUP, font, 2000, 1, [])
    assert layout.text() == MARKUP and not truncated
    width = layout.lineAt(0).naturalTextWidth()
    assert abs(width - QFontMetricsF(font).horizontalAdvance(MARKUP)) < 2
    assert width > 2 * QFontMetricsF(font).horizontalAdvance("bold")

    # And it paints them: the cell's ink reaches well past where a rendered "bold" would end.
    delegate = window.table.itemDelegateForColumn(COL_REPAIRED)
    image = QImage(600, 40, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 600, 40)
    option.font = font
    option.palette = window.table.palette()
    delegate.paint(painter, option, model.index(0, COL_REPAIRED))
    painter.end()
    inked = [x for x in range(600) for y in range(40) if image.pixelColor(x, y).lightness() < 128]
    assert max(inked) > QFontMetricsF(font).horizontalAdvance(MARKUP) * 0.8


def test_utf16_positions_round_trip() -> None:
    text = "a😂b好c"
    assert [to_utf16(text, i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 6]
    assert [from_utf16(text, to_utf16(text, i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_highlight_marks_only_changed_characters(window, open_text) -> None:
    from tests.gui.conftest import CHAT

    open_text(CHAT)
    row = window.session.segments.segment(1)
    marked = "".join(row.info.repaired[h.start : h.end] for h in row.highlights)
    assert marked == "CGPT"  # "chat gpt" → "ChatGPT": the case changes and the joined T
