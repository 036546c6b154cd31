"""Find says how many rows match and which one is shown, marks the match, and shows it whole."""

from __future__ import annotations

from PySide6.QtGui import QImage

from reviewer.gui.models.segments import COL_REPAIRED
from tests.gui.conftest import select_rows

LINES = "".join(
    f"[00:{n // 60:02d}:{n % 60:02d}] SPEAKER_0{n % 2}: line {n} {'needle here' if n % 40 == 7 else 'hay'}\n"
    for n in range(200)
)


def changed_pixels(a: QImage, b: QImage) -> list[tuple[int, int]]:
    return [
        (x, y)
        for y in range(0, a.height(), 2)
        for x in range(0, a.width(), 2)
        if a.pixel(x, y) != b.pixel(x, y)
    ]


def test_find_counts_marks_and_centres_the_match(window, open_text) -> None:
    open_text(LINES, name="hay.txt")
    select_rows(window, 0)
    bar = window.find_bar
    bar.text.setText("needle")
    find_next = window.actions_by_name["find_next"]
    find_next.trigger()
    assert window.table.current_segment() == 7
    assert bar.status.text() == "1 of 5"
    find_next.trigger()
    find_next.trigger()
    assert window.table.current_segment() == 87 and bar.status.text() == "3 of 5"
    window.actions_by_name["find_prev"].trigger()
    assert window.table.current_segment() == 47 and bar.status.text() == "2 of 5"

    # The row is wholly in view, with rows round it (not left at the bottom edge).
    table = window.table
    row = table.current_visible_row()
    assert table.row_in_view(row) and table.row_in_view(row + 1)

    rect = table.visualRect(table.model().index(row, COL_REPAIRED))
    middle = table.viewport().height() / 2
    assert abs(rect.center().y() - middle) < rect.height()

    # The match is marked in the cells of its row, and nowhere else.
    marked = QImage(table.viewport().size(), QImage.Format.Format_ARGB32)
    marked.fill(0)
    table.viewport().render(marked)
    pattern = table.repaired_delegate.find_pattern
    assert pattern is not None and table.original_delegate.find_pattern is pattern
    for delegate in (table.original_delegate, table.repaired_delegate):
        delegate.find_pattern = None
    plain = QImage(table.viewport().size(), QImage.Format.Format_ARGB32)
    plain.fill(0)
    table.viewport().render(plain)
    for delegate in (table.original_delegate, table.repaired_delegate):
        delegate.find_pattern = pattern
    width = table.horizontalHeader().length()  # the cells (not the bare strip right of them)
    changed = [(x, y) for x, y in changed_pixels(marked, plain) if x < width]
    assert changed and all(rect.top() <= y <= rect.bottom() for _x, y in changed)
    # In the inspector too.
    assert window.inspector.repaired.extraSelections()

    # Wrapping round (47 → 87 → 127 → 167 → 7), and a search with no match.
    for _ in range(4):
        find_next.trigger()
    assert window.table.current_segment() == 7 and bar.status.text() == "1 of 5"
    bar.text.setText("nothing like this")
    find_next.trigger()
    assert bar.status.text() == "not found"
    bar.text.setText("")
    assert bar.status.text() == "" and table.repaired_delegate.find_pattern is None


def test_the_count_of_one_document_is_not_shown_on_another(window, open_text) -> None:
    """Seen in a real window: "3 of 3" stayed in the find bar after switching documents."""
    first = open_text(LINES, name="hay.txt")
    open_text("[A]: nothing to see\n[B]: still nothing\n", name="other.txt")
    window.open_document(first)
    select_rows(window, 0)
    window.find_bar.text.setText("needle")
    window.actions_by_name["find_next"].trigger()
    assert window.find_bar.status.text() == "1 of 5"
    other = next(d.id for d in window.session.document_summaries() if d.id != first)
    window.open_document(other)
    assert window.session.document_id == other
    assert window.find_bar.status.text() == ""  # not the other document's count
    window.actions_by_name["find_next"].trigger()
    assert window.find_bar.status.text() == "not found"
