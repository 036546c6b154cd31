"""Who is working: the annotator a tag is recorded under when none is named."""

from __future__ import annotations

import getpass
import os

ANNOTATOR_ENV = "REVIEWER_ANNOTATOR"


def default_annotator() -> str | None:
    """$REVIEWER_ANNOTATOR, else the login name (None when the system has none)."""
    env = os.environ.get(ANNOTATOR_ENV, "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # no user name on this system (a container without one, say)
        return None
