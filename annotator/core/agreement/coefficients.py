"""Agreement coefficients for coded units (no Qt, usable from notebooks and the CLI).

Owns: Krippendorff's alpha (coincidence-matrix form), Cohen's kappa (optionally weighted),
Scott's pi, Fleiss' kappa, free-marginal kappa (Randolph / Brennan-Prediger), percent agreement
and a bootstrap over units.

Shared conventions:

* *Reliability data* is a units x coders sequence (one row per unit, one column per coder);
  ``None`` or a float NaN marks a missing value.
* A *domain* is the full ordered list of categories. Unused categories do not change alpha,
  unweighted kappa or pi, but they do change weighted kappa (positions move) and free-marginal
  kappa (chance agreement is 1/len(domain)), so those functions take it explicitly. When a domain
  is given, every observed value must belong to it (``ValueError`` otherwise).
* A coefficient that is undefined for the data (nothing pairable, or no variation so expected
  disagreement is zero) is returned as ``float("nan")``, never as 0 or 1.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Literal

import numpy as np

Level = Literal["nominal", "ordinal", "interval", "ratio"]
KappaWeights = Literal["linear", "quadratic"] | None
ReliabilityData = Sequence[Sequence[Any]]

LEVELS: tuple[str, ...] = ("nominal", "ordinal", "interval", "ratio")
NAN = float("nan")


def is_missing(value: object) -> bool:
    """True for ``None`` and float NaN (numpy floats included)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def _present(row: Sequence[Any]) -> list[Any]:
    return [value for value in row if not is_missing(value)]


def _pairable_units(data: ReliabilityData) -> list[list[Any]]:
    """Units with at least two values; the others carry no information about agreement."""
    units = [_present(row) for row in data]
    return [unit for unit in units if len(unit) >= 2]


def resolve_domain(values: Sequence[Hashable], domain: Sequence[Hashable] | None) -> list[Any]:
    """The category list: ``domain`` checked against ``values``, or the sorted observed values.

    Observed values that cannot be sorted together keep their order of first appearance.
    """
    if domain is not None:
        categories = list(domain)
        if len(set(categories)) != len(categories):
            raise ValueError("domain contains duplicate categories")
        unknown = set(values) - set(categories)
        if unknown:
            raise ValueError(f"values outside the domain: {sorted(map(repr, unknown))}")
        return categories
    distinct = list(dict.fromkeys(values))
    try:
        return sorted(distinct)
    except TypeError:
        return distinct


def _count_matrix(units: Sequence[Sequence[Any]], categories: Sequence[Any]) -> np.ndarray:
    index = {category: position for position, category in enumerate(categories)}
    counts = np.zeros((len(units), len(categories)))
    for row, unit in enumerate(units):
        for value in unit:
            counts[row, index[value]] += 1
    return counts


def category_counts(
    data: ReliabilityData, domain: Sequence[Hashable] | None = None
) -> tuple[np.ndarray, list[Any]]:
    """Units x categories count table (the input of :func:`fleiss_kappa`) and its columns."""
    units = [_present(row) for row in data]
    categories = resolve_domain([v for unit in units for v in unit], domain)
    return _count_matrix(units, categories), categories


def _coincidences(counts: np.ndarray) -> np.ndarray:
    """Krippendorff's coincidence matrix: o_ck = sum over units of pairs c-k / (m_u - 1)."""
    pairable = counts.sum(axis=1)
    weighted = counts / (pairable - 1)[:, None]
    coincidences: np.ndarray = weighted.T @ counts - np.diag(weighted.sum(axis=0))
    return coincidences


def _ordinal_delta(marginals: np.ndarray) -> np.ndarray:
    size = len(marginals)
    cumulative = np.concatenate(([0.0], np.cumsum(marginals)))
    delta = np.zeros((size, size))
    for low in range(size):
        for high in range(low + 1, size):
            between = cumulative[high + 1] - cumulative[low]
            value = (between - (marginals[low] + marginals[high]) / 2) ** 2
            delta[low, high] = delta[high, low] = value
    return delta


def _numeric(categories: Sequence[Any], level: str) -> np.ndarray:
    try:
        return np.array([float(category) for category in categories])
    except (TypeError, ValueError) as error:
        raise ValueError(f"{level} alpha needs numeric values") from error


def _delta_matrix(level: str, categories: Sequence[Any], marginals: np.ndarray) -> np.ndarray:
    """Squared difference function delta^2_ck for the level of measurement."""
    if level == "nominal":
        return 1.0 - np.eye(len(categories))
    if level == "ordinal":
        return _ordinal_delta(marginals)
    values = _numeric(categories, level)
    difference = values[:, None] - values[None, :]
    if level == "interval":
        squared: np.ndarray = difference**2
        return squared
    total = values[:, None] + values[None, :]
    safe_total = np.where(total == 0, 1.0, total)
    ratio: np.ndarray = np.where(total == 0, 0.0, difference / safe_total) ** 2
    return ratio


def krippendorff_alpha(
    data: ReliabilityData, level: Level = "nominal", domain: Sequence[Hashable] | None = None
) -> float:
    """Krippendorff's alpha for units x coders data with missing values.

    Follows Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability": values are
    tabulated in a coincidence matrix (units with fewer than two values are not pairable and
    are dropped) and ``alpha = 1 - (n - 1) * sum(o_ck d_ck) / sum(n_c n_k d_ck)``.

    ``level`` is "nominal", "ordinal", "interval" or "ratio". For ordinal data ``domain`` gives
    the ordered categories (default: the sorted observed values); for the other levels it only
    validates the values. Returns NaN when no value is pairable or all pairable values are
    equal (expected disagreement zero).
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    units = _pairable_units(data)
    if not units:
        return NAN
    categories = resolve_domain([v for unit in units for v in unit], domain)
    coincidences = _coincidences(_count_matrix(units, categories))
    delta = _delta_matrix(level, categories, coincidences.sum(axis=1))
    return _alpha_from_coincidences(coincidences, delta)


def _alpha_from_coincidences(coincidences: np.ndarray, delta: np.ndarray) -> float:
    marginals = coincidences.sum(axis=1)
    total = marginals.sum()
    expected = float((np.outer(marginals, marginals) * delta).sum())
    if total <= 1 or expected <= 0:
        return NAN
    observed = float((coincidences * delta).sum())
    alpha: float = 1.0 - (total - 1) * observed / expected
    return alpha


def _paired(a: Sequence[Any], b: Sequence[Any]) -> list[tuple[Any, Any]]:
    if len(a) != len(b):
        raise ValueError(f"the two codings have different lengths ({len(a)} and {len(b)})")
    return [(x, y) for x, y in zip(a, b, strict=True) if not is_missing(x) and not is_missing(y)]


def _confusion(
    a: Sequence[Any], b: Sequence[Any], domain: Sequence[Hashable] | None
) -> np.ndarray | None:
    """Joint proportions of the two codings over the domain, or None when nothing is paired."""
    pairs = _paired(a, b)
    if not pairs:
        return None
    categories = resolve_domain([v for pair in pairs for v in pair], domain)
    index = {category: position for position, category in enumerate(categories)}
    table = np.zeros((len(categories), len(categories)))
    for x, y in pairs:
        table[index[x], index[y]] += 1
    return table / len(pairs)


def _kappa_weights(weights: KappaWeights, size: int) -> np.ndarray:
    """Disagreement weights over domain positions (0 on the diagonal)."""
    positions = np.arange(size)
    distance: np.ndarray = np.abs(positions[:, None] - positions[None, :]).astype(float)
    if weights is None:
        nominal: np.ndarray = (distance > 0).astype(float)
        return nominal
    if weights == "linear":
        return distance
    if weights == "quadratic":
        quadratic: np.ndarray = distance**2
        return quadratic
    raise ValueError(f"weights must be None, 'linear' or 'quadratic', not {weights!r}")


def _chance_corrected(
    disagreement: np.ndarray, observed: np.ndarray, expected: np.ndarray
) -> float:
    expected_disagreement = float((disagreement * expected).sum())
    if expected_disagreement <= 0:
        return NAN
    return 1.0 - float((disagreement * observed).sum()) / expected_disagreement


def cohen_kappa(
    a: Sequence[Any],
    b: Sequence[Any],
    weights: KappaWeights = None,
    domain: Sequence[Hashable] | None = None,
) -> float:
    """Cohen's kappa for two coders; pairs where either value is missing are dropped.

    ``weights`` None (unweighted), "linear" or "quadratic": disagreement weights are the
    distance, or squared distance, between the categories' positions in ``domain`` (default:
    the sorted observed values). An unused category placed inside the domain therefore changes
    weighted kappa. Returns NaN when nothing is paired or chance disagreement is zero.
    """
    observed = _confusion(a, b, domain)
    if observed is None:
        return NAN
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    return _chance_corrected(_kappa_weights(weights, len(observed)), observed, expected)


def scott_pi(a: Sequence[Any], b: Sequence[Any], domain: Sequence[Hashable] | None = None) -> float:
    """Scott's pi for two coders: chance agreement from the pooled distribution of both.

    Pairs with a missing value are dropped; ``domain`` only validates values (unused categories
    do not change pi). Returns NaN when undefined.
    """
    observed = _confusion(a, b, domain)
    if observed is None:
        return NAN
    pooled = (observed.sum(axis=1) + observed.sum(axis=0)) / 2
    expected = np.outer(pooled, pooled)
    return _chance_corrected(_kappa_weights(None, len(observed)), observed, expected)


def fleiss_kappa(table: Sequence[Sequence[float]] | np.ndarray) -> float:
    """Fleiss' (1971) kappa from a subjects x categories table of rating counts.

    Every subject must have the same number (>= 2) of ratings. Returns NaN when chance
    agreement is 1 (a single category used throughout).
    """
    counts = np.asarray(table, dtype=float)
    if counts.ndim != 2 or counts.shape[0] == 0:
        raise ValueError("table must be a non-empty subjects x categories matrix")
    raters = counts.sum(axis=1)
    if not np.allclose(raters, raters[0]) or raters[0] < 2:
        raise ValueError("every subject needs the same number (>= 2) of ratings")
    per_rater = raters[0]
    subject_agreement = ((counts**2).sum(axis=1) - per_rater) / (per_rater * (per_rater - 1))
    proportions = counts.sum(axis=0) / counts.sum()
    chance = float((proportions**2).sum())
    if chance >= 1:
        return NAN
    return (float(subject_agreement.mean()) - chance) / (1 - chance)


def percent_agreement(data: ReliabilityData) -> float:
    """Mean pairwise agreement over units.

    For each unit with at least two values: the proportion of pairs of its values (between
    different coders) that are equal; the result is the unweighted mean over those units (NaN
    if there are none). With complete data this is Fleiss' mean P_i.
    """
    proportions = []
    for unit in _pairable_units(data):
        counts: dict[Any, int] = {}
        for value in unit:
            counts[value] = counts.get(value, 0) + 1
        size = len(unit)
        agreeing = sum(count * (count - 1) for count in counts.values())
        proportions.append(agreeing / (size * (size - 1)))
    return float(np.mean(proportions)) if proportions else NAN


def free_marginal_kappa(data: ReliabilityData, domain: Sequence[Hashable] | None) -> float:
    """Free-marginal kappa (Randolph 2005; Bennett's S / Brennan-Prediger for two coders).

    ``(P_o - 1/q) / (1 - 1/q)`` with ``P_o`` = :func:`percent_agreement` and ``q`` =
    ``len(domain)``. The value grows with q, so the domain is a required argument: pass the
    codebook's categories. Passing ``None`` infers q from the observed values, which
    overstates chance agreement (and understates kappa) when a category was never used.
    Returns NaN when undefined (no pairable unit, or q < 2).
    """
    units = _pairable_units(data)
    categories = resolve_domain([v for unit in units for v in unit], domain)
    observed = percent_agreement(units)
    if math.isnan(observed) or len(categories) < 2:
        return NAN
    chance = 1.0 / len(categories)
    return (observed - chance) / (1 - chance)


def bootstrap_ci(
    data: Sequence[Any],
    statistic: Callable[[list[Any]], float],
    n: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap interval of ``statistic`` by resampling units (rows) of ``data``.

    ``statistic`` receives a list of rows, e.g. ``krippendorff_alpha``. Replicates where the
    statistic is NaN are discarded; (NaN, NaN) if none remain. Deterministic for a given seed.
    """
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1")
    rows = list(data)
    if not rows or n < 1:
        return NAN, NAN
    rng = np.random.default_rng(seed)
    replicates = []
    for _ in range(n):
        sample = [rows[i] for i in rng.integers(0, len(rows), size=len(rows))]
        value = statistic(sample)
        if not math.isnan(value):
            replicates.append(value)
    if not replicates:
        return NAN, NAN
    tail = (1 - level) / 2
    low, high = np.quantile(replicates, [tail, 1 - tail])
    return float(low), float(high)


def bootstrap_alpha(
    data: ReliabilityData,
    level: Level = "nominal",
    domain: Sequence[Hashable] | None = None,
    n: int = 1000,
    seed: int = 0,
    level_ci: float = 0.95,
) -> tuple[float, float]:
    """Percentile bootstrap interval of Krippendorff's alpha, vectorised over replicates.

    Resampling units with replacement changes alpha only through sums over units: each
    unit contributes a fixed observed disagreement and fixed category counts. So every
    replicate is a weighted sum (multinomial weights) and all replicates cost a few matrix
    products, instead of recomputing alpha from scratch each time (what
    :func:`bootstrap_ci` does). For ordinal data the distance matrix is kept at its
    full-sample value (it depends on the marginals); for the other levels the result is
    the same as resampling naively.
    """
    units = _pairable_units(data)
    if not units or n < 1:
        return NAN, NAN
    categories = resolve_domain([v for unit in units for v in unit], domain)
    counts = _count_matrix(units, categories)
    delta = _delta_matrix(level, categories, _coincidences(counts).sum(axis=1))
    pairable = counts.sum(axis=1)
    # observed disagreement of each unit: sum over ordered pairs of values / (m_u - 1)
    per_unit = (np.einsum("uc,ck,uk->u", counts, delta, counts)
                - counts @ np.diag(delta)) / (pairable - 1)
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(len(units), np.full(len(units), 1.0 / len(units)), size=n)
    # the products below would each convert the integer weights to float: do it once
    weights = weights.astype(np.float64)
    observed = weights @ per_unit
    marginals = weights @ counts
    total = marginals.sum(axis=1)
    expected = np.einsum("rc,ck,rk->r", marginals, delta, marginals)
    valid = (expected > 0) & (total > 1)
    if not valid.any():
        return NAN, NAN
    replicates = 1.0 - (total[valid] - 1) * observed[valid] / expected[valid]
    tail = (1 - level_ci) / 2
    low, high = np.quantile(replicates, [tail, 1 - tail])
    return float(low), float(high)
