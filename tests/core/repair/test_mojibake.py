"""Mojibake repair: hand-checked cases, the seeds, and properties."""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from reviewer.core.repair.base import Fix
from reviewer.core.repair.char_lm import is_cjk
from reviewer.core.repair.mojibake import MojibakeStep, find_fixes
from reviewer.core.transcript import Segment, Transcript, apply_edits

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def apply(text: str, fixes: list[Fix]) -> str:
    out, pos = [], 0
    for f in fixes:
        out += [text[pos : f.start], f.after]
        pos = f.end
    return "".join(out) + text[pos:]


def repair(text: str) -> str:
    return apply(text, find_fixes(text))


def lossy(text: str, codepage: str = "cp1254") -> str:
    """UTF-8 read with a code page whose undefined bytes a strict decoder drops."""
    return text.encode("utf-8").decode(codepage, errors="ignore")


def sloppy(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


# What counts as still broken: replacement characters, C1 controls, and a
# code-page lead character followed by a continuation character or touching a hanzi.
_HIGH = {bytes([b]).decode(cp, errors="ignore") for cp in ("cp1252", "cp1254") for b in range(0x80, 0x100)}
_LEADS = {bytes([b]).decode(cp, errors="ignore") for cp in ("cp1252", "cp1254") for b in range(0xC2, 0xF5)}
_CONTS = {bytes([b]).decode(cp, errors="ignore") for cp in ("cp1252", "cp1254") for b in range(0x80, 0xC0)}
_RUN = re.compile("[" + "".join(re.escape(c) for c in sorted(_HIGH - {""})) + "]+")


def broken_chars(text: str) -> int:
    n = sum(1 for ch in text if ch == "\ufffd" or "\x80" <= ch <= "\x9f")
    for m in _RUN.finditer(text):
        run = m.group()
        pair = any(a in _LEADS and b in _CONTS for a, b in itertools.pairwise(run))
        near = [text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]]
        stray = any(ch in _LEADS for ch in run) and any(c and is_cjk(c) for c in near)
        if pair or stray:
            n += len(run)
    return n


def check_fixes(text: str, fixes: list[Fix]) -> None:
    """Every fix lies inside the text, they are sorted and never overlap, and none adds U+FFFD."""
    pos = 0
    for f in fixes:
        assert pos <= f.start < f.end <= len(text), (f, len(text))
        assert "\ufffd" not in f.after and not any("\x80" <= ch <= "\x9f" for ch in f.after)
        assert 0.0 <= f.confidence <= 1.0
        assert f.after not in f.alternatives and len(f.alternatives) <= 4
        pos = f.end


# ------------------------------------------------------------ hand-checked


def test_lost_byte_restored_with_alternatives() -> None:
    # 话 is E8 AF 9D; cp1254 has no 0x9D, so it came through as "è¯" alone.
    text = "è¯é¢˜"
    fixes = find_fixes(text)
    assert apply(text, fixes) == "话题"
    guess = next(f for f in fixes if text[f.start : f.end] == "è¯")
    assert guess.after == "话"
    assert guess.alternatives  # 词, 证, 译 … are the same two bytes plus another lost one
    assert all(len(a) == 1 for a in guess.alternatives)
    assert guess.confidence < 1.0


def test_context_picks_the_word() -> None:
    # 于 is E4 BA 8E (0x8E lost): 关于 is a word, 关亏 is not.
    assert repair("å…³äº'ä½ è§‰å¾—") == "关于'你觉得"


def test_broken_emoji() -> None:
    # 👍 is F0 9F 91 8D; 0x8D is undefined in cp1254.
    text = "for a second... ğŸ‘ Do you remember"
    fixes = find_fixes(text)
    assert apply(text, fixes) == "for a second... 👍 Do you remember"
    (fix,) = fixes
    assert fix.alternatives and fix.confidence < 1.0
    assert text[: fix.start] == "for a second... "


def test_emoji_sequence_with_joiner_and_selector() -> None:
    original = "Shortcut? 🤷\u200d♂️ ok, 爱你❤️"
    assert repair(lossy(original)) == original


def test_gbk_reading() -> None:
    assert repair("浣犲ソ") == "你好"
    original = "你好，世界！今天天气很好。"
    broken = original.encode("utf-8").decode("gbk", errors="replace")
    assert "\ufffd" in broken  # GBK could not map the last byte of 。
    assert repair(broken) == original


def test_gbk_reading_with_ascii_between() -> None:
    original = "我们用Python写了一个工具，效果不错"
    broken = original.encode("utf-8").decode("gbk", errors="replace")
    assert repair(broken) == original


def test_double_encoded() -> None:
    assert repair("Ã¤Â½Â Ã¥Â¥Â½") == "你好"
    original = "他说“你好世界”然后走了"
    assert repair(sloppy(sloppy(original))) == original


def test_plain_latin_mojibake() -> None:
    assert repair("Ã©tÃ© au cafÃ©, 8Â½ mise-en-scÃ¨ne") == "été au café, 8½ mise-en-scène"


def test_nbsp_flattened_to_space() -> None:
    # 你 is E4 BD A0 and 样 is E6 A0 B7: the 0xA0 became a plain space.
    assert repair("ä½ è§‰å¾—呢") == "你觉得呢"
    assert repair("è¿™æ ·å¾ˆå¥½") == "这样很好"
    # …and a real space after a repaired character stays.
    assert repair("åœ¨ Google 上") == "在 Google 上"


def test_brackets_and_quotes() -> None:
    for original in ("「你好」是一个问候", "他说“你好”然后走了", "【通知】今天开会、明天放假。"):
        assert repair(lossy(original, "cp1252")) == original


def test_only_the_broken_lines_change() -> None:
    clean = "Café… naïve Straße „Fuß“ — ™ © ½ Ä… É… “quoted” 中文也可以，橄榄和棕榈。"
    broken = lossy("这个话题很有意思，我们一起学习吧。")
    text = f"{clean}\n{broken}\n{clean}"
    fixes = find_fixes(text)
    check_fixes(text, fixes)
    lines = apply(text, fixes).split("\n")
    assert lines[0] == clean and lines[2] == clean
    assert broken_chars(lines[1]) == 0
    assert all(len(clean) < f.start and f.end <= len(clean) + 1 + len(broken) for f in fixes)


def test_edit_covers_just_the_broken_run() -> None:
    text = "College degreeåœ¨ç°åœ¨ still matters"
    fixes = find_fixes(text)
    assert apply(text, fixes) == "College degree在现在 still matters"
    assert fixes[0].start == len("College degree")
    assert fixes[-1].end == len("College degreeåœ¨ç°åœ¨")


@pytest.mark.parametrize(
    "text",
    [
        "café naïve Straße Ž İstanbul ğüş çalışma SÃO PAULO",
        "He said “café…” — and left… ™ © ® ½ 8½ 30°C ±2",
        "„Fuß“ »Zitat« Bär« Ö“ Ü” Ä… É… ß“",
        "Привет, как дела? Всё хорошо, моё солнце. ВСЁ!",
        "Ελληνικά κείμενο · مرحبا بالعالم · שלום עולם",
        "日本語のテキストです。カタカナ、ひらがな。한국어 텍스트",
        "橄榄、棕榈、辘轳、浣熊、涓涓细流、璇玑，都是真字。",
        "你好，世界！“引号”‘单引号’——破折号……省略号 😂👍🤷\u200d♂️❤️",
    ],
)
def test_clean_text_is_left_alone(text: str) -> None:
    assert find_fixes(text) == []


# ----------------------------------------------------------------- seeds


def test_seed_000_is_fully_repaired() -> None:
    text = seed("000")
    assert broken_chars(text) > 1000
    fixes = find_fixes(text)
    check_fixes(text, fixes)
    repaired = apply(text, fixes)
    assert broken_chars(repaired) == 0
    assert "\ufffd" not in repaired
    assert any(f.alternatives for f in fixes)
    # English lines are not touched, and neither is anything outside a fix.
    for before, after in zip(text.split("\n"), repaired.split("\n"), strict=True):
        if before.isascii():
            assert before == after
    assert find_fixes(repaired) == []


def test_seed_000_through_the_step() -> None:
    text = seed("000")
    segments = [Segment(i, para) for i, para in enumerate(text.split("\n\n"))]
    transcript = Transcript("plain", segments)
    edits = MojibakeStep().run(transcript)
    assert MojibakeStep.name == "mojibake"
    assert edits and all(e.kind == "mojibake" for e in edits)
    for seg in transcript.segments:
        for e in seg.edits:
            assert seg.original[e.start : e.end] == e.before
        # Every broken character has a repair; the few below the apply threshold are offered
        # as suggestions (accepted, they fix the rest).
        offered = [dataclasses.replace(e, applied=True) for e in seg.edits]
        assert broken_chars(apply_edits(seg.original, offered)) == 0
    held = [e for e in edits if not e.applied]
    assert len(held) <= len(edits) // 100 and all(e.confidence < 0.2 for e in held)


@pytest.mark.parametrize("prefix", ["001", "002", "003", "004"])
def test_clean_seeds_get_no_fixes(prefix: str) -> None:
    text = seed(prefix)
    assert find_fixes(text) == []
    assert all(find_fixes(line) == [] for line in text.split("\n"))


@pytest.mark.parametrize("prefix", ["001", "002"])
def test_broken_seed_lines_come_back(prefix: str) -> None:
    lines = [line for line in seed(prefix).split("\n") if line][:12]
    for line in lines:
        assert repair(sloppy(line)) == line  # nothing lost: exact
        got = repair(lossy(line))
        assert broken_chars(got) == 0
        assert find_fixes(got) == []


# ------------------------------------------------------------- properties

_HIGH_CHARS = sorted(_HIGH - {""})
_ANY = st.text(
    alphabet=st.one_of(
        st.sampled_from(_HIGH_CHARS),
        st.sampled_from("你好世界的是了一个中文话题浣犲ソ鐨勬槸锛屻€ \n\t\ufffd👍❤\u200d\ufe0f"),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)


# Derandomized and without an example database: the same examples every run.
PROPERTY = settings(
    deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@settings(PROPERTY, max_examples=300)
@given(_ANY)
def test_any_input_gives_well_formed_fixes(text: str) -> None:
    check_fixes(text, find_fixes(text))


def _seed_lines() -> list[str]:
    out = []
    for prefix in ("001", "002", "004"):
        out += [line for line in seed(prefix).split("\n") if len(line) > 8]
    return out


_LINES = _seed_lines()
_HANZI = sorted({ch for line in _LINES for ch in line if is_cjk(ch)})
_CLEAN = st.text(
    alphabet=st.one_of(
        st.sampled_from(_HANZI),
        st.sampled_from("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 .,!?'\"()-:"),
        st.sampled_from("，。、？！：；“”‘’（）《》——…"),
        st.sampled_from("😂👍🤔🎬✨💯🙏❤️"),
    ),
    max_size=80,
)


@settings(PROPERTY, max_examples=200)
@given(_CLEAN)
def test_clean_cjk_ascii_emoji_is_left_alone(text: str) -> None:
    assert find_fixes(text) == []


@st.composite
def seed_excerpts(draw: st.DrawFn) -> str:
    line = draw(st.sampled_from(_LINES))
    a = draw(st.integers(0, max(0, len(line) - 6)))
    b = draw(st.integers(a + 4, min(len(line), a + 60)))
    return line[a:b]


@settings(PROPERTY, max_examples=60)
@given(seed_excerpts(), st.sampled_from(["cp1252", "cp1254"]))
def test_lost_byte_mojibake_is_repaired_and_stays_repaired(original: str, codepage: str) -> None:
    broken = lossy(original, codepage)
    assume(broken != original)
    fixes = find_fixes(broken)
    check_fixes(broken, fixes)
    repaired = apply(broken, fixes)
    assert broken_chars(repaired) == 0
    # Lost bytes are guessed from a dictionary model, so a name or a new word
    # may come back wrong; most of the line may not.
    assert Levenshtein.distance(repaired, original) <= 2 + len(original) // 4
    assert find_fixes(repaired) == []  # idempotent


@settings(PROPERTY, max_examples=60)
@given(seed_excerpts())
def test_lossless_mojibake_round_trips(original: str) -> None:
    assert repair(sloppy(original)) == original
    assert repair(sloppy(sloppy(original))) == original
