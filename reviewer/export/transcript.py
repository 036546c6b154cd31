"""A stored document's repaired transcript as .txt, .srt or .vtt, with speakers' display names.

Built from the stored segments (the reviewer's decisions applied), not from the
source format's own renderer: these are for reading and for video players.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.core.errors import InputError
from reviewer.export.atomic import atomic_write, check_writable

if TYPE_CHECKING:
    from reviewer.store import SegmentInfo, Store

FORMATS = ("txt", "srt", "vtt")
# A cue with no end time shows until the next one starts, or this long when it is the last.
LAST_CUE_SECONDS = 3.0
MIN_CUE_SECONDS = 0.5

_BLANK_LINES = re.compile(r"\n\s*\n+")
# What other programs take as a line break (Python's str.splitlines does): made a plain one.
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# The arrow of a timing line: in a cue's text it would start a cue of its own when read back.
ARROW = "-->"


def _speaker(seg: SegmentInfo) -> str | None:
    if seg.speaker is not None:
        return seg.speaker.display_name
    return seg.original_speaker


def _clock(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def render_txt(segments: Sequence[SegmentInfo]) -> str:
    lines = []
    for seg in segments:
        prefix = ""
        if seg.start is not None:
            prefix += f"[{_clock(seg.start, '.')[:8]}] "
        name = _speaker(seg)
        if name:
            prefix += f"{name}: "
        lines.append(prefix + seg.repaired)
    return "\n".join(lines) + "\n" if lines else ""


def cue_times(segments: Sequence[SegmentInfo]) -> list[tuple[float, float]]:
    """(start, end) per segment: missing ends run to the next start; missing starts follow the last end."""
    if not any(s.start is not None for s in segments):
        raise InputError("the document has no timestamps; subtitles need them (export it as .txt)")
    out: list[tuple[float, float]] = []
    clock = 0.0
    for n, seg in enumerate(segments):
        start = seg.start if seg.start is not None else clock
        end = seg.end
        if end is None:
            nxt = next((s.start for s in segments[n + 1 :] if s.start is not None), None)
            end = nxt if nxt is not None else start + LAST_CUE_SECONDS
        end = max(end, start + MIN_CUE_SECONDS) if end <= start else end
        out.append((start, end))
        clock = end
    return out


def _cue_text(text: str) -> str:
    """Text that stays inside its cue: a blank line would end the cue (both formats), so the
    text keeps its lines but not its blank ones, whatever character breaks them."""
    return _BLANK_LINES.sub("\n", _LINE_BREAKS.sub("\n", text).strip()) or "…"


def _srt_safe(text: str) -> str:
    # SRT has no escapes: a timing line inside the text would read back as a cue of its own.
    return text.replace(ARROW, "->")


def render_srt(segments: Sequence[SegmentInfo]) -> str:
    parts = []
    for n, (seg, (start, end)) in enumerate(zip(segments, cue_times(segments), strict=True), 1):
        name = _speaker(seg)
        name = _srt_safe(" ".join(_cue_text(name).split())) if name else None
        text = _srt_safe(_cue_text(seg.repaired))
        parts.append(
            f"{n}\n{_clock(start, ',')} --> {_clock(end, ',')}\n{name + ': ' if name else ''}{text}\n"
        )
    return "\n".join(parts)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_vtt(segments: Sequence[SegmentInfo]) -> str:
    parts = ["WEBVTT\n"]
    for seg, (start, end) in zip(segments, cue_times(segments), strict=True):
        name = _speaker(seg)
        name = " ".join(_cue_text(name).split()) if name else None  # a voice name is one line
        text = _vtt_escape(_cue_text(seg.repaired))  # "-->" becomes "--&gt;", read back as "-->"
        voice = f"<v {_vtt_escape(name)}>" if name else ""
        parts.append(f"{_clock(start, '.')} --> {_clock(end, '.')}\n{voice}{text}\n")
    return "\n".join(parts)


RENDERERS = {"txt": render_txt, "srt": render_srt, "vtt": render_vtt}


def format_for(path: str | Path, fmt: str | None = None) -> str:
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise InputError(
            f"{path}: cannot tell the transcript format; name it .txt, .srt or .vtt (or give --format)"
        )
    return chosen


def export_transcript(store: Store, document_id: int, path: str | Path, fmt: str | None = None) -> int:
    """Write the document's repaired transcript atomically; returns the number of segments."""
    chosen = format_for(path, fmt)
    check_writable(path)
    segments = store.segments(document_id, with_edits=False)
    text = RENDERERS[chosen](segments)
    with atomic_write(path, encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(segments)
