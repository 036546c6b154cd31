"""The Store: transactions, reads and single writes; reviewer.ops builds the user actions on them.

Each public method that writes is one short transaction (``BEGIN IMMEDIATE`` on
SQLite), committed before it returns; a failure (InputError included) rolls it
back, so the store is never left half-changed.  Read methods return plain
records (records.py), never live ORM objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from reviewer.core import own_files
from reviewer.core.errors import InputError
from reviewer.core.glossary import Glossary
from reviewer.store import annotations as _ann
from reviewer.store import assignments as _assign
from reviewer.store import corrections as _corrections
from reviewer.store import documents as _docs
from reviewer.store import dump as _dump
from reviewer.store import edit_decisions as _edits
from reviewer.store import glossary_store as _gloss
from reviewer.store import speakers as _speakers
from reviewer.store import taxonomy as _tax
from reviewer.store import team as _team
from reviewer.store.engine import WRITE_OPTION, is_sqlite, make_engine, sqlite_file
from reviewer.store.errors import StoreError, db_reason
from reviewer.store.migrate import MigrationReport, describe, prepare
from reviewer.store.paths import resolve_db_url
from reviewer.store.records import (
    AnnotationInfo,
    AnnotationRow,
    DocumentInfo,
    DocumentSummary,
    EditInfo,
    ErrorTypeInfo,
    ImportResult,
    SegmentInfo,
    SpeakerAssignment,
    SpeakerInfo,
    StoredRows,
    TopicInfo,
)

if TYPE_CHECKING:
    from reviewer.core.agreement import GroupAgreement
    from reviewer.core.document import RepairedDocument
    from reviewer.core.progress import Progress
    from reviewer.core.repair.pipeline import RepairOptions

KEEP = _ann.KEEP
TagSpec = _ann.TagSpec


def open_store(url: str | None = None, *, must_exist: bool = False, **engine_kwargs: Any) -> Store:
    """Open (creating or upgrading as needed) the store at ``url`` / $REVIEWER_DB / the default place.

    ``must_exist``: a SQLite file that is not there is refused instead of created (a source to
    copy from).  A URL of another kind of database, or one that cannot be parsed, is refused
    with one line.
    """
    resolved = resolve_db_url(url)
    backend = check_url(resolved)
    database = sqlite_file(resolved) if backend == "sqlite" else None
    if must_exist and database is not None and not Path(database).is_file():
        raise InputError(f"no such store: {database}")
    if database is not None:
        own_files.hold(database)  # from the first connection on: nothing else here may open it
    try:
        try:
            engine = make_engine(resolved, **engine_kwargs)
        except (SQLAlchemyError, ImportError, ValueError) as exc:  # no driver, a malformed address
            raise InputError(f"{_redacted(resolved)}: cannot open this store ({_first_line(exc)})") from None
        try:
            report = prepare(engine, resolved)
        except BaseException:
            engine.dispose()
            raise
    except BaseException:
        if database is not None:
            own_files.release(database)
        raise
    return Store(resolved, engine, report)


# The databases a store can live in: a SQLite file (personal) or a PostgreSQL server (a team).
BACKENDS = ("sqlite", "postgresql")


def check_url(url: str) -> str:
    """The URL's backend name; InputError for a URL that cannot be parsed or names another database."""
    from sqlalchemy.engine import make_url

    try:
        backend = make_url(url).get_backend_name()
    except (SQLAlchemyError, ValueError) as exc:
        raise InputError(f"{_redacted(url)}: not a store address ({_first_line(exc)})") from None
    if backend not in BACKENDS:
        raise InputError(
            f"{_redacted(url)}: a store is a SQLite file or a postgresql+psycopg:// URL, not {backend}"
        )
    return backend


def _redacted(url: str) -> str:
    """The URL without its password, as far as it can be parsed."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):
        return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class Store:
    def __init__(self, url: str, engine: Engine, report: MigrationReport) -> None:
        self.url = url
        self.engine = engine
        self.migration = report
        self._closed = False
        self._reads = sessionmaker(engine, expire_on_commit=False)
        self._writes = sessionmaker(engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()
        database = sqlite_file(self.url)
        if database is not None and not self._closed:
            own_files.release(database)
        self._closed = True

    @property
    def where(self) -> str:
        return describe(self.url)

    # --- transactions -------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        try:
            with self._writes() as session, session.begin():
                yield session
        except InputError:
            raise
        except DBAPIError as exc:
            raise StoreError(f"{self.where}: the store cannot be written ({db_reason(exc)})") from None

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._reads() as session, session.begin():
                yield session
        except InputError:
            raise
        except DBAPIError as exc:
            raise StoreError(f"{self.where}: the store cannot be read ({db_reason(exc)})") from None

    # --- documents ----------------------------------------------------------------------------

    def import_document(self, doc: RepairedDocument, progress: Progress | None = None) -> ImportResult:
        """Store ``doc`` in one transaction; ``progress`` may raise progress.Cancelled: rolled back."""
        with self.write() as s:
            return _docs.import_document(s, doc, progress)

    def load_file(
        self,
        path: str | Path,
        glossary: Glossary | None = None,
        options: RepairOptions | None = None,
        **kw: Any,
    ) -> RepairedDocument:
        """Decode, parse and repair a file with the stored glossary plus ``glossary`` (nothing is written)."""
        from reviewer.core.document import load_document

        return load_document(path, self._repair_options(glossary, options), **kw)

    def import_file(
        self,
        path: str | Path,
        glossary: Glossary | None = None,
        *,
        encoding: str | None = None,
        fmt: str | None = None,
    ) -> ImportResult:
        """Load the file (with the stored glossary plus ``glossary``), keep ``glossary``, store the file.

        A file whose decoded text is already stored returns ``unchanged`` without running
        the repair pipeline (``skipped_repair``).  A file that cannot be read changes
        nothing; the glossary and the document are then written in one transaction each.
        """
        from reviewer.core.decoding import decode_file

        decoded = decode_file(path, encoding)
        with self.read() as s:
            known = _docs.unchanged_result(s, str(path), decoded.text)
        if known is not None:
            if glossary:
                self.add_glossary(glossary)
            return known
        doc = self.repair_decoded(path, decoded.text, decoded.encoding, decoded.reason, glossary, fmt=fmt)
        if glossary:
            self.add_glossary(glossary)
        return self.import_document(doc)

    def repair_decoded(
        self,
        path: str | Path,
        text: str,
        encoding: str,
        encoding_reason: str,
        glossary: Glossary | None = None,
        *,
        fmt: str | None = None,
    ) -> RepairedDocument:
        """Parse and repair decoded text with the stored glossary plus ``glossary`` (nothing is written)."""
        from reviewer.core.document import repair_text

        return repair_text(
            text,
            self._repair_options(glossary),
            path=str(path),
            encoding=encoding,
            encoding_reason=encoding_reason,
            fmt=fmt,
        )

    def _repair_options(
        self, glossary: Glossary | None, options: RepairOptions | None = None
    ) -> RepairOptions:
        from reviewer.core.repair.pipeline import RepairOptions

        merged = self.glossary()
        if glossary:
            merged.terms.extend(t for t in glossary.terms if t not in merged.terms)
            merged.aliases.update(glossary.aliases)
        opts = options or RepairOptions()
        return RepairOptions(opts.steps, merged if merged else None)

    def documents(self) -> list[DocumentSummary]:
        with self.read() as s:
            return _dump.document_summaries(s)

    def document(self, document_id: int) -> DocumentInfo:
        with self.read() as s:
            return _dump.document_info(s, document_id)

    def segments(
        self, document_id: int, *, with_edits: bool = True, indexes: Iterable[int] | None = None
    ) -> list[SegmentInfo]:
        """The document's segments in index order (only those ``indexes`` if given)."""
        with self.read() as s:
            return _dump.segments_of(s, document_id, with_edits=with_edits, indexes=indexes)

    def stored_rows(self, document_id: int, indexes: Iterable[int] | None = None) -> StoredRows:
        """Those segments (None: all) with their annotations, and the document's speakers, in
        one read: one snapshot, so a row never shows a tag on text another write replaced."""
        with self.read() as s:
            return _dump.stored_rows(s, document_id, indexes)

    def find_edit(self, edit_id: int) -> tuple[int, int, EditInfo] | None:
        """(document id, segment index, edit) of edit ``edit_id`` (None: none, or superseded)."""
        with self.read() as s:
            return _edits.find_edit(s, edit_id)

    def hand_corrected(self, document_id: int) -> set[int]:
        """Indexes of segments holding a correction of the reviewer's own (a ``manual`` edit)."""
        with self.read() as s:
            return _corrections.hand_corrected(s, document_id)

    def segment_count(self, document_id: int) -> int:
        with self.read() as s:
            return _dump.segment_count(s, document_id)

    def segments_page(
        self, document_id: int, offset: int, limit: int, *, with_edits: bool = True
    ) -> list[SegmentInfo]:
        """Segments ``offset`` … ``offset + limit - 1`` in index order (positions, not index values)."""
        with self.read() as s:
            return _dump.segments_of(s, document_id, with_edits=with_edits, offset=offset, limit=limit)

    def segment(self, document_id: int, index: int, *, with_edits: bool = True) -> SegmentInfo:
        """The segment with this index; an unknown one raises InputError."""
        with self.read() as s:
            found = _dump.segments_of(s, document_id, with_edits=with_edits, indexes=[index])
            if not found:
                _ann._segment_for(s, document_id, index)  # raises with the document's range
            return found[0]

    def set_segment_speakers(
        self, document_id: int, segment_indexes: Iterable[int], label_or_display_name: str
    ) -> SpeakerAssignment:
        """Assign who speaks in these segments (a label or display name; a new one becomes a speaker).

        The assignment overrides the file's label in ``segments()`` and the exports; the
        returned record undoes it with ``restore_segment_speakers``.  One transaction.
        """
        with self.write() as s:
            return _assign.set_segment_speakers(s, document_id, segment_indexes, label_or_display_name)

    def restore_segment_speakers(self, assignment: SpeakerAssignment) -> None:
        """Put back the assignments ``assignment`` replaced (and drop a speaker it created, if unused)."""
        with self.write() as s:
            _assign.restore_segment_speakers(s, assignment)

    def delete_document(self, document_id: int) -> None:
        with self.write() as s:
            s.delete(_tax.require_document(s, document_id))

    # --- repair edits -------------------------------------------------------------------------

    def decide_edit(
        self, edit_id: int, decision: str, text: str | None = None, *, expected_version: int | None = None
    ) -> None:
        """accepted / rejected / changed (with ``text``) / pending; the segment's repaired text follows.

        With ``expected_version`` (EditInfo.version as read), an edit another reviewer decided
        since raises EditConflict (with theirs and mine) and nothing is written.
        """
        with self.write() as s:
            _edits.decide_edit(s, edit_id, decision, text, expected_version)

    # --- annotations --------------------------------------------------------------------------

    def tag(
        self,
        document_id: int,
        segment_index: int,
        *,
        speaker: str | None = None,
        topic: str | None = None,
        error: str | None = None,
        span: tuple[int, int] | None = None,
        target: str = "repaired",
        correction: str | None = None,
        note: str | None = None,
        annotator: str | None = None,
    ) -> int:
        """Annotate a segment (or ``span`` of its ``target`` text) with exactly one of speaker/topic/error."""
        spec = TagSpec.one_of(
            segment_index,
            speaker=speaker,
            topic=topic,
            error=error,
            span=span,
            target=target,
            correction=correction,
            note=note,
            annotator=annotator,
        )
        return self.tag_many(document_id, [spec])[0]

    def tag_many(self, document_id: int, specs: Iterable[TagSpec]) -> list[int]:
        """Add many annotations to one document in one transaction (all or none); returns their ids."""
        with self.write() as s:
            return _ann.add_annotations(s, document_id, specs)

    def update_annotation(
        self, annotation_id: int, *, expected_version: int | None = None, **changes: Any
    ) -> AnnotationInfo:
        """Change fields (see annotations.update_annotation); ``confirm=True`` accepts a re-anchored place.

        With ``expected_version`` (AnnotationInfo.version as read), an annotation another reviewer
        changed or deleted since raises AnnotationConflict (theirs and mine) and nothing is written.
        Returns the annotation as stored now (its new version).
        """
        with self.write() as s:
            _ann.update_annotation(s, annotation_id, expected_version=expected_version, **changes)
            s.flush()
            info = _ann.annotation_info(s, annotation_id)
        assert info is not None
        return info

    def delete_annotation(self, annotation_id: int, *, expected_version: int | None = None) -> None:
        """Delete it; with ``expected_version``, one changed or deleted since raises AnnotationConflict."""
        with self.write() as s:
            _ann.delete_annotation(s, annotation_id, expected_version)

    def annotation(self, annotation_id: int) -> AnnotationInfo | None:
        """One annotation as stored now (None: there is none with this id)."""
        with self.read() as s:
            return _ann.annotation_info(s, annotation_id)

    def restore_annotation(self, record: AnnotationInfo) -> None:
        """Bring a deleted annotation back with its id and timestamps (undo of a deletion)."""
        self.restore_annotations([record])

    def restore_annotations(
        self,
        records: Sequence[AnnotationInfo],
        remove: Sequence[int] = (),
        *,
        expected: Mapping[int, int] | None = None,
    ) -> None:
        """Delete annotations ``remove``, then bring ``records`` back as they were; one transaction.

        ``expected`` maps ids of ``remove`` to the version the caller last saw (AnnotationConflict
        if another reviewer changed one since).  A restored annotation keeps its record's version
        unless a row with its id is removed here (then it is newer): annotations.restore_annotations.
        """
        expected = expected or {}
        with self.write() as s:
            floor = {i: _ann.delete_annotation(s, i, expected.get(i)) for i in remove}
            s.flush()
            _ann.restore_annotations(s, records, floor)

    def annotations(
        self, document_id: int | None = None, annotator: str | None = None
    ) -> list[AnnotationInfo]:
        """In reading order; ``annotator``: only that reviewer's (exact name), None: everyone's."""
        with self.read() as s:
            return _ann.list_annotations(s, document_id, annotator)

    # --- team review --------------------------------------------------------------------------

    @property
    def is_shared(self) -> bool:
        """True on a database server (PostgreSQL): other reviewers may write at the same time."""
        return not is_sqlite(self.url)

    def annotators(self, document_id: int | None = None) -> list[str]:
        """Names of everyone with an annotation (in the document), sorted; no name is left out."""
        with self.read() as s:
            return _team.annotators(s, document_id)

    def change_token(self, document_id: int) -> tuple[Any, ...]:
        """A cheap fingerprint of what the window shows of the document (one query): poll it, and
        reload when it differs from the last one (another reviewer wrote something)."""
        with self.read() as s:
            return _team.change_token(s, document_id)

    def agreement(
        self,
        document_id: int,
        kind: str,
        annotators: Sequence[str] | None = None,
        *,
        all_segments: bool = False,
    ) -> GroupAgreement:
        """Agreement of ``annotators`` (default: all in the document) on one tag kind; see store.team."""
        with self.read() as s:
            return _team.agreement(s, document_id, kind, annotators, all_segments=all_segments)

    def agreement_report(
        self,
        document_id: int,
        kinds: Sequence[str] = _team.KINDS,
        annotators: Sequence[str] | None = None,
        *,
        all_segments: bool = False,
    ) -> dict[str, GroupAgreement]:
        """kind → agreement, for the kinds asked, read in one transaction."""
        with self.read() as s:
            return {
                k: _team.agreement(s, document_id, k, annotators, all_segments=all_segments) for k in kinds
            }

    def annotation_rows(self, document_id: int | None = None) -> Iterator[AnnotationRow]:
        """Export rows, streamed inside one read transaction (a consistent snapshot)."""
        with self.read() as s:
            yield from _ann.annotation_rows(s, document_id)

    # --- speakers, topics, error types --------------------------------------------------------

    def speakers(self, document_id: int) -> list[SpeakerInfo]:
        with self.read() as s:
            return _dump.speakers_of(s, document_id)

    def rename_speaker(
        self, document_id: int, label: str, display_name: str, role: str | None = None
    ) -> SpeakerInfo:
        """Give a speaker label its display name (and role); every segment and tag shows it at once."""
        with self.write() as s:
            return _speakers.speaker_info(_speakers.rename_speaker(s, document_id, label, display_name, role))

    def topics(self) -> list[TopicInfo]:
        with self.read() as s:
            return _tax.list_topics(s)

    def ensure_topic(
        self, path: str, *, colour: str | None = None, description: str | None = None
    ) -> TopicInfo:
        with self.write() as s:
            _tax.ensure_topic(s, path)
            return _tax.topic_info(_tax.update_topic(s, path, colour=colour, description=description))

    def update_topic(self, path: str, **changes: Any) -> TopicInfo:
        with self.write() as s:
            return _tax.topic_info(_tax.update_topic(s, path, **changes))

    def error_types(self) -> list[ErrorTypeInfo]:
        with self.read() as s:
            return _tax.list_error_types(s)

    def add_error_type(self, key: str, name: str, description: str | None = None) -> ErrorTypeInfo:
        with self.write() as s:
            return _tax.error_type_info(_tax.add_error_type(s, key, name, description))

    def update_error_type(
        self, key: str, *, name: str | None = None, description: str | None = None
    ) -> ErrorTypeInfo:
        with self.write() as s:
            return _tax.error_type_info(_tax.update_error_type(s, key, name, description))

    # --- glossary -----------------------------------------------------------------------------

    def glossary(self) -> Glossary:
        with self.read() as s:
            return _gloss.stored_glossary(s)

    def add_glossary(self, glossary: Glossary) -> tuple[int, int]:
        with self.write() as s:
            return _gloss.merge_glossary(s, glossary)

    def add_term(self, term: str, aliases: Sequence[str] = ()) -> tuple[int, int]:
        return self.add_glossary(Glossary([term], dict.fromkeys(aliases, term)))

    def remove_glossary_entry(self, value: str) -> str:
        with self.write() as s:
            return _gloss.remove_glossary_entry(s, value)

    # --- everything ---------------------------------------------------------------------------

    def dump(self, document_id: int | None = None) -> dict[str, Any]:
        with self.read() as s:
            return _dump.dump(s, document_id)
