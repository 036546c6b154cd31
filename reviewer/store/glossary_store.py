"""The glossary kept in the store: terms the repair engine should spell right, and known misrecognitions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.core.errors import InputError
from reviewer.core.glossary import Glossary
from reviewer.store.models import GlossaryAlias, GlossaryTerm
from reviewer.store.unique import add_or_existing


def stored_glossary(session: Session) -> Glossary:
    g = Glossary()
    g.terms = list(session.scalars(select(GlossaryTerm.term).order_by(GlossaryTerm.id)))
    rows = session.execute(
        select(GlossaryAlias.alias, GlossaryTerm.term)
        .join(GlossaryTerm, GlossaryAlias.term_id == GlossaryTerm.id)
        .order_by(GlossaryAlias.id)
    )
    g.aliases = dict(rows.all())
    return g


def merge_glossary(session: Session, glossary: Glossary) -> tuple[int, int]:
    """Add terms and aliases (a re-taught alias points to its new term); returns (terms, aliases) added."""
    ids = dict(session.execute(select(GlossaryTerm.term, GlossaryTerm.id)).all())
    added_terms = added_aliases = 0
    for term in glossary.all_terms():
        term = _clean(term)
        if term not in ids:
            find = select(GlossaryTerm).where(GlossaryTerm.term == term)
            row = add_or_existing(session, GlossaryTerm(term=term), lambda find=find: session.scalar(find))
            ids[term] = row.id
            added_terms += 1
    aliases = {a.alias: a for a in session.scalars(select(GlossaryAlias))}
    for wrong, right in glossary.aliases.items():
        wrong, right = _clean(wrong), _clean(right)
        if wrong == right:
            continue
        existing = aliases.get(wrong)
        if existing is None:
            find = select(GlossaryAlias).where(GlossaryAlias.alias == wrong)
            row = GlossaryAlias(alias=wrong, term_id=ids[right])
            got = add_or_existing(session, row, lambda find=find: session.scalar(find))
            got.term_id = ids[right]  # another reviewer's same alias: this teaching wins, as below
            aliases[wrong] = got
            added_aliases += got is row
        else:
            existing.term_id = ids[right]
    session.flush()
    return added_terms, added_aliases


def remove_glossary_entry(session: Session, value: str) -> str:
    """Remove an alias, or a term with its aliases; says which it was."""
    alias = session.scalar(select(GlossaryAlias).where(GlossaryAlias.alias == value))
    if alias is not None:
        session.delete(alias)
        return "alias"
    term = session.scalar(select(GlossaryTerm).where(GlossaryTerm.term == value))
    if term is not None:
        session.delete(term)
        return "term"
    raise InputError(f"{value!r} is neither a glossary term nor an alias")


def _clean(value: str) -> str:
    value = value.strip()
    if not value or "\n" in value or len(value) > 255:
        raise InputError(f"bad glossary entry {value!r}: one line, 1–255 characters")
    return value


def restore_glossary(session: Session, before: Glossary) -> None:
    """Make the stored glossary hold exactly ``before``'s terms and aliases again (an undo)."""
    merge_glossary(session, before)  # what went comes back, re-pointed aliases point back
    now = stored_glossary(session)
    for alias in [a for a in now.aliases if a not in before.aliases]:
        remove_glossary_entry(session, alias)
    session.flush()
    for term in [t for t in now.terms if t not in set(before.all_terms())]:
        remove_glossary_entry(session, term)
    session.flush()
