"""Names shown for the core's identifiers (repair kinds, formats): translated at the moment
they are shown, so a language switch renames them everywhere without a restart."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Names"

REPAIR_KINDS = {
    "mojibake": QT_TRANSLATE_NOOP("Names", "mojibake"),
    "normalize": QT_TRANSLATE_NOOP("Names", "normalize"),
    "speaker": QT_TRANSLATE_NOOP("Names", "speaker"),  # the kind of the "speakers" step's edits
    "merge": QT_TRANSLATE_NOOP("Names", "merge"),
    "glossary": QT_TRANSLATE_NOOP("Names", "glossary"),
}
FORMATS = {
    "chat": QT_TRANSLATE_NOOP("Names", "chat"),
    "timestamped": QT_TRANSLATE_NOOP("Names", "timestamped"),
    "plain": QT_TRANSLATE_NOOP("Names", "plain"),
    "srt": QT_TRANSLATE_NOOP("Names", "SRT"),
    "vtt": QT_TRANSLATE_NOOP("Names", "WebVTT"),
}


def repair_kind(kind: str) -> str:
    source = REPAIR_KINDS.get(kind)
    return QCoreApplication.translate(CONTEXT, source) if source else kind


def format_name(fmt: str) -> str:
    source = FORMATS.get(fmt)
    return QCoreApplication.translate(CONTEXT, source) if source else fmt
