"""`reviewer correct`, `edits`, `decide` and the transcript export after them (the CLI contract)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.cli import main
from tests.store.helpers import write
from tests.test_cli_store import snapshot

PODCAST = (
    "[00:00:01] SPEAKER_00: 今天请到了曹悦\n"
    "[00:00:05] SPEAKER_01: 大家好 我是草越 做Sytham的\n"
    "[00:00:09] SPEAKER_00: 曹悦的Sytham很好\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "store.sqlite3"
    src = write(tmp_path, "podcast.txt", PODCAST)
    assert run(capsys, "--db", path, "import", src)[0] == 0
    return path


def _transcript(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / "out.txt"
    assert run(capsys, "--db", db, "export", "transcript", 1, out)[0] == 0
    return out.read_text(encoding="utf-8").splitlines()


def test_correct_everywhere_prints_the_contract_line_and_the_export_is_the_reviewed_text(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    # Segment 0 reads "今天请到了曹悦": 曹悦 is at 5:7.
    code, out, err = run(capsys, "--db", db, "correct", 1, 0, "--span", "5:7", "--to", "曹越", "--everywhere")
    assert (code, err) == (0, "")
    # 草越 (the same sound, a word) and 曹悦 in segment 2: two propagated, none only suggested.
    assert out.strip() == "corrected 1 + 2 propagated (0 suggested)"
    lines = _transcript(capsys, db, tmp_path)
    assert lines[0].endswith("今天请到了曹越")
    assert "我是曹越" in lines[1] and lines[2].endswith("曹越的Sytham很好")

    code, out, _ = run(capsys, "--db", db, "edits", 1, "--kind", "manual")
    rows = [line.split("\t") for line in out.splitlines()]
    assert [(r[1], r[2], r[3], r[4], r[6]) for r in rows] == [("0", "manual", "悦", "越", "accepted")]
    code, out, _ = run(capsys, "--db", db, "edits", 1, "--kind", "propagated")
    assert sorted((r.split("\t")[1], r.split("\t")[3]) for r in out.splitlines()) == [
        ("1", "草"),
        ("2", "悦"),
    ]


def test_a_latin_word_one_letter_off_is_propagated(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    # Segment 2 reads "曹悦的Sytham很好": Sytham at 3:9; segment 1 has "做Sytham的".
    code, out, _ = run(capsys, "--db", db, "correct", 1, 2, "--span", "3:9", "--to", "System", "--everywhere")
    assert code == 0 and out.strip() == "corrected 1 + 1 propagated (0 suggested)"
    lines = _transcript(capsys, db, tmp_path)
    assert "做System的" in lines[1] and "曹悦的System很好" in lines[2]


def test_bad_input_is_one_line_exit_2_and_the_store_unchanged(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    before = snapshot(db)
    for argv in (
        ("correct", 9, 0, "--span", "0:1", "--to", "x"),  # no such document
        ("correct", 1, 99, "--span", "0:1", "--to", "x"),  # no such segment
        ("correct", 1, 0, "--span", "5:99", "--to", "x"),  # past the end
        ("correct", 1, 0, "--span", "7:5", "--to", "x"),  # backwards
        ("correct", 1, 0, "--span", "a:b", "--to", "x"),
        ("correct", 1, 0, "--span", "5:7", "--to", "曹悦"),  # says that already
        ("correct", 1, 0, "--span", "5:7", "--to", "x", "--all-documents"),
        ("decide", 99999, "accept"),
        ("decide", 1, "change"),  # change needs TEXT
        ("edits", 7),
    ):
        code, _, err = run(capsys, "--db", db, *argv)
        assert code == 2, argv
        assert len(err.strip().splitlines()) == 1, (argv, err)
        assert snapshot(db) == before, argv


def test_decide_accepts_and_rejects_a_suggestion(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    # A hand correction in segment 2 first: propagation there is only suggested.
    assert run(capsys, "--db", db, "correct", 1, 2, "--span", "9:11", "--to", "很棒")[0] == 0  # 很好
    _, out, _ = run(capsys, "--db", db, "correct", 1, 0, "--span", "5:7", "--to", "曹越", "--everywhere")
    assert out.strip() == "corrected 1 + 2 propagated (1 suggested)"
    _, out, _ = run(capsys, "--db", db, "edits", 1, "--kind", "propagated", "--pending")
    (suggestion,) = [line.split("\t") for line in out.splitlines()]
    assert suggestion[1] == "2" and _transcript(capsys, db, tmp_path)[2].endswith("曹悦的Sytham很棒")
    assert run(capsys, "--db", db, "decide", suggestion[0], "accept")[0] == 0
    assert _transcript(capsys, db, tmp_path)[2].endswith("曹越的Sytham很棒")
    assert run(capsys, "--db", db, "decide", suggestion[0], "reject")[0] == 0
    assert _transcript(capsys, db, tmp_path)[2].endswith("曹悦的Sytham很棒")


def test_the_count_is_of_edits_not_of_segments(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "two.sqlite3"
    src = write(
        tmp_path, "two.txt", "[00:00:01] SPEAKER_00: 我是曹悦\n[00:00:05] SPEAKER_01: 曹悦和曹悦都来了\n"
    )
    assert run(capsys, "--db", db, "import", src)[0] == 0
    _, out, _ = run(capsys, "--db", db, "correct", 1, 0, "--span", "2:4", "--to", "曹越", "--everywhere")
    assert out.strip() == "corrected 1 + 2 propagated (0 suggested)"  # two places in one segment
