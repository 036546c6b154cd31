"""Close variants of a misrecognition: where else the same ASR error is likely, spelled otherwise.

A correction ``曹悦 → 曹越`` should also find ``曹越`` misheard as ``草越`` or ``曹月``: the
same syllables (tones ignored), or syllables ASR usually confuses (z/zh, c/ch, s/sh, n/l,
-n/-ng: the sound classes of repair.pinyin_keys, which the glossary repair uses too).
A Latin ``Eternance`` finds ``Eternence`` (a small edit distance, whole words only).  Each match has a score:

* 1.0  the very text;
* 0.9  the same syllables, or a Latin word one letter off;
* 0.7  syllables ASR confuses, or a Latin word further off (up to a fifth of its letters).

A Chinese match that cuts through a dictionary word of the text (the pinyin is there, but
inside ``方向速度``, not a word of its own) is marked as not fitting; callers leave those
unticked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from rapidfuzz.distance import Levenshtein

from reviewer.core.occurrences import find_in_text, right_spans
from reviewer.core.repair.pinyin_keys import is_han, reading, sound_key

EXACT, SAME_SOUND, CONFUSED = 1.0, 0.9, 0.7

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")


@dataclass(frozen=True)
class Variant:
    start: int
    end: int
    score: float
    fits: bool  # False: inside (or across) a dictionary word of the text


def _same_sound(a: str, b: str) -> bool:
    if a == b:
        return True
    ra, rb = reading(a), reading(b)
    return ra is not None and rb is not None and ra[0] == rb[0]


def is_chinese(text: str) -> bool:
    return bool(text) and all(is_han(c) for c in text)


def is_latin(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9'’ -]*[A-Za-z0-9]|[A-Za-z]", text))


def _chinese(text: str, wrong: str, right: str) -> list[Variant]:
    # The sound classes of repair.pinyin_keys (ASR's usual confusions merged), one
    # str.find over the whole text: a search of every sample stays in C.
    key, wanted, n = sound_key(text), sound_key(wrong), len(wrong)
    out = []
    cuts: frozenset[int] | None = None
    at = key.find(wanted)
    while at >= 0:
        window = text[at : at + n]
        if window != right:
            same = all(_same_sound(a, b) for a, b in zip(window, wrong, strict=True))
            score = EXACT if window == wrong else SAME_SOUND if same else CONFUSED
            if cuts is None:
                cuts = _word_edges(text)
            out.append(Variant(at, at + n, score, at in cuts and at + n in cuts))
        at = key.find(wanted, at + 1)
    return out


def warm_up(texts: Sequence[str] = ()) -> None:
    """Load what the first search for variants would (jieba's dictionary, pypinyin's readings
    of these texts' characters), so the first correction's preview is as quick as the next:
    the window runs this in the background once a document is open."""
    import jieba

    jieba.initialize()
    for text in texts:
        sound_key(text)


def is_word(text: str) -> bool:
    """A Chinese word of the dictionary (核心, 难过): correcting it in one place says little
    about another, where it is most likely meant.  (收脸, 偶拍 are not words.)"""
    import jieba

    if not is_chinese(text) or len(text) < 2:
        return False
    jieba.initialize()
    return bool(jieba.dt.FREQ.get(text))


def word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the words of ``text`` that ``start:end`` lies in (Chinese word cutting, with
    new words such as names guessed), so a one-character fix of 曹悦 is a fix of the name."""
    import jieba

    a, b = start, end
    for _w, s, e in jieba.tokenize(text):
        if (s < end and start < e) or s <= start < e:
            a, b = min(a, s), max(b, e)
    return a, b


def _word_edges(text: str) -> frozenset[int]:
    import jieba  # (its dictionary loads once per process)

    edges = {0, len(text)}
    for _w, a, b in jieba.tokenize(text, HMM=False):
        edges.update((a, b))
    return frozenset(edges)


def _latin(text: str, wrong: str, right: str) -> list[Variant]:
    words = wrong.split()
    n = len(words)
    target = " ".join(words).casefold()
    most = max(1, len(target) // 5)
    tokens = list(_WORD.finditer(text))
    out = []
    for i in range(len(tokens) - n + 1):
        start, end = tokens[i].start(), tokens[i + n - 1].end()
        if n > 1 and any(text[tokens[k].end() : tokens[k + 1].start()].strip() for k in range(i, i + n - 1)):
            continue  # the words of a phrase must follow one another
        window = text[start:end]
        if window == right or window.casefold() == right.casefold():
            continue
        d = Levenshtein.distance(" ".join(window.split()).casefold(), target, score_cutoff=most)
        if d > most or window[0].casefold() != target[0]:
            continue  # ASR keeps the first sound: "Sytham" is not "Python"
        score = EXACT if window == wrong else SAME_SOUND if d <= 1 else CONFUSED
        out.append(Variant(start, end, score, True))
    return out


def candidates(texts: Sequence[str], wrong: str) -> list[int]:
    """Indexes of the ``texts`` that may hold ``wrong`` or a variant (find_variants says which
    do): one pass over them all joined, in C, so a 100,000-segment document is searched in
    milliseconds rather than one call per segment."""
    if not wrong or not texts:
        return []
    joined = "\x00".join(texts)
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    if is_chinese(wrong):
        hay, needle = sound_key(joined), sound_key(wrong)
        hits = _all(hay, needle)
    elif is_latin(wrong):
        first = wrong.split()[0].casefold()
        most = max(1, len(" ".join(wrong.split())) // 5)
        lo, hi = max(0, len(first) - 1 - most), len(first) - 1 + most
        pattern = rf"(?<![a-z0-9]){re.escape(first[0])}[a-z0-9'’-]{{{lo},{hi}}}(?![a-z0-9'’-])"
        hits = [m.start() for m in re.finditer(pattern, joined.casefold())]
    else:
        hits = _all(joined, wrong)
    return sorted({bisect_right(starts, h) - 1 for h in hits})


def _all(hay: str, needle: str) -> list[int]:
    out, at = [], hay.find(needle)
    while at >= 0:
        out.append(at)
        at = hay.find(needle, at + 1)
    return out


def find_variants(text: str, wrong: str, right: str = "") -> list[Variant]:
    """``wrong`` and its close variants in ``text``, in order; not where ``right`` already is.
    A ``wrong`` mixing scripts (``Skalebo的Sytham``) is found as itself only."""
    if not wrong or not text:
        return []
    if is_chinese(wrong):
        found = _chinese(text, wrong, right)
    elif is_latin(wrong):
        found = _latin(text, wrong, right)
    else:  # the teach search's own (occurrences.find_in_text): the very text, as a word
        return [Variant(a, b, EXACT, True) for a, b in find_in_text(text, wrong, right)]
    if right and wrong in right:  # "GPT" inside "ChatGPT" is no error
        covered = right_spans(text, right)
        found = [v for v in found if not any(a <= v.start and v.end <= b for a, b in covered)]
    return found
