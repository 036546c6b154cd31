"""Plays a reviewer over the hand-corrected stretch of seed 003_ (tests/data/ground_truth/).

The seed is imported as a user would (`reviewer import`, the default glossary).  Then each
correction of the ground truth, in order:

* already right in the stored text → made automatically: by the engine (right from the
  start) or by propagation (right since an earlier correction);
* otherwise the reviewer makes it: `reviewer correct DOC SEG --span A:B --to RIGHT
  --everywhere`, and the tool propagates it.

At the end every propagated edit on the stretch is judged against the ground truth: one that
made text the ground truth does not have is a false change.  (Propagated edits outside the
stretch have no truth to be judged by; they are counted apart.)

Also: the time from a typed correction to the preview of its occurrences across every sample
document (ops.corrections.find_places over all five seeds), median and worst.

    .venv/bin/python benchmarks/correction_replay.py        # exits 1 when a target is missed
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.ground_truth import (
    SEED_PATH,
    Correction,
    corrected_lines,
    load_corrections,
    seed_lines,
    stretch_lines,
)
from reviewer.cli import main
from reviewer.core.variants import warm_up
from reviewer.ops.corrections import find_places
from reviewer.store import open_store

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
HAND_TARGET = 0.60  # at most this share of the corrections made by hand
FALSE_TARGET = 0.01  # at most one false change per 100 propagated
PREVIEW_TARGET = 0.3  # seconds, across all sample documents


def _cli(db: str, *argv: object) -> str:
    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["--db", db, *map(str, argv)])
    if code != 0:
        raise SystemExit(f"reviewer {' '.join(map(str, argv))}: exit {code}")
    return buf.getvalue()


def _body(line: str) -> str:
    """A seed line's text after its time and label."""
    rest = line.split("] ", 1)[1] if line.startswith("[") else line
    head, sep, tail = rest.partition(": ")
    return tail if sep and head.startswith("SPEAKER_") else rest


def _locate(text: str, wrong: str, estimate: int) -> int:
    """The occurrence of ``wrong`` in ``text`` nearest ``estimate`` (-1: none)."""
    best, at = -1, text.find(wrong)
    while at >= 0:
        if best < 0 or abs(at - estimate) < abs(best - estimate):
            best = at
        at = text.find(wrong, at + 1)
    return best


def main_() -> int:
    first, last = stretch_lines()
    lines = seed_lines()
    truth = corrected_lines()
    corrections = load_corrections()
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/replay.sqlite3"
        for seed in SEEDS:
            _cli(db, "import", seed)
        store = open_store(db)
        doc = next(d.id for d in store.documents() if d.name == SEED_PATH.name)
        segments = store.segments(doc)
        of_line = {ln: s.index for s in segments for ln in s.source_lines}
        # Where a line's fragment starts in its segment (fragments joined by one character).
        offset: dict[int, int] = {}
        for s in segments:
            pos = 0
            for ln in s.source_lines:
                offset[ln] = pos
                pos += len(_body(lines[ln - 1])) + 1
        assert _body(lines[first - 1]) in store.segment(doc, of_line[first]).original, "line numbers"

        def state(c: Correction, within: int) -> tuple[str, int, str]:
            seg = store.segment(doc, of_line[c.line], with_edits=False)
            est = offset[c.line] + max(0, _body(lines[c.line - 1]).find(c.wrong)) + within
            return seg.repaired, _locate(seg.repaired, c.wrong, est), seg.repaired

        # As the window does in the background at the reviewer's first pause after opening a
        # document (ReviewSession.warm_when_idle): the open one's texts only; the other
        # documents' characters are met in the first search.
        warm_up([s.repaired for s in store.segments(doc, with_edits=False)])
        at_start = {}
        for n, c in enumerate(corrections):
            text, at, _ = state(c, 0)
            at_start[n] = at < 0 and c.right in text
        made = {"hand": 0, "engine": 0, "propagation": 0, "lost": 0}
        previews: list[float] = []
        for n, c in enumerate(corrections):
            text, at, _ = state(c, 0)
            if at < 0:
                if c.right in text:
                    made["engine" if at_start[n] else "propagation"] += 1
                else:
                    made["lost"] += 1  # neither wrong nor right: something else changed it
                continue
            index = of_line[c.line]
            corrected = text[:at] + c.right + text[at + len(c.wrong) :]
            t0 = time.perf_counter()
            find_places(store, doc, index, corrected, (at, at + len(c.right)), c.wrong, c.right, True)
            previews.append(time.perf_counter() - t0)
            _cli(
                db,
                "correct",
                doc,
                index,
                "--span",
                f"{at}:{at + len(c.wrong)}",
                "--to",
                c.right,
                "--everywhere",
            )
            made["hand"] += 1

        # Judge every applied propagated edit on the stretch against the ground truth.
        wanted: dict[int, list[Correction]] = {}
        for c in corrections:
            wanted.setdefault(of_line[c.line], []).append(c)
        propagated = judged = false = outside = 0
        false_examples = []
        for s in store.segments(doc):
            for e in s.edits:
                if e.kind != "propagated" or e.decision != "accepted":
                    continue
                propagated += 1
                # The seed line the edit is on: fragments are joined by a line break.
                line = s.source_lines[min(s.original[: e.start].count("\n"), len(s.source_lines) - 1)]
                if not first <= line <= last:
                    outside += 1
                    continue
                judged += 1
                right_here = [c.right for c in wanted.get(s.index, ()) if c.line == line]
                if not any(e.after in r for r in right_here) and e.after not in truth[line - first]:
                    false += 1
                    false_examples.append(f"line {line}: {e.before!r} -> {e.after!r}")
    total = len(corrections)
    auto = made["engine"] + made["propagation"]
    hand_share = made["hand"] / total
    false_rate = false / judged if judged else 0.0
    print(f"ground truth: lines {first}-{last} of {SEED_PATH.name}, {total} corrections")
    target = f"target <= {HAND_TARGET:.0%}"
    print(f"  made by hand (reviewer correct --everywhere)   {made['hand']:4d}  {hand_share:6.1%}  {target}")
    print(f"  made automatically                              {auto:4d}  {auto / total:6.1%}")
    print(f"    by the engine (right at import)               {made['engine']:4d}")
    print(f"    by propagation of an earlier correction       {made['propagation']:4d}")
    print(f"  neither wrong nor right any more                {made['lost']:4d}")
    print(f"propagated edits applied: {propagated} ({judged} on the stretch, {outside} elsewhere, unjudged)")
    target = f"target <= {FALSE_TARGET:.0%}"
    print(f"  false changes on the stretch                    {false:4d}  {false_rate:6.1%}  {target}")
    for ex in false_examples[:10]:
        print(f"    {ex}")
    if previews:
        print(
            f"preview of occurrences across {len(SEEDS)} sample documents: median "
            f"{statistics.median(previews) * 1000:.0f} ms, worst {max(previews) * 1000:.0f} ms"
            f"  target < {PREVIEW_TARGET * 1000:.0f} ms"
        )
    ok = hand_share <= HAND_TARGET and false_rate <= FALSE_TARGET
    ok = ok and (not previews or statistics.median(previews) < PREVIEW_TARGET)
    print("OK" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main_())
