"""Export through the File menu's dialogs; the topic tree's operations, each undone and redone."""

from __future__ import annotations

import csv
import json

from tests.gui.conftest import TIMED, answer, select_rows


def export(window, action: str, path) -> None:
    window.actions_by_name[action].trigger()
    dlg = window.active_dialog
    assert dlg is not None
    dlg.selectFile(str(path))
    dlg.accept()


def test_export_through_the_menu(window, open_text, tmp_path, store) -> None:
    doc = open_text(TIMED)
    select_rows(window, 1)
    window.actions_by_name["choose_topic"].trigger()
    answer(window, "AI/Education")
    select_rows(window, 0)
    window.actions_by_name["rename_speaker"].trigger()
    answer(window, "曹越")

    export(window, "export_csv", tmp_path / "out.csv")
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["segment_index"], r["tag"]) for r in rows] == [("1", "AI/Education")]

    export(window, "export_json", tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in data["documents"]] == [doc]

    export(window, "export_txt", tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").splitlines()[
        0
    ] == "[00:00:01] 曹越: hello there"
    export(window, "export_srt", tmp_path / "out.srt")
    assert "00:00:01,000 --> 00:00:05,000\n曹越: hello there" in (tmp_path / "out.srt").read_text(
        encoding="utf-8"
    )
    export(window, "export_vtt", tmp_path / "out.vtt")
    assert (tmp_path / "out.vtt").read_text(encoding="utf-8").startswith("WEBVTT")


def test_topic_tree_create_rename_colour_move_merge(window, open_text, store) -> None:
    doc = open_text(TIMED)
    stack = window.session.undo_stack
    a = window.actions_by_name

    def paths() -> list[str]:
        return [t.path for t in store.topics()]

    def tags() -> list[str]:
        return sorted(x.tag for x in store.annotations(doc) if x.kind == "topic")

    for path in ("AI/Education", "Tech"):
        window.topic_panel.tree.clearSelection()
        window.topic_panel.tree.setCurrentIndex(window.topic_panel.tree.rootIndex())
        a["new_topic"].trigger()
        answer(window, path)
    assert paths() == ["AI", "AI/Education", "Tech"]
    window.topic_panel.select_path("AI/Education")
    select_rows(window, 1)
    a["apply_topic"].trigger()

    window.topic_panel.select_path("AI/Education")
    a["rename_topic"].trigger()
    answer(window, "Learning")
    assert paths() == ["AI", "AI/Learning", "Tech"] and tags() == ["AI/Learning"]
    assert "Learning" in window.session.segments.segment(1).tags_text

    window.topic_panel.select_path("AI/Learning")
    window.session.colour_topic("AI/Learning", "#ff0000")
    assert next(t for t in store.topics() if t.path == "AI/Learning").colour == "#ff0000"
    stack.undo()
    assert next(t for t in store.topics() if t.path == "AI/Learning").colour is None

    window.topic_panel.select_path("AI")
    a["move_topic"].trigger()
    answer(window, "Tech")
    assert paths() == ["Tech", "Tech/AI", "Tech/AI/Learning"] and tags() == ["Tech/AI/Learning"]
    stack.undo()
    assert paths() == ["AI", "AI/Learning", "Tech"] and tags() == ["AI/Learning"]
    stack.redo()

    window.topic_panel.select_path("Tech/AI/Learning")
    a["merge_topic"].trigger()
    answer(window, "Tech")
    assert paths() == ["Tech", "Tech/AI"] and tags() == ["Tech"]
    stack.undo()
    assert paths() == ["Tech", "Tech/AI", "Tech/AI/Learning"] and tags() == ["Tech/AI/Learning"]
    stack.redo()
    assert tags() == ["Tech"]
    # Undo everything back to the start: no topic left, no tag left.
    while stack.canUndo():
        stack.undo()
    assert paths() == [] and tags() == []
