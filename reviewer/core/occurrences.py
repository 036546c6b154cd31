"""Where else a misrecognition occurs: the search behind "teach this correction to the glossary".

Plain substring search over segment texts, with two guards: a Latin ``wrong``
(``OPNi``) must stand as a word (not inside ``OPNiX``), and a match that is part
of an occurrence of the right text already (``GPT`` inside ``ChatGPT``) is not
an error.  Offsets are ``str`` indices into the segment's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

CONTEXT = 12


@dataclass(frozen=True)
class Occurrence:
    document_id: int
    segment_index: int
    start: int
    end: int
    text: str  # the whole segment text searched

    def context(self, width: int = CONTEXT) -> tuple[str, str, str]:
        """(left, match, right) around the occurrence, each side at most ``width`` characters."""
        left = self.text[max(0, self.start - width) : self.start]
        right = self.text[self.end : self.end + width]
        if self.start > width:
            left = "…" + left
        if self.end + width < len(self.text):
            right += "…"
        return left, self.text[self.start : self.end], right

    def preview(self, correction: str, width: int = CONTEXT) -> tuple[str, str]:
        """(before, after) lines showing the change in its context."""
        left, match, right = self.context(width)
        return f"{left}[{match}]{right}", f"{left}[{correction}]{right}"


def _pattern(wrong: str) -> re.Pattern[str]:
    body = re.escape(wrong)
    # Word edges only where the wrong text starts/ends with a Latin letter or digit:
    # Chinese has no spaces between words, so it gets none.
    if re.match(r"[A-Za-z0-9]", wrong):
        body = r"(?<![A-Za-z0-9])" + body
    if re.search(r"[A-Za-z0-9]$", wrong):
        body += r"(?![A-Za-z0-9])"
    return re.compile(body)


def right_spans(text: str, right: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``right`` in ``text`` (overlapping ones too)."""
    spans, at = [], text.find(right)
    while right and at >= 0:
        spans.append((at, at + len(right)))
        at = text.find(right, at + 1)
    return spans


def find_in_text(text: str, wrong: str, right: str = "") -> list[tuple[int, int]]:
    """(start, end) of each occurrence of ``wrong`` in ``text`` that is not already part of ``right``."""
    if not wrong:
        return []
    covered = right_spans(text, right) if right and wrong in right else []
    out = []
    for m in _pattern(wrong).finditer(text):
        if any(a <= m.start() and m.end() <= b for a, b in covered):
            continue
        out.append((m.start(), m.end()))
    return out


def find_occurrences(
    segments: Iterable[tuple[int, int, str]],
    wrong: str,
    right: str = "",
    skip: Iterable[tuple[int, int, int, int]] = (),
) -> list[Occurrence]:
    """Occurrences of ``wrong`` in (document id, segment index, text) triples, in the order given.

    ``skip`` holds (document id, segment index, start, end) places already marked (the
    correction being taught, earlier annotations); an occurrence overlapping one is left out.
    """
    skipped: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for doc, index, start, end in skip:
        skipped.setdefault((doc, index), []).append((start, end))
    out = []
    for doc, index, text in segments:
        if wrong not in text:  # the cheap test first: most segments do not contain it
            continue
        marks = skipped.get((doc, index), [])
        for start, end in find_in_text(text, wrong, right):
            if any(start < b and a < end for a, b in marks):
                continue
            out.append(Occurrence(doc, index, start, end, text))
    return out
