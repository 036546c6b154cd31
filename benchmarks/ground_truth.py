"""The hand-made ground truth for ASR errors in seed 003_ (tests/data/ground_truth/).

    from benchmarks.ground_truth import load_corrections, corrected_lines, stretch_lines

A stretch of seed 003_ (a podcast ASR export) corrected by hand, word by word:

* ``003_stretch_corrected.txt``: the stretch's lines, corrected, one per seed line, in order,
  timestamps and speaker labels unchanged;
* ``003_corrections.tsv``: one row per correction (header ``line time wrong right category note``,
  tab-separated, no quoting); ``line`` is 1-based in the seed file.

A line's corrections, in file order, turn its seed line into the corrected line when each
``wrong`` is replaced at its first occurrence at or after the end of the previous replacement
(``apply_line``).  See tests/data/ground_truth/README.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "tests" / "data" / "ground_truth"
SEED_PATH = ROOT / "seeds" / "003_1c3a5c8e9a86a98c.txt"
CORRECTIONS_PATH = DATA_DIR / "003_corrections.tsv"
CORRECTED_PATH = DATA_DIR / "003_stretch_corrected.txt"

# The stretch: seed lines FIRST_LINE..LAST_LINE (1-based, inclusive).
FIRST_LINE = 2029
LAST_LINE = 2364

CATEGORIES = ("name", "term", "homophone", "other")
COLUMNS = ("line", "time", "wrong", "right", "category", "note")


@dataclass(frozen=True)
class Correction:
    line: int  # 1-based line number in the seed file
    time: str  # the line's HH:MM:SS
    wrong: str  # the misrecognised substring of the seed line
    right: str  # what it should be
    category: str  # one of CATEGORIES
    note: str = ""


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def seed_lines() -> list[str]:
    """All lines of seed 003_ (index 0 is line 1)."""
    return _read_lines(SEED_PATH)


def stretch_lines() -> tuple[int, int]:
    """(first_line, last_line) of the corrected stretch, 1-based and inclusive."""
    return FIRST_LINE, LAST_LINE


def corrected_lines(path: Path = CORRECTED_PATH) -> list[str]:
    """The stretch, corrected: one string per seed line from FIRST_LINE to LAST_LINE."""
    return _read_lines(path)


def load_corrections(path: Path = CORRECTIONS_PATH) -> list[Correction]:
    """The corrections in file order (by line, then left to right within a line)."""
    rows = _read_lines(path)
    if not rows or tuple(rows[0].split("\t")) != COLUMNS:
        raise ValueError(f"{path.name}: header must be {' / '.join(COLUMNS)}")
    out: list[Correction] = []
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        fields = row.split("\t")
        if len(fields) != len(COLUMNS):
            raise ValueError(f"{path.name}:{number}: {len(fields)} fields, want {len(COLUMNS)}")
        line, time, wrong, right, category, note = fields
        out.append(Correction(int(line), time, wrong, right, category, note))
    return out


def apply_line(seed_line: str, corrections: Iterable[Correction]) -> str:
    """``seed_line`` with ``corrections`` (of that line, in order) applied left to right.

    Each ``wrong`` is replaced at its first occurrence at or after the end of the previous
    replacement; ValueError if it does not occur there.
    """
    text = seed_line
    pos = 0
    for c in corrections:
        at = text.find(c.wrong, pos) if c.wrong else -1
        if at < 0:
            raise ValueError(f"line {c.line}: {c.wrong!r} not found from offset {pos} in {text!r}")
        text = text[:at] + c.right + text[at + len(c.wrong) :]
        pos = at + len(c.right)
    return text


def corrections_by_line(corrections: Iterable[Correction]) -> dict[int, list[Correction]]:
    """The corrections grouped by seed line, each group in file order."""
    grouped: dict[int, list[Correction]] = {}
    for c in corrections:
        grouped.setdefault(c.line, []).append(c)
    return grouped
