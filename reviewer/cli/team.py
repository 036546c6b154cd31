"""Team review: `reviewer agreement` between annotators, and `reviewer copy` of a whole store."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from reviewer.cli.common import add_parser, open_store_of, out, whole_number
from reviewer.core.errors import InputError

if TYPE_CHECKING:
    from reviewer.ops.copy import CopyReport

KINDS = ("speaker", "topic", "error")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(
        sub,
        "agreement",
        common,
        help="agreement between annotators on a document: Cohen's kappa per pair, Krippendorff's alpha",
        description="Per tag kind: the number of segments compared, Krippendorff's alpha (nominal) for "
        "the group and Cohen's kappa for every pair of annotators.  Compared are the segments where "
        "one of them put a tag of that kind; an annotator's label is the set of their tags there.",
    )
    p.add_argument("doc_id", metavar="DOC_ID")
    p.add_argument("--kind", choices=KINDS, help="only this tag kind (default: all three)")
    p.add_argument(
        "--annotators", metavar="A,B,…", help="these annotators only (default: all in the document)"
    )
    p.add_argument(
        "--all-segments",
        action="store_true",
        help="compare every segment (untagged ones count as 'no tag'), not only the tagged ones",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object (kind → figures)")
    p.set_defaults(handler=_agreement)

    p = add_parser(
        sub,
        "copy",
        common,
        help="copy a whole store into another, empty one (e.g. a SQLite file into PostgreSQL)",
        description="Copy every document, segment, edit and decision, speaker, annotation, topic, "
        "error type and glossary entry from --from into --to (both migrated first).  --from must "
        "exist; --to must be empty (a new store); it is written in one transaction, and the per-table "
        "counts and the content hash of both are compared before it is committed: exit 0 only when "
        "they are equal.",
    )
    p.add_argument("--from", dest="source", required=True, metavar="URL", help="a store URL or file")
    p.add_argument("--to", dest="target", required=True, metavar="URL", help="a store URL or file")
    p.set_defaults(handler=_copy)


def annotator_list(value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = [n.strip() for n in value.split(",") if n.strip()]
    if len(names) < 2:
        raise InputError(f"--annotators takes two or more names separated by commas, not {value!r}")
    return names


def _agreement(args: argparse.Namespace) -> int:
    from reviewer.export.agreement import agreement_json, text_lines

    doc_id = whole_number(args.doc_id, "DOC_ID")
    names = annotator_list(args.annotators)
    kinds = (args.kind,) if args.kind else KINDS
    with open_store_of(args) as store:
        report = store.agreement_report(doc_id, kinds, names, all_segments=args.all_segments)
    if args.json:
        json.dump({"document_id": doc_id, **agreement_json(report)}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for line in text_lines(report):
            out(line)
    return 0


def _copy(args: argparse.Namespace) -> int:
    from reviewer.ops.copy import CopyMismatch, copy_store

    try:
        report = copy_store(args.source, args.target)
    except CopyMismatch as exc:
        _print_report(exc.report)
        raise
    _print_report(report)
    return 0


def _print_report(report: CopyReport) -> None:
    out("table", report.source, report.target)
    for table, (a, b) in report.counts.items():
        out(table, a, b)
    out("content sha256", report.source_hash, report.target_hash)
    out("equal" if report.equal else "NOT EQUAL")
