"""Shared helpers for store/export/CLI tests: real SQLite files, texts repaired by the real engine."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.document import RepairedDocument, repair_text
from reviewer.core.glossary import parse_glossary
from reviewer.core.repair.pipeline import RepairOptions

CHAT = (
    "[A]: Hey，关于这个话题，你怎么想的？\n"
    "[B]: I use chat gpt every day, it's great.\n"
    "[A]: 真的吗？我觉得 open ai 的产品很好用。\n"
    "[B]: Yes. The last line stays the same.\n"
)

TIMED = (
    "[00:00:01] SPEAKER_00: hello there\n"
    "[00:00:05] SPEAKER_01: 我们今天聊一下 AI\n"
    "[00:00:09] SPEAKER_00: good\n"
)

GLOSSARY = parse_glossary("chat gpt => ChatGPT\nOpenAI\n")


def doc(text: str = CHAT, path: str = "talk.txt", glossary: bool = True) -> RepairedDocument:
    return repair_text(text, RepairOptions(glossary=GLOSSARY if glossary else None), path=path)


def write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.write_text(text, encoding="utf-8")
    return p
