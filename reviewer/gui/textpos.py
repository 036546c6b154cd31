"""Offsets: the store speaks Python ``str`` indices (code points); Qt's text classes speak UTF-16.

They differ after any character outside the BMP (emoji, rare CJK), so every
offset that crosses the boundary goes through these two functions.
"""

from __future__ import annotations


def to_utf16(text: str, index: int) -> int:
    """Code-point index into ``text`` → the UTF-16 position Qt uses."""
    prefix = text[:index]
    if prefix.isascii():
        return len(prefix)
    return len(prefix) + sum(1 for c in prefix if ord(c) > 0xFFFF)


def from_utf16(text: str, position: int) -> int:
    """UTF-16 position (from a QTextCursor, say) → code-point index into ``text``."""
    if text.isascii():
        return min(position, len(text))
    units = 0
    for i, c in enumerate(text):
        if units >= position:
            return i
        units += 2 if ord(c) > 0xFFFF else 1
    return len(text)
