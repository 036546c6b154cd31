"""WebVTT subtitles.

``WEBVTT`` header block (its first-line title and ``Key: value`` lines go to
``metadata``), optional cue identifiers, cue settings after the timing,
``NOTE``/``STYLE``/``REGION`` blocks (not segments; reproduced verbatim), and
``<v Name>text</v>`` voice tags: the name becomes the speaker and the tag is
not part of ``original``.  Per cue, ``extras["cues"]`` (segment index as a
string → record) keeps the identifier, the timing line as written, the
settings (``"settings"``: the text after the end time, e.g.
``" align:start position:10%"``), the voice tag as written and whether it
was closed, and the text up to the next cue (blank lines, NOTE blocks).
"""

from __future__ import annotations

import re
from typing import Any

from reviewer.core.formats.plain import join, split_lines
from reviewer.core.formats.srt import TIMING, cue_record, cue_start, format_time, render_cue, scan
from reviewer.core.transcript import Segment, Transcript

NAME = "vtt"
VOICE = re.compile(r"<v(?:\.[\w.\-]*)?(?:[ \t]+([^>\n]*))?>")
_CLOSE = "</v>"
_BLOCKS = ("NOTE", "STYLE", "REGION")
_META = re.compile(r"([A-Za-z][\w\- ]{0,30}):\s*(.*)")


def _is_special_block(line: str) -> bool:
    return any(line == k or line.startswith((k + " ", k + "\t")) for k in _BLOCKS)


def _any_id(lines: list[str], i: int) -> bool:
    return not _is_special_block(lines[i])


def is_vtt(text: str) -> bool:
    return text.startswith("WEBVTT") and (len(text) == 6 or text[6] in " \t\n")


def looks_like(text: str) -> float:
    return 1.0 if is_vtt(text.lstrip("\ufeff")) else 0.0


def _header_block(lines: list[str]) -> tuple[int, dict[str, str]]:
    """Where the header block ends, and its metadata (title, Key: value lines)."""
    meta: dict[str, str] = {}
    head = lines[0].lstrip("\ufeff") if lines else ""
    if not is_vtt(head):
        return 0, meta
    title = head[6:].strip().lstrip("-").strip()
    if title:
        meta["title"] = title
    k = 1
    while k < len(lines) and lines[k].strip():
        m = _META.fullmatch(lines[k].strip())
        if m and "-->" not in lines[k]:
            meta[m.group(1).strip().lower().replace(" ", "_")] = m.group(2).strip()
        k += 1
    return k, meta


def parse(text: str) -> Transcript:
    lines, starts, trailing = split_lines(text)
    text_end = len(text) - (1 if trailing else 0)
    begin, meta = _header_block(lines)
    cues = scan(lines, begin, _any_id, _is_special_block)
    if not cues:
        return Transcript(NAME, [], meta, header=text[:text_end], trailing_newline=trailing)
    segments: list[Segment] = []
    records: dict[str, dict[str, Any]] = {}
    for k, cue in enumerate(cues):
        nxt = cue_start(cues[k + 1], starts) if k + 1 < len(cues) else -1
        rec, b0, b1 = cue_record(lines, starts, cue, nxt, text_end, text)
        speaker = None
        vm = VOICE.match(text, b0, b1)
        if vm and (vm.group(1) or "").strip() and not rec["empty"]:
            speaker = (vm.group(1) or "").strip()
            rec["speaker"] = speaker
            rec["voice"] = vm.group(0)
            b0 = vm.end()
            rec["close"] = text.endswith(_CLOSE, b0, b1)
            if rec["close"]:
                b1 -= len(_CLOSE)
        body_lines = list(range(cue.timing + 2, cue.body_end + 1))
        start, end = rec["times"]
        starts_ = [start] * len(body_lines)
        segments.append(Segment(k, text[b0:b1], speaker, start, end, body_lines, starts_, b0))
        records[str(k)] = rec
    first_timing = TIMING.match(lines[cues[0].timing])
    hours = bool(first_timing and first_timing.group(2))
    extras = {"cues": records, "vtt_hours": hours}
    header = text[: cue_start(cues[0], starts)]
    return Transcript(NAME, segments, meta, header, trailing, extras)


def render(t: Transcript) -> str:
    records: dict[str, dict[str, Any]] = t.extras.get("cues", {})
    hours = bool(t.extras.get("vtt_hours", False))

    def timing(seg: Segment, rec: dict[str, Any]) -> str:
        start = format_time(seg.start, ".", hours)
        end = format_time(seg.end, ".", hours)
        return f"{start} --> {end}{rec.get('settings', '')}"

    out: list[str] = []
    last = len(t.segments) - 1
    header = t.header
    if not header and t.segments and "cues" not in t.extras:
        header = "WEBVTT\n\n"  # a transcript from elsewhere: write a valid file
    for pos, seg in enumerate(t.segments):
        rec = records.get(str(seg.index), {"id": None})
        head = render_cue(seg, rec, pos, timing)
        speaker = seg.repaired_speaker
        body = seg.repaired
        if speaker:
            same = rec.get("speaker") == speaker
            tag = rec["voice"] if same and "voice" in rec else f"<v {speaker}>"
            body = tag + body + (_CLOSE if same and rec.get("close") else "")
        if body or not rec.get("empty", False):
            head += "\n" + body
        out.append(head + rec.get("gap", "\n\n" if pos < last else ""))
    return join(["".join(out)], header, t.trailing_newline)
