"""Store.agreement: tags in the store → per-segment labels → kappa and alpha, checked by hand and
against scikit-learn / krippendorff on the same data."""

from __future__ import annotations

import random

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from reviewer.core.agreement import REASON_ONE_ANNOTATOR
from reviewer.core.errors import InputError
from reviewer.store import Store, TagSpec
from tests.store.helpers import doc


def lines(n: int) -> str:
    return "".join(f"[{'AB'[i % 2]}]: line number {i}.\n" for i in range(n))


def test_fifty_segment_yes_no_example(store: Store) -> None:
    # Wikipedia, "Cohen's kappa", worked example: 50 items; both yes 20, both no 15, A yes / B no 5,
    # A no / B yes 10 → p_o = 0.7, p_e = 0.5, kappa = 0.4.  Krippendorff's alpha by hand on the
    # same data (n = 100 values, n_yes = 55, n_no = 45, 30 disagreeing pairable values):
    # alpha = 1 - (n - 1) · 30 / (2 · 55 · 45) = 1 - 2970 / 4950 = 0.4.
    d = store.import_document(doc(lines(50), glossary=False)).document_id
    pairs = [("Yes", "Yes")] * 20 + [("No", "No")] * 15 + [("Yes", "No")] * 5 + [("No", "Yes")] * 10
    store.tag_many(d, [TagSpec(i, "topic", a, annotator="A") for i, (a, _) in enumerate(pairs)])
    store.tag_many(d, [TagSpec(i, "topic", b, annotator="B") for i, (_, b) in enumerate(pairs)])
    g = store.agreement(d, "topic")
    assert g.annotators == ("A", "B") and g.units == 50
    (p,) = g.pairs
    assert (p.units, p.observed, p.expected) == (50, pytest.approx(0.7), pytest.approx(0.5))
    assert p.kappa == pytest.approx(0.4)
    assert g.alpha == pytest.approx(0.4)
    # No speaker or error tags: nothing compared, said so.
    assert store.agreement(d, "error").units == 0 and store.agreement(d, "error").alpha is None


def test_untagged_segment_is_no_tag_and_spans_count_for_their_segment(store: Store) -> None:
    d = store.import_document(doc(lines(6), glossary=False)).document_id
    # alice: asr on 0 (a span), timing on 1; bob: asr on 0 (whole segment), nothing on 1, asr on 2.
    # Segments 3-5: nobody tagged an error, left out.  Labels (sets): seg 0 {asr}/{asr},
    # seg 1 {timing}/{}, seg 2 {}/{asr} → 1 of 3 agree: p_o = 1/3.  Shares: alice {asr}:1, {timing}:1,
    # {}:1; bob {asr}:2, {}:1 → p_e = (1·2 + 1·1) / 9 = 1/3 → kappa = 0.
    store.tag(d, 0, error="asr", span=(0, 4), annotator="alice")
    store.tag(d, 1, error="timing", annotator="alice")
    store.tag(d, 0, error="asr", annotator="bob")
    store.tag(d, 2, error="asr", annotator="bob")
    store.tag(d, 4, topic="AI", annotator="bob")  # another kind: not part of error agreement
    g = store.agreement(d, "error")
    assert g.units == 3
    (p,) = g.pairs
    assert p.observed == pytest.approx(1 / 3) and p.kappa == pytest.approx(0.0)
    # Every segment instead: 3 more agreeing "no tag" segments → p_o = 4/6, p_e = (1·2 + 4·4)/36.
    everything = store.agreement(d, "error", all_segments=True)
    (q,) = everything.pairs
    assert q.units == 6 and q.observed == pytest.approx(4 / 6)
    assert q.expected == pytest.approx(18 / 36)
    assert q.kappa == pytest.approx((4 / 6 - 0.5) / 0.5)


def test_annotator_choice_and_bad_input(store: Store) -> None:
    d = store.import_document(doc(lines(4), glossary=False)).document_id
    store.tag(d, 0, topic="X", annotator="alice")
    store.tag(d, 0, topic="X", annotator="bob")
    store.tag(d, 1, topic="Y", annotator="carol")
    g = store.agreement(d, "topic", ["alice", "bob"])
    assert g.annotators == ("alice", "bob") and g.units == 1
    only = store.agreement(d, "topic", ["alice"])
    assert only.alpha is None and only.reason == REASON_ONE_ANNOTATOR
    with pytest.raises(InputError, match="no annotations by 'dave'"):
        store.agreement(d, "topic", ["alice", "dave"])
    with pytest.raises(InputError, match="unknown tag kind"):
        store.agreement(d, "colour")
    with pytest.raises(InputError, match="no document with id 42"):
        store.agreement(42, "topic")


def test_same_figures_as_scikit_learn_and_krippendorff(store: Store) -> None:
    rng = random.Random(6)
    n = 40
    d = store.import_document(doc(lines(n), glossary=False)).document_id
    names = ["ann", "ben", "cai"]
    labels = {a: [rng.choice(["asr", "timing", "speaker"]) for _ in range(n)] for a in names}
    # ben skips 5 segments: for the pair with him they count as "no tag" (his label: nothing).
    skipped = set(rng.sample(range(n), 5))
    for a in names:
        mine = [(i, lab) for i, lab in enumerate(labels[a]) if a != "ben" or i not in skipped]
        store.tag_many(d, [TagSpec(i, "error", lab, annotator=a) for i, lab in mine])
    g = store.agreement(d, "error")
    as_seen = {
        a: [("" if a == "ben" and i in skipped else lab) for i, lab in enumerate(labels[a])] for a in names
    }
    for p in g.pairs:
        assert p.units == n
        assert p.kappa == pytest.approx(cohen_kappa_score(as_seen[p.a], as_seen[p.b]))
    codes = {"": 0, "asr": 1, "timing": 2, "speaker": 3}
    data = np.array([[codes[x] for x in as_seen[a]] for a in names], dtype=float)
    assert g.alpha == pytest.approx(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
