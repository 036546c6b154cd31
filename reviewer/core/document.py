"""A transcript file, decoded, parsed and repaired: what `reviewer repair` shows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.decoding import decode, decode_file
from reviewer.core.formats import detect
from reviewer.core.gc_pause import gc_paused
from reviewer.core.progress import Progress, report
from reviewer.core.repair.pipeline import RepairOptions, repair
from reviewer.core.transcript import Transcript


@dataclass
class RepairedDocument:
    path: str
    encoding: str
    encoding_reason: str
    original_text: str
    transcript: Transcript

    @property
    def format(self) -> str:
        return self.transcript.format

    @property
    def metadata(self) -> dict[str, str]:
        return self.transcript.metadata

    @property
    def repaired_text(self) -> str:
        return detect.render(self.transcript)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "encoding": self.encoding,
            "encoding_reason": self.encoding_reason,
            "format": self.format,
            "metadata": dict(self.metadata),
            "original_text": self.original_text,
            "repaired_text": self.repaired_text,
            "segments": [s.to_dict() for s in self.transcript.segments],
        }


def repair_text(
    text: str,
    options: RepairOptions | None = None,
    *,
    path: str = "<text>",
    encoding: str = "utf-8",
    encoding_reason: str = "given as text",
    fmt: str | None = None,
    progress: Progress | None = None,
) -> RepairedDocument:
    with gc_paused():
        report(progress, "parse", 0, 1)
        transcript = detect.parse(text, fmt)
        repair(transcript, options, progress=progress)
    return RepairedDocument(path, encoding, encoding_reason, text, transcript)


def repair_bytes(
    data: bytes,
    options: RepairOptions | None = None,
    *,
    path: str = "<bytes>",
    encoding: str | None = None,
    fmt: str | None = None,
) -> RepairedDocument:
    decoded = decode(data, encoding)
    return repair_text(
        decoded.text, options, path=path, encoding=decoded.encoding, encoding_reason=decoded.reason, fmt=fmt
    )


def load_document(
    path: str | Path,
    options: RepairOptions | None = None,
    *,
    encoding: str | None = None,
    fmt: str | None = None,
    progress: Progress | None = None,
) -> RepairedDocument:
    """Read, decode, parse and repair a file. Bad input raises InputError.

    ``progress`` hears each stage (see reviewer.core.progress) and may cancel between them.
    """
    report(progress, "decode", 0, 1)
    decoded = decode_file(path, encoding)
    return repair_text(
        decoded.text,
        options,
        path=str(path),
        encoding=decoded.encoding,
        encoding_reason=decoded.reason,
        fmt=fmt,
        progress=progress,
    )
