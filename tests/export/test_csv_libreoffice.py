"""The CSV export opened by LibreOffice Calc (headless) and saved back: cells survive, nothing runs.

Skipped where LibreOffice is not installed, except in CI.  Known Calc behaviour, not tested here:
CRLF inside a cell comes back as LF, and number-like text ("0012", "1e5") is read as a number
unless the column is imported as Text.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from reviewer.export.csv import export_csv
from reviewer.store import Store
from tests.store.helpers import CHAT, TIMED, doc

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# CI installs LibreOffice (.ci/system-deps.sh, run by make test), so there a missing soffice is a failure.
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"), reason="LibreOffice (soffice) not installed"
)

# CSV import: comma, double quote, UTF-8, from line 1, …, "evaluate formulas" on (the risky setting).
IMPORT = "CSV:44,34,76,1,,0,false,true,false,false,false,true"
EXPORT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true"
NOTES = [
    "中文备注：这里把“开源”听成了“开元”",
    "emoji 😀👍🏽 family 👨‍👩‍👧",
    'quotes "inside", commas, and; semicolons',
    "line one\nline two",
    '=HYPERLINK("http://evil","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
]


def _soffice(tmp: Path, *args: str) -> None:
    profile = (tmp / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", *args], cwd=tmp,
                   check=True, capture_output=True, timeout=180)  # fmt: skip


def test_libreoffice_round_trip(store: Store, tmp_path: Path) -> None:
    doc_id = store.import_document(doc(CHAT)).document_id
    for note in NOTES:
        store.tag(doc_id, 1, error="asr", span=(0, 5), note=note, correction=note, annotator="王")
    timed = store.import_document(doc(TIMED + "[00:01:02.5] SPEAKER_01: 半秒\n", path="t.txt")).document_id
    for seg in store.segments(timed):
        store.tag(timed, seg.index, topic="Timed/Rows", note=f"at {seg.start} s")
    src = tmp_path / "notes.csv"
    export_csv(store, src)

    _soffice(tmp_path, f"--infilter={IMPORT}", "--convert-to", "ods", str(src))
    ods = tmp_path / "notes.ods"
    content = zipfile.ZipFile(ods).read("content.xml").decode("utf-8")
    assert "table:formula" not in content  # no cell became a formula

    (tmp_path / "back").mkdir()
    _soffice(tmp_path, "--convert-to", EXPORT, "--outdir", str(tmp_path / "back"), str(ods))
    with src.open(encoding="utf-8-sig", newline="") as f:
        ours = list(csv.reader(f))
    with (tmp_path / "back" / "notes.csv").open(encoding="utf-8-sig", newline="") as f:
        theirs = list(csv.reader(f))
    assert theirs == ours
