"""Every sample transcript through the whole pipeline, as `reviewer repair` sees it."""

import dataclasses
import re

import pytest

from reviewer.core.document import load_document
from reviewer.core.glossary import load_glossary
from reviewer.core.repair.pipeline import RepairOptions
from reviewer.core.transcript import apply_edits
from tests.conftest import ROOT, seed_path

GLOSSARY = load_glossary(ROOT / "resources/glossaries/ai-podcasts.txt")
# A UTF-8 lead byte read as a Windows code page, followed by a continuation byte so read.
MOJIBAKE = re.compile(
    "[ÃÂâäåæçèéïğ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _lines(prefix: str) -> list[str]:
    return seed_path(prefix).read_text(encoding="utf-8").split("\n")


def _check_edits(doc) -> None:
    for seg in doc.transcript.segments:
        for e in seg.edits:
            assert seg.original[e.start : e.end] == e.before


def test_seed_000_mojibake_chat_is_fully_repaired():
    doc = load_document(seed_path("000"))
    assert doc.format == "chat"
    labels = [ln for ln in _lines("000") if re.match(r"\[[AB]\]: ", ln)]
    assert len(doc.transcript.segments) == len(labels) == 20
    assert len(MOJIBAKE.findall(doc.original_text)) > 1000
    # Every broken run has its repair; the few guesses below the apply threshold (< 0.2) wait
    # as suggestions, and only their text is still broken.
    held = [e for seg in doc.transcript.segments for e in seg.edits if not e.applied]
    assert len(held) <= 5 and all(e.confidence < 0.2 for e in held)
    offered = "\n".join(
        apply_edits(seg.original, [dataclasses.replace(e, applied=True) for e in seg.edits])
        for seg in doc.transcript.segments
    )
    assert MOJIBAKE.findall(offered) == []
    assert len(MOJIBAKE.findall(doc.repaired_text)) <= len(held)
    assert "\ufffd" not in doc.repaired_text
    # Pieces checked by hand against the bytes (话题: E8 AF 9D with 9D lost; 👍 with 8D lost).
    first = doc.transcript.segments[0].repaired
    assert first == "Hey，关于'你觉得college degree在现在还重要吗？'这个话题，你怎么想的？"
    assert "for a second... 👍 Do you remember" in doc.transcript.segments[1].repaired
    kinds = {e.kind for s in doc.transcript.segments for e in s.edits}
    assert kinds <= {"mojibake", "normalize"}
    assert any(e.alternatives for s in doc.transcript.segments for e in s.edits)
    _check_edits(doc)


@pytest.mark.parametrize("prefix", ["001", "002"])
def test_clean_chat_seeds_are_untouched(prefix):
    doc = load_document(seed_path(prefix))
    assert doc.format == "chat"
    assert len(doc.transcript.segments) == sum(1 for ln in _lines(prefix) if re.match(r"\[[AB]\]: ", ln))
    assert [e for s in doc.transcript.segments for e in s.edits] == []
    assert doc.repaired_text == doc.original_text


def test_seed_003_asr_export_is_merged_filled_and_corrected():
    doc = load_document(seed_path("003"), RepairOptions(glossary=GLOSSARY))
    assert doc.format == "timestamped"
    assert doc.metadata["podcast"] == "晚点聊 LateTalk (Investigative Journalism)"
    assert doc.metadata["date"] == "2025-10-31"
    assert doc.metadata["url"].startswith("https://www.xiaoyuzhoufm.com/episode/")
    stamped = [ln for ln in _lines("003") if re.match(r"\[\d\d:\d\d:\d\d\] ", ln)]
    unlabelled = [ln for ln in stamped if not re.match(r"\[[\d:]{8}\] SPEAKER_\d+: ", ln)]
    segs = doc.transcript.segments
    assert sum(len(s.source_lines) for s in segs) == len(stamped)
    assert len(segs) < len(stamped) * 0.7  # fragments became sentences
    fills = [e for s in segs for e in s.edits if e.kind == "speaker"]
    assert 0 < len(fills) <= len(unlabelled)
    assert all(e.confidence < 0.8 for e in fills)
    # Every unlabelled line that did not join a labelled neighbour got a speaker.
    assert all(s.repaired_speaker for s in segs)
    text = doc.repaired_text
    for wrong, right in [("完点了", "晚点聊"), ("光联之外", "光年之外"), ("非书", "飞书"), ("归谷", "硅谷")]:
        assert wrong not in text and right in text
    assert "偶拍" not in text and "OpenAI" in text
    suggestions = [e for s in segs for e in s.edits if e.kind == "glossary" and not e.applied]
    assert suggestions, "low-confidence matches are kept as suggestions"
    _check_edits(doc)


def test_seed_003_without_glossary_changes_no_words():
    doc = load_document(seed_path("003"))
    assert {e.kind for s in doc.transcript.segments for e in s.edits} == {"speaker", "merge"}


def test_seed_004_plain_is_untouched():
    doc = load_document(seed_path("004"))
    assert doc.format == "plain"
    assert len(doc.transcript.segments) == sum(1 for ln in _lines("004") if ln.strip())
    assert all(s.speaker is None and s.start is None for s in doc.transcript.segments)
    assert [e for s in doc.transcript.segments for e in s.edits] == []
    assert doc.repaired_text == doc.original_text
