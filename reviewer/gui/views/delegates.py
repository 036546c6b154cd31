"""Painting table cells: transcript text with repair highlights, and tag chips.

Text is laid out with QTextLayout from a plain string plus format ranges: no
HTML is ever parsed, so ``<b>`` or ``<img>`` in a transcript shows as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reviewer.gui.colours import error_colour, find_colour, highlight_colour, topic_colour
from reviewer.gui.models.rows import HIGHLIGHT_UNSURE, Highlight, SegmentRow
from reviewer.gui.models.segments import ROW_ROLE
from reviewer.gui.textpos import to_utf16
from reviewer.gui.views.text_pane import CellCorrector, TextPane

Index = QModelIndex | QPersistentModelIndex
PAD_X, PAD_Y = 4, 2
ELLIPSIS = "…"


def highlight_formats(text: str, highlights: list[Highlight], palette: QPalette | None = None) -> list[Any]:
    """QTextLayout format ranges (UTF-16 positions) for the highlights of ``text``."""
    out = []
    for h in highlights:
        if h.start >= len(text):
            continue
        fr = QTextLayout.FormatRange()
        fr.start = to_utf16(text, h.start)
        fr.length = to_utf16(text, min(h.end, len(text))) - fr.start
        fmt = QTextCharFormat()
        fmt.setBackground(highlight_colour(h.state, palette))
        if h.state == HIGHLIGHT_UNSURE:
            # Not only colour: a wavy underline tells an uncertain repair apart in any palette.
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(200, 90, 0))
        fr.format = fmt
        out.append(fr)
    return out


# At most this many find matches are marked in one cell (a one-letter search in a long segment).
MAX_FIND_MARKS = 50


def find_formats(text: str, pattern: re.Pattern[str] | None, palette: QPalette | None = None) -> list[Any]:
    """Format ranges marking where ``pattern`` matches ``text`` (the find bar's search)."""
    if pattern is None:
        return []
    out = []
    fmt = QTextCharFormat()
    fmt.setBackground(find_colour(palette))
    fmt.setFontWeight(QFont.Weight.Bold)
    for n, m in enumerate(pattern.finditer(text)):
        if n >= MAX_FIND_MARKS:
            break
        if m.end() <= m.start():
            continue
        fr = QTextLayout.FormatRange()
        fr.start = to_utf16(text, m.start())
        fr.length = to_utf16(text, m.end()) - fr.start
        fr.format = fmt
        out.append(fr)
    return out


def lay_out(
    text: str, font: QFont, width: float, max_lines: int, formats: list[Any]
) -> tuple[QTextLayout, bool]:
    """Lay ``text`` out in at most ``max_lines`` lines of ``width``; says whether text was left over."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setFormats(formats)
    ellipsis_w = QFontMetricsF(font).horizontalAdvance(ELLIPSIS)
    layout.beginLayout()
    y = 0.0
    used = 0
    end = 0
    while used < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        last = used == max_lines - 1
        line.setLineWidth(max(width - (ellipsis_w if last else 0), 1))
        line.setPosition(QPointF(0, y))
        y += line.height()
        used += 1
        end = line.textStart() + line.textLength()
    layout.endLayout()
    return layout, end < len(text.encode("utf-16-le")) // 2


# The in-cell editor grows to show this many lines of a long segment (over the rows below).
EDITOR_MAX_LINES = 8


class SegmentTextDelegate(QStyledItemDelegate):
    """Original or repaired text, wrapped into the row's fixed height; repairs highlighted.

    Its "editor" (double click or F2 on the cell) is a read-only TextPane with the whole
    text, for selecting a span to tag right in the table; nothing is ever written back.
    """

    # (segment index, target, start, end) of text selected in the cell editor; start == end: none.
    span_selected = Signal(int, str, int, int)
    # (segment index, target, position): a click in the cell's text that selected nothing.
    char_clicked = Signal(int, str, int)
    # (segment index, the text as shown, the text typed): a correction typed into the cell.
    text_corrected = Signal(int, str, str)

    def __init__(self, highlight: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.highlight = highlight
        self.target = "repaired" if highlight else "original"
        self.max_lines = 2
        self.find_pattern: re.Pattern[str] | None = None  # what the find bar looks for, marked
        # Set by SegmentTable.correct_row for the next editor: typing, not selecting.
        self.writable = False

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        row: SegmentRow | None = index.data(ROW_ROLE)
        if self.writable and self.highlight:
            self.writable = False
            corrector = CellCorrector(parent)
            corrector.setFont(option.font)
            corrector.submitted.connect(lambda c=corrector: self._submit(c))
            return corrector
        pane = TextPane(self.target, parent)
        pane.setObjectName(f"cell{self.target.capitalize()}Editor")
        pane.setFont(option.font)
        if row is not None:
            pane.selectionChanged.connect(lambda p=pane, i=row.index: self._report(p, i))
            pane.clicked.connect(lambda pos, i=row.index: self.char_clicked.emit(i, self.target, pos))
        return pane

    def _report(self, pane: TextPane, segment_index: int) -> None:
        span = pane.selected_span() or (0, 0)
        self.span_selected.emit(segment_index, self.target, span[0], span[1])

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        row: SegmentRow | None = index.data(ROW_ROLE)
        if isinstance(editor, TextPane) and row is not None:
            text = row.info.repaired if self.highlight else row.info.original
            if editor.text != text:
                editor.set_text(text)
                if self.highlight:
                    editor.mark(self._marks(row, editor))

    @staticmethod
    def _marks(row: SegmentRow, editor: QWidget) -> list[tuple[int, int, QTextCharFormat]]:
        out = []
        for h in row.highlights:
            fmt = QTextCharFormat()
            fmt.setBackground(highlight_colour(h.state, editor.palette()))
            out.append((h.start, h.end, fmt))
        return out

    def _submit(self, editor: CellCorrector) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Only a CellCorrector writes, and not into the model: its text goes out as a
        correction (text_corrected), which the session stores as the reviewer's own edits."""
        row: SegmentRow | None = index.data(ROW_ROLE)
        if isinstance(editor, CellCorrector) and row is not None:
            typed = editor.toPlainText()
            if typed != editor.text:
                self.text_corrected.emit(row.index, editor.text, typed)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        line = QFontMetricsF(option.font).lineSpacing()
        if isinstance(editor, TextPane):
            # Tall enough for the whole text (up to EDITOR_MAX_LINES), never shorter than the cell.
            editor.document().setTextWidth(max(rect.width() - 8, 1))
            lines = max(1, int(editor.document().size().height()))
            height = int(min(lines, EDITOR_MAX_LINES) * line + 2 * editor.frameWidth() + 8)
            rect = rect.adjusted(0, 0, 0, max(0, height - rect.height()))
        editor.setGeometry(rect)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        row: SegmentRow | None = index.data(ROW_ROLE)
        formats = highlight_formats(text, row.highlights, opt.palette) if (self.highlight and row) else []
        formats += find_formats(text, self.find_pattern, opt.palette)  # last: drawn over the repairs
        rect = QRectF(opt.rect).adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        lines = max(1, min(self.max_lines, int(rect.height() // QFontMetricsF(opt.font).lineSpacing())))
        layout, truncated = lay_out(text, opt.font, rect.width(), lines, formats)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setPen(opt.palette.color(role))
        layout.draw(painter, rect.topLeft())
        if truncated and layout.lineCount():
            last = layout.lineAt(layout.lineCount() - 1)
            x = rect.left() + last.naturalTextWidth()
            painter.drawText(QPointF(x, rect.top() + last.y() + last.ascent()), ELLIPSIS)
        painter.restore()


class TagsDelegate(QStyledItemDelegate):
    """Topic and error tags as small coloured chips; pending repairs as a count."""

    def __init__(self, topic_colour_of: Callable[[str], str | None], parent: Any = None) -> None:
        super().__init__(parent)
        self.topic_colour_of = topic_colour_of

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        row: SegmentRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        chips: list[tuple[str, QColor]] = [
            (a.tag.rsplit("/", 1)[-1], topic_colour(self.topic_colour_of(a.tag)))
            for a in row.annotations
            if a.kind == "topic"
        ]
        chips += [("⚠ " + a.tag, error_colour(opt.palette)) for a in row.annotations if a.kind == "error"]
        font = QFont(opt.font)
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 6))
        fm = QFontMetricsF(font)
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setFont(font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x, y = opt.rect.left() + PAD_X, opt.rect.top() + PAD_Y + 1
        h = fm.height() + 2
        for text, colour in chips:
            w = fm.horizontalAdvance(text) + 8
            if x + w > opt.rect.right() and x > opt.rect.left() + PAD_X:
                x, y = opt.rect.left() + PAD_X, y + h + 2
            fill = QColor(colour)
            fill.setAlpha(60)
            painter.setPen(colour)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(x, y, w, h), 4, 4)
            painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
            painter.drawText(QRectF(x, y, w, h), Qt.AlignmentFlag.AlignCenter, text)
            x += w + 4
        if row.pending:
            painter.setPen(opt.palette.color(QPalette.ColorRole.PlaceholderText))
            text = f"✎{row.pending}"
            painter.drawText(
                QRectF(x, y, fm.horizontalAdvance(text) + 4, h), Qt.AlignmentFlag.AlignVCenter, text
            )
        painter.restore()
