"""The `reviewer repair` command-line contract, run as a real process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, seed_path


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # output must be UTF-8 whatever the locale
    return subprocess.run(
        [sys.executable, "-m", "reviewer", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
    )


def test_repair_json_contract_on_the_asr_seed():
    p = run("repair", str(seed_path("003")), "--glossary", "resources/glossaries/ai-podcasts.txt", "--json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert set(doc) >= {
        "path",
        "encoding",
        "format",
        "metadata",
        "original_text",
        "repaired_text",
        "segments",
    }
    assert doc["format"] == "timestamped" and doc["encoding"] == "utf-8"
    assert doc["metadata"]["date"] == "2025-10-31"
    assert doc["original_text"] == seed_path("003").read_text(encoding="utf-8")
    seg_keys = {"index", "speaker", "start", "end", "original", "repaired", "source_lines", "edits"}
    edit_keys = {"kind", "start", "end", "before", "after", "confidence", "alternatives", "applied"}
    kinds = set()
    for i, seg in enumerate(doc["segments"]):
        assert set(seg) >= seg_keys and seg["index"] == i
        for e in seg["edits"]:
            assert set(e) >= edit_keys
            assert seg["original"][e["start"] : e["end"]] == e["before"]
            kinds.add(e["kind"])
    assert kinds >= {"speaker", "merge", "glossary"}
    # Fragments became sentences, and every source line is accounted for once.
    lines = [n for s in doc["segments"] for n in s["source_lines"]]
    assert len(lines) == len(set(lines)) and len(doc["segments"]) < len(lines)
    assert "晚点聊" in doc["repaired_text"] and "完点了" not in doc["repaired_text"]


def test_repair_text_output_is_same_format():
    p = run("repair", str(seed_path("001")))
    assert p.returncode == 0, p.stderr
    assert p.stdout == seed_path("001").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "make, expect",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "directory"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "img.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), "binary"),
        (lambda d: _write(d / "rand.bin", os.urandom(4096)), ""),
        (lambda d: _write(d / "nul.txt", b"\x00" * 1000 + b"abc"), ""),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path, make, expect):
    p = run("repair", str(make(tmp_path)))
    assert p.returncode == 2
    assert p.stdout == ""
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in p.stderr
    assert expect in lines[0].lower()


def test_forced_encoding_that_does_not_fit_is_refused(tmp_path):
    f = _write(tmp_path / "gbk.txt", "[A]: 你好，世界\n".encode("gbk"))
    assert run("repair", str(f), "--encoding", "utf-8").returncode == 2
    ok = run("repair", str(f), "--encoding", "gbk")
    assert ok.returncode == 0 and ok.stdout == "[A]: 你好，世界\n"


def test_bad_glossary_is_refused(tmp_path):
    p = run("repair", str(seed_path("004")), "--glossary", str(tmp_path / "nope.txt"))
    assert p.returncode == 2 and "glossary" in p.stderr


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
