"""Speed and peak memory of the whole repair pipeline, next to ftfy.fix_text.

    .venv/bin/python benchmarks/repair_speed.py [--mb 5] [--rounds 3]

Builds a timestamped ASR export of at least --mb megabytes from seed 003_
(its lines re-stamped so time keeps running), then times, in this process:
ftfy.fix_text on the text (the baseline) and the whole pipeline (decode-free:
parse, mojibake, normalize, speakers, merge, glossary with the shipped AI
glossary, render).  Best of --rounds each.  Target: pipeline <= 0.5 x ftfy.
jieba's dictionary load is paid once, before timing, and reported apart.
Peak memory is tracemalloc's peak during one pipeline run, as a multiple of
the file size in UTF-8 (target < 10x).

Then, as a user runs it, whole processes on the same text written to a file:
`reviewer repair FILE --json > /dev/null` next to a process that reads the file and runs
ftfy.fix_text on it (imports and start-up in both).  Target: <= 1.0x.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import ftfy

from reviewer.core import lexicon
from reviewer.core.document import repair_text
from reviewer.core.glossary import load_glossary
from reviewer.core.repair.pipeline import RepairOptions

ROOT = Path(__file__).resolve().parents[1]
_STAMP = re.compile(r"^\[(\d\d):(\d\d):(\d\d)\]", re.M)


def build_text(min_bytes: int) -> str:
    seed = next((ROOT / "seeds").glob("003_*.txt")).read_text(encoding="utf-8")
    head, sep, body = seed.partition("\n---\n")
    parts = [head + sep]
    size = len(parts[0].encode())
    hour = 0
    while size < min_bytes:
        shifted = _STAMP.sub(
            lambda m, h=hour: f"[{int(m[1]) + h:02d}:{m[2]}:{m[3]}]",
            body if body.endswith("\n") else body + "\n",
        )
        parts.append(shifted)
        size += len(shifted.encode())
        hour += 3
    return "".join(parts)


def best_of(rounds: int, fn) -> float:
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    text = build_text(int(args.mb * 1_000_000))
    nbytes = len(text.encode())
    options = RepairOptions(glossary=load_glossary(ROOT / "resources/glossaries/ai-podcasts.txt"))

    t = time.perf_counter()
    lexicon.tokenizer()
    jieba_load = time.perf_counter() - t
    repair_text("[00:00:01] SPEAKER_00: 热身\n", options)  # warm caches once, as an app would

    def pipeline() -> None:
        doc = repair_text(text, options)
        _ = doc.repaired_text

    ftfy_s = best_of(args.rounds, lambda: ftfy.fix_text(text))
    pipe_s = best_of(args.rounds, pipeline)

    tracemalloc.start()
    pipeline()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    doc = repair_text(text, options)
    n_edits = sum(len(s.edits) for s in doc.transcript.segments)
    print(
        f"input: {nbytes / 1e6:.2f} MB, {text.count(chr(10))} lines, "
        f"{len(doc.transcript.segments)} segments, {n_edits} edits"
    )
    print(f"jieba dictionary load (once per process): {jieba_load:.2f} s")
    print(f"{'':24}{'seconds':>10}{'MB/s':>10}")
    print(f"{'ftfy.fix_text':24}{ftfy_s:>10.2f}{nbytes / 1e6 / ftfy_s:>10.2f}")
    print(f"{'pipeline (all steps)':24}{pipe_s:>10.2f}{nbytes / 1e6 / pipe_s:>10.2f}")
    print(f"pipeline / ftfy: {pipe_s / ftfy_s:.2f}  (target <= 0.50)")
    print(f"peak memory: {peak / 1e6:.1f} MB = {peak / nbytes:.1f} x file size  (target < 10)")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.txt"
        path.write_text(text, encoding="utf-8")
        glossary = str(ROOT / "resources/glossaries/ai-podcasts.txt")
        ours = [sys.executable, "-m", "reviewer", "repair", str(path), "--json", "--glossary", glossary]
        theirs = [
            sys.executable,
            "-c",
            "import ftfy, sys; sys.stdout.write(ftfy.fix_text(open(sys.argv[1], encoding='utf-8').read()))",
            str(path),
        ]

        def process(argv: list[str]) -> None:
            subprocess.run(argv, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)

        ours_s = best_of(args.rounds, lambda: process(ours))
        theirs_s = best_of(args.rounds, lambda: process(theirs))
    print(f"{'whole process: ftfy':24}{theirs_s:>10.2f}")
    print(f"{'reviewer repair --json':24}{ours_s:>10.2f}")
    print(f"whole process, ours / ftfy: {ours_s / theirs_s:.2f}  (target <= 1.00)")


if __name__ == "__main__":
    main()
