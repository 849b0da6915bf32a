"""Tests for annotator.core.agreement.claims: claim alignment and per-attribute alpha."""

from __future__ import annotations

import math
from types import SimpleNamespace

import krippendorff
import numpy as np
import pytest

from annotator.core.agreement import (
    align_claims,
    claim_attribute_agreement,
    default_claim_weight,
    span_jaccard,
)


def claim(spans: list[tuple[int, int]], claimant: str | None, event_type: str | None, **extra):
    return {"demand_spans": spans, "claimant": claimant, "event_type": event_type, **extra}


CODER_A = [
    claim([(0, 10)], "union", "strike", stance="for"),
    claim([(20, 30)], "gov", "policy", stance="against"),
    claim([(50, 60)], "ngo", "protest", stance="for"),
]
CODER_B = [
    claim([(22, 30)], "gov", "policy", stance="against"),
    claim([(0, 5)], "union", "strike", stance="neutral"),
    claim([(100, 110)], "other", "lawsuit", stance="for"),
]


def test_default_weight_components() -> None:
    # Jaccard of character sets {20..29} and {22..29} = 8 / 10; same claimant +1; same type +.5
    assert span_jaccard(CODER_A[1], CODER_B[0]) == pytest.approx(0.8)
    assert default_claim_weight(CODER_A[1], CODER_B[0]) == pytest.approx(2.3)
    # Multiple spans are one character set: {0..4, 10..14} vs {0..14} -> 10 / 15.
    two_spans = claim([(0, 5), (10, 15)], None, None)
    assert span_jaccard(two_spans, claim([(0, 15)], None, None)) == pytest.approx(10 / 15)
    # Unknown claimant / type on both sides is not "the same".
    assert default_claim_weight(claim([], None, None), claim([], None, None)) == 0.0


def test_align_hand_made_case() -> None:
    # A0-B1: 5/10 + 1 + .5 = 2.0; A1-B0: 2.3; A2 and B2 share nothing (weight 0): unmatched.
    assert align_claims(CODER_A, CODER_B) == [
        (0, 1, pytest.approx(2.0)),
        (1, 0, pytest.approx(2.3)),
    ]


def test_align_accepts_objects() -> None:
    objects_a = [SimpleNamespace(**c) for c in CODER_A]
    objects_b = [SimpleNamespace(**c) for c in CODER_B]
    assert [(i, j) for i, j, _ in align_claims(objects_a, objects_b)] == [(0, 1), (1, 0)]


def _table_weight(table: list[list[float]]):
    def weight(a: int, b: int) -> float:
        return table[a][b]

    return weight


def test_align_maximises_total_weight_not_greedy() -> None:
    # Greedy would take the single best pair (0, 0) = 2.0 and leave 1 unmatched (total 2.0);
    # the optimum is (0, 1) + (1, 0) = 1.9 + 1.8 = 3.7.
    weight = _table_weight([[2.0, 1.9], [1.8, 0.0]])
    assert align_claims([0, 1], [0, 1], weight_fn=weight) == [(0, 1, 1.9), (1, 0, 1.8)]


def test_pairs_below_threshold_do_not_displace_admissible_ones() -> None:
    # Raw maximum weight would pick (0, 1) + (1, 0) = .98, both below .5, leaving nothing;
    # the admissible pair (0, 0) = .55 must be kept.
    weight = _table_weight([[0.55, 0.49], [0.49, 0.0]])
    assert align_claims([0, 1], [0, 1], weight_fn=weight) == [(0, 0, 0.55)]
    assert align_claims([0, 1], [0, 1], weight_fn=weight, threshold=0.6) == []
    # Exactly at the threshold is matched; just below is not.
    assert align_claims([0], [0], weight_fn=_table_weight([[0.5]])) == [(0, 0, 0.5)]
    assert align_claims([0], [0], weight_fn=_table_weight([[0.4999]])) == []


def test_span_overlap_alone_below_threshold_is_unmatched() -> None:
    a = [claim([(0, 10)], "x", "t1")]
    b = [claim([(7, 10)], "y", "t2")]  # Jaccard .3, nothing else
    assert align_claims(a, b) == []
    assert align_claims(a, b, threshold=0.25) == [(0, 0, pytest.approx(0.3))]
    assert align_claims([], b) == [] and align_claims(a, []) == []


def test_claim_attribute_agreement_two_coders() -> None:
    result = claim_attribute_agreement(
        {"ann": CODER_A, "bob": CODER_B}, ["stance", "event_type", "claimant"]
    )
    assert result.coders == ("ann", "bob")
    assert result.n_units == 2 and result.units == [(0, 1), (1, 0)]
    assert result.match_rate == pytest.approx(2 / 3)
    # Matched stance pairs: (for, neutral), (against, against) -> alpha from the package.
    expected = krippendorff.alpha(
        reliability_data=np.array([[0, 1], [2, 1]], float), level_of_measurement="nominal"
    )
    assert result.alpha["stance"] == pytest.approx(expected)
    assert result.alpha["event_type"] == pytest.approx(1.0)
    assert result.alignments["ann", "bob"] == align_claims(CODER_A, CODER_B)


def test_claim_attribute_agreement_pivot_for_three_coders() -> None:
    coder_c = [  # matches only ann's first and third claims
        claim([(50, 60)], "ngo", "protest", stance="against", strength=3),
        claim([(0, 10)], "union", "strike", stance="for", strength=2),
    ]
    with_strength = [dict(c, strength=s) for c, s in zip(CODER_A, (1, 2, 3), strict=True)]
    b_strength = [dict(c, strength=s) for c, s in zip(CODER_B, (2, 2, 9), strict=True)]
    result = claim_attribute_agreement(
        {"ann": with_strength, "bob": b_strength, "cy": coder_c},
        ["stance", "strength"],
        levels={"strength": "ordinal"},
        domains={"strength": [1, 2, 3, 4, 5, 9]},
    )
    # ann-bob: 2 of max(3, 3); ann-cy: 2 of max(3, 2) -> mean 2/3.
    assert result.match_rate == pytest.approx(2 / 3)
    # Only ann's claim 0 is matched by both others (bob 1, cy 1); claim 1 lacks cy, 2 lacks bob.
    assert result.units == [(0, 1, 1)]
    assert result.n_units == 1
    # One unit (for, neutral, for): variation exists, so alpha is defined, and it is the
    # nominal alpha of that single row.
    assert result.alpha["stance"] == pytest.approx(
        krippendorff.alpha(reliability_data=np.array([[0], [1], [0]], float))
    )
    strength = krippendorff.alpha(
        reliability_data=np.array([[1], [2], [2]], float),
        level_of_measurement="ordinal",
        value_domain=[1, 2, 3, 4, 5, 9],
    )
    assert result.alpha["strength"] == pytest.approx(strength)
    assert set(result.alignments) == {("ann", "bob"), ("ann", "cy")}


def test_claim_attribute_agreement_edge_cases() -> None:
    empty = claim_attribute_agreement({"a": [], "b": []}, ["stance"])
    assert math.isnan(empty.match_rate) and math.isnan(empty.alpha["stance"])
    assert empty.n_units == 0
    with pytest.raises(ValueError):
        claim_attribute_agreement({"a": CODER_A}, ["stance"])
    # List-valued attributes are compared as wholes; missing values are None.
    listy = [dict(c, targets=["x", "y"]) for c in CODER_A]
    other = [dict(c, targets=["x", "y"] if i == 0 else None) for i, c in enumerate(CODER_B)]
    result = claim_attribute_agreement({"a": listy, "b": other}, ["targets"])
    assert math.isnan(result.alpha["targets"])  # one pairable unit, no variation
