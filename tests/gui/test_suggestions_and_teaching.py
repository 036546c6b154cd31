"""Topic suggestions (accept checked or one by double-click, undo) and teaching a correction
to the glossary with a preview of its other occurrences in this and other documents."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from reviewer.gui.dialogs.teach_dialog import TeachDialog
from reviewer.gui.dialogs.topic_suggestions import TopicSuggestionsDialog
from tests.gui.conftest import select_rows

LINES = [
    "我们今天聊视频生成模型",
    "视频生成模型最难的是算力",
    "模型越大，视频越好",
    "然后就是这个，我觉得视频模型还要数据",
    "创业公司怎么做视频模型",
    "创业很难，创业公司要找方向",
]
TALK = "".join(f"[00:00:{n:02d}] SPEAKER_0{n % 2}: {LINES[n % len(LINES)]}\n" for n in range(45))


def topic_tags(store, doc) -> list[tuple[int, str]]:
    return sorted((a.segment_index, a.tag) for a in store.annotations(doc) if a.kind == "topic")


def suggestions_dialog(window) -> TopicSuggestionsDialog:
    window.actions_by_name["suggest_topics"].trigger()
    dlg = window.active_dialog
    assert isinstance(dlg, TopicSuggestionsDialog), window.last_error
    return dlg


def test_suggest_topics_for_the_document_accept_and_undo(window, open_text, store) -> None:
    doc = open_text(TALK, glossary=False)
    dlg = suggestions_dialog(window)
    branches = dlg.tree.topLevelItemCount()
    assert branches == 2  # 45 segments: stretches of 30 and 15
    words = [i.text(0) for i in dlg.keyword_items()]
    assert {"模型", "视频", "创业"} <= set(words)
    assert not {"然后", "就是", "这个", "觉得", "我们"} & set(words)

    dlg.check("模型", stretch=0)
    dlg.accept()
    first = list(range(30))
    assert topic_tags(store, doc) == [(i, "Suggested/模型") for i in first]
    assert "Suggested/模型" in [t.path for t in store.topics()]

    window.session.undo_stack.undo()
    assert topic_tags(store, doc) == []
    window.session.undo_stack.redo()
    assert len(topic_tags(store, doc)) == 30


def test_suggest_topics_for_selected_rows_one_click(window, open_text, store) -> None:
    doc = open_text(TALK, glossary=False)
    select_rows(window, 4, 9)
    dlg = suggestions_dialog(window)
    assert dlg.tree.topLevelItemCount() == 1
    assert dlg.tree.topLevelItem(0).text(0) == "Segments 4–9"
    item = next(i for i in dlg.keyword_items() if i.text(0) == "创业")
    dlg.tree.itemDoubleClicked.emit(item, 0)  # one click to accept, the dialog stays open
    assert topic_tags(store, doc) == [(i, "Suggested/创业") for i in range(4, 10)]
    assert item.text(1) == "applied"
    assert window.active_dialog is dlg and dlg.isVisible()
    dlg.check("创业")
    assert dlg.checked() == []  # already applied: not applied twice
    dlg.reject()
    window.session.undo_stack.undo()
    assert topic_tags(store, doc) == []


OTHER = "[A]: 偶拍的新模型。\n[B]: 我不用偶拍。\n[A]: 没有别的。\n"
HERE = "[A]: 偶拍发布了视频模型。\n[B]: 偶拍和偶拍的对手。\n[A]: ChatGPT 不是偶拍做的吗？\n"


def test_teach_a_correction_previews_and_marks_other_occurrences(window, open_text, store) -> None:
    other = open_text(OTHER, name="other.txt", glossary=False)
    doc = open_text(HERE, name="here.txt", glossary=False)
    assert doc != other
    select_rows(window, 0)
    start = window.inspector.repaired.text.index("偶拍")
    window.inspector.repaired.select_span(start, start + 2)
    window.actions_by_name["mark_error"].trigger()
    err = window.active_dialog
    err.choose("asr")
    assert not err.teach.isEnabled()
    err.correction.setText("OpenAI")
    assert err.teach.isEnabled()
    err.teach.setChecked(True)
    err.accept()

    dlg = window.active_dialog
    assert isinstance(dlg, TeachDialog)
    # The one just marked is not offered again; 3 more here, 2 in the other document.
    found = [(o.document_id, o.segment_index, o.start) for o in dlg.found.found]
    assert found == [(other, 0, 0), (other, 1, 3), (doc, 1, 0), (doc, 1, 3), (doc, 2, 10)]
    assert dlg.tree.topLevelItemCount() == 5
    first = dlg.items()[0]
    assert (first.text(0), first.text(1)) == ("other.txt", "0")
    assert first.text(2).startswith("[偶拍]") and first.text(3).startswith("[OpenAI]")
    dlg.set_checked(1, False)  # "我不用偶拍" left alone
    dlg.accept()

    def errors(d: int) -> list[tuple[int, int | None, str | None]]:
        return sorted(
            (a.segment_index or 0, a.span_start, a.correction)
            for a in store.annotations(d)
            if a.kind == "error"
        )

    assert errors(other) == [(0, 0, "OpenAI")]
    assert len(errors(doc)) == 4  # the first mark and the three taught here
    assert all(a.quote == "偶拍" for a in store.annotations(doc) if a.kind == "error")
    assert store.glossary().aliases.get("偶拍") == "OpenAI"
    # The stored text is not rewritten: the annotations are the record.
    assert "偶拍" in store.segments(doc)[1].repaired

    window.session.undo_stack.undo()  # the teaching, all documents at once
    assert errors(other) == [] and len(errors(doc)) == 1
    assert "偶拍" not in store.glossary().aliases
    assert "OpenAI" not in store.glossary().terms
    window.session.undo_stack.redo()
    assert errors(other) == [(0, 0, "OpenAI")] and len(errors(doc)) == 4
    assert store.glossary().aliases.get("偶拍") == "OpenAI"


def test_teach_from_a_selected_error_in_the_inspector(window, open_text, store) -> None:
    doc = open_text(HERE, glossary=False)
    select_rows(window, 1)
    window.session.mark_error(1, "asr", span=(0, 2), correction="OpenAI")
    window.inspector.tags.topLevelItem(0).setSelected(True)
    window.actions_by_name["teach_correction"].trigger()
    dlg = window.active_dialog
    assert isinstance(dlg, TeachDialog)
    assert dlg.tree.topLevelItemCount() == 3
    dlg.glossary.setChecked(False)
    dlg.set_all(False)
    dlg.set_checked(0, True)
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert len([a for a in store.annotations(doc) if a.kind == "error"]) == 2
    assert "偶拍" not in store.glossary().aliases
