"""Normalization, speaker fill, merging and glossary steps on hand-built transcripts."""

import itertools

from reviewer.core.glossary import parse_glossary
from reviewer.core.repair import normalize
from reviewer.core.repair.glossary_terms import GlossaryMatcher, GlossaryStep
from reviewer.core.repair.merge import MAX_CHARS, MergeStep
from reviewer.core.repair.normalize import NormalizeStep
from reviewer.core.repair.speakers import SpeakerFillStep
from reviewer.core.transcript import Segment, Transcript, apply_edits


def _ts(rows: list[tuple[float, str | None, str]]) -> Transcript:
    segs = [
        Segment(i, text, speaker, start, None, [i + 1], [start])
        for i, (start, speaker, text) in enumerate(rows)
    ]
    return Transcript("timestamped", segs)


def _edits_point_at_original(t: Transcript) -> None:
    for seg in t.segments:
        for e in seg.edits:
            assert seg.original[e.start : e.end] == e.before
        text_edits = sorted((e for e in seg.edits if e.changes_text), key=lambda e: e.start)
        for a, b in itertools.pairwise(text_edits):
            assert a.end <= b.start


# -- normalization --------------------------------------------------------------------------


def test_normalize_composes_nfc_and_removes_controls():
    text = "Cafe\u0301 ok\x00\x07 好，\ufeff"
    fixes = normalize.find_fixes(text)
    assert apply_edits(text, [_edit(f) for f in fixes]) == "Café ok 好，"


def test_normalize_keeps_fullwidth_punctuation_and_inner_trailing_spaces():
    text = "你好，世界！“引号”  \n\n第二段：（括号）"
    assert normalize.find_fixes(text) == []


def test_normalize_strips_trailing_space_at_segment_end_only():
    t = Transcript("plain", [Segment(0, "hello  \nworld \u3000")])
    NormalizeStep().run(t)
    assert t.segments[0].repaired == "hello  \nworld"


def _edit(f):
    from reviewer.core.transcript import Edit

    return Edit("x", f.start, f.end, "", f.after)


# -- speaker fill ---------------------------------------------------------------------------


def test_speaker_fill_from_agreeing_context():
    t = _ts([(0, "S1", "a"), (1, None, "b"), (2, "S1", "c"), (3, "S2", "d")])
    edits = SpeakerFillStep().run(t)
    assert [e.after for e in edits] == ["S1"]
    assert t.segments[1].repaired_speaker == "S1"
    assert t.segments[1].speaker is None  # the original stays visible
    assert edits[0].confidence < 1


def test_speaker_fill_disagreeing_context_keeps_alternative_and_lower_confidence():
    t = _ts([(0, "S1", "a"), (1, None, "b"), (2, "S2", "c"), (3, "S2", "d"), (4, None, "e"), (5, "S2", "f")])
    e1, e2 = SpeakerFillStep().run(t)
    assert (e1.after, e1.alternatives) == ("S1", ["S2"])
    assert e2.after == "S2" and e2.confidence > e1.confidence


def test_speaker_fill_only_when_most_lines_are_labelled():
    t = _ts([(0, None, "a"), (1, None, "b"), (2, "S1", "c")])
    assert SpeakerFillStep().run(t) == []


# -- merging --------------------------------------------------------------------------------


def test_merge_joins_fragments_of_one_speaker_and_keeps_sources():
    t = _ts(
        [
            (0, "S1", "一句话表达就是"),
            (1, "S1", "你怎么样设计一个"),
            (3, "S1", "系统。"),
            (5, "S2", "对"),
            (6, "S2", "OK"),
        ]
    )
    edits = MergeStep().run(t)
    assert [s.repaired for s in t.segments] == ["一句话表达就是 你怎么样设计一个 系统。", "对 OK"]
    first = t.segments[0]
    assert first.original == "一句话表达就是\n你怎么样设计一个\n系统。"
    assert first.source_lines == [1, 2, 3] and first.line_starts == [0, 1, 3]
    assert (first.start, first.end) == (0, 5)
    assert all(e.kind == "merge" and e.before == "\n" for e in edits)
    _edits_point_at_original(t)


def test_merge_stops_at_speaker_change_gap_sentence_end_and_length():
    long = "长" * (MAX_CHARS // 2)
    t = _ts(
        [(0, "S1", "好的。"), (1, "S1", "然后"), (20, "S1", "很久以后"), (21, "S1", long), (22, "S1", long)]
    )
    MergeStep().run(t)
    assert [s.original for s in t.segments] == ["好的。", "然后", "很久以后\n" + long, long]


def test_merge_joins_without_space_next_to_punctuation_and_keeps_earlier_edits():
    t = _ts([(0, "S1", "Lead"), (1, "S1", "Talk，  "), (2, "S1", "好")])
    NormalizeStep().run(t)
    MergeStep().run(t)
    (seg,) = t.segments
    assert seg.repaired == "Lead Talk，好"
    _edits_point_at_original(t)


def test_rejecting_a_merge_restores_the_line_break():
    t = _ts([(0, "S1", "甲"), (1, "S1", "乙")])
    MergeStep().run(t)
    (seg,) = t.segments
    seg.edits[0].applied = False
    assert seg.repaired == "甲\n乙"


# -- glossary -------------------------------------------------------------------------------

GLOSSARY = parse_glossary("光年之外\n硅谷\n曹越\nChatGPT\n偶拍 => OpenAI\n")


def test_glossary_alias_and_homophone_are_applied():
    m = GlossaryMatcher(GLOSSARY)
    text = "他之前也是光联之外的联创，在归谷，像偶拍一样"
    fixes = {text[f.start : f.end]: f for f in m.find_fixes(text)}
    assert fixes["光联之外"].after == "光年之外" and fixes["光联之外"].applied
    assert fixes["归谷"].after == "硅谷" and fixes["归谷"].applied
    assert fixes["偶拍"].after == "OpenAI" and fixes["偶拍"].applied


def test_glossary_leaves_real_words_and_correct_terms_alone():
    m = GlossaryMatcher(parse_glossary("事实\n光年之外\n"))
    # 十世 is not a word but 事实/时事/实施 are real words that sound like the term.
    assert m.find_fixes("这是事实，也是时事，要实施。光年之外很好") == []


def test_glossary_latin_near_miss_is_only_a_suggestion():
    m = GlossaryMatcher(GLOSSARY)
    text = "曹悦是少数在Chag GT之前"
    by_before = {text[f.start : f.end]: f for f in m.find_fixes(text)}
    assert by_before["Chag GT"].after == "ChatGPT" and not by_before["Chag GT"].applied
    assert by_before["曹悦"].after == "曹越"


def test_glossary_step_on_transcript_edits_point_at_original():
    t = _ts([(0, "S1", "他之前也是光联之外的联创 "), (1, "S1", "在归谷")])
    NormalizeStep().run(t)
    MergeStep().run(t)
    GlossaryStep(GLOSSARY).run(t)
    assert t.segments[0].repaired == "他之前也是光年之外的联创 在硅谷"
    _edits_point_at_original(t)
