"""Agreement on claims: aligning two coders' claims of a document, then alpha per attribute.

Owns the claim alignment (maximum-weight bipartite matching with
``scipy.optimize.linear_sum_assignment``) and the attribute agreement built on it.

A claim is a mapping or an object exposing ``demand_spans`` (a list of ``(start, end)`` or
span-like values), ``claimant``, ``event_type`` and any attributes to compare.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from annotator.core.agreement.coefficients import Level, krippendorff_alpha
from annotator.core.agreement.spans import as_unit

WeightFn = Callable[[Any, Any], float]
Alignment = list[tuple[int, int, float]]
NAN = float("nan")
DEFAULT_THRESHOLD = 0.5


def claim_value(claim: Any, name: str) -> Any:
    """Attribute ``name`` of a claim given as a mapping or an object (None when absent)."""
    if isinstance(claim, Mapping):
        return claim.get(name)
    return getattr(claim, name, None)


def _characters(claim: Any) -> set[int]:
    characters: set[int] = set()
    for span in claim_value(claim, "demand_spans") or ():
        unit = as_unit(span)
        characters.update(range(unit.start, unit.end))
    return characters


def span_jaccard(claim_a: Any, claim_b: Any) -> float:
    """Jaccard index of the character sets covered by the two claims' demand spans."""
    first, second = _characters(claim_a), _characters(claim_b)
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def _same(claim_a: Any, claim_b: Any, name: str) -> bool:
    value = claim_value(claim_a, name)
    return value is not None and value == claim_value(claim_b, name)


def default_claim_weight(claim_a: Any, claim_b: Any) -> float:
    """Span Jaccard + 1 if the claimant is the same + 0.5 if the event type is the same.

    A missing claimant or type (None on both sides) earns no bonus: unknown is not "same".
    """
    weight = span_jaccard(claim_a, claim_b)
    weight += 1.0 if _same(claim_a, claim_b, "claimant") else 0.0
    weight += 0.5 if _same(claim_a, claim_b, "event_type") else 0.0
    return weight


def align_claims(
    claims_a: Sequence[Any],
    claims_b: Sequence[Any],
    weight_fn: WeightFn | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> Alignment:
    """One-to-one alignment ``[(i, j, weight), ...]`` maximising the total weight, sorted by i.

    ``weight_fn(claim_a, claim_b)`` defaults to :func:`default_claim_weight`. Pairs weighing
    less than ``threshold`` are never matched (they are removed before the assignment, so they
    cannot displace an admissible pair); a pair exactly at the threshold is matched.
    """
    if not claims_a or not claims_b:
        return []
    weigh = weight_fn or default_claim_weight
    weights = np.array([[weigh(a, b) for b in claims_b] for a in claims_a], dtype=float)
    admissible = weights >= threshold
    rows, cols = linear_sum_assignment(np.where(admissible, weights, 0.0), maximize=True)
    return sorted(
        (int(i), int(j), float(weights[i, j]))
        for i, j in zip(rows, cols, strict=True)
        if admissible[i, j]
    )


@dataclass(frozen=True)
class ClaimAgreement:
    """Result of :func:`claim_attribute_agreement`.

    ``alignments[(pivot, other)]`` holds the alignment of each coder to the pivot (first
    coder); ``units`` the pivot claim indices matched by every other coder, from which
    ``alpha[attribute]`` is computed.
    """

    coders: tuple[str, ...]
    match_rate: float
    alpha: dict[str, float]
    n_units: int
    units: list[tuple[int, ...]] = field(default_factory=list)
    alignments: dict[tuple[str, str], Alignment] = field(default_factory=dict)


def _hashable(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_hashable(item) for item in value)
    if isinstance(value, set | frozenset):
        return frozenset(_hashable(item) for item in value)
    if isinstance(value, Mapping):
        return tuple(sorted((key, _hashable(item)) for key, item in value.items()))
    return value


def _match_rate(sizes: list[tuple[int, int]], alignments: list[Alignment]) -> float:
    rates = [
        len(alignment) / max(size)
        for size, alignment in zip(sizes, alignments, strict=True)
        if max(size) > 0
    ]
    return float(np.mean(rates)) if rates else NAN


def _units(pivot_size: int, alignments: list[Alignment]) -> list[tuple[int, ...]]:
    """Tuples of claim indices (pivot first) for pivot claims matched by every other coder."""
    lookups = [{i: j for i, j, _ in alignment} for alignment in alignments]
    return [
        (i, *(lookup[i] for lookup in lookups))
        for i in range(pivot_size)
        if all(i in lookup for lookup in lookups)
    ]


def _attribute_rows(
    claims_by_coder: Mapping[str, Sequence[Any]], units: list[tuple[int, ...]], attribute: str
) -> list[list[Any]]:
    """Reliability data (units x coders) of one attribute over the aligned units."""
    coders = list(claims_by_coder)
    return [
        [
            _hashable(claim_value(claims_by_coder[coder][index], attribute))
            for coder, index in zip(coders, unit, strict=True)
        ]
        for unit in units
    ]


def claim_attribute_agreement(
    claims_by_coder: Mapping[str, Sequence[Any]],
    attributes: Sequence[str],
    levels: Mapping[str, Level] | None = None,
    *,
    domains: Mapping[str, Sequence[Hashable]] | None = None,
    weight_fn: WeightFn | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> ClaimAgreement:
    """Align claims between coders, report the match rate and alpha per attribute.

    The first coder (mapping order) is the pivot: every other coder is aligned to it with
    :func:`align_claims` (with two coders this is simply the one pair). ``match_rate`` is the
    mean over those pairs of ``matched / max(len(a), len(b))`` (pairs where both coders have
    no claim are skipped; NaN if all are). A unit is a pivot claim matched by *every* other
    coder, so alpha is computed on complete rows only; claims matched by some coders but not
    all count against the match rate, not in alpha. ``levels[attribute]`` (default "nominal")
    and ``domains[attribute]`` are passed to :func:`krippendorff_alpha`; None values are
    missing, list and set values are compared as wholes.
    """
    coders = tuple(claims_by_coder)
    if len(coders) < 2:
        raise ValueError("claim agreement needs at least two coders")
    pivot = coders[0]
    pivot_claims = claims_by_coder[pivot]
    alignments = {
        (pivot, other): align_claims(pivot_claims, claims_by_coder[other], weight_fn, threshold)
        for other in coders[1:]
    }
    sizes = [(len(pivot_claims), len(claims_by_coder[other])) for other in coders[1:]]
    units = _units(len(pivot_claims), list(alignments.values()))
    alpha = {
        attribute: krippendorff_alpha(
            _attribute_rows(claims_by_coder, units, attribute),
            (levels or {}).get(attribute, "nominal"),
            (domains or {}).get(attribute),
        )
        for attribute in attributes
    }
    return ClaimAgreement(
        coders=coders,
        match_rate=_match_rate(sizes, list(alignments.values())),
        alpha=alpha,
        n_units=len(units),
        units=units,
        alignments=alignments,
    )
