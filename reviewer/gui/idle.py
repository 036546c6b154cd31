"""Work kept for when the reviewer pauses: the collector's sweep of frozen objects.

A sweep walks every object once (a few hundred ms with a 100,000-segment document): done
in the middle of typing it would be a stall; done after a few seconds without input, it is
not felt, and the garbage that freezing kept (see reviewer.core.gc_pause) is freed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from reviewer.core.gc_pause import sweep_frozen, sweep_pending

# Seconds without a key, click or wheel before the sweep runs.
IDLE_S = 3.0
CHECK_MS = 1000
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.ShortcutOverride,  # a key that is a shortcut never arrives as a KeyPress
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleSweeper(QObject):
    """Runs :func:`sweep_frozen` once the reviewer has been idle IDLE_S seconds (and ``busy()``
    says no background work is running)."""

    def __init__(
        self,
        busy: Callable[[], bool],
        parent: Any = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.busy = busy
        self.clock = clock
        # Other work kept for a pause, each called (one per check) until it says it had none.
        self.hooks: list[Callable[[], bool]] = []
        self.last_input = clock()
        self.sweeps = 0
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last_input = self.clock()
        return False

    def check(self) -> bool:
        """Run a hook's work, else sweep, if idle and there is something to do; says whether
        it did anything."""
        if self.clock() - self.last_input < IDLE_S or self.busy():
            return False
        if any(hook() for hook in self.hooks):
            return True
        if not sweep_pending():
            return False
        if sweep_frozen():
            self.sweeps += 1
            return True
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
