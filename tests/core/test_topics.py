"""Topic suggestions on seed 003 (an AI-video founder's interview) and on small made-up texts."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from reviewer.core.document import load_document
from reviewer.core.glossary import Glossary, load_glossary
from reviewer.core.repair.pipeline import RepairOptions
from reviewer.core.topics import SPOKEN_FILLERS, is_stop, keywords, split_stretches, suggest_topics

ROOT = Path(__file__).resolve().parents[2]
SEED = next((ROOT / "seeds").glob("003_*.txt"))
GLOSSARY = ROOT / "resources" / "glossaries" / "ai-podcasts.txt"


@pytest.fixture(scope="module")
def seed_texts() -> tuple[list[str], Glossary]:
    glossary = load_glossary(GLOSSARY)
    doc = load_document(SEED, RepairOptions(glossary=glossary))
    return [s.repaired for s in doc.transcript.segments], glossary


def test_whole_document_keywords_are_its_topics(seed_texts) -> None:
    texts, glossary = seed_texts
    [whole] = suggest_topics(texts, glossary, k=15, size=len(texts), chars=10**9)
    words = [w for w, _ in whole.keywords]
    assert (whole.start, whole.end) == (0, len(texts))
    # The episode: a researcher turned founder of an AI video company talks models, video, startups.
    assert {"模型", "视频", "AI"} <= set(words)
    [longer] = suggest_topics(texts, glossary, k=25, size=len(texts), chars=10**9)
    assert "创业" in [w for w, _ in longer.keywords]
    assert not [w for w in words if w in SPOKEN_FILLERS or len(w) < 2]
    scores = [s for _, s in whole.keywords]
    assert scores == sorted(scores, reverse=True)


def test_stretches_cover_the_document_and_find_glossary_terms(seed_texts) -> None:
    texts, glossary = seed_texts
    stretches = suggest_topics(texts, glossary)
    assert stretches[0].start == 0 and stretches[-1].end == len(texts)
    assert all(a.end == b.start for a, b in itertools.pairwise(stretches))
    assert all(1 <= len(s.keywords) <= 8 for s in stretches)
    # The opening introduces the guest and his company: glossary terms, kept whole and boosted.
    first = [w for w, _ in stretches[0].keywords]
    assert {"曹越", "Sand.ai", "OpenAI"} & set(first)
    everything = {w for s in stretches for w, _ in s.keywords}
    assert not everything & {"就是", "然后", "这个", "那个", "我们", "觉得", "SPEAKER", "the", "and"}


def test_textrank_gives_keywords_too(seed_texts) -> None:
    texts, glossary = seed_texts
    stretches = suggest_topics(texts[:120], glossary, method="textrank")
    assert stretches and all(s.keywords for s in stretches)
    assert not {w for s in stretches for w, _ in s.keywords} & SPOKEN_FILLERS


def test_split_stretches_by_count_and_characters() -> None:
    assert split_stretches(["a"] * 65, size=30) == [(0, 30), (30, 65)]  # the short tail folds in
    assert split_stretches(["a"] * 60, size=30) == [(0, 30), (30, 60)]
    assert split_stretches(["x" * 100] * 10, size=30, chars=250) == [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10)]
    assert split_stretches([]) == []


def test_glossary_terms_stay_whole_and_score_up() -> None:
    text = "我们聊一下潮汐引擎的产品。潮汐引擎的产品很好。然后就是这个产品。产品产品"
    plain = [w for w, _ in keywords(text)]
    assert "潮汐引擎" not in plain and "引擎" in plain  # jieba alone cuts the made-up term apart
    glossary = Glossary(["潮汐引擎"])
    words = [w for w, _ in suggest_topics([text], glossary)[0].keywords]
    assert words[0] == "潮汐引擎" and "产品" in words


def test_stop_words() -> None:
    assert all(is_stop(w) for w in ("就是", "然后", "the", "SPEAKER_01", "2021", "就", "..."))
    assert not any(is_stop(w) for w in ("模型", "视频", "ChatGPT"))
