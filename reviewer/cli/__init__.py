"""Command line: a thin argparse front; each group of sub-commands has a module here.

Contract (outside tests depend on it): README and ../shared/docs/architecture.md.
Bad input: one line on stderr, exit status 2, nothing in the store changed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from reviewer import __version__
from reviewer.cli import corrections, documents, exports, gui, repair, structure, tags, taxonomy, team
from reviewer.cli.common import EXIT_BAD_INPUT, Parser, error_line, printable
from reviewer.core.errors import InputError

Handler = Callable[[argparse.Namespace], int]

# Each registers its sub-commands on the parser.
REGISTRARS = (repair, documents, tags, corrections, structure, exports, taxonomy, team, gui)

# Arguments that name files: they may hold any bytes the file system allows.  Every other
# string argument is text that is stored or matched, and must be UTF-8.
PATH_ARGUMENTS = frozenset(
    {"file", "files", "out", "glossary", "load", "db", "source", "target", "screenshot"}
)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="reviewer", description="Review, repair and annotate transcripts.")
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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in REGISTRARS:
        module.register(sub, common)
    return parser


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Text that is not UTF-8 (a terminal in another encoding) is refused, never stored garbled."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and any(0xD800 <= ord(c) <= 0xDFFF for c in v):
                option = "--" + name.replace("_", "-")
                raise InputError(f"{option} {printable(v)!s} is not UTF-8 text; give it in UTF-8")


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            # A character the stream cannot take is shown as an escape, never a traceback.
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        args.handler = gui.self_test
    elif not getattr(args, "handler", None):
        # No sub-command: the window (Qt is imported only now).
        args.handler = gui.open_default
    try:
        _check_text_arguments(args)
        status = args.handler(args)
        sys.stdout.flush()
        return status
    except InputError as err:
        error_line(err)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error of ours.
        sys.stderr.close()
        return 0
    except OSError as err:  # stdout itself cannot be written (a full disk, /dev/full)
        error_line(f"cannot write the output ({err.strerror or err})")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
