"""Render the README's screenshots: the samples imported with the glossary, a few tags, two views.

.venv/bin/python docs/screenshots/make_screenshots.py     # writes docs/screenshots/*.png
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from reviewer.gui import i18n
from reviewer.gui.app import application, sample_glossary, seed_files
from reviewer.gui.main_window import MainWindow
from reviewer.gui.session import ReviewSession
from reviewer.store import open_store

OUT = Path(__file__).resolve().parent


def small(image: QImage) -> QImage:
    """The image in its own 256 most used colours, undithered: crisp text, a small PNG."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(image.constBits()).cast("I")
    table = [rgb | 0xFF000000 for rgb, _n in Counter(pixels).most_common(256)]
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    return image.convertToFormat(QImage.Format.Format_Indexed8, table, flags)


def shot(window: MainWindow, name: str) -> None:
    for _ in range(5):
        QTest.qWait(20)
    image = small(window.grab().toImage())
    path = OUT / name
    image.save(str(path), "PNG", 0)  # quality 0: the most compression
    print(f"{path} {path.stat().st_size // 1024} KB")


def main() -> int:
    app = application(offscreen=True)
    i18n.install(i18n.ENGLISH)  # whatever the machine's locale or settings say
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "demo.sqlite3"))
        session = ReviewSession(store, synchronous=True)
        window = MainWindow(session)
        window.resize(1440, 860)
        session.refresh_documents()
        seeds = seed_files()
        window.start_import([str(p) for p in seeds], open_first=False, glossary=sample_glossary())
        docs = {d.name[:3]: d.id for d in session.documents.docs}
        window.show()

        # 1: the ASR podcast (seed 003): speakers named, topics and an error tagged.
        window.open_document(docs["003"])
        session.rename_speaker("SPEAKER_00", "主持人")
        session.rename_speaker("SPEAKER_01", "曹越")
        for path in ("AI/视频生成", "AI/算力", "创业"):
            session.create_topic(path)
        session.colour_topic("AI/算力", "#e15759")
        session.colour_topic("创业", "#59a14f")
        session.tag_topic([2, 3], "AI/算力")
        session.tag_topic([7, 8, 11], "创业")
        session.tag_topic([9], "AI/视频生成")
        session.mark_error(2, "asr", span=(0, 14), correction="Scaling Law 的 System", note="术语被识别错")
        window.topic_panel.select_path("AI/算力")
        window.table.go_to_row(2)
        window.inspector.repaired.select_span(0, 14)
        shot(window, "review-asr-podcast.png")

        # 2: the mojibake chat (seed 000): lost-byte repairs with their alternatives.
        window.open_document(docs["000"])
        row = session.next_row(-1, session.is_low_confidence)
        window.table.go_to_row(row or 0)
        current = session.segments.segment(window.table.current_segment() or 0)
        low = next((e for e in current.info.edits if e.alternatives), None) if current else None
        if low is not None:
            window.inspector.select_edit(low.id)
        shot(window, "review-mojibake-chat.png")
        window.close()

        # 3: the podcast again, in Simplified Chinese: a new session and window, as the app builds them
        # after installing the translation (menus, headers and undo texts are translated when made).
        i18n.install(i18n.CHINESE)
        session = ReviewSession(store, synchronous=True)
        window = MainWindow(session)
        session.refresh_documents()
        window.resize(1440, 860)
        window.show()
        window.open_document(docs["003"])
        window.topic_panel.select_path("AI/算力")
        window.table.go_to_row(2)
        shot(window, "review-zh.png")
        window.close()
        store.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
