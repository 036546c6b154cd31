"""Glossary files: one term per line, ``wrong => right`` aliases, ``#`` comments."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reviewer.core.errors import InputError
from reviewer.core.inputs import read_input


@dataclass
class Glossary:
    terms: list[str] = field(default_factory=list)
    # Explicit aliases: a known misrecognition → the right term.
    aliases: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.terms or self.aliases)

    def all_terms(self) -> list[str]:
        """Every right-hand term, each once, in first-seen order."""
        seen = dict.fromkeys(self.terms)
        seen.update(dict.fromkeys(self.aliases.values()))
        return list(seen)

    def to_text(self) -> str:
        lines = [*self.terms, *(f"{w} => {r}" for w, r in self.aliases.items())]
        return "\n".join(lines) + ("\n" if lines else "")


def parse_glossary(text: str) -> Glossary:
    g = Glossary()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "=>" in line:
            wrong, right = (p.strip() for p in line.split("=>", 1))
            if wrong and right:
                g.aliases[wrong] = right
                if right not in g.terms:
                    g.terms.append(right)
        elif line not in g.terms:
            g.terms.append(line)
    return g


def load_glossary(path: str | Path) -> Glossary:
    try:
        text = read_input(path, "glossary file").decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: glossary must be UTF-8 text") from None
    return parse_glossary(text)
