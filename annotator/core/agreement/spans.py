"""Agreement on text spans: matching, precision/recall/F1 and Krippendorff's unitizing alpha.

Owns span matching between two coders (exact or overlapping, one-to-one), pairwise F1 and
Krippendorff's alpha_U for one category on one or several continua (documents).

A span is a :class:`Unit`, a ``(start, end)`` or ``(start, end, label)`` tuple, or any object
with ``start``, ``end`` and optionally ``label`` attributes (e.g. the core ``Span`` model).
Offsets are character positions, half-open: ``[start, end)``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Literal

import numpy as np
from scipy.optimize import linear_sum_assignment

Match = Literal["exact", "overlap"]
SpansByCoder = Mapping[str, Sequence[Any]]
NAN = float("nan")


@dataclass(frozen=True)
class Unit:
    """A labelled half-open character interval ``[start, end)``."""

    start: int
    end: int
    label: Hashable | None = None

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"a span needs end > start, got [{self.start}, {self.end})")

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Unit) -> bool:
        return self.start < other.end and other.start < self.end


def as_unit(span: Any) -> Unit:
    """Normalise a span-like value (Unit, tuple, or object with start/end/label) to a Unit."""
    if isinstance(span, Unit):
        return span
    if type(span) is tuple and len(span) == 2:  # the common case, kept cheap
        return Unit(int(span[0]), int(span[1]))
    if hasattr(span, "start") and hasattr(span, "end"):
        return Unit(int(span.start), int(span.end), getattr(span, "label", None))
    if isinstance(span, Sequence) and not isinstance(span, str) and len(span) in (2, 3):
        return Unit(int(span[0]), int(span[1]), span[2] if len(span) == 3 else None)
    raise TypeError(f"not a span: {span!r}")


@dataclass(frozen=True)
class F1Result:
    """Precision and recall of ``b`` against the reference ``a``; NaN where a ratio is 0/0."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> F1Result:
        precision = tp / (tp + fp) if tp + fp else NAN
        recall = tp / (tp + fn) if tp + fn else NAN
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else NAN
        return cls(precision, recall, f1, tp, fp, fn)


def combine_f1(results: Iterable[F1Result]) -> F1Result:
    """Micro-average: F1 of the summed counts (e.g. over documents)."""
    tp = fp = fn = 0
    for result in results:
        tp, fp, fn = tp + result.tp, fp + result.fp, fn + result.fn
    return F1Result.from_counts(tp, fp, fn)


def _exact_pairs(a: list[Unit], b: list[Unit], by_label: bool) -> list[tuple[int, int]]:
    waiting: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for j, unit in enumerate(b):
        waiting[(unit.start, unit.end, unit.label if by_label else None)].append(j)
    pairs = []
    for i, unit in enumerate(a):
        candidates = waiting.get((unit.start, unit.end, unit.label if by_label else None))
        if candidates:
            pairs.append((i, candidates.pop(0)))
    return pairs


def _jaccard(a: Unit, b: Unit) -> float:
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared / (a.length + b.length - shared)


def _overlap_pairs(a: list[Unit], b: list[Unit], by_label: bool) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of overlapping spans; ties go to the larger overlaps."""
    if not a or not b:
        return []
    # Each admissible pair is worth 1 plus a tie-breaker below 1 / (max pairs), so the
    # number of matches is maximised first and the total Jaccard overlap second.
    tie_scale = 1.0 / (min(len(a), len(b)) + 1)
    weights = np.zeros((len(a), len(b)))
    for i, unit_a in enumerate(a):
        for j, unit_b in enumerate(b):
            if unit_a.overlaps(unit_b) and (not by_label or unit_a.label == unit_b.label):
                weights[i, j] = 1.0 + tie_scale * _jaccard(unit_a, unit_b)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if weights[i, j] > 0]


def match_spans(
    a_spans: Iterable[Any], b_spans: Iterable[Any], match: Match = "exact", by_label: bool = True
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(index in a, index in b)`` of matching spans.

    "exact": same start and end; "overlap": sharing at least one character (maximum matching).
    With ``by_label`` the labels must be equal too.
    """
    a = [as_unit(span) for span in a_spans]
    b = [as_unit(span) for span in b_spans]
    if match == "exact":
        return _exact_pairs(a, b, by_label)
    if match == "overlap":
        return _overlap_pairs(a, b, by_label)
    raise ValueError(f"match must be 'exact' or 'overlap', not {match!r}")


def span_f1(
    a_spans: Iterable[Any], b_spans: Iterable[Any], match: Match = "exact", by_label: bool = True
) -> F1Result:
    """Precision, recall and F1 of ``b_spans`` taking ``a_spans`` as the reference.

    Matching is one-to-one (see :func:`match_spans`), so swapping a and b swaps precision and
    recall and leaves F1 unchanged. Empty inputs give NaN ratios rather than 0 or 1.
    """
    a, b = list(a_spans), list(b_spans)
    if match == "overlap":  # only the number of pairs matters, not which ones
        tp = overlap_match_count(a, b, by_label)
    else:
        tp = len(match_spans(a, b, match, by_label))
    return F1Result.from_counts(tp, len(b) - tp, len(a) - tp)


def overlap_match_count(a_spans: Iterable[Any], b_spans: Iterable[Any],
                        by_label: bool = True) -> int:
    """How many pairs the "overlap" :func:`match_spans` finds, without building them.

    That matching maximises the number of pairs first (the Jaccard tie-breaker never
    outweighs one more pair), so its size is the maximum bipartite matching of the
    overlap graph, found here with augmenting paths instead of an assignment solver.
    """
    a = [as_unit(span) for span in a_spans]
    b = [as_unit(span) for span in b_spans]
    if not a or not b:
        return 0
    if not by_label:
        return _overlap_count_places([(u.start, u.end) for u in a], [(u.start, u.end) for u in b])
    adjacency = [
        [j for j, ub in enumerate(b) if ua.start < ub.end and ub.start < ua.end
         and ua.label == ub.label]
        for ua in a
    ]
    return _max_matching(adjacency, len(b))


def _overlap_count_places(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    """:func:`overlap_match_count` without labels on valid ``(start, end)`` pairs."""
    if not a or not b:
        return 0
    adjacency = [[j for j, (b_start, b_end) in enumerate(b) if start < b_end and b_start < end]
                 for start, end in a]
    return _max_matching(adjacency, len(b))


def _max_matching(adjacency: list[list[int]], size_b: int) -> int:
    """Maximum bipartite matching size (Kuhn's augmenting paths, iterative)."""
    owner = [-1] * size_b  # b index -> matched a index
    count = 0
    for root, neighbours in enumerate(adjacency):
        if not neighbours:
            continue
        for v in neighbours:  # a free neighbour: no need to search for a path
            if owner[v] < 0:
                owner[v] = root
                count += 1
                break
        else:
            count += _augment(adjacency, owner, root)
    return count


def _augment(adjacency: list[list[int]], owner: list[int], root: int) -> int:
    """Look for an augmenting path from ``root``; flip it and return 1 if there is one."""
    seen: set[int] = set()
    # frames: (a index, iterator over its neighbours, b through which a was reached)
    stack: list[tuple[int, Any, int]] = [(root, iter(adjacency[root]), -1)]
    while stack:
        _node, rest, _via = stack[-1]
        for v in rest:
            if v in seen:
                continue
            seen.add(v)
            if owner[v] < 0:
                for node, _rest, via in reversed(stack):
                    owner[v] = node
                    v = via
                return 1
            stack.append((owner[v], iter(adjacency[owner[v]]), v))
            break
        else:
            stack.pop()
    return 0


def pairwise_span_f1(
    spans_by_coder: SpansByCoder, match: Match = "exact", by_label: bool = True
) -> dict[tuple[str, str], F1Result]:
    """:func:`span_f1` for every pair of coders, the earlier coder (dict order) as reference."""
    return {
        (first, second): span_f1(spans_by_coder[first], spans_by_coder[second], match, by_label)
        for first, second in combinations(spans_by_coder, 2)
    }


# --- Krippendorff's alpha_U -------------------------------------------------------------------
#
# Krippendorff (1995) "On the reliability of unitizing continuous data" and Content Analysis
# (2nd ed. 2004, sec. 11.6): each coder's marks for one category cut the continuum into units
# and gaps. For overlapping segments g (coder i) and h (coder j):
#   both units:                    d = (b_g - b_h)^2 + (e_g - e_h)^2
#   a unit lying inside a gap:     d = length(unit)^2
#   otherwise (gap/gap, partial):  d = 0
# D_o = sum over ordered coder pairs of d / (m (m-1) L^2). D_e considers every placement of
# every unit into every gap (formula in _expected_disagreement). alpha_U = 1 - D_o / D_e.
# This is the classic coefficient, not the |u-alpha family of Krippendorff et al. (2016).


@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    is_unit: bool

    @property
    def length(self) -> int:
        return self.end - self.start


def _category_units(spans: Sequence[Any], label: Hashable | None, length: int) -> list[Unit]:
    """The coder's units of the category, overlapping ones merged into their union."""
    units = sorted(
        (unit for unit in map(as_unit, spans) if label is None or unit.label == label),
        key=lambda unit: (unit.start, unit.end),
    )
    merged: list[Unit] = []
    for unit in units:
        if unit.start < 0 or unit.end > length:
            raise ValueError(f"span [{unit.start}, {unit.end}) outside the continuum 0..{length}")
        if merged and unit.start < merged[-1].end:
            last = merged.pop()
            unit = Unit(last.start, max(last.end, unit.end))
        merged.append(unit)
    return merged


def _segments(units: list[Unit], length: int) -> list[_Segment]:
    """Units and the gaps between them, tiling ``[0, length)``."""
    segments = []
    position = 0
    for unit in units:
        if unit.start > position:
            segments.append(_Segment(position, unit.start, False))
        segments.append(_Segment(unit.start, unit.end, True))
        position = unit.end
    if position < length:
        segments.append(_Segment(position, length, False))
    return segments


def _distance(g: _Segment, h: _Segment) -> int:
    if g.is_unit and h.is_unit:
        overlapping = g.start < h.end and h.start < g.end
        return (g.start - h.start) ** 2 + (g.end - h.end) ** 2 if overlapping else 0
    if g.is_unit and h.start <= g.start and g.end <= h.end:
        return g.length**2
    if h.is_unit and g.start <= h.start and h.end <= g.end:
        return h.length**2
    return 0


def _pair_disagreement(first: list[_Segment], second: list[_Segment]) -> int:
    """Sum of distances over overlapping segment pairs (a sweep over both tilings)."""
    total = i = j = 0
    while i < len(first) and j < len(second):
        g, h = first[i], second[j]
        if g.is_unit or h.is_unit:
            total += _distance(g, h)
        i, j = i + (g.end <= h.end), j + (h.end <= g.end)
    return total


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


def unitizing_disagreements_multi(
    docs: Sequence[tuple[int, SpansByCoder]], label: Hashable | None = None
) -> tuple[float, float]:
    """Observed and expected disagreement (D_o, D_e) of alpha_U over several continua."""
    coders = _common_coders(docs)
    return _disagreements_by_position(
        [(length, [by_coder[c] for c in coders]) for length, by_coder in docs], label)


def _disagreements_by_position(
    docs: Sequence[tuple[int, Sequence[Sequence[Any]]]], label: Hashable | None = None
) -> tuple[float, float]:
    """(D_o, D_e) over ``[(length, [spans of coder 1, spans of coder 2, ...]), ...]``.

    The same computation as :func:`_category_units`, :func:`_segments` and
    :func:`_pair_disagreement`, on plain ``(start, end)`` pairs for speed.
    """
    observed = 0
    units: list[int] = []
    gaps: list[int] = []
    m = 0
    for length, spans_of in docs:
        m = len(spans_of)
        tilings = [_unit_tiling(spans, label, length) for spans in spans_of]
        observed += accumulate_tilings(tilings, length, units, gaps)
    total = sum(length for length, _ in docs)
    if total <= 0:
        raise ValueError("the continuum is empty")
    return observed / (m * (m - 1) * total**2), _expected_disagreement(units, gaps, m, total)


def _unit_tiling(spans: Sequence[Any], label: Hashable | None, length: int
                 ) -> list[tuple[int, int]]:
    """:func:`_category_units` as sorted, merged ``(start, end)`` pairs."""
    places = []
    for span in spans:
        if label is None and type(span) is tuple and len(span) == 2:
            start, end = int(span[0]), int(span[1])
            if end <= start:
                raise ValueError(f"a span needs end > start, got [{start}, {end})")
        else:
            unit = as_unit(span)
            if label is not None and unit.label != label:
                continue
            start, end = unit.start, unit.end
        places.append((start, end))
    places.sort()
    merged: list[tuple[int, int]] = []
    for start, end in places:
        if start < 0 or end > length:
            raise ValueError(f"span [{start}, {end}) outside the continuum 0..{length}")
        if merged and start < merged[-1][1]:
            last_start, last_end = merged.pop()
            start, end = last_start, max(last_end, end)
        merged.append((start, end))
    return merged


def accumulate_tilings(tilings: Sequence[list[tuple[int, int]]], length: int,
                       units: list[int], gaps: list[int]) -> int:
    """One continuum of alpha_U: appends its unit and gap lengths to ``units`` and ``gaps``
    and returns its observed disagreement summed over ordered coder pairs."""
    observed = 0
    for first, second in combinations(tilings, 2):
        if first != second:  # identical tilings disagree by 0
            observed += 2 * _units_disagreement(first, second)
    for tiling in tilings:
        position = 0
        for start, end in tiling:
            if start > position:
                gaps.append(start - position)
            units.append(end - start)
            position = end
        if position < length:
            gaps.append(length - position)
    return observed


def _units_disagreement(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> int:
    """:func:`_pair_disagreement` of two tilings, from their (disjoint, sorted) units alone.

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


def unitizing_disagreements(
    continuum_length: int, spans_by_coder: SpansByCoder, label: Hashable | None = None
) -> tuple[float, float]:
    """Observed and expected disagreement (D_o, D_e) of alpha_U on one continuum."""
    return unitizing_disagreements_multi([(continuum_length, spans_by_coder)], label)


def _alpha(observed: float, expected: float) -> float:
    return 1.0 - observed / expected if expected > 0 else NAN


def unitizing_alpha(
    continuum_length: int, spans_by_coder: SpansByCoder, label: Hashable | None = None
) -> float:
    """Krippendorff's alpha_U for one category on one continuum ``[0, continuum_length)``.

    ``label`` selects the category; ``None`` treats every span as the same category (agreement
    on where units are, ignoring labels). A coder's overlapping spans of the category are merged
    into their union, since alpha_U does not allow them. Every coder must be a key of
    ``spans_by_coder`` (an empty list means "marked nothing"). NaN when no coder marked a unit.
    """
    return _alpha(*unitizing_disagreements(continuum_length, spans_by_coder, label))


def unitizing_alpha_multi(
    docs: Sequence[tuple[int, SpansByCoder]], label: Hashable | None = None
) -> float:
    """alpha_U over several documents ``[(length, spans_by_coder), ...]`` as one continuum.

    The documents are laid end to end: observed disagreements are summed, L is the total length
    and units and gaps of all documents enter the expected disagreement. A document boundary
    always ends a gap, so gaps never join across documents. All documents need the same coders.
    """
    return _alpha(*unitizing_disagreements_multi(docs, label))


# --- grouping the spans of several coders into comparable items ---------------------------


def span_groups(places: Sequence[tuple[int, int]], layers: Sequence[str]
                ) -> list[tuple[list[int], list[str], int, int]]:
    """Group the spans of all coders of one document into comparable items.

    ``places`` and ``layers`` describe the spans (any order). Two spans are linked when
    they overlap and share a layer, or sit at exactly the same place (whatever their
    layers); a group is a linked component. Returns ``(members, sorted layers, start,
    end)`` per group, members as indices in the given order. A sweep in start order
    finds clusters of (transitively) overlapping spans; a cluster of one layer is one
    group, and only clusters of several layers need the pairwise links.
    """
    if not places:
        return []
    order = sorted(range(len(places)), key=places.__getitem__)
    groups: list[tuple[list[int], list[str], int, int]] = []
    cluster: list[int] = []
    reach = -1
    layer = layers[order[0]]
    low = places[order[0]][0]
    mixed = False
    for i in order:
        start, end = places[i]
        if start >= reach and cluster:
            _close_cluster(groups, cluster, places, layers, None if mixed else layer, low,
                           reach)
            cluster = []
            layer = layers[i]
            low = start
            mixed = False
        elif layers[i] != layer:
            mixed = True
        cluster.append(i)
        if end > reach:  # noqa: PLR1730 - cheaper than calling max() for every span
            reach = end
    _close_cluster(groups, cluster, places, layers, None if mixed else layer, low, reach)
    return groups


def _close_cluster(groups: list[tuple[list[int], list[str], int, int]], cluster: list[int],
                   places: Sequence[tuple[int, int]], layers: Sequence[str],
                   layer: str | None, start: int, end: int) -> None:
    """The groups of one cluster: all of it when it has one layer, else as linked."""
    if layer is not None:
        groups.append((sorted(cluster), [layer], start, end))
        return
    for members in _linked(cluster, places, layers):
        groups.append((members, sorted({layers[i] for i in members}),
                       min(places[i][0] for i in members),
                       max(places[i][1] for i in members)))


def _linked(cluster: list[int], places: Sequence[tuple[int, int]], layers: Sequence[str]
            ) -> list[list[int]]:
    """The linked components of a cluster of several layers (indices in start order)."""
    parent = {i: i for i in cluster}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    size = len(cluster)
    for pos in range(size):
        i = cluster[pos]
        start_i, end_i = places[i]
        for later in range(pos + 1, size):
            j = cluster[later]
            if places[j][0] >= end_i:
                break
            if layers[i] == layers[j] or places[i] == places[j]:
                parent[find(i)] = find(j)
    components: dict[int, list[int]] = {}
    for i in sorted(cluster):
        components.setdefault(find(i), []).append(i)
    return list(components.values())
