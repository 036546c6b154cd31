from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.store import paths


def test_plain_path_becomes_sqlite_url(tmp_path: Path) -> None:
    assert paths.resolve_db_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"


def test_relative_path_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert paths.resolve_db_url("x.sqlite3") == f"sqlite:///{tmp_path / 'x.sqlite3'}"


def test_urls_pass_through() -> None:
    assert paths.resolve_db_url("sqlite:///rel.db") == "sqlite:///rel.db"
    assert paths.resolve_db_url("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:p@h/db"


def test_env_var_then_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "env.db"))
    assert paths.resolve_db_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    # An explicit --db wins over the environment.
    assert paths.resolve_db_url(str(tmp_path / "cli.db")).endswith("cli.db")
    monkeypatch.delenv(paths.ENV_VAR)
    monkeypatch.setattr(paths, "default_db_path", lambda: tmp_path / "data" / "reviewer.sqlite3")
    assert paths.resolve_db_url(None) == f"sqlite:///{tmp_path / 'data' / 'reviewer.sqlite3'}"
    assert (tmp_path / "data").is_dir()


def test_default_is_in_the_user_data_folder() -> None:
    p = paths.default_db_path()
    assert p.name == paths.DB_FILE_NAME
    assert paths.APP_NAME in str(p)
