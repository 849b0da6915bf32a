"""Comparing two claim frames: their date intervals, their roles, their demand text.

The pieces every event service shares: the calendar interval a claim's TIMEX
value allows (:func:`interval`), the index ranges that find other values in
that interval (:func:`index_ranges`), and the demand-text similarity
(rapidfuzz's token-set ratio, which ignores word order and repeated words).
"""

from __future__ import annotations

from datetime import date, timedelta

from rapidfuzz import fuzz

from annotator.core.events.records import ClaimFrame
from annotator.core.timex import parse_value

Interval = tuple[date, date]

_MAX_MONTHS = 36
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def interval(value: str, mod: str = "") -> Interval | None:
    """First and last day ``value`` can denote; None when it has no calendar interval
    (empty, a ref such as PAST_REF, an unknown year, an open-ended mod)."""
    if not value:
        return None
    try:
        parsed = parse_value(value, mod or None)
    except ValueError:
        return None
    lo, hi = parsed.earliest, parsed.latest
    return None if lo is None or hi is None else (lo, hi)


def frame_interval(frame: ClaimFrame) -> Interval | None:
    return interval(frame.date_value, frame.date_mod)


def overlap(a: Interval, b: Interval) -> Interval | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


CLOSE_DAYS = 7
"""Dates at most this many days apart may still be one event reported with a wrong day."""


def gap_days(a: Interval, b: Interval) -> int:
    """Days between two intervals (0 when they overlap)."""
    return max(0, (max(a[0], b[0]) - min(a[1], b[1])).days)


def widened(span: Interval, days: int = CLOSE_DAYS) -> Interval:
    return span[0] - timedelta(days=days), span[1] + timedelta(days=days)


def describe(span: Interval) -> str:
    """``15-15 Nov 2024``, ``28 Oct-3 Nov 2024``, ``30 Dec 2024-2 Jan 2025``."""
    lo, hi = span
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.day}-{hi.day} {_MONTHS[lo.month - 1]} {lo.year}"
    if lo.year == hi.year:
        return f"{lo.day} {_MONTHS[lo.month - 1]}-{hi.day} {_MONTHS[hi.month - 1]} {lo.year}"
    return f"{lo.day} {_MONTHS[lo.month - 1]} {lo.year}-{hi.day} {_MONTHS[hi.month - 1]} {hi.year}"


def index_ranges(span: Interval) -> list[tuple[str, str]]:
    """String ranges ``[lo, hi)`` of the TIMEX values that can overlap ``span``: days and
    times inside it, the months and years it touches, and those years' weeks and quarters.
    Each is one range of the date-value index."""
    lo, hi = span
    ranges = [(lo.isoformat(), (hi + timedelta(days=1)).isoformat())]
    year, month, months = lo.year, lo.month, 0
    while (year, month) <= (hi.year, hi.month) and months < _MAX_MONTHS:
        ranges.append((f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-"))
        month, months = (1, months + 1) if month == 12 else (month + 1, months + 1)
        year += 1 if month == 1 else 0
    for y in range(lo.year, min(hi.year, lo.year + 3) + 1):
        ranges += [(f"{y:04d}", f"{y:04d}-"), (f"{y:04d}-Q", f"{y:04d}-R"),
                   (f"{y:04d}-W", f"{y:04d}-X")]
    return ranges


def text_similarity(a: str, b: str) -> float:
    """0..1: how alike two demand texts are, word order aside."""
    if not a.strip() or not b.strip():
        return 0.0
    return float(fuzz.token_set_ratio(a.lower(), b.lower())) / 100.0


def dates_conflict(a: ClaimFrame, b: ClaimFrame) -> bool:
    """Both dates resolve and their intervals do not meet."""
    ia, ib = frame_interval(a), frame_interval(b)
    return ia is not None and ib is not None and overlap(ia, ib) is None
