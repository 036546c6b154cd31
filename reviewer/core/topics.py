"""Topic suggestions: the salient keywords of each stretch of a transcript.

A stretch is a run of consecutive segments (about STRETCH_SEGMENTS of them, or fewer
when they are long).  Its keywords are scored by TF-IDF over jieba's tokens with
jieba's shipped IDF table (or by TextRank), after dropping the fillers of spoken
Chinese and English stop-words; the reviewer's glossary terms are put in jieba's
dictionary first (so a term stays one token) and scored up, since a term someone
declared is likelier to be a topic than an everyday word.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from reviewer.core import lexicon
from reviewer.core.glossary import Glossary
from reviewer.core.progress import Progress, report

STRETCH_SEGMENTS = 30
STRETCH_CHARS = 1500
TOP_K = 8
GLOSSARY_BOOST = 2.0
TERM_FREQ = 1000  # as in repair/glossary_terms: a declared term is as common as a common word

# Fillers and function words of spoken Mandarin that jieba's IDF table rates too highly.
SPOKEN_FILLERS = frozenset(
    """
    就是 然后 这个 那个 我们 你们 他们 她们 它们 觉得 一个 一些 什么 怎么 怎么样 这样 那样 这种 那种
    所以 因为 但是 可是 不过 而且 还是 或者 如果 的话 其实 可能 应该 比较 非常 特别 真的 确实 当然
    对吧 是吧 是不是 有没有 没有 知道 感觉 有点 一点 一下 东西 时候 这些 那些 这里 那里 这边 那边
    现在 之前 之后 以后 已经 还有 包括 或者说 就是说 也就是 所谓 大家 自己 别人 今天 刚才 后来
    嗯 啊 呃 哦 哎 呀 吧 呢 嘛 哈 诶 对 好 是 的 了 在 有 也 都 会 能 要 去 说 想 做 看 讲 问
    一直 一样 一种 一定 整个 很多 更多 最后 开始 出来 起来 过来 下来 上来 不是 不会 不能 可以
    需要 希望 发现 认为 好像 有些 某种 各种 任何 而是 只是 还会 就会 那么 这么 多少 为什么 哪个
    本身 能够 实际上 比如 比如说 到底 事情 像是 当时 里面 外面 什么样 部分 方面 意思 那时候 这时候
    一块 一起 地方
    我 你 他 她 它 咱们 人家 这 那 哪 个 们 吗 嘞 哇 喔 呗 呐
    """.split()
)
ENGLISH_STOP = frozenset(
    """
    a an the and or but if then so because as of at by for with about into onto from to in on up
    down out over under again further once here there when where why how all any both each few more
    most other some such no nor not only own same than too very can will just don should now is are
    was were be been being have has had having do does did doing i me my we our you your he him his
    she her it its they them their what which who whom this that these those am yeah yes okay ok oh
    uh um like know think mean really kind sort gonna wanna got get go going one two thing things
    speaker
    """.split()
)
_JUNK = re.compile(r"^[\d\W_]+$|^speaker_?\d*$", re.IGNORECASE)


@dataclass(frozen=True)
class Stretch:
    """Segments ``start`` to ``end`` (exclusive; positions in the given list) and their keywords."""

    start: int
    end: int
    keywords: tuple[tuple[str, float], ...]


_lock = threading.Lock()


@cache
def _tfidf() -> object:
    import jieba.analyse  # the IDF table loads once, on first use

    return jieba.analyse.TFIDF()


@cache
def _textrank() -> object:
    import jieba.analyse

    return jieba.analyse.TextRank()


def load_glossary(glossary: Glossary | None) -> set[str]:
    """Put the glossary's terms (and aliases' right-hand terms) in jieba's dictionary; returns them."""
    if not glossary:
        return set()
    tok = lexicon.tokenizer()
    terms = set(glossary.all_terms())
    with _lock:
        for t in terms:
            tok.add_word(t, freq=max(lexicon.word_freq().get(t) or 0, TERM_FREQ))
    return terms


def is_stop(word: str) -> bool:
    """A word that is never a topic: a filler, a stop-word, a number, one character."""
    w = word.strip()
    if len(w) < 2:  # 就/人/更: single characters are function words far more often than topics
        return True
    return w in SPOKEN_FILLERS or w.lower() in ENGLISH_STOP or bool(_JUNK.match(w))


def split_stretches(
    texts: Sequence[str], size: int = STRETCH_SEGMENTS, chars: int = STRETCH_CHARS
) -> list[tuple[int, int]]:
    """(start, end) runs of consecutive texts: at most ``size`` texts or about ``chars`` characters."""
    out: list[tuple[int, int]] = []
    start, length = 0, 0
    for n, text in enumerate(texts):
        if n > start and (n - start >= size or length + len(text) > chars):
            out.append((start, n))
            start, length = n, 0
        length += len(text)
    if start < len(texts):
        out.append((start, len(texts)))
    # A short tail has too few words to say anything on its own: fold it into the stretch before.
    if len(out) >= 2 and out[-1][1] - out[-1][0] < size // 3 and length < chars // 3:
        out[-2:] = [(out[-2][0], out[-1][1])]
    return out


def keywords(
    text: str, terms: set[str] | frozenset[str] = frozenset(), k: int = TOP_K, method: str = "tfidf"
) -> list[tuple[str, float]]:
    """The top ``k`` (word, score) of ``text``, fillers dropped, glossary ``terms`` boosted."""
    if method == "textrank":
        ranked = _textrank().textrank(  # type: ignore[attr-defined]
            text, topK=k * 4, withWeight=True, allowPOS=("n", "nr", "ns", "nt", "nz", "vn", "eng")
        )
        scores = {
            w: s * (GLOSSARY_BOOST if w in terms else 1.0) for w, s in ranked if w in terms or not is_stop(w)
        }
    elif method == "tfidf":
        tfidf = _tfidf()
        idf: dict[str, float] = tfidf.idf_freq  # type: ignore[attr-defined]
        median: float = tfidf.median_idf  # type: ignore[attr-defined]
        counts: dict[str, int] = {}
        for w in lexicon.tokenizer().cut(text):
            w = w.strip()
            if w and (w in terms or not is_stop(w)):
                counts[w] = counts.get(w, 0) + 1
        total = sum(counts.values()) or 1
        scores = {
            w: c / total * idf.get(w, median) * (GLOSSARY_BOOST if w in terms else 1.0)
            for w, c in counts.items()
            # A word said once in a stretch is noise unless the reviewer declared it.
            if c > 1 or w in terms
        }
    else:
        raise ValueError(f"unknown keyword method {method!r}")
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:k]


def suggest_topics(
    texts: Sequence[str],
    glossary: Glossary | None = None,
    *,
    k: int = TOP_K,
    size: int = STRETCH_SEGMENTS,
    chars: int = STRETCH_CHARS,
    method: str = "tfidf",
    progress: Progress | None = None,
) -> list[Stretch]:
    """Per stretch of ``texts`` (repaired segment texts, in order) its top ``k`` keywords.

    ``progress`` hears ("topics", stretches done, stretches) and may stop the work between them.
    """
    terms = load_glossary(glossary)
    out = []
    stretches = split_stretches(texts, size, chars)
    for n, (start, end) in enumerate(stretches):
        report(progress, "topics", n, len(stretches))
        words = keywords("\n".join(texts[start:end]), terms, k, method)
        if words:
            out.append(Stretch(start, end, tuple(words)))
    return out
