"""`reviewer speakers`, `topics`, `errortypes` and `glossary`: the names tags use."""

from __future__ import annotations

import argparse

from reviewer.cli.common import add_parser, open_store_of, out, whole_number
from reviewer.core.errors import InputError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(
        sub,
        "speakers",
        common,
        help="list a document's speakers, or rename one",
        description="Without --rename: one line per speaker: label, display name, role.  "
        "--rename LABEL NAME gives a label its display name everywhere in the document.",
    )
    p.add_argument("doc_id", metavar="DOC_ID")
    p.add_argument("--rename", nargs=2, metavar=("LABEL", "NAME"))
    p.add_argument("--role", metavar="ROLE", help="with --rename: e.g. host, guest")
    p.set_defaults(handler=_speakers)

    p = add_parser(sub, "topics", common, help="list topics, or add/describe one")
    p.add_argument(
        "path", nargs="?", metavar="PATH", help="add this topic path (and set --colour/--description)"
    )
    p.add_argument("--colour", "--color", dest="colour", metavar="COLOUR", help="e.g. #4e79a7")
    p.add_argument("--description", metavar="TEXT")
    p.set_defaults(handler=_topics)

    p = add_parser(sub, "errortypes", common, help="list the error taxonomy, or add to it")
    acts = p.add_subparsers(dest="errortypes_action", metavar="ACTION")
    ls = add_parser(acts, "list", common, help="one line per error type: key, name, description")
    ls.set_defaults(handler=_errortypes_list)
    add = add_parser(acts, "add", common, help="add an error type")
    add.add_argument("key", metavar="KEY", help="short stable key, e.g. term")
    add.add_argument("name", metavar="NAME", help="shown name, e.g. 'Wrong technical term'")
    add.add_argument("--description", metavar="TEXT")
    add.set_defaults(handler=_errortypes_add)
    p.set_defaults(handler=_errortypes_list)

    p = add_parser(
        sub,
        "glossary",
        common,
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
    p.set_defaults(handler=_glossary)


def _speakers(args: argparse.Namespace) -> int:
    from reviewer.ops import RenameSpeaker, run  # (the store, SQLAlchemy, only when needed)

    doc_id = whole_number(args.doc_id, "DOC_ID")
    with open_store_of(args) as store:
        if args.rename:
            run(store, RenameSpeaker(doc_id, args.rename[0], args.rename[1], args.role))
        elif args.role is not None:
            raise InputError("--role goes with --rename LABEL NAME")
        for s in store.speakers(doc_id):
            out(s.label, s.display_name, s.role or "")
    return 0


def _topics(args: argparse.Namespace) -> int:
    from reviewer.ops import CreateTopic, run

    with open_store_of(args) as store:
        if args.path is not None:
            run(store, CreateTopic(None, args.path, args.colour, description=args.description))
        elif args.colour is not None or args.description is not None:
            raise InputError("--colour and --description need a topic PATH")
        for t in store.topics():
            out(t.path, t.colour or "", t.description or "")
    return 0


def _errortypes_list(args: argparse.Namespace) -> int:
    with open_store_of(args) as store:
        for e in store.error_types():
            out(e.key, e.name, e.description or "")
    return 0


def _errortypes_add(args: argparse.Namespace) -> int:
    from reviewer.ops import run
    from reviewer.ops.error_types import AddErrorType

    op = AddErrorType(args.key, args.name, args.description)
    with open_store_of(args) as store:
        run(store, op)
    assert op.added is not None
    out(op.added.key, op.added.name)
    return 0


def _glossary(args: argparse.Namespace) -> int:
    from reviewer.core.glossary import load_glossary
    from reviewer.ops import run
    from reviewer.ops.glossary import ChangeGlossary, add_term

    if args.alias and not args.add:
        raise InputError("--alias goes with --add TERM")
    loaded = load_glossary(args.load) if args.load else None
    with open_store_of(args) as store:
        if args.add:
            run(store, add_term(args.add, args.alias))
        if loaded is not None:
            run(store, ChangeGlossary(add=loaded))
        if args.remove:
            run(store, ChangeGlossary(remove=args.remove))
        for line in store.glossary().to_text().split("\n")[:-1]:
            out(line)  # the glossary-file format, one line each, nothing a terminal acts on
    return 0
