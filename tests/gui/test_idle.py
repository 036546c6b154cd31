"""The sweep of frozen garbage waits for the reviewer to pause, and for background work to end."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reviewer.core import gc_pause
from reviewer.gui.idle import IDLE_S, IdleSweeper


def test_the_sweep_runs_only_after_a_pause(qtbot, window) -> None:
    now = [1000.0]
    busy = [False]
    sweeper = IdleSweeper(lambda: busy[0], clock=lambda: now[0])
    with gc_pause.gc_paused(freeze=True):
        pass
    assert gc_pause.sweep_pending()
    assert not sweeper.check()  # just now there was input (start-up)
    now[0] += IDLE_S / 2
    window.table.setFocus()
    QTest.keyClick(window.table, Qt.Key.Key_J)  # the reviewer types: the pause starts again
    now[0] += IDLE_S * 0.8
    assert not sweeper.check()
    busy[0] = True
    now[0] += IDLE_S
    assert not sweeper.check()  # a document is loading: later
    busy[0] = False
    assert sweeper.check() and sweeper.sweeps == 1
    assert not gc_pause.sweep_pending() and not sweeper.check()
    sweeper.stop()


def test_the_preview_warm_up_waits_for_the_first_pause(qtbot, window, open_text) -> None:
    """Opening a document keeps its warm-up (jieba, pypinyin: most of a second holding the
    interpreter) for the reviewer's first pause, then runs it once."""
    open_text("[00:00:01] SPEAKER_00: 我们今天聊一下\n")
    ran: list[bool] = []
    session = window.session
    now = [1000.0]
    sweeper = IdleSweeper(lambda: False, clock=lambda: now[0])
    sweeper.hooks.append(lambda: ran.append(session.warm_when_idle()) or ran[-1])
    assert not sweeper.check() and not ran  # input just now: nothing yet
    now[0] += IDLE_S + 1
    assert sweeper.check() and ran == [True]  # the pause: the warm-up starts
    now[0] += IDLE_S + 1
    sweeper.check()
    assert ran[-1] is False  # once per document
    sweeper.stop()
