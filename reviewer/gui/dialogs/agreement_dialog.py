"""Review → Agreement between annotators: per tag kind, Krippendorff's alpha for the group and
Cohen's kappa for each pair, with how many segments each figure compares."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from reviewer.core.agreement import GroupAgreement


def figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


class AgreementDialog(QDialog):
    def __init__(
        self,
        document_name: str,
        report: Mapping[str, GroupAgreement],
        export: Callable[[], object],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle(self.tr("Agreement between annotators"))
        self.report = dict(report)
        intro = QLabel(
            self.tr(
                "{0}: segments one of the annotators tagged, compared per tag kind. "
                "α: Krippendorff's alpha (nominal) for the group; κ: Cohen's kappa for each pair."
            ).format(document_name)
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("agreementTree")
        self.tree.setHeaderLabels(
            [self.tr("Kind / pair"), self.tr("Value"), self.tr("Segments"), self.tr("Note")]
        )
        kinds = {"speaker": self.tr("Speakers"), "topic": self.tr("Topics"), "error": self.tr("Errors")}
        for kind, group in self.report.items():
            top = QTreeWidgetItem(
                [kinds.get(kind, kind), f"α = {figure(group.alpha)}", str(group.units), group.reason or ""]
            )
            top.setToolTip(0, ", ".join(group.annotators))
            for p in group.pairs:
                top.addChild(
                    QTreeWidgetItem(
                        [f"{p.a} – {p.b}", f"κ = {figure(p.kappa)}", str(p.units), p.reason or ""]
                    )
                )
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(self.tr("Export CSV…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(export)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.tree, 1)
        lay.addWidget(buttons)
        self.resize(640, 380)
