"""`reviewer import FILE…` and `reviewer list`."""

from __future__ import annotations

import argparse

from reviewer.cli.common import add_input_options, add_parser, open_store_of, out


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(
        sub,
        "import",
        common,
        help="decode, parse, repair and store transcript files",
        description="Decode, parse, repair and store each FILE; prints one line per file: "
        "document id, new/unchanged/updated, segments, file.  Importing a changed file again "
        "updates its document and re-anchors its annotations.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--glossary", metavar="G", help="glossary file to use and keep in the store")
    add_input_options(p)
    p.set_defaults(handler=_import)
    p = add_parser(
        sub,
        "list",
        common,
        help="list stored documents",
        description="One line per document: id, format, segments, annotations, file name (tab-separated).",
    )
    p.set_defaults(handler=_list)


def _import(args: argparse.Namespace) -> int:
    from reviewer.core.glossary import load_glossary
    from reviewer.ops.imports import import_all_or_none

    glossary = load_glossary(args.glossary) if args.glossary else None
    with open_store_of(args) as store:
        results = import_all_or_none(store, args.files, glossary, encoding=args.encoding, fmt=args.fmt)
        for given, r in zip(args.files, results, strict=True):
            fields: list[object] = [r.document_id, r.status, f"{r.segments} segments", given]
            if r.status == "updated":
                fields.append(
                    f"annotations: {r.kept} kept, {r.changed} on changed text, {r.unplaced} unplaced"
                )
            out(*fields)
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_store_of(args) as store:
        for d in store.documents():
            out(d.id, d.format, d.segments, d.annotations, d.name)
    return 0
