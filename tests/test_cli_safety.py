"""Commands given bad input or a hostile place to write: one line, exit 2, nothing lost.

Each case here was found by throwing such input at the commands; each failed (lost the
store, hung, grew without bound or printed a traceback) before the fix.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.core.formats import srt
from tests.store.helpers import TIMED, write

IS_ROOT = os.geteuid() == 0


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([a if isinstance(a, str) else os.fspath(a) for a in argv])  # type: ignore[arg-type]
    out, err = capsys.readouterr()
    return code, out, err


def process(*argv: object, timeout: float = 60, **kw: object) -> subprocess.CompletedProcess[bytes]:
    """A real `reviewer` process (for what blocks, grows or prints bytes)."""
    args = [
        sys.executable,
        "-m",
        "reviewer",
        *(os.fsencode(a) if isinstance(a, (str, Path)) else a for a in argv),
    ]
    return subprocess.run(args, capture_output=True, timeout=timeout, **kw)  # type: ignore[call-overload]


def one_line(err: str | bytes) -> str:
    text = err.decode("utf-8", "replace") if isinstance(err, bytes) else err
    lines = text.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in text, text
    return lines[0]


def rows(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT id, kind, topic_id, note FROM annotations ORDER BY id").fetchall()
    finally:
        con.close()


@pytest.fixture
def store(capsys, tmp_path: Path) -> Path:
    """A store file with a document and a tag in it."""
    db = tmp_path / "work" / "store.sqlite3"
    db.parent.mkdir()
    source = write(tmp_path, "timed.txt", TIMED)
    assert run(capsys, "--db", db, "import", source)[0] == 0
    assert run(capsys, "--db", db, "tag", "1", "0", "--topic", "Keep/Me")[0] == 0
    return db


# --- exports must not destroy the store ---------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "json", "transcript"])
@pytest.mark.parametrize("how", ["same", "relative", "symlink", "hardlink", "wal", "shm"])
def test_an_export_onto_the_store_is_refused(capsys, store: Path, kind: str, how: str, monkeypatch) -> None:
    before = rows(store)
    monkeypatch.chdir(store.parent)
    target: Path | str = {
        "same": store,
        "relative": f"../{store.parent.name}/{store.name}",
        "wal": f"{store}-wal",
        "shm": f"{store}-shm",
    }.get(how, store.parent / f"{how}.csv")
    if how == "symlink":
        Path(target).symlink_to(store)
    elif how == "hardlink":
        os.link(store, target)
    args = ["1", target, "--format", "txt"] if kind == "transcript" else [target]
    code, out, err = run(capsys, "--db", store, "export", kind, *args)
    assert code == 2 and out == ""
    assert "annotation store" in one_line(err)
    assert rows(store) == before
    if how == "symlink":
        assert Path(target).is_symlink()


def test_the_window_export_and_screenshot_refuse_the_store_too(store: Path) -> None:
    from reviewer.core.errors import InputError
    from reviewer.export.csv import export_csv
    from reviewer.store import open_store

    with open_store(str(store)) as s, pytest.raises(InputError, match="annotation store"):
        export_csv(s, store)
    assert rows(store)
    result = process(
        "--db", store, "gui", "--screenshot", store, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    )
    assert result.returncode == 2 and "annotation store" in one_line(result.stderr)
    assert rows(store)


def test_an_import_or_glossary_never_opens_the_store(capsys, store: Path) -> None:
    """Reading the store's file in its own process would drop SQLite's locks (see own_files)."""
    for args in (["import", store], ["import", f"{store}-wal"], ["repair", "x", "--glossary", store]):
        code, _out, err = run(capsys, "--db", store, *args)
        if args[0] == "repair":
            continue  # repair opens no store: nothing of ours is held, the glossary is just bad
        assert code == 2 and "annotation store" in one_line(err)
    assert len(rows(store)) == 1


# --- where an export goes -----------------------------------------------------------------------


def test_an_export_through_a_symlink_writes_its_target_and_keeps_the_link(capsys, store: Path) -> None:
    real = store.parent / "real.csv"
    real.write_text("old")
    link = store.parent / "link.csv"
    link.symlink_to(real)
    assert run(capsys, "--db", store, "export", "csv", link)[0] == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "Keep/Me" in real.read_text(encoding="utf-8-sig")


def _null_device(tmp_path: Path) -> Path:
    """A character device of our own (as /dev/null), so a wrong replace cannot break the system's."""
    if not IS_ROOT:
        return Path("/dev/null")
    dev = tmp_path / "null"
    os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return dev


def test_a_device_stays_a_device(capsys, store: Path, tmp_path: Path) -> None:
    dev = _null_device(tmp_path)
    for kind, args in (("csv", [dev]), ("json", [dev]), ("transcript", ["1", dev, "--format", "srt"])):
        code, _out, err = run(capsys, "--db", store, "export", kind, *args)
        assert code == 0, err
        assert stat.S_ISCHR(os.stat(dev).st_mode)
    assert not list(dev.parent.glob(".null.*"))


def test_a_full_device_gives_one_line(capsys, store: Path) -> None:
    code, _out, err = run(capsys, "--db", store, "export", "json", "/dev/full")
    assert code == 2 and "No space left" in one_line(err)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_pipe_is_written_into_or_refused_at_once(capsys, store: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    started = time.monotonic()
    code, _out, err = run(capsys, "--db", store, "export", "csv", fifo)  # nobody reads it
    assert code == 2 and "nobody is reading" in one_line(err)
    assert time.monotonic() - started < 10
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()), daemon=True)
    reader.start()
    time.sleep(0.2)
    code, _out, err = run(capsys, "--db", store, "export", "csv", fifo)
    reader.join(10)
    assert code == 0, err
    assert b"Keep/Me" in got[0]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_read_only_file_is_refused(capsys, store: Path) -> None:
    """Refused for anyone, root too (who could write it: a 0444 file says "do not")."""
    out = store.parent / "locked.csv"
    out.write_text("keep")
    out.chmod(0o444)
    code, _o, err = run(capsys, "--db", store, "export", "csv", out)
    assert code == 2 and "read-only" in one_line(err)
    assert out.read_text() == "keep"


@pytest.mark.skipif(not IS_ROOT, reason="mounting a small filesystem needs root")
def test_a_full_disk_gives_one_line_and_keeps_the_old_file(capsys, store: Path, tmp_path: Path) -> None:
    mnt = tmp_path / "small"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(mnt)], check=True)
    try:
        old = mnt / "out.json"
        old.write_text("previous")
        (mnt / "filler").write_bytes(b"x" * 8192)
        code, _out, err = run(capsys, "--db", store, "export", "json", old)
        assert code == 2 and "No space left" in one_line(err)
        assert old.read_text() == "previous"
        assert sorted(p.name for p in mnt.iterdir()) == ["filler", "out.json"]  # no temp file left
    finally:
        subprocess.run(["umount", str(mnt)], check=True)


# --- inputs without bounds ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["repair", "/dev/zero"],
        ["import", "/dev/urandom"],
        ["repair", "{text}", "--glossary", "/dev/zero"],
        ["repair", "{fifo}"],
        ["import", "{fifo}"],
        ["repair", "{big}"],
    ],
)
def test_devices_pipes_and_huge_files_are_refused_before_reading(argv, store: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)
    big = tmp_path / "big.txt"
    with big.open("wb") as f:  # sparse: over the limit without taking the disk
        f.truncate(300 * 1024 * 1024)
    text = write(tmp_path, "t.txt", TIMED)
    args = [a.format(fifo=fifo, big=big, text=text) for a in argv]
    started = time.monotonic()
    result = process("--db", store, *args, timeout=30)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert "regular file" in line or "limit" in line
    assert time.monotonic() - started < 20


# --- one line, never a traceback ----------------------------------------------------------------


def test_file_names_and_arguments_with_bytes_that_are_not_utf8(store: Path, tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as f:
        f.write(b"[A]: bonjour\n[B]: salut\n")
    result = process("--db", store, "import", name)
    assert result.returncode == 0, result.stderr
    assert b"caf\\xe9.txt" in result.stdout  # the name as given, escaped: not a raw byte
    listed = process("--db", store, "list")
    assert listed.returncode == 0 and "caf" in listed.stdout.decode()
    result = process("--db", store, "repair", os.fsencode(tmp_path) + b"/missing\xff.txt")
    assert result.returncode == 2 and "missing\\xff" in one_line(result.stderr)
    before = rows(store)
    result = process("--db", store, "tag", "1", "0", "--topic", b"bad\xffname")
    assert result.returncode == 2 and "UTF-8" in one_line(result.stderr)
    assert rows(store) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["tag", str(2**63), "0", "--topic", "X"],
        ["tag", "1", str(2**64), "--topic", "X"],
        ["annotations", str(2**70)],
        ["untag", str(2**63)],
        ["speakers", "-5"],
        ["export", "transcript", str(2**63), "out.txt"],
        ["tag", "1", "0", "--topic", "X", "--span", f"0:{2**63}"],
    ],
)
def test_ids_a_store_cannot_hold(capsys, store: Path, argv) -> None:
    before = rows(store)
    code, _out, err = run(capsys, "--db", store, *argv)
    assert code == 2 and "whole number" in one_line(err)
    assert rows(store) == before


@pytest.mark.parametrize(
    "url, says",
    [
        ("foo://x", "not foo"),
        ("mysql://u:secret@h/db", "not mysql"),
        ("postgresql+psycopg://[::1", "not a store address"),
        ("postgresql+nosuch://h/db", "cannot open"),
        ("sqlite+pysqlcipher:///x.db", "cannot open"),
    ],
)
def test_bad_store_addresses(capsys, url: str, says: str) -> None:
    code, _out, err = run(capsys, "--db", url, "list")
    line = one_line(err)
    assert code == 2 and says in line and "secret" not in line


@pytest.mark.parametrize(
    "argv", [["tag"], ["export"], ["nosuchcommand"], ["tag", "1", "0"], ["repair", "--skip", "nope", "x"]]
)
def test_usage_errors_are_one_line_and_a_hint(capsys, argv) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and "error:" in lines[0] and "--help" in lines[1], lines


# --- subtitles cannot be broken by their text ----------------------------------------------------


def test_cue_text_cannot_end_a_cue_or_start_one(capsys, tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    text = (
        "[00:00:01] SPEAKER_00: first\n"
        "[00:00:05] SPEAKER_01: second\n"
        "[00:00:06] SPEAKER_01: more\n"
        "[00:00:09] SPEAKER_00: third\n"
    )
    assert run(capsys, "--db", db, "import", write(tmp_path, "t.txt", text))[0] == 0
    from reviewer.store import open_store

    # What a reviewer can type as a repair's text, and as a speaker's name.
    injected = "\n\n2\n00:00:05,000 --> 00:00:06,000\nINJECTED\u2028\u2028x\x85y --> z "
    with open_store(str(db)) as s:
        merge = next(e for e in s.segment(1, 1).edits if e.kind == "merge")
        s.decide_edit(merge.id, "changed", injected)
        s.rename_speaker(1, "SPEAKER_01", "Bob 00:00:01,000 --> 00:00:02,000")
        assert "INJECTED" in s.segment(1, 1).repaired
    from reviewer.core.formats import vtt

    for fmt, parse in (("srt", srt.parse), ("vtt", vtt.parse)):
        out = tmp_path / f"out.{fmt}"
        assert run(capsys, "--db", db, "export", "transcript", "1", out)[0] == 0
        written = out.read_text(encoding="utf-8")
        cues = parse(written).segments
        assert [c.start for c in cues] == [1.0, 5.0, 9.0], written
        assert "INJECTED" in cues[1].original and "third" in cues[2].original
        assert not any("\n\n" in c.original for c in cues)


# --- copy -----------------------------------------------------------------------------------------


def test_copy_from_a_store_that_is_not_there(capsys, tmp_path: Path) -> None:
    source = tmp_path / "typo.sqlite3"
    code, _out, err = run(capsys, "copy", "--from", source, "--to", tmp_path / "new.sqlite3")
    assert code == 2 and "no such store" in one_line(err)
    assert not source.exists()


def test_a_corrupt_source_is_named_as_the_fault(capsys, tmp_path: Path) -> None:
    """The source opens (its schema pages are sound) but its rows are not: the source is to blame."""
    db = tmp_path / "source.sqlite3"
    lines = "".join(f"[00:00:{n % 60:02d}] SPEAKER_0{n % 2}: line {n} 我们\n" for n in range(400))
    assert run(capsys, "--db", db, "import", write(tmp_path, "t.txt", lines))[0] == 0
    con = sqlite3.connect(db)
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(db.read_bytes())
    end = len(data) - page  # two data pages near the end: garbage
    data[end - 2 * page : end] = os.urandom(2 * page)
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(bytes(data))
    target = tmp_path / "target.sqlite3"
    code, _out, err = run(capsys, "copy", "--from", broken, "--to", target)
    line = one_line(err)
    assert code == 2 and line.startswith(f"reviewer: error: {broken}:"), line
    assert "target is unchanged" in line


# --- what is printed cannot drive the terminal ----------------------------------------------------


def test_printed_fields_are_escaped_and_stored_ones_untouched(capsys, store: Path, tmp_path: Path) -> None:
    hostile = "\x1b]0;pwned\x07\x1b[2J\rover\u202eevil"
    assert run(capsys, "--db", store, "tag", "1", "1", "--topic", "T", "--note", hostile)[0] == 0
    assert run(capsys, "--db", store, "topics", "Evil\x1b[31m")[0] == 0
    for argv in (["annotations"], ["topics"], ["list"]):
        code, out, _err = run(capsys, "--db", store, *argv)
        assert code == 0
        assert not any(c in out for c in "\x1b\x07\r\u202e"), (argv, out)
    code, out, _ = run(capsys, "--db", store, "annotations")
    assert "\\x1b]0;pwned\\x07" in out and "\\u202e" in out
    # Stored and exported as given.
    con = sqlite3.connect(store)
    assert con.execute("SELECT note FROM annotations WHERE note IS NOT NULL").fetchone()[0] == hostile
    con.close()
    assert run(capsys, "--db", store, "export", "json", tmp_path / "all.json")[0] == 0
    assert "\\u001b]0;pwned" in (tmp_path / "all.json").read_text(encoding="utf-8")


# --- temporary files of a killed export -----------------------------------------------------------


def test_a_killed_exports_temporary_file_is_cleaned_up(capsys, store: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    # An export killed while writing: a real process, stopped with SIGKILL inside atomic_write.
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from reviewer.export.atomic import atomic_write\n"
            f"with atomic_write({str(out)!r}) as f:\n"
            "    f.write('x' * 1_000_000); f.flush(); print('writing', flush=True); time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == b"writing"
    # While it runs, its temporary file is locked and another export leaves it alone.
    assert run(capsys, "--db", store, "export", "csv", out)[0] == 0
    left = [p for p in tmp_path.glob(".out.csv.*.tmp")]
    assert len(left) == 1
    writer.kill()
    writer.wait()
    assert left[0].exists()  # SIGKILL gives it no chance to clean up
    # The next export removes it.
    assert run(capsys, "--db", store, "export", "csv", out)[0] == 0
    assert list(tmp_path.glob(".out.csv.*.tmp")) == []
    assert "Keep/Me" in out.read_text(encoding="utf-8-sig")


def test_cleanup_leaves_other_files_alone(tmp_path: Path) -> None:
    from reviewer.export.atomic import remove_stale_temporaries

    target = tmp_path / "a.csv"
    keep = [tmp_path / ".a.csv.notes", tmp_path / ".b.csv.x1.tmp", tmp_path / "a.csv.tmp"]
    for p in keep:
        p.write_text("mine")
    stale = tmp_path / ".a.csv.abc123.tmp"
    stale.write_text("left behind")
    held = tmp_path / ".a.csv.def456.tmp"
    held.write_text("in use")
    fd = os.open(held, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        assert remove_stale_temporaries(target) == 1
    finally:
        os.close(fd)
    assert not stale.exists() and held.exists() and all(p.exists() for p in keep)
