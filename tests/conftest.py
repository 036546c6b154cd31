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
