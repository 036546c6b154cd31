import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


def seed_path(prefix: str) -> Path:
    (p,) = SEEDS.glob(f"{prefix}_*.txt")
    return p


def pytest_configure(config: pytest.Config) -> None:
    # On a binding that loses references to None (PySide6 6.12.0) the suite would abort part
    # way; guarded, it runs to the end and tests/gui/test_refcounts.py fails, saying why.
    try:
        from reviewer.gui.binding import guard_none_refcount
    except ImportError:  # no Qt here: the window's tests are not collected either
        return
    guard_none_refcount()
