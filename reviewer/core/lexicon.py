"""Chinese word frequencies from jieba's shipped dictionary, loaded once per process.

Both the mojibake language model and the glossary's real-word guard read it;
jieba's own tokenizer is initialised once here too, with its chatter silenced.
"""

from __future__ import annotations

import logging
import math
import threading
from functools import cache

import jieba

_lock = threading.Lock()
jieba.setLogLevel(logging.WARNING)


@cache
def tokenizer() -> jieba.Tokenizer:
    """The shared, initialised jieba tokenizer (the dictionary load is paid once)."""
    with _lock:
        jieba.dt.initialize()
    return jieba.dt


def word_freq() -> dict[str, int]:
    """Word → count from jieba's dictionary (prefixes of words map to 0)."""
    return tokenizer().FREQ


@cache
def total() -> int:
    return tokenizer().total


def log_prob(word: str) -> float:
    """Log probability of a word; unknown words get a small floor."""
    f = word_freq().get(word) or 0
    return math.log((f + 0.5) / total())


def is_word(word: str, min_freq: int = 1) -> bool:
    return (word_freq().get(word) or 0) >= min_freq


@cache
def char_freq() -> dict[str, int]:
    """Character → summed count of the dictionary words that contain it."""
    out: dict[str, int] = {}
    for w, f in word_freq().items():
        if f:
            for ch in w:
                out[ch] = out.get(ch, 0) + f
    return out


def sentence_log_prob(text: str) -> float:
    """Log probability of the best segmentation of ``text`` (jieba's DAG route)."""
    tok = tokenizer()
    route: dict[int, tuple[float, int]] = {}
    tok.calc(text, tok.get_DAG(text), route)
    return route[0][0] if text else 0.0
