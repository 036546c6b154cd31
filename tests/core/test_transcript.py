"""Edits, offset mapping and combining edits of successive steps."""

import itertools

from hypothesis import given
from hypothesis import strategies as st

from reviewer.core.transcript import Edit, OffsetMap, Segment, apply_edits


def test_apply_edits_skips_rejected_and_field_edits():
    edits = [
        Edit("a", 0, 1, "x", "X"),
        Edit("b", 2, 3, "z", "Z", applied=False),
        Edit("speaker", 0, 0, "", "S1"),
    ]
    assert apply_edits("xyz", edits) == "Xyz"


def test_propose_maps_repaired_span_to_original():
    seg = Segment(0, "ab\nXYZ\ncd")
    seg.propose("merge", 2, 3, "")
    seg.propose("x", 2, 5, "Q")  # "XYZ" in the repaired "abXYZ\ncd"
    assert seg.repaired == "abQ\ncd"
    assert [(e.kind, e.before, e.after) for e in seg.edits] == [("merge", "\n", ""), ("x", "XYZ", "Q")]


def test_overlapping_applied_proposal_absorbs_earlier_edit():
    seg = Segment(0, "abcXYZdef")
    seg.propose("mojibake", 3, 6, "中")
    seg.propose("glossary", 2, 5, "QQ")  # repaired "abc中def": "c中d"
    (e,) = seg.edits
    assert (e.start, e.end, e.before, e.after, e.kind) == (2, 7, "cXYZd", "QQ", "glossary")
    assert seg.repaired == "abQQef"


def test_overlapping_suggestion_is_dropped():
    seg = Segment(0, "a\nb")
    seg.propose("merge", 1, 2, "")
    assert seg.propose("glossary", 0, 2, "Z", applied=False) is None
    assert len(seg.edits) == 1


# Random non-overlapping replacements (steps never insert at a point) on a random text.
@st.composite
def text_and_edits(draw):
    text = draw(st.text(alphabet="ab中文😀\n ", max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a == b or (edits and a < edits[-1].end):
            continue
        after = draw(st.text(alphabet="XY字", max_size=3))
        edits.append(Edit("k", a, b, text[a:b], after, applied=draw(st.booleans())))
    return text, edits


@given(text_and_edits())
def test_offset_map_points_each_applied_edit_back_at_its_span(te):
    text, edits = te
    repaired = apply_edits(text, edits)
    omap = OffsetMap(edits)
    for rs, re_, os_, oe in omap.rows:
        assert omap.span(rs, re_) == (os_, oe) or rs == re_
        assert repaired[rs:re_] == next(e.after for e in edits if e.start == os_ and e.applied)
    # Text between edits maps one to one.
    assert omap.to_original(len(repaired)) == len(text)


@given(text_and_edits(), st.data())
def test_propose_keeps_invariants(te, data):
    text, edits = te
    seg = Segment(0, text, edits=[e for e in edits])
    rep = seg.repaired
    if not rep:
        return
    s = data.draw(st.integers(0, len(rep) - 1))
    e = data.draw(st.integers(s + 1, len(rep)))
    new = seg.propose("g", s, e, "N", applied=data.draw(st.booleans()))
    for ed in seg.edits:
        assert text[ed.start : ed.end] == ed.before
    ordered = sorted(seg.edits, key=lambda x: x.start)
    for a, b in itertools.pairwise(ordered):
        assert a.end <= b.start
    if new is not None and new.applied:
        assert seg.repaired == rep[:s] + "N" + rep[e:]
