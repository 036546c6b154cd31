"""Colours that work on light and dark palettes: speakers, topics, repair highlights."""

from __future__ import annotations

import zlib

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reviewer.gui.models.rows import HIGHLIGHT_DECIDED, HIGHLIGHT_OWN, HIGHLIGHT_SURE, HIGHLIGHT_UNSURE

# Hues far enough apart to tell eight speakers apart at a glance.
_SPEAKER_HUES = (210, 25, 130, 280, 0, 175, 50, 320)


def is_dark(palette: QPalette | None = None) -> bool:
    p = palette or QApplication.palette()
    return p.color(QPalette.ColorRole.Base).lightness() < 128


def speaker_colour(label: str | None, palette: QPalette | None = None) -> QColor:
    """A stable colour per speaker label (the same label always gets the same colour)."""
    if not label:
        return QColor(128, 128, 128)
    hue = _SPEAKER_HUES[zlib.crc32(label.encode("utf-8")) % len(_SPEAKER_HUES)]
    return QColor.fromHsl(hue, 150, 170 if is_dark(palette) else 95)


def speaker_background(label: str | None, palette: QPalette | None = None) -> QColor:
    c = speaker_colour(label, palette)
    c.setAlpha(45)
    return c


def highlight_colour(state: str, palette: QPalette | None = None) -> QColor:
    dark = is_dark(palette)
    if state == HIGHLIGHT_UNSURE:  # amber: look again
        return QColor(150, 100, 0, 200) if dark else QColor(255, 196, 0, 150)
    if state == HIGHLIGHT_OWN:  # violet: the reviewer's own text (typed, or carried from it)
        return QColor(110, 70, 150, 200) if dark else QColor(200, 160, 240, 150)
    if state == HIGHLIGHT_DECIDED:  # green: the reviewer accepted it
        return QColor(40, 120, 60, 200) if dark else QColor(120, 210, 130, 140)
    assert state == HIGHLIGHT_SURE  # blue: confident, not yet reviewed
    return QColor(40, 90, 160, 200) if dark else QColor(130, 180, 255, 130)


def topic_colour(colour: str | None) -> QColor:
    c = QColor(colour) if colour else QColor()
    return c if c.isValid() else QColor(110, 140, 200)


def error_colour(palette: QPalette | None = None) -> QColor:
    return QColor(230, 90, 90) if is_dark(palette) else QColor(190, 30, 30)


def find_colour(palette: QPalette | None = None) -> QColor:
    """Text matching the find bar: magenta, so it never reads as a repair's blue, amber or green."""
    return QColor(170, 60, 150, 220) if is_dark(palette) else QColor(245, 120, 220, 170)
