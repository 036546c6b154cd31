"""What an operation changed, precisely enough that a view refreshes only that."""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.store.records import SpeakerInfo, StoredRows


@dataclass
class Changes:
    """Returned by every Op's do() and undo(); the window's session applies each field once.

    rows: segments whose text, edits, speaker or tags changed, as the op read them back in its
    own transaction (the window rebuilds just these rows from them, reading nothing).
    speakers: the document's speakers when a name changed or one was added (rows showing a
    renamed speaker follow from it). annotations: tags changed beyond ``rows`` (a topic renamed,
    moved or merged changes tags everywhere): read the document's tags again. topics: the topic
    tree or its counts. glossary: the stored glossary. error_types: the error taxonomy.
    documents: other documents whose records changed (their counts). restructure: segments were
    split or merged: (first index, rows there before, rows there now) in ascending order, in
    the numbering before; ``rows`` holds the rows there now, every later row's index moved by
    the difference. structure: the same where the op cannot say so precisely: show the
    document again. focus: the segments to show afterwards.
    """

    document_id: int | None = None
    rows: StoredRows | None = None
    speakers: tuple[SpeakerInfo, ...] | None = None
    annotations: bool = False
    topics: bool = False
    glossary: bool = False
    error_types: bool = False
    documents: frozenset[int] = frozenset()
    structure: bool = False
    restructure: tuple[tuple[int, int, int], ...] = ()
    focus: list[int] = field(default_factory=list)
