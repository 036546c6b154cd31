"""Topic suggestions (accept checked or one by double-click, undo) and teaching a correction
to the glossary: the correction flow, with its other places in this and other documents previewed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from reviewer.gui.dialogs.propagate_dialog import PropagateDialog
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
    # The topics the suggestion created go too: no empty Suggested/模型 left in the tree.
    assert not [t.path for t in store.topics() if t.path.startswith("Suggested")]
    assert "Suggested/模型" not in window.session.topics.paths()
    window.session.undo_stack.redo()
    assert len(topic_tags(store, doc)) == 30
    assert "Suggested/模型" in window.session.topics.paths()


def test_undoing_a_suggestion_keeps_a_topic_that_was_there_before(window, open_text, store) -> None:
    doc = open_text(TALK, glossary=False)
    window.session.create_topic("Suggested/视频")
    dlg = suggestions_dialog(window)
    dlg.check("视频", stretch=0)
    dlg.check("模型", stretch=0)
    dlg.accept()
    window.session.undo_stack.undo()
    assert topic_tags(store, doc) == []
    assert sorted(t.path for t in store.topics() if t.path.startswith("Suggested")) == [
        "Suggested",
        "Suggested/视频",
    ]


def test_cancelled_suggestions_show_nothing(qtbot, store) -> None:
    """A cancelled suggestion job ends with `cancelled`, and no dialog opens."""
    from reviewer.gui.workers import Job
    from reviewer.ops.suggest import suggest

    rows = [(n, LINES[n % len(LINES)]) for n in range(300)]
    job = Job(lambda j: suggest(store, rows, j), "suggest")
    shown: list = []
    cancelled: list = []
    job.signals.finished.connect(shown.append)
    job.signals.cancelled.connect(lambda: cancelled.append(True))
    reports: list[tuple[int, int]] = []

    def on_progress(done: int, total: int, _what: str) -> None:
        reports.append((done, total))
        if done == 2:
            job.cancel()

    job.signals.progress.connect(on_progress)
    job.run()
    assert cancelled == [True] and shown == []
    assert reports == [(0, 10), (1, 10), (2, 10)]  # 300 segments: stretches of 30


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


def _texts(store, d: int) -> list[str]:
    return [seg.repaired for seg in store.segments(d)]


def test_marking_an_error_and_teaching_it_corrects_it_everywhere_previewed(window, open_text, store) -> None:
    """The Teach flow is the correction flow: marked, corrected here, its other places previewed
    (this document first, the others when asked) and corrected, the glossary taught; one undo."""
    other = open_text(OTHER, name="other.txt", glossary=False)
    doc = open_text(HERE, name="here.txt", glossary=False)
    before = {d: _texts(store, d) for d in (doc, other)}
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
    assert isinstance(dlg, PropagateDialog) and dlg.teach.isChecked()
    # The one just marked is not offered again; three more here.
    assert [(p.document_id, p.segment_index, p.start) for p in dlg.chosen()] == [
        (doc, 1, 0),
        (doc, 1, 3),
        (doc, 2, 10),
    ]
    dlg.everywhere.setChecked(True)  # the other document, searched now (a background task)
    found = [(p.document_id, p.segment_index) for p in dlg.chosen()]
    assert (other, 0) in found and (other, 1) in found
    dlg.items()[-1].setCheckState(0, Qt.CheckState.Unchecked)  # "我不用偶拍" left alone
    dlg.accept()

    assert _texts(store, doc) == [
        "OpenAI发布了视频模型。",
        "OpenAI和OpenAI的对手。",
        "ChatGPT 不是OpenAI做的吗？",
    ]
    assert _texts(store, other) == ["OpenAI的新模型。", "我不用偶拍。", "没有别的。"]
    assert store.glossary().aliases.get("偶拍") == "OpenAI"
    kinds = sorted({e.kind for seg in store.segments(doc) for e in seg.edits if e.annotator})
    assert kinds == ["manual", "propagated"]
    assert [a.correction for a in store.annotations(doc) if a.kind == "error"] == ["OpenAI"]  # the mark

    window.session.undo_stack.undo()  # the correction, every document at once
    assert {d: _texts(store, d) for d in (doc, other)} == before
    assert "偶拍" not in store.glossary().aliases
    window.session.undo_stack.redo()
    assert _texts(store, other)[0] == "OpenAI的新模型。"


def test_teach_from_a_selected_error_in_the_inspector(window, open_text, store) -> None:
    doc = open_text(HERE, glossary=False)
    select_rows(window, 1)
    window.session.mark_error(1, "asr", span=(0, 2), correction="OpenAI")
    window.inspector.choose_tags([0])
    window.actions_by_name["teach_correction"].trigger()
    dlg = window.active_dialog
    assert isinstance(dlg, PropagateDialog)
    assert dlg.tree.topLevelItemCount() == 3  # 0:0, 1:3 and 2:10
    dlg.teach.setChecked(False)
    # All ticked, the other one in this very row too (it had no correction of the reviewer's
    # own before this one); the reviewer keeps only that one.
    ticks = {item.text(1): item.checkState(0) for item in dlg.items()}
    assert ticks == {"0": Qt.CheckState.Checked, "1": Qt.CheckState.Checked, "2": Qt.CheckState.Checked}
    for item in dlg.items():
        item.setCheckState(0, Qt.CheckState.Checked if item.text(1) == "1" else Qt.CheckState.Unchecked)
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert _texts(store, doc)[1] == "OpenAI和OpenAI的对手。"
    assert sum(t.count("偶拍") for t in _texts(store, doc)) == 2
    assert "偶拍" not in store.glossary().aliases
    # Cancelling the preview of a taught correction writes nothing.
    window.inspector.choose_tags([0])
    before = _texts(store, doc)
    select_rows(window, 0)
    window.session.mark_error(0, "asr", span=(0, 2), correction="OpenAI")
    window.inspector.choose_tags([0])
    window.actions_by_name["teach_correction"].trigger()
    window.active_dialog.reject()
    assert _texts(store, doc) == before


NEAR = "[A]: We met the Open AI people.\n[B]: Chat GTP is it.\n[A]: Open AI again.\n"


def test_accepting_a_term_suggestion_offers_to_teach_it(window, open_text, store) -> None:
    doc = open_text(NEAR)  # the fixture's glossary knows ChatGPT and OpenAI as terms
    window.auto_advance = False  # the offer is about this row
    select_rows(window, 0)
    row = window.session.segments.segment(0)
    (edit,) = [e for e in row.info.edits if e.kind == "glossary"]
    assert (edit.before, edit.after, edit.applied) == ("Open AI", "OpenAI", False)
    assert not window.teach_offer.isVisible()
    window.inspector.select_edit(edit.id)
    window.actions_by_name["accept"].trigger()
    assert window.teach_offer.isVisible()
    assert "Open AI" in window.teach_offer.label.text() and "OpenAI" in window.teach_offer.label.text()

    window.teach_offer.teach_button.click()
    dlg = window.active_dialog
    assert isinstance(dlg, PropagateDialog) and not window.teach_offer.isVisible()
    # Segment 2 has the same misrecognition: offered for correcting too.
    assert [(p.document_id, p.segment_index) for p in dlg.chosen()] == [(doc, 2)]
    dlg.accept()
    assert store.glossary().aliases["Open AI"] == "OpenAI"
    assert store.segment(doc, 2).repaired == "OpenAI again."


def test_no_offer_for_what_the_glossary_already_does(window, open_text) -> None:
    open_text(CHAT_WITH_ALIAS)
    select_rows(window, 0)
    row = window.session.segments.segment(0)
    (edit,) = [e for e in row.info.edits if e.kind == "glossary"]
    assert edit.applied  # "chat gpt => ChatGPT" is an alias in the fixture's glossary
    window.inspector.select_edit(edit.id)
    window.actions_by_name["accept"].trigger()
    assert not window.teach_offer.isVisible()
    # Rewriting it to something else is a new correction: offered.
    window.actions_by_name["change"].trigger()
    window.active_dialog.setTextValue("ChatGPT-4")
    window.active_dialog.accept()
    assert window.teach_offer.isVisible() and "ChatGPT-4" in window.teach_offer.label.text()
    window.teach_offer.dismiss_button.click()
    assert not window.teach_offer.isVisible() and window.active_dialog is None


CHAT_WITH_ALIAS = "[B]: I use chat gpt every day.\n[A]: ok\n"
