"""Krippendorff's unitizing alpha (alpha_U) for one category on one or several continua.

Krippendorff (1995) "On the reliability of unitizing continuous data" and Content Analysis
(2nd ed. 2004, sec. 11.6): each coder's marks for one category cut the continuum into units
and gaps. For overlapping segments g (coder i) and h (coder j):

* both units:                    d = (b_g - b_h)^2 + (e_g - e_h)^2
* a unit lying inside a gap:     d = length(unit)^2
* otherwise (gap/gap, partial):  d = 0

D_o = sum over ordered coder pairs of d / (m (m-1) L^2). D_e considers every placement of
every unit into every gap (formula in :func:`_expected_disagreement`). alpha_U = 1 - D_o / D_e.
This is the classic coefficient, not the |u-alpha family of Krippendorff et al. (2016).

Several continua (documents) are laid end to end by :class:`UnitizingSums`, which the
agreement report also feeds directly, one document at a time.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import combinations
from typing import Any

from annotator.core.agreement.spans import NAN, SpansByCoder, as_unit

Tiling = list[tuple[int, int]]
"""One coder's units of a category: sorted, disjoint ``(start, end)`` pairs."""


def tiling(places: Sequence[tuple[int, int]], length: int) -> Tiling:
    """One coder's ``(start, end)`` pairs as a tiling: sorted, overlapping ones merged into
    their union (alpha_U does not allow overlaps); each must lie in ``[0, length)``."""
    merged: Tiling = []
    for start, end in sorted(places):
        if end <= start:
            raise ValueError(f"a span needs end > start, got [{start}, {end})")
        if start < 0 or end > length:
            raise ValueError(f"span [{start}, {end}) outside the continuum 0..{length}")
        if merged and start < merged[-1][1]:
            last_start, last_end = merged.pop()
            start, end = last_start, max(last_end, end)
        merged.append((start, end))
    return merged


def _category_places(spans: Sequence[Any], label: Hashable | None) -> list[tuple[int, int]]:
    """``(start, end)`` of the spans of category ``label`` (every span when None)."""
    places = []
    for span in spans:
        if label is None and type(span) is tuple and len(span) == 2:  # the common case
            start, end = int(span[0]), int(span[1])
            if end <= start:
                raise ValueError(f"a span needs end > start, got [{start}, {end})")
        else:
            unit = as_unit(span)
            if label is not None and unit.label != label:
                continue
            start, end = unit.start, unit.end
        places.append((start, end))
    return places


def _expected_disagreement(
    unit_lengths: list[int], gap_lengths: list[int], coders: int, length: int
) -> float:
    """Krippendorff (2004) D_e for one category, exact in integers until the final division."""
    count = len(unit_lengths)
    numerator = 0
    # sum(gap - l + 1 for gaps >= l) = (sum of those gaps) - (l - 1) * (their number), read
    # off sorted gaps with suffix sums: O((units + gaps) log gaps) instead of units x gaps.
    gaps = sorted(gap_lengths)
    suffix = [0] * (len(gaps) + 1)
    for index in range(len(gaps) - 1, -1, -1):
        suffix[index] = suffix[index + 1] + gaps[index]
    for unit, times in Counter(unit_lengths).items():
        # (N - 1)(2l^3 - 3l^2 + l) / 3 is an integer: l(l-1)(2l-1) is divisible by 6.
        numerator += times * (count - 1) * unit * (unit - 1) * (2 * unit - 1) // 3
        first = bisect_left(gaps, unit)
        fitting = suffix[first] - (unit - 1) * (len(gaps) - first)
        numerator += times * unit**2 * fitting
    total = coders * length
    denominator = total * (total - 1) - sum(unit * (unit - 1) for unit in unit_lengths)
    if numerator == 0 or denominator <= 0:
        return 0.0
    return 2 * numerator / (length * denominator)


def _units_disagreement(first: Tiling, second: Tiling) -> int:
    """The summed distances d between the segments of two tilings, from their units alone.

    Overlapping units add their squared boundary differences; a unit that overlaps no unit
    of the other coder lies inside one of their gaps and adds its squared length; unit/gap
    pairs that only partly overlap and gap/gap pairs add nothing.
    """
    total = i = j = 0
    n_first, n_second = len(first), len(second)
    hit_first = [False] * n_first
    hit_second = [False] * n_second
    while i < n_first and j < n_second:
        g_start, g_end = first[i]
        h_start, h_end = second[j]
        if g_start < h_end and h_start < g_end:
            total += (g_start - h_start) ** 2 + (g_end - h_end) ** 2
            hit_first[i] = hit_second[j] = True
        if g_end <= h_end:
            i += 1
        if h_end <= g_end:
            j += 1
    for (start, end), hit in zip(first, hit_first, strict=True):
        if not hit:
            total += (end - start) ** 2
    for (start, end), hit in zip(second, hit_second, strict=True):
        if not hit:
            total += (end - start) ** 2
    return total


class UnitizingSums:
    """alpha_U over continua laid end to end, added one at a time.

    Observed disagreements are summed, L is the total length and the units and gaps of
    every continuum enter the expected disagreement. A continuum's end always ends a gap,
    so gaps never join across continua.
    """

    def __init__(self, coders: int) -> None:
        self.coders = coders
        self.length = 0
        self.observed = 0  # summed over ordered coder pairs
        self.units: list[int] = []
        self.gaps: list[int] = []

    def add(self, tilings: Sequence[Tiling], length: int) -> None:
        """One continuum of ``length``: every coder's :func:`tiling`, in coder order."""
        self.length += length
        for first, second in combinations(tilings, 2):
            if first != second:  # identical tilings disagree by 0
                self.observed += 2 * _units_disagreement(first, second)
        for places in tilings:
            position = 0
            for start, end in places:
                if start > position:
                    self.gaps.append(start - position)
                self.units.append(end - start)
                position = end
            if position < length:
                self.gaps.append(length - position)

    def add_unmarked(self, length: int) -> None:
        """A continuum in which no coder marked anything: one gap per coder."""
        self.length += length
        if length > 0:
            self.gaps += [length] * self.coders

    def disagreements(self) -> tuple[float, float]:
        """Observed and expected disagreement (D_o, D_e) of what was added."""
        if self.length <= 0:
            raise ValueError("the continuum is empty")
        m, total = self.coders, self.length
        return (self.observed / (m * (m - 1) * total**2),
                _expected_disagreement(self.units, self.gaps, m, total))

    def alpha(self) -> float:
        """alpha_U of what was added; NaN when no coder marked a unit."""
        observed, expected = self.disagreements()
        return 1.0 - observed / expected if expected > 0 else NAN


def _common_coders(docs: Sequence[tuple[int, SpansByCoder]]) -> list[str]:
    if not docs:
        raise ValueError("no continuum given")
    coders = list(docs[0][1])
    for _, by_coder in docs[1:]:
        if set(by_coder) != set(coders):
            raise ValueError("every continuum must be coded by the same coders")
    if len(coders) < 2:
        raise ValueError("alpha_U needs at least two coders")
    return coders


def _sums(docs: Sequence[tuple[int, SpansByCoder]], label: Hashable | None) -> UnitizingSums:
    coders = _common_coders(docs)
    sums = UnitizingSums(len(coders))
    for length, by_coder in docs:
        sums.add([tiling(_category_places(by_coder[c], label), length) for c in coders],
                 length)
    return sums


def unitizing_disagreements_multi(
    docs: Sequence[tuple[int, SpansByCoder]], label: Hashable | None = None
) -> tuple[float, float]:
    """Observed and expected disagreement (D_o, D_e) of alpha_U over several continua."""
    return _sums(docs, label).disagreements()


def unitizing_disagreements(
    continuum_length: int, spans_by_coder: SpansByCoder, label: Hashable | None = None
) -> tuple[float, float]:
    """Observed and expected disagreement (D_o, D_e) of alpha_U on one continuum."""
    return unitizing_disagreements_multi([(continuum_length, spans_by_coder)], label)


def unitizing_alpha(
    continuum_length: int, spans_by_coder: SpansByCoder, label: Hashable | None = None
) -> float:
    """Krippendorff's alpha_U for one category on one continuum ``[0, continuum_length)``.

    ``label`` selects the category; ``None`` treats every span as the same category (agreement
    on where units are, ignoring labels). A coder's overlapping spans of the category are merged
    into their union, since alpha_U does not allow them. Every coder must be a key of
    ``spans_by_coder`` (an empty list means "marked nothing"). NaN when no coder marked a unit.
    """
    return unitizing_alpha_multi([(continuum_length, spans_by_coder)], label)


def unitizing_alpha_multi(
    docs: Sequence[tuple[int, SpansByCoder]], label: Hashable | None = None
) -> float:
    """alpha_U over several documents ``[(length, spans_by_coder), ...]`` as one continuum.

    The documents are laid end to end (see :class:`UnitizingSums`). All documents need the
    same coders.
    """
    return _sums(docs, label).alpha()
