"""`reviewer split` and `merge` (the CLI contract): one line out, bad input one line and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.helpers import write
from tests.test_cli_corrections import run
from tests.test_cli_store import snapshot

LINES = (
    "[00:00:01] SPEAKER_00: 我们今天聊一下\n"
    "[00:00:03] SPEAKER_00: 大模型的未来\n"
    "[00:00:30] SPEAKER_01: 好的\n"
)


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "store.sqlite3"
    assert run(capsys, "--db", path, "import", write(tmp_path, "talk.txt", LINES))[0] == 0
    return path


def _lines(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / "out.txt"
    assert run(capsys, "--db", db, "export", "transcript", 1, out)[0] == 0
    return out.read_text(encoding="utf-8").splitlines()


def test_split_at_a_join_uses_the_fragments_stamp_and_merge_joins_again(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    # The engine merged the first two lines: "我们今天聊一下 大模型的未来" (the join is at 7).
    assert _lines(capsys, db, tmp_path)[0] == "[00:00:01] SPEAKER_00: 我们今天聊一下 大模型的未来"
    assert run(capsys, "--db", db, "split", 1, 0, "--at", 8) == (0, "split 0 at 3 (stamp)\n", "")
    assert _lines(capsys, db, tmp_path) == [
        "[00:00:01] SPEAKER_00: 我们今天聊一下",
        "[00:00:03] SPEAKER_00: 大模型的未来",
        "[00:00:30] SPEAKER_01: 好的",
    ]
    assert run(capsys, "--db", db, "merge", 1, 0, "--annotator", "ann") == (0, "merged 0 and 1\n", "")
    # Between Chinese characters a reviewer's merge adds no space.
    assert _lines(capsys, db, tmp_path)[0] == "[00:00:01] SPEAKER_00: 我们今天聊一下大模型的未来"
    _, out, _ = run(capsys, "--db", db, "edits", 1, "--kind", "merge")
    assert [line.split("\t")[7] for line in out.splitlines()] == ["ann"]


def test_split_inside_a_fragment_estimates_and_a_given_time_wins(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    # "好的" runs from 30 s to the end: no end time, so nothing to estimate from.
    assert run(capsys, "--db", db, "split", 1, 1, "--at", 1) == (0, "split 1 at - (none)\n", "")
    assert run(capsys, "--db", db, "split", 1, 0, "--at", 2, "--time", "1.5") == (
        0,
        "split 0 at 1.5 (given)\n",
        "",
    )
    lines = _lines(capsys, db, tmp_path)
    assert lines[:2] == ["[00:00:01] SPEAKER_00: 我们", "[00:00:01] SPEAKER_00: 今天聊一下 大模型的未来"]
    assert lines[-1] == "SPEAKER_01: 的"  # no time known: none written


@pytest.mark.parametrize(
    "argv",
    [
        ("split", 1, 0, "--at", 0),  # nothing on one side
        ("split", 1, 0, "--at", 999),
        ("split", 1, 7, "--at", 1),  # no such segment
        ("split", 9, 0, "--at", 1),  # no such document
        ("split", 1, 0, "--at", "x"),
        ("split", 1, 0, "--at", 2, "--time", "soon"),
        ("split", 1, 0, "--at", 2, "--time", "nan"),
        ("split", 1, 0, "--at", 2, "--time", "99"),  # after the segment's end
        ("merge", 1, 1),  # different speakers
        ("merge", 1, 2),  # the last row
        ("merge", 1, -1),
    ],
)
def test_bad_input_is_one_line_exit_2_and_the_store_unchanged(
    capsys: pytest.CaptureFixture[str], db: Path, argv: tuple[object, ...]
) -> None:
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith("reviewer: error: ")
    assert snapshot(db) == before
