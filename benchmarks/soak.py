"""Soak: the real window (offscreen) on a real store, driven like a reviewer for M minutes.

    .venv/bin/python benchmarks/soak.py --minutes 10

One process runs the window on a store holding seed 003_ (the ASR podcast), seed 001_
and a 100,000-segment document; a scripted reviewer, through the window's own keys,
actions and dialogs, scrolls page by page, selects rows, accepts and rejects repairs
(bulk accept's dialog included), tags topics and errors, sets and renames speakers,
undoes and redoes, finds, filters, switches documents and the interface language.  The
event loop runs as in real use (documents load in the background).

A watcher process counts crashes (the window's process dying, or an exception escaping
into Qt's event loop) and restarts it for the time left.  The last line:

    soak: actions N, scrolls N, crashes 0, none_refcount_delta D, rss_growth_mb R

D: sys.getrefcount(None) at the end minus at the start, both taken in the same state (seed
003 open, undo histories cleared, filters off, English); a binding that drops references
to None makes it fall by thousands a minute.  R: resident memory at the end minus after the
first full round of actions (every document loaded once).  Targets: crashes 0, D = 0,
R < 50 MB.  The exit status is 1 when one is missed.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ENGLISH = "en"  # reviewer.gui.i18n.ENGLISH (Qt is imported only in the window's process)
RSS_TARGET_MB = 50.0
BIG_SEGMENTS = 100_000
# How long the window gets between two reviewer actions (a fast reviewer, not a benchmark).
STEP_MS = 15
# Actions on each document before the measured state is taken (then caches are warm).
WARM_UP_ACTIONS = 40
# Splits and merges: rarer than the rest for a reviewer (SOAK_SPLIT_WEIGHT=3 for a heavier mix).
SPLIT_WEIGHT = int(os.environ.get("SOAK_SPLIT_WEIGHT", "1"))
# A reference audit (see Reviewer.audit) after this many actions.
AUDIT_EVERY = 25
# Now and then the reviewer stops to read a passage: no input for a few seconds (the window
# does its idle work then, as it would for a person).
READ_EVERY_S = 60.0
READ_FOR_S = 5.0


# --- the watcher --------------------------------------------------------------------------------


def prepare_store(folder: Path, segments: int) -> str:
    from benchmarks.gui_bench import big_transcript
    from reviewer.core.document import repair_text
    from reviewer.core.glossary import load_glossary
    from reviewer.core.repair.pipeline import RepairOptions
    from reviewer.store import open_store

    db = str(folder / "soak.sqlite3")
    glossary = load_glossary(ROOT / "resources" / "glossaries" / "ai-podcasts.txt")
    with open_store(db) as store:
        for prefix in ("003", "001"):
            store.import_file(next((ROOT / "seeds").glob(f"{prefix}_*.txt")), glossary)
        doc = repair_text(big_transcript(segments), RepairOptions.without("merge"), path="big.txt")
        store.import_document(doc)
    return db


def watch(minutes: float, segments: int, seed: int) -> int:
    with tempfile.TemporaryDirectory(prefix="reviewer-soak-") as tmp:
        t = time.perf_counter()
        db = prepare_store(Path(tmp), segments)
        print(
            f"(setup: store with seeds 003, 001 and {segments} segments in {time.perf_counter() - t:.0f} s)"
        )
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REVIEWER_SETTINGS": str(Path(tmp) / "s.ini")}
        deadline = time.monotonic() + minutes * 60
        totals = {"actions": 0, "scrolls": 0}
        crashes = 0
        last: dict[str, float] = {}
        run = 0
        while time.monotonic() < deadline - 5:
            left = deadline - time.monotonic()
            child = subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    db,
                    "--seconds",
                    f"{left:.0f}",
                    "--seed",
                    str(seed + run),
                ],
                stdout=subprocess.PIPE,
                text=True,
                env=env,
                cwd=ROOT,
            )
            assert child.stdout is not None
            status: dict[str, float] = {}
            for raw in child.stdout:
                if raw.startswith("{"):
                    status = json.loads(raw)
                    if status.get("final"):
                        last = status
                else:
                    print(raw, end="")
            code = child.wait()
            totals["actions"] += int(status.get("actions", 0))
            totals["scrolls"] += int(status.get("scrolls", 0))
            errors = int(status.get("errors", 0))
            crashes += errors
            if code != 0:
                crashes += 1
                print(
                    f"(the window's process ended with status {code} after {status.get('seconds', 0):.0f} s)"
                )
            run += 1
            if code == 0:
                break
        delta = int(last.get("none_delta", 0))
        print(
            f"(references to None over {int(last.get('audits', 0))} audits: {delta:+d}; between the first "
            f"and last quiet states, which also holds what new tags and decisions keep: "
            f"{int(last.get('none_drift', 0)):+d})"
        )
        growth = float(last.get("rss_growth_mb", float("nan")))
        base, end = (last.get(k, float("nan")) for k in ("rss_base_mb", "rss_end_mb"))
        print(
            f"(per minute: {totals['actions'] / max(minutes, 1e-9):.0f} actions; RSS after the first "
            f"round {base:.0f} MB, at the end {end:.0f} MB, target growth < {RSS_TARGET_MB:.0f} MB)"
        )
        print(f"(time per kind of action, s: {json.dumps(last.get('timing', {}))})")
        print(f"(RSS on seed 003 at audits, (s, MB): {json.dumps(last.get('rss_trend', []))})")
        print(
            f"soak: actions {totals['actions']}, scrolls {totals['scrolls']}, crashes {crashes}, "
            f"none_refcount_delta {delta}, rss_growth_mb {growth:.1f}"
        )
        ok = crashes == 0 and delta == 0 and growth < RSS_TARGET_MB and bool(last)
        return 0 if ok else 1


# --- the window's process -----------------------------------------------------------------------


def rss_mb() -> float:
    """Resident memory, after giving back to the system what malloc holds free (glibc keeps freed
    blocks of a 100,000-row load as its own; they are not growth of the app)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Reviewer:
    """Drives the window as a reviewer would, one small action per tick of the event loop."""

    def __init__(self, window, app, rng: random.Random, seconds: float, escaped: list[str]) -> None:
        from reviewer.gui.i18n import CHINESE

        self.window, self.app, self.rng = window, app, rng
        self.session = window.session
        self.chinese = CHINESE
        self.end = time.monotonic() + seconds
        self.started = time.monotonic()
        self.actions = self.scrolls = self.errors = 0
        self.escaped = escaped  # exceptions that reached Qt's event loop (sys.excepthook)
        self.timing: dict[str, float] = {}  # seconds spent per kind of action
        self.counts: dict[str, int] = {}
        self.docs = [d.id for d in self.session.documents.docs]
        self.base: dict[str, float] | None = None
        self.trace_base = None
        self.audited = 0  # references to None gained or lost over every audit, summed
        self.rss_trend: list[tuple[int, float]] = []  # (seconds, RSS) at audits on docs[0]
        self.audits = 0
        self.to_warm = list(self.docs)
        self.round = 0
        self.last_report = 0.0
        self.waiting_for_load = False
        self.wait_since = 0.0
        self.last_read = time.monotonic()
        self.reading_until = 0.0
        self.session.document_loaded.connect(self._loaded)
        self.session.document_refreshed.connect(self._loaded)

    # -- the measured state ----------------------------------------------------------------------

    def _settle(self) -> None:
        for _ in range(5):
            self.app.processEvents()
        gc.collect()

    def quiet_state(self) -> dict[str, float]:
        """The same state at the start and the end: every step undone (so the store holds what it
        held), histories empty, filters off, English, seed 003 open.  Only then is a change in
        None's count a leak and not the references new tags and decisions hold."""
        w = self.window
        if w.active_dialog is not None:
            w.active_dialog.reject()
        w.find_bar.text.setText("")
        w.find_bar.clear()
        w.set_preferences(ENGLISH, w.font_size())
        for doc in self.docs:
            self.open_and_wait(doc)
            stack = self.session.undo_stack
            stack.setIndex(0)  # undo every step made in this document
            stack.clear()
        self.open_and_wait(self.docs[0])
        self._settle()
        pause = time.monotonic() + READ_FOR_S  # a pause, as a reviewer's: idle work happens
        while time.monotonic() < pause:
            self.app.processEvents()
            time.sleep(0.05)
        # What the pause started done (the dictionaries a correction's preview needs are
        # loaded at the first pause: a one-off, not growth).
        self.session.runner.wait()
        self._settle()
        if os.environ.get("SOAK_TRACE"):  # where the Python heap grew between the two states
            import tracemalloc

            snapshot = tracemalloc.take_snapshot()
            if self.trace_base is None:
                self.trace_base = snapshot
            else:
                for stat in snapshot.compare_to(self.trace_base, "traceback")[:12]:
                    print(stat, file=sys.stderr)
                    for line in stat.traceback.format()[-14:]:
                        print("    ", line, file=sys.stderr)
        if os.environ.get("SOAK_MEMORY"):
            self.memory_report()
        return {"none": sys.getrefcount(None), "rss": rss_mb()}

    @staticmethod
    def memory_report() -> None:
        """Python's heap (tracemalloc) beside RSS: is the growth Python objects, or not?"""
        import tracemalloc

        heap = tracemalloc.get_traced_memory()[0] / 2**20 if tracemalloc.is_tracing() else float("nan")
        # pymalloc's own statistics (written by C to fd 2): arenas held vs bytes in use.
        import tempfile as _tmp

        with _tmp.TemporaryFile(mode="w+") as f:
            sys.stderr.flush()
            saved = os.dup(2)
            os.dup2(f.fileno(), 2)
            try:
                sys._debugmallocstats()
                import ctypes

                ctypes.CDLL(None).fflush(None)  # C's stderr is buffered
            finally:
                os.dup2(saved, 2)
                os.close(saved)
            f.seek(0)
            stats = [
                " ".join(ln.split())
                for ln in f
                if "arenas allocated current" in ln or "arenas highwater" in ln
            ]
        print(f"MEMORY rss {rss_mb():.0f} MB, python heap {heap:.0f} MB;", "; ".join(stats), file=sys.stderr)
        try:  # glibc's own heap: in use, free but held, and blocks mmap()ed directly
            import ctypes

            class MallInfo2(ctypes.Structure):
                _fields_ = [
                    (n, ctypes.c_size_t)
                    for n in (
                        "arena",
                        "ordblks",
                        "smblks",
                        "hblks",
                        "hblkhd",
                        "usmblks",
                        "fsmblks",
                        "uordblks",
                        "fordblks",
                        "keepcost",
                    )
                ]

            libc = ctypes.CDLL("libc.so.6")
            libc.mallinfo2.restype = MallInfo2
            mi = libc.mallinfo2()
            print(
                f"MALLOC arena {mi.arena / 2**20:.0f} MB, in use {mi.uordblks / 2**20:.0f} MB, "
                f"free {mi.fordblks / 2**20:.0f} MB, mmapped {mi.hblkhd / 2**20:.0f} MB",
                file=sys.stderr,
            )
        except (OSError, AttributeError):
            pass

    def audit(self) -> int:
        """References to None gained (+) or lost (-) over a round that leaves the window as it was.

        Painting, model reads, moving the current row and back, the inspector, a dialog opened
        and cancelled, a find and back: on a sound binding this is exactly 0 (nothing is kept,
        nothing dropped); PySide6 6.12.0 loses one reference per void call here.
        """
        from PySide6.QtCore import QCoreApplication, QEvent, Qt
        from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication

        from reviewer.gui.views.text_pane import TextPane

        w, table, model = self.window, self.window.table, self.session.segments
        if w.active_dialog is not None or model.rowCount() == 0:
            return 0
        self.session.runner.wait(30_000)
        w.poll_timer.stop()
        bar = table.verticalScrollBar()
        row = max(table.current_visible_row(), 0)
        value = bar.value()
        find_text = w.find_bar.text.text()
        find_state = (table.repaired_delegate.find_pattern, w._find_cache, w.find_bar.status.text())
        chosen = w.inspector.current_edit()

        def settle() -> None:
            for _ in range(3):  # widgets closed just now are deleted a loop or two later
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                QApplication.processEvents()
            re.purge()  # compiled patterns coming and going in re's cache are not references lost
            gc.collect()

        if table.state() == QAbstractItemView.State.EditingState:  # a cell left open for a span
            for editor in table.viewport().findChildren(TextPane):
                table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        settle()
        before = sys.getrefcount(None)
        for _ in range(3):
            table.viewport().repaint()
            bar.setValue(min(bar.maximum(), value + 3 * bar.pageStep()))
            table.viewport().repaint()
            bar.setValue(value)
        w.grab()
        other = (row + 1) % model.rowCount()
        for r in (other, row):
            table.go_to_row(r)
        table.verticalScrollBar().setValue(value)
        for r in range(min(model.rowCount(), 30)):
            for c in range(model.columnCount()):
                index = model.index(r, c)
                for role in (
                    Qt.ItemDataRole.DisplayRole,
                    Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.FontRole,
                ):
                    model.data(index, role)
        edits = w.inspector.edit_model.rowCount()
        if edits:
            w.inspector.choose_edit(0)
            w.inspector.choose_edit(
                None
                if chosen is None
                else next(
                    (k for k, e in enumerate(w.inspector.edit_model.records()) if e.id == chosen.id), None
                )
            )
        w.actions_by_name["shortcuts"].trigger()
        if w.active_dialog is not None:
            w.active_dialog.reject()
        w.find_bar.text.setText("我们")
        w.actions_by_name["find_next"].trigger()
        w.find_bar.text.setText(find_text)
        # What the find bar marks and remembers, as it was (another pattern holds other references).
        w._mark_found(find_state[0])
        w._find_cache = find_state[1]
        w.find_bar.status.setText(find_state[2])
        table.go_to_row(row)
        bar.setValue(value)
        settle()
        delta = sys.getrefcount(None) - before
        w.poll_timer.start()
        return delta

    def open_and_wait(self, doc: int) -> None:
        self._open(doc)
        deadline = time.monotonic() + 120
        while self.waiting_for_load and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.002)
        if self.waiting_for_load:
            raise RuntimeError(f"document {doc} did not load in two minutes")
        self._settle()

    # -- driving ---------------------------------------------------------------------------------

    def _loaded(self, doc: int) -> None:
        self.waiting_for_load = False

    def step(self) -> None:
        try:
            self._step()
        except Exception:
            self.errors += 1
            traceback.print_exc()
        now = time.monotonic()
        if now - self.last_report > 5:
            self.last_report = now
            self.report(final=False)
        if now >= self.end:
            self.finish()

    def _step(self) -> None:
        now = time.monotonic()
        if now < self.reading_until:  # the reviewer reads (or listens): no input for a while
            return
        if now - self.last_read > READ_EVERY_S:
            self.last_read, self.reading_until = now, now + READ_FOR_S
            return
        if self.waiting_for_load:
            if time.monotonic() - self.wait_since > 60:
                raise RuntimeError(f"a document did not load in a minute: {self.window.last_error}")
            return
        w = self.window
        if w.active_dialog is not None:
            self._answer_dialog()
            return
        if self.base is None and self._warm_up():
            return
        self.round += 1
        actions = [
            (30, self.scroll_pages),
            (10, self.select_rows),
            (8, self.accept_or_reject),
            (3, self.bulk_accept),
            (6, self.tag_topic),
            (4, self.mark_error),
            (3, self.set_speaker),
            (2, self.rename_speaker),
            (8, self.undo_redo),
            (6, self.find),
            (3, self.filter),
            (2, self.switch_document),
            (1, self.switch_language),
            (4, self.navigate),
            (5, self.correct_text),
            (4, self.repairs_queue),
            (SPLIT_WEIGHT, self.split_or_merge),
        ]
        weights = [wt for wt, _f in actions]
        action = self.rng.choices([f for _w, f in actions], weights)[0]
        if self.base is None:
            # Warming up: every kind of action in turn on every document, so what each loads
            # once (dictionaries, dialogs, a first split's renumbering) is in the base state.
            kinds = [f for _w, f in actions if f != self.switch_document]
            action = kinds[self.round % len(kinds)]
        if self.session.document_id is None:
            action = self.switch_document
        if self.base is not None and self.round % AUDIT_EVERY == 0:
            self.audited += self.audit()
            self.audits += 1
            if self.session.document_id == self.docs[0]:  # the same document open: comparable
                self.rss_trend.append((round(time.monotonic() - self.started), round(rss_mb(), 1)))
            return
        t = time.perf_counter()
        action()
        spent = time.perf_counter() - t
        name = action.__name__
        self.timing[name] = self.timing.get(name, 0.0) + spent
        self.counts[name] = self.counts.get(name, 0) + 1
        self.actions += 1

    def _warm_up(self) -> bool:
        """First a round on every document (caches filled, every kind of dialog made once), then
        the measured state is taken: True while that is still going on."""
        if self.round >= WARM_UP_ACTIONS * (len(self.docs) - len(self.to_warm)):
            if not self.to_warm:
                self.base = self.quiet_state()
                return True
            self._open(self.to_warm.pop(0))
            return True
        return False

    def _table_focus(self) -> None:
        self.window.activateWindow()
        self.window.table.setFocus()

    def key(self, key, modifier=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self._table_focus()
        QTest.keyClick(self.window.table, key, modifier or Qt.KeyboardModifier.NoModifier)

    def scroll_pages(self) -> None:
        from PySide6.QtCore import Qt

        for _ in range(self.rng.randint(1, 6)):
            self.key(self.rng.choice([Qt.Key.Key_PageDown, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp]))
            self.window.table.viewport().repaint()
            self.scrolls += 1

    def select_rows(self) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest

        table = self.window.table
        y = self.rng.randint(5, max(6, table.viewport().height() - 5))
        x = self.rng.randint(5, max(6, table.viewport().width() - 5))
        modifier = self.rng.choice([Qt.KeyboardModifier.NoModifier] * 4 + [Qt.KeyboardModifier.ShiftModifier])
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, QPoint(x, y))
        if self.rng.random() < 0.2:  # open the cell for a span, select some, close it
            QTest.mouseDClick(
                table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y)
            )
            self.key(Qt.Key.Key_Escape)

    def _row_with_pending(self) -> bool:
        s = self.session
        row = s.next_row(self.window.table.current_visible_row(), s.is_unreviewed)
        if row is None:
            return False
        self.window.table.go_to_row(row)
        return True

    def accept_or_reject(self) -> None:
        from PySide6.QtCore import Qt

        if not self._row_with_pending():
            return
        inspector = self.window.inspector
        count = inspector.edit_model.rowCount()
        if count and self.rng.random() < 0.5:
            inspector.choose_edit(self.rng.randrange(count))
        self.key(self.rng.choice([Qt.Key.Key_A, Qt.Key.Key_A, Qt.Key.Key_R]))

    def bulk_accept(self) -> None:
        from PySide6.QtCore import Qt

        table = self.window.table
        start = max(table.current_visible_row(), 0)
        table.go_to_row(start)
        for r in range(start + 1, min(start + self.rng.randint(2, 80), self.session.segments.rowCount())):
            table.go_to_row(r, extend=True)
        self.key(Qt.Key.Key_A)

    def correct_text(self) -> None:
        """F2 (or Return) on a row, type into its text, Return keeps it (a preview of the other
        places may follow: answered as a dialog) or Escape drops it."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from reviewer.gui.views.text_pane import CellCorrector

        if self.rng.random() < 0.5:
            self.key(Qt.Key.Key_F2)
        else:
            self.key(Qt.Key.Key_Return)
        editors = [e for e in self.window.table.findChildren(CellCorrector) if e.isVisible()]
        if not editors:
            return
        editor = editors[0]
        text = editor.toPlainText()
        if text:
            at = self.rng.randrange(len(text))
            cursor = editor.textCursor()
            cursor.setPosition(at)
            cursor.setPosition(min(len(text), at + self.rng.randint(0, 3)), cursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
        editor.insertPlainText(self.rng.choice(["越", "System", "", "OpenAI", "的"]))
        QTest.keyClick(editor, self.rng.choice([Qt.Key.Key_Return] * 4 + [Qt.Key.Key_Escape]))

    def split_or_merge(self) -> None:
        """Ctrl+Shift+S on a row (its text opens), a cursor put in it, Ctrl+Shift+S again (the
        document is read again); or Ctrl+Shift+M: merged with the next (refused across speakers)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from reviewer.gui.views.text_pane import TextPane

        if self.rng.random() < 0.4:
            self.key(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
            return
        split = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        self.key(Qt.Key.Key_S, split)
        pane = QApplication.focusWidget()
        if not isinstance(pane, TextPane) or not pane.text:
            return
        cursor = pane.textCursor()
        cursor.setPosition(self.rng.randrange(len(pane.toPlainText()) + 1))
        pane.setTextCursor(cursor)
        from PySide6.QtTest import QTest

        QTest.keyClick(pane, Qt.Key.Key_S, split)

    def repairs_queue(self) -> None:
        """Show the queue, pick a kind, go down it with the keyboard deciding, sometimes Accept
        all shown; then back to the Topics tab now and then."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        w = self.window
        dock, queue = w.docks[2], w.repairs_queue
        dock.raise_()
        if queue.kind.count() > 1 and self.rng.random() < 0.5:
            queue.kind.setCurrentIndex(self.rng.randrange(queue.kind.count()))
        queue.view.setFocus()
        for _ in range(self.rng.randint(1, 5)):
            QTest.keyClick(queue.view, Qt.Key.Key_Down)
            if self.rng.random() < 0.4:
                QTest.keyClick(queue.view, self.rng.choice([Qt.Key.Key_A, Qt.Key.Key_R]))
        if self.rng.random() < 0.05 and queue.proxy.rowCount() < 200:
            queue.accept_all.click()
        if self.rng.random() < 0.3:
            w.docks[1].raise_()

    def tag_topic(self) -> None:
        from PySide6.QtCore import Qt

        path = self.rng.choice(["Soak/Alpha", "Soak/Beta", "Soak/Beta/Deep", "话题/测试"])
        self.window.topic_panel.select_path(path)
        if self.window.topic_panel.current_path() == path:
            self.key(Qt.Key.Key_T)  # the tree's topic, by its key
        else:
            self.key(Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)  # a topic by name: a dialog

    def mark_error(self) -> None:
        from PySide6.QtCore import Qt

        self.key(Qt.Key.Key_E)

    def set_speaker(self) -> None:
        from PySide6.QtCore import Qt

        if self.rng.random() < 0.7:
            self.key(self.rng.choice([Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3]))
        else:
            self.key(Qt.Key.Key_S)

    def rename_speaker(self) -> None:
        from PySide6.QtCore import Qt

        self.key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)

    def undo_redo(self) -> None:
        from PySide6.QtCore import Qt

        ctrl = Qt.KeyboardModifier.ControlModifier
        for _ in range(self.rng.randint(1, 3)):
            if self.rng.random() < 0.6:
                self.key(Qt.Key.Key_Z, ctrl)
            else:
                self.key(Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)

    def find(self) -> None:
        from PySide6.QtCore import Qt

        bar = self.window.find_bar
        bar.text.setText(self.rng.choice(["AI", "chat", "我们", "教育", "line 9", "nothing-like-this", "好"]))
        for _ in range(self.rng.randint(1, 4)):
            self.key(Qt.Key.Key_F3)
        if self.rng.random() < 0.3:
            bar.text.setText("")

    def filter(self) -> None:
        bar = self.window.find_bar
        choice = self.rng.random()
        if choice < 0.3 and bar.speaker.count() > 1:
            bar.speaker.setCurrentIndex(self.rng.randrange(bar.speaker.count()))
        elif choice < 0.5:
            bar.pending.setChecked(not bar.pending.isChecked())
        elif choice < 0.7 and bar.topic.count() > 1:
            bar.topic.setCurrentIndex(self.rng.randrange(bar.topic.count()))
        else:
            self.window.actions_by_name["clear_filters"].trigger()

    def navigate(self) -> None:
        from PySide6.QtCore import Qt

        self.key(self.rng.choice([Qt.Key.Key_N, Qt.Key.Key_L, Qt.Key.Key_J, Qt.Key.Key_K, Qt.Key.Key_F8]))

    def switch_document(self) -> None:
        docs = [d for d in self.docs if d != self.session.document_id] or self.docs
        self._open(self.rng.choice(docs))

    def _open(self, doc: int) -> None:
        self.waiting_for_load, self.wait_since = True, time.monotonic()
        self.window.open_document(doc)

    def switch_language(self) -> None:
        from reviewer.gui import i18n

        language = ENGLISH if i18n.current() != ENGLISH else self.chinese
        self.window.set_preferences(language, self.window.font_size())

    def _answer_dialog(self) -> None:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        dlg = self.window.active_dialog
        name = dlg.objectName()
        if self.rng.random() < 0.15:
            dlg.reject()
        elif isinstance(dlg, QInputDialog):
            items = dlg.comboBoxItems()
            if items and self.rng.random() < 0.7:
                dlg.setTextValue(self.rng.choice(items))
            else:
                dlg.setTextValue(self.rng.choice(["Alice", "Bob", "主持人", "Guest"]))
            dlg.accept()
        elif name == "bulkAcceptDialog":
            if self.rng.random() < 0.5:
                kind = self.rng.choice(list(dlg.kinds))
                dlg.set_threshold(kind, self.rng.choice([0.3, 0.5, 0.8, 0.95]))
            dlg.accept()
        elif isinstance(dlg, QMessageBox):
            dlg.accept()
        elif name == "errorDialog" or hasattr(dlg, "values"):
            if hasattr(dlg, "correction"):
                dlg.correction.setText(self.rng.choice(["", "更正", "Fixed"]))
            dlg.accept()
        else:
            dlg.reject()
        self.actions += 1

    # -- the end ---------------------------------------------------------------------------------

    def report(self, final: bool, extra: dict[str, float] | None = None) -> None:
        status = {
            "actions": self.actions,
            "scrolls": self.scrolls,
            "errors": self.errors + len(self.escaped),
            "seconds": time.monotonic() - self.started,
            "final": final,
            "timing": {k: round(v, 2) for k, v in sorted(self.timing.items(), key=lambda kv: -kv[1])[:5]},
            "counts": self.counts,
            **(extra or {}),
        }
        print(json.dumps(status), flush=True)

    def finish(self) -> None:
        self.timer.stop()
        if self.base is None:  # too short a run for a first round: the start is the base
            self.base = self.quiet_state()
        end = self.quiet_state()
        self.report(
            True,
            {
                "none_delta": self.audited,
                "audits": self.audits,
                "none_drift": end["none"] - self.base["none"],
                "rss_trend": self.rss_trend,
                "rss_base_mb": self.base["rss"],
                "rss_end_mb": end["rss"],
                "rss_growth_mb": end["rss"] - self.base["rss"],
            },
        )
        self.app.quit()


def child(db: str, seconds: float, seed: int) -> int:
    from PySide6.QtCore import QTimer

    from reviewer.gui.app import app_settings, application
    from reviewer.gui.main_window import MainWindow
    from reviewer.gui.session import ReviewSession
    from reviewer.store import open_store

    escaped: list[str] = []

    def hook(kind, value, tb) -> None:  # an exception that reached Qt's event loop
        escaped.append(kind.__name__)
        traceback.print_exception(kind, value, tb)

    sys.excepthook = hook
    if os.environ.get("SOAK_TRACE"):  # (pymalloc prints no arena statistics while tracing)
        import tracemalloc

        tracemalloc.start(25)
    app = application(offscreen=True)
    store = open_store(db)
    session = ReviewSession(store)
    session.annotator = "soak"
    window = MainWindow(session, settings=app_settings())
    window.resize(1400, 860)
    session.refresh_documents()
    window.show()
    reviewer = Reviewer(window, app, random.Random(seed), seconds, escaped)
    timer = QTimer()
    timer.setInterval(STEP_MS)
    timer.timeout.connect(reviewer.step)
    reviewer.timer = timer
    timer.start()
    app.exec()
    window.close()
    session.runner.wait(10_000)
    store.close()
    sys.stdout.flush()
    os._exit(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--segments", type=int, default=BIG_SEGMENTS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, default=60.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.seconds, args.seed)
    return watch(args.minutes, args.segments, args.seed)


if __name__ == "__main__":
    sys.exit(main())
