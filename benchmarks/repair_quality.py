"""Quality of the mojibake repair, next to ftfy alone, on text broken on purpose.

    .venv/bin/python benchmarks/repair_quality.py [--seed 7]

Takes the clean seeds (001_, 002_ whole; the first 12,000 characters of 003_'s
transcript and of 004_) and breaks them the ways real files get broken:

* lost bytes, cp1254 / cp1252: UTF-8 decoded with the code page, its undefined
  bytes dropped, half the 0xA0 bytes turned into plain spaces (as in seed
  000_; the cp1254 variant also strips soft hyphens, as 000_ does);
* plain cp1252: nothing lost (undefined bytes kept as C1 controls, as a
  Latin-1 style decoder does);
* double-encoded: the above twice, once with nothing lost and once lossy;
* UTF-8 read as GBK (bytes GBK cannot map become U+FFFD);
* only some lines broken: a third of the lines, lost-byte cp1254.

Each line is repaired on its own (a line is a segment in the plain and
timestamped formats) with ``find_fixes``, the fixes applied as Edits with
``apply_edits``.  Reported: the character error rate (Levenshtein distance /
length) of the broken text, of ftfy.fix_text (settings that keep CJK
punctuation and curly quotes) and of ours; then the edits made on the
untouched seeds (must be 0); then seed 000_: characters still broken after
the repair, and how many repairs carry alternatives.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import ftfy
from ftfy import TextFixerConfig
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.core import lexicon  # noqa: E402
from reviewer.core.repair.base import Fix  # noqa: E402
from reviewer.core.repair.char_lm import is_cjk  # noqa: E402
from reviewer.core.repair.mojibake import find_fixes  # noqa: E402
from reviewer.core.transcript import Edit, apply_edits  # noqa: E402

FTFY_CONFIG = TextFixerConfig(uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False)
SLICE = 12_000  # characters taken from the long seeds 003_ and 004_


def seed_text(prefix: str) -> str:
    return next((ROOT / "seeds").glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def corpus() -> dict[str, str]:
    t003 = seed_text("003")
    body = t003.partition("\n---\n")[2] or t003  # the transcript, not its markdown header
    return {
        "001": seed_text("001"),
        "002": seed_text("002"),
        "003": body[:SLICE],
        "004": seed_text("004")[:SLICE],
    }


# ---------------------------------------------------------------- breaking


def lossy(line: str, codepage: str, rng: random.Random, strip_shy: bool) -> str:
    """UTF-8 read with ``codepage``: undefined bytes dropped, 0xA0 a space half the time."""
    out = []
    for b in line.encode("utf-8"):
        if b == 0xA0 and rng.random() < 0.5:
            out.append(" ")
        elif b == 0xAD and strip_shy:
            continue
        else:
            out.append(bytes([b]).decode(codepage, errors="ignore"))
    return "".join(out)


def sloppy(line: str) -> str:
    return line.encode("utf-8").decode("sloppy-windows-1252")


def strict_1252(line: str) -> str:
    return line.encode("utf-8").decode("cp1252", errors="ignore")


def gbk(line: str) -> str:
    return line.encode("utf-8").decode("gbk", errors="replace")


def breakers(rng: random.Random) -> dict[str, Callable[[str], str]]:
    def partial(line: str) -> str:
        return lossy(line, "cp1254", rng, True) if rng.random() < 1 / 3 else line

    return {
        "lost bytes, cp1254": lambda s: lossy(s, "cp1254", rng, True),
        "lost bytes, cp1252": lambda s: lossy(s, "cp1252", rng, False),
        "plain cp1252": sloppy,
        "double-encoded": lambda s: sloppy(sloppy(s)),
        "double-encoded, lossy": lambda s: strict_1252(strict_1252(s)),
        "UTF-8 read as GBK": gbk,
        "some lines broken": partial,
    }


# ----------------------------------------------------------------- repair


def edits_for(text: str) -> list[Edit]:
    return [to_edit(text, f) for f in find_fixes(text)]


def to_edit(text: str, f: Fix) -> Edit:
    return Edit(
        "mojibake",
        f.start,
        f.end,
        text[f.start : f.end],
        f.after,
        f.confidence,
        list(f.alternatives),
        f.applied,
    )


def repair_lines(text: str) -> tuple[str, list[Edit]]:
    out: list[str] = []
    all_edits: list[Edit] = []
    for line in text.split("\n"):
        edits = edits_for(line)
        all_edits.extend(edits)
        out.append(apply_edits(line, edits))
    return "\n".join(out), all_edits


def cer(got: str, want: str) -> float:
    return Levenshtein.distance(got, want) / max(1, len(want))


# ------------------------------------------------------- what "broken" is

# Every character a Windows code page turns a UTF-8 byte 0x80..0xFF into.
_HIGH = {bytes([b]).decode(cp, errors="ignore") for cp in ("cp1252", "cp1254") for b in range(0x80, 0x100)}
_HIGH.discard("")
_LEADS = {bytes([b]).decode(cp, errors="ignore") for cp in ("cp1252", "cp1254") for b in range(0xC2, 0xF5)}
_CONTS = {bytes([b]).decode(cp, errors="ignore") for cp in ("cp1252", "cp1254") for b in range(0x80, 0xC0)}
_HIGH_RUN = re.compile("[" + "".join(re.escape(c) for c in sorted(_HIGH)) + "]+")


def broken_chars(text: str) -> int:
    """Characters that are still mojibake.

    U+FFFD and C1 controls; and every character of a run of code-page
    characters that holds a lead-byte character followed by a
    continuation-byte character (``è¯``, ``ğŸ‘``) or that touches a Chinese
    character (a stray lead byte: ``好ä吗``).  A lone accented letter in a
    Latin word (``scène``) or an em dash between hanzi is not broken.
    """
    n = sum(1 for ch in text if ch == "\ufffd" or "\x80" <= ch <= "\x9f")
    for m in _HIGH_RUN.finditer(text):
        run = m.group()
        pair = any(a in _LEADS and b in _CONTS for a, b in itertools.pairwise(run))
        before = text[m.start() - 1 : m.start()]
        after = text[m.end() : m.end() + 1]
        stray = any(ch in _LEADS for ch in run) and any(c and is_cjk(c) for c in (before, after))
        if pair or stray:
            n += sum(1 for ch in run if not ("\x80" <= ch <= "\x9f"))
    return n


# ------------------------------------------------------------------ report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7, help="random seed for the breaking (default 7)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    lexicon.word_freq()
    find_fixes("è¯é¢˜")  # the dictionary and its tables load once, outside the timings
    load = time.perf_counter() - t0

    texts = corpus()
    total = sum(len(t) for t in texts.values())
    print(
        f"Repair quality: seeds 001_, 002_, 003_[:{SLICE}] (transcript), 004_[:{SLICE}]; {total} characters"
    )
    print(f"random seed {args.seed}; dictionary + tables loaded once in {load:.2f} s\n")
    cols = ("broken CER", 11), ("ftfy CER", 10), ("ours CER", 10), ("edits", 8), ("ours s", 8), ("ftfy s", 8)
    head = f"{'corruption':<24}" + "".join(f"{name:>{width}}" for name, width in cols)
    print(head)
    print("-" * len(head))
    for name, brk in breakers(random.Random(args.seed)).items():
        dist_broken = dist_ftfy = dist_ours = n_edits = 0
        t_ours = t_ftfy = 0.0
        for clean in texts.values():
            broken = "\n".join(brk(line) for line in clean.split("\n"))
            t = time.perf_counter()
            ours, edits = repair_lines(broken)
            t_ours += time.perf_counter() - t
            t = time.perf_counter()
            theirs = ftfy.fix_text(broken, FTFY_CONFIG)
            t_ftfy += time.perf_counter() - t
            dist_broken += Levenshtein.distance(broken, clean)
            dist_ftfy += Levenshtein.distance(theirs, clean)
            dist_ours += Levenshtein.distance(ours, clean)
            n_edits += len(edits)
        print(
            f"{name:<24}{dist_broken / total:>10.2%}{dist_ftfy / total:>10.2%}{dist_ours / total:>10.2%}"
            f"{n_edits:>8}{t_ours:>8.2f}{t_ftfy:>8.2f}"
        )

    print("\nChanges on clean text (the untouched seeds, whole):")
    for prefix in ("001", "002", "003", "004"):
        text = seed_text(prefix)
        _, edits = repair_lines(text)
        theirs = ftfy.fix_text(text, FTFY_CONFIG)
        changed = Levenshtein.distance(theirs, text)
        print(f"  {prefix}_: ours {len(edits)} edits; ftfy changes {changed} characters")

    print("\nSeed 000_ (UTF-8 read as cp1254, undefined bytes and soft hyphens lost, some 0xA0 as spaces):")
    text = seed_text("000")
    t = time.perf_counter()
    ours, edits = repair_lines(text)
    elapsed = time.perf_counter() - t
    theirs = ftfy.fix_text(text, FTFY_CONFIG)
    ascii_lines = [(a, b) for a, b in zip(text.split("\n"), ours.split("\n"), strict=True) if a.isascii()]
    touched = sum(1 for a, b in ascii_lines if a != b)
    with_alts = sum(1 for e in edits if e.alternatives)
    counts = broken_chars(text), broken_chars(theirs), broken_chars(ours)
    print("  characters broken: before {}, ftfy alone {}, ours {}".format(*counts))
    print(f"  repairs: {len(edits)} edits, {with_alts} with alternatives, {elapsed:.2f} s")
    print(f"  ASCII-only lines: {len(ascii_lines)}, changed by ours: {touched}")


if __name__ == "__main__":
    main()
