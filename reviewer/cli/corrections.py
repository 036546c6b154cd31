"""`reviewer correct`, `edits` and `decide`: the reviewer's own text, and decisions on edits."""

from __future__ import annotations

import argparse

from reviewer.cli.common import add_parser, annotator, open_store_of, out, span, whole_number
from reviewer.core.errors import InputError
from reviewer.core.people import ANNOTATOR_ENV

_DECISIONS = {"accept": "accepted", "reject": "rejected", "change": "changed", "pending": "pending"}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(
        sub,
        "correct",
        common,
        help="correct a segment's text (a manual edit), and the same error elsewhere",
        description="Replace START:END of segment SEG's current repaired text of document DOC with "
        "TEXT, recorded as the reviewer's own edit.  With --everywhere, the same error (and its "
        "close variants) elsewhere is corrected too: applied where the match is confident, "
        "otherwise stored as pending suggestions.  Prints `corrected 1 + N propagated (M suggested)`.",
    )
    p.add_argument("doc_id", metavar="DOC")
    p.add_argument("segment_index", metavar="SEG")
    p.add_argument("--span", required=True, metavar="START:END", help="code points in the repaired text")
    p.add_argument("--to", required=True, metavar="TEXT", help="what the span should say")
    p.add_argument("--everywhere", action="store_true", help="also correct other occurrences")
    p.add_argument("--all-documents", action="store_true", help="with --everywhere: in every document")
    p.add_argument("--teach", action="store_true", help="also add WRONG => TEXT to the glossary")
    p.add_argument(
        "--annotator", metavar="NAME", help=f"who corrects (default: ${ANNOTATOR_ENV} or your user name)"
    )
    p.set_defaults(handler=_correct)

    p = add_parser(
        sub,
        "edits",
        common,
        help="list a document's edits (repairs and corrections)",
        description="One line per edit (tab-separated): id, segment, kind, before, after, "
        "confidence, decision, annotator.",
    )
    p.add_argument("doc_id", metavar="DOC")
    p.add_argument("--kind", metavar="K", help="only edits of this kind (manual, propagated, glossary…)")
    p.add_argument("--pending", action="store_true", help="only edits waiting for a decision")
    p.set_defaults(handler=_edits)

    p = add_parser(
        sub,
        "decide",
        common,
        help="accept, reject or change a repair edit",
        description="Decide edit EDIT_ID (see `reviewer edits`): accept, reject, or change TEXT.",
    )
    p.add_argument("edit_id", metavar="EDIT_ID")
    p.add_argument("decision", choices=sorted(_DECISIONS))
    p.add_argument("text", nargs="?", metavar="TEXT", help="for change: the text to use")
    p.set_defaults(handler=_decide)


def _correct(args: argparse.Namespace) -> int:
    from reviewer.ops import run
    from reviewer.ops.corrections import Correct, find_places

    doc = whole_number(args.doc_id, "DOC")
    index = whole_number(args.segment_index, "SEG")
    start, end = span(args.span)
    if args.all_documents and not args.everywhere:
        raise InputError("--all-documents goes with --everywhere")
    with open_store_of(args) as store:
        text = store.segment(doc, index, with_edits=False).repaired
        if end > len(text) or start > end:
            raise InputError(f"span {start}:{end} is outside segment {index}'s text (0:{len(text)})")
        wrong = text[start:end]
        if wrong == args.to:
            raise InputError("the span already says that; nothing to correct")
        places = []
        if args.everywhere and wrong.strip():
            corrected = text[:start] + args.to + text[end:]
            at = (start, start + len(args.to))
            places = find_places(store, doc, index, corrected, at, wrong, args.to, args.all_documents)
        op = Correct(doc, index, text, start, end, args.to, annotator(args.annotator), places, args.teach)
        run(store, op)
    suggested = len(op.done.suggested)
    out(f"corrected 1 + {op.propagated} propagated ({suggested} suggested)")
    return 0


def _edits(args: argparse.Namespace) -> int:
    doc = whole_number(args.doc_id, "DOC")
    with open_store_of(args) as store:
        segments = store.segments(doc)
    for seg in segments:
        for e in seg.edits:
            if args.kind and e.kind != args.kind:
                continue
            if args.pending and e.decision != "pending":
                continue
            after = e.decided_text if e.decision == "changed" else e.after
            confidence = f"{e.confidence:.2f}"
            out(e.id, seg.index, e.kind, e.before, after, confidence, e.decision, e.annotator or "")
    return 0


def _decide(args: argparse.Namespace) -> int:
    from reviewer.ops import DecideEdits, decisions_for, run

    edit_id = whole_number(args.edit_id, "EDIT_ID")
    decision = _DECISIONS[args.decision]
    if (decision == "changed") != (args.text is not None):
        raise InputError("`change` takes the TEXT to use (and only `change` takes one)")
    with open_store_of(args) as store:
        found = store.find_edit(edit_id)
        if found is None:
            raise InputError(f"no repair edit with id {edit_id}")
        document_id, index, edit = found
        chosen = decisions_for([(index, edit)], decision, args.text)
        if chosen:
            run(store, DecideEdits(document_id, chosen))
    out(f"edit {edit_id} {decision}")
    return 0
