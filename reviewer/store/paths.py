"""Where the annotation store lives: ``--db URL`` > ``$REVIEWER_DB`` > the user data folder.

A "URL" may be a SQLAlchemy URL (``sqlite:///x.db``, ``postgresql+psycopg://…``)
or a plain file path, which means a SQLite file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ENV_VAR = "REVIEWER_DB"
APP_NAME = "transcript-reviewer"
DB_FILE_NAME = "reviewer.sqlite3"

# "scheme://" or "dialect+driver://": anything else is taken as a file path.
_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+._-]*://")


def default_db_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILE_NAME


def resolve_db_url(url: str | None = None) -> str:
    """The SQLAlchemy URL to open, from an explicit value, the environment, or the default."""
    value = url or os.environ.get(ENV_VAR) or ""
    if not value.strip():
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite_url(path)
    value = value.strip()
    if _URL_RE.match(value):
        return value
    return sqlite_url(Path(value).expanduser())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.absolute()}"
