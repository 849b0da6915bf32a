"""The vectorised bootstrap of alpha agrees with naive resampling."""

from __future__ import annotations

import math
import random

import pytest

from annotator.core.agreement.coefficients import (
    bootstrap_alpha,
    bootstrap_ci,
    krippendorff_alpha,
)


def noisy_data(seed: int, units: int = 300) -> list[list[object]]:
    rng = random.Random(seed)
    rows = []
    for _ in range(units):
        truth = rng.choice("abcd")
        rows.append([truth if rng.random() < 0.7 else rng.choice("abcd"),
                     truth if rng.random() < 0.6 else None,
                     truth if rng.random() < 0.8 else rng.choice("abcd")])
    return rows


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("level", ["nominal", "interval"])
def test_vectorised_bootstrap_matches_naive(seed: int, level: str) -> None:
    data = noisy_data(seed)
    if level == "interval":
        data = [[None if v is None else "abcd".index(v) for v in row] for row in data]
    point = krippendorff_alpha(data, level=level)
    fast = bootstrap_alpha(data, level, n=800, seed=seed)
    naive = bootstrap_ci(data, lambda s: krippendorff_alpha(s, level=level), n=800, seed=seed)
    assert fast[0] < point < fast[1]
    assert fast == pytest.approx(naive, abs=0.03)  # two samplings of the same distribution


def test_bootstrap_of_perfect_agreement_is_degenerate() -> None:
    data = [["a", "a"], ["b", "b"], ["c", "c"], ["a", "a"]] * 10
    assert bootstrap_alpha(data, n=200) == (1.0, 1.0)
    assert all(math.isnan(x) for x in bootstrap_alpha([], n=10))
