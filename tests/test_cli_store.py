"""The store sub-commands, run through reviewer.cli.main and once as a real process."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli import main
from tests.conftest import ROOT, SEEDS
from tests.store.backends import BACKENDS, new_db_url, pg_databases
from tests.store.helpers import CHAT, TIMED, write

__all__ = ["pg_databases"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(db: Path | str) -> list[str]:
    """Everything in the store: SQLite's own dump of the file; on PostgreSQL every row of every table."""
    if not str(db).startswith("postgresql"):
        con = sqlite3.connect(db)
        try:
            return list(con.iterdump())
        finally:
            con.close()
    from sqlalchemy import create_engine, select

    from reviewer.store.models import Base

    engine = create_engine(str(db))
    try:
        with engine.connect() as conn:
            return [
                f"{t.name}: {row}"
                for t in Base.metadata.sorted_tables
                for row in conn.execute(select(t).order_by(*t.primary_key.columns))
            ]
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """A new store on each backend: a SQLite file, a fresh database on the PostgreSQL test server."""
    url = new_db_url(request.param, tmp_path, request, "cli")
    return Path(url) if request.param == "sqlite" else url


@pytest.fixture
def chat_file(tmp_path: Path) -> Path:
    return write(tmp_path, "chat.txt", CHAT)


@pytest.fixture
def imported(capsys: pytest.CaptureFixture[str], db: Path, chat_file: Path, tmp_path: Path) -> int:
    timed = write(tmp_path, "timed.txt", TIMED)
    code, out, _ = run(capsys, "--db", db, "import", chat_file, timed)
    assert code == 0
    return int(out.splitlines()[0].split("\t")[0])


def test_import_list_tag_export(
    capsys: pytest.CaptureFixture[str], db: Path, chat_file: Path, tmp_path: Path
) -> None:
    timed = write(tmp_path, "timed.txt", TIMED)
    code, out, err = run(capsys, "import", chat_file, timed, "--db", db)
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"1\tnew\t4 segments\t{chat_file}", f"2\tnew\t3 segments\t{timed}"]

    code, out, _ = run(capsys, "--db", db, "import", chat_file)
    assert out == f"1\tunchanged\t4 segments\t{chat_file}\n"

    code, out, _ = run(
        capsys,
        "--db",
        db,
        "tag",
        "1",
        "1",
        "--topic",
        "AI/Education",
        "--span",
        "0:5",
        "--note",
        "=1+1",
        "--annotator",
        "li",
        "--correction",
        "我用",
    )
    assert (code, out) == (0, "1\n")
    code, out, _ = run(capsys, "tag", "1", "0", "--error", "asr", "--db", db)
    assert out == "2\n"
    code, out, _ = run(
        capsys, "tag", "2", "1", "--speaker", "Host", "--span", "0:2", "--original", "--db", db
    )
    assert out == "3\n"

    code, out, _ = run(capsys, "list", "--db", db)
    assert out.splitlines() == ["1\tchat\t4\t2\tchat.txt", "2\ttimestamped\t3\t1\ttimed.txt"]

    code, out, _ = run(capsys, "--db", db, "export", "csv", tmp_path / "a.csv")
    assert out == f"3 annotations\t{tmp_path / 'a.csv'}\n"
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["document_id"], r["segment_index"], r["kind"], r["tag"]) for r in rows] == [
        ("1", "0", "error", "asr"),
        ("1", "1", "topic", "AI/Education"),
        ("2", "1", "speaker", "Host"),
    ]
    assert rows[1]["note"] == "'=1+1" and rows[1]["text_repaired"] == "I use" and rows[1]["annotator"] == "li"

    code, out, _ = run(capsys, "export", "--db", db, "csv", tmp_path / "one.csv", "--document", "2")
    assert out.startswith("1 annotations")

    code, out, _ = run(capsys, "export", "json", tmp_path / "a.json", "--db", db)
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["documents"][0]["name"] == "chat.txt"

    run(capsys, "--db", db, "speakers", "2", "--rename", "SPEAKER_00", "主持人", "--role", "host")
    code, out, _ = run(capsys, "--db", db, "export", "transcript", "2", tmp_path / "t.vtt")
    assert out == f"3 segments\t{tmp_path / 't.vtt'}\n"
    assert "<v 主持人>hello there" in (tmp_path / "t.vtt").read_text(encoding="utf-8")
    code, _, _ = run(capsys, "--db", db, "export", "transcript", "1", tmp_path / "t.txt")
    assert (tmp_path / "t.txt").read_text(encoding="utf-8").startswith("A: Hey")


def test_db_from_environment(
    capsys: pytest.CaptureFixture[str], db: Path, chat_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEWER_DB", str(db))
    assert run(capsys, "import", chat_file)[0] == 0
    assert not isinstance(db, Path) or db.exists()
    assert run(capsys, "list")[1] == "1\tchat\t4\t0\tchat.txt\n"


def test_extras(capsys: pytest.CaptureFixture[str], db: Path, imported: int) -> None:
    _, out, _ = run(capsys, "--db", db, "errortypes")
    keys = [line.split("\t")[0] for line in out.splitlines()]
    assert {"asr", "encoding", "speaker", "missing-extra", "segmentation", "other"} <= set(keys)
    run(capsys, "--db", db, "errortypes", "add", "term", "Wrong technical term")
    assert run(capsys, "--db", db, "tag", "1", "0", "--error", "term")[1] == "1\n"
    _, out, _ = run(capsys, "--db", db, "annotations", "1")
    assert out.split("\t")[:6] == ["1", "1", "0", "error", "term", ""]
    run(capsys, "--db", db, "topics", "AI/Agents", "--colour", "#ff0000", "--description", "agents")
    assert run(capsys, "--db", db, "topics")[1] == "AI\t\t\nAI/Agents\t#ff0000\tagents\n"
    assert run(capsys, "--db", db, "glossary", "--add", "ChatGPT", "--alias", "chat gpt")[1] == (
        "ChatGPT\nchat gpt => ChatGPT\n"
    )
    assert run(capsys, "--db", db, "untag", "1")[0] == 0
    assert run(capsys, "--db", db, "annotations")[1] == ""


BAD = [
    (["tag", "9", "0", "--topic", "X"], "no document with id 9"),
    (["tag", "1", "99", "--topic", "X"], "document 1 has no segment 99 (segments 0–3)"),
    (["tag", "1", "0", "--topic", "X", "--span", "0:999"], "span 0:999 is outside segment 0's repaired text"),
    (["tag", "1", "0", "--topic", "X", "--span", "5"], "--span takes START:END"),
    (["tag", "1", "0", "--topic", "X", "--span", "a:b"], "span start must be a whole number"),
    (["tag", "x", "0", "--topic", "X"], "DOC_ID must be a whole number"),
    (["tag", "1", "0", "--error", "nonsense"], "unknown error type 'nonsense' (known: asr, encoding"),
    (["tag", "1", "0", "--topic", "/"], "bad topic path"),
    (["tag", "1", "0", "--topic", "X", "--original"], "--original needs --span"),
    (["untag", "1", "999"], "no annotation with id 999; nothing deleted"),
    (["export", "csv", "{tmp}/nowhere/x.csv"], "does not exist"),
    (["export", "csv", "{tmp}/x.csv", "--document", "42"], "no document with id 42"),
    (["export", "transcript", "1", "{tmp}/x.srt"], "no timestamps"),
    (["export", "transcript", "1", "{tmp}/x.pdf"], "name it .txt, .srt or .vtt"),
    (["import", "{tmp}/new.txt", "{tmp}/missing.txt"], "missing.txt"),
    (["import", "--glossary", "{tmp}/gloss.txt", "{tmp}/new.txt", "{tmp}"], "directory"),
    (["import", "--glossary", "{tmp}/no-gloss.txt", "{tmp}/new.txt"], "no such glossary file"),
    (["import", "{tmp}"], "directory"),
    (["speakers", "1", "--rename", "Nobody", "X"], "has no speaker 'Nobody'"),
    (["errortypes", "add", "asr", "again"], "already exists"),
]


@pytest.mark.parametrize(("argv", "message"), BAD, ids=[m for _, m in BAD])
def test_bad_input_one_line_exit_2_store_unchanged(
    capsys: pytest.CaptureFixture[str], db: Path, imported: int, tmp_path: Path, argv: list[str], message: str
) -> None:
    run(capsys, "--db", db, "tag", "1", "1", "--topic", "Existing")
    write(tmp_path, "new.txt", "[A]: a file not imported yet\n")
    write(tmp_path, "gloss.txt", "Kubernetes\n")
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db, *[a.format(tmp=tmp_path) for a in argv])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("reviewer: error: "), err
    assert message in err
    assert snapshot(db) == before
    assert not list(tmp_path.glob("x.*")) and not list(tmp_path.glob(".*.tmp"))


def test_garbage_and_newer_databases_refused_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, chat_file: Path
) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"GARBAGE" * 1000)
    code, out, err = run(capsys, "--db", garbage, "list")
    assert (code, out) == (2, "") and err.count("\n") == 1 and "cannot open the annotation store" in err
    assert garbage.read_bytes() == b"GARBAGE" * 1000

    newer = tmp_path / "newer.db"
    run(capsys, "--db", newer, "import", chat_file)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.commit()
    con.close()
    before = snapshot(newer)
    code, out, err = run(capsys, "--db", newer, "tag", "1", "0", "--topic", "X")
    assert code == 2 and "revision ffff) is newer" in err and err.count("\n") == 1
    assert snapshot(newer) == before


def test_repair_does_not_import_sqlalchemy() -> None:
    code = "import sys, reviewer.cli as c; c.build_parser(); print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_real_process_on_a_seed(tmp_path: Path) -> None:
    db = tmp_path / "proc.sqlite3"
    seed = next(SEEDS.glob("002_*.txt"))
    env = dict(os.environ, PYTHONPATH=str(ROOT), REVIEWER_ANNOTATOR="proc-test")

    def reviewer(*args: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reviewer", *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=tmp_path,
            timeout=120,
        )

    p = reviewer("import", seed, "--db", db)
    assert p.returncode == 0, p.stderr
    doc_id = p.stdout.split("\t")[0]
    p = reviewer("--db", db, "tag", doc_id, "2", "--error", "asr", "--note", '逗号, "引号"\n换行')
    assert p.returncode == 0 and p.stdout.strip().isdigit(), p.stderr
    p = reviewer("--db", db, "export", "csv", tmp_path / "out.csv")
    assert p.returncode == 0, p.stderr
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert row["note"] == '逗号, "引号"\n换行' and row["annotator"] == "proc-test"
    p = reviewer("--db", db, "tag", doc_id, "2", "--error", "nope")
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "Traceback" not in p.stderr
