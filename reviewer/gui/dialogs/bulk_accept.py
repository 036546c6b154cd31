"""Accept many repairs at once, saying first what will be accepted: per kind, a count and the
least confidence to take, and whether suggestions the engine did not apply come too."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
)

from reviewer.gui.models.rows import LOW_CONFIDENCE
from reviewer.gui.names import repair_kind
from reviewer.ops.bulk_accept import BulkAcceptPlan, BulkAcceptRules, plan_bulk_accept
from reviewer.store.records import EditInfo


def summary(plan: BulkAcceptPlan) -> str:
    """ "12 repairs: 10 merge, 2 glossary" (kinds with none chosen left out)."""
    parts = [f"{n} {repair_kind(kind)}" for kind, n in plan.by_kind() if n]
    if plan.count == 1:
        text = QCoreApplication.translate("BulkAcceptDialog", "1 repair")
    else:
        text = QCoreApplication.translate("BulkAcceptDialog", "{0} repairs").format(plan.count)
    return f"{text}: {', '.join(parts)}" if parts else text


class BulkAcceptDialog(QDialog):
    def __init__(self, edits: Sequence[tuple[int, EditInfo]], where: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkAcceptDialog")
        self.setWindowTitle(self.tr("Accept repairs"))
        self.edits = list(edits)
        intro = QLabel(
            self.tr(
                "Pending repairs in {0}. Choose the kinds to accept and the least confidence "
                "of each; the others stay pending."
            ).format(where)
        )
        intro.setWordWrap(True)
        counts = plan_bulk_accept(self.edits, BulkAcceptRules(suggestions=True)).pending
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Kind")), 0, 0)
        grid.addWidget(QLabel(self.tr("Pending")), 0, 1)
        grid.addWidget(QLabel(self.tr("Confidence at least")), 0, 2)
        self.kinds: dict[str, tuple[QCheckBox, QDoubleSpinBox]] = {}
        for row, (kind, n) in enumerate(sorted(counts.items(), key=lambda kv: -kv[1]), start=1):
            box = QCheckBox(repair_kind(kind))
            box.setObjectName(f"kind_{kind}")
            box.setChecked(True)
            spin = QDoubleSpinBox()
            spin.setObjectName(f"threshold_{kind}")
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            # Uncertain repairs are the ones to look at: not taken unless the reviewer says so.
            spin.setValue(LOW_CONFIDENCE)
            grid.addWidget(box, row, 0)
            grid.addWidget(QLabel(str(n)), row, 1)
            grid.addWidget(spin, row, 2)
            box.toggled.connect(self._update)
            spin.valueChanged.connect(self._update)
            self.kinds[kind] = (box, spin)
        suggested = sum(1 for _i, e in self.edits if e.decision == "pending" and not e.applied)
        self.suggestions = QCheckBox(
            self.tr("Also accept {0} suggestions the repair did not apply").format(suggested)
        )
        self.suggestions.setObjectName("acceptSuggestions")
        self.suggestions.setEnabled(suggested > 0)
        self.suggestions.toggled.connect(self._update)
        self.result_label = QLabel()
        self.result_label.setObjectName("bulkSummary")
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(grid)
        lay.addWidget(self.suggestions)
        lay.addWidget(self.result_label)
        lay.addWidget(self.buttons)
        self._update()

    def rules(self) -> BulkAcceptRules:
        return BulkAcceptRules(
            thresholds={kind: spin.value() for kind, (_box, spin) in self.kinds.items()},
            suggestions=self.suggestions.isChecked(),
            kinds=frozenset(kind for kind, (box, _spin) in self.kinds.items() if box.isChecked()),
        )

    def plan(self) -> BulkAcceptPlan:
        return plan_bulk_accept(self.edits, self.rules())

    def set_threshold(self, kind: str, value: float) -> None:
        self.kinds[kind][1].setValue(value)

    def _update(self, *_args: object) -> None:
        plan = self.plan()
        self.result_label.setText(
            self.tr("Accept {0}; {1} stay pending.").format(summary(plan), len(plan.left))
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Accept {0}").format(plan.count))
        ok.setEnabled(plan.count > 0)
