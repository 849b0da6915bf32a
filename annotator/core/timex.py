"""TIMEX3 date values: validation, precision, intervals and comparison.

A DATE span carries a TIMEX3-style ``value`` (domain guide, section 3):

============  ===============================  ===========================
precision     example value                    interval (earliest..latest)
============  ===============================  ===========================
day           ``2022-02-15``                   that day
datetime      ``2022-02-15T14:30``, ``...TMO``  the day of the time
week          ``2022-W06`` (ISO 8601 week)     Monday..Sunday
month         ``2024-11``                      2024-11-01..2024-11-30
quarter       ``2024-Q1``                      2024-01-01..2024-03-31
year          ``2024``                         2024-01-01..2024-12-31
decade        ``202`` (the 2020s)              2020-01-01..2029-12-31
century       ``19`` (the 1900s)               1900-01-01..1999-12-31
unknown_year  ``XXXX-03-03``, ``XXXX-03``       none (the year is unknown)
ref           ``PAST_REF``, ``PRESENT_REF``,   none
              ``FUTURE_REF``
============  ===============================  ===========================

An optional ``mod`` refines the interval returned by :attr:`DateValue.earliest` and
:attr:`DateValue.latest`:

* ``START`` / ``MID`` / ``END`` keep the first / middle / last third of the interval,
  counted in whole days (``n // 3`` days for START and END, the rest for MID; a month of 30
  days gives 1-10, 11-20, 21-30). Intervals shorter than three days are left unchanged.
* ``BEFORE`` -> open start, ends the day before the interval; ``ON_OR_BEFORE`` -> open
  start, ends with the interval; ``AFTER`` -> starts the day after, open end;
  ``ON_OR_AFTER`` -> starts with the interval, open end. An open side is ``None``.
* ``APPROX`` and the duration mods (``LESS_THAN``, ``MORE_THAN``, ``EQUAL_OR_LESS``,
  ``EQUAL_OR_MORE``) leave the interval unchanged.

So ``earliest``/``latest`` are ``None`` on both sides for values that cannot be placed on
the calendar (refs, unknown year) and ``None`` on one side for open-ended values.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

__all__ = [
    "MODS",
    "REFS",
    "DateValue",
    "Precision",
    "compatible",
    "parse_value",
    "same",
]


class Precision(StrEnum):
    """Granularity of a TIMEX3 value."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    REF = "ref"
    DATETIME = "datetime"
    UNKNOWN_YEAR = "unknown_year"


MODS: tuple[str, ...] = (
    "START",
    "MID",
    "END",
    "APPROX",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
)

REFS: tuple[str, ...] = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")

_EXAMPLES = "e.g. 2022-02-15, 2024-11, 2022-W06, 2024-Q1, 2024, 202, XXXX-03-03 or PAST_REF"

_DAY_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATETIME_RE = re.compile(
    r"(\d{4}-\d{2}-\d{2})T(?:(MO|MI|AF|EV|NI|DT)"
    r"|(\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)"
)
_WEEK_RE = re.compile(r"(\d{4})-W(\d{2})")
_QUARTER_RE = re.compile(r"(\d{4})-Q(\d)")
_MONTH_RE = re.compile(r"(\d{4})-(\d{2})")
_UNKNOWN_RE = re.compile(r"XXXX-(\d{2})(?:-(\d{2}))?")
_DIGITS_RE = re.compile(r"\d{2,4}")

_Bounds = tuple[Precision, date | None, date | None]


def _year(raw: str, digits: str) -> int:
    year = int(digits)
    if year < 1:
        raise ValueError(f"'{raw}' is not a valid date: years before 0001 are not supported")
    return year


def _check_month(raw: str, month: int, what: str = "month") -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"'{raw}' is not a valid {what}: there is no month {month:02d}")


def _day(raw: str, year: int, month: int, day: int) -> date:
    _check_month(raw, month, "date")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(
            f"'{raw}' is not a valid date: {calendar.month_name[month]} {year} "
            f"has {last} days"
        )
    return date(year, month, day)


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _analyse_datetime(raw: str, match: re.Match[str]) -> _Bounds:
    day_part, part_of_day, hour, minute, second, _zone = match.groups()
    found = _DAY_RE.fullmatch(day_part)
    assert found is not None  # the datetime pattern guarantees the shape
    day = _day(raw, _year(raw, found[1]), int(found[2]), int(found[3]))
    if part_of_day is None:
        if int(hour) > 24 or int(minute or 0) > 59 or int(second or 0) > 59:
            raise ValueError(f"'{raw}' is not a valid time of day")
    return Precision.DATETIME, day, day


def _analyse_week(raw: str, match: re.Match[str]) -> _Bounds:
    year, week = _year(raw, match[1]), int(match[2])
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        weeks = date(year, 12, 28).isocalendar()[1]
        raise ValueError(
            f"'{raw}' is not a valid ISO week: {year} has weeks W01-W{weeks}"
        ) from None
    return Precision.WEEK, monday, monday + timedelta(days=6)


def _analyse_quarter(raw: str, match: re.Match[str]) -> _Bounds:
    year, quarter = _year(raw, match[1]), int(match[2])
    if not 1 <= quarter <= 4:
        raise ValueError(f"'{raw}' is not a valid quarter: use Q1 to Q4")
    first = _month_bounds(year, quarter * 3 - 2)[0]
    return Precision.QUARTER, first, _month_bounds(year, quarter * 3)[1]


def _analyse_unknown_year(raw: str, match: re.Match[str]) -> _Bounds:
    month = int(match[1])
    _check_month(raw, month)
    if match[2] is not None:
        _day(raw, 2000, month, int(match[2]))  # a leap year, so XXXX-02-29 is allowed
    return Precision.UNKNOWN_YEAR, None, None


def _analyse_digits(raw: str) -> _Bounds:
    """Years (4 digits), decades (3) and centuries (2)."""
    first = int(raw) * 10 ** (4 - len(raw))
    last = first + 10 ** (4 - len(raw)) - 1
    if len(raw) == 4:
        _year(raw, raw)
        return Precision.YEAR, date(first, 1, 1), date(last, 12, 31)
    precision = Precision.DECADE if len(raw) == 3 else Precision.CENTURY
    return precision, date(max(first, 1), 1, 1), date(last, 12, 31)


@lru_cache(maxsize=4096)
def _analyse(raw: str) -> _Bounds:
    """Precision and the unmodified interval of a TIMEX3 value; ValueError if invalid."""
    if not raw:
        raise ValueError("empty date value")
    if raw in REFS:
        return Precision.REF, None, None
    if _DIGITS_RE.fullmatch(raw):
        return _analyse_digits(raw)
    if found := _DAY_RE.fullmatch(raw):
        day = _day(raw, _year(raw, found[1]), int(found[2]), int(found[3]))
        return Precision.DAY, day, day
    if found := _MONTH_RE.fullmatch(raw):
        year, month = _year(raw, found[1]), int(found[2])
        _check_month(raw, month)
        return (Precision.MONTH, *_month_bounds(year, month))
    analysers = (
        (_DATETIME_RE, _analyse_datetime),
        (_WEEK_RE, _analyse_week),
        (_QUARTER_RE, _analyse_quarter),
        (_UNKNOWN_RE, _analyse_unknown_year),
    )
    for pattern, analyser in analysers:
        if found := pattern.fullmatch(raw):
            return analyser(raw, found)
    raise ValueError(f"'{raw}' is not a TIMEX3 date value ({_EXAMPLES})")


def _check_mod(mod: str | None) -> str | None:
    if mod is None:
        return None
    if not isinstance(mod, str):
        raise ValueError(f"mod must be a string, not {type(mod).__name__}")
    cleaned = mod.strip().upper()
    if not cleaned:
        return None
    if cleaned not in MODS:
        raise ValueError(f"'{mod}' is not a valid mod (expected one of {', '.join(MODS)})")
    return cleaned


def _shift(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _apply_mod(
    lo: date, hi: date, mod: str | None
) -> tuple[date | None, date | None]:
    if mod in ("START", "MID", "END"):
        third = ((hi - lo).days + 1) // 3
        if third == 0:
            return lo, hi
        if mod == "START":
            return lo, lo + timedelta(days=third - 1)
        if mod == "END":
            return hi - timedelta(days=third - 1), hi
        return lo + timedelta(days=third), hi - timedelta(days=third)
    open_ended: dict[str, tuple[date | None, date | None]] = {
        "BEFORE": (None, _shift(lo, -1)),
        "ON_OR_BEFORE": (None, hi),
        "AFTER": (_shift(hi, 1), None),
        "ON_OR_AFTER": (lo, None),
    }
    return open_ended.get(mod or "", (lo, hi))


@dataclass(frozen=True)
class DateValue:
    """A validated TIMEX3 value with its precision and optional mod.

    Construct it with :func:`parse_value` (which infers the precision and tidies case
    and whitespace); the constructor itself is strict and raises ``ValueError`` when
    ``precision`` does not match ``value`` or ``mod`` is not one of :data:`MODS`.
    """

    value: str
    precision: Precision
    mod: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.value, str):
            raise ValueError(f"a date value must be a string, not {type(self.value).__name__}")
        inferred = _analyse(self.value)[0]
        try:
            given = Precision(self.precision)
        except ValueError:
            raise ValueError(f"'{self.precision}' is not a precision") from None
        if given is not inferred:
            raise ValueError(
                f"'{self.value}' has precision {inferred.value}, not {given.value}"
            )
        object.__setattr__(self, "precision", inferred)
        object.__setattr__(self, "mod", _check_mod(self.mod))

    def _bounds(self) -> tuple[date | None, date | None]:
        _precision, lo, hi = _analyse(self.value)
        if lo is None or hi is None:
            return None, None
        return _apply_mod(lo, hi, self.mod)

    @property
    def earliest(self) -> date | None:
        """First day the value can denote (mod applied); None if open or unresolvable."""
        return self._bounds()[0]

    @property
    def latest(self) -> date | None:
        """Last day the value can denote (mod applied); None if open or unresolvable."""
        return self._bounds()[1]

    @property
    def resolvable(self) -> bool:
        """False for refs and unknown-year values, which have no calendar interval."""
        return _analyse(self.value)[1] is not None

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form; ``earliest``/``latest`` are ISO dates (or None) for export."""
        lo, hi = self._bounds()
        return {
            "value": self.value,
            "precision": self.precision.value,
            "mod": self.mod,
            "earliest": lo.isoformat() if lo else None,
            "latest": hi.isoformat() if hi else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DateValue:
        """Inverse of :meth:`to_dict` (``earliest``/``latest`` are derived, not read)."""
        if "value" not in data:
            raise ValueError("date value dict has no 'value'")
        result = parse_value(data["value"], data.get("mod"))
        precision = data.get("precision")
        if precision not in (None, "", result.precision.value):
            raise ValueError(
                f"'{result.value}' has precision {result.precision.value}, not {precision}"
            )
        return result

    def __str__(self) -> str:
        return f"{self.value} ({self.mod})" if self.mod else self.value


def parse_value(value: str, mod: str | None = None) -> DateValue:
    """Validate a TIMEX3 ``value`` (and ``mod``), inferring its precision.

    Surrounding whitespace is ignored and letters are upper-cased (``2022-w06`` and
    ``past_ref`` are accepted). Raises ``ValueError`` with a message meant for the
    annotator, e.g. ``'2024-13' is not a valid month: there is no month 13``.
    """
    if not isinstance(value, str):
        raise ValueError(f"a date value must be a string, not {type(value).__name__}")
    cleaned = value.strip().upper()
    return DateValue(cleaned, _analyse(cleaned)[0], mod)


def same(a: DateValue, b: DateValue) -> bool:
    """Exact agreement: the same value and the same mod."""
    return a.value == b.value and a.mod == b.mod


def _interval(v: DateValue) -> tuple[date, date] | None:
    if not v.resolvable:
        return None
    lo, hi = v._bounds()
    return lo or date.min, hi or date.max


def _contains(outer: tuple[date, date], inner: tuple[date, date]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _unknown_year_parts(v: DateValue) -> tuple[int, int | None]:
    parts = v.value.split("-")
    return int(parts[1]), int(parts[2]) if len(parts) > 2 else None


def _compatible_unknown_year(u: DateValue, other: DateValue) -> bool:
    """``XXXX-MM(-DD)`` against another value: does some year make them compatible?"""
    if other.precision is Precision.UNKNOWN_YEAR:
        (m1, d1), (m2, d2) = _unknown_year_parts(u), _unknown_year_parts(other)
        return m1 == m2 and (d1 is None or d2 is None or d1 == d2)
    span = _interval(other)
    if span is None or span[0] == date.min or span[1] == date.max:
        return False
    for year in range(span[0].year, span[1].year + 1):
        try:
            candidate = parse_value(u.value.replace("XXXX", f"{year:04d}"), u.mod)
        except ValueError:  # XXXX-02-29 in a year without 29 February
            continue
        if compatible(candidate, other):
            return True
    return False


def compatible(a: DateValue, b: DateValue) -> bool:
    """True if one value's interval contains the other's (``2024-11`` / ``2024-11-15``).

    Mods are applied first (``2024-11`` START does not contain ``2024-11-25``). Refs are
    compatible only with the same ref. A value with unknown year is compatible with a
    concrete value if filling in one of that value's years makes them compatible, and
    with another unknown-year value if month (and day, when both have one) agree.
    """
    if same(a, b):
        return True
    if a.precision is Precision.REF or b.precision is Precision.REF:
        return a.value == b.value
    if a.precision is Precision.UNKNOWN_YEAR:
        return _compatible_unknown_year(a, b)
    if b.precision is Precision.UNKNOWN_YEAR:
        return _compatible_unknown_year(b, a)
    ia, ib = _interval(a), _interval(b)
    assert ia is not None and ib is not None  # refs and unknown years handled above
    return _contains(ia, ib) or _contains(ib, ia)
