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
        _write_json(doc.to_json())
    else:
        sys.stdout.write(doc.repaired_text)
    return 0


def _write_json(obj: object) -> None:
    """One JSON object and a newline on stdout, UTF-8.  orjson encodes in C (the standard
    encoder streamed a 5 MB export's 25 MB of JSON at a third of the repair's own speed);
    text orjson refuses (a lone surrogate) goes through the standard one."""
    import orjson

    try:
        data = orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE)
    except (orjson.JSONEncodeError, TypeError):
        data = (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a text-only stream (a caller's StringIO)
        sys.stdout.write(data.decode("utf-8", "surrogatepass"))
        return
    sys.stdout.flush()
    out.write(data)
    out.flush()
