"""Pick a transcript's format, and dispatch parse/render to its module.

Each format module scores the text with ``looks_like`` (0..1); the highest
score wins, ties going to the earlier format in :data:`ORDER`.  Plain is the
fallback (a constant low score).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from reviewer.core.errors import InputError
from reviewer.core.formats import chat, plain, srt, timestamped, vtt
from reviewer.core.transcript import Transcript

MODULES: dict[str, ModuleType] = {
    "vtt": vtt,
    "srt": srt,
    "timestamped": timestamped,
    "chat": chat,
    "plain": plain,
}
ORDER: tuple[str, ...] = tuple(MODULES)
FORMATS = frozenset(MODULES)
# The format names as the command line and the window list them.
FORMAT_NAMES: tuple[str, ...] = ("chat", "timestamped", "plain", "srt", "vtt")
assert set(FORMAT_NAMES) == FORMATS


def scores(text: str) -> dict[str, float]:
    return {name: float(MODULES[name].looks_like(text)) for name in ORDER}


def detect(text: str) -> str:
    s = scores(text)
    return max(ORDER, key=lambda name: (s[name], -ORDER.index(name)))


def parse(text: str, fmt: str | None = None) -> Transcript:
    name = fmt or detect(text)
    if name not in MODULES:
        raise InputError(f"unknown format: {name} (known: {', '.join(ORDER)})")
    parser: Callable[[str], Transcript] = MODULES[name].parse
    return parser(text)


def render(t: Transcript) -> str:
    module = MODULES.get(t.format, plain)
    renderer: Callable[[Transcript], str] = module.render
    return renderer(t)
