"""One QUndoCommand for every operation: it holds an Op and asks the session to run it.

The session does the op before pushing it (a write the store refuses never lands on the
stack), so the push's first redo() does nothing; later redo()/undo() hand the op back to
``step`` (the session's, which also shows what changed).  Nothing here knows the session.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reviewer.ops import Op

Step = Callable[[Op, bool], None]  # (op, forward): do (True) or undo (False) it, and show the changes


class OpCommand(QUndoCommand):
    def __init__(self, op: Op, step: Step) -> None:
        super().__init__(op.title)
        self.op = op
        self._step = step
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # done already, before the push
            self._pushed = True
            return
        self._step(self.op, True)

    def undo(self) -> None:
        self._step(self.op, False)
