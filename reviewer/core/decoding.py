"""Bytes → text, plus which encoding was used and why.

Order: a BOM; strict UTF-8; UTF-16/32 without a BOM (NUL-byte pattern);
then chardet, its guess verified by a strict decode and weighed against a
short ranked list of likely legacy encodings (GB18030, Big5, Windows-1252),
each candidate scored for how plausible its text looks.  Binary data is
refused with :class:`DecodeError`; an empty file with :class:`InputError`.

The decoded text has ``\\r\\n`` and lone ``\\r`` turned into ``\\n`` and a
leading BOM removed; nothing else is changed (repair steps do the rest and
record it).
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reviewer.core.errors import DecodeError, InputError
from reviewer.core.inputs import read_input

__all__ = ["Decoded", "decode", "decode_file"]


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a lower-case Python codec name
    reason: str  # how it was chosen, a short phrase


_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32-LE BOM"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32-BE BOM"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16-LE BOM"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16-BE BOM"),
)

# (prefix, offset, description) of common binary formats.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"WEBP", 8, "WebP image"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
    (b"\x00\x00\x01\x00", 0, "icon image"),
    (b"%PDF-", 0, "PDF document"),
    (b"PK\x03\x04", 0, "ZIP archive"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"\x1f\x8b", 0, "gzip archive"),
    (b"BZh", 0, "bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\x28\xb5\x2f\xfd", 0, "zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "Office document"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"\xca\xfe\xba\xbe", 0, "Mach-O or Java class file"),
    (b"\xcf\xfa\xed\xfe", 0, "Mach-O executable"),
    (b"\x00asm", 0, "WebAssembly module"),
    (b"WAVE", 8, "WAV audio"),
    (b"AVI ", 8, "AVI video"),
    (b"ID3", 0, "MP3 audio"),
    (b"OggS", 0, "Ogg media"),
    (b"fLaC", 0, "FLAC audio"),
    (b"ftyp", 4, "MP4/QuickTime media"),
    (b"\x1a\x45\xdf\xa3", 0, "Matroska/WebM media"),
)

# C0 controls other than tab, newlines, form feed, vertical tab and escape; DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_NUL = re.compile(r"\x00")

# Ranked legacy candidates tried after chardet (earlier wins a tie).
_CANDIDATES = ("gb18030", "big5", "cp950", "cp1252")
# chardet names → the codec we decode with (a superset that decodes the same bytes).
_SUPERSET = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
}
# Encodings chardet may propose that we accept (EBCDIC, DOS and Mac pages are
# never what a transcript is in, and their guesses on short text are noise).
_ALLOWED = frozenset(
    {"utf-8", "gb18030", "big5", "cp950", "big5hkscs", "cp932", "euc_jp", "cp949"}
    | {"koi8-r", "koi8-u", "tis-620"}
    | {f"cp{n}" for n in range(1250, 1259)}
)
_SCORE_SAMPLE = 20000  # characters scored per candidate
_MIN_SCORE = 0.25  # below this a legacy decoding is judged garbage
_TRUST_CHARDET = 0.7  # chardet's confidence at which its CJK guess is not overruled
_CJK_CODECS = frozenset({"euc_jp", "cp932", "cp949", "big5", "cp950", "big5hkscs", "gb18030"})


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``; raise InputError (empty) or DecodeError (binary, undecodable)."""
    if not data:
        raise InputError("file is empty")
    if encoding is not None:
        return _forced(data, encoding)
    magic = _magic(data)
    if magic:
        raise DecodeError(f"looks like binary data ({magic}), not a text transcript")
    seven = _seven_bit(data)
    if seven is not None:
        return seven
    for bom, name, reason in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(name.removesuffix("-sig"))
            except UnicodeDecodeError:
                continue  # not really this BOM (UTF-16-LE's is a prefix of UTF-32-LE's)
            return _finish(text, name, reason)
    if b"\x00" not in data:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            # Strict UTF-8 that decodes is the text (even a few bytes another code page would
            # read otherwise): any repair of it is an edit the reviewer sees.
            return _finish(text, "utf-8", "valid UTF-8")
    else:
        wide = _wide(data)
        if wide is not None:
            return _finish(*wide)
    text, name, reason, _ = _legacy(data)
    return _finish(text, name, reason)


# 7-bit encodings of CJK text: ASCII bytes throughout (so "valid UTF-8"), their escape
# sequences telling them apart.  (codec, marker bytes, what the reason says)
_SEVEN_BIT: tuple[tuple[str, tuple[bytes, ...], str], ...] = (
    ("iso2022_kr", (b"\x1b$)C",), "ISO-2022-KR escape sequences"),
    ("iso2022_jp", (b"\x1b$B", b"\x1b$@", b"\x1b$(D"), "ISO-2022-JP escape sequences"),
    ("hz", (b"~{",), "HZ-GB-2312 (~{ … ~} shifts)"),
)


def _seven_bit(data: bytes) -> Decoded | None:
    """ISO-2022-JP/KR and HZ files, which are also plain ASCII: decoded by their own codec when
    their markers are there and it reads the whole file strictly into CJK text."""
    if max(data, default=0) >= 0x80:
        return None
    for codec, markers, reason in _SEVEN_BIT:
        if not any(m in data for m in markers):
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if any(_is_cjk(ord(c)) or 0x3040 <= ord(c) <= 0x30FF or 0xAC00 <= ord(c) <= 0xD7A3 for c in text):
            return _finish(text, codec, reason)
    return None


def decode_file(path: str | Path, encoding: str | None = None) -> Decoded:
    """Read and decode a file; every failure is an InputError with a one-line message."""
    return decode(read_input(path), encoding)


# -- steps -------------------------------------------------------------------


def _forced(data: bytes, encoding: str) -> Decoded:
    try:
        name = codecs.lookup(encoding).name
    except (LookupError, ValueError, TypeError):
        raise InputError(f"unknown encoding: {encoding}") from None
    try:
        text = codecs.decode(data, name, "strict")
    except UnicodeDecodeError as err:
        bad = err.object[err.start : err.start + 1].hex()
        raise DecodeError(f"cannot decode as {name}: invalid byte 0x{bad} at offset {err.start}") from None
    except Exception as err:  # a non-text codec (e.g. "hex", "zlib")
        raise InputError(f"cannot decode as {name}: {err}") from None
    if not isinstance(text, str):
        raise InputError(f"unknown encoding: {encoding} (not a text encoding)")
    return _finish(text, name, "forced by caller")


def _wide(data: bytes) -> tuple[str, str, str] | None:
    """UTF-16/32 without a BOM, told apart from UTF-8 with NULs by plausibility."""
    options: list[tuple[float, str, str, str]] = []
    for name, width in (("utf-16-le", 2), ("utf-16-be", 2), ("utf-32-le", 4), ("utf-32-be", 4)):
        if len(data) % width:
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        label = name.upper()
        options.append((_plausibility(text, name), name, text, f"{label} without BOM (NUL-byte pattern)"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        options.append((_plausibility(text, "utf-8"), "utf-8", text, "valid UTF-8"))
    if not options:
        return None
    score, name, text, reason = max(options, key=lambda o: o[0])
    if score < 0.5:
        return None
    return text, name, reason


def _legacy(data: bytes) -> tuple[str, str, str, float]:
    """chardet's guesses and the ranked candidates, strictly decoded and scored.

    Returns (text, codec, reason, score).
    """
    guesses = _chardet(data)
    for g in guesses:
        if g[0] is None and g[2]:
            raise DecodeError(f"looks like binary data ({g[2]}), not a text transcript")
    top = next((g for g in guesses if g[0]), None)
    names: list[str] = []
    for g in guesses:
        if g[0] and g[0] not in names:
            names.append(g[0])
    names += [c for c in _CANDIDATES if c not in names]
    by_text: dict[str, str] = {}
    order: list[str] = []
    for name in names:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if text not in by_text:
            by_text[text] = name
            order.append(text)
        elif name in _CANDIDATES and by_text[text] not in _CANDIDATES:
            by_text[text] = name  # same text: report the common code page
    if not order:
        raise DecodeError("cannot determine the text encoding (no known encoding fits the bytes)")
    results: list[tuple[float, int, str, str]] = []
    for rank, text in enumerate(order):
        name = by_text[text]
        score = _plausibility(text, name)
        if top is not None and name == top[0]:
            score += 0.03  # a small vote for chardet's own choice
        results.append((score, -rank, name, text))
    score, _, name, text = max(results)
    # chardet sure of a CJK multi-byte encoding (its detectors model those languages; our
    # score models Chinese): its reading stands if it looks like text at all.  EUC-JP kana
    # are GB2312's too, and the kanji then read as other Chinese characters.
    if top is not None and top[3] >= _TRUST_CHARDET and top[0] in _CJK_CODECS and name != top[0]:
        trusted = next((r for r in results if r[2] == top[0]), None)
        if trusted is not None and trusted[0] >= _MIN_SCORE:
            score, _, name, text = trusted
    if score < _MIN_SCORE:
        if _control_share(text) > 0.02:
            raise DecodeError("looks like binary data (control bytes), not a text transcript")
        raise DecodeError(
            f"cannot determine the text encoding (best guess {name} does not look like text); "
            "name it with --encoding"
        )
    if top is not None and name == top[0]:
        reason = f"chardet: {top[1]} (confidence {top[3]:.2f}), verified by strict decode"
    elif top is not None:
        reason = (
            f"most plausible candidate {name} (chardet guessed {top[1]} at {top[3]:.2f}), "
            "verified by strict decode"
        )
    else:
        reason = f"most plausible candidate {name}, verified by strict decode"
    return text, name, reason, score


def _chardet(data: bytes) -> list[tuple[str | None, str, str, float]]:
    """(codec name, chardet's name, binary mime type or "", confidence) per chardet guess."""
    try:
        import chardet

        found = chardet.detect_all(data, max_bytes=64000)
    except Exception:  # chardet must never be the reason a decode crashes
        return []
    out: list[tuple[str | None, str, str, float]] = []
    for r in found[:5]:
        raw = r.get("encoding")
        mime = r.get("mime_type") or ""
        conf = float(r.get("confidence") or 0.0)
        if raw is None:
            binary = mime if mime and not mime.startswith("text/") else ""
            if binary == "application/octet-stream":
                binary = "unrecognised bytes"
            out.append((None, "", binary, conf))
            continue
        out.append((_codec_name(str(raw)), str(raw), "", conf))
    return out


def _codec_name(name: str) -> str | None:
    """chardet's name → the codec we decode with, or None for encodings we never use."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    codec = _SUPERSET.get(codec, codec)
    if codec in _ALLOWED or codec.startswith("iso8859-"):
        return codec
    return None


def _finish(text: str, encoding: str, reason: str) -> Decoded:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        if "\x00" in text:
            raise DecodeError("looks like binary data (NUL bytes), not a text transcript")
        raise InputError("file is empty")
    nuls = len(_NUL.findall(text))
    if nuls > max(3, len(text) // 100):
        raise DecodeError("looks like binary data (mostly NUL bytes), not a text transcript")
    ctrl = len(_CONTROL.findall(text))
    if ctrl > max(3, len(text) * 0.03):
        raise DecodeError("looks like binary data (many control characters), not a text transcript")
    return Decoded(text, encoding, reason)


def _magic(data: bytes) -> str | None:
    for prefix, at, what in _MAGIC:
        if data[at : at + len(prefix)] == prefix:
            if prefix == b"BZh" and data[4:10] != b"1AY&SY":
                continue
            if prefix == b"ID3" and len(data) > 3 and data[3] > 9:
                continue
            return what
    if data[:2] == b"MZ" and b"\x00" in data[:64] and len(data) >= 64:
        return "Windows executable"
    return None


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(1, len(text))


# -- plausibility scoring ------------------------------------------------------


@cache
def _commonness() -> dict[str, float]:
    """Character → log probability, from jieba's HMM emission table.

    That table covers Simplified and Traditional characters alike (unlike
    jieba's word dictionary), so GBK and Big5 decodings are judged fairly.
    """
    try:
        from jieba.finalseg.prob_emit import P
    except Exception:
        return {}
    best: dict[str, float] = {}
    for table in P.values():
        for ch, lp in table.items():
            if lp > best.get(ch, -math.inf):
                best[ch] = lp
    return best


_CJK_PUNCT = frozenset("、。〈〉《》「」『』【】〔〕〖〗〃々〜・\u3000")
_FULLWIDTH = frozenset("，！？：；（）＂＇％＆＊＋－／＜＝＞＠［］｛｝～．")
_WESTERN_LETTERS = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜßàáâãäåæçèéêëìíîïñòóôõöøùúûüÿ")
_WESTERN_PUNCT = frozenset("–—‘’“”„…•«»\u00a0")
_NUMERIC_SIGNS = frozenset("€£¥¢°")
# The most frequent Hangul syllables: real Korean text is dense in them.
_HANGUL_COMMON = frozenset(
    "이다는의에하고가을지기사로한서도리자대수어인를아나시해정게보일전부있적으주제상라만장소과것들국여내니동"
    "말않면생우그경거무문성중위구없원저세오미학공회년요까습했던할었며된되안녕입합감반갑님께네래러려봐좋"
)
_CODEPAGE_SCRIPT = {  # a CJK code page's text without its own script is suspect
    "cp932": (0x3040, 0x30FF),
    "euc_jp": (0x3040, 0x30FF),
    "shift_jis": (0x3040, 0x30FF),
    "cp949": (0xAC00, 0xD7A3),
    "euc_kr": (0xAC00, 0xD7A3),
}


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2FFFF or 0xF900 <= cp <= 0xFAFF
    )


def _char_weight(text: str, i: int, common: dict[str, float]) -> float:
    """How plausible one non-ASCII character is in a transcript, -1..1."""
    ch = text[i]
    cp = ord(ch)
    cat = unicodedata.category(ch)
    if ch == "\ufffd" or cat in ("Cc", "Co", "Cs", "Cn"):
        return -1.0
    if _is_cjk(cp):
        lp = common.get(ch)
        return 0.0 if lp is None else min(1.0, max(0.0, (lp + 13.0) / 6.0))
    if ch in _CJK_PUNCT or ch in _FULLWIDTH:
        return 1.0
    if 0x3040 <= cp <= 0x30FF:  # kana
        return 0.6
    if 0xAC00 <= cp <= 0xD7A3:  # Hangul syllables
        return 0.9 if ch in _HANGUL_COMMON else 0.3
    if cp <= 0x02FF or 0x2000 <= cp <= 0x20CF or ch == "™":
        return _latin_weight(text, i, ch, cat)
    if cat.startswith("L"):
        if 0x3100 <= cp <= 0x312F or 0x31A0 <= cp <= 0x31BF:  # bopomofo
            return 0.0
        if 0x0391 <= cp <= 0x03C9 or 0x0401 <= cp <= 0x0451:
            # Basic Greek and Russian letters: real words are runs of them.
            return 0.6 if _same_script_neighbour(text, i) else 0.1
        return 0.1 if 0x0370 <= cp <= 0x052F else 0.3
    if cat in ("So", "Sk") or ch in "\u200d\ufe0f":  # emoji and their joiners
        return 0.7
    return 0.1


def _neighbours(text: str, i: int) -> tuple[str, str]:
    return (text[i - 1] if i > 0 else " "), (text[i + 1] if i + 1 < len(text) else " ")


def _same_script_neighbour(text: str, i: int) -> bool:
    base = ord(text[i]) & ~0xFF
    return any(n.isalpha() and (ord(n) & ~0xFF) == base for n in _neighbours(text, i))


def _latin_weight(text: str, i: int, ch: str, cat: str) -> float:
    """Accented letters and typographic punctuation sit next to ASCII in real
    Western text; runs of them are the signature of a wrong code page."""
    prev, nxt = _neighbours(text, i)
    letter_by = (prev.isascii() and prev.isalpha()) or (nxt.isascii() and nxt.isalpha())
    if ch in _WESTERN_LETTERS:
        return 1.0 if letter_by else 0.2
    if ch in _WESTERN_PUNCT:
        return 1.0 if prev.isascii() or nxt.isascii() else 0.1
    if ch in _NUMERIC_SIGNS:
        return 1.0 if nxt.isdigit() or prev.isdigit() else 0.1
    if cat.startswith("L"):  # other Latin letters (Central European, ...)
        return 0.5 if letter_by else 0.1
    return 0.1


def _plausibility(text: str, codec: str) -> float:
    """Share (weighted by bytes) of the text that looks like real transcript text, -1..1.

    ASCII decodes the same in every candidate, so only control characters
    among it count (against); the score is carried by the non-ASCII part.
    """
    sample = text[:_SCORE_SAMPLE]
    common = _commonness()
    total = 0.0
    weight = 0.0
    ascii_chars = 0
    for i, ch in enumerate(sample):
        if ch.isascii():
            if ch in "\t\n\r\f\v" or " " <= ch <= "~":
                ascii_chars += 1
            else:
                total -= 2.0
                weight += 2.0
            continue
        try:
            nbytes = len(ch.encode(codec))
        except (UnicodeEncodeError, LookupError):
            nbytes = 2
        total += _char_weight(sample, i, common) * nbytes
        weight += nbytes
    if weight == 0:
        return 1.0 if ascii_chars else 0.0
    # A little credit for the ASCII share so a text with a few odd characters
    # in mostly-ASCII prose is not judged by those alone.
    score = (total + 0.05 * ascii_chars) / (weight + 0.05 * ascii_chars)
    script = _CODEPAGE_SCRIPT.get(codec)
    if script and not any(script[0] <= ord(c) <= script[1] for c in sample):
        score *= 0.5
    return score
