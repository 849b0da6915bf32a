"""Tests for annotator.core.agreement.spans: span matching and F1."""

from __future__ import annotations

import math
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
