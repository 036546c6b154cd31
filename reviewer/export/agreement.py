"""Inter-annotator agreement in exports: JSON-ready data, CSV rows and the CLI's text lines.

Figures come from Store.agreement_report (policy: reviewer.store.team): per tag kind,
Krippendorff's alpha for the group and Cohen's kappa for every pair, each with the number of
segments compared.  Undefined figures are empty (CSV) / null (JSON) with the reason given.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.export.atomic import atomic_write
from reviewer.export.csv import neutralise

if TYPE_CHECKING:
    from reviewer.core.agreement import GroupAgreement
    from reviewer.store import Store

KINDS = ("speaker", "topic", "error")

# The agreement CSV's columns, in this order (only ever append).
COLUMNS: tuple[str, ...] = (
    "document_id",
    "file_name",
    "kind",
    "measure",
    "annotator_a",
    "annotator_b",
    "value",
    "segments",
    "observed",
    "expected",
    "reason",
)


def _num(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


def group_json(g: GroupAgreement) -> dict[str, Any]:
    """One kind's figures as plain JSON data."""
    return {
        "annotators": list(g.annotators),
        "segments": g.units,
        "alpha": _num(g.alpha),
        "alpha_reason": g.reason,
        "observed_disagreement": _num(g.observed_disagreement),
        "expected_disagreement": _num(g.expected_disagreement),
        "unpairable_segments": g.unpairable,
        "pairs": [
            {
                "a": p.a,
                "b": p.b,
                "kappa": _num(p.kappa),
                "segments": p.units,
                "observed": _num(p.observed),
                "expected": _num(p.expected),
                "only_a": p.only_a,
                "only_b": p.only_b,
                "reason": p.reason,
            }
            for p in g.pairs
        ],
    }


def agreement_json(report: Mapping[str, GroupAgreement]) -> dict[str, Any]:
    """kind → figures (the JSON export puts this under each document's "agreement")."""
    return {kind: group_json(g) for kind, g in report.items()}


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}"


def csv_rows(document_id: int, file_name: str, report: Mapping[str, GroupAgreement]) -> Iterator[list[str]]:
    for kind, g in report.items():
        yield [
            str(document_id),
            neutralise(file_name),
            kind,
            "alpha",
            "",
            "",
            _fmt(g.alpha),
            str(g.units),
            _fmt(None if g.observed_disagreement is None else 1 - g.observed_disagreement),
            _fmt(None if g.expected_disagreement is None else 1 - g.expected_disagreement),
            g.reason or "",
        ]
        for p in g.pairs:
            yield [
                str(document_id),
                neutralise(file_name),
                kind,
                "kappa",
                neutralise(p.a),
                neutralise(p.b),
                _fmt(p.kappa),
                str(p.units),
                _fmt(p.observed),
                _fmt(p.expected),
                p.reason or "",
            ]


def export_agreement_csv(
    store: Store,
    path: str | Path,
    document_id: int | None = None,
    kinds: Sequence[str] = KINDS,
    annotators: Sequence[str] | None = None,
) -> int:
    """Agreement of every document (or one) as CSV, UTF-8 with BOM and CRLF like the annotation CSV.

    One row per kind for alpha (observed/expected: 1 - D_o and 1 - D_e) and one per pair for kappa
    (p_o, p_e).  Written atomically; returns the number of rows.
    """
    docs = [store.document(document_id)] if document_id is not None else store.documents()
    reports = [(d.id, d.name, store.agreement_report(d.id, kinds, annotators)) for d in docs]
    n = 0
    with atomic_write(path, encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(COLUMNS)
        for doc_id, name, report in reports:
            for row in csv_rows(doc_id, name, report):
                w.writerow(row)
                n += 1
    return n


def text_lines(report: Mapping[str, GroupAgreement]) -> Iterator[str]:
    """What `reviewer agreement` prints: per kind, segments compared, alpha, then kappa per pair."""
    for kind, g in report.items():
        names = ", ".join(g.annotators) or "none"
        yield f"{kind}: {g.units} segments compared; annotators: {names}"
        alpha = f"{g.alpha:.3f}" if g.alpha is not None else f"undefined ({g.reason})"
        yield f"  Krippendorff's alpha (nominal): {alpha}"
        for p in g.pairs:
            kappa = f"{p.kappa:.3f}" if p.kappa is not None else f"undefined ({p.reason})"
            yield f"  Cohen's kappa {p.a} / {p.b}: {kappa} over {p.units} segments"
