"""Close variants of a misrecognition (core.variants): what is found, scored and ticked."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.variants import CONFUSED, EXACT, SAME_SOUND, candidates, find_variants


def _found(text: str, wrong: str, right: str) -> list[tuple[str, float, bool]]:
    return [(text[v.start : v.end], v.score, v.fits) for v in find_variants(text, wrong, right)]


def test_chinese_the_same_sounds_and_the_usual_confusions() -> None:
    text = "曹悦说，草越来了，曹月也在，找越不在，曹越已经对了"
    found = _found(text, "曹悦", "曹越")
    assert ("曹悦", EXACT, True) in found
    assert ("草越", SAME_SOUND, True) in found  # cao yue, another way
    assert ("曹月", SAME_SOUND, True) in found
    assert ("找越", CONFUSED, True) not in found  # zhao is not cao (z/zh merge, c/zh do not)
    # s/sh and n/l run together: sou lian for shou lian is a confusion.
    assert _found("他搜脸了", "收脸", "收敛") == [("搜脸", CONFUSED, True)]
    assert "曹越" not in [f for f, _s, _t in found]  # already right


def test_a_match_that_cuts_through_words_does_not_fit() -> None:
    assert _found("方向速度和向速", "向速", "像素") == [("向速", EXACT, False), ("向速", EXACT, True)]


def test_latin_words_one_letter_off_whole_words_only() -> None:
    found = _found("Eternence, Eternance and Eternances or eternal", "Eternance", "Eternity")
    assert found == [
        ("Eternence", SAME_SOUND, True),
        ("Eternance", EXACT, True),
        ("Eternances", SAME_SOUND, True),
    ]


def test_a_mixed_wrong_is_found_as_itself() -> None:
    assert _found("用Skalebo的Sytham做", "Skalebo的Sytham", "Scalable的System") == [
        ("Skalebo的Sytham", EXACT, True)
    ]


WORDS = st.sampled_from(
    ["曹悦", "草越", "方向", "速度", "Eternence", "eternal", " ", "的", "Sytham", "System"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=6).map("".join), min_size=1, max_size=8), st.sampled_from(
    ["曹悦", "向速", "Eternance", "Sytham", "的Sy"]
))  # fmt: skip
def test_candidates_never_miss_a_segment_with_a_variant(texts: list[str], wrong: str) -> None:
    wanted = {n for n, t in enumerate(texts) if find_variants(t, wrong, "")}
    assert wanted <= set(candidates(texts, wrong))
