"""`reviewer tag`, `untag` and `annotations`."""

from __future__ import annotations

import argparse

from reviewer.cli.common import add_parser, annotator, open_store_of, out, span, whole_number
from reviewer.core.errors import InputError
from reviewer.core.people import ANNOTATOR_ENV


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(
        sub,
        "tag",
        common,
        help="annotate a segment (or a span of it); prints the annotation id",
        description="Annotate segment SEGMENT_INDEX of document DOC_ID with a speaker, a topic or an "
        "error type.  Prints the new annotation's id.",
    )
    p.add_argument("doc_id", metavar="DOC_ID")
    p.add_argument("segment_index", metavar="SEGMENT_INDEX")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--speaker", metavar="NAME", help="who really speaks here (label or display name)")
    what.add_argument("--topic", metavar="PATH", help="topic path such as AI/Education (created if missing)")
    what.add_argument("--error", metavar="TYPE", help="error type key (see `reviewer errortypes`)")
    p.add_argument("--span", metavar="START:END", help="character offsets in the segment's repaired text")
    p.add_argument("--original", action="store_true", help="--span indexes the original text instead")
    p.add_argument("--correction", metavar="TEXT", help="what the text should say")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument(
        "--annotator", metavar="NAME", help=f"who annotates (default: ${ANNOTATOR_ENV} or your user name)"
    )
    p.set_defaults(handler=_tag)

    p = add_parser(sub, "untag", common, help="delete annotations by id")
    p.add_argument("ids", nargs="+", metavar="ANNOTATION_ID")
    p.set_defaults(handler=_untag)

    p = add_parser(
        sub,
        "annotations",
        common,
        help="list annotations",
        description="One line per annotation: id, document, segment, kind, tag, span, status, note, "
        "annotator, version (tab-separated).",
    )
    p.add_argument("doc_id", nargs="?", metavar="DOC_ID")
    p.add_argument("--annotator", metavar="NAME", help="only this annotator's annotations")
    p.set_defaults(handler=_annotations)


def _tag(args: argparse.Namespace) -> int:
    from reviewer.ops import ReplaceTags, run  # (the store, SQLAlchemy, only when needed)
    from reviewer.store import TagSpec

    doc_id = whole_number(args.doc_id, "DOC_ID")
    index = whole_number(args.segment_index, "SEGMENT_INDEX")
    where = span(args.span) if args.span is not None else None
    if args.original and where is None:
        raise InputError("--original needs --span")
    spec = TagSpec.one_of(
        index,
        speaker=args.speaker,
        topic=args.topic,
        error=args.error,
        span=where,
        target="original" if args.original else "repaired",
        correction=args.correction,
        note=args.note,
        annotator=annotator(args.annotator),
    )
    op = ReplaceTags(doc_id, add=[spec])  # the window's tagging, the same op
    with open_store_of(args) as store:
        run(store, op)
    new_id = op.replaced.added[0]
    out(new_id)
    return 0


def _untag(args: argparse.Namespace) -> int:
    from reviewer.ops import ReplaceTags, run

    ids = [whole_number(v, "ANNOTATION_ID") for v in args.ids]
    with open_store_of(args) as store:
        known = {a.id: a for a in store.annotations()}
        missing = [i for i in ids if i not in known]
        if missing:
            raise InputError(f"no annotation with id {', '.join(map(str, missing))}; nothing deleted")
        # One transaction for them all (every id goes, or none), through the window's op.
        chosen = [known[i] for i in dict.fromkeys(ids)]
        run(store, ReplaceTags(chosen[0].document_id, remove=chosen))
    return 0


def _annotations(args: argparse.Namespace) -> int:
    doc_id = whole_number(args.doc_id, "DOC_ID") if args.doc_id is not None else None
    with open_store_of(args) as store:
        for a in store.annotations(doc_id, args.annotator):
            where = "" if a.span_start is None else f"{a.span_start}:{a.span_end}"
            if where and a.target == "original":
                where += " (original)"
            seg = "" if a.segment_index is None else a.segment_index
            out(
                a.id,
                a.document_id,
                seg,
                a.kind,
                a.tag,
                where,
                a.anchor_status,
                a.note or "",
                a.annotator or "",
                a.version,
            )
    return 0
