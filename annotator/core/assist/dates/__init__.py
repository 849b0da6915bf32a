"""Date suggestions: find temporal expressions in running text and normalise them.

Everything here is a *suggestion* that the annotator confirms; nothing touches the network.

Detection is done with regular expressions per language (``sv``, ``nb`` - also ``no`` and
``nn`` -, ``en``, ``de``; other languages only get the language-neutral ISO ``2022-02-15``
and ``15.02.2022`` rules). Normalisation of what the rules detect is done by the rules
themselves, because dateparser 1.5 (with the settings below) was measured to get these
wrong or not at all: ``i fredags``, ``i december 2022``, ``på fredag`` (resolved to the
past), ``Dienstag`` on a Tuesday (a week earlier), ``am Dienstag``, ``letzten Freitag``,
``vergangene Woche``, nb ``idag``/``imorgen``/``forrige år``, sv ``för ett år
sedan``/``för tre veckor sedan``, ``the 1990s`` (a time of day), ``15.11`` (15:11), and
every month or year comes back with a day filled in from the base date.
dateparser (``DateDataParser.get_date_data`` with ``RETURN_TIME_AS_PERIOD``) is the
fallback: for ``... ago`` phrases whose number word is not in our tables (``twenty-five
years ago``) and for free-form expressions passed to :func:`normalise` that no rule
covers (``3/4/2022``, ``Feb 15, 2022 2:30 pm``). Its answer is truncated to the period it
reports (day, week, month, year; a time only when the expression contains one) and
rejected when it contradicts the digits of an absolute expression.

Conventions (TimeML), all relative to the publication date ``dct``:

* Spans exclude governing prepositions (``in``/``im``/``am``/``on``/``i`` + month or year
  -> the span is ``December 2022``), except where the preposition is part of a
  lexicalised deictic expression whose meaning depends on it: ``i går``, ``i dag``,
  ``i morgon``, ``i fredags``, ``på fredag``, nb ``i fredag``. Modifiers that set a
  direction or a mod are included: ``last Friday``, ``nächste Woche``, ``early June``,
  ``början av mars``, ``nearly two years ago``.
* Weekdays: ``last Friday``/``i fredags``/``förra fredagen``/``letzten Freitag``/
  ``forrige fredag`` -> the most recent such day strictly before the dct. A bare weekday
  (``Friday``, ``on Friday``, ``am Dienstag``, ``fredag``, ``på tisdagen``, nb ``i
  fredag``) -> the most recent such day on or before the dct (the dct itself if it is that
  weekday), because news is mostly past tense; in running text a future cue in the same
  sentence before it (``will``, ``is due to``, ``ska``, ``skal``, ``wird`` ... and no
  nearer past cue such as ``said``) switches it to the first such day on or after the
  dct. ``på fredag``/``next Friday``/``nästa fredag``/``neste fredag``/``nächsten
  Freitag`` -> the first such day strictly after the dct; ``this Friday``/``diesen
  Freitag`` -> that day in the dct's ISO week. ``på onsdag och torsdag`` gives both days
  the direction of the first.
* A month or day without a year (``in June``, ``i mars``, ``13 februari``) is placed in
  the year (dct year -1, 0 or +1) that puts it closest to the dct; ties go to the past.
  So with dct 2022-02-15 ``in June`` is 2022-06 and with dct 2023-01-10 ``in December``
  is 2022-12. Without a dct they become ``XXXX-06`` / ``XXXX-02-13``.
* ``last week``/``förra veckan`` is the previous ISO week (``2022-W06`` for dct
  2022-02-15); ``last month``/``last year`` likewise at their precision.
* ``N units ago`` subtracts N units and keeps the unit's precision (``two years ago``
  -> ``2020``); ``nearly``/``nästan``/``nesten``/``fast``... add mod APPROX, ``more
  than``/``mer än``/``mehr als`` ON_OR_BEFORE, ``less than`` ON_OR_AFTER; ``several
  years ago`` is ``PAST_REF``.
* Bare month names need context: a preposition (``in June``, ``i mars``, ``im Mai``) or a
  START/MID/END modifier (``early June``, ``Mitte März``); English and German month names
  must be capitalised (so the modal ``may`` is never a date) and Swedish/Norwegian month
  abbreviations without a year need their dot (``jul`` is Christmas). A year alone needs
  a preposition or ``år``/``Jahr`` (``in 2022``, ``år 2022``, ``seit 1991``).
* Without a dct, relative expressions give no suggestion; absolute ones still do.

The package: the words per language are in ``lexicons``, the patterns and resolvers in
``rules`` (with ``values`` for building TIMEX3 values), dateparser in ``fallback``, and the
suggester that offers DATE spans in ``suggester``; this module owns the two entry points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from annotator.core.assist.dates.fallback import dateparser_value
from annotator.core.assist.dates.lexicons import NEUTRAL, SUPPORTED_LANGUAGES, language
from annotator.core.assist.dates.rules import Context, candidates, select
from annotator.core.timex import DateValue, parse_value

__all__ = ["SUPPORTED_LANGUAGES", "DateSuggestion", "find_dates", "normalise"]


@dataclass(frozen=True)
class DateSuggestion:
    """A detected temporal expression: ``text == source[start:end]`` (code points)."""

    start: int
    end: int
    text: str
    value: DateValue
    rule: str


def _as_date(dct: date | datetime | str | None) -> date | None:
    if dct is None or dct == "":
        return None
    if isinstance(dct, datetime):
        return dct.date()
    if isinstance(dct, date):
        return dct
    try:
        return date.fromisoformat(str(dct).strip()[:10])
    except ValueError:
        return None  # an unusable publication date: treat as unknown rather than fail


def find_dates(
    text: str, lang: str, dct: date | datetime | str | None
) -> list[DateSuggestion]:
    """All temporal expressions in ``text`` with suggested values, in text order.

    Offsets are Python code points into ``text`` exactly as given (NFC text is expected:
    decomposed letters are not matched). ``dct`` is the publication date (a ``date``,
    ``datetime`` or ISO string; an unparseable string counts as unknown); without it
    relative expressions are left out.
    Overlapping matches are resolved in favour of the longest.
    """
    lex, dateparser_lang = language(lang)
    ctx = Context(lex or NEUTRAL, _as_date(dct), False, dateparser_lang or "")
    return [
        DateSuggestion(c.start, c.end, text[c.start:c.end], c.value, c.rule)
        for c in select(candidates(text, ctx))
    ]


_TIMEX_LIKE = re.compile(
    r"[\dX]{4}(?:-[\dWQ]{1,3}(?:-\d{1,2})?(?:T\S*)?)?|[A-Z]+_REF", re.IGNORECASE
)


def normalise(
    expression: str, lang: str, dct: date | datetime | str | None
) -> DateValue | None:
    """The value of one expression chosen by the annotator, or None.

    Tried in order: a TIMEX3 value typed directly (``2024-11``, ``2022-W06``), the
    language's rules (without the context requirements of :func:`find_dates`, so
    ``June`` or ``may 2022`` are accepted; if the expression holds several dates the
    longest wins), then dateparser - also when digits are left over outside what the
    rules matched (``3/4/2022``, ``Feb 15, 2022 2:30 pm``), its answer then taking
    precedence. Relative expressions need ``dct``.
    """
    text = " ".join(expression.split())
    if not text:
        return None
    if _TIMEX_LIKE.fullmatch(text):
        try:
            return parse_value(text)
        except ValueError:
            return None  # a malformed TIMEX3 value such as 2024-13, not language
    lex, dateparser_lang = language(lang)
    day = _as_date(dct)
    ctx = Context(lex or NEUTRAL, day, True, dateparser_lang or "")
    chosen = select(candidates(text, ctx))
    best = max(chosen, key=lambda c: c.end - c.start) if chosen else None
    if dateparser_lang is None:
        return best.value if best else None
    if best is None or _DIGIT_RE.search(text[:best.start] + text[best.end:]):
        # digits the rules did not use ("3/4/2022", a time of day): dateparser may know
        return dateparser_value(text, dateparser_lang, day) or (best.value if best else None)
    return best.value


_DIGIT_RE = re.compile(r"\d")
