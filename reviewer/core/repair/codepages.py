"""Windows code pages that UTF-8 gets misread as: char ↔ byte tables and regex classes.

Mojibake of this kind is UTF-8 bytes decoded one byte per character with a
single-byte code page.  To undo it we need, per code page, the character each
byte became and the bytes the code page leaves undefined (a strict decoder
drops those, which is where lost bytes come from).  C1 controls map to
themselves: a sloppy decoder (Latin-1 or ftfy's "sloppy" codecs) keeps an
undefined byte as the control character with the same number.
"""

from __future__ import annotations

from functools import cache

# Tried in this order when a text fits several; the first wins a tie.
CODEPAGES: tuple[str, ...] = ("cp1252", "cp1254", "cp1250", "cp1257", "cp1251")

C1_CONTROLS = "".join(chr(b) for b in range(0x80, 0xA0))


def _table(codepage: str) -> tuple[dict[str, int], frozenset[int]]:
    char_to_byte: dict[str, int] = {}
    undefined: set[int] = set()
    for b in range(0x80, 0x100):
        try:
            char_to_byte[bytes([b]).decode(codepage)] = b
        except UnicodeDecodeError:
            undefined.add(b)
    for ch in C1_CONTROLS:
        char_to_byte.setdefault(ch, ord(ch))
    return char_to_byte, frozenset(undefined)


TABLES: dict[str, dict[str, int]] = {}
UNDEFINED: dict[str, frozenset[int]] = {}
for _cp in CODEPAGES:
    TABLES[_cp], UNDEFINED[_cp] = _table(_cp)

# The soft hyphen (0xAD) is defined everywhere but invisible, and text
# cleaners strip it, so it goes missing as often as an undefined byte.
SOFT_HYPHEN = 0xAD
# The Latin pages are indistinguishable on most CJK mojibake (they differ in
# 0x8E/0x9E only), so a run that fits either may have lost the bytes of both.
LATIN_LOST: frozenset[int] = UNDEFINED["cp1252"] | UNDEFINED["cp1254"] | {SOFT_HYPHEN}


def lost_bytes(codepage: str) -> frozenset[int]:
    """Bytes a text decoded with ``codepage`` may have silently lost."""
    if codepage in ("cp1252", "cp1254"):
        return LATIN_LOST
    return UNDEFINED[codepage] | {SOFT_HYPHEN}


def is_lead(b: int) -> bool:
    return 0xC2 <= b <= 0xF4


def is_cont(b: int) -> bool:
    return 0x80 <= b <= 0xBF


def seq_len(lead: int) -> int:
    """Total length of the UTF-8 sequence a lead byte starts."""
    if lead < 0xE0:
        return 2
    if lead < 0xF0:
        return 3
    return 4


@cache
def char_classes() -> tuple[str, str, str]:
    """(lead chars, continuation chars, all high chars) over every table, as sets for a regex class."""
    lead: set[str] = set()
    cont: set[str] = set()
    for table in TABLES.values():
        for ch, b in table.items():
            if is_lead(b):
                lead.add(ch)
            elif is_cont(b):
                cont.add(ch)
    high = {ch for table in TABLES.values() for ch in table}
    return "".join(sorted(lead)), "".join(sorted(cont)), "".join(sorted(high))


def fitting_codepages(chars: set[str]) -> list[str]:
    """Code pages (in preference order) that can produce every one of ``chars``."""
    return [cp for cp in CODEPAGES if all(ch in TABLES[cp] for ch in chars)]
