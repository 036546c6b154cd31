"""Command line: thin argparse front over reviewer.core (and reviewer.store).

Contract (outside tests depend on it): see docs in README and
../shared/docs/architecture.md.  Bad input: one line on stderr, exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from reviewer import __version__, cli_gui
from reviewer.cli_store import register as _register_store
from reviewer.cli_team import register as _register_team
from reviewer.core.errors import InputError

EXIT_BAD_INPUT = 2

Handler = Callable[[argparse.Namespace], int]


def _add_repair(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from reviewer.core.repair.pipeline import STEP_NAMES

    p = sub.add_parser(
        "repair",
        parents=[common],
        help="print a transcript file's repaired text (or everything as JSON)",
        description="Decode, parse and repair FILE; print the repaired transcript in its own format.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--glossary", metavar="GLOSSARY", help="UTF-8 file: one term per line, 'wrong => right' aliases"
    )
    p.add_argument("--encoding", metavar="ENC", help="decode with this encoding instead of detecting it")
    p.add_argument(
        "--format",
        dest="fmt",
        choices=("chat", "timestamped", "plain", "srt", "vtt"),
        help="parse as this format instead of detecting it",
    )
    p.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=STEP_NAMES,
        metavar="STEP",
        help=f"switch a repair step off (repeatable): {', '.join(STEP_NAMES)}",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object with segments and edits")
    p.set_defaults(handler=_cmd_repair)


def _cmd_repair(args: argparse.Namespace) -> int:
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


# Each registers its sub-commands on the parser; store commands join here.
REGISTRARS: list[Callable[[argparse._SubParsersAction, argparse.ArgumentParser], None]] = [
    _add_repair,
    _register_store,
    _register_team,
    cli_gui.register,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewer", description="Review, repair and annotate transcripts.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start the window offscreen on a temporary store, tag and undo once, exit 0 when all works",
    )
    parser.add_argument(
        "--db", metavar="URL", help="annotation store (default: $REVIEWER_DB or the user data folder)"
    )
    # --db is accepted after the sub-command too; SUPPRESS keeps the earlier value.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in REGISTRARS:
        register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        args.handler = cli_gui.self_test
    elif not getattr(args, "handler", None):
        # No sub-command: the window (Qt is imported only now).
        args.handler = cli_gui.open_default
    try:
        return args.handler(args)
    except InputError as err:
        print(f"reviewer: error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error of ours.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
