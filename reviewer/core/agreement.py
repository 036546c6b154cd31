"""Agreement between annotators on nominal labels: Cohen's kappa per pair, Krippendorff's alpha per group.

Input: ``labels[annotator][unit] = label``. A unit is a segment index; a label is any hashable
value (a speaker name, a topic path tuple, an error type key, a frozenset of topics). A unit an
annotator did not label is *missing* for that annotator: leave it out of their mapping (a label of
``None`` counts as missing too). Labels are compared by ``==``/hash only (nominal data: no label is
"closer" to another; as in a dict, 1, 1.0 and True are one label).

Cohen's kappa (Cohen 1960) compares two annotators on the units *both* labelled; the units only
one of them labelled are excluded and counted (``PairAgreement.only_a`` / ``only_b``)::

    kappa = (p_o - p_e) / (1 - p_e)

p_o is the share of compared units with the same label, p_e the agreement expected by chance from
each annotator's own label shares. It is computed from exact integer counts, then divided once.

Krippendorff's alpha, nominal metric (Krippendorff 2011, "Computing Krippendorff's
Alpha-Reliability"), for 2 or more annotators with missing data: only units with labels from at
least 2 annotators are pairable; a unit labelled by one annotator only is dropped (counted in
``GroupAgreement.unpairable``). From the coincidence matrix over the n pairable values::

    alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_u (m_u² - sum_c n_uc²) / (m_u - 1) / (n² - sum_c n_c²)

(m_u values in unit u, n_uc of them label c, n_c values labelled c in all). Computed exactly with
fractions. For two annotators with no missing data alpha = pi + (1 - pi) / 2N (Scott's pi over N
units), which approaches kappa when the two use the labels in similar proportions.

Undefined cases return ``None`` with a ``reason`` (one of the ``REASON_*`` strings), never NaN
and never ZeroDivisionError:

- no unit labelled by both annotators (kappa) / by any two annotators (alpha): nothing to compare;
- every compared label is one and the same label: chance agreement is already 1 (expected
  disagreement 0), so agreement beyond chance is 0/0. ``observed`` still says they all agreed;
- fewer than 2 annotators (alpha; no pairs).

Multi-label units (a segment with two topics, or two error types, from one annotator). Policy:
**exact set match**. The unit's label is the ``frozenset`` of the labels the annotator gave it, and
two annotators agree on the unit only if their sets are equal: {A, B} against {A} is a
disagreement, as it is for a reviewer who asks "did we tag this segment the same way?".
``label_sets`` builds such labels from (annotator, unit, label) rows. When the annotators were all
asked to code the same segments (usually: the whole document), pass those ``units`` so a segment
an annotator left untagged counts as the label "no tag" (an empty frozenset) rather than as
missing; otherwise two annotators who tagged different segments would show "nothing in common"
instead of disagreeing. To see *which* label they disagree on, ``presence`` gives one yes/no
labelling per label (is topic T on this segment?), to be passed to ``agreement`` label by label.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, replace
from fractions import Fraction

from reviewer.core.errors import InputError

UnitLabels = Mapping[Hashable, Hashable]  # one annotator: unit (segment index) → label
Labels = Mapping[str, UnitLabels]  # annotator → unit → label
Row = tuple[str, Hashable, Hashable]  # (annotator, unit, label), e.g. one stored tag

REASON_NO_COMMON_UNITS = "no segment was labelled by both annotators"
REASON_NO_PAIRABLE_UNITS = "no segment was labelled by two or more annotators"
REASON_ONE_LABEL = "every compared segment has the same label, so agreement beyond chance is undefined"
REASON_ONE_ANNOTATOR = "agreement needs at least two annotators"


@dataclass(frozen=True)
class PairAgreement:
    """Cohen's kappa of annotators ``a`` and ``b`` over the ``units`` both labelled."""

    a: str
    b: str
    kappa: float | None  # None when undefined: see ``reason``
    units: int  # units both labelled (the ones compared)
    observed: float | None  # p_o, share of compared units with equal labels; None if units == 0
    expected: float | None  # p_e, chance agreement from each one's label shares; None if units == 0
    only_a: int  # units labelled by a only (excluded)
    only_b: int  # units labelled by b only (excluded)
    reason: str | None = None  # why kappa is None

    @property
    def excluded(self) -> int:
        """Units labelled by one of the two only, left out of the comparison."""
        return self.only_a + self.only_b


@dataclass(frozen=True)
class GroupAgreement:
    """Krippendorff's alpha over all annotators, plus Cohen's kappa for every pair of them."""

    alpha: float | None  # None when undefined: see ``reason``
    units: int  # pairable units: labelled by two or more annotators
    annotators: tuple[str, ...]
    pairs: tuple[PairAgreement, ...]  # every pair, in the annotators' order
    values: int  # labels in the pairable units (Krippendorff's n)
    unpairable: int  # units labelled by exactly one annotator (dropped)
    observed_disagreement: float | None  # D_o; None if no pairable unit
    expected_disagreement: float | None  # D_e; None if no pairable unit
    reason: str | None = None  # why alpha is None

    def pair(self, a: str, b: str) -> PairAgreement:
        """The pair of ``a`` and ``b``, oriented as asked (``only_a`` counts ``a``'s units)."""
        for p in self.pairs:
            if (p.a, p.b) == (a, b):
                return p
            if (p.a, p.b) == (b, a):  # kappa, p_o and p_e are symmetric; only the counts swap
                return replace(p, a=a, b=b, only_a=p.only_b, only_b=p.only_a)
        raise KeyError((a, b))


class _Codes:
    """Numbers labels 0, 1, 2… so counting needs only dicts of ints; ``==``/hash decide sameness."""

    def __init__(self) -> None:
        self._codes: dict[Hashable, int] = {}

    def __call__(self, annotator: str, unit: Hashable, label: Hashable) -> int:
        try:
            return self._codes.setdefault(label, len(self._codes))
        except TypeError:
            raise InputError(
                f"annotator {annotator!r}, segment {unit!r}: a label must be hashable "
                f"(a str, number, tuple or frozenset), not {type(label).__name__}"
            ) from None


def _checked(labels: object) -> dict[str, UnitLabels]:
    if not isinstance(labels, Mapping):
        raise InputError(f"agreement needs annotator → segment → label, not {type(labels).__name__}")
    for annotator, units in labels.items():
        if not isinstance(units, Mapping):
            raise InputError(
                f"annotator {annotator!r}: labels must map segment → label, not {type(units).__name__}"
            )
    return dict(labels)


def _coded(annotator: str, units: UnitLabels, code: _Codes) -> dict[Hashable, int]:
    return {u: code(annotator, u, lab) for u, lab in units.items() if lab is not None}


def _kappa(a: str, b: str, la: Mapping[Hashable, int], lb: Mapping[Hashable, int]) -> PairAgreement:
    common = [u for u in la if u in lb]
    n = len(common)
    only_a, only_b = len(la) - n, len(lb) - n
    if n == 0:
        return PairAgreement(a, b, None, 0, None, None, only_a, only_b, REASON_NO_COMMON_UNITS)
    same = sum(la[u] == lb[u] for u in common)
    shares_a = Counter(la[u] for u in common)
    shares_b = Counter(lb[u] for u in common)
    chance = sum(k * shares_b[c] for c, k in shares_a.items())  # n² · p_e
    observed, expected = same / n, chance / (n * n)
    if chance == n * n:  # p_e = 1: both gave every unit the one same label
        return PairAgreement(a, b, None, n, observed, expected, only_a, only_b, REASON_ONE_LABEL)
    # (p_o - p_e) / (1 - p_e), multiplied through by n² to stay in integers until the end.
    kappa = (n * same - chance) / (n * n - chance)
    return PairAgreement(a, b, kappa, n, observed, expected, only_a, only_b)


def cohen_kappa(labels_a: UnitLabels, labels_b: UnitLabels, a: str = "a", b: str = "b") -> PairAgreement:
    """Cohen's kappa of two annotators' labels (unit → label) over the units both labelled."""
    _checked({a: labels_a})
    _checked({b: labels_b})
    code = _Codes()  # shared, so equal labels of a and b get the same code
    return _kappa(a, b, _coded(a, labels_a, code), _coded(b, labels_b, code))


def agreement(labels: Labels) -> GroupAgreement:
    """Krippendorff's alpha (nominal) of all annotators and Cohen's kappa of each pair.

    ``labels``: annotator → unit → label; see the module docstring for missing units, ``None``
    labels, multi-label units and the undefined cases. Raises InputError (one line) when the
    input is not that shape or a label is not hashable.
    """
    checked = _checked(labels)
    code = _Codes()
    coded = {annotator: _coded(annotator, units, code) for annotator, units in checked.items()}
    annotators = tuple(coded)
    pairs = tuple(_kappa(a, b, coded[a], coded[b]) for a, b in itertools.combinations(annotators, 2))

    by_unit: dict[Hashable, list[int]] = defaultdict(list)
    for units in coded.values():
        for unit, c in units.items():
            by_unit[unit].append(c)
    unpairable = sum(len(values) == 1 for values in by_unit.values())

    # Coincidence-matrix sums, grouped by m (values in the unit): each unit adds its disagreeing
    # ordered pairs of values weighted 1/(m - 1); grouping keeps the Fraction work to a few terms.
    disagreeing_by_m: Counter[int] = Counter()
    totals: Counter[int] = Counter()  # n_c
    units = 0
    for values in by_unit.values():
        m = len(values)
        if m < 2:
            continue
        units += 1
        in_unit = Counter(values)
        totals.update(in_unit)
        disagreeing_by_m[m] += m * m - sum(k * k for k in in_unit.values())
    n = sum(totals.values())

    def result(
        alpha: float | None, d_o: float | None, d_e: float | None, reason: str | None
    ) -> GroupAgreement:
        return GroupAgreement(alpha, units, annotators, pairs, n, unpairable, d_o, d_e, reason)

    if len(annotators) < 2:
        return result(None, None, None, REASON_ONE_ANNOTATOR)
    if units == 0:
        return result(None, None, None, REASON_NO_PAIRABLE_UNITS)
    disagreement = sum((Fraction(d, m - 1) for m, d in disagreeing_by_m.items()), Fraction(0))
    chance = n * n - sum(k * k for k in totals.values())  # sum over c ≠ k of n_c · n_k
    d_o = disagreement / n
    if chance == 0:  # one label for every pairable value: D_e = 0
        return result(None, float(d_o), 0.0, REASON_ONE_LABEL)
    d_e = Fraction(chance, n * (n - 1))
    return result(float(1 - d_o / d_e), float(d_o), float(d_e), None)


def label_sets(
    rows: Iterable[Row], units: Iterable[Hashable] | None = None, annotators: Iterable[str] = ()
) -> dict[str, dict[Hashable, frozenset]]:
    """Exact-set labels for multi-label tags: annotator → unit → frozenset of the unit's labels.

    ``rows`` are (annotator, unit, label) triples, e.g. one per stored tag. With ``units`` (the
    segments every annotator was to code), each annotator gets every one of them, an empty
    frozenset where they tagged nothing; ``annotators`` adds annotators who have no row at all.
    """
    sets: dict[str, dict[Hashable, set]] = {a: {} for a in annotators}
    for annotator, unit, label in rows:
        try:
            sets.setdefault(annotator, {}).setdefault(unit, set()).add(label)
        except TypeError:
            raise InputError(f"annotator {annotator!r}, segment {unit!r}: a label must be hashable") from None
    everywhere = list(units) if units is not None else []
    return {
        a: {**{u: frozenset() for u in everywhere}, **{u: frozenset(s) for u, s in mine.items()}}
        for a, mine in sets.items()
    }


def presence(
    rows: Iterable[Row], units: Iterable[Hashable] | None = None, annotators: Iterable[str] = ()
) -> dict[Hashable, dict[str, dict[Hashable, bool]]]:
    """One yes/no labelling per label: label → annotator → unit → whether they gave it that label.

    The units an annotator coded are ``units`` when given (all annotators coded them all), else
    the units they tagged with anything; elsewhere the annotator is missing, as in ``label_sets``.
    """
    sets = label_sets(rows, units, annotators)
    # In order of first appearance (labels need not be sortable), so output order is stable.
    every_label = dict.fromkeys(label for mine in sets.values() for s in mine.values() for label in s)
    return {
        label: {a: {u: label in s for u, s in mine.items()} for a, mine in sets.items()}
        for label in every_label
    }
