"""The stored glossary: teach it terms and misrecognitions, or take an entry out."""

from __future__ import annotations

from reviewer.core.glossary import Glossary
from reviewer.ops.base import AS_BUILT, Op, Seen
from reviewer.ops.changes import Changes
from reviewer.store import Store
from reviewer.store import glossary_store as _gloss


class ChangeGlossary(Op):
    """Merge ``add`` (terms, ``wrong => right`` aliases) and/or remove the entry ``remove`` (an
    alias, or a term with its aliases) in one transaction; undo puts the glossary back as it was."""

    def __init__(self, add: Glossary | None = None, remove: str | None = None, title: str = "") -> None:
        super().__init__(None, title)
        self.add, self.remove = add, remove
        self.before: Glossary | None = None
        self.added = (0, 0)  # (terms, aliases) the merge added
        self.removed = ""  # "alias" or "term"

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        with store.write() as s:
            self.before = _gloss.stored_glossary(s)
            if self.add is not None:
                self.added = _gloss.merge_glossary(s, self.add)
            if self.remove is not None:
                self.removed = _gloss.remove_glossary_entry(s, self.remove)
        return Changes(glossary=True)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.before is not None
        with store.write() as s:
            _gloss.restore_glossary(s, self.before)
        return Changes(glossary=True)


def add_term(term: str, aliases: tuple[str, ...] | list[str] = ()) -> ChangeGlossary:
    """A term the repair should spell this way, with misrecognitions of it."""
    return ChangeGlossary(Glossary([term], dict.fromkeys(aliases, term)))
