"""Render reviewer.svg to the PNG sizes, the Windows .ico and the macOS .icns (run after editing the SVG).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icons/make_icons.py

The outputs are committed, so installers build without this step.  .ico and .icns hold PNG
images (both formats allow it: Windows Vista+, macOS 10.7+).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# icns types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    entries, offset = b"", 6 + 16 * len(ICO_SIZES)
    for size in ICO_SIZES:
        data = pngs[size]
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(pngs[s] for s in ICO_SIZES)


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for size, kind in ICNS_TYPES.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE / "reviewer.svg"))
    if not renderer.isValid():
        raise SystemExit("reviewer.svg is not a valid SVG")
    pngs = {size: render(renderer, size) for size in PNG_SIZES}
    for size in (48, 64, 128, 256, 512):
        (HERE / f"reviewer-{size}.png").write_bytes(pngs[size])
    (HERE / "reviewer.ico").write_bytes(ico(pngs))
    (HERE / "reviewer.icns").write_bytes(icns(pngs))
    print(f"wrote PNGs, reviewer.ico and reviewer.icns in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
