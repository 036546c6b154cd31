"""Decode a run of mojibake back to UTF-8 when some of its bytes were lost.

A run is turned into tokens, one byte each: a known byte, a space (a real
space or the 0xA0 byte a no-break space was flattened from), or a wildcard
(a U+FFFD standing for one unknown byte).  From every token a set of arcs
leads on: a decoded character (a lead byte with its continuation bytes, any
missing ones filled in from the bytes the code page could not represent), a
plain space, or the original character kept as it is.  A beam search over the
arcs, scored by :mod:`char_lm` in context, picks the reading; for every
stretch of guessed characters the runner-up readings of the same span are
scored too, which gives the repair's confidence and alternatives.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.repair.char_lm import CONTEXTUAL, IMPOSSIBLE, MAX_WORD, LMState, char_logp, score_text
from reviewer.core.repair.codepages import is_cont, is_lead, seq_len

BYTE, SPACE, WILD, ASCII = 0, 1, 2, 3

A0_PENALTY = math.log(0.5)  # a space stood for 0xA0: it happens about as often as not
KEEP_PENALTY = -3.0  # per character left as it is (on top of its own prior)
MAX_LOST = 2  # lost bytes per character we try to restore
BEAM = 8
MARGIN = 12.0  # hypotheses this far behind the best at a position are dropped
MAX_CANDIDATES = 4096  # byte combinations tried for one character (two wildcards)
DROP_PENALTY = -15.0  # a byte that fits nowhere, given up (GBK runs only)
MAX_ALT_PATHS = 400
# The dictionary model is overconfident (it has never seen most contexts), so
# shares of the readings are taken from its scores flattened by this factor.
TEMPERATURE = 2.0
MAX_ARCS = 16  # readings kept per position (a wildcard byte opens up to 64)
PRUNE_BELOW = 8.0  # readings whose prior is this far below the best one are not considered
PLAUSIBLE_DECODE = -22.0  # below this, keeping the original characters is an option too


@dataclass(frozen=True, slots=True)
class Tok:
    kind: int
    byte: int  # BYTE/ASCII: the byte value
    src: int  # index of the source character in the run
    char: str  # the source character ('' for the 2nd byte of a double-byte character)
    wild: frozenset[int] = frozenset()  # WILD: bytes it may stand for
    space_cost: float = 0.0  # SPACE: log prior of a real space here


@dataclass(frozen=True, slots=True)
class Arc:
    start: int
    end: int
    out: str
    guessed: bool = False  # used a lost byte, a wildcard or a space read as 0xA0
    keep: bool = False  # the original character(s), unchanged
    plain: bool = False  # a real space or ASCII byte, unchanged
    real: int = 0  # known bytes that went into a decoded character
    penalty: float = 0.0

    @property
    def changes(self) -> bool:
        return not (self.keep or self.plain)


def _cont_choices(t: Tok) -> tuple[int, ...] | None:
    """Byte values a token can take as a continuation byte, or None."""
    if t.kind == BYTE:
        return (t.byte,) if is_cont(t.byte) else None
    if t.kind == SPACE:
        return (0xA0,)
    if t.kind == WILD:
        vals = tuple(b for b in sorted(t.wild) if is_cont(b))
        return vals or None
    return None


def _lead_choices(t: Tok) -> tuple[int, ...]:
    if t.kind == BYTE:
        return (t.byte,) if is_lead(t.byte) else ()
    if t.kind == WILD:
        return tuple(b for b in sorted(t.wild) if is_lead(b))
    return ()


def build_arcs(
    toks: list[Tok], lost: frozenset[int], allow_keep: bool = True, allow_drop: bool = False
) -> list[list[Arc]]:
    """All arcs leaving each token position.

    ``allow_keep``: a character may stay as it is (code-page runs, where the
    run's characters are the text's own).  ``allow_drop``: a byte may be given
    up (GBK runs, whose characters straddle UTF-8 ones, so nothing can be kept).
    """
    n_tok = len(toks)
    lost_vals = tuple(sorted(lost))
    arcs: list[list[Arc]] = [[] for _ in range(n_tok)]
    for i, t in enumerate(toks):
        out = arcs[i]
        if t.kind == SPACE:
            out.append(Arc(i, i + 1, " ", plain=True, penalty=t.space_cost))
        elif t.kind == ASCII:
            out.append(Arc(i, i + 1, chr(t.byte), plain=True))
        decoded = _prune(_decode_arcs(toks, i, lost_vals))
        out.extend(decoded)
        # Keeping a character as it is only competes where decoding is doubtful:
        # a stray continuation byte, or a lead byte whose readings are all implausible.
        if allow_keep and t.char and t.kind in (BYTE, WILD):
            best_prior = max((_prior(a.out) for a in decoded), default=IMPOSSIBLE)
            if best_prior < PLAUSIBLE_DECODE:
                end = i + 1
                while end < n_tok and toks[end].src == t.src:
                    end += 1
                out.append(Arc(i, end, t.char, keep=True, penalty=KEEP_PENALTY))
        if allow_drop and t.kind in (BYTE, WILD) and not decoded:
            out.append(Arc(i, i + 1, "", guessed=True, penalty=DROP_PENALTY))
    return arcs


def _prior(ch: str) -> float:
    # Joiners and selectors are judged in context by the language model.
    return 0.0 if ch in CONTEXTUAL else char_logp(ch)


def _prune(found: list[Arc]) -> list[Arc]:
    """Drop readings that cannot occur, and ones far less likely than the best reading."""
    if len(found) <= 1:
        return [a for a in found if _prior(a.out) > IMPOSSIBLE]
    ranked = sorted(((_prior(a.out), a) for a in found), key=lambda x: -x[0])
    floor = max(ranked[0][0] - PRUNE_BELOW, IMPOSSIBLE + 1.0)
    return [a for p, a in ranked[:MAX_ARCS] if p >= floor]


def _decode_arcs(toks: list[Tok], i: int, lost_vals: tuple[int, ...]) -> list[Arc]:
    """Every character a lead byte at ``i`` can start, with its missing bytes filled in."""
    t = toks[i]
    if t.kind not in (BYTE, WILD) or (t.kind == BYTE and not is_lead(t.byte)):
        return []
    # The readings depend only on the lead and the tokens its sequence can
    # reach, which repeat all through a text (the same characters recur), so
    # they are cached.
    reach = seq_len(t.byte) if t.kind == BYTE else 4
    sig = tuple((x.kind, x.byte, x.wild) for x in toks[i : i + reach])
    readings = _readings_for(sig, lost_vals)
    return [Arc(i, i + 1 + k, out, gs, False, False, real, pen) for out, k, gs, real, pen in readings]


@lru_cache(maxsize=16384)
def _readings_for(
    sig: tuple[tuple[int, int, frozenset[int]], ...], lost_vals: tuple[int, ...]
) -> tuple[tuple[str, int, bool, int, float], ...]:
    """(character, continuation tokens used, guessed, known bytes, penalty) for a token signature."""
    toks = [Tok(kind, byte, 0, "", wild) for kind, byte, wild in sig]
    found: dict[tuple[str, int], tuple[str, int, bool, int, float]] = {}
    for lead in _lead_choices(toks[0]):
        need = seq_len(lead) - 1
        avail: list[tuple[int, ...]] = []
        kinds: list[int] = []
        j = 1
        while j < len(toks) and len(avail) < need:
            ch = _cont_choices(toks[j])
            if ch is None:
                break
            avail.append(ch)
            kinds.append(toks[j].kind)
            j += 1
        for k in range(len(avail), -1, -1):
            if k < len(avail) and kinds[k] == BYTE:
                continue  # would strand a known continuation byte
            missing = need - k
            if missing > MAX_LOST or (missing and not lost_vals):
                continue
            used = avail[:k]
            n_a0 = sum(1 for kd in kinds[:k] if kd == SPACE)
            guessed = missing > 0 or n_a0 > 0 or any(kd == WILD for kd in kinds[:k])
            real = 1 + sum(1 for kd in kinds[:k] if kd == BYTE)
            penalty = A0_PENALTY * n_a0
            for slots in itertools.combinations(range(need), missing):
                choice_lists: list[tuple[int, ...]] = []
                it = iter(used)
                for s in range(need):
                    choice_lists.append(lost_vals if s in slots else next(it))
                if math.prod(len(c) for c in choice_lists) > MAX_CANDIDATES:
                    continue
                for combo in itertools.product(*choice_lists):
                    try:
                        ch_out = bytes((lead, *combo)).decode("utf-8")
                    except UnicodeDecodeError:
                        continue
                    prev = found.get((ch_out, k))
                    if prev is None or prev[4] < penalty:
                        found[(ch_out, k)] = (ch_out, k, guessed, real, penalty)
    return tuple(found.values())


class _Hyp:
    __slots__ = ("arc", "back", "lm", "pen", "total")

    def __init__(self, lm: LMState, pen: float, back: _Hyp | None, arc: Arc | None) -> None:
        self.lm = lm
        self.pen = pen
        self.back = back
        self.arc = arc
        self.total = lm.score + pen


# Extra log-odds for a character read at a token position (bracket pairing).
Bonus = Callable[[str, int], float]


def _push(st: LMState, arc: Arc, bonus: Bonus | None) -> LMState:
    for ch in arc.out:
        st = st.push(ch, bonus(ch, arc.start) if bonus else 0.0)
    return st


def best_path(
    arcs: list[list[Arc]], left: str, right: str, bonus: Bonus | None = None
) -> tuple[list[Arc], float] | None:
    """The highest-scoring arc path over all tokens, in context; None if there is none."""
    n_tok = len(arcs)
    start = _Hyp(LMState().extend(left[-MAX_WORD:]), 0.0, None, None)
    buckets: list[dict[str, _Hyp]] = [{} for _ in range(n_tok + 1)]
    buckets[0][start.lm.tail] = start
    for i in range(n_tok):
        bucket = buckets[i]
        if not bucket:
            continue
        hyps = sorted(bucket.values(), key=lambda h: h.total, reverse=True)[:BEAM]
        floor = hyps[0].total - MARGIN
        buckets[i] = {}
        for h in hyps:
            if h.total < floor:
                break
            for arc in arcs[i]:
                st = _push(h.lm, arc, bonus)
                nh_total = st.score + h.pen + arc.penalty
                target = buckets[arc.end]
                old = target.get(st.tail)
                if old is None or old.total < nh_total:
                    target[st.tail] = _Hyp(st, h.pen + arc.penalty, h, arc)
    final = buckets[n_tok]
    if not final:
        return None
    best: _Hyp | None = None
    best_score = -math.inf
    for h in final.values():
        sc = h.lm.extend(right[:MAX_WORD]).score + h.pen
        if sc > best_score:
            best, best_score = h, sc
    path: list[Arc] = []
    node = best
    while node is not None and node.arc is not None:
        path.append(node.arc)
        node = node.back
    path.reverse()
    return path, best_score


def paths_between(arcs: list[list[Arc]], a: int, b: int, limit: int = MAX_ALT_PATHS) -> list[list[Arc]]:
    """Arc paths (no kept characters) from token ``a`` to token ``b``, at most ``limit``."""
    out: list[list[Arc]] = []
    stack: list[tuple[int, list[Arc]]] = [(a, [])]
    while stack and len(out) < limit:
        pos, path = stack.pop()
        if pos == b:
            out.append(path)
            continue
        for arc in arcs[pos]:
            if not arc.keep and arc.end <= b:
                stack.append((arc.end, [*path, arc]))
    return out


def rank_readings(
    candidates: Iterable[list[Arc]], left: str, right: str, bonus: Bonus | None = None
) -> list[tuple[str, float]]:
    """(reading, probability share) of each distinct candidate path, best first."""
    paths = list(candidates)
    if len({tuple(a.out for a in p) for p in paths}) == 1:
        return [("".join(a.out for a in paths[0]), 1.0)]
    base = LMState().extend(left[-MAX_WORD:])
    scores: dict[str, float] = {}
    for path in paths:
        text = "".join(a.out for a in path)
        st = base
        for arc in path:
            st = _push(st, arc, bonus)
        st = st.extend(right[:MAX_WORD])
        sc = st.score + sum(a.penalty for a in path)
        if sc > scores.get(text, -math.inf):
            scores[text] = sc
    if not scores:
        return []
    top = max(scores.values())
    weights = {t: math.exp((s - top) / TEMPERATURE) for t, s in scores.items()}
    z = sum(weights.values())
    return sorted(((t, w / z) for t, w in weights.items()), key=lambda x: -x[1])


def reading_shares(left: str, readings: Sequence[str], right: str) -> list[float]:
    """How likely each of ``readings`` is between ``left`` and ``right``, as shares summing to
    1, by the model and temperature a lost-byte repair chose its reading with: the scores a
    reviewer weighs alternatives by."""
    if not readings:
        return []
    left, right = left[-MAX_WORD:], right[:MAX_WORD]
    scores = [score_text(left + r + right) for r in readings]
    top = max(scores)
    weights = [math.exp((sc - top) / TEMPERATURE) for sc in scores]
    total = sum(weights)
    return [w / total for w in weights]
