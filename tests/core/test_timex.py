"""Tests for annotator.core.timex: TIMEX3 parsing, intervals, mods and compatibility."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from annotator.core.timex import MODS, DateValue, Precision, compatible, parse_value, same

D = date


@pytest.mark.parametrize(
    ("value", "precision", "earliest", "latest"),
    [
        ("2022-02-15", Precision.DAY, D(2022, 2, 15), D(2022, 2, 15)),
        ("2024-11", Precision.MONTH, D(2024, 11, 1), D(2024, 11, 30)),
        ("2024-02", Precision.MONTH, D(2024, 2, 1), D(2024, 2, 29)),
        ("2023-02", Precision.MONTH, D(2023, 2, 1), D(2023, 2, 28)),
        ("2022-W06", Precision.WEEK, D(2022, 2, 7), D(2022, 2, 13)),
        ("2020-W53", Precision.WEEK, D(2020, 12, 28), D(2021, 1, 3)),
        ("2022-W01", Precision.WEEK, D(2022, 1, 3), D(2022, 1, 9)),
        ("2024-Q1", Precision.QUARTER, D(2024, 1, 1), D(2024, 3, 31)),
        ("2024-Q4", Precision.QUARTER, D(2024, 10, 1), D(2024, 12, 31)),
        ("2024", Precision.YEAR, D(2024, 1, 1), D(2024, 12, 31)),
        ("202", Precision.DECADE, D(2020, 1, 1), D(2029, 12, 31)),
        ("19", Precision.CENTURY, D(1900, 1, 1), D(1999, 12, 31)),
        ("2022-02-15T14:30", Precision.DATETIME, D(2022, 2, 15), D(2022, 2, 15)),
        ("2022-02-15T14:30:05+01:00", Precision.DATETIME, D(2022, 2, 15), D(2022, 2, 15)),
        ("2022-02-15TMO", Precision.DATETIME, D(2022, 2, 15), D(2022, 2, 15)),
        ("XXXX-03-03", Precision.UNKNOWN_YEAR, None, None),
        ("XXXX-02-29", Precision.UNKNOWN_YEAR, None, None),
        ("XXXX-03", Precision.UNKNOWN_YEAR, None, None),
        ("PAST_REF", Precision.REF, None, None),
        ("PRESENT_REF", Precision.REF, None, None),
        ("FUTURE_REF", Precision.REF, None, None),
    ],
)
def test_parse_value_precision_and_interval(
    value: str, precision: Precision, earliest: date | None, latest: date | None
) -> None:
    parsed = parse_value(value)
    assert parsed.value == value
    assert parsed.precision is precision
    assert (parsed.earliest, parsed.latest) == (earliest, latest)
    assert parsed.resolvable is (earliest is not None)


def test_parse_value_tidies_case_and_whitespace() -> None:
    assert parse_value(" 2022-w06 ").value == "2022-W06"
    assert parse_value("past_ref").value == "PAST_REF"
    assert parse_value("xxxx-03-03").value == "XXXX-03-03"
    assert parse_value("2024", " approx ").mod == "APPROX"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-13", "'2024-13' is not a valid month: there is no month 13"),
        ("2024-00", "'2024-00' is not a valid month"),
        ("2024-02-30", "'2024-02-30' is not a valid date: February 2024 has 29 days"),
        ("2023-02-29", "February 2023 has 28 days"),
        ("2024-13-01", "'2024-13-01' is not a valid date: there is no month 13"),
        ("2021-W53", "'2021-W53' is not a valid ISO week: 2021 has weeks W01-W52"),
        ("2022-W00", "is not a valid ISO week"),
        ("2024-Q5", "'2024-Q5' is not a valid quarter"),
        ("XXXX-13", "'XXXX-13' is not a valid month"),
        ("XXXX-02-30", "is not a valid date"),
        ("0000", "years before 0001 are not supported"),
        ("2022-02-15T25:00", "is not a valid time of day"),
        ("2022-02-15T14:61", "is not a valid time of day"),
        ("2024-1", "'2024-1' is not a TIMEX3 date value"),
        ("next week", "'NEXT WEEK' is not a TIMEX3 date value"),
        ("2024-SU", "is not a TIMEX3 date value"),
        ("", "empty date value"),
        ("   ", "empty date value"),
    ],
)
def test_parse_value_errors_are_readable(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_value(value)


def test_parse_value_rejects_non_strings() -> None:
    with pytest.raises(ValueError, match="must be a string"):
        parse_value(2024)  # type: ignore[arg-type]


def test_mods_are_validated_and_normalised() -> None:
    assert set(MODS) >= {"START", "MID", "END", "APPROX", "BEFORE", "AFTER",
                         "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
                         "EQUAL_OR_LESS", "EQUAL_OR_MORE"}
    assert len(MODS) == 12
    assert parse_value("2024", "approx").mod == "APPROX"
    assert parse_value("2024", "").mod is None
    with pytest.raises(ValueError, match="'SOMETIMES' is not a valid mod"):
        parse_value("2024", "SOMETIMES")


def test_constructor_checks_precision_against_value() -> None:
    assert DateValue("2024-11", "month").precision is Precision.MONTH  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'2024-11' has precision month, not day"):
        DateValue("2024-11", Precision.DAY)
    with pytest.raises(ValueError, match="'fortnight' is not a precision"):
        DateValue("2024-11", "fortnight")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a valid month"):
        DateValue("2024-13", Precision.MONTH)


def test_date_value_is_frozen_and_hashable() -> None:
    value = parse_value("2024-11")
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.value = "2024-12"  # type: ignore[misc]
    assert len({value, parse_value("2024-11"), parse_value("2024-11", "START")}) == 2


@pytest.mark.parametrize(
    ("value", "mod", "earliest", "latest"),
    [
        ("2024-11", "START", D(2024, 11, 1), D(2024, 11, 10)),
        ("2024-11", "MID", D(2024, 11, 11), D(2024, 11, 20)),
        ("2024-11", "END", D(2024, 11, 21), D(2024, 11, 30)),
        ("2024-12", "START", D(2024, 12, 1), D(2024, 12, 10)),
        ("2024-12", "MID", D(2024, 12, 11), D(2024, 12, 21)),
        ("2024-12", "END", D(2024, 12, 22), D(2024, 12, 31)),
        ("2024", "START", D(2024, 1, 1), D(2024, 5, 1)),
        ("2024", "END", D(2024, 9, 1), D(2024, 12, 31)),
        ("202", "END", D(2026, 9, 2), D(2029, 12, 31)),  # 3653 days, last 1217
        ("2022-W06", "START", D(2022, 2, 7), D(2022, 2, 8)),
        ("2022-02-15", "START", D(2022, 2, 15), D(2022, 2, 15)),
        ("2022", "BEFORE", None, D(2021, 12, 31)),
        ("2022", "ON_OR_BEFORE", None, D(2022, 12, 31)),
        ("2022", "AFTER", D(2023, 1, 1), None),
        ("2022", "ON_OR_AFTER", D(2022, 1, 1), None),
        ("2022", "APPROX", D(2022, 1, 1), D(2022, 12, 31)),
        ("2022", "MORE_THAN", D(2022, 1, 1), D(2022, 12, 31)),
        ("PAST_REF", "APPROX", None, None),
    ],
)
def test_mods_narrow_or_open_the_interval(
    value: str, mod: str, earliest: date | None, latest: date | None
) -> None:
    parsed = parse_value(value, mod)
    assert (parsed.earliest, parsed.latest) == (earliest, latest)


def test_to_dict_and_from_dict_round_trip() -> None:
    value = parse_value("2024-11", "END")
    data = value.to_dict()
    assert data == {"value": "2024-11", "precision": "month", "mod": "END",
                    "earliest": "2024-11-21", "latest": "2024-11-30"}
    assert DateValue.from_dict(data) == value
    assert DateValue.from_dict({"value": "PAST_REF"}).to_dict() == {
        "value": "PAST_REF", "precision": "ref", "mod": None,
        "earliest": None, "latest": None}


def test_from_dict_rejects_inconsistent_data() -> None:
    with pytest.raises(ValueError, match="has precision month, not day"):
        DateValue.from_dict({"value": "2024-11", "precision": "day"})
    with pytest.raises(ValueError, match="no 'value'"):
        DateValue.from_dict({"precision": "day"})


def test_str() -> None:
    assert str(parse_value("2024-11")) == "2024-11"
    assert str(parse_value("2020", "APPROX")) == "2020 (APPROX)"
    assert str(Precision.WEEK) == "week"


def test_same_requires_value_and_mod() -> None:
    assert same(parse_value("2024-11"), parse_value("2024-11"))
    assert not same(parse_value("2024-11"), parse_value("2024-11", "START"))
    assert not same(parse_value("2024-11"), parse_value("2024-11-15"))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2024-11", "2024-11-15", True),
        ("2024-11", "2024-12-01", False),
        ("2024", "2024-Q1", True),
        ("2024-Q1", "2024-W14", False),  # 1-7 April 2024
        ("2024-Q1", "2024-W13", True),  # 25-31 March 2024
        ("2022-W06", "2022-02-09", True),
        ("2022-W06", "2022-02", True),
        ("2022-W06", "2022-02-14", False),
        ("202", "2024-11", True),
        ("19", "2024", False),
        ("2024", "2025", False),
        ("2024-11-15", "2024-11-15", True),
        ("2022-02-15T14:30", "2022-02-15", True),
        ("PAST_REF", "PAST_REF", True),
        ("PAST_REF", "2020", False),
        ("PAST_REF", "FUTURE_REF", False),
        ("XXXX-03-03", "2024-03-03", True),
        ("XXXX-03-03", "2024-03", True),
        ("XXXX-03-03", "2024-04", False),
        ("XXXX-03-03", "2024-03-04", False),
        ("XXXX-03", "XXXX-03-03", True),
        ("XXXX-03-03", "XXXX-03-04", False),
        ("XXXX-02-29", "2024", True),
        ("XXXX-02-29", "2023", False),
        ("XXXX-03-03", "PAST_REF", False),
    ],
)
def test_compatible_is_containment_either_way(a: str, b: str, expected: bool) -> None:
    va, vb = parse_value(a), parse_value(b)
    assert compatible(va, vb) is expected
    assert compatible(vb, va) is expected


@pytest.mark.parametrize(
    ("a", "mod", "b", "expected"),
    [
        ("2024-11", "START", "2024-11-05", True),
        ("2024-11", "START", "2024-11-25", False),
        ("2024-11", "END", "2024-11-25", True),
        ("2022", "BEFORE", "2020-05-01", True),
        ("2022", "BEFORE", "2022-05-01", False),
        ("2022", "AFTER", "2023", True),
        ("2020", "APPROX", "2020-06", True),
        ("XXXX-11", "START", "2024-11-25", False),
        ("PAST_REF", "APPROX", "PAST_REF", True),
    ],
)
def test_compatible_applies_mods(a: str, mod: str, b: str, expected: bool) -> None:
    assert compatible(parse_value(a, mod), parse_value(b)) is expected
    assert compatible(parse_value(b), parse_value(a, mod)) is expected
