"""The hand-made ASR ground truth for seed 003_ (tests/data/ground_truth/) is consistent."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.ground_truth import (  # noqa: E402
    CATEGORIES,
    CORRECTIONS_PATH,
    apply_line,
    corrected_lines,
    corrections_by_line,
    load_corrections,
    seed_lines,
    stretch_lines,
)

PREFIX = re.compile(r"^\[(\d\d:\d\d:\d\d)\] (SPEAKER_\d\d: )?")


def _prefix(line: str) -> str:
    m = PREFIX.match(line)
    assert m, f"no timestamp: {line!r}"
    return m.group(0)


def test_stretch_is_long_enough_and_in_the_second_half():
    first, last = stretch_lines()
    seed = seed_lines()
    assert 1 <= first <= last <= len(seed)
    assert last - first + 1 >= 300
    assert first > len(seed) // 2
    assert len(corrected_lines()) == last - first + 1
    for line in seed[first - 1 : last]:
        _prefix(line)


def test_tsv_parses_with_header_and_known_categories():
    header = CORRECTIONS_PATH.read_text(encoding="utf-8").splitlines()[0]
    assert header.split("\t") == ["line", "time", "wrong", "right", "category", "note"]
    corrections = load_corrections()
    assert corrections
    for c in corrections:
        assert c.category in CATEGORIES, c
        assert c.wrong and c.wrong != c.right, c
        assert "\t" not in c.note and "\n" not in c.note, c


def test_rows_are_in_the_stretch_and_in_line_order():
    first, last = stretch_lines()
    numbers = [c.line for c in load_corrections()]
    assert numbers == sorted(numbers)
    assert all(first <= n <= last for n in numbers)


def test_line_and_time_match_the_seed_and_wrong_occurs_in_it():
    seed = seed_lines()
    for c in load_corrections():
        line = seed[c.line - 1]
        assert PREFIX.match(line).group(1) == c.time, c
        assert c.wrong in line, c


def test_applying_the_corrections_gives_the_corrected_lines():
    first, last = stretch_lines()
    seed = seed_lines()
    grouped = corrections_by_line(load_corrections())
    corrected = corrected_lines()
    for number, want in zip(range(first, last + 1), corrected, strict=True):
        got = apply_line(seed[number - 1], grouped.get(number, []))
        assert got == want, f"line {number}"


def test_lines_without_corrections_are_unchanged_and_prefixes_are_kept():
    first, last = stretch_lines()
    seed = seed_lines()
    grouped = corrections_by_line(load_corrections())
    for number, line in zip(range(first, last + 1), corrected_lines(), strict=True):
        assert _prefix(line) == _prefix(seed[number - 1]), f"line {number}"
        if number not in grouped:
            assert line == seed[number - 1], f"line {number}"
        else:
            assert line != seed[number - 1], f"line {number}"
