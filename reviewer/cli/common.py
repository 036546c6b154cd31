"""What the sub-commands share: the parser, opening the store, argument parsing, safe output.

Bad input raises InputError; ``reviewer.cli.main`` prints it as one line and exits 2.
Everything printed from the store or from arguments goes through :func:`printable`: a
note, a topic or a file name can hold escape sequences that would retitle or clear the
reviewer's terminal, and a file name may hold bytes that are not UTF-8.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from reviewer.core.errors import InputError

if TYPE_CHECKING:
    from reviewer.store import Store

EXIT_BAD_INPUT = 2
# The largest id a store can hold (SQLite and PostgreSQL integers are 64-bit, signed).
MAX_ID = 2**63 - 1

# Characters a terminal acts on or that hide what follows: C0/C1 controls, DEL, the bidi
# controls that reorder a line, line and paragraph separators, a BOM, and lone surrogates
# (bytes of a file name that were not UTF-8, kept by Python as U+DC80…U+DCFF).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    code = ord(c)
    if c in _NAMED:
        return _NAMED[c]
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the byte itself, as Python's surrogateescape kept it
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: object) -> str:
    """``value`` as text safe to print on a terminal: controls shown as escapes, nothing acted on."""
    return _UNSAFE.sub(_escape, str(value))


def out(*fields: object) -> None:
    """One line of tab-separated fields on stdout, each made printable (tabs in a field too)."""
    sys.stdout.write("\t".join(printable(f) for f in fields) + "\n")


def error_line(message: object) -> None:
    sys.stderr.write(f"reviewer: error: {printable(message)}\n")


class Parser(argparse.ArgumentParser):
    """argparse with a usage error as one line and a hint, not the whole usage text."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {printable(message)}\n  (try: {self.prog} --help)\n")
        raise SystemExit(EXIT_BAD_INPUT)


def add_parser(
    sub: argparse._SubParsersAction, name: str, common: argparse.ArgumentParser, **kw: Any
) -> Parser:
    parser: Parser = sub.add_parser(name, parents=[common], **kw)
    return parser


def open_store_of(args: argparse.Namespace) -> Store:
    from reviewer.store import open_store

    return open_store(getattr(args, "db", None))


def whole_number(value: str, what: str, *, low: int = 0) -> int:
    """An id or index from the command line: a whole number a store can hold."""
    try:
        n = int(value)
    except ValueError:
        raise InputError(f"{what} must be a whole number, not {value!r}") from None
    if not low <= n <= MAX_ID:
        raise InputError(f"{what} must be a whole number from {low} to {MAX_ID}, not {value}")
    return n


def span(value: str) -> tuple[int, int]:
    start, sep, end = value.partition(":")
    if not sep:
        raise InputError(f"--span takes START:END (character offsets), not {value!r}")
    return whole_number(start, "span start"), whole_number(end, "span end")


def annotator(value: str | None) -> str | None:
    """--annotator, else $REVIEWER_ANNOTATOR, else the user name (the one rule: core.people)."""
    from reviewer.core.people import default_annotator

    if value is not None:
        return value.strip() or None
    return default_annotator()


def add_input_options(p: argparse.ArgumentParser) -> None:
    """--encoding and --format, as `repair` and `import` take them."""
    from reviewer.core.formats.detect import FORMAT_NAMES

    p.add_argument("--encoding", metavar="ENC", help="decode with this encoding instead of detecting it")
    p.add_argument(
        "--format", dest="fmt", choices=FORMAT_NAMES, help="parse as this format instead of detecting it"
    )
