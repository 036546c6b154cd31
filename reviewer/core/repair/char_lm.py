"""A small language model for choosing among candidate characters in context.

Chinese is scored by the best segmentation into jieba dictionary words (the
same unigram word model jieba segments with), so a candidate wins when it
forms real words with its neighbours; a character on its own is scored by
its dictionary count mixed with its document frequency from jieba's
keyword-extraction data.  Everything else gets a prior by kind:
common CJK and Western punctuation, popular emoji, letters of other scripts;
characters that never occur in running text (unassigned, private use,
controls, stray format characters) are all but ruled out.

Scores are natural-log probabilities on jieba's scale (a frequent character
alone is about -5, a rare one -15), so priors and words mix directly.
"""

from __future__ import annotations

import importlib.resources
import math
import unicodedata
from functools import cache

from reviewer.core import lexicon

MAX_WORD = 5  # longest dictionary word looked up; longer ones add little here
IMPOSSIBLE = -60.0  # a character that does not occur in text
C1_LOGP = -12.0  # a C1 control: only ever the middle layer of double encoding
SPACE_AFTER_CJK = -3.5  # a real space right after a hanzi (Chinese rarely has one)
FLOOR = -20.0  # a CJK character jieba has never seen

# Priors for punctuation and symbols that turn up in Chinese chat and
# transcripts.  Hand-set to sit among the word scores (a common character
# alone is about -5..-8).
PUNCT: dict[str, float] = {
    ch: lp
    for lp, chars in (
        (-4.0, "，"),
        (-4.5, "。"),
        (-6.0, "、？！"),
        (-6.5, "“”"),
        (-7.0, "：’"),
        (-7.5, "（）《》—…"),
        (-8.0, "；"),
        (-8.5, "‘"),
        (-9.0, "「」–·～\u00a0"),
        (-9.5, "【】％"),
        (-10.0, "•→★✔✅❌™＂／．"),
        (-11.0, "『』〈〉〜\u3000℃°×←↑↓☆✓€£¥©®＇－＃＆＊＋＝＠［］｜＜＞"),
        (-12.0, "÷±‰｛｝＿＾＄"),
        (-13.0, "｀"),
    )
    for ch in chars
}

# Popular emoji, most used first (after Unicode's published emoji frequency
# list), then others common in chat.  Only a prior for choosing among the
# few emoji a lost byte leaves open; any assigned emoji still scores well.
POPULAR_EMOJI = (
    "😂❤🤣👍😭🙏😘🥰😍😊🎉😁💕🥺😅🔥☺🤦♥🤷🙄😆🤗😉🎂🤔👏🙂😳🥳😎👌💜😔💪✨💖👀😋😏😢👉💗😩💯🌹💞🎈💙"
    "😃😡💐😜🙈🤞😄🤤🙌🤪❣😀💋💀👇💔😌💓🤩🙃😬😱😴🤭😐🌞😒😇🌸😈🎶✌🎊🥵😞💚☀🖤💰😚👑🎁💥🙋☹😑🥴👈"
    "💩✅👋🤮😤🤢🌟❗😥🌈💛😝😫😲🖕‼🔴🌻🤯💃👊🤬🏃😕➡💫🚀💡🎬🎥📚🤖💻🎮🎵🎧☕🍵✔🤝📈🧐🤓😶🥲😮🙀"
    "👎🎯📸🌱🍀🐶🐱🍕🍻🥂🏆⚡💬📝🔍💼🎨🎤🌍⭐❄🌙❓❔❕⚠☁☔⛄✈⏰⌛⚽♻✏✂📌📍🔑🔔💤💦💨🌊🍎🍜🍔🍰🍫"
    "🍺🍷🍞🌺🌼🍁🐼🦄🤑🤠🤡🥱🥶🫡🫶👆👂👶🙆🙅🙇💁📱📷📺🎓🧠💎🛠🔧🧩🪄🌶📊📉🗓⏳🎞🍿🥤🧋"
)
EMOJI_RANK: dict[str, int] = {}
for _i, _e in enumerate(POPULAR_EMOJI):
    EMOJI_RANK.setdefault(_e, _i)

ZWJ = "\u200d"
VS16 = "\ufe0f"
SKIN_TONES = frozenset(chr(c) for c in range(0x1F3FB, 0x1F400))


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F


# Blocks of pictographs that chat uses as emoji (Unicode's own emoji property
# is not in unicodedata).  Alchemical symbols, geometric shapes, arrows and
# legacy computing glyphs next to them are not.
_EMOJI_BLOCKS = (
    (0x1F300, 0x1F5FF),  # misc symbols and pictographs
    (0x1F600, 0x1F64F),  # emoticons
    (0x1F680, 0x1F6FF),  # transport and map
    (0x1F7E0, 0x1F7EB),  # coloured circles and squares
    (0x1F900, 0x1F9FF),  # supplemental symbols and pictographs
    (0x1FA70, 0x1FAFF),  # symbols and pictographs extended-A
    (0x2600, 0x27BF),  # misc symbols, dingbats
)


def is_emoji(ch: str) -> bool:
    """Pictographic characters (what a chat puts between words)."""
    if ch in EMOJI_RANK:
        return True
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _EMOJI_BLOCKS) and unicodedata.category(ch) == "So"


@cache
def _freq_total() -> tuple[dict[str, int], float]:
    return lexicon.word_freq(), float(lexicon.total())


@cache
def _char_idf() -> dict[str, float]:
    """Inverse document frequency of single characters, from jieba's keyword-extraction data.

    It is counted over documents rather than words, so it rates characters that
    are common in everyday writing (像, 吗, 发) closer to how chat uses them than
    the dictionary's word counts alone.
    """
    out: dict[str, float] = {}
    path = importlib.resources.files("jieba").joinpath("analyse/idf.txt")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if len(line) > 2 and line[1] == " ":
                out[line[0]] = float(line[2:])
    return out


IDF_MISSING = 14.0  # a little above the rarest listed character
IDF_OFFSET = 6.0  # puts -idf on the scale of log word probabilities


@cache
def char_logp(ch: str) -> float:
    """Context-free log prior of one character."""
    if is_cjk(ch):
        freq, total = _freq_total()
        # Half the dictionary's count of the character as a word, half its
        # document frequency: each alone misjudges characters the other gets right.
        word = math.log(max(freq.get(ch) or 0, 0.5) / total)
        doc = -_char_idf().get(ch, IDF_MISSING) - IDF_OFFSET
        return max(0.5 * word + 0.5 * doc, FLOOR)
    if ch in PUNCT:
        return PUNCT[ch]
    o = ord(ch)
    if o < 0x80:
        if ch.isprintable() or ch in "\t\n":
            return -4.0
        return IMPOSSIBLE
    if ch in EMOJI_RANK:
        return -6.5 - 0.03 * EMOJI_RANK[ch]
    if o <= 0x9F or o == 0xAD:
        # A C1 control or soft hyphen is the middle layer of double-encoded
        # text; a C1 control never survives into a fix.
        return C1_LOGP
    cat = unicodedata.category(ch)
    if cat in ("Cn", "Co", "Cs", "Cc") or 0xFDD0 <= o <= 0xFDEF or (o & 0xFFFE) == 0xFFFE:
        return IMPOSSIBLE
    if cat in ("Cf", "Mn", "Me", "Mc") or 0xFE00 <= o <= 0xFE0F or 0x1F3FB <= o <= 0x1F3FF:
        # Joiners, selectors and modifiers only make sense after an emoji; see pair_logp.
        return IMPOSSIBLE
    if is_emoji(ch):
        return -13.0
    for lo, hi, lp in _BLOCK_PRIORS:
        if lo <= o <= hi:
            return lp
    if cat.startswith("P") or cat.startswith("N"):
        return -13.0
    if cat == "So" and 0x2190 <= o <= 0x2BFF:  # arrows, shapes, dingbats
        return -14.0
    if cat.startswith("S"):
        return -16.0
    if cat == "Zs":
        return -20.0
    return -17.0


# Letters by block.  A two-byte UTF-8 decode lands in U+0080..U+07FF, where
# Latin, Greek and Cyrillic mojibake is common but Armenian, Syriac, Thaana
# or NKo out of a Windows code page almost always means the text was clean
# (e.g. German "ß“" would decode to an NKo letter).
_BLOCK_PRIORS: tuple[tuple[int, int, float], ...] = (
    (0x00C0, 0x024F, -10.0),  # Latin-1 and Latin Extended letters
    (0x0250, 0x02FF, -20.0),  # IPA, spacing modifiers
    (0x0370, 0x03FF, -12.0),  # Greek
    (0x0400, 0x045F, -12.0),  # basic Cyrillic
    (0x0460, 0x052F, -22.0),  # historic Cyrillic
    (0x0530, 0x058F, -25.0),  # Armenian
    (0x0590, 0x05FF, -18.0),  # Hebrew
    (0x0600, 0x06FF, -17.0),  # Arabic
    (0x0700, 0x07FF, -28.0),  # Syriac, Thaana, NKo
    (0x3040, 0x30FF, -12.0),  # kana
    (0xAC00, 0xD7A3, -13.0),  # hangul syllables
)


def pair_logp(prev: str, ch: str) -> float:
    """Log prior of ``ch`` given the character before it (joiners, selectors, modifiers)."""
    if ch == VS16:
        # Emoji presentation selector: normal after an emoji or a text-style symbol.
        return -0.5 if prev and (is_emoji(prev) or unicodedata.category(prev) == "So") else IMPOSSIBLE
    if ch == " ":
        # Chinese runs words together; a space follows an emoji or Latin text far more often.
        if prev and (is_cjk(prev) or 0x3000 <= ord(prev) <= 0x303F or 0xFF00 <= ord(prev) <= 0xFFEF):
            return SPACE_AFTER_CJK
        return -1.0 if prev and is_emoji(prev) else -3.0
    if ch == "\n":
        # Lines end on sentence punctuation, rarely on a comma.
        return -6.0 if prev in _MID_SENTENCE else -1.5
    if ch == ZWJ or ch in SKIN_TONES:
        return -2.0 if prev and (is_emoji(prev) or prev == VS16) else IMPOSSIBLE
    base = char_logp(ch)
    if prev == ZWJ and not is_emoji(ch):
        base -= 20.0  # a joiner must be followed by an emoji
    return base


def word_logp(word: str) -> float | None:
    """Log probability of a multi-character dictionary word, or None if it is not one."""
    freq, total = _freq_total()
    f = freq.get(word)
    return math.log(f / total) if f else None


_CHAR_CACHE: dict[str, float] = {}  # char_logp without the call overhead, for push()
# Characters scored by what precedes them (pair_logp).
CONTEXTUAL = frozenset({VS16, ZWJ, " ", "\n"}) | SKIN_TONES
_MID_SENTENCE = frozenset("，、：；（《“‘「『【")


@cache
def _word_table() -> tuple[dict[str, int], float]:
    freq, total = _freq_total()
    return freq, math.log(total)


class LMState:
    """Incremental best-segmentation score of a growing string.

    Keeps the last ``MAX_WORD`` characters and the best score of every prefix
    ending among them, which is all a new character's words can reach back to.
    """

    __slots__ = ("bests", "score", "tail")

    def __init__(self, tail: str = "", bests: tuple[float, ...] = (0.0,)) -> None:
        self.tail = tail
        self.bests = bests
        self.score = bests[-1]

    def push(self, ch: str, bonus: float = 0.0) -> LMState:
        # The hot loop of the decoder: kept flat, with the tables bound locally.
        tail = self.tail
        s = tail + ch
        n = len(s)
        bests = self.bests
        prev = tail[-1] if tail else ""
        if ch in CONTEXTUAL or prev == ZWJ:
            lp = pair_logp(prev, ch)
        else:
            lp = _CHAR_CACHE.get(ch)
            if lp is None:
                lp = _CHAR_CACHE[ch] = char_logp(ch)
        best = bests[n - 1] + lp + bonus
        o = ord(ch)
        if 0x4E00 <= o <= 0x9FFF or is_cjk(ch):
            freq, log_total = _word_table()
            for k in range(2, n + 1):
                f = freq.get(s[n - k :])
                if f:
                    cand = bests[n - k] + math.log(f) - log_total + bonus
                    if cand > best:
                        best = cand
        nb = (*bests, best)
        if n > MAX_WORD:
            s = s[-MAX_WORD:]
            nb = nb[-(MAX_WORD + 1) :]
        return LMState(s, nb)

    def extend(self, text: str) -> LMState:
        st = self
        for ch in text:
            st = st.push(ch)
        return st


def score_text(text: str) -> float:
    """Best-segmentation log probability of ``text``."""
    return LMState().extend(text).score
