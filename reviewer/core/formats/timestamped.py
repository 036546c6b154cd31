"""Timestamped ASR exports: ``[HH:MM:SS] SPEAKER_NN: text`` lines.

An optional markdown header comes first (``# title``, ``**Podcast:** …``,
``**Date:** …``, …, up to ``---``); its fields go to ``metadata`` and the
whole text before the first timestamp line is kept verbatim as ``header``.
One segment per line (``start`` = its timestamp, ``end`` None); a line
without a speaker label has speaker None.  ``[MM:SS]`` and
``[H:MM:SS.mmm]`` stamps are accepted too.

extras:
  ``time_style``  [hour digits (0 = MM:SS), fraction separator, fraction digits]
                  of the most common stamp, used to render times;
  ``raw_prefix``  source line (str) → [prefix as written, speaker, time] for lines
                  whose stamp/label differs from the canonical rendering; used
                  while speaker and time are unchanged;
  ``layout``      source line (str) → blank line, as in plain;
  ``unlabeled``   source lines (int) of stamped lines without a speaker label.

Lines after the first stamp that carry no stamp become segments without a
time and are rendered as they are.  A merged segment (fragments joined by
"\\n", see repair/merge.py) whose repaired text still contains "\\n" is
rendered as one stamped line per piece, each with the time of the fragment
it begins in.  The piece from the segment's first fragment takes the
segment's repaired speaker; a piece from a later fragment takes the speaker
the fragments were merged on, unless that fragment's line had no label in
the input (its speaker fill, if any, was dropped by the merge), in which case
it is written without one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from reviewer.core.formats.plain import is_blank, join, with_layout
from reviewer.core.transcript import OffsetMap, Segment, Transcript

NAME = "timestamped"
STAMP = re.compile(r"\[(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:([.,])(\d{1,3}))?\]")
SPEAKER = re.compile(r"(SPEAKER_[A-Za-z0-9_]{1,20}|[A-Za-z_]{1,24}[_ ]?\d{1,4}):( ?)")
_META = re.compile(r"\*\*([^*\n]{1,60}?)(?::\*\*|\*\*\s*:)\s*(.*)")
_KNOWN_KEYS = {"video url": "url", "url": "url", "video id": "video_id"}
_SCAN_LINES = 5000

Style = tuple[int, str, int]
DEFAULT_STYLE: Style = (2, ".", 0)


def stamp_seconds(m: re.Match[str]) -> float:
    h, mi, s, _, frac = m.group(1, 2, 3, 4, 5)
    value = int(h or 0) * 3600 + int(mi) * 60 + int(s)
    if frac:
        value += int(frac) / 10 ** len(frac)
    return round(float(value), 3)


def _style(m: re.Match[str]) -> Style:
    h, sep, frac = m.group(1, 4, 5)
    return (len(h) if h else 0, sep or ".", len(frac) if frac else 0)


def format_time(t: float, style: Style = DEFAULT_STYLE) -> str:
    hour_digits, sep, frac_digits = style
    units = round(max(t, 0.0) * 10**frac_digits)
    whole, frac = divmod(units, 10**frac_digits)
    h, rem = divmod(whole, 3600)
    m, s = divmod(rem, 60)
    core = f"{h * 60 + m:02d}:{s:02d}" if hour_digits == 0 else f"{h:0{hour_digits}d}:{m:02d}:{s:02d}"
    if frac_digits:
        core += f"{sep}{frac:0{frac_digits}d}"
    return f"[{core}]"


def _prefix(t: float, speaker: str | None, style: Style) -> str:
    return f"{format_time(t, style)} " + (f"{speaker}: " if speaker else "")


def snake(key: str) -> str:
    return re.sub(r"\W+", "_", key.strip().lower()).strip("_")


def parse_header(header: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in header.split("\n"):
        s = line.strip()
        if s == "---":
            break
        if s.startswith("# ") and "title" not in meta:
            meta["title"] = s[2:].strip()
            continue
        m = _META.match(s)
        if m:
            name = m.group(1).strip()
            key = _KNOWN_KEYS.get(name.lower(), snake(name))
            if key:
                meta[key] = m.group(2).strip()
    return meta


def _is_header_line(line: str) -> bool:
    s = line.strip()
    return s == "---" or s.startswith("#") or _META.match(s) is not None


def looks_like(text: str) -> float:
    lines = text.split("\n", _SCAN_LINES)[:_SCAN_LINES]
    first = next((i for i, ln in enumerate(lines) if STAMP.match(ln)), None)
    if first is None:
        return 0.0
    body = [ln for ln in lines[first:] if ln.strip()]
    stamped = sum(1 for ln in body if STAMP.match(ln))
    # A stamp or two after pages of prose is not an ASR export.
    before = sum(1 for ln in lines[:first] if ln.strip() and not _is_header_line(ln))
    coverage = min(1.0, stamped / max(1, before))
    return 0.9 * stamped / len(body) * coverage


# A stamp, the space after it, and an optional speaker label, in one match.
_LINE = re.compile(STAMP.pattern + r"( ?)(?:" + SPEAKER.pattern + ")?")
_STYLE_SAMPLE = 500
_FIRST_STAMP = re.compile("^" + STAMP.pattern, re.M)


def parse(text: str) -> Transcript:
    trailing = text.endswith("\n")
    end = len(text) - trailing  # the text without its final newline is text[:end]
    found = _FIRST_STAMP.search(text, 0, end)
    if found is None:
        body = text[:end]
        return Transcript(NAME, [], metadata=parse_header(body), header=body, trailing_newline=trailing)
    first_stamp = found.start()
    header = text[:first_stamp]
    first = header.count("\n")
    # The most common stamp style renders times; a sample decides it, since any
    # line written otherwise keeps its prefix verbatim (raw_prefix) anyway.
    head = text[first_stamp : min(end, first_stamp + _STYLE_SAMPLE * 200)]
    sample = [m for m in map(_LINE.match, head.split("\n")) if m]
    style = Counter(_style(m) for m in sample[:_STYLE_SAMPLE]).most_common(1)[0][0]
    hour_digits, _, frac_digits = style
    plain_style = hour_digits > 0 and frac_digits == 0
    segments: list[Segment] = []
    layout: dict[str, str] = {}
    raw_prefix: dict[str, list[object]] = {}
    unlabeled: list[int] = []
    # Lines are cut one at a time, so a long file never holds a list of its lines.
    n = first - 1
    offset = first_stamp
    while offset <= end:
        n += 1
        nl = text.find("\n", offset, end)
        if nl < 0:
            nl = end
        line = text[offset:nl]
        line_start = offset
        offset = nl + 1
        m = _LINE.match(line)
        if m is None:
            if is_blank(line):
                layout[str(n + 1)] = line
            else:
                segments.append(Segment(len(segments), line, None, None, None, [n + 1], [None], line_start))
            continue
        h, mi, sec, _, frac, space, speaker, label_space = m.groups()
        t = float(int(h or 0) * 3600 + int(mi) * 60 + int(sec)) if frac is None else stamp_seconds(m)
        pos = m.end()
        if speaker is None:
            unlabeled.append(n + 1)
        # Cheap sufficient test that the prefix is what _prefix would write;
        # formatting every stamp back would cost more than the rest of parsing.
        canonical = (
            plain_style
            and frac is None
            and h is not None
            and len(h) == hour_digits
            and len(mi) == 2
            and mi < "60"
            and sec < "60"
            and space == " "
            and (speaker is None or label_space == " ")
        )
        if not canonical and line[:pos] != _prefix(t, speaker, style):
            raw_prefix[str(n + 1)] = [line[:pos], speaker, t]
        segments.append(Segment(len(segments), line[pos:], speaker, t, None, [n + 1], [t], line_start + pos))
    extras: dict[str, object] = {"time_style": list(style), "layout": layout, "unlabeled": unlabeled}
    if raw_prefix:
        extras["raw_prefix"] = raw_prefix
    return Transcript(NAME, segments, parse_header(header), header, trailing, extras)


def _pieces(seg: Segment) -> list[tuple[int, int | None, float | None, str]]:
    """(fragment, source line, time, text) of each rendered line of a segment."""
    rep = seg.repaired
    if "\n" not in rep:
        line = seg.source_lines[0] if seg.source_lines else None
        t = seg.line_starts[0] if seg.line_starts else seg.start
        return [(0, line, t, rep)]
    frag_starts = [0]
    for frag in seg.original.split("\n")[:-1]:
        frag_starts.append(frag_starts[-1] + len(frag) + 1)
    omap = OffsetMap(seg.edits)
    out: list[tuple[int, int | None, float | None, str]] = []
    pos = 0
    for piece in rep.split("\n"):
        k = max(0, bisect_right(frag_starts, omap.to_original(pos)) - 1)
        line = seg.source_lines[k] if k < len(seg.source_lines) else None
        if k < len(seg.line_starts):
            t = seg.line_starts[k]
        else:
            t = seg.start if k == 0 else None
        out.append((k, line, t, piece))
        pos += len(piece) + 1
    return out


def render(t: Transcript) -> str:
    return join(with_layout(_rendered_lines(t), t.extras.get("layout", {})), t.header, t.trailing_newline)


def _rendered_lines(t: Transcript) -> Iterator[tuple[int | None, str]]:
    """(source line, text) of each output line, lazily: a long file never holds them twice."""
    style_raw = t.extras.get("time_style") or DEFAULT_STYLE
    style: Style = (int(style_raw[0]), str(style_raw[1]), int(style_raw[2]))
    raw: dict[str, list[object]] = t.extras.get("raw_prefix", {})
    unlabeled = set(t.extras.get("unlabeled", ()))
    for seg in t.segments:
        own = seg.repaired_speaker
        # The speaker the fragments were merged on, even if its fill was rejected.
        joined = own or next((e.after for e in seg.edits if e.kind == "speaker" and e.after), None)
        for k, line, time, piece in _pieces(seg):
            speaker = own if k == 0 else (None if line in unlabeled else joined)
            if time is None:
                yield line, (f"{speaker}: {piece}" if speaker else piece)
                continue
            kept = raw.get(str(line)) if line is not None else None
            if kept is not None and kept[1] == speaker and kept[2] == time:
                prefix = str(kept[0])
            else:
                prefix = _prefix(time, speaker, style)
            yield line, prefix + piece
