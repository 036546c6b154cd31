"""Format detection and dispatch: every seed in its format, nothing crashes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.core.decoding import decode_file
from reviewer.core.errors import InputError
from reviewer.core.formats import detect
from tests.conftest import seed_path

# (format, segments) per seed, counted independently with grep:
#   000-002: grep -cE '^\[[^]]+\]:'   003: grep -cE '^\[[0-9:.]+\]'   004: grep -vcE '^\s*$'
SEEDS = {
    "000": ("chat", 20),
    "001": ("chat", 20),
    "002": ("chat", 20),
    "003": ("timestamped", 4048),
    "004": ("plain", 1060),
}

SRT = "1\n00:00:01,000 --> 00:00:02,000\nAlice: hi\n\n2\n00:00:03,000 --> 00:00:04,000\nBob: yo\n"
VTT = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Alice>hi\n"


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed(prefix: str) -> None:
    fmt, count = SEEDS[prefix]
    text = decode_file(seed_path(prefix)).text
    assert detect.detect(text) == fmt
    t = detect.parse(text)
    assert (t.format, len(t.segments)) == (fmt, count)
    for seg in t.segments:
        assert text[seg.offset : seg.offset + len(seg.original)] == seg.original
        assert len(seg.source_lines) == len(seg.line_starts)
    assert detect.render(t) == text


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        (SRT, "srt"),
        (VTT, "vtt"),
        ("[00:00:01] SPEAKER_00: hi\n[00:00:02] yo\n", "timestamped"),
        ("[A]: hi\n\nmore\n[B]: yo\n", "chat"),
        ("hello\nworld\n", "plain"),
        ("", "plain"),
        ("   \n", "plain"),
    ],
)
def test_detect(text: str, fmt: str) -> None:
    assert detect.detect(text) == fmt
    t = detect.parse(text)
    assert t.format == fmt
    assert detect.render(t) == text


def test_forced_format_and_unknown() -> None:
    t = detect.parse(SRT, "plain")
    assert t.format == "plain" and detect.render(t) == SRT
    with pytest.raises(InputError, match="unknown format"):
        detect.parse("x", "docx")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str) -> None:
    fmt = detect.detect(text)
    assert fmt in detect.FORMATS
    for name in (None, *detect.ORDER):
        t = detect.parse(text, name)
        for seg in t.segments:
            assert text[seg.offset : seg.offset + len(seg.original)] == seg.original
        assert detect.render(t) == text


def test_a_stray_stamp_or_label_in_prose_stays_plain() -> None:
    prose = "".join(f"line {i} of a long plain transcript\n" for i in range(40))
    assert detect.detect(prose + "[00:00:01] one stamped line\n") == "plain"
    assert detect.detect(prose + "[A]: a late label\n") == "plain"
    assert detect.detect(prose + "\n1\n00:00:01,000 --> 00:00:02,000\nx\n") == "plain"
    assert detect.detect("# Title\n\n[00:00:01] hi\n") == "timestamped"
    assert detect.detect("\ufeffWEBVTT\n\n00:01.000 --> 00:02.000\nx\n") == "vtt"
