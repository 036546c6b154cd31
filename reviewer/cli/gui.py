"""The window's entry points: ``reviewer`` (no sub-command), ``reviewer gui``, ``--self-test``.

Qt is imported only inside the handlers, so ``reviewer repair`` and the store commands
start without it.
"""

from __future__ import annotations

import argparse

from reviewer.cli.common import add_parser


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = add_parser(
        sub,
        "gui",
        common,
        help="open the reviewer window (on FILEs, imported first)",
        description="Open the reviewer window on the store; FILEs are repaired, stored and shown.",
    )
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="save a PNG of the filled window and exit (works without a display)",
    )
    p.set_defaults(handler=_gui)


def _gui(args: argparse.Namespace) -> int:
    from reviewer.gui.app import run_window

    return run_window(getattr(args, "db", None), args.files, screenshot=args.screenshot)


def open_default(args: argparse.Namespace) -> int:
    """``reviewer`` alone: the window on the default store, with the samples on a first run."""
    from reviewer.gui.app import run_window

    return run_window(getattr(args, "db", None), first_run=True)


def self_test(args: argparse.Namespace) -> int:
    from reviewer.gui.app import self_test as run

    return run()
