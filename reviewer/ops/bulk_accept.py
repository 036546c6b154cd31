"""Which repairs a bulk accept takes: what the reviewer asked for, and nothing it did not.

One key over many rows must not accept what the engine itself was unsure of: a repair
left as a suggestion (not applied to the text) is taken only when asked, and a repair
below its kind's confidence threshold stays pending.  The plan says, by kind, what will
be accepted and what is left, so the window can ask before it does more than it shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reviewer.store.records import EditInfo


@dataclass(frozen=True)
class BulkAcceptRules:
    """Per kind, the least confidence accepted (0 takes every one); unlisted kinds: ``default``."""

    thresholds: Mapping[str, float] = field(default_factory=dict)
    default: float = 0.0
    suggestions: bool = False  # also repairs the engine left unapplied
    kinds: frozenset[str] | None = None  # only these kinds (None: all)

    def takes(self, e: EditInfo) -> bool:
        if e.decision != "pending":
            return False
        if self.kinds is not None and e.kind not in self.kinds:
            return False
        if not e.applied and not self.suggestions:
            return False
        return e.confidence >= self.thresholds.get(e.kind, self.default)


@dataclass(frozen=True)
class BulkAcceptPlan:
    chosen: list[tuple[int, EditInfo]]  # (segment index, edit) to accept
    left: list[tuple[int, EditInfo]]  # pending ones that stay pending
    pending: Counter[str]  # every pending edit in the rows, by kind
    accepted: Counter[str]  # of those, the ones chosen, by kind
    suggestions: int  # pending suggestions among the rows (not applied to the text)

    @property
    def count(self) -> int:
        return len(self.chosen)

    def by_kind(self) -> list[tuple[str, int]]:
        """(kind, accepted) for every kind with pending edits, most accepted first."""
        return sorted(((k, self.accepted[k]) for k in self.pending), key=lambda kv: (-kv[1], kv[0]))


def plan_bulk_accept(edits: Sequence[tuple[int, EditInfo]], rules: BulkAcceptRules) -> BulkAcceptPlan:
    chosen, left = [], []
    pending: Counter[str] = Counter()
    for index, e in edits:
        if e.decision != "pending":
            continue
        pending[e.kind] += 1
        (chosen if rules.takes(e) else left).append((index, e))
    return BulkAcceptPlan(
        chosen,
        left,
        pending,
        Counter(e.kind for _i, e in chosen),
        sum(1 for _i, e in edits if e.decision == "pending" and not e.applied),
    )
