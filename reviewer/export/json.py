"""The store (or one document) as one JSON file: documents, segments, edits, speakers, annotations,
topics, error types and the glossary.  Shape: ``reviewer.store.dump``, plus each document's
"agreement" between its annotators (``reviewer.export.agreement.agreement_json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.export.agreement import agreement_json
from reviewer.export.atomic import atomic_write

if TYPE_CHECKING:
    from reviewer.store import Store


def export_json(store: Store, path: str | Path, document_id: int | None = None) -> int:
    """Write the JSON atomically; returns the number of documents in it."""
    data = store.dump(document_id)
    # Each document's inter-annotator agreement per tag kind (reviewer.store.team has the policy).
    for d in data["documents"]:
        d["agreement"] = agreement_json(store.agreement_report(d["id"]))
    with atomic_write(path, encoding="utf-8", newline="\n") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return len(data["documents"])
