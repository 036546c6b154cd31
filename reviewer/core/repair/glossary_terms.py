"""Glossary correction: homophone recognition errors → the reviewer's terms.

Three kinds of match, each an Edit of kind "glossary":
- explicit aliases (``偶拍 => OpenAI``): exact text, applied;
- Chinese terms: a window that sounds like the term (same fuzzy pinyin class
  per character, see pinyin_keys) but is written differently.  A window that
  is itself a dictionary word is a real word, not an error, and one that cuts
  through a dictionary word (jieba, with the terms added) must make its
  neighbourhood much likelier under jieba's model to count;
- Latin terms (``ChatGPT``): a near spelling (``Chag GT``), offered as a
  suggestion only, since English text is full of near-misses.
Only matches at or above APPLY_THRESHOLD are applied; the rest stay suggestions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz, process

from reviewer.core import lexicon
from reviewer.core.glossary import Glossary
from reviewer.core.repair.base import Fix, run_text_step
from reviewer.core.repair.pinyin_keys import char_similarity, is_han, sound_key
from reviewer.core.transcript import Edit, Transcript

APPLY_THRESHOLD = 0.85
ALIAS_CONFIDENCE = 0.95
SUGGEST_THRESHOLD = 0.6
LATIN_MIN_RATIO = 75.0
# The replacement must make its neighbourhood likelier under jieba's model; by
# a wide margin where the window cuts through a real word (是非书 → 是飞书).
CONTEXT = 6
TERM_FREQ = 1000
MIN_GAIN_ALIGNED = 0.0
MIN_GAIN_UNALIGNED = 3.0
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.+\-]*[A-Za-z0-9+]|[A-Za-z]")


@dataclass(frozen=True)
class _Latin:
    term: str
    norm: str


def _latin_norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


class GlossaryMatcher:
    def __init__(self, glossary: Glossary) -> None:
        self.aliases = dict(sorted(glossary.aliases.items(), key=lambda kv: -len(kv[0])))
        terms = glossary.all_terms()
        tok = lexicon.tokenizer()
        # Dictionary words before the glossary is added: the real-word guard.
        self._known = {w for w in terms if lexicon.is_word(w)}
        for t in terms:
            # So segmentation keeps the terms whole, and the model knows a term the
            # reviewer declared is a word as common as a common word.
            tok.add_word(t, freq=max(lexicon.word_freq().get(t) or 0, TERM_FREQ))
        han_terms = [t for t in terms if sum(map(is_han, t)) >= 2]
        self._by_key: dict[str, list[str]] = {}
        for t in han_terms:
            self._by_key.setdefault(sound_key(t), []).append(t)
        keys = sorted(self._by_key, key=len, reverse=True)
        self._key_re = re.compile("|".join(map(re.escape, keys))) if keys else None
        self._alias_re = re.compile("|".join(map(re.escape, self.aliases))) if self.aliases else None
        self._latin_memo: dict[str, bool] = {}
        self._latin = [
            _Latin(t, _latin_norm(t)) for t in terms if not any(map(is_han, t)) and len(_latin_norm(t)) >= 4
        ]

    # -- the three kinds of match -------------------------------------------------
    def _alias_fixes(self, text: str) -> list[Fix]:
        if self._alias_re is None:
            return []
        return [
            Fix(m.start(), m.end(), self.aliases[m.group()], ALIAS_CONFIDENCE)
            for m in self._alias_re.finditer(text)
        ]

    def _han_fixes(self, text: str) -> list[Fix]:
        if self._key_re is None:
            return []
        fixes: list[Fix] = []
        bounds: set[int] | None = None
        for m in self._key_re.finditer(sound_key(text)):
            window = text[m.start() : m.end()]
            candidates = self._by_key[m.group()]
            if window in candidates:
                continue
            if lexicon.is_word(window, min_freq=3) and window not in self._known:
                continue  # a real word, not a misrecognition
            scored = sorted(
                ((sum(map(char_similarity, window, t)) / len(t), t) for t in candidates), reverse=True
            )
            score, best = scored[0]
            if score < SUGGEST_THRESHOLD:
                continue
            if bounds is None:
                bounds = _token_bounds(text)
            aligned = m.start() in bounds and m.end() in bounds
            if _context_gain(text, m.start(), m.end(), best) <= (
                MIN_GAIN_ALIGNED if aligned else MIN_GAIN_UNALIGNED
            ):
                continue
            fixes.append(
                Fix(
                    m.start(),
                    m.end(),
                    best,
                    score,
                    tuple(t for _, t in scored[1:]),
                    applied=score >= APPLY_THRESHOLD,
                )
            )
        return fixes

    def _latin_fixes(self, text: str) -> list[Fix]:
        if not self._latin:
            return []
        words = list(_LATIN_WORD.finditer(text))
        if not words:
            return []
        norms = [lt.norm for lt in self._latin]
        fixes: list[Fix] = []
        spans = [(w.start(), w.end()) for w in words]
        # Two words a space apart may be one term split by the recogniser.
        exact = {lt.norm for lt in self._latin}
        spans += [
            (a.start(), b.end())
            for a, b in pairwise(words)
            if text[a.end() : b.start()] == " "
            and min(len(a.group()), len(b.group())) >= 2
            and not {_latin_norm(a.group()), _latin_norm(b.group())} & exact
        ]
        for s, e in spans:
            window = text[s:e]
            norm = _latin_norm(window)
            hit = process.extractOne(norm, norms, scorer=fuzz.ratio, score_cutoff=LATIN_MIN_RATIO)
            if hit is None:
                continue
            term = self._latin[hit[2]].term
            if window == term or not 0.75 <= len(norm) / len(hit[0]) <= 1.34:
                continue
            if norm == hit[0] and window.lower() == term.lower():
                continue  # only letter case differs: house style, not an error
            fixes.append(Fix(s, e, term, hit[1] / 100 * 0.8, applied=False))
        return fixes

    def worth_a_look(self, joined: str) -> list[int]:
        """Positions in the "\n"-joined segments where a match may start (see run_text_step)."""
        spots: list[int] = []
        if self._alias_re is not None:
            spots += [m.start() for m in self._alias_re.finditer(joined)]
        if self._key_re is not None:
            spots += [m.start() for m in self._key_re.finditer(sound_key(joined))]
        if self._latin:
            spots += [m.start() for m in _LATIN_WORD.finditer(joined) if self._near_latin(m.group())]
        return spots

    def _near_latin(self, word: str) -> bool:
        """Could this word be (part of) a misspelt Latin term?  Memoised: words repeat."""
        hit = self._latin_memo.get(word)
        if hit is None:
            norm = _latin_norm(word)
            hit = len(norm) >= 2 and any(
                fuzz.partial_ratio(norm, lt.norm) >= LATIN_MIN_RATIO for lt in self._latin
            )
            self._latin_memo[word] = hit
        return hit

    def find_fixes(self, text: str) -> list[Fix]:
        found = self._alias_fixes(text) + self._han_fixes(text) + self._latin_fixes(text)
        # Keep the best of overlapping matches; aliases come first and win ties.
        found.sort(key=lambda f: -f.confidence)
        kept: list[Fix] = []
        for f in found:
            if all(f.end <= k.start or k.end <= f.start for k in kept):
                kept.append(f)
        return kept


def _context_gain(text: str, start: int, end: int, term: str) -> float:
    a, b = max(0, start - CONTEXT), end + CONTEXT
    before = text[a:b]
    after = text[a:start] + term + text[end:b]
    return lexicon.sentence_log_prob(after) - lexicon.sentence_log_prob(before)


def _token_bounds(text: str) -> set[int]:
    bounds = {0}
    pos = 0
    for tok in lexicon.tokenizer().cut(text, HMM=False):
        pos += len(tok)
        bounds.add(pos)
    return bounds


class GlossaryStep:
    name = "glossary"

    def __init__(self, glossary: Glossary) -> None:
        self.matcher = GlossaryMatcher(glossary)

    def run(self, transcript: Transcript) -> list[Edit]:
        return run_text_step(transcript, "glossary", self.matcher.find_fixes, self.matcher.worth_a_look)
