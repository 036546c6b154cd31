"""Who speaks: assign a segment's speaker, and rename a speaker label."""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.ops.base import AS_BUILT, Op, Seen
from reviewer.ops.changes import Changes
from reviewer.store import SpeakerAssignment, Store
from reviewer.store import assignments as _assign
from reviewer.store import speakers as _speakers
from reviewer.store.dump import speakers_of, stored_rows


class SetSpeaker(Op):
    """These segments' own speaker (the exports show it too); a new name becomes a speaker."""

    def __init__(self, document_id: int, indices: Sequence[int], speaker: str, title: str = "") -> None:
        super().__init__(document_id, title)
        self.indices, self.speaker = sorted(set(indices)), speaker
        self.record: SpeakerAssignment | None = None

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.document_id is not None
        with store.write() as s:
            self.record = _assign.set_segment_speakers(s, self.document_id, self.indices, self.speaker)
            rows = stored_rows(s, self.document_id, self.indices)
        return Changes(self.document_id, rows=rows, speakers=rows.speakers, focus=self.indices)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.record is not None and self.document_id is not None
        with store.write() as s:
            _assign.restore_segment_speakers(s, self.record)
            rows = stored_rows(s, self.document_id, self.indices)
        return Changes(self.document_id, rows=rows, speakers=rows.speakers, focus=self.indices)


class RenameSpeaker(Op):
    """Give speaker ``label`` a display name (and role): every row and tag of it shows it at once."""

    def __init__(
        self, document_id: int, label: str, new_name: str, role: str | None = None, title: str = ""
    ) -> None:
        super().__init__(document_id, title)
        self.label, self.new_name, self.role = label, new_name, role
        self.old: tuple[str, str | None] | None = None  # (display name, role) before, read by do()

    def _rename(self, store: Store, name: str, role: str | None, *, first: bool) -> Changes:
        assert self.document_id is not None
        with store.write() as s:
            found = _speakers.find_speaker(s, self.document_id, self.label)
            if first and found is not None:
                self.old = (found.display_name, found.role)
                self.label = found.label  # (given by display name: undo must find it by label)
            _speakers.rename_speaker(s, self.document_id, self.label, name, role)
            s.flush()
            speakers = tuple(speakers_of(s, self.document_id))
        return Changes(self.document_id, speakers=speakers)

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        return self._rename(store, self.new_name, self.role, first=True)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.old is not None
        # The role goes back only if this rename set one ("" clears it).
        role = None if self.role is None else (self.old[1] or "")
        return self._rename(store, self.old[0], role, first=False)
