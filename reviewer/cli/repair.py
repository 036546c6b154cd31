"""`reviewer repair FILE`: the repaired transcript (or everything as JSON); no store involved."""

from __future__ import annotations

import argparse
import json
import sys

from reviewer.cli.common import add_input_options, add_parser


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from reviewer.core.repair.pipeline import STEP_NAMES

    p = add_parser(
        sub,
        "repair",
        common,
        help="print a transcript file's repaired text (or everything as JSON)",
        description="Decode, parse and repair FILE; print the repaired transcript in its own format.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--glossary", metavar="GLOSSARY", help="UTF-8 file: one term per line, 'wrong => right' aliases"
    )
    add_input_options(p)
    p.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=STEP_NAMES,
        metavar="STEP",
        help=f"switch a repair step off (repeatable): {', '.join(STEP_NAMES)}",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object with segments and edits")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reviewer.core.document import load_document
    from reviewer.core.glossary import load_glossary
    from reviewer.core.repair.pipeline import RepairOptions

    glossary = load_glossary(args.glossary) if args.glossary else None
    options = RepairOptions.without(*args.skip, glossary=glossary)
    doc = load_document(args.file, options, encoding=args.encoding, fmt=args.fmt)
    if args.json:
        json.dump(doc.to_json(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(doc.repaired_text)
    return 0
