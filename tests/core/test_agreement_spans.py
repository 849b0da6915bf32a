"""Tests for annotator.core.agreement.spans: span matching, F1 and alpha_U."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from annotator.core.agreement import (
    F1Result,
    Unit,
    combine_f1,
    match_spans,
    pairwise_span_f1,
    span_f1,
    unitizing_alpha,
    unitizing_alpha_multi,
    unitizing_disagreements,
)

REFERENCE = [(0, 5, "ACTOR"), (10, 15, "DATE"), (20, 25, "ACTOR")]
OTHER = [(0, 5, "ACTOR"), (10, 15, "ACTOR"), (21, 25, "ACTOR"), (30, 35, "DATE")]


def _counts(result: F1Result) -> tuple[int, int, int]:
    return result.tp, result.fp, result.fn


def test_exact_f1_by_label() -> None:
    # Only (0, 5, ACTOR) matches: tp 1, fp 3, fn 2 -> P 1/4, R 1/3, F1 2/(2 + 3 + 2) = 2/7.
    result = span_f1(REFERENCE, OTHER, "exact")
    assert _counts(result) == (1, 3, 2)
    assert (result.precision, result.recall) == pytest.approx((1 / 4, 1 / 3))
    assert result.f1 == pytest.approx(2 / 7)


def test_exact_f1_ignoring_labels() -> None:
    # (0, 5) and (10, 15) match: tp 2, fp 2, fn 1 -> F1 4/7.
    result = span_f1(REFERENCE, OTHER, "exact", by_label=False)
    assert _counts(result) == (2, 2, 1)
    assert result.f1 == pytest.approx(4 / 7)


def test_overlap_f1() -> None:
    # By label: (0,5)~(0,5) and (20,25)~(21,25); (10,15) DATE vs ACTOR does not count.
    assert _counts(span_f1(REFERENCE, OTHER, "overlap")) == (2, 2, 1)
    # Without labels all three reference spans find a partner: P 3/4, R 1, F1 6/7.
    result = span_f1(REFERENCE, OTHER, "overlap", by_label=False)
    assert _counts(result) == (3, 1, 0)
    assert result.f1 == pytest.approx(6 / 7)


def test_overlap_matching_is_one_to_one_and_maximal() -> None:
    # One long reference span cannot absorb two short ones.
    assert _counts(span_f1([(0, 10)], [(0, 3), (5, 9)], "overlap")) == (1, 1, 0)
    # b0 overlaps a0 a lot (Jaccard .9) and a1 a little; b1 overlaps only a0. Pairing by the
    # largest overlap would leave one match; the maximum matching a0-b1, a1-b0 has two.
    a = [(0, 10), (9, 12)]
    b = [(1, 10), (0, 1)]
    assert sorted(match_spans(a, b, "overlap")) == [(0, 1), (1, 0)]
    assert span_f1(a, b, "overlap").f1 == pytest.approx(1.0)
    # Among maximum matchings the larger overlaps win: a0 pairs with (0, 9), not (8, 12).
    assert match_spans([(0, 10), (8, 20)], [(8, 12), (0, 9)], "overlap") == [(0, 1), (1, 0)]


def test_touching_spans_do_not_overlap() -> None:
    assert _counts(span_f1([(0, 5)], [(5, 9)], "overlap", by_label=False)) == (0, 1, 1)


def test_exact_matching_with_duplicates() -> None:
    assert _counts(span_f1([(0, 5), (0, 5)], [(0, 5)], "exact")) == (1, 0, 1)


def test_f1_is_symmetric_in_f1_and_swaps_precision_recall() -> None:
    for match in ("exact", "overlap"):
        forward, backward = span_f1(REFERENCE, OTHER, match), span_f1(OTHER, REFERENCE, match)
        assert forward.f1 == pytest.approx(backward.f1)
        assert (forward.precision, forward.recall) == pytest.approx(
            (backward.recall, backward.precision)
        )


def test_span_like_inputs() -> None:
    @dataclass(frozen=True)
    class Span:  # shaped like the core model: extra fields are ignored
        start: int
        end: int
        label: str
        note: str = ""

    objects = [Span(0, 5, "ACTOR"), Span(10, 15, "DATE"), Span(20, 25, "ACTOR", "x")]
    namespaces = [SimpleNamespace(start=s, end=e, label=lab) for s, e, lab in REFERENCE]
    units = [Unit(*span) for span in REFERENCE]
    for spans in (objects, namespaces, units):
        assert _counts(span_f1(spans, OTHER, "exact")) == (1, 3, 2)
    assert _counts(span_f1([(0, 5)], [Unit(0, 5)], "exact")) == (1, 0, 0)


def test_empty_and_invalid_spans() -> None:
    both_empty = span_f1([], [], "exact")
    assert math.isnan(both_empty.precision) and math.isnan(both_empty.f1)
    nothing_found = span_f1([(0, 5)], [], "overlap")
    assert nothing_found.recall == 0 and nothing_found.f1 == 0
    assert math.isnan(nothing_found.precision)
    with pytest.raises(ValueError):
        Unit(5, 5)
    with pytest.raises(TypeError):
        span_f1(["abc"], [], "exact")
    with pytest.raises(ValueError, match="match"):
        span_f1([], [], "fuzzy")  # type: ignore[arg-type]


def test_pairwise_f1_and_micro_average() -> None:
    spans = {"ann": REFERENCE, "bob": OTHER, "cy": REFERENCE}
    results = pairwise_span_f1(spans, "exact")
    assert list(results) == [("ann", "bob"), ("ann", "cy"), ("bob", "cy")]
    assert _counts(results["ann", "bob"]) == (1, 3, 2)
    assert results["ann", "cy"].f1 == 1.0
    assert _counts(results["bob", "cy"]) == (1, 2, 3)
    total = combine_f1(results.values())
    assert _counts(total) == (1 + 3 + 1, 3 + 0 + 2, 2 + 0 + 3)
    assert total.f1 == pytest.approx(2 * 5 / (2 * 5 + 5 + 5))


# --- Krippendorff's alpha_U -----------------------------------------------------------------


def test_alpha_u_hand_computed() -> None:
    # Continuum L = 10, two coders, one category. A marks [2, 5), B marks [3, 5).
    # Segments  A: gap [0,2) | unit [2,5) | gap [5,10)     B: gap [0,3) | unit [3,5) | gap [5,10)
    # Observed: unit/unit (2-3)^2 + (5-5)^2 = 1; A's unit is not inside B's gap [0,3) and B's
    #   unit is not inside a gap of A, so nothing else. Both orders: 2.
    #   D_o = 2 / (m(m-1) L^2) = 2 / (2 * 100) = 0.01
    # Expected (Krippendorff 2004): units l = 3, 2 (N = 2); gaps 2, 5, 3, 5; mL = 20.
    #   l = 3: (N-1)(2*27 - 3*9 + 3)/3 = 10;  9 * [(5-3+1) + (3-3+1) + (5-3+1)] = 9 * 7 = 63
    #   l = 2: (N-1)(2*8 - 3*4 + 2)/3 = 2;    4 * [(2-2+1) + 4 + 2 + 4] = 4 * 11 = 44
    #   numerator = 73 + 46 = 119; denominator = mL(mL-1) - sum l(l-1) = 380 - (6 + 2) = 372
    #   D_e = (2 / L) * 119 / 372 = 23.8 / 372 = 0.063978...
    # alpha_U = 1 - 0.01 / 0.063978 = 0.843697...
    spans = {"A": [(2, 5)], "B": [(3, 5)]}
    observed, expected = unitizing_disagreements(10, spans)
    assert observed == pytest.approx(0.01)
    assert expected == pytest.approx(23.8 / 372)
    assert unitizing_alpha(10, spans) == pytest.approx(1 - 0.01 * 372 / 23.8)
    assert unitizing_alpha(10, {"B": [(3, 5)], "A": [(2, 5)]}) == pytest.approx(0.8437, abs=5e-5)


def _krippendorff_2004_example() -> dict[str, list[tuple[int, int, str]]]:
    # Krippendorff (2004) Content Analysis, 2nd ed., p. 254: two coders on a continuum running
    # from 150 to 450, categories c and k (shifted here to start at 0), as encoded in
    # DKPro Statistics' Krippendorff2004Test. Expected there: category c D_o = .0144,
    # D_e = .0532, alpha = .7286; category k alpha = 1. Hand check of D_o(c): unit pairs
    # (225-220)^2 + (295-300)^2 = 50 and (370-355)^2 + (400-375)^2 = 850, j's unit [400, 420)
    # inside i's gap [400, 450): 20^2 = 400; 2 * 1300 / (2 * 300^2) = 0.01444.
    def shift(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        return [(start - 150, end - 150, label) for start, end, label in spans]

    return {
        "i": shift([(180, 240, "k"), (225, 295, "c"), (300, 350, "k"), (370, 400, "c")]),
        "j": shift(
            [(180, 240, "k"), (220, 300, "c"), (300, 350, "k"), (355, 375, "c"), (400, 420, "c")]
        ),
    }


def test_alpha_u_krippendorff_2004_example() -> None:
    spans = _krippendorff_2004_example()
    observed, expected = unitizing_disagreements(300, spans, label="c")
    assert observed == pytest.approx(0.0144, abs=5e-5)
    assert expected == pytest.approx(0.0532, abs=5e-5)
    assert unitizing_alpha(300, spans, label="c") == pytest.approx(0.7286, abs=5e-5)
    assert unitizing_alpha(300, spans, label="k") == pytest.approx(1.0)
    assert unitizing_disagreements(300, spans, label="k")[1] == pytest.approx(0.0490, abs=5e-5)


KRIPPENDORFF_1995 = {
    # Krippendorff (1995) "On the reliability of unitizing continuous data", p. 57: four pairs
    # of coders on a 24-unit continuum, as (offset, length), as encoded in DKPro Statistics'
    # Krippendorff1995Test, which asserts these observed disagreements. (DKPro notes an error
    # in the paper's expected disagreement, so only D_o is checked here.)
    "A": ([(2, 8), (14, 6)], [(4, 4), (15, 2)], 0.03125),
    "B": ([(0, 18)], [(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)], 2.26736),
    "C": (
        [(2, 6), (10, 2), (14, 4), (20, 2)],
        [(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)],
        0.02777,
    ),
    "D": (
        [(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)],
        [(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)],
        0.38715,
    ),
}


@pytest.mark.parametrize("example", sorted(KRIPPENDORFF_1995))
def test_alpha_u_krippendorff_1995_observed_disagreement(example: str) -> None:
    first, second, published = KRIPPENDORFF_1995[example]
    spans = {
        coder: [(offset, offset + length) for offset, length in marks]
        for coder, marks in (("x", first), ("y", second))
    }
    assert unitizing_disagreements(24, spans)[0] == pytest.approx(published, abs=1e-5)


def _brute_force_observed(length: int, first: list, second: list) -> float:
    """D_o by the definition, over all segment pairs (no sweep), for two coders."""

    def tiles(units: list) -> list[tuple[int, int, bool]]:
        cuts = sorted({0, length, *(p for unit in units for p in unit)})
        marked = {(s, e) for s, e in units}
        return [(s, e, (s, e) in marked) for s, e in zip(cuts, cuts[1:], strict=False) if s < e]

    def inside(unit: tuple, gap: tuple) -> bool:
        return gap[0] <= unit[0] and unit[1] <= gap[1]

    total = 0
    for g in tiles(first):
        for h in tiles(second):
            if g[2] and h[2] and g[0] < h[1] and h[0] < g[1]:
                total += (g[0] - h[0]) ** 2 + (g[1] - h[1]) ** 2
            elif g[2] and not h[2] and inside(g, h):
                total += (g[1] - g[0]) ** 2
            elif h[2] and not g[2] and inside(h, g):
                total += (h[1] - h[0]) ** 2
    return 2 * total / (2 * length**2)


def _random_tiling(rng: random.Random, length: int) -> list[tuple[int, int]]:
    """Non-overlapping units, often adjacent to each other (shared boundaries)."""
    cuts = sorted(rng.sample(range(1, length), 8))
    pieces = list(zip([0, *cuts], [*cuts, length], strict=True))
    return [piece for piece in pieces if rng.random() < 0.6]


@pytest.mark.parametrize("seed", range(20))
def test_alpha_u_observed_matches_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    first, second = _random_tiling(rng, 40), _random_tiling(rng, 40)
    observed, _ = unitizing_disagreements(40, {"a": first, "b": second})
    assert observed == pytest.approx(_brute_force_observed(40, first, second))


def test_alpha_u_adjacent_units() -> None:
    tiling = [(0, 5), (5, 10), (10, 12)]
    assert unitizing_alpha(20, {"a": tiling, "b": tiling}) == pytest.approx(1.0)
    assert unitizing_disagreements(20, {"a": tiling, "b": [(0, 10), (10, 12)]})[0] > 0


def test_alpha_u_perfect_and_undefined() -> None:
    same = [(3, 8), (12, 20)]
    assert unitizing_alpha(30, {"a": same, "b": same, "c": same}) == pytest.approx(1.0)
    assert math.isnan(unitizing_alpha(30, {"a": [], "b": []}))
    assert unitizing_alpha(30, {"a": same, "b": [(3, 8), (13, 20)]}) < 1.0


def test_alpha_u_label_selection_and_merging() -> None:
    spans = {"a": [(0, 4, "X"), (10, 14, "Y")], "b": [(0, 4, "X"), (20, 24, "Y")]}
    assert unitizing_alpha(30, spans, label="X") == pytest.approx(1.0)
    assert unitizing_alpha(30, spans, label="Y") < 0.5
    # Overlapping spans of one coder form their union: [0, 6) here.
    merged = {"a": [(0, 4, "X"), (2, 6, "Y")], "b": [(0, 6, "Z")]}
    assert unitizing_alpha(30, merged) == pytest.approx(1.0)


def test_alpha_u_multi_documents() -> None:
    doc1 = (20, {"a": [(2, 6), (15, 20)], "b": [(3, 6), (16, 20)]})
    doc2 = (15, {"a": [(0, 4), (8, 10)], "b": [(0, 5), (9, 10)]})
    assert unitizing_alpha_multi([doc1]) == pytest.approx(unitizing_alpha(*doc1))
    # Doc 1 ends with a unit for both coders, so no gap crosses the boundary and the result
    # equals alpha_U on the literal concatenation.
    joined = {
        coder: doc1[1][coder] + [(s + 20, e + 20) for s, e in doc2[1][coder]] for coder in "ab"
    }
    assert unitizing_alpha_multi([doc1, doc2]) == pytest.approx(unitizing_alpha(35, joined))
    # A boundary inside a gap splits it (gaps never join across documents).
    gap_first = (15, {"a": [(8, 10)], "b": [(9, 10)]})
    gap_last = (15, {"a": [(0, 4)], "b": [(0, 5)]})
    literal = {"a": [(0, 4), (23, 25)], "b": [(0, 5), (24, 25)]}
    assert unitizing_alpha_multi([gap_last, gap_first]) != pytest.approx(
        unitizing_alpha(30, literal)
    )


def test_alpha_u_invalid_input() -> None:
    with pytest.raises(ValueError, match="same coders"):
        unitizing_alpha_multi([(10, {"a": [], "b": []}), (10, {"a": [], "c": []})])
    with pytest.raises(ValueError, match="two coders"):
        unitizing_alpha(10, {"a": [(0, 2)]})
    with pytest.raises(ValueError, match="outside"):
        unitizing_alpha(10, {"a": [(8, 12)], "b": []})
