"""SubRip (SRT) subtitles: numbered cues with ``00:00:01,000 --> 00:00:04,000`` timings.

A cue's text lines are joined with "\\n" in ``original``; an optional short
``Name: text`` prefix on its first line becomes the speaker.  Everything
needed to write the file back is kept per cue in ``extras["cues"]`` (segment
index as a string → record, see :func:`cue_record`); text before the first cue
is the ``header``.  The cue scanner and time helpers are shared with vtt.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reviewer.core.formats.plain import join, split_lines
from reviewer.core.transcript import Segment, Transcript

NAME = "srt"
# One-digit fields are written by some tools (``00:00:0,500 --> 00:00:2,00``).
_T = r"(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?"
TIMING = re.compile(rf"[ \t]*({_T})[ \t]*-->[ \t]*({_T})(.*)")
# "Name: text": a short name (≤ 3 words) starting with a letter, then ": " or ":" at line end.
# It is a speaker when the same prefix labels LABEL_REPEATS cues or more, or, followed by text
# on its line, when it looks like a name (no word in lower case: "Alice", "Dr. Bob Smith",
# "张三"); a sentence that ends in a colon ("Règle numéro un:", "Hide these tags:", "Перевод:")
# is text.
SPEAKER = re.compile(r"([^\W\d_][\w.'’\-]*(?: [\w.'’\-]+){0,2}):( (?=[^\n])|(?=\n)|\Z)")
LABEL_REPEATS = 2
_SCAN_LINES = 5000


def seconds(stamp: str) -> float:
    m = re.fullmatch(_T, stamp.strip())
    if m is None:
        return 0.0
    h, mi, s, frac = m.groups()
    value = int(h or 0) * 3600 + int(mi) * 60 + int(s)
    if frac:
        value += int(frac) / 10 ** len(frac)
    return round(float(value), 3)


def format_time(t: float | None, sep: str = ",", hours: bool = True) -> str:
    ms = round(max(t or 0.0, 0.0) * 1000)
    whole, frac = divmod(ms, 1000)
    h, rem = divmod(whole, 3600)
    m, s = divmod(rem, 60)
    if hours or h:
        return f"{h:02d}:{m:02d}:{s:02d}{sep}{frac:03d}"
    return f"{m:02d}:{s:02d}{sep}{frac:03d}"


@dataclass
class Cue:
    id_line: int | None  # index of the identifier line, if any
    timing: int  # index of the timing line
    body_end: int  # one past the last text line (== timing + 1 when there is no text)


def scan(
    lines: list[str],
    begin: int,
    is_id: Callable[[list[str], int], bool],
    skip_block: Callable[[str], bool] = lambda line: False,
) -> list[Cue]:
    """Find cues: an optional identifier line, a timing line, text lines up to a blank line."""
    cues: list[Cue] = []
    n = len(lines)
    i = begin
    block_start = True
    while i < n:
        line = lines[i]
        if not line.strip():
            block_start = True
            i += 1
            continue
        if block_start and skip_block(line):
            while i < n and lines[i].strip():
                i += 1
            continue
        block_start = False
        if TIMING.match(line):
            id_line, timing = None, i
        elif i + 1 < n and "-->" not in line and TIMING.match(lines[i + 1]) and is_id(lines, i):
            id_line, timing = i, i + 1
        else:
            i += 1
            continue
        j = timing + 1
        while j < n and not TIMING.match(lines[j]):
            if not lines[j].strip():
                # A blank line ends the cue unless what follows is more of its text (no
                # timing in the next lines, nothing a new block starts with): some tools
                # leave blank lines inside cues, and that text must not fall out of them.
                k = j
                while k < n and not lines[k].strip():
                    k += 1
                if k >= n or not _more_text(lines, k, is_id, skip_block):
                    break
                j = k
                continue
            if j + 1 < n and TIMING.match(lines[j + 1]) and is_id(lines, j):
                break
            j += 1
        cues.append(Cue(id_line, timing, j))
        i = j
    return cues


def _more_text(
    lines: list[str], k: int, is_id: Callable[[list[str], int], bool], skip_block: Callable[[str], bool]
) -> bool:
    """Whether the block at ``k`` (after a blank line) continues the cue before it."""
    if TIMING.match(lines[k]) or skip_block(lines[k]):
        return False
    for j in range(k, min(k + 3, len(lines))):
        if not lines[j].strip():
            break
        if TIMING.match(lines[j]) or (j + 1 < len(lines) and TIMING.match(lines[j + 1]) and is_id(lines, j)):
            return False
    return True


def _srt_id(lines: list[str], i: int) -> bool:
    return lines[i].strip().isdigit()


def cue_record(
    lines: list[str], starts: list[int], cue: Cue, next_start: int, text_end: int, text: str
) -> tuple[dict[str, Any], int, int]:
    """The layout of one cue, and where its text begins and ends in ``text``."""
    tm = TIMING.match(lines[cue.timing])
    assert tm is not None
    has_body = cue.body_end > cue.timing + 1
    if has_body:
        body_start = starts[cue.timing + 1]
        body_end = starts[cue.body_end - 1] + len(lines[cue.body_end - 1])
    else:
        body_start = body_end = starts[cue.timing] + len(lines[cue.timing])
    rec: dict[str, Any] = {
        "id": lines[cue.id_line] if cue.id_line is not None else None,
        "timing": lines[cue.timing],
        "times": [seconds(tm.group(1)), seconds(tm.group(6))],
        "settings": tm.group(11),
        "empty": not has_body,
        "gap": text[body_end : next_start if next_start >= 0 else text_end],
    }
    return rec, body_start, body_end


def cue_start(cue: Cue, starts: list[int]) -> int:
    return starts[cue.id_line if cue.id_line is not None else cue.timing]


def looks_like(text: str) -> float:
    lines = text.split("\n", _SCAN_LINES)[:_SCAN_LINES]
    cues = scan(lines, 0, _srt_id)
    if not cues:
        return 0.0
    c = cues[0]
    first_cue = c.id_line if c.id_line is not None else c.timing
    before = sum(1 for ln in lines[:first_cue] if ln.strip())
    if before > len(cues):
        return 0.05  # a timing line or two after pages of prose
    score = 0.95 if before == 0 else 0.4
    if "," not in lines[c.timing]:
        score /= 2  # "." milliseconds: more likely WebVTT without its header
    return score


def parse(text: str) -> Transcript:
    lines, starts, trailing = split_lines(text)
    text_end = len(text) - (1 if trailing else 0)
    cues = scan(lines, 0, _srt_id)
    if not cues:
        return Transcript(NAME, [], header=text[:text_end], trailing_newline=trailing)
    segments: list[Segment] = []
    records: dict[str, dict[str, Any]] = {}
    labels = _labels(text, lines, starts, cues, text_end)
    for k, cue in enumerate(cues):
        nxt = cue_start(cues[k + 1], starts) if k + 1 < len(cues) else -1
        rec, b0, b1 = cue_record(lines, starts, cue, nxt, text_end, text)
        body = text[b0:b1]
        speaker = None
        sm = SPEAKER.match(body)
        if sm and not rec["empty"] and sm.group(1) in labels:
            speaker = sm.group(1)
            rec["speaker"] = speaker
            rec["sep"] = ":" + sm.group(2)
            b0 += sm.end()
            body = text[b0:b1]
        body_lines = list(range(cue.timing + 2, cue.body_end + 1))
        start, end = rec["times"]
        segments.append(Segment(k, body, speaker, start, end, body_lines, [start] * len(body_lines), b0))
        records[str(k)] = rec
    header = text[: cue_start(cues[0], starts)]
    return Transcript(NAME, segments, header=header, trailing_newline=trailing, extras={"cues": records})


def _labels(text: str, lines: list[str], starts: list[int], cues: list[Cue], text_end: int) -> set[str]:
    """The prefixes that are speakers (see SPEAKER)."""
    seen: dict[str, int] = {}
    named: set[str] = set()
    for k, cue in enumerate(cues):
        nxt = cue_start(cues[k + 1], starts) if k + 1 < len(cues) else -1
        rec, b0, b1 = cue_record(lines, starts, cue, nxt, text_end, text)
        sm = SPEAKER.match(text[b0:b1])
        if sm and not rec["empty"]:
            seen[sm.group(1)] = seen.get(sm.group(1), 0) + 1
            if sm.group(2) == " " and _name_like(sm.group(1)):
                named.add(sm.group(1))
    return named | {name for name, n in seen.items() if n >= LABEL_REPEATS}


def _name_like(label: str) -> bool:
    return not any(w[0].islower() for w in label.split())


def render_cue(
    seg: Segment, rec: dict[str, Any], position: int, timing: Callable[[Segment, dict[str, Any]], str]
) -> str:
    """Identifier and timing lines, then the text (the caller adds the label)."""
    parts = []
    cue_id = rec.get("id", str(position + 1))
    if cue_id is not None:
        parts.append(cue_id + "\n")
    if rec.get("times") == [seg.start, seg.end] and "timing" in rec:
        parts.append(rec["timing"])
    else:
        parts.append(timing(seg, rec))
    return "".join(parts)


def _timing(seg: Segment, rec: dict[str, Any]) -> str:
    return f"{format_time(seg.start)} --> {format_time(seg.end)}{rec.get('settings', '')}"


def render(t: Transcript) -> str:
    records: dict[str, dict[str, Any]] = t.extras.get("cues", {})
    out: list[str] = []
    last = len(t.segments) - 1
    for pos, seg in enumerate(t.segments):
        rec = records.get(str(seg.index), {})
        head = render_cue(seg, rec, pos, _timing)
        speaker = seg.repaired_speaker
        body = seg.repaired
        if speaker:
            sep = rec.get("sep", ": ") if rec.get("speaker") == speaker else ": "
            body = f"{speaker}{sep}{body}"
        if body or not rec.get("empty", False):
            head += "\n" + body
        out.append(head + rec.get("gap", "\n\n" if pos < last else ""))
    return join(["".join(out)], t.header, t.trailing_newline)
