"""The app's icon, from the PNGs shipped in reviewer.resources (resources/icons)."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap

from reviewer.resources import read_bytes

# resources/icons/reviewer-<size>.png, made by packaging/icons/make_icons.py.
ICON_SIZES = (64, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap()
        if pixmap.loadFromData(read_bytes(f"icons/reviewer-{size}.png")):
            icon.addPixmap(pixmap)
    return icon
