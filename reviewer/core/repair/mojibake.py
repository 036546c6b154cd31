"""Repair step 1: mojibake, including bytes the wrong decoding lost.

Two kinds of damage are recognised:

* UTF-8 read as a Windows code page (cp1252, cp1254, …): ``è¯é¢˜`` for 话题.
  A strict decoder drops the bytes its code page leaves undefined and a
  no-break space (0xA0) often ends up a plain space, so sequences come back
  short; :mod:`lost_bytes` restores them, choosing among the possible bytes
  with the dictionary language model in :mod:`char_lm`.  Double encoding is
  undone by decoding again while the result still looks like mojibake.
* UTF-8 read as GBK: ``浣犲ソ`` for 你好.

Clean text costs one regular-expression search per call.  Every candidate
run is verified by actually re-decoding it, and a run without a single
complete multi-byte character is repaired only when the rest of its line or
ftfy's mojibake heuristic vouches for it, so accented Latin, curly quotes and
real Chinese are left alone.  ftfy itself repairs what is left that our code
pages do not explain (MacRoman, cp437 …); it is not asked first because it
cannot restore lost bytes and guesses the 0xA0 ones worse.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from ftfy import TextFixerConfig, fix_text
from ftfy.badness import badness

from reviewer.core.repair import codepages
from reviewer.core.repair.base import Fix, run_text_step
from reviewer.core.repair.char_lm import (
    CONTEXTUAL,
    MAX_WORD,
    PUNCT,
    char_logp,
    is_cjk,
    is_emoji,
    score_text,
)
from reviewer.core.repair.lost_bytes import (
    ASCII,
    BYTE,
    SPACE,
    WILD,
    Arc,
    Bonus,
    Tok,
    best_path,
    build_arcs,
    paths_between,
    rank_readings,
)
from reviewer.core.transcript import Edit, Transcript

# ftfy settings that keep full-width CJK punctuation, curly quotes and ligatures.
FTFY_CONFIG = TextFixerConfig(uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False)

CERTAIN = 0.999  # a guess this sure gets no alternatives
MIN_ALT_SHARE = 0.001  # runners-up below this share are not worth showing
MAX_ALTERNATIVES = 4
WEAK_FACTOR = 0.7  # confidence scale for runs repaired on indirect evidence
PLAUSIBLE = -14.5  # char_logp a guessed character needs in a run without direct evidence
PLAUSIBLE_HANZI = -19.0  # a GBK reading may not contain hanzi rarer than this
MAX_DEPTH = 3  # layers of double encoding undone
BRACKET_BONUS = 4.0  # log-odds for a bracket whose partner is in the text
SPACE_BEFORE_LATIN = -1.0  # mixed text often spaces hanzi from Latin words and numbers
FTFY_CONFIDENCE = 0.8  # ftfy's repair of a run our code pages could not explain


def _cls(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _gbk_signal_chars() -> str:
    """GBK readings of a UTF-8 lead byte (E3..EF) plus its first continuation byte.

    Every UTF-8-read-as-GBK run of CJK text contains some; they are rare
    characters in real Chinese (and a hit is verified by re-decoding anyway).
    """
    out = []
    for a in range(0xE3, 0xF0):
        for b in range(0x80, 0xC0):
            try:
                out.append(bytes((a, b)).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return "".join(out)


_LEAD, _CONT, _HIGH = codepages.char_classes()
_HIGHX = _HIGH + "\ufffd"
_CP_SIGNAL_SRC = f"{_cls(_LEAD)}(?:{_cls(_CONT + chr(0xFFFD))}| {_cls(_CONT)})"
_GBK_SIGNAL = _gbk_signal_chars()
# The only thing clean text pays for: one search for either signal.
_PREFILTER = re.compile(f"{_CP_SIGNAL_SRC}|{_cls(_GBK_SIGNAL)}")
_CP_SIGNAL = re.compile(_CP_SIGNAL_SRC)
_GBK_SIGNAL_RE = re.compile(_cls(_GBK_SIGNAL))
# A run of code-page characters, single spaces inside it, and one trailing
# space (which may be a flattened 0xA0 completing the last character).
_CP_RUN = re.compile(f"{_cls(_HIGHX)}+(?: {_cls(_HIGHX)}+)* ?")
_HIGH_SET = frozenset(_HIGHX)
_OPEN_CLOSE = {"「": "」", "『": "』", "【": "】", "《": "》", "（": "）", "“": "”", "‘": "’", "〈": "〉"}
_PARTNER = {**_OPEN_CLOSE, **{c: o for o, c in _OPEN_CLOSE.items()}}


@dataclass
class _Run:
    start: int
    end: int
    toks: list[Tok]
    path: list[Arc]
    arcs: list[list[Arc]]
    left: str
    right: str
    strong: bool
    bonus: Bonus | None = None


def find_fixes(text: str) -> list[Fix]:
    """Mojibake repairs for ``text`` (offsets into it), sorted and non-overlapping."""
    if not text or _PREFILTER.search(text) is None:
        return []
    return _find(text, 0)


def _find(text: str, depth: int) -> list[Fix]:
    fixes: list[Fix] = []
    if _CP_SIGNAL.search(text):
        fixes = _codepage_fixes(text, depth)
        if depth == 0:
            fixes.extend(_ftfy_fixes(text, fixes))
    if _GBK_SIGNAL_RE.search(text):
        taken = [(f.start, f.end) for f in fixes]
        fixes.extend(f for f in _gbk_fixes(text) if not any(f.start < e and s < f.end for s, e in taken))
    fixes.sort(key=lambda f: f.start)
    return fixes


# ---------------------------------------------------------------- code pages


def _context_right(text: str, end: int) -> str:
    """Clean text after a run, up to the next run; the end of the text reads as a line end."""
    if end >= len(text):
        return "\n"
    out = []
    for ch in text[end : end + MAX_WORD]:
        if ch in _HIGH_SET:
            break
        out.append(ch)
    return "".join(out)


def _space_cost(text: str, pos: int, interior: bool) -> float:
    """Log prior of a real space at ``pos``: likely before Latin text, unlikely inside CJK."""
    nxt = text[pos + 1 : pos + 2]
    if not interior and nxt.isascii() and (nxt.isalnum() or nxt in "([\"'"):
        return SPACE_BEFORE_LATIN
    return -2.5


def _tokens(text: str, start: int, end: int, table: dict[str, int], lost: frozenset[int]) -> list[Tok]:
    toks: list[Tok] = []
    for i in range(start, end):
        ch = text[i]
        if ch == " ":
            toks.append(Tok(SPACE, 0x20, i - start, ch, space_cost=_space_cost(text, i, i + 1 < end)))
        elif ch == "\ufffd":
            toks.append(Tok(WILD, 0, i - start, ch, wild=lost))
        else:
            toks.append(Tok(BYTE, table[ch], i - start, ch))
    return toks


@cache
def _bracket_forms(ch: str) -> tuple[str, ...]:
    """A bracket as itself and as its complete code-page mojibake (none if a byte would be lost)."""
    forms = {ch}
    for cp in ("cp1252", "cp1254"):
        try:
            forms.add(ch.encode("utf-8").decode(cp))
        except UnicodeDecodeError:
            pass
    return tuple(forms)


class _Brackets:
    """Where each bracket of a pair occurs in a text, to favour the missing half of a pair.

    Lost bytes make 、」『』【 all readings of the same two characters, and
    an opener before the run (or a closer after it) is what tells them apart.
    """

    def __init__(self, text: str) -> None:
        self.at: dict[str, list[int]] = {}
        for pair in _OPEN_CLOSE.items():
            for ch in pair:
                forms = _bracket_forms(ch)
                pos = sorted(m.start() for f in forms for m in re.finditer(re.escape(f), text))
                if pos:
                    self.at[ch] = pos

    def _count(self, ch: str, lo: int, hi: int) -> int:
        pos = self.at.get(ch, [])
        return bisect_left(pos, hi) - bisect_left(pos, lo)

    def _bonus_at(self, ch: str, pos: int, size: int) -> float:
        other = _PARTNER.get(ch)
        if other is None:
            return 0.0
        if ch in _OPEN_CLOSE:  # an opener wants its closer still to come
            lo, hi = pos + 1, size
        else:  # a closer wants its opener already open
            lo, hi = 0, pos
        return BRACKET_BONUS if self._count(other, lo, hi) > self._count(ch, lo, hi) else 0.0

    def bonus(self, run_start: int, toks: list[Tok], size: int) -> Bonus:
        def at(ch: str, tok: int) -> float:
            return self._bonus_at(ch, run_start + toks[tok].src, size) if ch in _PARTNER else 0.0

        return at


def _is_strong(arc: Arc, source: str) -> bool:
    """Direct evidence: a complete multi-byte character that clean text would not spell, or 3+ bytes
    of an emoji."""
    if not arc.changes or len(arc.out) != 1:
        return False
    if not arc.guessed:
        return arc.real >= 2 and char_logp(arc.out) > -20.0 and not _looks_clean(source)
    return arc.real >= 3 and is_emoji(arc.out)


def _codepage_fixes(text: str, depth: int) -> list[Fix]:
    matches = [(m.start(), m.end()) for m in _CP_RUN.finditer(text)]
    high = {ch for s, e in matches for ch in text[s:e] if ch not in " \ufffd"}
    pages = codepages.fitting_codepages(high)
    brackets = _Brackets(text)
    runs: list[_Run] = []
    for s, e in matches:
        run_pages = pages or codepages.fitting_codepages({ch for ch in text[s:e] if ch not in " \ufffd"})
        if not run_pages:
            continue
        page = run_pages[0]
        lost = codepages.lost_bytes(page)
        if "\xad" in text:
            lost -= {codepages.SOFT_HYPHEN}  # soft hyphens survive here, so none were lost
        toks = _tokens(text, s, e, codepages.TABLES[page], lost)
        arcs = build_arcs(toks, lost)
        bonus = brackets.bonus(s, toks, len(text)) if brackets.at else None
        left = text[max(0, s - MAX_WORD) : s]
        right = _context_right(text, e)
        found = best_path(arcs, left, right, bonus)
        if found is None or not any(a.changes for a in found[0]):
            continue
        path = found[0]
        strong = any(_is_strong(a, text[s + toks[a.start].src : s + toks[a.end - 1].src + 1]) for a in path)
        runs.append(_Run(s, e, toks, path, arcs, left, right, strong, bonus))

    # Indirect evidence counts per line: in text where only some lines are
    # broken, a clean line's accented words stay as they are.
    newlines = [m.start() for m in re.finditer("\n", text)]
    evidence = {bisect_right(newlines, r.start) for r in runs if r.strong}
    fixes: list[Fix] = []
    for run in runs:
        scale = 1.0
        if not run.strong:
            if not _weak_run_ok(text, run, bisect_right(newlines, run.start) in evidence):
                continue
            scale = WEAK_FACTOR
        fixes.extend(_run_fixes(text, run, scale, depth))
    return fixes


# Punctuation that can follow a word in clean text: an accented letter followed
# by one of these ("café…", "Fuß“", "Café™") is no evidence of mojibake.
_WORD_END = frozenset("…–—”’“‘»«›‹•·™®©\u00a0")
_LEAD_SET = frozenset(_LEAD)
# What never follows a letter in clean text: the cp1252 symbols of the
# continuation range (¼ º ¦ ¯ Š € …) and C1 controls.  Letters of other code
# pages there (Cyrillic ё, Polish ś) are left out: they follow letters all the time.
_WEIRD_AFTER_LEAD = (
    frozenset(bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xC0)) - {""} - _WORD_END
) | frozenset(codepages.C1_CONTROLS)
_CONT_SET = frozenset(_CONT)
# Length of the UTF-8 sequence each lead character would start (cp1252 reading).
_SEQ_CHARS = {
    ch: codepages.seq_len(b) for ch, b in codepages.TABLES["cp1252"].items() if codepages.is_lead(b)
}


def _looks_clean(s: str) -> bool:
    """Could ``s`` be ordinary accented text?  False when a lead-byte letter is followed by a
    symbol that never follows a letter, or when Â/Ã is followed by any continuation character."""
    for i, ch in enumerate(s):
        if ch not in _LEAD_SET:
            continue
        # The characters that would be this lead byte's continuation bytes.
        for nxt in s[i + 1 : i + _SEQ_CHARS.get(ch, 2)]:
            if nxt not in _CONT_SET:
                break
            if nxt in _WEIRD_AFTER_LEAD or ch in "ÂÃ":
                return False
    return not any(ch == "\ufffd" or "\x80" <= ch <= "\x9f" for ch in s)


def _readable(s: str) -> bool:
    """What a repair without direct evidence may produce: hanzi that are not rare, CJK and common
    punctuation, emoji, Latin-1 letters.  (Anything else is likelier a wrong guess.)"""
    for ch in s:
        if is_cjk(ch):
            if char_logp(ch) < PLAUSIBLE:
                return False
        elif not (ch.isascii() or ch in PUNCT or is_emoji(ch) or ch in CONTEXTUAL or "\xc0" <= ch <= "\xff"):
            return False
    return True


def _weak_run_ok(text: str, run: _Run, line_evidence: bool) -> bool:
    """May a run with no direct evidence be repaired?"""
    if not all(_readable(a.out) for a in run.path if a.changes):
        return False
    seg = text[run.start : run.end]
    ctx = text[max(0, run.start - 1) : run.end + 1]
    if not _looks_clean(seg) or badness(ctx) > 0:
        return True
    # Only accented letters and word-final punctuation: repair them only on a
    # line that is mojibake elsewhere, and never as part of a Latin word.
    before = text[run.start - 1 : run.start]
    return line_evidence and not (before.isalpha() and not is_cjk(before))


def _readings(run: _Run, a: int, b: int) -> list[tuple[str, float]]:
    left_parts = [run.left] + [x.out for x in run.path if x.end <= a]
    right_parts = [x.out for x in run.path if x.start >= b] + [run.right]
    left = "".join(left_parts)[-MAX_WORD:]
    right = "".join(right_parts)[:MAX_WORD]
    return rank_readings(paths_between(run.arcs, a, b), left, right, run.bonus)


def _run_fixes(text: str, run: _Run, scale: float, depth: int) -> list[Fix]:
    """Split a decoded run into fixes: certain stretches, and each uncertain guess with its alternatives."""
    path = run.path
    layered = _decode_again(text, run, scale, depth)
    if layered is not None:
        return layered
    pieces: list[tuple[int, int, str, float, tuple[str, ...]]] = []  # token span, after, conf, alts
    i = 0
    while i < len(path):
        arc = path[i]
        if not arc.changes:
            i += 1
            continue
        if not arc.guessed:
            pieces.append((arc.start, arc.end, arc.out, 1.0, ()))
            i += 1
            continue
        # A plain space right after a guess joins it: another reading may use it as 0xA0.
        j = i + 1
        if j < len(path) and path[j].plain and path[j].out == " ":
            j += 1
        a, b = arc.start, path[j - 1].end
        ranked = _readings(run, a, b)
        i = j
        if not ranked:
            continue
        best, share = ranked[0]
        alts = tuple(t for t, p in ranked[1 : MAX_ALTERNATIVES + 1] if p >= MIN_ALT_SHARE)
        pieces.append((a, b, best, share, () if share >= CERTAIN else alts))

    # Neighbouring pieces without alternatives merge, so a run yields few, readable edits.
    merged: list[tuple[int, int, str, float, tuple[str, ...]]] = []
    for p in pieces:
        if merged and not p[4] and not merged[-1][4] and merged[-1][1] == p[0]:
            q = merged[-1]
            merged[-1] = (q[0], p[1], q[2] + p[2], min(q[3], p[3]), ())
        else:
            merged.append(p)

    toks = run.toks
    fixes: list[Fix] = []
    for a, b, after, conf, alts in merged:
        start = run.start + toks[a].src
        end = run.start + toks[b - 1].src + 1
        alts = tuple(x for x in alts if _clean_output(x) and x != after)
        # A space every reading keeps stays out of the fix.
        if end - start > 1 and text[end - 1] == " " and all(x.endswith(" ") for x in (after, *alts)):
            end -= 1
            after, alts = after[:-1], tuple(x[:-1] for x in alts)
        if after == text[start:end] or not _clean_output(after):
            continue
        fixes.append(Fix(start, end, after, round(conf * scale, 4), alts))
    return fixes


def _decode_again(text: str, run: _Run, scale: float, depth: int) -> list[Fix] | None:
    """Double-encoded text: if the run's reading still looks like mojibake, decode that too.

    The first layer may contain C1 controls and soft hyphens, which only the
    second layer turns into text, so this works on the run's whole reading.
    """
    once = "".join(a.out for a in run.path)
    if depth >= MAX_DEPTH or not _CP_SIGNAL.search(once):
        return None
    inner = _find(once, depth + 1)
    if not inner:
        return None
    twice = _apply(once, inner)
    if not _clean_output(twice) or _CP_SIGNAL.search(twice):
        return None
    seg = text[run.start : run.end]
    # Trim what both layers left as it was, so the fix covers only the broken part.
    lo = 0
    while lo < min(len(seg), len(twice)) and seg[lo] == twice[lo]:
        lo += 1
    hi = 0
    while hi < min(len(seg), len(twice)) - lo and seg[-1 - hi] == twice[-1 - hi]:
        hi += 1
    outer = 0.9 if any(a.guessed for a in run.path) else 1.0
    conf = min(f.confidence for f in inner) * outer * scale
    return [Fix(run.start + lo, run.end - hi, twice[lo : len(twice) - hi], round(conf, 4))]


def _apply(text: str, fixes: list[Fix]) -> str:
    out = []
    pos = 0
    for f in sorted(fixes, key=lambda f: f.start):
        out.append(text[pos : f.start])
        out.append(f.after)
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def _clean_output(s: str) -> bool:
    """A repair must not introduce replacement characters or C1 controls."""
    return not any(ch == "\ufffd" or "\x80" <= ch <= "\x9f" for ch in s)


# ---------------------------------------------------------------------- GBK


@cache
def _gb_bytes(ch: str) -> bytes | None:
    if ch == "\ufffd":
        return b""
    try:
        # gb18030 also maps GBK's user-defined rows (Unicode private use), so
        # text decoded with it comes back byte for byte.
        b = ch.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return b if len(b) == 2 else None


_WILD_ANY = frozenset(range(0x80, 0x100))


def _gbk_runs(text: str) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    last_end = 0
    for m in _GBK_SIGNAL_RE.finditer(text):
        if m.start() < last_end:
            continue
        s = m.start()
        while s > 0 and _gb_bytes(text[s - 1]) is not None:
            s -= 1
        e = m.end()
        while e < len(text) and _gb_bytes(text[e]) is not None:
            e += 1
        runs.append((s, e))
        last_end = e
    return runs


def _gbk_plausible(ch: str) -> bool:
    """What a Chinese text decodes to: ASCII, known hanzi, CJK punctuation, emoji."""
    if ch.isascii():
        return True
    if is_cjk(ch):
        return char_logp(ch) > PLAUSIBLE_HANZI
    return ch in PUNCT or is_emoji(ch) or ch in CONTEXTUAL


def _gbk_fixes(text: str) -> list[Fix]:
    fixes: list[Fix] = []
    for s, e in _gbk_runs(text):
        raw = [_gb_bytes(ch) or b"" for ch in text[s:e]]
        if _mostly_invalid(b"".join(raw), e - s):
            continue  # real Chinese: its GBK bytes are not UTF-8 (this check is cheap, the lattice is not)
        toks: list[Tok] = []
        for i, b in enumerate(raw):
            if not b:  # U+FFFD: one byte GBK could not map
                toks.append(Tok(WILD, 0, i, text[s + i], wild=_WILD_ANY))
            for k, byte in enumerate(b):
                toks.append(Tok(BYTE if byte >= 0x80 else ASCII, byte, i, text[s + i] if k == 0 else ""))
        fix = _gbk_fix(text, s, e, toks)
        if fix is not None:
            fixes.append(fix)
    return fixes


def _mostly_invalid(data: bytes, n_chars: int) -> bool:
    """More broken UTF-8 in ``data`` than a GBK reading's lost bytes explain."""
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    return bad > 2 + n_chars // 4


def _gbk_fix(text: str, s: int, e: int, toks: list[Tok]) -> Fix | None:
    """Decode one GBK run's bytes as UTF-8 and keep the reading if it is far more plausible."""
    arcs = build_arcs(toks, frozenset(), allow_keep=False, allow_drop=True)
    left = text[max(0, s - MAX_WORD) : s]
    right = text[e : e + MAX_WORD] or "\n"
    found = best_path(arcs, left, right)
    if found is None:
        return None
    path, score = found
    decoded = "".join(a.out for a in path)
    if e - s < 2 or not any(ord(ch) >= 0x80 for ch in decoded) or not all(map(_gbk_plausible, decoded)):
        return None
    # Real Chinese almost never re-decodes at all; when it does, the reading
    # must be far more plausible than the original to be taken.
    gain = score - score_text(left + text[s:e] + right[:MAX_WORD])
    if gain < max(8.0, 2.0 * len(decoded)):
        return None
    conf = 0.5 if any(not a.out for a in path) else 1.0  # bytes given up
    alts: tuple[str, ...] = ()
    run = _Run(s, e, toks, path, arcs, left, right, True)
    worst = 1.0
    # The least certain guessed character sets the confidence and offers its runners-up.
    for g in (a for a in path if a.guessed and a.out):
        ranked = _readings(run, g.start, g.end)
        if ranked and ranked[0][1] < worst:
            worst = ranked[0][1]
            pre = "".join(a.out for a in path if a.end <= g.start)
            post = "".join(a.out for a in path if a.start >= g.end)
            alts = tuple(pre + t + post for t, p in ranked[1 : MAX_ALTERNATIVES + 1] if p >= MIN_ALT_SHARE)
    return Fix(s, e, decoded, round(conf * worst, 4), alts)


# ------------------------------------------------------------------- ftfy


def _ftfy_fixes(text: str, done: list[Fix]) -> list[Fix]:
    """Runs the code-page decoder left alone but that still look broken: ask ftfy.

    ftfy knows encodings outside our tables (MacRoman, cp437 …).  It is not
    asked first because on lost bytes it guesses worse (it reads a trailing
    space after a broken emoji as 0xA0: 👠 for 👍 + space).
    """
    out: list[Fix] = []
    for m in _CP_RUN.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] == " ":
            e -= 1
        if e - s < 2 or any(f.start < e and s < f.end for f in done):
            continue
        run = text[s:e]
        if _looks_clean(run) and badness(text[max(0, s - 1) : e + 1]) == 0:
            continue
        if any("\x80" <= ch <= "\x9f" for ch in run):
            continue  # stray C1 controls are the normalization step's to remove
        fixed = fix_text(run, FTFY_CONFIG)
        if (
            fixed != run
            and _readable(fixed)
            and not _CP_SIGNAL.search(text[max(0, s - 1) : s] + fixed + text[e : e + 1])
            and score_text(fixed) > score_text(run)
        ):
            out.append(Fix(s, e, fixed, FTFY_CONFIDENCE))
    return out


class MojibakeStep:
    """Pipeline step: repair mojibake in every segment."""

    name = "mojibake"

    def run(self, transcript: Transcript) -> list[Edit]:
        return run_text_step(transcript, "mojibake", find_fixes)
