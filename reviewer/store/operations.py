"""Compound writes that reviewer.ops composes into user actions.

Built from the store package's own functions (annotations / taxonomy / edit_decisions):
replacing a set of annotations and deciding several edits (inside the caller's
``store.write()`` session, so the op can read back what it changed in the same
transaction); creating, moving, merging or deleting topics and teaching a correction
(each its own transaction).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from reviewer.core.errors import InputError
from reviewer.core.glossary import Glossary
from reviewer.store import AnnotationInfo, Store, TagSpec, TopicInfo
from reviewer.store import annotations as _ann
from reviewer.store import edit_decisions as _edits
from reviewer.store import glossary_store as _gloss
from reviewer.store import taxonomy as _tax
from reviewer.store.models import Topic

SEP = _tax.TOPIC_SEP


@dataclass(frozen=True)
class Replaced:
    added: list[int]  # ids of the new annotations
    new_topics: list[str]  # topic paths the new tags created (their undo removes them again)


def replace_annotations(
    s: Session,
    document_id: int,
    remove: Sequence[int],
    add: Sequence[TagSpec],
    expected: Mapping[int, int] | None = None,
) -> Replaced:
    """Delete annotations ``remove`` and add ``add`` to one document, all or nothing.

    ``expected`` (id → the version the caller saw) makes a removal of an annotation another
    reviewer changed or deleted meanwhile raise AnnotationConflict, with nothing written.
    """
    expected = expected or {}
    for annotation_id in remove:
        _ann.delete_annotation(s, annotation_id, expected.get(annotation_id))
    s.flush()
    if not add:
        return Replaced([], [])
    topics_before = {t.path for t in _tax.list_topics(s)} if any(a.kind == "topic" for a in add) else None
    added = _ann.add_annotations(s, document_id, add)
    s.flush()
    if topics_before is None:
        return Replaced(added, [])
    return Replaced(added, [t.path for t in _tax.list_topics(s) if t.path not in topics_before])


def undo_replace(s: Session, replaced: Replaced, removed: Sequence[AnnotationInfo]) -> None:
    """Undo of replace_annotations: the new ones go, the removed ones come back as they were
    (same ids and times), and topics it created go too unless something uses them by now."""
    # The reviewer's own new tags go without a version check: their own later steps (a topic
    # merge, a move) change those rows too, and undo must still be able to take them back.
    for annotation_id in replaced.added:
        _ann.delete_annotation(s, annotation_id)
    s.flush()
    _ann.restore_annotations(s, removed)
    s.flush()
    _delete_topics(s, replaced.new_topics, strict=False)


def decide_edits(
    s: Session,
    decisions: Sequence[tuple[int, str, str | None]],
    expected: Mapping[int, int] | None = None,
) -> None:
    """(edit id, decision, text) for each edit, in one transaction (see Store.decide_edit).

    ``expected`` (edit id → the version the caller saw): an edit someone else decided since
    raises EditConflict, and nothing is written.
    """
    expected = expected or {}
    for edit_id, decision, text in decisions:
        _edits.decide_edit(s, edit_id, decision, text, expected.get(edit_id))


# --- topics -----------------------------------------------------------------------------------


def _subtree(session: Session, path: str) -> list[TopicInfo]:
    return [t for t in _tax.list_topics(session) if t.path == path or t.path.startswith(path + SEP)]


def _require(session: Session, path: str) -> Topic:
    topic = _tax.find_topic(session, path)
    if topic is None:
        raise InputError(f"no topic {path!r}")
    return topic


def create_topic(
    store: Store, path: str, colour: str | None = None, description: str | None = None
) -> list[str]:
    """Create ``path`` (and missing parents), or give an existing one this colour/description;
    returns the paths that did not exist before."""
    with store.write() as s:
        before = {t.path for t in _tax.list_topics(s)}
        _tax.ensure_topic(s, path)
        if colour is not None or description is not None:  # ("" clears one)
            _tax.update_topic(s, path, colour=colour, description=description)
        s.flush()
        return [t.path for t in _tax.list_topics(s) if t.path not in before]


def delete_topics(store: Store, paths: Sequence[str]) -> None:
    """Delete unused topics (deepest first); one still used by an annotation is refused."""
    with store.write() as s:
        _delete_topics(s, paths, strict=True)


def _delete_topics(session: Session, paths: Sequence[str], *, strict: bool) -> None:
    """Deepest first; a topic in use (or with subtopics left) raises if ``strict``, else stays."""
    used = {a.topic_id for a in _ann.list_annotations(session) if a.kind == "topic"}
    for path in sorted(paths, key=lambda p: p.count(SEP), reverse=True):
        topic = _tax.find_topic(session, path)
        if topic is None:
            continue
        if topic.id in used or (not strict and [t.path for t in _subtree(session, path)] != [path]):
            if strict:
                raise InputError(f"topic {path!r} is in use")
            continue
        session.delete(topic)
        session.flush()


def _move(session: Session, path: str, new_parent: str | None) -> str:
    topic = _require(session, path)
    parent = _require(session, new_parent) if new_parent else None
    if parent is not None and (parent.path == path or parent.path.startswith(path + SEP)):
        raise InputError(f"cannot move topic {path!r} into itself")
    new_path = (parent.path + SEP if parent else "") + topic.name
    if new_path == path:
        return path
    if _tax.find_topic(session, new_path) is not None:
        raise InputError(f"topic {new_path!r} already exists (merge instead)")
    subtree = _subtree(session, path)
    topic.parent_id = parent.id if parent else None
    for info in subtree:
        node = session.get(Topic, info.id)
        assert node is not None
        node.path = new_path + info.path[len(path) :]
    session.flush()
    return new_path


def move_topic(store: Store, path: str, new_parent: str | None) -> str:
    """Put ``path`` (with its subtree) under ``new_parent`` (None: top level); returns its new path."""
    with store.write() as s:
        return _move(s, path, new_parent)


@dataclass
class MergeRecord:
    """What a merge did, so undo can take it apart again."""

    source: str
    target: str
    deleted: list[TopicInfo] = field(default_factory=list)
    moved: list[tuple[str, str]] = field(default_factory=list)  # (new path, old parent path)
    repointed: list[tuple[int, str]] = field(default_factory=list)  # (annotation id, old topic path)


def _merge(session: Session, source: str, target: str, record: MergeRecord) -> None:
    src, dst = _require(session, source), _require(session, target)
    if src.id == dst.id or dst.path.startswith(src.path + SEP):
        raise InputError(f"cannot merge topic {source!r} into {target!r}")
    src_path, dst_path, src_id = src.path, dst.path, src.id
    children = [t for t in _tax.list_topics(session) if t.parent_id == src_id]
    for child in children:
        there = dst_path + SEP + child.name
        if _tax.find_topic(session, there) is not None:
            _merge(session, child.path, there, record)
        else:
            record.moved.append((_move(session, child.path, dst_path), src_path))
    for a in _ann.list_annotations(session):
        if a.kind == "topic" and a.topic_id == src_id:
            _ann.update_annotation(session, a.id, kind="topic", value=dst_path)
            record.repointed.append((a.id, src_path))
    record.deleted.append(_tax.topic_info(src))
    session.flush()
    session.expire(src)
    session.delete(src)
    session.flush()


def merge_topics(store: Store, source: str, target: str) -> MergeRecord:
    """Fold ``source`` into ``target``: its tags, then its children (same names merged), then it goes."""
    record = MergeRecord(source, target)
    with store.write() as s:
        _merge(s, source, target, record)
    return record


def unmerge_topics(store: Store, record: MergeRecord) -> None:
    with store.write() as s:
        for info in sorted(record.deleted, key=lambda t: t.path.count(SEP)):
            _tax.ensure_topic(s, info.path)
            _tax.update_topic(s, info.path, colour=info.colour or "", description=info.description or "")
        s.flush()
        for new_path, old_parent in reversed(record.moved):
            _move(s, new_path, old_parent)
        for annotation_id, old_path in record.repointed:
            _ann.update_annotation(s, annotation_id, kind="topic", value=old_path)


# --- teaching a correction to the glossary ----------------------------------------------------


@dataclass
class TeachRecord:
    """What teaching ``wrong => right`` did, so undo can take exactly that back."""

    wrong: str
    right: str
    added_term: bool = False
    added_alias: bool = False
    old_target: str | None = None  # the term the alias pointed to before (re-taught alias)
    annotation_ids: list[int] = field(default_factory=list)


def teach_correction(
    store: Store,
    wrong: str,
    right: str,
    specs: Mapping[int, Sequence[TagSpec]],
    *,
    glossary: bool = True,
) -> TeachRecord:
    """Add the alias ``wrong => right`` (if ``glossary``) and the annotations ``specs`` (document id →
    its tags) in ONE transaction; stored texts are left as they are (the annotations are the record)."""
    record = TeachRecord(wrong, right)
    with store.write() as s:
        if glossary:
            before = _gloss.stored_glossary(s)
            record.added_term = right not in before.all_terms()
            record.old_target = before.aliases.get(wrong)
            record.added_alias = record.old_target is None
            _gloss.merge_glossary(s, Glossary([right], {wrong: right}))
        for document_id, doc_specs in specs.items():
            if doc_specs:
                record.annotation_ids += _ann.add_annotations(s, document_id, doc_specs)
    return record


def unteach_correction(store: Store, record: TeachRecord) -> None:
    """Undo teach_correction: its annotations go, the glossary is as it was before."""
    with store.write() as s:
        for annotation_id in record.annotation_ids:
            _ann.delete_annotation(s, annotation_id)
        if record.old_target is not None and record.old_target != record.right:
            _gloss.merge_glossary(s, Glossary([], {record.wrong: record.old_target}))
        elif record.added_alias:
            _gloss.remove_glossary_entry(s, record.wrong)
        if record.added_term:
            s.flush()
            _gloss.remove_glossary_entry(s, record.right)
