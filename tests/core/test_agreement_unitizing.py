"""Tests for annotator.core.agreement.unitizing: Krippendorff's alpha_U."""

from __future__ import annotations

import math
import random

import pytest

from annotator.core.agreement import (
    unitizing_alpha,
    unitizing_alpha_multi,
    unitizing_disagreements,
)


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
