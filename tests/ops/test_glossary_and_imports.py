"""The glossary op (the CLI's `glossary --add/--load/--remove`) and the all-or-nothing import."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.errors import InputError
from reviewer.core.glossary import Glossary
from reviewer.ops import run
from reviewer.ops.glossary import ChangeGlossary, add_term
from reviewer.ops.imports import import_all_or_none, import_files
from reviewer.store import Store
from tests.store.helpers import CHAT, write


def _state(store: Store) -> tuple[list[str], dict[str, str]]:
    g = store.glossary()
    return sorted(g.terms), dict(sorted(g.aliases.items()))


def test_add_load_remove_and_undo_each(store: Store) -> None:
    store.add_glossary(Glossary(["OpenAI", "ChatGPT"], {"open ai": "OpenAI"}))
    start = _state(store)
    steps = [
        add_term("Claude", ["克劳德", "cloud"]),
        ChangeGlossary(add=Glossary(["Anthropic"], {"open ai": "Anthropic"})),  # re-points an alias
        ChangeGlossary(remove="OpenAI"),  # a term, with its aliases
        ChangeGlossary(remove="cloud"),  # an alias
    ]
    states = [start]
    for op in steps:
        assert run(store, op).glossary
        states.append(_state(store))
    assert states[1][1]["克劳德"] == "Claude"
    assert states[2][1]["open ai"] == "Anthropic"
    assert "OpenAI" not in states[3][0]
    assert "cloud" not in states[4][1] and states[4][1]["克劳德"] == "Claude"
    for op, before in zip(reversed(steps), reversed(states[:-1]), strict=True):
        op.undo(store)
        assert _state(store) == before


def test_removing_what_is_not_there_changes_nothing(store: Store) -> None:
    store.add_glossary(Glossary(["OpenAI"], {}))
    with pytest.raises(InputError):
        run(store, ChangeGlossary(add=Glossary(["New"], {}), remove="nothing-like-it"))
    assert _state(store) == (["OpenAI"], {})  # the add in the same op did not land either


def test_one_bad_file_imports_nothing_on_the_command_line(store: Store, tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", CHAT)
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\xff\x00\xfe" * 100)
    with pytest.raises(InputError):
        list(import_all_or_none(store, [good, bad]))
    assert store.documents() == []
    assert [r.status for r in import_all_or_none(store, [good])] == ["new"]


def test_the_window_import_skips_a_bad_file_and_says_why(store: Store, tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", CHAT)
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\xff\x00\xfe" * 100)
    outcome = import_files(store, [bad, good])
    assert [r.status for r in outcome.results] == ["new"]
    assert [p for p, _why in outcome.errors] == [str(bad)] and not outcome.cancelled
