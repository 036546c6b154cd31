"""The status bar's view of long background work: what runs, how far along, and Cancel.

Any job the session starts for the user to wait on (import, topic suggestions, finding
a correction's occurrences) is tracked here; the newest one owns the bar.  Cancel asks
the job to stop; the job stops at its next progress report (a fraction of a second).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from reviewer.gui.i18n import is_language_change
from reviewer.gui.workers import Job


class TaskIndicator(QWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("taskLabel")
        self.bar = QProgressBar()
        self.bar.setObjectName("taskProgress")
        self.bar.setMaximumWidth(240)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelTask")
        self.cancel_button.clicked.connect(self.cancel)
        for w in (self.label, self.bar, self.cancel_button):
            lay.addWidget(w)
        self.jobs: list[Job] = []
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this work; what it had not finished is not kept"))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    @property
    def job(self) -> Job | None:
        return self.jobs[-1] if self.jobs else None

    def track(self, job: Job) -> None:
        """Show ``job`` until it finishes, fails or is cancelled."""
        if job.done:  # a synchronous job (tests, self-test) is over before it could be shown
            return
        self.jobs.append(job)
        job.signals.progress.connect(lambda d, t, w, j=job: self._progress(j, d, t, w))
        for signal in (job.signals.finished, job.signals.failed):
            signal.connect(lambda *_a, j=job: self._ended(j))
        job.signals.cancelled.connect(lambda j=job: self._ended(j))
        self._show(job)

    def cancel(self) -> None:
        job = self.job
        if job is not None:
            job.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))

    def _show(self, job: Job) -> None:
        self.label.setText(job.label)
        self.bar.setRange(0, 0)  # busy until the first report says how much there is
        self.cancel_button.setEnabled(not job.cancelled)
        self.show()

    def _progress(self, job: Job, done: int, total: int, what: str) -> None:
        if job is not self.job or job.cancelled:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        label = job.label
        self.label.setText(f"{label} {what}".strip())

    def _ended(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if self.jobs:
            self._show(self.jobs[-1])
        else:
            self.hide()
