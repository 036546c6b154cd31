"""Store sub-commands: import, list, tag, export … (and small helpers around them).

Registered by reviewer.cli through ``register``.  Handlers import the store
lazily so ``reviewer repair`` starts without SQLAlchemy.  Bad input raises
InputError: cli.main prints one line and exits 2; the store is left unchanged
(every write is one transaction, and files are checked before anything is written).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from reviewer.core.errors import InputError

if TYPE_CHECKING:
    from reviewer.store import Store

ANNOTATOR_ENV = "REVIEWER_ANNOTATOR"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    _add_import(sub, common)
    _add_list(sub, common)
    _add_tag(sub, common)
    _add_untag(sub, common)
    _add_annotations(sub, common)
    _add_export(sub, common)
    _add_speakers(sub, common)
    _add_topics(sub, common)
    _add_errortypes(sub, common)
    _add_glossary(sub, common)


# --- helpers ----------------------------------------------------------------------------------


def _open(args: argparse.Namespace) -> Store:
    from reviewer.store import open_store

    return open_store(getattr(args, "db", None))


def _int(value: str, what: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise InputError(f"{what} must be a whole number, not {value!r}") from None


def _span(value: str) -> tuple[int, int]:
    start, sep, end = value.partition(":")
    if not sep:
        raise InputError(f"--span takes START:END (character offsets), not {value!r}")
    return _int(start, "span start"), _int(end, "span end")


def _annotator(value: str | None) -> str | None:
    if value is not None:
        return value.strip() or None
    env = os.environ.get(ANNOTATOR_ENV, "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # no user name on this system: leave it empty
        return None


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")


# --- import / list ----------------------------------------------------------------------------


def _add_import(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import",
        parents=[common],
        help="decode, parse, repair and store transcript files",
        description="Decode, parse, repair and store each FILE; prints one line per file: "
        "document id, new/unchanged/updated, segments, file.  Importing a changed file again "
        "updates its document and re-anchors its annotations.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--glossary", metavar="G", help="glossary file to use and keep in the store")
    p.add_argument("--encoding", metavar="ENC", help="decode with this encoding instead of detecting it")
    p.add_argument(
        "--format",
        dest="fmt",
        choices=("chat", "timestamped", "plain", "srt", "vtt"),
        help="parse as this format instead of detecting it",
    )
    p.set_defaults(handler=_cmd_import)


def _cmd_import(args: argparse.Namespace) -> int:
    from reviewer.core.glossary import load_glossary

    glossary = load_glossary(args.glossary) if args.glossary else None
    with _open(args) as store:
        # Read and repair every file before storing any, so one bad file changes nothing.
        docs = [store.load_file(f, glossary, encoding=args.encoding, fmt=args.fmt) for f in args.files]
        if glossary:
            store.add_glossary(glossary)
        for given, doc in zip(args.files, docs, strict=True):
            r = store.import_document(doc)
            line = f"{r.document_id}\t{r.status}\t{r.segments} segments\t{given}"
            if r.status == "updated":
                line += f"\tannotations: {r.kept} kept, {r.changed} on changed text, {r.unplaced} unplaced"
            _out(line)
    return 0


def _add_list(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "list",
        parents=[common],
        help="list stored documents",
        description="One line per document: id, format, segments, annotations, file name (tab-separated).",
    )
    p.set_defaults(handler=_cmd_list)


def _cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as store:
        for d in store.documents():
            _out(f"{d.id}\t{d.format}\t{d.segments}\t{d.annotations}\t{d.name}")
    return 0


# --- annotations ------------------------------------------------------------------------------


def _add_tag(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "tag",
        parents=[common],
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
    p.set_defaults(handler=_cmd_tag)


def _cmd_tag(args: argparse.Namespace) -> int:
    doc_id = _int(args.doc_id, "DOC_ID")
    index = _int(args.segment_index, "SEGMENT_INDEX")
    span = _span(args.span) if args.span is not None else None
    if args.original and span is None:
        raise InputError("--original needs --span")
    with _open(args) as store:
        new_id = store.tag(
            doc_id,
            index,
            speaker=args.speaker,
            topic=args.topic,
            error=args.error,
            span=span,
            target="original" if args.original else "repaired",
            correction=args.correction,
            note=args.note,
            annotator=_annotator(args.annotator),
        )
    _out(str(new_id))
    return 0


def _add_untag(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("untag", parents=[common], help="delete annotations by id")
    p.add_argument("ids", nargs="+", metavar="ANNOTATION_ID")
    p.set_defaults(handler=_cmd_untag)


def _cmd_untag(args: argparse.Namespace) -> int:
    ids = [_int(v, "ANNOTATION_ID") for v in args.ids]
    with _open(args) as store:
        known = {a.id for a in store.annotations()}
        missing = [i for i in ids if i not in known]
        if missing:
            raise InputError(f"no annotation with id {', '.join(map(str, missing))}; nothing deleted")
        for i in ids:
            store.delete_annotation(i)
    return 0


def _add_annotations(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "annotations",
        parents=[common],
        help="list annotations",
        description="One line per annotation: id, document, segment, kind, tag, span, status, note, "
        "annotator, version (tab-separated).",
    )
    p.add_argument("doc_id", nargs="?", metavar="DOC_ID")
    p.add_argument("--annotator", metavar="NAME", help="only this annotator's annotations")
    p.set_defaults(handler=_cmd_annotations)


def _cmd_annotations(args: argparse.Namespace) -> int:
    doc_id = _int(args.doc_id, "DOC_ID") if args.doc_id is not None else None
    with _open(args) as store:
        for a in store.annotations(doc_id, args.annotator):
            span = "" if a.span_start is None else f"{a.span_start}:{a.span_end}"
            if span and a.target == "original":
                span += " (original)"
            seg = "" if a.segment_index is None else str(a.segment_index)
            note = (a.note or "").replace("\n", " ")
            cells = [a.id, a.document_id, seg, a.kind, a.tag, span, a.anchor_status, note]
            _out("\t".join(map(str, [*cells, a.annotator or "", a.version])))
    return 0


# --- export -----------------------------------------------------------------------------------


def _add_export(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="write annotations or transcripts to files")
    kinds = p.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    c = kinds.add_parser("csv", parents=[common], help="annotations as CSV (UTF-8 with BOM), one row each")
    c.add_argument("out", metavar="OUT.csv")
    c.add_argument("--document", metavar="ID", help="only this document's annotations")
    c.set_defaults(handler=_cmd_export_csv)
    j = kinds.add_parser("json", parents=[common], help="everything (or one document) as JSON")
    j.add_argument("out", metavar="OUT.json")
    j.add_argument("--document", metavar="ID", help="only this document")
    j.set_defaults(handler=_cmd_export_json)
    t = kinds.add_parser(
        "transcript",
        parents=[common],
        help="a document's repaired transcript as .txt, .srt or .vtt, with display names",
    )
    t.add_argument("doc_id", metavar="DOC_ID")
    t.add_argument("out", metavar="OUT.(txt|srt|vtt)")
    t.add_argument("--format", dest="fmt", choices=("txt", "srt", "vtt"), help="instead of OUT's extension")
    t.set_defaults(handler=_cmd_export_transcript)
    a = kinds.add_parser(
        "agreement",
        parents=[common],
        help="agreement between annotators (kappa per pair, alpha per kind) as CSV",
    )
    a.add_argument("out", metavar="OUT.csv")
    a.add_argument("--document", metavar="ID", help="only this document")
    a.add_argument("--annotators", metavar="A,B,…", help="these annotators only (default: all)")
    a.set_defaults(handler=_cmd_export_agreement)


def _cmd_export_csv(args: argparse.Namespace) -> int:
    from reviewer.export.atomic import check_writable
    from reviewer.export.csv import export_csv

    doc_id = _int(args.document, "--document") if args.document is not None else None
    check_writable(args.out)
    with _open(args) as store:
        n = export_csv(store, args.out, doc_id)
    _out(f"{n} annotations\t{args.out}")
    return 0


def _cmd_export_json(args: argparse.Namespace) -> int:
    from reviewer.export.atomic import check_writable
    from reviewer.export.json import export_json

    doc_id = _int(args.document, "--document") if args.document is not None else None
    check_writable(args.out)
    with _open(args) as store:
        if doc_id is not None:
            store.document(doc_id)
        n = export_json(store, args.out, doc_id)
    _out(f"{n} documents\t{args.out}")
    return 0


def _cmd_export_agreement(args: argparse.Namespace) -> int:
    from reviewer.cli_team import annotator_list
    from reviewer.export.agreement import export_agreement_csv
    from reviewer.export.atomic import check_writable

    doc_id = _int(args.document, "--document") if args.document is not None else None
    names = annotator_list(args.annotators)
    check_writable(args.out)
    with _open(args) as store:
        n = export_agreement_csv(store, args.out, doc_id, annotators=names)
    _out(f"{n} rows\t{args.out}")
    return 0


def _cmd_export_transcript(args: argparse.Namespace) -> int:
    from reviewer.export.transcript import export_transcript, format_for

    doc_id = _int(args.doc_id, "DOC_ID")
    format_for(args.out, args.fmt)
    with _open(args) as store:
        n = export_transcript(store, doc_id, args.out, args.fmt)
    _out(f"{n} segments\t{args.out}")
    return 0


# --- speakers, topics, error types, glossary --------------------------------------------------


def _add_speakers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "speakers",
        parents=[common],
        help="list a document's speakers, or rename one",
        description="Without --rename: one line per speaker: label, display name, role.  "
        "--rename LABEL NAME gives a label its display name everywhere in the document.",
    )
    p.add_argument("doc_id", metavar="DOC_ID")
    p.add_argument("--rename", nargs=2, metavar=("LABEL", "NAME"))
    p.add_argument("--role", metavar="ROLE", help="with --rename: e.g. host, guest")
    p.set_defaults(handler=_cmd_speakers)


def _cmd_speakers(args: argparse.Namespace) -> int:
    doc_id = _int(args.doc_id, "DOC_ID")
    with _open(args) as store:
        if args.rename:
            store.rename_speaker(doc_id, args.rename[0], args.rename[1], args.role)
        elif args.role is not None:
            raise InputError("--role goes with --rename LABEL NAME")
        for s in store.speakers(doc_id):
            _out(f"{s.label}\t{s.display_name}\t{s.role or ''}")
    return 0


def _add_topics(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("topics", parents=[common], help="list topics, or add/describe one")
    p.add_argument(
        "path", nargs="?", metavar="PATH", help="add this topic path (and set --colour/--description)"
    )
    p.add_argument("--colour", "--color", dest="colour", metavar="COLOUR", help="e.g. #4e79a7")
    p.add_argument("--description", metavar="TEXT")
    p.set_defaults(handler=_cmd_topics)


def _cmd_topics(args: argparse.Namespace) -> int:
    with _open(args) as store:
        if args.path is not None:
            store.ensure_topic(args.path, colour=args.colour, description=args.description)
        elif args.colour is not None or args.description is not None:
            raise InputError("--colour and --description need a topic PATH")
        for t in store.topics():
            _out(f"{t.path}\t{t.colour or ''}\t{t.description or ''}")
    return 0


def _add_errortypes(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("errortypes", parents=[common], help="list the error taxonomy, or add to it")
    acts = p.add_subparsers(dest="errortypes_action", metavar="ACTION")
    ls = acts.add_parser("list", parents=[common], help="one line per error type: key, name, description")
    ls.set_defaults(handler=_cmd_errortypes_list)
    add = acts.add_parser("add", parents=[common], help="add an error type")
    add.add_argument("key", metavar="KEY", help="short stable key, e.g. term")
    add.add_argument("name", metavar="NAME", help="shown name, e.g. 'Wrong technical term'")
    add.add_argument("--description", metavar="TEXT")
    add.set_defaults(handler=_cmd_errortypes_add)
    p.set_defaults(handler=_cmd_errortypes_list)


def _cmd_errortypes_list(args: argparse.Namespace) -> int:
    with _open(args) as store:
        for e in store.error_types():
            _out(f"{e.key}\t{e.name}\t{e.description or ''}")
    return 0


def _cmd_errortypes_add(args: argparse.Namespace) -> int:
    with _open(args) as store:
        e = store.add_error_type(args.key, args.name, args.description)
    _out(f"{e.key}\t{e.name}")
    return 0


def _add_glossary(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "glossary",
        parents=[common],
        help="show the stored glossary (glossary-file format), or teach it terms",
        description="Without options: print the stored glossary in the glossary-file format.",
    )
    act = p.add_mutually_exclusive_group()
    act.add_argument("--add", metavar="TERM", help="a term the repair should spell this way")
    act.add_argument("--load", metavar="FILE", help="merge a glossary file into the store")
    act.add_argument("--remove", metavar="ENTRY", help="remove a term (with its aliases) or an alias")
    p.add_argument(
        "--alias", action="append", default=[], metavar="WRONG", help="with --add: a misrecognition of it"
    )
    p.set_defaults(handler=_cmd_glossary)


def _cmd_glossary(args: argparse.Namespace) -> int:
    from reviewer.core.glossary import load_glossary

    if args.alias and not args.add:
        raise InputError("--alias goes with --add TERM")
    loaded = load_glossary(args.load) if args.load else None
    with _open(args) as store:
        if args.add:
            store.add_term(args.add, args.alias)
        if loaded is not None:
            store.add_glossary(loaded)
        if args.remove:
            store.remove_glossary_entry(args.remove)
        sys.stdout.write(store.glossary().to_text())
    return 0
