"""Plain transcripts: one utterance per line, no speakers, no times.

Blank (whitespace-only) lines are not segments; they are kept verbatim in
``extras["layout"]`` (1-based line number as a string → the line) so render
reproduces them.  The line helpers here are shared by the other formats.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reviewer.core.transcript import Segment, Transcript

NAME = "plain"


def split_lines(text: str) -> tuple[list[str], list[int], bool]:
    """Lines (split on "\\n" only), the offset where each begins, and whether text ends with "\\n".

    ``"\\n".join(lines) + "\\n" * trailing == text`` always holds.
    """
    trailing = text.endswith("\n")
    body = text[:-1] if trailing else text
    lines = body.split("\n")
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return lines, starts, trailing


def is_blank(line: str) -> bool:
    return not line.strip()


def with_layout(items: Iterable[tuple[int | None, str]], layout: Mapping[str, str]) -> list[str]:
    """Interleave rendered lines ``(source line or None, text)`` with the layout lines.

    A layout line is emitted just before the first rendered line from a later
    source line; those left over come last.
    """
    pending = sorted(int(k) for k in layout if str(k).isdigit())
    out: list[str] = []
    p = 0
    for line_no, text in items:
        if line_no is not None:
            while p < len(pending) and pending[p] < line_no:
                out.append(layout[str(pending[p])])
                p += 1
        out.append(text)
    out.extend(layout[str(n)] for n in pending[p:])
    return out


def join(lines: list[str], header: str, trailing: bool) -> str:
    """``header + "\\n".join(lines) + trailing newline``, built in one join.

    Concatenating onto a joined megabyte-sized text would copy it twice more;
    ``lines`` is consumed.
    """
    if not lines:
        return header + ("\n" if trailing else "")
    lines[0] = header + lines[0]
    if trailing:
        lines.append("")
    return "\n".join(lines)


def looks_like(text: str) -> float:
    """Plain is the fallback: a low constant score."""
    return 0.1


def parse(text: str) -> Transcript:
    lines, starts, trailing = split_lines(text)
    segments: list[Segment] = []
    layout: dict[str, str] = {}
    for n, line in enumerate(lines):
        if is_blank(line):
            layout[str(n + 1)] = line
            continue
        segments.append(
            Segment(
                index=len(segments),
                original=line,
                source_lines=[n + 1],
                line_starts=[None],
                offset=starts[n],
            )
        )
    return Transcript(NAME, segments, trailing_newline=trailing, extras={"layout": layout})


def render(t: Transcript) -> str:
    items = ((s.source_lines[0] if s.source_lines else None, s.repaired) for s in t.segments)
    return join(with_layout(items, t.extras.get("layout", {})), t.header, t.trailing_newline)
