"""The dateparser fallback: expressions the rules do not cover, read by dateparser and
accepted only when its answer can be trusted.

dateparser (``DateDataParser.get_date_data`` with ``RETURN_TIME_AS_PERIOD``) answers with
a datetime and the period it means; the answer is cut to that period (day, week, month,
year; a time only when the expression contains one). Whether an expression is relative is
found by asking at two probe dates: relative ones need the publication date, absolute
ones must agree with their own digits (dateparser reads "13 februari" as February 2013).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from annotator.core.assist.dates.values import week_value
from annotator.core.timex import DateValue, Precision, parse_value

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_PROBE_BASES = (date(2001, 3, 7), date(2013, 10, 22))
_TIME_RE = re.compile(r"\d{1,2}[:.]\d{2}")


@lru_cache(maxsize=32)
def _date_data_parser(language: str, base: date) -> DateDataParser:
    from dateparser.date import DateDataParser  # slow import: only when needed

    settings: dict[str, Any] = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
    }
    if language != "en":
        settings["DATE_ORDER"] = "DMY"
    return DateDataParser(languages=[language], settings=settings)


def _truncate(moment: datetime, period: str, expression: str) -> DateValue | None:
    """dateparser's datetime cut down to the precision it reports."""
    day = moment.date()
    if period == "time":
        rest = _TIME_RE.sub("", expression, count=1)
        if rest == expression or not re.search(r"\w", rest):
            return None  # "the 1990s" comes back as a time; "15.11" alone is no date
        return parse_value(moment.strftime("%Y-%m-%dT%H:%M"))
    if period == "week":
        return week_value(day)
    formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    if period not in formats:
        return None
    return parse_value(day.strftime(formats[period]))


def dateparser_raw(expression: str, language: str, base: date) -> DateValue | None:
    """dateparser's reading of ``expression`` relative to ``base``, untested."""
    try:
        data = _date_data_parser(language, base).get_date_data(expression)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    return _truncate(data.date_obj, data.period or "day", expression)


def _value_numbers(value: DateValue) -> set[int]:
    numbers = {int(n) for n in re.findall(r"\d+", value.value)}
    if value.precision in (Precision.DAY, Precision.DATETIME):
        numbers.add(int(value.value[:4]) % 100)  # two-digit years: 15.11.24
    return numbers


def _digits_agree(expression: str, value: DateValue) -> bool:
    """Every number written in an absolute expression must be part of the value."""
    allowed = _value_numbers(value)
    return all(int(n) in allowed for n in re.findall(r"\d+", expression))


@lru_cache(maxsize=2048)
def dateparser_value(expression: str, language: str, dct: date | None) -> DateValue | None:
    """dateparser's reading of ``expression``, or None if it has none we can trust.

    An expression is relative if its value changes with the base date; relative ones
    need ``dct``; absolute ones must agree with their own digits.
    """
    first, second = [dateparser_raw(expression, language, base) for base in _PROBE_BASES]
    absolute = first is not None and first == second
    if dct is None:
        if first is None or not absolute:
            return None
        return first if _digits_agree(expression, first) else None
    value = dateparser_raw(expression, language, dct)
    if value is not None and absolute and not _digits_agree(expression, value):
        return None
    return value
