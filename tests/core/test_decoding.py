"""Bytes → text: BOMs, UTF-8, UTF-16 without BOM, legacy CJK/Western code pages, bad input."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core import inputs
from reviewer.core.decoding import Decoded, decode, decode_file
from reviewer.core.errors import DecodeError, InputError
from tests.conftest import seed_path

SIMPLIFIED = "[A]: 你好，今天天气很好。\n[B]: 我们去公园散步吧！\n"
TRADITIONAL = "[A]: 你好，今天天氣很好。\n[B]: 我們去公園散步吧！\n"
WESTERN = "café – naïve “quotes”\nGrüße aus Köln, señor.\n"

# Short Traditional and Simplified sentences, for Big5/GBK on short files.
TRADITIONAL_LINES = [
    "我們今天要討論的是人工智慧的發展。",
    "這個問題其實很難回答，因為每個人的看法都不一樣。",
    "你覺得現在的大學教育還有用嗎？",
    "說實話，我對這個產品的設計不太滿意。",
    "歡迎收聽我們的節目，今天的來賓是一位創業家。",
    "謝謝大家的收聽，我們下次再見。",
    "對，沒錯，就是這樣。",
    "學習中文",
    "電腦",
]
SIMPLIFIED_LINES = [
    "我们今天要讨论的是人工智能的发展。",
    "这个问题其实很难回答，因为每个人的看法都不一样。",
    "你觉得现在的大学教育还有用吗？",
    "说实话，我对这个产品的设计不太满意。",
    "欢迎收听我们的节目，今天的嘉宾是一位创业者。",
    "你好",
    "电脑",
    "学习中文",
]


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        ("hello world\n", "utf-8", "utf-8"),
        ("你好，世界\n", "utf-8", "utf-8"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (SIMPLIFIED, "gb18030", "gb18030"),
        ("表情😀和欧元€，还有𠀀。\n", "gb18030", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        (WESTERN, "cp1252", "cp1252"),
        ("café – naïve “quotes”", "cp1252", "cp1252"),
        ("hello\nworld\n", "utf-16-le", "utf-16-le"),
        ("hello\nworld\n", "utf-16-be", "utf-16-be"),
        (SIMPLIFIED, "utf-16-le", "utf-16-le"),
        (SIMPLIFIED, "utf-16-be", "utf-16-be"),
        ("你好\n", "utf-16-le", "utf-16-le"),
        ("hi there\n", "utf-32-le", "utf-32-le"),
    ],
)
def test_decodes_without_bom(text: str, codec: str, expected: str) -> None:
    d = decode(text.encode(codec))
    assert isinstance(d, Decoded)
    assert d.text == text
    assert d.encoding == expected
    assert d.reason


@pytest.mark.parametrize(
    ("bom", "codec", "expected", "reason"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig", "UTF-8 BOM"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le", "UTF-16-LE BOM"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be", "UTF-16-BE BOM"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le", "UTF-32-LE BOM"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be", "UTF-32-BE BOM"),
    ],
)
def test_bom_is_used_and_stripped(bom: bytes, codec: str, expected: str, reason: str) -> None:
    d = decode(bom + SIMPLIFIED.encode(codec))
    assert (d.text, d.encoding, d.reason) == (SIMPLIFIED, expected, reason)


def test_reasons_name_the_method() -> None:
    assert decode(b"plain ascii").reason == "valid UTF-8"
    assert decode("hi\n".encode("utf-16-le")).reason == "UTF-16-LE without BOM (NUL-byte pattern)"
    gbk = decode(SIMPLIFIED.encode("gbk")).reason
    assert "gb18030" in gbk.lower() and "verified by strict decode" in gbk


@pytest.mark.parametrize("line", TRADITIONAL_LINES)
def test_short_big5(line: str) -> None:
    assert decode(line.encode("big5")) == Decoded(line, "big5", decode(line.encode("big5")).reason)


@pytest.mark.parametrize("line", SIMPLIFIED_LINES)
@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_short_gbk(line: str, codec: str) -> None:
    d = decode(line.encode(codec))
    assert d.text == line
    assert d.encoding == "gb18030"


@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_few_lines_big5_and_gbk(k: int) -> None:
    trad = "\n".join(TRADITIONAL_LINES[:k]) + "\n"
    simp = "\n".join(SIMPLIFIED_LINES[:k]) + "\n"
    assert decode(trad.encode("big5")).encoding == "big5"
    assert decode(trad.encode("big5")).text == trad
    assert decode(simp.encode("gbk")).text == simp


@pytest.mark.parametrize("text", ["Größe", "résumé", "Ça va? Très bien.\nÀ bientôt!", "€5 only", "naïve"])
def test_short_windows_1252(text: str) -> None:
    d = decode(text.encode("cp1252"))
    assert (d.text, d.encoding) == (text, "cp1252")


def test_line_endings_become_newlines_and_nothing_else_changes() -> None:
    raw = "a\r\nb\rc\n  trailing  \n\u3000全角\ufeffx\r\n"
    d = decode(raw.encode("utf-8"))
    assert d.text == "a\nb\nc\n  trailing  \n\u3000全角\ufeffx\n"
    assert decode(("line1\r\nline2\r\n").encode("utf-16")).text == "line1\nline2\n"


def test_decomposed_text_is_not_normalised() -> None:
    nfd = "cafe\u0301\n"
    assert decode(nfd.encode()).text == nfd


def test_forced_encoding() -> None:
    d = decode(SIMPLIFIED.encode("gbk"), encoding="GBK")
    assert (d.text, d.encoding, d.reason) == (SIMPLIFIED, "gbk", "forced by caller")
    assert decode("é".encode("latin-1"), "latin-1").text == "é"
    assert decode(codecs.BOM_UTF8 + b"x", "utf-8").text == "x"


def test_forced_unknown_encoding() -> None:
    with pytest.raises(InputError, match="unknown encoding: klingon"):
        decode(b"abc", encoding="klingon")


def test_forced_encoding_that_does_not_fit_names_offset() -> None:
    with pytest.raises(DecodeError, match="offset 3"):
        decode(b"abc\xff\xfe", encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"GIF89a\x01\x00", "GIF image"),
    ],
)
def test_binary_magic_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(DecodeError, match=f"looks like binary data \\({what}\\)") as err:
        decode(data)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    "data",
    [
        os.urandom(2000),
        bytes(range(256)) * 8,
        b"\x00" * 4096,
        b"\x00" * 1000 + b"text" + b"\x00" * 1000,
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x0E, 0x0F, 0x10, 0x11]) * 50 + b"some words",
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode(data)


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n\t \r\n", codecs.BOM_UTF8, "  \n".encode("utf-16")])
def test_empty_file(data: bytes) -> None:
    with pytest.raises(InputError, match="file is empty"):
        decode(data)


def test_undecodable_bytes_are_refused() -> None:
    with pytest.raises(DecodeError):
        decode(b"hello \x81\x8d\x8f\x90\x9d world \xff\xff\xff")


def test_decode_file(tmp_path: Path) -> None:
    p = tmp_path / "t.txt"
    p.write_bytes(SIMPLIFIED.encode("gbk"))
    assert decode_file(p).text == SIMPLIFIED
    assert decode_file(str(p), encoding="gbk").encoding == "gbk"


def test_decode_file_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InputError, match="no such file"):
        decode_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        decode_file(tmp_path)
    p = tmp_path / "secret.txt"
    p.write_text("x")

    p.chmod(0)
    if os.geteuid() == 0:  # root reads it anyway: let the open fail as it would for anyone else

        def denied(*_args: object) -> int:
            raise PermissionError(13, "Permission denied", str(p))

        monkeypatch.setattr(inputs.os, "open", denied)
    with pytest.raises(InputError, match="permission denied"):
        decode_file(p)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_are_utf8(prefix: str) -> None:
    data = seed_path(prefix).read_bytes()
    d = decode_file(seed_path(prefix))
    assert d.encoding == "utf-8"
    assert d.text == data.decode("utf-8")


def test_seed_round_trips_through_legacy_encodings() -> None:
    text = seed_path("004").read_text(encoding="utf-8")
    assert decode(text.encode("gb18030")).text == text
    assert decode(text.encode("utf-16-le")).text == text
    assert decode(text.encode("utf-16-be")).encoding == "utf-16-be"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    try:
        d = decode(data)
    except InputError as err:  # DecodeError is an InputError
        assert str(err) and "\n" not in str(err)
    else:
        assert "\r" not in d.text and not d.text.startswith("\ufeff")


_TEXT = st.text(
    alphabet=st.sampled_from(list("abc XYZ 0189.,!?\n\t你好世界们這說國，。！？“”éàüß–—…😀")),
    min_size=1,
    max_size=200,
).filter(lambda s: s.strip())


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_encodings_round_trip(text: str, codec: str) -> None:
    assert decode(text.encode(codec)).text == text


@settings(max_examples=100, deadline=None)
@given(
    _TEXT, st.sampled_from(["ascii", "utf-8", "latin-1", "gbk"]), st.sampled_from(["utf-8", "cp1252", "x"])
)
def test_forced_never_raises_other_errors(text: str, src: str, forced: str) -> None:
    data = text.encode(src, errors="ignore") or b"x"
    try:
        decode(data, encoding=forced)
    except InputError:
        pass


def test_utf16_bom_text_starting_with_nul_is_not_utf32() -> None:
    # FF FE 00 00 is also the UTF-32-LE BOM; the UTF-32 reading fails, UTF-16 is used.
    d = decode(codecs.BOM_UTF16_LE + "\x00ab".encode("utf-16-le"))
    assert (d.text, d.encoding) == ("\x00ab", "utf-16-le")


@pytest.mark.parametrize("text", ["éü", "é", "ßü–", "Ça"])
def test_short_utf8_with_western_letters_stays_utf8(text: str) -> None:
    """Bytes that are valid UTF-8 for accented letters are not re-read as GBK (C3 A9 C3 BC: 茅眉)."""
    assert decode(text.encode("utf-8")).text == text
