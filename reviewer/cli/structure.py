"""`reviewer split` and `merge`: a segment in two at a position, or joined with the next one."""

from __future__ import annotations

import argparse
import math

from reviewer.cli.common import add_parser, annotator, open_store_of, out, whole_number
from reviewer.core.errors import InputError
from reviewer.core.people import ANNOTATOR_ENV


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(
        sub,
        "split",
        common,
        help="split a segment in two at a position of its text",
        description="Split segment SEG of document DOC at code point POS of its current repaired "
        "text; the rows after it move down one.  The second part starts at --time, else at its "
        "fragment's own timestamp (a split at a fragment join), else at the characters' share of "
        "the segment's time.  Prints `split SEG at TIME (how)`.",
    )
    p.add_argument("doc_id", metavar="DOC")
    p.add_argument("segment_index", metavar="SEG")
    p.add_argument("--at", required=True, metavar="POS", help="code point in the repaired text")
    p.add_argument("--time", metavar="SECONDS", help="the second part's start time")
    p.set_defaults(handler=_split)

    p = add_parser(
        sub,
        "merge",
        common,
        help="merge a segment with the next one",
        description="Join segment SEG of document DOC and the next one into one row, through a "
        "`merge` edit (rejecting it with `reviewer decide` splits them again).",
    )
    p.add_argument("doc_id", metavar="DOC")
    p.add_argument("segment_index", metavar="SEG")
    p.add_argument(
        "--annotator", metavar="NAME", help=f"who merges (default: ${ANNOTATOR_ENV} or your user name)"
    )
    p.set_defaults(handler=_merge)


def _seconds(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        t = float(value)
    except ValueError:
        raise InputError(f"--time takes seconds (e.g. 12.5), not {value!r}") from None
    if not math.isfinite(t) or t < 0:
        raise InputError(f"--time must be a time of zero seconds or more, not {value!r}")
    return t


def _split(args: argparse.Namespace) -> int:
    from reviewer.ops import run
    from reviewer.ops.structure import SplitSegment

    doc = whole_number(args.doc_id, "DOC")
    index = whole_number(args.segment_index, "SEG")
    at = whole_number(args.at, "POS")
    time = _seconds(args.time)
    with open_store_of(args) as store:
        text = store.segment(doc, index, with_edits=False).repaired
        op = SplitSegment(doc, index, text, at, time)
        run(store, op)
    start, how = op.second_start
    out(f"split {index} at {'-' if start is None else f'{start:g}'} ({how})")
    return 0


def _merge(args: argparse.Namespace) -> int:
    from reviewer.ops import run
    from reviewer.ops.structure import MergeSegments

    doc = whole_number(args.doc_id, "DOC")
    index = whole_number(args.segment_index, "SEG")
    with open_store_of(args) as store:
        run(store, MergeSegments(doc, index, annotator(args.annotator)))
    out(f"merged {index} and {index + 1}")
    return 0
