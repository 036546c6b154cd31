"""`copy_store` / `reviewer copy`: SQLite → PostgreSQL → SQLite loses nothing; a bad copy changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.errors import InputError
from reviewer.store import Store, open_store
from reviewer.store.copy import copy_store
from reviewer.store.operations import move_topic
from tests.store.backends import PgDatabases
from tests.store.helpers import CHAT, GLOSSARY, TIMED, doc, write


def fill(store: Store, tmp_path: Path) -> None:
    """A store with some of everything: decisions, assignments, a moved topic, an unplaced tag…"""
    chat = store.import_file(write(tmp_path, "chat.txt", CHAT), GLOSSARY).document_id
    timed = store.import_document(doc(TIMED, path="timed.txt")).document_id
    seg = store.segment(chat, 1)
    store.decide_edit(seg.edits[0].id, "changed", "ChatGPT!")
    store.decide_edit(store.segment(chat, 2).edits[0].id, "rejected")
    store.set_segment_speakers(timed, [0, 2], "Host")
    store.rename_speaker(chat, "A", "Alice", "host")
    store.ensure_topic("Z/Deep/Leaf", colour="#123456", description="deep")
    store.ensure_topic("A", colour="#abcdef")
    move_topic(store, "Z/Deep", "A")  # now A/Deep/Leaf: a parent with a larger id
    store.add_error_type("term", "Wrong term", "a glossary term misheard")
    store.add_term("OpenAI", ["open ai"])
    a = store.tag(chat, 1, topic="A/Deep/Leaf", span=(0, 5), note="好 😀", annotator="alice")
    store.tag(chat, 3, error="term", correction="fix", annotator="bob")
    store.tag(timed, 1, speaker="Host", annotator="bob")
    store.update_annotation(a, expected_version=1, note="edited")
    store.tag(chat, 3, topic="Gone", span=(0, 3), target="original", annotator="carol")
    # A changed re-import: the last line's text goes, so its span tag becomes unplaced.
    shorter = CHAT.replace("[B]: Yes. The last line stays the same.\n", "")
    store.import_file(write(tmp_path, "chat.txt", shorter))


def everything(store: Store) -> tuple[object, ...]:
    docs = store.documents()
    return (
        store.dump(),
        docs,
        store.annotations(),  # versions, times, ids
        [store.segments(d.id) for d in docs],
        [store.speakers(d.id) for d in docs],
        store.topics(),
        store.error_types(),
        store.glossary(),
    )


def test_sqlite_to_postgresql_and_back_is_equal(tmp_path: Path, pg_databases: PgDatabases) -> None:
    first, back = tmp_path / "first.sqlite3", tmp_path / "back.sqlite3"
    with open_store(str(first)) as store:
        fill(store, tmp_path)
        assert any(a.anchor_status == "unplaced" for a in store.annotations())
        before = everything(store)
    pg = pg_databases.create()
    there = copy_store(str(first), pg)
    assert there.equal and there.counts["annotations"] == (4, 4) and there.counts["edits"][0] > 0
    assert there.source_hash == there.target_hash
    back_report = copy_store(pg, str(back))
    assert back_report.equal and back_report.source_hash == there.source_hash
    for url in (pg, str(back)):
        with open_store(url) as store:
            assert everything(store) == before
    # The copy goes on working: new rows get new ids (PostgreSQL's sequences were moved on).
    with open_store(pg) as store:
        d = store.documents()[0].id
        new = store.tag(d, 0, topic="After")
        assert new > max(a.id for a in store.annotations() if a.id != new)
        store.ensure_topic("Another")
        store.add_error_type("late", "Late")


def test_non_empty_target_is_refused_untouched(tmp_path: Path, db_url: str) -> None:
    src = tmp_path / "src.sqlite3"
    with open_store(str(src)) as store:
        store.import_document(doc())
    with open_store(db_url) as target:
        target.ensure_topic("Mine")
        before = target.dump()
    with pytest.raises(InputError, match="is not empty \\(1 topics\\)"):
        copy_store(str(src), db_url)
    with open_store(db_url) as target:
        assert target.dump() == before
    # A target that changed its error types holds work too.
    other = tmp_path / "other.sqlite3"
    with open_store(str(other)) as target:
        target.update_error_type("asr", name="Speech recognition")
    with pytest.raises(InputError, match="its own error types"):
        copy_store(str(src), str(other))


def test_failed_copy_leaves_the_target_unchanged(tmp_path: Path, pg_databases: PgDatabases) -> None:
    src = tmp_path / "src.sqlite3"
    with open_store(str(src)) as store:
        d = store.import_document(doc(CHAT)).document_id
        store.tag(d, 0, topic="AI")
    # SQLite does not enforce VARCHAR lengths; a role this long (from an older or foreign tool)
    # cannot go into PostgreSQL's VARCHAR(255), and the copy fails half-way through.
    con = sqlite3.connect(src)
    con.execute("UPDATE speakers SET role = ? WHERE label = 'B'", ("r" * 300,))
    con.commit()
    con.close()
    pg = pg_databases.create()
    with pytest.raises(InputError, match="value too long"):
        copy_store(str(src), pg)
    with open_store(pg) as target:
        assert target.documents() == [] and target.topics() == []
        assert [e.key for e in target.error_types()][:1] == ["asr"]  # the seeded ones, still there


def test_cli_copy_prints_counts_and_hashes(
    tmp_path: Path, pg_databases: PgDatabases, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "src.sqlite3"
    with open_store(str(src)) as store:
        store.import_document(doc())
    pg = pg_databases.create()
    assert main(["copy", "--from", str(src), "--to", pg]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"table\t{src}\tpostgresql+psycopg://reviewer:***@")
    assert "documents\t1\t1" in out and out[-1] == "equal"
    (hashes,) = [line for line in out if line.startswith("content sha256")]
    _, a, b = hashes.split("\t")
    assert a == b and len(a) == 64
    # Again: the target is not empty any more → one line, exit 2.
    assert main(["copy", "--from", str(src), "--to", pg]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not empty" in err and "Traceback" not in err
    assert main(["copy", "--from", str(src), "--to", str(src)]) == 2
    assert "same store" in capsys.readouterr().err
