"""The annotation store: SQLAlchemy 2 models, Alembic migrations, and the Store API over them.

    from reviewer.store import open_store
    with open_store("my.sqlite3") as store:      # or None: $REVIEWER_DB / the user data folder
        doc = store.import_file("talk.txt").document_id
        store.tag(doc, 3, topic="AI/Education", span=(0, 12), note="…")

All SQL lives in this package; nothing here imports Qt.
"""

from reviewer.store.errors import AnnotationConflict, EditConflict
from reviewer.store.records import (
    AnnotationInfo,
    AnnotationRow,
    DocumentInfo,
    DocumentSummary,
    ErrorTypeInfo,
    ImportResult,
    SegmentInfo,
    SpeakerAssignment,
    SpeakerInfo,
    StoredRows,
    TopicInfo,
)
from reviewer.store.store import Store, StoreError, TagSpec, open_store

__all__ = [
    "AnnotationConflict",
    "AnnotationInfo",
    "AnnotationRow",
    "DocumentInfo",
    "DocumentSummary",
    "EditConflict",
    "ErrorTypeInfo",
    "ImportResult",
    "SegmentInfo",
    "SpeakerAssignment",
    "SpeakerInfo",
    "Store",
    "StoreError",
    "StoredRows",
    "TagSpec",
    "TopicInfo",
    "open_store",
]
