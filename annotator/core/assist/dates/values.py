"""TIMEX3 values built from calendar parts: a day, an ISO week, a month, a date moved by
some units, and a year-less date placed in the year nearest the publication date.

Shared by the rules and the dateparser fallback (which reports weeks as ISO weeks too).
"""

from __future__ import annotations

from datetime import date, timedelta

from annotator.core.timex import DateValue, Precision, parse_value


def day_value(year: int, month: int, day: int) -> DateValue | None:
    """The day, or None when there is no such day (31 April)."""
    try:
        return parse_value(f"{year:04d}-{month:02d}-{day:02d}")
    except ValueError:
        return None


def week_value(day: date) -> DateValue:
    """The ISO week that ``day`` falls in."""
    year, week, _ = day.isocalendar()
    return parse_value(f"{year:04d}-W{week:02d}")


def month_value(year: int, month: int, mod: str | None = None) -> DateValue | None:
    """The month, or None before year 1 (a month shifted too far back)."""
    if year < 1:
        return None
    return parse_value(f"{year:04d}-{month:02d}", mod)


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``offset`` months."""
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def _distance(dct: date, lo: date, hi: date) -> int:
    if lo <= dct <= hi:
        return 0
    return min(abs((lo - dct).days), abs((hi - dct).days))


def nearest_year(dct: date, pattern: str, mod: str | None = None) -> DateValue | None:
    """Fill ``XXXX`` in ``pattern`` with the year (dct year -1..+1) closest to dct."""
    best: tuple[int, int, DateValue] | None = None
    years = [dct.year - 1, dct.year, dct.year + 1]
    if pattern.startswith("XXXX-02-29"):  # 29 February: look up to four years away
        years = list(range(dct.year - 4, dct.year + 5))
    for year in years:
        try:
            value = parse_value(pattern.replace("XXXX", f"{year:04d}"), mod)
        except ValueError:  # 29 February in a common year
            continue
        plain = parse_value(value.value)  # distance to the whole month, not a third
        assert plain.earliest is not None and plain.latest is not None
        rank = (_distance(dct, plain.earliest, plain.latest), year)
        if best is None or rank < best[:2]:
            best = (*rank, value)
    return best[2] if best else None



def unit_value(dct: date, unit: str, offset: int, mod: str | None = None) -> DateValue | None:
    """``dct`` moved by ``offset`` units, at the unit's precision."""
    try:
        if unit == "day":
            return parse_value((dct + timedelta(days=offset)).isoformat(), mod)
        if unit == "week":
            return DateValue(week_value(dct + timedelta(weeks=offset)).value,
                             Precision.WEEK, mod)
        if unit == "month":
            return month_value(*shift_month(dct.year, dct.month, offset), mod)
        return parse_value(f"{dct.year + offset:04d}", mod)
    except (OverflowError, ValueError):
        return None

