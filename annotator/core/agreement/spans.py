"""Agreement on text spans: matching two coders' spans and their precision/recall/F1.

Owns the span value (:class:`Unit` and :func:`as_unit`), one-to-one span matching
between two coders (exact, or overlapping by maximum matching), pairwise F1 and the
micro-average over documents. Krippendorff's alpha_U is in
:mod:`annotator.core.agreement.unitizing`, grouping spans into review items in
:mod:`annotator.core.agreement.grouping`.

A span is a :class:`Unit`, a ``(start, end)`` or ``(start, end, label)`` tuple, or any object
with ``start``, ``end`` and optionally ``label`` attributes (e.g. the core ``Span`` model).
Offsets are character positions, half-open: ``[start, end)``.
"""

from __future__ import annotations

from collections import defaultdict
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
        return overlap_count_places([(u.start, u.end) for u in a], [(u.start, u.end) for u in b])
    adjacency = [
        [j for j, ub in enumerate(b) if ua.start < ub.end and ub.start < ua.end
         and ua.label == ub.label]
        for ua in a
    ]
    return _max_matching(adjacency, len(b))


def overlap_count_places(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
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

