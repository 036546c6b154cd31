"""Sound keys for Chinese characters, for finding homophone recognition errors.

Each Han character maps to one private-use character standing for its fuzzy
syllable class (tone dropped, z/zh, c/ch, s/sh, n/l, an/ang, en/eng, in/ing
merged: the confusions ASR makes most).  Translating a whole text to keys is
one ``str.translate`` call, so scanning megabytes for glossary terms stays in C.
"""

from __future__ import annotations

import re
from functools import cache

_PUA_BASE = 0xF0000  # supplementary private use area: never in real text keys
_INITIAL_MERGE = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
_FINAL_MERGE = (("ang", "an"), ("eng", "en"), ("ing", "in"))
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@cache
def reading(ch: str) -> tuple[str, str] | None:
    """(toneless pinyin, tone3 pinyin) of a Han character's main reading."""
    # pypinyin's dictionary (a quarter of a second to load) only when a reading is first asked
    # for: the window starts without it.
    from pypinyin.contrib.tone_convert import to_normal, to_tone3
    from pypinyin.pinyin_dict import pinyin_dict

    raw = pinyin_dict.get(ord(ch))
    if not raw:
        return None
    first = raw.split(",", 1)[0]
    return to_normal(first), to_tone3(first)


def fuzzy_class(syllable: str) -> str:
    for a, b in _INITIAL_MERGE:
        if syllable.startswith(a):
            syllable = b + syllable[len(a) :]
            break
    for a, b in _FINAL_MERGE:
        if syllable.endswith(a):
            syllable = syllable[: -len(a)] + b
            break
    return syllable


class _KeyTable(dict[int, str]):
    """A ``str.translate`` table filled on first sight of each character."""

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, str] = {}

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        r = reading(ch) if _HAN.match(ch) else None
        if r is None:
            key = ch.lower() if len(ch.lower()) == 1 else ch
        else:
            cls = fuzzy_class(r[0])
            key = self._classes.setdefault(cls, chr(_PUA_BASE + len(self._classes)))
        self[code] = key
        return key


_TABLE = _KeyTable()


def sound_key(text: str) -> str:
    """Same length as ``text``: Han characters replaced by their sound class."""
    return text.translate(_TABLE)


def is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


def char_similarity(a: str, b: str) -> float:
    """How alike two characters sound: 1 same char, .95/.9 same syllable, .75 same class."""
    if a == b:
        return 1.0
    ra, rb = reading(a), reading(b)
    if ra is None or rb is None:
        return 0.9 if a.lower() == b.lower() else 0.0
    if ra[1] == rb[1]:
        return 0.95
    if ra[0] == rb[0]:
        return 0.9
    if fuzzy_class(ra[0]) == fuzzy_class(rb[0]):
        return 0.75
    return 0.0
