"""`reviewer agreement`, `reviewer export agreement`, the JSON export's agreement, annotator
filters and $REVIEWER_DB with a PostgreSQL URL, through reviewer.cli.main on both backends."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.store import open_store
from tests.store.helpers import doc

LINES = "".join(f"[A]: line number {i} of four.\n" for i in range(4))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def doc_id(db_url: str) -> int:
    # alice: X X Y Y, bob: X Y Y Y on segments 0-3 (topics), and one error tag by alice.
    # Kappa by hand: p_o = 3/4; alice's shares X 2/4, Y 2/4, bob's X 1/4, Y 3/4 →
    # p_e = (2·1 + 2·3) / 16 = 1/2 → kappa = (3/4 - 1/2) / (1/2) = 0.5.
    # Alpha by hand: 8 values, n_X = 3, n_Y = 5, one disagreeing unit → 2 off-diagonal pairs:
    # alpha = 1 - (8 - 1) · 2 / (2 · 3 · 5) = 1 - 14/30 = 0.5333.
    with open_store(db_url) as store:
        d = store.import_document(doc(LINES, glossary=False)).document_id
        for i, (a, b) in enumerate(zip("XXYY", "XYYY", strict=True)):
            store.tag(d, i, topic=a, annotator="alice")
            store.tag(d, i, topic=b, annotator="bob")
        store.tag(d, 2, error="asr", annotator="alice")
    return d


def test_agreement_text_and_json(capsys: pytest.CaptureFixture[str], db_url: str, doc_id: int) -> None:
    code, out, err = run(capsys, "--db", db_url, "agreement", doc_id, "--kind", "topic")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "topic: 4 segments compared; annotators: alice, bob",
        "  Krippendorff's alpha (nominal): 0.533",
        "  Cohen's kappa alice / bob: 0.500 over 4 segments",
    ]
    code, out, _ = run(capsys, "agreement", doc_id, "--json", "--db", db_url)
    data = json.loads(out)
    assert data["document_id"] == doc_id and set(data) == {"document_id", "speaker", "topic", "error"}
    assert data["topic"]["alpha"] == pytest.approx(16 / 30, abs=1e-6)
    assert data["topic"]["pairs"][0] | {"kappa": 0.5, "segments": 4} == data["topic"]["pairs"][0]
    # One error tag, by alice only: one segment compared, bob's "no tag" disagrees.
    assert data["error"]["segments"] == 1 and data["error"]["pairs"][0]["observed"] == 0
    assert data["speaker"]["alpha"] is None and data["speaker"]["alpha_reason"]


def test_exports_carry_agreement(
    capsys: pytest.CaptureFixture[str], db_url: str, doc_id: int, tmp_path: Path
) -> None:
    out_csv = tmp_path / "agree.csv"
    code, out, _ = run(capsys, "--db", db_url, "export", "agreement", out_csv, "--document", doc_id)
    assert code == 0 and out == f"6 rows\t{out_csv}\n"
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(out_csv.read_text(encoding="utf-8-sig").splitlines()))
    topic = {(r["measure"], r["annotator_a"]): r for r in rows if r["kind"] == "topic"}
    assert topic[("alpha", "")]["value"] == "0.5333" and topic[("alpha", "")]["segments"] == "4"
    assert (
        topic[("kappa", "alice")] | {"annotator_b": "bob", "value": "0.5000", "observed": "0.7500"}
        == (topic[("kappa", "alice")])
    )
    speaker_alpha = next(r for r in rows if r["kind"] == "speaker" and r["measure"] == "alpha")
    assert speaker_alpha["value"] == "" and speaker_alpha["reason"]
    out_json = tmp_path / "all.json"
    assert run(capsys, "--db", db_url, "export", "json", out_json)[0] == 0
    [d] = json.loads(out_json.read_text(encoding="utf-8"))["documents"]
    assert d["agreement"]["topic"]["pairs"][0]["kappa"] == 0.5


def test_annotator_filter_and_env_url(
    capsys: pytest.CaptureFixture[str], db_url: str, doc_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REVIEWER_DB", db_url)
    monkeypatch.setenv("REVIEWER_ANNOTATOR", "carol")
    code, out, _ = run(capsys, "tag", doc_id, "3", "--topic", "Z")
    assert code == 0
    code, out, _ = run(capsys, "annotations", doc_id, "--annotator", "carol")
    [line] = out.splitlines()
    assert line.split("\t")[3:5] == ["topic", "Z"] and line.split("\t")[-2:] == ["carol", "1"]
    assert len(run(capsys, "annotations", doc_id)[1].splitlines()) == 10
    code, out, _ = run(capsys, "agreement", doc_id, "--kind", "topic", "--annotators", "alice,carol")
    assert out.splitlines()[0] == "topic: 4 segments compared; annotators: alice, carol"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["agreement", "99"], "no document with id 99"),
        (["agreement", "{doc}", "--annotators", "alice"], "two or more names"),
        (["agreement", "{doc}", "--annotators", "alice,zed"], "no annotations by 'zed'"),
        (["agreement", "x"], "DOC_ID must be a whole number"),
        (["export", "agreement", "{tmp}/no/such/dir/a.csv"], "a.csv"),
    ],
)
def test_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str],
    db_url: str,
    doc_id: int,
    tmp_path: Path,
    argv: list[str],
    message: str,
) -> None:
    args = [a.format(doc=doc_id, tmp=tmp_path) for a in argv]
    code, out, err = run(capsys, "--db", db_url, *args)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err
