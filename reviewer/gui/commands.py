"""One QUndoCommand per user action.

Each ``forward``/``backward`` writes the store in ONE transaction (through
reviewer.store or reviewer.store.operations) and returns a :class:`Changes` saying what the
views must refresh.  The session runs ``forward`` before pushing a command, so a
write the store refuses never lands on the undo stack.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reviewer.store import AnnotationConflict, AnnotationInfo, SpeakerAssignment, SpeakerInfo, TagSpec
from reviewer.store import operations as store_ops

if TYPE_CHECKING:
    from reviewer.gui.session import ReviewSession


@dataclass
class Changes:
    document_id: int | None = None
    annotations: bool = False
    speakers: bool = False
    topics: bool = False
    documents: bool = False  # other documents' annotations changed too (their counts need reloading)
    # (segment index, edit id, decision, decided text): applied to the rows without a reload.
    decisions: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    # Segment indices whose stored record changed (e.g. their speaker): re-read and rebuilt.
    segments: list[int] = field(default_factory=list)
    # Segment indices to select/scroll to afterwards (where the change is).
    focus: list[int] = field(default_factory=list)


class StoreCommand(QUndoCommand):
    def __init__(self, session: ReviewSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self.document_id = session.document_id
        self._pushed = False

    def forward(self) -> Changes:
        raise NotImplementedError

    def backward(self) -> Changes:
        raise NotImplementedError

    def rebase(self, conflict: AnnotationConflict) -> bool:
        """Take the stored state ``conflict`` reports as the one this command overrides ("use
        mine"); False when there is nothing left to override."""
        return False

    def redo(self) -> None:
        if not self._pushed:  # the session already ran forward() before pushing
            self._pushed = True
            return
        self.session.apply_step(self.forward)

    def undo(self) -> None:
        self.session.apply_step(self.backward)


def spec_of(a: AnnotationInfo, speakers: dict[int, SpeakerInfo]) -> TagSpec:
    """The TagSpec that recreates annotation ``a`` (for undoing its removal)."""
    if a.kind == "speaker":
        sp = speakers.get(a.speaker_id or -1)
        value = sp.label if sp else a.tag
    else:
        value = a.tag
    whole = a.target == "segment" or a.span_start is None
    assert a.segment_index is not None
    return TagSpec(
        a.segment_index,
        a.kind,
        value,
        None if whole else (a.span_start or 0, a.span_end or 0),
        "repaired" if whole else a.target,
        a.correction,
        a.note,
        a.annotator,
    )


class AnnotationsCommand(StoreCommand):
    """Add tags, remove tags, or both at once (setting a speaker replaces the old speaker tag)."""

    def __init__(
        self,
        session: ReviewSession,
        text: str,
        add: Sequence[TagSpec] = (),
        remove: Sequence[AnnotationInfo] = (),
    ) -> None:
        super().__init__(session, text)
        self.add_specs = list(add)
        self.remove_ids = [a.id for a in remove]
        # Versions to expect that the window has not seen yet ("use mine" after a conflict).
        self.override: dict[int, int] = {}
        self.removed = list(remove)
        self.remove_specs = [spec_of(a, session.speakers) for a in remove]
        self.replaced = store_ops.Replaced([], [])
        self.focus = sorted(
            {s.segment_index for s in self.add_specs} | {s.segment_index for s in self.remove_specs}
        )

    def forward(self) -> Changes:
        assert self.document_id is not None
        # What the window knows now (its own later steps may have changed these tags since).
        known = self.session.known_annotations()
        self.removed = [a if a.id in self.override else known.get(a.id, a) for a in self.removed]
        expected = {a.id: self.override.get(a.id, a.version) for a in self.removed}
        self.replaced = store_ops.replace_annotations(
            self.session.store, self.document_id, self.remove_ids, self.add_specs, expected
        )
        self.override.clear()
        return Changes(self.document_id, annotations=True, speakers=True, topics=True, focus=self.focus)

    def backward(self) -> Changes:
        assert self.document_id is not None
        # The removed ones come back as they were (same ids and times), so redo removes them again;
        # a topic the tags created (an accepted suggestion's) goes with them.
        store_ops.undo_replace(self.session.store, self.replaced, self.removed)
        return Changes(self.document_id, annotations=True, speakers=True, topics=True, focus=self.focus)

    def rebase(self, conflict: AnnotationConflict) -> bool:
        gone = conflict.theirs is None
        if gone:  # deleted by someone else already: what is left to do is the rest
            self.remove_ids.remove(conflict.annotation_id)
            self.removed = [a for a in self.removed if a.id != conflict.annotation_id]
        else:
            assert conflict.theirs is not None
            self.override[conflict.annotation_id] = conflict.theirs.version
            # Undo brings back what was removed: their version.
            self.removed = [conflict.theirs if a.id == conflict.annotation_id else a for a in self.removed]
        return bool(self.remove_ids or self.add_specs)


class UpdateAnnotationCommand(StoreCommand):
    """Change a tag's correction and note (or other fields), checked against the version seen."""

    def __init__(self, session: ReviewSession, text: str, before: AnnotationInfo, **changes: Any) -> None:
        super().__init__(session, text)
        self.before = before
        self.changes = changes
        self.override: int | None = None  # set by "use mine" after a conflict
        focus = [before.segment_index] if before.segment_index is not None else []
        self._changed = Changes(self.document_id, annotations=True, focus=focus)

    def _expected(self) -> int:
        """The version this window knows (its own other steps may have moved it)."""
        if self.override is not None:
            return self.override
        known = self.session.known_annotations().get(self.before.id)
        return known.version if known is not None else self.before.version

    def forward(self) -> Changes:
        self.session.store.update_annotation(
            self.before.id, expected_version=self._expected(), **self.changes
        )
        self.override = None
        return self._changed

    def backward(self) -> Changes:
        old = {name: getattr(self.before, name) for name in self.changes}
        self.session.store.update_annotation(self.before.id, expected_version=self._expected(), **old)
        return self._changed

    def rebase(self, conflict: AnnotationConflict) -> bool:
        if conflict.theirs is None:
            return False
        self.before, self.override = conflict.theirs, conflict.theirs.version
        return True


class SetSpeakerCommand(StoreCommand):
    """Assign who speaks in segments: the segment's own speaker, which the exports show too."""

    def __init__(self, session: ReviewSession, text: str, indices: Sequence[int], speaker: str) -> None:
        super().__init__(session, text)
        self.indices, self.speaker = sorted(set(indices)), speaker
        self.record: SpeakerAssignment | None = None

    def _changes(self) -> Changes:
        return Changes(self.document_id, speakers=True, segments=self.indices, focus=self.indices)

    def forward(self) -> Changes:
        assert self.document_id is not None
        self.record = self.session.store.set_segment_speakers(self.document_id, self.indices, self.speaker)
        return self._changes()

    def backward(self) -> Changes:
        assert self.record is not None
        self.session.store.restore_segment_speakers(self.record)
        return self._changes()


class RenameSpeakerCommand(StoreCommand):
    def __init__(self, session: ReviewSession, label: str, old_name: str, new_name: str) -> None:
        super().__init__(
            session,
            QCoreApplication.translate("Commands", "Rename speaker {0} → {1}").format(label, new_name),
        )
        self.label, self.old_name, self.new_name = label, old_name, new_name

    def _rename(self, name: str) -> Changes:
        assert self.document_id is not None
        self.session.store.rename_speaker(self.document_id, self.label, name)
        return Changes(self.document_id, annotations=True, speakers=True)

    def forward(self) -> Changes:
        return self._rename(self.new_name)

    def backward(self) -> Changes:
        return self._rename(self.old_name)


@dataclass(frozen=True)
class Decision:
    segment_index: int
    edit_id: int
    decision: str
    text: str | None
    old_decision: str
    old_text: str | None
    version: int = 1  # the edit's version when the reviewer saw it


class DecideEditsCommand(StoreCommand):
    """Accept, reject or change repair edits (one or many) in one transaction, each checked
    against the version the reviewer saw (another reviewer's decision is never overwritten)."""

    def __init__(self, session: ReviewSession, text: str, decisions: Sequence[Decision]) -> None:
        super().__init__(session, text)
        self.decisions = list(decisions)

    def _apply(self, new: bool) -> Changes:
        rows = [
            (d.segment_index, d.edit_id, d.decision if new else d.old_decision, d.text if new else d.old_text)
            for d in self.decisions
        ]
        # The versions the window shows now: its own later steps on these edits moved them.
        versions = {
            d.edit_id: self.session.known_edit_version(d.segment_index, d.edit_id, d.version)
            for d in self.decisions
        }
        store_ops.decide_edits(self.session.store, [(e, dec, t) for _i, e, dec, t in rows], versions)
        focus = sorted({d.segment_index for d in self.decisions})
        return Changes(self.document_id, annotations=True, speakers=True, decisions=rows, focus=focus)

    def forward(self) -> Changes:
        return self._apply(True)

    def backward(self) -> Changes:
        return self._apply(False)


# --- topics -----------------------------------------------------------------------------------


class CreateTopicCommand(StoreCommand):
    def __init__(self, session: ReviewSession, path: str, colour: str | None = None) -> None:
        super().__init__(session, QCoreApplication.translate("Commands", "New topic {0}").format(path))
        self.path, self.colour = path, colour
        self.created: list[str] = []

    def forward(self) -> Changes:
        self.created = store_ops.create_topic(self.session.store, self.path, self.colour)
        return Changes(self.document_id, topics=True)

    def backward(self) -> Changes:
        store_ops.delete_topics(self.session.store, self.created)
        return Changes(self.document_id, topics=True)


class RenameTopicCommand(StoreCommand):
    def __init__(self, session: ReviewSession, path: str, new_name: str) -> None:
        super().__init__(
            session, QCoreApplication.translate("Commands", "Rename topic {0} → {1}").format(path, new_name)
        )
        self.path, self.new_name = path, new_name
        self.old_name = path.rsplit(store_ops.SEP, 1)[-1]
        self.new_path = ""

    def forward(self) -> Changes:
        self.new_path = self.session.store.update_topic(self.path, rename=self.new_name).path
        return Changes(self.document_id, annotations=True, topics=True)

    def backward(self) -> Changes:
        self.session.store.update_topic(self.new_path, rename=self.old_name)
        return Changes(self.document_id, annotations=True, topics=True)


class TopicColourCommand(StoreCommand):
    def __init__(self, session: ReviewSession, path: str, old: str | None, new: str | None) -> None:
        super().__init__(session, QCoreApplication.translate("Commands", "Colour of topic {0}").format(path))
        self.path, self.old, self.new = path, old, new

    def forward(self) -> Changes:
        self.session.store.update_topic(self.path, colour=self.new or "")  # "" clears it
        return Changes(self.document_id, topics=True)

    def backward(self) -> Changes:
        self.session.store.update_topic(self.path, colour=self.old or "")
        return Changes(self.document_id, topics=True)


class MoveTopicCommand(StoreCommand):
    def __init__(self, session: ReviewSession, path: str, new_parent: str | None) -> None:
        super().__init__(session, QCoreApplication.translate("Commands", "Move topic {0}").format(path))
        self.path, self.new_parent = path, new_parent
        self.old_parent = path.rsplit(store_ops.SEP, 1)[0] if store_ops.SEP in path else None
        self.new_path = ""

    def forward(self) -> Changes:
        self.new_path = store_ops.move_topic(self.session.store, self.path, self.new_parent)
        return Changes(self.document_id, annotations=True, topics=True)

    def backward(self) -> Changes:
        store_ops.move_topic(self.session.store, self.new_path, self.old_parent)
        return Changes(self.document_id, annotations=True, topics=True)


class MergeTopicsCommand(StoreCommand):
    def __init__(self, session: ReviewSession, source: str, target: str) -> None:
        super().__init__(
            session, QCoreApplication.translate("Commands", "Merge topic {0} into {1}").format(source, target)
        )
        self.source, self.target = source, target
        self.record: store_ops.MergeRecord | None = None

    def forward(self) -> Changes:
        self.record = store_ops.merge_topics(self.session.store, self.source, self.target)
        return Changes(self.document_id, annotations=True, topics=True)

    def backward(self) -> Changes:
        assert self.record is not None
        store_ops.unmerge_topics(self.session.store, self.record)
        return Changes(self.document_id, annotations=True, topics=True)


# --- glossary -----------------------------------------------------------------------------------


class TeachCorrectionCommand(StoreCommand):
    """Teach ``wrong => right`` to the glossary and mark chosen occurrences (any document) as errors."""

    def __init__(
        self,
        session: ReviewSession,
        wrong: str,
        right: str,
        specs: dict[int, list[TagSpec]],
        glossary: bool = True,
    ) -> None:
        n = sum(len(v) for v in specs.values())
        super().__init__(session, f"Teach {wrong} → {right} ({n} occurrence{'s' if n != 1 else ''})")
        self.wrong, self.right, self.specs, self.glossary = wrong, right, specs, glossary
        self.record: store_ops.TeachRecord | None = None
        self.focus = sorted({s.segment_index for s in specs.get(self.document_id or -1, [])})

    def _changes(self) -> Changes:
        others = any(doc != self.document_id for doc in self.specs)
        return Changes(self.document_id, annotations=True, documents=others, focus=self.focus)

    def forward(self) -> Changes:
        self.record = store_ops.teach_correction(
            self.session.store, self.wrong, self.right, self.specs, glossary=self.glossary
        )
        return self._changes()

    def backward(self) -> Changes:
        assert self.record is not None
        store_ops.unteach_correction(self.session.store, self.record)
        return self._changes()
