"""Chain the repair steps; any step can be switched off."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reviewer.core.glossary import Glossary
from reviewer.core.progress import Progress, report
from reviewer.core.repair.base import Step
from reviewer.core.repair.merge import MergeStep
from reviewer.core.repair.mojibake import MojibakeStep
from reviewer.core.repair.normalize import NormalizeStep
from reviewer.core.repair.speakers import SpeakerFillStep
from reviewer.core.transcript import Edit, Transcript

# In order: text must be decoded before it is normalised, speakers filled
# before fragments are merged on them, and terms matched on merged sentences.
STEP_NAMES: tuple[str, ...] = ("mojibake", "normalize", "speakers", "merge", "glossary")


@dataclass
class RepairOptions:
    steps: frozenset[str] = field(default_factory=lambda: frozenset(STEP_NAMES))
    glossary: Glossary | None = None

    @classmethod
    def without(cls, *names: str, glossary: Glossary | None = None) -> RepairOptions:
        unknown = set(names) - set(STEP_NAMES)
        if unknown:
            raise ValueError(f"unknown repair step(s): {', '.join(sorted(unknown))}")
        return cls(frozenset(STEP_NAMES) - set(names), glossary)


def build_steps(options: RepairOptions) -> list[Step]:
    steps: list[Step] = []
    for name in STEP_NAMES:
        if name not in options.steps:
            continue
        if name == "mojibake":
            steps.append(MojibakeStep())
        elif name == "normalize":
            steps.append(NormalizeStep())
        elif name == "speakers":
            steps.append(SpeakerFillStep())
        elif name == "merge":
            steps.append(MergeStep())
        elif name == "glossary" and options.glossary:
            # pypinyin's tables take a third of a second to import: only when needed.
            from reviewer.core.repair.glossary_terms import GlossaryStep

            steps.append(GlossaryStep(options.glossary))
    return steps


def repair(
    transcript: Transcript,
    options: RepairOptions | None = None,
    steps: Iterable[Step] | None = None,
    progress: Progress | None = None,
) -> list[Edit]:
    """Run the steps over the transcript in place; returns every edit made.

    ``progress`` hears ("repair", n, steps) before each step and may stop the work there.
    """
    chosen = list(steps) if steps is not None else build_steps(options or RepairOptions())
    edits: list[Edit] = []
    for n, step in enumerate(chosen):
        report(progress, "repair", n, len(chosen))
        edits.extend(step.run(transcript))
    report(progress, "repair", len(chosen), len(chosen))
    return edits
