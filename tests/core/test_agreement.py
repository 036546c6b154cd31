"""Cohen's kappa and Krippendorff's alpha (reviewer.core.agreement) against published worked examples,
established libraries (scikit-learn, krippendorff) on random data, and their known properties."""

from __future__ import annotations

import math
import random
from collections import Counter

import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from reviewer.core.agreement import (
    REASON_NO_COMMON_UNITS,
    REASON_NO_PAIRABLE_UNITS,
    REASON_ONE_ANNOTATOR,
    REASON_ONE_LABEL,
    agreement,
    cohen_kappa,
    label_sets,
    presence,
)
from reviewer.core.errors import InputError

_ = None  # a unit the observer did not label


def from_rows(rows: dict[str, list]) -> dict[str, dict[int, object]]:
    """Reliability data as printed in the papers (one row per observer, units 1…N) → our input."""
    return {name: {u: v for u, v in enumerate(row, 1) if v is not None} for name, row in rows.items()}


def from_table(categories: list[str], table: list[list[int]]) -> tuple[dict[int, str], dict[int, str]]:
    """A two-rater contingency table (rows: rater A, columns: rater B) → one unit per counted case."""
    a: dict[int, str] = {}
    b: dict[int, str] = {}
    unit = 0
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            for _k in range(count):
                a[unit], b[unit] = categories[i], categories[j]
                unit += 1
    return a, b


# --- Published worked examples -------------------------------------------------------------------


def test_krippendorff_2011_nominal_four_observers_missing_data() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
    # Communication Departmental Papers 43, example C "Nominal data, any number of observers,
    # missing data": 4 observers, 12 units, alpha_nominal = 0.743. (The same data is Krippendorff,
    # Content Analysis, 4th ed. 2019, ch. 12, p. 290.)
    data = from_rows(
        {
            "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
            "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
            "C": [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
            "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
        }
    )
    result = agreement(data)
    assert round(result.alpha, 3) == 0.743
    # By hand: unit 12 has one value (dropped); n = 40 pairable values; disagreeing pairs weighted
    # by 1/(m_u - 1): units 2, 6, 8 give 6/3 + 12/3 + 6/3 = 8; n_c = 9, 13, 10, 5, 3 (sum of
    # squares 384), so alpha = 1 - 39 * 8 / (1600 - 384) = 1 - 312/1216.
    assert result.alpha == pytest.approx(1 - 312 / 1216, abs=1e-12)
    assert (result.units, result.values, result.unpairable) == (11, 40, 1)
    assert result.observed_disagreement == pytest.approx(8 / 40)
    assert result.expected_disagreement == pytest.approx(1216 / (40 * 39))
    assert result.annotators == ("A", "B", "C", "D")
    assert len(result.pairs) == 6
    # Pair A-B by hand: units 1-9 both labelled, A's 10-12 missing -> B's 10 and 12 excluded;
    # they differ only on unit 6; shares A {1:3, 2:3, 3:2, 4:1}, B {1:2, 2:4, 3:2, 4:1}:
    # p_e = (6 + 12 + 4 + 1) / 81 = 23/81, p_o = 8/9, kappa = (72 - 23) / (81 - 23) = 49/58.
    ab = result.pair("A", "B")
    assert (ab.units, ab.only_a, ab.only_b, ab.excluded) == (9, 0, 2, 2)
    ba = result.pair("B", "A")
    assert (ba.a, ba.b, ba.only_a, ba.only_b, ba.kappa) == ("B", "A", 2, 0, ab.kappa)
    assert ab.observed == pytest.approx(8 / 9)
    assert ab.expected == pytest.approx(23 / 81)
    assert ab.kappa == pytest.approx(49 / 58, abs=1e-12)


def test_krippendorff_2011_binary_two_observers() -> None:
    # Krippendorff (2011), example A "Binary or dichotomous data, two observers, no missing data":
    # 10 units, alpha = 0.095.
    data = from_rows({"A": [0, 1, 0, 0, 0, 0, 0, 0, 1, 0], "B": [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]})
    result = agreement(data)
    assert round(result.alpha, 3) == 0.095
    # By hand: n = 20, 4 disagreeing units -> 8 ordered pairs; n_0 = 14, n_1 = 6:
    # alpha = 1 - 19 * 8 / (400 - 196 - 36) = 16/168.
    assert result.alpha == pytest.approx(16 / 168, abs=1e-12)
    # Cohen's kappa by hand: p_o = 6/10; A has 8 zeros, B 6: p_e = (8*6 + 2*4)/100 = 0.56;
    # kappa = 0.04 / 0.44 = 1/11.
    [pair] = result.pairs
    assert pair.kappa == pytest.approx(1 / 11, abs=1e-12)
    assert (pair.observed, pair.expected) == (pytest.approx(0.6), pytest.approx(0.56))


def test_wikipedia_krippendorff_computational_example() -> None:
    # Wikipedia, "Krippendorff's alpha", section "A computational example" (3 coders, 15 units,
    # nominal alpha = 0.691). By hand: n = 26, disagreement sum 6, n_c = 7, 4, 10, 5:
    # alpha = 1 - 25 * 6 / (676 - 190).
    data = from_rows(
        {
            "A": [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
            "B": [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
            "C": [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
        }
    )
    result = agreement(data)
    assert round(result.alpha, 3) == 0.691
    assert result.alpha == pytest.approx(1 - 150 / 486, abs=1e-12)
    assert (result.units, result.values, result.unpairable) == (12, 26, 1)


def test_wikipedia_cohen_kappa_fifty_applications() -> None:
    # Wikipedia, "Cohen's kappa", example: 50 grant proposals read by A and B; both Yes 20,
    # A Yes / B No 5, A No / B Yes 10, both No 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
    a, b = from_table(["Yes", "No"], [[20, 5], [10, 15]])
    pair = cohen_kappa(a, b, "A", "B")
    assert pair.kappa == pytest.approx(0.4, abs=1e-12)
    assert (pair.units, pair.observed, pair.expected) == (50, pytest.approx(0.7), pytest.approx(0.5))
    assert (pair.a, pair.b, pair.reason) == ("A", "B", None)


def test_sas_skin_condition_four_categories() -> None:
    # SAS/STAT 9.4 User's Guide, The FREQ Procedure, "Getting Started: Agreement Study": two
    # dermatologists rate 88 patients terrible/poor/marginal/clear; simple kappa = 0.3449.
    # By hand: diagonal 45; row totals 15, 29, 23, 21; column totals 17, 20, 31, 20;
    # sum of products 1968; kappa = (88 * 45 - 1968) / (88² - 1968) = 1992/5776.
    table = [[10, 4, 1, 0], [5, 10, 12, 2], [2, 4, 12, 5], [0, 2, 6, 13]]
    a, b = from_table(["terrible", "poor", "marginal", "clear"], table)
    pair = cohen_kappa(a, b, "Derm1", "Derm2")
    assert round(pair.kappa, 4) == 0.3449
    assert pair.kappa == pytest.approx(1992 / 5776, abs=1e-12)
    assert pair.observed == pytest.approx(45 / 88)


# --- Degenerate cases ------------------------------------------------------------------------------


def test_one_label_everywhere_is_undefined_not_an_error() -> None:
    data = {"ann": {0: "Alice", 1: "Alice", 2: "Alice"}, "bob": {0: "Alice", 1: "Alice", 3: "Bob"}}
    result = agreement(data)
    assert result.alpha is None and result.reason == REASON_ONE_LABEL
    assert result.observed_disagreement == 0.0 and result.expected_disagreement == 0.0
    [pair] = result.pairs
    assert pair.kappa is None and pair.reason == REASON_ONE_LABEL
    # They did agree on every compared unit: that much is still reported.
    assert (pair.units, pair.observed, pair.expected, pair.only_a, pair.only_b) == (2, 1.0, 1.0, 1, 1)


def test_one_label_each_but_different_labels_is_defined() -> None:
    # p_e = 0 here, not 1: total disagreement, kappa 0 (no better than chance).
    pair = cohen_kappa({0: "x", 1: "x"}, {0: "y", 1: "y"})
    assert (pair.kappa, pair.observed, pair.expected) == (0.0, 0.0, 0.0)


def test_no_units_in_common() -> None:
    result = agreement({"a": {0: "x", 1: "y"}, "b": {2: "x", 3: "y", 4: "x"}})
    assert result.alpha is None and result.reason == REASON_NO_PAIRABLE_UNITS
    assert (result.units, result.values, result.unpairable) == (0, 0, 5)
    [pair] = result.pairs
    assert pair.kappa is None and pair.reason == REASON_NO_COMMON_UNITS
    assert (pair.units, pair.observed, pair.expected, pair.only_a, pair.only_b) == (0, None, None, 2, 3)


@pytest.mark.parametrize("data", [{}, {"solo": {0: "x", 1: "y"}}])
def test_fewer_than_two_annotators(data) -> None:
    result = agreement(data)
    assert result.alpha is None and result.reason == REASON_ONE_ANNOTATOR
    assert result.pairs == ()
    assert result.annotators == tuple(data)


def test_an_annotator_with_no_labels_takes_part_in_no_pair() -> None:
    result = agreement({"a": {0: 1, 1: 2}, "b": {0: 1, 1: 2}, "idle": {}})
    assert result.alpha == 1.0
    assert result.pair("a", "b").kappa == 1.0
    assert result.pair("a", "idle").reason == REASON_NO_COMMON_UNITS
    assert result.pair("idle", "b").only_b == 2


def test_none_label_means_missing() -> None:
    with_none = agreement({"a": {0: "x", 1: "y", 2: None}, "b": {0: "x", 1: "x", 2: "y"}})
    without = agreement({"a": {0: "x", 1: "y"}, "b": {0: "x", 1: "x", 2: "y"}})
    assert with_none == without
    assert with_none.unpairable == 1


def test_labels_of_any_hashable_type() -> None:
    topics = {"a": {0: ("Tech", "AI"), 1: ("Tech",), 2: ("Life",)}, "b": {0: ("Tech", "AI"), 1: ("Life",)}}
    numbers = {"a": {0: 0, 1: 1, 2: 2}, "b": {0: 0, 1: 2}}
    assert agreement(topics).alpha == agreement(numbers).alpha is not None


def test_unhashable_label_is_one_input_error_line() -> None:
    with pytest.raises(InputError) as err:
        agreement({"ann": {0: "x", 3: ["Tech", "AI"]}, "bob": {0: "x"}})
    assert str(err.value) == (
        "annotator 'ann', segment 3: a label must be hashable (a str, number, tuple or frozenset), not list"
    )
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("bad", [None, [("a", 0, "x")], {"a": [1, 2]}, {"a": "xyz"}])
def test_wrong_shape_is_an_input_error(bad) -> None:
    with pytest.raises(InputError, match=r"annotator|agreement needs"):
        agreement(bad)


# --- Multi-label units -----------------------------------------------------------------------------


def test_label_sets_exact_match_policy() -> None:
    rows = [
        ("ann", 0, "AI"),
        ("ann", 0, "Video"),
        ("ann", 1, "AI"),
        ("bob", 0, "Video"),
        ("bob", 0, "AI"),
        ("bob", 1, "AI"),
        ("bob", 1, "Startups"),
        ("bob", 2, "AI"),
    ]
    sets = label_sets(rows)
    assert sets == {
        "ann": {0: frozenset({"AI", "Video"}), 1: frozenset({"AI"})},
        "bob": {0: frozenset({"AI", "Video"}), 1: frozenset({"AI", "Startups"}), 2: frozenset({"AI"})},
    }
    # Unit 0: same set (agree); unit 1: {AI} vs {AI, Startups} (disagree); unit 2: ann missing.
    pair = agreement(sets).pair("ann", "bob")
    assert (pair.units, pair.observed, pair.only_b) == (2, 0.5, 1)
    # Both coded segments 0-3: untagged becomes the label "no tag"; ann also had no row for 2.
    coded = label_sets(rows, units=range(4), annotators=["cara"])
    assert coded["ann"][2] == frozenset() and coded["bob"][3] == frozenset()
    assert coded["cara"] == {u: frozenset() for u in range(4)}
    pair = agreement(coded).pair("ann", "bob")
    assert (pair.units, pair.excluded) == (4, 0)
    # Agree on units 0 and 3, not on 1 and 2: p_o = 1/2. Labels: ann {AV, A, -, -}, bob {AV, AS, A, -}
    # -> p_e = (1*1 + 1*1 + 2*1) / 16 = 1/4, kappa = (1/2 - 1/4) / (3/4) = 1/3.
    assert pair.kappa == pytest.approx(1 / 3, abs=1e-12)


def test_presence_one_binary_labelling_per_label() -> None:
    rows = [("ann", 0, "AI"), ("ann", 1, "AI"), ("bob", 0, "AI"), ("bob", 2, "Video")]
    per_label = presence(rows, units=range(3))
    assert list(per_label) == ["AI", "Video"]
    assert per_label["AI"] == {"ann": {0: True, 1: True, 2: False}, "bob": {0: True, 1: False, 2: False}}
    assert per_label["Video"] == {"ann": {0: False, 1: False, 2: False}, "bob": {0: False, 1: False, 2: True}}
    # AI: agree on 0 and 2, not 1: p_o = 2/3; ann yes 2/3, bob yes 1/3: p_e = (2*1 + 1*2)/9 = 4/9;
    # kappa = (2/3 - 4/9) / (5/9) = 2/5.
    assert agreement(per_label["AI"]).pairs[0].kappa == pytest.approx(0.4, abs=1e-12)
    # Without units, an annotator's untagged segments are missing: "Video" compares unit 0 only.
    assert agreement(presence(rows)["Video"]).pairs[0].units == 1


# --- Cross-checks with established libraries on random data ----------------------------------------


@st.composite
def reliability_data(draw, min_annotators: int = 2, max_annotators: int = 5, missing: bool = True):
    """annotator → unit → label (0…k-1), some units missing for some annotators."""
    n_annotators = draw(st.integers(min_annotators, max_annotators))
    n_units = draw(st.integers(1, 40))
    k = draw(st.integers(1, 5))
    label = st.integers(0, k - 1)
    cell = st.one_of(st.none(), label) if missing else label
    return {
        f"ann{i}": {
            u: v
            for u, v in enumerate(draw(st.lists(cell, min_size=n_units, max_size=n_units)))
            if v is not None
        }
        for i in range(n_annotators)
    }


@settings(max_examples=150, deadline=None)
@given(reliability_data())
def test_alpha_matches_the_krippendorff_package(data) -> None:
    result = agreement(data)
    assume(result.alpha is not None)
    units = sorted({u for labels in data.values() for u in labels})
    matrix = [[labels.get(u, np.nan) for u in units] for labels in data.values()]
    theirs = krippendorff.alpha(
        reliability_data=np.array(matrix, dtype=float), level_of_measurement="nominal"
    )
    assert result.alpha == pytest.approx(theirs, abs=1e-9)


@settings(max_examples=150, deadline=None)
@given(reliability_data(max_annotators=2))
def test_kappa_matches_scikit_learn(data) -> None:
    a, b = data.values()
    pair = cohen_kappa(a, b)
    common = [u for u in a if u in b]
    assert pair.units == len(common)
    assume(pair.kappa is not None)
    theirs = cohen_kappa_score([a[u] for u in common], [b[u] for u in common])
    assert pair.kappa == pytest.approx(theirs, abs=1e-9)


# --- Properties ------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(reliability_data())
def test_range_and_symmetry(data) -> None:
    result = agreement(data)
    reverse = agreement(dict(reversed(list(data.items()))))
    assert result.alpha == reverse.alpha
    assert (result.reason is None) == (result.alpha is not None)
    if result.alpha is not None:
        assert -1.0 <= result.alpha <= 1.0
    for pair in result.pairs:
        [flipped] = [p for p in reverse.pairs if (p.a, p.b) == (pair.b, pair.a)]
        assert (flipped.kappa, flipped.units, flipped.observed, flipped.expected) == (
            pair.kappa,
            pair.units,
            pair.observed,
            pair.expected,
        )
        assert (flipped.only_a, flipped.only_b) == (pair.only_b, pair.only_a)
        assert (pair.reason is None) == (pair.kappa is not None)
        if pair.kappa is not None:
            assert -1.0 <= pair.kappa <= 1.0


@settings(max_examples=200, deadline=None)
@given(reliability_data(), st.permutations(["red", ("x", 1), frozenset({"AI"}), 7.5, "五"]))
def test_renaming_labels_changes_nothing(data, names) -> None:
    renamed = {a: {u: names[v] for u, v in labels.items()} for a, labels in data.items()}
    assert agreement(renamed) == agreement(data)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 3), min_size=1, max_size=40),
    st.lists(st.lists(st.booleans(), min_size=40, max_size=40), min_size=2, max_size=5),
)
def test_perfect_agreement_is_one(truth, coded) -> None:
    # Every annotator gives each unit they code its one true label; they code different units.
    data = {f"ann{i}": {u: t for u, t in enumerate(truth) if mask[u]} for i, mask in enumerate(coded)}
    result = agreement(data)
    pairable = Counter(t for u, t in enumerate(truth) if sum(mask[u] for mask in coded) >= 2)
    if len(pairable) >= 2:
        assert result.alpha == 1.0
    else:
        assert result.alpha is None
    for pair in result.pairs:
        assert pair.kappa in (1.0, None)
        assert pair.observed in (1.0, None)


def scott_pi(a: list, b: list) -> float | None:
    """Scott's pi, computed here independently: chance from the pooled label shares."""
    n = len(a)
    p_o = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pooled = Counter(a) + Counter(b)
    p_e = sum((k / (2 * n)) ** 2 for k in pooled.values())
    return None if p_e == 1 else (p_o - p_e) / (1 - p_e)


@settings(max_examples=150, deadline=None)
@given(reliability_data(max_annotators=2, missing=False))
def test_two_annotators_alpha_is_scotts_pi_corrected(data) -> None:
    # Krippendorff (2011): for two observers and no missing data alpha = pi + (1 - pi) / 2N.
    a, b = (list(labels.values()) for labels in data.values())
    pi = scott_pi(a, b)
    result = agreement(data)
    if pi is None:
        assert result.alpha is None
    else:
        assert result.alpha == pytest.approx(pi + (1 - pi) / (2 * len(a)), abs=1e-12)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.integers(0, 4), min_size=1, max_size=60).flatmap(
        lambda a: st.tuples(st.just(a), st.permutations(a))
    )
)
def test_same_label_shares_make_kappa_equal_pi(pair_of_lists) -> None:
    # B uses exactly A's labels, in another order: equal marginals, so Cohen's chance term is
    # Scott's, kappa == pi, and alpha = kappa + (1 - kappa) / 2N.
    a, b = pair_of_lists
    result = agreement({"A": dict(enumerate(a)), "B": dict(enumerate(b))})
    [pair] = result.pairs
    pi = scott_pi(a, b)
    if pi is None:
        assert pair.kappa is None and result.alpha is None
    else:
        assert pair.kappa == pytest.approx(pi, abs=1e-12)
        assert result.alpha == pytest.approx(pair.kappa + (1 - pair.kappa) / (2 * len(a)), abs=1e-12)


def test_alpha_close_to_kappa_for_large_n() -> None:
    # Two annotators labelling 5,000 segments from the same label shares, agreeing on ~70%:
    # alpha and kappa differ only by the marginals' sampling noise and the 1/2N term.
    rng = random.Random(6)
    speakers = ["Host", "Guest", "Caller", "Producer"]
    weights = [0.5, 0.3, 0.15, 0.05]
    a = rng.choices(speakers, weights, k=5000)
    b = [x if rng.random() < 0.7 else rng.choices(speakers, weights)[0] for x in a]
    result = agreement({"A": dict(enumerate(a)), "B": dict(enumerate(b))})
    [pair] = result.pairs
    assert 0.5 < pair.kappa < 0.8
    assert abs(result.alpha - pair.kappa) < 0.01


anything = st.recursive(
    st.one_of(st.none(), st.integers(), st.text(max_size=3), st.floats(), st.booleans()),
    lambda inner: st.one_of(
        st.tuples(inner, inner), st.frozensets(st.integers(0, 3), max_size=3), st.lists(inner)
    ),
    max_leaves=4,
)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.text(max_size=3), st.dictionaries(st.integers(0, 10), anything, max_size=8), max_size=5
    )
)
def test_no_crash_on_any_input(data) -> None:
    try:
        result = agreement(data)
    except InputError as err:  # only an unhashable label (a list somewhere) may be refused
        assert "must be hashable" in str(err)
        return
    if result.alpha is not None:
        assert math.isfinite(result.alpha) and -1.0 <= result.alpha <= 1.0
    for pair in result.pairs:
        assert pair.kappa is None or (math.isfinite(pair.kappa) and -1.0 <= pair.kappa <= 1.0)
