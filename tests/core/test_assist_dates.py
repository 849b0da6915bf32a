"""Tests for annotator.core.assist.dates: detection, normalisation, offsets, false positives.

Unless stated otherwise the publication date (dct) is Tuesday 2022-02-15.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from annotator.core.assist.dates import DateSuggestion, fallback, find_dates, normalise
from annotator.core.timex import Precision, parse_value

DCT = date(2022, 2, 15)

P = Precision

# (expression, value, precision, mod)
NORMALISE_TABLE: dict[str, list[tuple[str, str, Precision, str | None]]] = {
    "sv": [
        ("i går", "2022-02-14", P.DAY, None),
        ("igår", "2022-02-14", P.DAY, None),
        ("i dag", "2022-02-15", P.DAY, None),
        ("i morgon", "2022-02-16", P.DAY, None),
        ("i förrgår", "2022-02-13", P.DAY, None),
        ("förra veckan", "2022-W06", P.WEEK, None),
        ("nästa vecka", "2022-W08", P.WEEK, None),
        ("i fredags", "2022-02-11", P.DAY, None),
        ("på fredag", "2022-02-18", P.DAY, None),
        ("på tisdagen", "2022-02-15", P.DAY, None),
        ("i december 2022", "2022-12", P.MONTH, None),
        ("i mars 2022", "2022-03", P.MONTH, None),
        ("1 oktober 2024", "2024-10-01", P.DAY, None),
        ("Publicerad 1 oktober 2024 kl 15.11", "2024-10-01", P.DAY, None),
        ("den 3:e mars 2022", "2022-03-03", P.DAY, None),
        ("15 feb 2022", "2022-02-15", P.DAY, None),
        ("13 februari", "2022-02-13", P.DAY, None),
        ("i juni", "2022-06", P.MONTH, None),
        ("i början av mars", "2022-03", P.MONTH, "START"),
        ("år 2022", "2022", P.YEAR, None),
        ("i fjol", "2021", P.YEAR, None),
        ("för nästan två år sedan", "2020", P.YEAR, "APPROX"),
        ("för tre veckor sedan", "2022-W04", P.WEEK, None),
        ("för mer än två år sedan", "2020", P.YEAR, "ON_OR_BEFORE"),
        ("för några år sedan", "PAST_REF", P.REF, None),
        ("1990-talet", "199", P.DECADE, None),
        ("1900-talet", "19", P.CENTURY, None),
        ("första kvartalet 2024", "2024-Q1", P.QUARTER, None),
    ],
    "nb": [
        ("i går", "2022-02-14", P.DAY, None),
        ("idag", "2022-02-15", P.DAY, None),
        ("i morgen", "2022-02-16", P.DAY, None),
        ("i overmorgen", "2022-02-17", P.DAY, None),
        ("forrige uke", "2022-W06", P.WEEK, None),
        ("neste uke", "2022-W08", P.WEEK, None),
        ("denne uka", "2022-W07", P.WEEK, None),
        ("på fredag", "2022-02-18", P.DAY, None),
        ("i fredag", "2022-02-11", P.DAY, None),
        ("sist fredag", "2022-02-11", P.DAY, None),
        ("mandag kveld", "2022-02-14", P.DAY, None),
        ("i desember 2022", "2022-12", P.MONTH, None),
        ("1. oktober 2024", "2024-10-01", P.DAY, None),
        ("15.02.2022 14:27", "2022-02-15T14:27", P.DATETIME, None),
        ("for nesten to år siden", "2020", P.YEAR, "APPROX"),
        ("for et år siden", "2021", P.YEAR, None),
        ("for fem dager siden", "2022-02-10", P.DAY, None),
        ("i fjor", "2021", P.YEAR, None),
        ("medio mars", "2022-03", P.MONTH, "MID"),
        ("1990-tallet", "199", P.DECADE, None),
        ("første kvartal 2024", "2024-Q1", P.QUARTER, None),
    ],
    "en": [
        ("yesterday", "2022-02-14", P.DAY, None),
        ("today", "2022-02-15", P.DAY, None),
        ("tomorrow", "2022-02-16", P.DAY, None),
        ("last week", "2022-W06", P.WEEK, None),
        ("next week", "2022-W08", P.WEEK, None),
        ("last Friday", "2022-02-11", P.DAY, None),
        ("on Friday", "2022-02-11", P.DAY, None),
        ("next Friday", "2022-02-18", P.DAY, None),
        ("this Friday", "2022-02-18", P.DAY, None),
        ("in December 2022", "2022-12", P.MONTH, None),
        ("18 Nov 2024", "2024-11-18", P.DAY, None),
        ("November 18, 2024", "2024-11-18", P.DAY, None),
        ("Monday, 14 February 2022", "2022-02-14", P.DAY, None),
        ("nearly two years ago", "2020", P.YEAR, "APPROX"),
        ("a year ago", "2021", P.YEAR, None),
        ("three months ago", "2021-11", P.MONTH, None),
        ("several years ago", "PAST_REF", P.REF, None),
        ("in June", "2022-06", P.MONTH, None),
        ("early June", "2022-06", P.MONTH, "START"),
        ("in 2022", "2022", P.YEAR, None),
        ("mid-2022", "2022", P.YEAR, "MID"),
        ("the end of 2022", "2022", P.YEAR, "END"),
        ("the 1990s", "199", P.DECADE, None),
        ("20th century", "19", P.CENTURY, None),
        ("Q1 2024", "2024-Q1", P.QUARTER, None),
    ],
    "de": [
        ("gestern", "2022-02-14", P.DAY, None),
        ("heute", "2022-02-15", P.DAY, None),
        ("morgen", "2022-02-16", P.DAY, None),
        ("vorgestern", "2022-02-13", P.DAY, None),
        ("letzte Woche", "2022-W06", P.WEEK, None),
        ("vergangene Woche", "2022-W06", P.WEEK, None),
        ("nächste Woche", "2022-W08", P.WEEK, None),
        ("am Dienstag", "2022-02-15", P.DAY, None),
        ("Montagabend", "2022-02-14", P.DAY, None),
        ("letzten Freitag", "2022-02-11", P.DAY, None),
        ("nächsten Freitag", "2022-02-18", P.DAY, None),
        ("im März 2022", "2022-03", P.MONTH, None),
        ("15. November 2024", "2024-11-15", P.DAY, None),
        ("vor zwei Jahren", "2020", P.YEAR, None),
        ("vor fast zwei Jahren", "2020", P.YEAR, "APPROX"),
        ("vor einem Monat", "2022-01", P.MONTH, None),
        ("Mitte März", "2022-03", P.MONTH, "MID"),
        ("Ende 2022", "2022", P.YEAR, "END"),
        ("im Jahr 2022", "2022", P.YEAR, None),
        ("letztes Jahr", "2021", P.YEAR, None),
        ("1990er Jahre", "199", P.DECADE, None),
        ("20. Jahrhundert", "19", P.CENTURY, None),
        ("1. Quartal 2024", "2024-Q1", P.QUARTER, None),
    ],
}

NORMALISE_CASES = [
    (lang, *row) for lang, rows in NORMALISE_TABLE.items() for row in rows
]


def test_dct_is_a_tuesday() -> None:
    assert DCT.weekday() == 1


@pytest.mark.parametrize("lang", sorted(NORMALISE_TABLE))
def test_at_least_twelve_expressions_per_language(lang: str) -> None:
    assert len(NORMALISE_TABLE[lang]) >= 12


@pytest.mark.parametrize(("lang", "expression", "value", "precision", "mod"), NORMALISE_CASES)
def test_normalise_table(
    lang: str, expression: str, value: str, precision: Precision, mod: str | None
) -> None:
    result = normalise(expression, lang, DCT)
    assert result is not None
    assert (result.value, result.precision, result.mod) == (value, precision, mod)


# (language, sentence, span text, value, mod): spans follow TimeML, prepositions excluded
FIND_CASES = [
    ("sv", "Vollmer ringde i går kväll upp Putin.", "i går", "2022-02-14", None),
    ("sv", "Kanslern besökte Kiev förra veckan.", "förra veckan", "2022-W06", None),
    ("sv", "Hon ringde Putin i fredags.", "i fredags", "2022-02-11", None),
    ("sv", "Ministrarna möts på fredag.", "på fredag", "2022-02-18", None),
    ("sv", "Redan i december 2022 krävde Moskva garantier.", "december 2022", "2022-12",
     None),
    ("sv", "Toppmötet hålls i Madrid i juni.", "juni", "2022-06", None),
    ("sv", "Publicerad 1 oktober 2024 kl 15.11", "1 oktober 2024", "2024-10-01", None),
    ("sv", "De träffades för nästan två år sedan.", "för nästan två år sedan", "2020",
     "APPROX"),
    ("sv", "Planen ska vara klar i slutet av mars.", "slutet av mars", "2022-03", "END"),
    ("sv", "Avtalet skrevs år 2022.", "år 2022", "2022", None),
    ("nb", "Vollmer var reist forrige uke til Kiev.", "forrige uke", "2022-W06", None),
    ("nb", "EU-ministrene møtes neste uke.", "neste uke", "2022-W08", None),
    ("nb", "I går kveld ringte Vollmer Putin.", "I går", "2022-02-14", None),
    ("nb", "Whitaker kommer på fredag.", "på fredag", "2022-02-18", None),
    ("nb", "Publisert 15.02.2022 14:27", "15.02.2022", "2022-02-15", None),
    ("nb", "Det skjedde i desember 2022.", "desember 2022", "2022-12", None),
    ("nb", "De møttes for nesten to år siden.", "for nesten to år siden", "2020", "APPROX"),
    ("en", "Vollmer travelled to Kyiv last week.", "last week", "2022-W06", None),
    ("en", "They met last Friday in Berlin.", "last Friday", "2022-02-11", None),
    ("en", "Yermakov said on Friday that Moscow waits.", "Friday", "2022-02-11", None),
    ("en", "The talks began in December 2022.", "December 2022", "2022-12", None),
    ("en", "15 Nov 2024 – By Rachel Onslow", "15 Nov 2024", "2024-11-15", None),
    ("en", "Updated 18 Nov 2024", "18 Nov 2024", "2024-11-18", None),
    ("en", "They have not met for a call nearly two years ago.", "nearly two years ago",
     "2020", "APPROX"),
    ("en", "Leaders meet in Madrid in June.", "June", "2022-06", None),
    ("en", "The alliance was founded in 1949.", "1949", "1949", None),
    ("de", "Regierungssprecher Albrecht teilte am Dienstag mit.", "Dienstag", "2022-02-15",
     None),
    ("de", "Vollmer war letzte Woche in Kiew.", "letzte Woche", "2022-W06", None),
    ("de", "Das Treffen ist im März 2022.", "März 2022", "2022-03", None),
    ("de", "Veröffentlicht am 15. November 2024, 11:30 Uhr", "15. November 2024",
     "2024-11-15", None),
    ("de", "Sie wollen Mitte März sprechen.", "Mitte März", "2022-03", "MID"),
    ("de", "Das Gespräch am Montagabend dauerte lange.", "Montagabend", "2022-02-14", None),
]


@pytest.mark.parametrize(("lang", "text", "span", "value", "mod"), FIND_CASES)
def test_find_dates_spans_and_values(
    lang: str, text: str, span: str, value: str, mod: str | None
) -> None:
    found = find_dates(text, lang, DCT)
    assert [(s.text, s.value.value, s.value.mod) for s in found] == [(span, value, mod)]
    only = found[0]
    assert text[only.start:only.end] == span
    assert only.start == text.index(span)


def test_offsets_are_code_points_after_an_emoji() -> None:
    text = "“Diplomacy still has a pulse 🙏🇺🇦” — Putin ringde i går."
    [found] = find_dates(text, "sv", DCT)
    assert text[found.start:found.end] == "i går"
    assert found.start == text.index("i går")
    # Qt counts UTF-16 code units: three astral characters before the span shift it by 3
    utf16_start = len(text[:found.start].encode("utf-16-le")) // 2
    assert utf16_start == found.start + 3


def test_several_dates_come_back_in_text_order_without_overlap() -> None:
    text = ("Publicerad 15 februari 2022 kl 15.11. Vollmer ringde i går och besökte Kiev "
            "förra veckan. Natos ministrar möts på onsdag och torsdag, och toppmötet i "
            "Madrid hålls i juni.")
    found = find_dates(text, "sv", DCT)
    assert [(s.text, s.value.value) for s in found] == [
        ("15 februari 2022", "2022-02-15"),
        ("i går", "2022-02-14"),
        ("förra veckan", "2022-W06"),
        ("på onsdag", "2022-02-16"),
        ("torsdag", "2022-02-17"),  # coordinated with "på onsdag": also upcoming
        ("juni", "2022-06"),
    ]
    for before, after in zip(found, found[1:], strict=False):
        assert before.end <= after.start
    assert all(text[s.start:s.end] == s.text for s in found)
    assert all(isinstance(s, DateSuggestion) and s.rule for s in found)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Putin may demand more guarantees.", []),
        ("en", "They may 5 times have tried.", []),
        ("en", "Today is the 1,000th day since the site went online.", ["Today"]),
        ("en", "Russia has massed more than 100,000 troops; 4,812 views.", []),
        ("en", "The protesters march on Washington.", []),
        ("en", "Comment * Name * 2 × 1 = Post Comment", []),
        ("en", "© 2022 EuroDesk Daily. The 2022 budget was cut.", []),
        ("en", "It was over many years, in the first ten minutes.", []),
        ("sv", "Sonden landade på Mars förra året.", ["förra året"]),
        ("sv", "God jul och gott nytt år!", []),
        ("sv", "Ryssland har samlat mer än 100 000 soldater.", []),
        ("sv", "Hon fick 1 jul klapp.", []),
        ("nb", "Han fikk 2000 kroner og 30 medlemsland.", []),
        ("nb", "Ekspert: – Dette kan skje de neste ukene.", []),
        ("de", "Guten Morgen! Wir sehen uns am Morgen.", []),
        ("de", "Heute Morgen sprach er.", ["Heute"]),
        ("de", "Er kommt freitags und war mai-grün.", []),
        ("de", "Jetzt H+ für 0,99 € im ersten Monat testen.", []),
    ],
)
def test_false_positives(lang: str, text: str, expected: list[str]) -> None:
    assert [s.text for s in find_dates(text, lang, DCT)] == expected


def test_english_and_german_months_need_capitals_unless_chosen_explicitly() -> None:
    assert find_dates("in may 2022", "en", DCT) == []
    assert [s.value.value for s in find_dates("in May 2022", "en", DCT)] == ["2022-05"]
    assert normalise("may 2022", "en", DCT).value == "2022-05"  # type: ignore[union-attr]


def test_bare_month_needs_context_in_text_but_not_in_normalise() -> None:
    assert find_dates("Mars 2022 var kall. Mars är röd.", "sv", DCT)[0].text == "Mars 2022"
    assert len(find_dates("Mars 2022 var kall. Mars är röd.", "sv", DCT)) == 1
    assert find_dates("June was warm.", "en", DCT) == []
    assert normalise("June", "en", DCT).value == "2022-06"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("expression", "lang", "dct", "value"),
    [
        ("am Dienstag", "de", date(2022, 2, 15), "2022-02-15"),  # dct is a Tuesday
        ("am Dienstag", "de", date(2022, 2, 17), "2022-02-15"),
        ("Friday", "en", date(2022, 2, 18), "2022-02-18"),  # bare: on or before the dct
        ("last Friday", "en", date(2022, 2, 18), "2022-02-11"),  # strictly before
        ("i fredags", "sv", date(2022, 2, 18), "2022-02-11"),
        ("på fredag", "sv", date(2022, 2, 18), "2022-02-25"),  # strictly after
        ("next Friday", "en", date(2022, 2, 17), "2022-02-18"),
        ("in December", "en", date(2023, 1, 10), "2022-12"),  # nearest occurrence
        ("in June", "en", date(2022, 11, 20), "2022-06"),
        ("in January", "en", date(2022, 11, 20), "2023-01"),
        ("5 January", "en", date(2022, 12, 20), "2023-01-05"),
        ("29 February", "en", date(2022, 2, 15), "2020-02-29"),  # nearest leap year
        ("förra veckan", "sv", date(2022, 1, 4), "2021-W52"),  # across the year
        ("nästa vecka", "sv", date(2020, 12, 22), "2020-W53"),
        ("last month", "en", date(2022, 1, 4), "2021-12"),
    ],
)
def test_relative_resolution_rules(expression: str, lang: str, dct: date, value: str) -> None:
    result = normalise(expression, lang, dct)
    assert result is not None
    assert result.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Whitaker is expected to meet Haugland on Friday, officials said.", "2022-02-18"),
        ("Kalniņš is due to brief reporters on Tuesday.", "2022-02-15"),
        ("Whitaker will travel next week, the State Department said on Friday.",
         "2022-02-11"),
        ("Yermakov said on Friday that Moscow waits.", "2022-02-11"),
    ],
)
def test_future_cue_before_a_bare_weekday(text: str, value: str) -> None:
    weekdays = [s for s in find_dates(text, "en", DCT) if s.rule == "weekday"]
    assert [s.value.value for s in weekdays] == [value]


def test_without_dct_only_absolute_expressions_are_found() -> None:
    text = "I går, förra veckan och den 14 februari 2022 samt 3 mars och i juni."
    found = find_dates(text, "sv", None)
    assert [(s.text, s.value.value) for s in found] == [
        ("14 februari 2022", "2022-02-14"),
        ("3 mars", "XXXX-03-03"),
        ("juni", "XXXX-06"),
    ]
    assert normalise("i går", "sv", None) is None
    assert normalise("twenty-five years ago", "en", None) is None
    assert normalise("18 Nov 2024", "en", None).value == "2024-11-18"  # type: ignore[union-attr]


def test_dct_may_be_a_datetime_or_iso_string() -> None:
    assert normalise("i går", "sv", datetime(2022, 2, 15, 23, 59)).value == "2022-02-14"  # type: ignore[union-attr]
    assert normalise("i går", "sv", "2022-02-15T10:00").value == "2022-02-14"  # type: ignore[union-attr]
    assert normalise("i går", "sv", "15.02.2022") is None  # unusable dct: unknown
    assert [s.text for s in find_dates("i går, 2022-02-01", "sv", "")] == ["2022-02-01"]


@pytest.mark.parametrize(
    ("lang", "expression", "value"),
    [("sv-SE", "i går", "2022-02-14"), ("no", "forrige uke", "2022-W06"),
     ("nn", "førre veke", "2022-W06"), ("NB", "i morgen", "2022-02-16"),
     ("en-GB", "yesterday", "2022-02-14"), ("de_AT", "gestern", "2022-02-14")],
)
def test_language_tags(lang: str, expression: str, value: str) -> None:
    assert [s.value.value for s in find_dates(expression, lang, DCT)] == [value]


def test_unsupported_language_gets_only_neutral_rules() -> None:
    found = find_dates("le 2022-02-15 et le 16.02.2022, hier", "fr", DCT)
    assert [s.value.value for s in found] == ["2022-02-15", "2022-02-16"]
    assert [s.rule for s in found] == ["iso", "numeric"]
    assert normalise("hier", "fr", DCT) is None


def test_invalid_calendar_dates_are_not_suggested() -> None:
    assert find_dates("Den 30 februari och 2022-02-30 och 31.04.2022.", "sv", DCT) == []
    # with a year, the month is still a sensible suggestion
    found = find_dates("Den 31 februari 2022.", "sv", DCT)
    assert [(s.text, s.value.value) for s in found] == [("februari 2022", "2022-02")]


def test_normalise_accepts_timex_values_and_rejects_malformed_ones() -> None:
    assert normalise(" 2022-W06 ", "de", DCT).value == "2022-W06"  # type: ignore[union-attr]
    assert normalise("xxxx-03-03", "en", None).value == "XXXX-03-03"  # type: ignore[union-attr]
    assert normalise("2024-13", "en", DCT) is None
    assert normalise("", "en", DCT) is None
    assert normalise("sometime", "en", DCT) is None


def test_dateparser_fallback_for_unknown_number_words_and_free_forms() -> None:
    [found] = find_dates("It began twenty-five years ago.", "en", DCT)
    assert (found.text, found.value.value, found.rule) == (
        "twenty-five years ago", "1997", "ago")
    assert normalise("3/4/2022", "en", DCT).value == "2022-03-04"  # type: ignore[union-attr]
    assert normalise("3/4/2022", "sv", DCT).value == "2022-04-03"  # type: ignore[union-attr]
    with_time = normalise("Feb 15, 2022 2:30 pm", "en", DCT)
    assert with_time is not None
    assert (with_time.value, with_time.precision) == ("2022-02-15T14:30", P.DATETIME)


@pytest.mark.parametrize(
    ("expression", "lang", "value"),
    [
        ("November 2024", "en", "2024-11"),  # dateparser says 2024-11-15: truncated
        ("December 2022", "en", "2022-12"),
        ("förra veckan", "sv", "2022-W06"),
        ("two years ago", "en", "2020"),
        ("vor zwei Monaten", "de", "2021-12"),
    ],
)
def test_dateparser_answers_are_truncated_to_their_period(
    expression: str, lang: str, value: str
) -> None:
    result = fallback.dateparser_value(expression, lang, DCT)
    assert result is not None
    assert result.value == value


@pytest.mark.parametrize(
    ("expression", "lang"),
    [("the 1990s", "en"), ("15.11", "de"), ("i fredags", "sv"), ("sometime", "en")],
)
def test_untrustworthy_dateparser_answers_are_rejected(expression: str, lang: str) -> None:
    # dateparser reads "the 1990s" and "15.11" as times of day
    assert fallback.dateparser_value(expression, lang, DCT) is None


@pytest.mark.parametrize(
    ("lang", "expression"),
    [("en", "yesterday"), ("en", "last week"), ("en", "two years ago"),
     ("en", "18 Nov 2024"), ("en", "in December 2022"), ("en", "next week"),
     ("de", "gestern"), ("de", "letzte Woche"), ("de", "vor zwei Jahren"),
     ("de", "15. November 2024"), ("sv", "i går"), ("sv", "förra veckan"),
     ("sv", "för två år sedan"), ("sv", "1 oktober 2024"), ("nb", "i går"),
     ("nb", "forrige uke"), ("nb", "for to år siden"), ("nb", "1. oktober 2024")],
)
def test_rules_agree_with_dateparser_where_it_works(lang: str, expression: str) -> None:
    ours = normalise(expression, lang, DCT)
    theirs = fallback.dateparser_value(expression, lang, DCT)
    assert ours is not None and theirs is not None
    assert ours.value == theirs.value


def _article(size: int = 5000) -> str:
    paragraph = (
        "Tysklands förbundskansler ringde i går kväll upp Rysslands president. Kanslern "
        "besökte Kiev förra veckan och träffade då presidenten. Natos försvarsministrar "
        "möts i Bryssel på onsdag och torsdag. Redan i december 2021 presenterade Moskva "
        "utkast till två avtal, och toppmötet hålls i juni. Publicerad 15 februari 2022 "
        "kl 15.11. Det är mer än 100 000 soldater vid gränsen, sade hon i dag.\n"
    )
    return (paragraph * (size // len(paragraph) + 1))[:size]


def test_a_five_kilobyte_article_finds_every_repetition() -> None:
    # its speed is measured by benchmarks/bench_suggest.py, not asserted here
    text = _article()
    first = find_dates(text, "sv", DCT)
    again = find_dates(text, "sv", DCT)  # the cached patterns give the same answer
    assert len(first) > 50 and first == again
    assert all(text[d.start:d.end] == d.text for d in first)


def test_absolute_dateparser_answers_must_agree_with_their_digits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # with its default date order dateparser reads "13 februari" as February 2013
    misread = parse_value("2013-02")
    monkeypatch.setattr(fallback, "dateparser_raw", lambda *_args: misread)
    fallback.dateparser_value.cache_clear()
    try:
        assert fallback.dateparser_value("13 februari", "sv", DCT) is None
        assert fallback.dateparser_value("13 februari", "sv", None) is None
        assert fallback.dateparser_value("februari 2013", "sv", DCT) == misread
    finally:
        fallback.dateparser_value.cache_clear()
