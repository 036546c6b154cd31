"""Finding the other occurrences of a misrecognition (teach-to-glossary preview)."""

from __future__ import annotations

from reviewer.core.occurrences import Occurrence, find_in_text, find_occurrences


def test_chinese_substring_anywhere() -> None:
    assert find_in_text("偶拍说偶拍", "偶拍", "OpenAI") == [(0, 2), (3, 5)]


def test_latin_only_as_a_word() -> None:
    assert find_in_text("OPNi, OPNiX and xOPNi 和OPNi的", "OPNi") == [(0, 4), (23, 27)]


def test_already_right_is_not_an_error() -> None:
    # "GPT" inside "ChatGPT" is the right text already; a bare "GPT" is not.
    assert find_in_text("ChatGPT 和 GPT", "GPT", "ChatGPT") == [(10, 13)]
    assert find_in_text("散的AI和散的", "散的", "散的AI公司") == [(0, 2), (5, 7)]


def test_occurrences_across_documents_skipping_marked_places() -> None:
    segments = [(1, 0, "偶拍的人"), (1, 1, "没有"), (2, 5, "他在偶拍，偶拍")]
    found = find_occurrences(segments, "偶拍", "OpenAI", skip=[(1, 0, 0, 2)])
    assert [(o.document_id, o.segment_index, o.start, o.end) for o in found] == [(2, 5, 2, 4), (2, 5, 5, 7)]
    assert find_occurrences(segments, "", "x") == []


def test_preview_context() -> None:
    o = Occurrence(1, 0, 20, 22, "一" * 20 + "偶拍" + "二" * 20)
    before, after = o.preview("OpenAI", width=3)
    assert before == "…一一一[偶拍]二二二…"
    assert after == "…一一一[OpenAI]二二二…"
    assert Occurrence(1, 0, 0, 2, "偶拍").preview("OpenAI") == ("[偶拍]", "[OpenAI]")
