"""Normalization that never changes meaning.

- NFC, cluster by cluster, so an edit covers only the characters it composes;
- stray control characters and NULs removed (newline and tab are kept); C1 characters, which
  are Windows-1252 text read as Latin-1, put back as what they were (\x93 → “);
- trailing whitespace removed at the end of a segment.  Trailing spaces inside
  a multi-paragraph turn are kept: in chat logs they are markdown hard breaks.
Full-width CJK punctuation is left alone (NFC does not touch it; NFKC would).
"""

from __future__ import annotations

import re
import unicodedata

from reviewer.core.repair.base import Fix, run_text_step
from reviewer.core.transcript import Edit, Transcript

# C0 controls except \t and \n, DEL, and a BOM left inside the text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufeff]+")
# C1 characters are Windows-1252 punctuation and letters once read as Latin-1 (\x93 was “,
# \x85 …): put back, never dropped.  The five bytes cp1252 leaves undefined stay as they are.
_C1 = re.compile("[\x80-\x9f]+")
C1_CONFIDENCE = 0.9
_TRAILING = re.compile(r"[ \t\u3000\u00a0]+(?=\n*\Z)")
# Hangul vowel/final jamo compose with the preceding jamo though they are starters.
_JAMO_TAIL = re.compile("[\u1160-\u11ff]")


def _nfc_fixes(text: str) -> list[Fix]:
    if unicodedata.is_normalized("NFC", text):
        return []
    fixes: list[Fix] = []
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or _JAMO_TAIL.match(text[j])):
            j += 1
        cluster = text[i:j]
        composed = unicodedata.normalize("NFC", cluster)
        if composed != cluster:
            fixes.append(Fix(i, j, composed))
        i = j
    return fixes


def _c1_fixes(text: str) -> list[Fix]:
    out = []
    for m in _C1.finditer(text):
        run = m.group()
        fixed = "".join(_cp1252(ch) for ch in run)
        if fixed != run:
            out.append(Fix(m.start(), m.end(), fixed, C1_CONFIDENCE))
    return out


def _cp1252(ch: str) -> str:
    try:
        return bytes([ord(ch)]).decode("cp1252")
    except UnicodeDecodeError:
        return ch


def find_fixes(text: str) -> list[Fix]:
    fixes = [Fix(m.start(), m.end(), "") for m in _CONTROL.finditer(text)]
    fixes += _c1_fixes(text)
    taken = [(f.start, f.end) for f in fixes]
    for f in _nfc_fixes(text):
        if not any(s < f.end and f.start < e for s, e in taken):
            fixes.append(f)
    m = _TRAILING.search(text)
    if m and not any(s < m.end() and m.start() < e for s, e in taken):
        fixes.append(Fix(m.start(), m.end(), ""))
    return fixes


_TRAILING_AT_SEGMENT_END = re.compile(r"[ \t\u3000\u00a0]\n*(?=\n|\Z)")


def worth_a_look(joined: str) -> list[int]:
    """Positions in the "\n"-joined segments where a fix may be (see run_text_step)."""
    spots = [m.start() for m in _CONTROL.finditer(joined)]
    spots += [m.start() for m in _C1.finditer(joined)]
    spots += [m.start() for m in _TRAILING_AT_SEGMENT_END.finditer(joined)]
    if not unicodedata.is_normalized("NFC", joined):
        spots += [i for i, ch in enumerate(joined) if unicodedata.combining(ch) or _JAMO_TAIL.match(ch)]
        spots += [i for i, ch in enumerate(joined) if unicodedata.normalize("NFC", ch) != ch]
    return spots


class NormalizeStep:
    name = "normalize"

    def run(self, transcript: Transcript) -> list[Edit]:
        return run_text_step(transcript, "normalize", find_fixes, worth_a_look)
