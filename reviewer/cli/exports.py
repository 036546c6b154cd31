"""`reviewer export csv|edits|json|transcript|agreement OUT`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewer.cli.common import add_parser, open_store_of, out, whole_number

if TYPE_CHECKING:
    from reviewer.store import Store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(sub, "export", common, help="write annotations or transcripts to files")
    kinds = p.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    c = add_parser(kinds, "csv", common, help="annotations as CSV (UTF-8 with BOM), one row each")
    c.add_argument("out", metavar="OUT.csv")
    c.add_argument("--document", metavar="ID", help="only this document's annotations")
    c.set_defaults(handler=_csv)
    e = add_parser(
        kinds,
        "edits",
        common,
        help="every edit (repairs, corrections) as CSV: kind, before, after, decision, who, when",
    )
    e.add_argument("out", metavar="OUT.csv")
    e.add_argument("--document", metavar="ID", help="only this document's edits")
    e.set_defaults(handler=_edits_csv)
    j = add_parser(kinds, "json", common, help="everything (or one document) as JSON")
    j.add_argument("out", metavar="OUT.json")
    j.add_argument("--document", metavar="ID", help="only this document")
    j.set_defaults(handler=_json)
    t = add_parser(
        kinds,
        "transcript",
        common,
        help="a document's repaired transcript as .txt, .srt or .vtt, with display names",
    )
    t.add_argument("doc_id", metavar="DOC_ID")
    t.add_argument("out", metavar="OUT.(txt|srt|vtt)")
    t.add_argument("--format", dest="fmt", choices=("txt", "srt", "vtt"), help="instead of OUT's extension")
    t.set_defaults(handler=_transcript)
    a = add_parser(
        kinds,
        "agreement",
        common,
        help="agreement between annotators (kappa per pair, alpha per kind) as CSV",
    )
    a.add_argument("out", metavar="OUT.csv")
    a.add_argument("--document", metavar="ID", help="only this document")
    a.add_argument("--annotators", metavar="A,B,…", help="these annotators only (default: all)")
    a.set_defaults(handler=_agreement)


def _document(args: argparse.Namespace) -> int | None:
    return whole_number(args.document, "--document") if args.document is not None else None


def _csv(args: argparse.Namespace) -> int:
    from reviewer.export.csv import export_csv

    return _rows_csv(args, export_csv, "annotations")


def _edits_csv(args: argparse.Namespace) -> int:
    from reviewer.export.edits_csv import export_edits_csv

    return _rows_csv(args, export_edits_csv, "edits")


def _rows_csv(args: argparse.Namespace, export: Callable[[Store, str, int | None], int], what: str) -> int:
    """A CSV of one document's rows (or every document's), its count printed."""
    from reviewer.export.atomic import check_writable

    doc_id = _document(args)
    check_writable(args.out)
    with open_store_of(args) as store:
        n = export(store, args.out, doc_id)
    out(f"{n} {what}", args.out)
    return 0


def _json(args: argparse.Namespace) -> int:
    from reviewer.export.atomic import check_writable
    from reviewer.export.json import export_json

    doc_id = _document(args)
    check_writable(args.out)
    with open_store_of(args) as store:
        if doc_id is not None:
            store.document(doc_id)
        n = export_json(store, args.out, doc_id)
    out(f"{n} documents", args.out)
    return 0


def _agreement(args: argparse.Namespace) -> int:
    from reviewer.cli.team import annotator_list
    from reviewer.export.agreement import export_agreement_csv
    from reviewer.export.atomic import check_writable

    doc_id = _document(args)
    names = annotator_list(args.annotators)
    check_writable(args.out)
    with open_store_of(args) as store:
        n = export_agreement_csv(store, args.out, doc_id, annotators=names)
    out(f"{n} rows", args.out)
    return 0


def _transcript(args: argparse.Namespace) -> int:
    from reviewer.export.transcript import export_transcript, format_for

    doc_id = whole_number(args.doc_id, "DOC_ID")
    format_for(args.out, args.fmt)
    with open_store_of(args) as store:
        n = export_transcript(store, doc_id, args.out, args.fmt)
    out(f"{n} segments", args.out)
    return 0
