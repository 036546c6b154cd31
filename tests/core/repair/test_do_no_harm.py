"""Do no harm on real-world text (issue: the repair engine on real-world text): valid UTF-8 is
the text, and C1 characters are the Windows-1252 text they were, never dropped."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.decoding import decode
from reviewer.core.document import repair_text
from reviewer.core.repair import normalize
from reviewer.core.repair.pipeline import RepairOptions


def _repaired(text: str) -> list[tuple[str, list[tuple[str, str, str]]]]:
    doc = repair_text(text, RepairOptions(), path="t.txt")
    return [(s.repaired, [(e.kind, e.before, e.after) for e in s.edits]) for s in doc.transcript.segments]


def test_valid_utf8_with_c1_characters_is_decoded_as_utf8_and_its_c1_put_back_as_edits() -> None:
    # cp1252 text once read as Latin-1, then saved as UTF-8: „ and “ are U+0084 and U+0093.
    raw = "\u0084Handwerk bringt dich überall hin\u0093\n".encode()
    d = decode(raw)
    assert (d.text, d.encoding, d.reason) == (
        "\u0084Handwerk bringt dich überall hin\u0093\n",
        "utf-8",
        "valid UTF-8",
    )
    assert _repaired(d.text) == [
        ("„Handwerk bringt dich überall hin“", [("normalize", "\x84", "„"), ("normalize", "\x93", "“")])
    ]


def test_short_valid_utf8_is_never_read_as_another_code_page() -> None:
    for text in ("( o¬ô )\n", "Ça va — très bien\n", "лл\n"):
        assert decode(text.encode()).text == text


def test_a_closing_quote_read_as_latin1_is_kept() -> None:
    assert _repaired("“senza modifiche\x94, disse\n") == [
        ("“senza modifiche”, disse", [("normalize", "\x94", "”")])
    ]


def test_c1_bytes_cp1252_leaves_undefined_stay() -> None:
    assert normalize.find_fixes("a\x81b\x8dc") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x17F), max_size=40))
def test_normalize_never_drops_a_c1_character(text: str) -> None:
    fixes = normalize.find_fixes(text)
    for f in fixes:
        removed = text[f.start : f.end]
        for ch in removed:
            if "\x80" <= ch <= "\x9f":
                assert f.after, f"{ch!r} dropped"

    # Every C1 character cp1252 defines is turned into that character; the others stay.
    def cp1252(ch: str) -> str:
        try:
            return ch.encode("latin-1").decode("cp1252")
        except UnicodeDecodeError:
            return ch

    for f in fixes:
        span = text[f.start : f.end]
        if all("\x80" <= ch <= "\x9f" for ch in span):
            assert f.after == "".join(cp1252(ch) for ch in span)


def test_a_fix_below_the_apply_threshold_is_a_suggestion_not_a_change() -> None:
    from reviewer.core.repair.base import Fix, apply_at, propose_fixes
    from reviewer.core.transcript import Segment

    for kind in ("mojibake", "normalize"):
        seg = Segment(0, "abc def", None, None, None, [1], [None], 0)
        edits = propose_fixes(seg, kind, [Fix(0, 3, "xyz", 0.09), Fix(4, 7, "DEF", apply_at(kind))])
        assert [(e.after, e.applied) for e in edits] == [("xyz", False), ("DEF", True)]
        assert seg.repaired == "abc DEF"  # the doubtful one waits for the reviewer
    assert apply_at("mojibake") == 0.2 and apply_at("normalize") == 0.5


@pytest.mark.parametrize(
    ("text", "codec", "why"),
    [
        ("これは日本語のテキストです。\n", "iso2022_jp", "ISO-2022-JP"),
        ("이것은 한국어 텍스트입니다.\n", "iso2022_kr", "ISO-2022-KR"),
        ("我们今天聊一下大模型的未来。\n", "hz", "HZ-GB-2312"),
    ],
)
def test_seven_bit_cjk_encodings_are_decoded_not_passed_as_utf8(text: str, codec: str, why: str) -> None:
    d = decode(text.encode(codec))
    assert (d.text, d.encoding) == (text, codec) and why in d.reason


def test_plain_ascii_with_a_tilde_brace_stays_utf8() -> None:
    assert decode(b"set x ~{ y ~} here\n").encoding == "utf-8"


def test_chardet_sure_of_euc_jp_is_not_overruled_by_a_chinese_reading() -> None:
    # The kana are GB2312's too; only the kanji tell EUC-JP (元気) from GB18030 (傅丹).
    d = decode("こんにちは、元気ですか。\n".encode("euc_jp"))
    assert (d.text, d.encoding) == ("こんにちは、元気ですか。\n", "euc_jp")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=60))
def test_printable_ascii_is_always_utf8_as_it_is(text: str) -> None:
    if text.strip():
        d = decode(text.encode())
        assert (d.text, d.encoding) == (text, "utf-8")
