"""Chat transcripts: ``[A]: …`` turns.

A label is short text in brackets at the start of a line followed by ``:``
and an optional space (``[A]:``, ``[Speaker 1]:``).  A turn runs over
paragraphs and blank lines until the next label line; its body is everything
after the label up to the newline before that line.  Text before the first
label is the transcript's ``header``.  Labels written without the space are
remembered in ``extras["chat_sep"]`` (segment index as a string → "").
"""

from __future__ import annotations

import re

from reviewer.core.formats.plain import join, split_lines
from reviewer.core.transcript import Segment, Transcript

NAME = "chat"
LABEL = re.compile(r"\[([^\[\]\n]{1,40})\]:( ?)")
_SCAN_LINES = 5000


def label(line: str) -> re.Match[str] | None:
    m = LABEL.match(line)
    if m is None or not m.group(1).strip():
        return None
    return m


def looks_like(text: str) -> float:
    lines = text.split("\n", _SCAN_LINES)[:_SCAN_LINES]
    nonblank = [ln for ln in lines if ln.strip()]
    labelled = [i for i, ln in enumerate(nonblank) if label(ln)]
    if not labelled:
        return 0.0
    # Labels must start the conversation: a lone "[x]:" deep in prose is not chat.
    if labelled[0] > max(3, len(nonblank) // 5):
        return 0.05
    return 0.8 if len(labelled) >= 2 else 0.6


def parse(text: str) -> Transcript:
    lines, starts, trailing = split_lines(text)
    heads = [(n, m) for n, line in enumerate(lines) if (m := label(line))]
    if not heads:
        body = text[:-1] if trailing else text
        return Transcript(NAME, [], header=body, trailing_newline=trailing)
    segments: list[Segment] = []
    seps: dict[str, str] = {}
    for k, (n, m) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        original = "\n".join([lines[n][m.end() :], *lines[n + 1 : end]])
        seg = Segment(
            index=k,
            original=original,
            speaker=m.group(1),
            source_lines=list(range(n + 1, end + 1)),
            line_starts=[None] * (end - n),
            offset=starts[n] + m.end(),
        )
        if m.group(2) != " ":
            seps[str(k)] = m.group(2)
        segments.append(seg)
    header = text[: starts[heads[0][0]]]
    extras = {"chat_sep": seps} if seps else {}
    return Transcript(NAME, segments, header=header, trailing_newline=trailing, extras=extras)


def render(t: Transcript) -> str:
    seps: dict[str, str] = t.extras.get("chat_sep", {})
    out: list[str] = []
    for seg in t.segments:
        speaker = seg.repaired_speaker
        if speaker is None:
            out.append(seg.repaired)
        else:
            out.append(f"[{speaker}]:{seps.get(str(seg.index), ' ')}{seg.repaired}")
    return join(out, t.header, t.trailing_newline)
