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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from annotator.core.timex import DateValue, Precision, parse_value

__all__ = ["SUPPORTED_LANGUAGES", "DateSuggestion", "find_dates", "normalise"]

SUPPORTED_LANGUAGES: tuple[str, ...] = ("sv", "nb", "nn", "no", "en", "de")


@dataclass(frozen=True)
class DateSuggestion:
    """A detected temporal expression: ``text == source[start:end]`` (code points)."""

    start: int
    end: int
    text: str
    value: DateValue
    rule: str


# --------------------------------------------------------------------------- lexicons


def _forms(groups: Mapping[str, int]) -> dict[str, int]:
    """Expand ``{"januari jan": 1}`` into ``{"januari": 1, "jan": 1}`` (casefolded)."""
    return {form.casefold(): n for words, n in groups.items() for form in words.split()}


@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity, for lru_cache
class _Lexicon:
    """The words and patterns of one language."""

    code: str
    dateparser: str
    months: dict[str, int]
    full_months: frozenset[str]
    month_caps: bool
    abbrev_needs_dot: bool
    weekdays: dict[str, int]
    weekday_abbrevs: dict[str, int]
    weekday_suffix: str
    weekday_dirs: dict[str, str]
    weekday_past_s: bool
    day_sep: str
    relative_days: dict[str, int]
    relative_units: dict[str, tuple[str, int]]
    ago: str
    numbers: dict[str, int]
    vague: frozenset[str]
    approx: dict[str, str]
    units: dict[str, str]
    preps: frozenset[str]
    year_words: frozenset[str]
    mod_words: dict[str, str]
    articles: str
    decade: str
    century: str
    quarters: dict[str, int]
    quarter_word: str
    future_cues: str
    past_cues: str
    conjunctions: str


def _units_x_dirs(dirs: Mapping[str, int], units: Mapping[str, str]) -> dict[str, tuple[str, int]]:
    return {
        f"{d} {u}".casefold(): (unit, offset)
        for d, offset in dirs.items()
        for u, unit in units.items()
    }


_SV = _Lexicon(
    code="sv",
    dateparser="sv",
    months=_forms({
        "januari jan": 1, "februari feb": 2, "mars mar": 3, "april apr": 4, "maj": 5,
        "juni jun": 6, "juli jul": 7, "augusti aug": 8, "september sept sep": 9,
        "oktober okt": 10, "november nov": 11, "december dec": 12,
    }),
    full_months=frozenset(
        "januari februari mars april maj juni juli augusti september oktober november "
        "december".split()
    ),
    month_caps=False,
    abbrev_needs_dot=True,
    weekdays=_forms({
        "måndag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lördag": 5,
        "söndag": 6,
    }),
    weekday_abbrevs=_forms({
        "mån": 0, "tis": 1, "ons": 2, "tor tors": 3, "fre": 4, "lör": 5, "sön": 6,
    }),
    weekday_suffix=r"(?:ens?|s?(?:kväll|morgon|förmiddag|eftermiddag|natt)(?:en)?)",
    weekday_dirs={
        "förra": "past", "nästa": "future", "kommande": "future", "nu på": "future",
        "på": "future",
    },
    weekday_past_s=True,
    day_sep=r"(?::[ae])?\s+",
    relative_days={
        "i förrgår": -2, "i förgår": -2, "i går": -1, "igår": -1, "i dag": 0, "idag": 0,
        "i kväll": 0, "ikväll": 0, "i morse": 0, "i morgon": 1, "imorgon": 1,
        "i övermorgon": 2,
    },
    relative_units={
        **_units_x_dirs(
            {"förra": -1, "nästa": 1, "kommande": 1, "denna": 0, "detta": 0,
             "den här": 0, "det här": 0, "innevarande": 0},
            {"vecka": "week", "veckan": "week", "veckans": "week", "månad": "month",
             "månaden": "month", "månadens": "month", "år": "year", "året": "year",
             "årets": "year"},
        ),
        "i fjol": ("year", -1), "i år": ("year", 0), "i veckan": ("week", 0),
    },
    ago=r"\bför\s+{approx}(?P<num>{num})\s+(?P<unit>{unit})\s+(?:sedan|sen)\b",
    numbers=_forms({
        "en ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
        "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13,
        "fjorton": 14, "femton": 15, "tjugo": 20, "trettio": 30,
    }),
    vague=frozenset({"flera", "många", "några", "ett par"}),
    approx={
        "nästan": "APPROX", "närmare": "APPROX", "cirka": "APPROX", "ca.": "APPROX",
        "ca": "APPROX", "omkring": "APPROX", "ungefär": "APPROX", "drygt": "APPROX",
        "knappt": "APPROX", "runt": "APPROX", "mer än": "ON_OR_BEFORE",
        "över": "ON_OR_BEFORE", "mindre än": "ON_OR_AFTER",
    },
    units={
        "dag": "day", "dagar": "day", "dygn": "day", "vecka": "week", "veckor": "week",
        "månad": "month", "månader": "month", "år": "year",
    },
    preps=frozenset({"i", "sedan", "sen", "från", "till", "under", "innan", "före",
                     "efter", "fram till", "senast i", "redan i"}),
    year_words=frozenset({"år", "året"}),
    mod_words={"början av": "START", "mitten av": "MID", "slutet av": "END"},
    articles=r"den",
    decade=r"(?P<dec>1\d\d|20\d)0-tal(?:et|ets)",
    century="",
    quarters={"första": 1, "andra": 2, "tredje": 3, "fjärde": 4},
    quarter_word=r"kvartalet\s+(?:(?:i\s+)?år\s+|i\s+)?",
    future_cues=r"ska|skall|kommer\s+att|väntas|planerar\s+att|planeras",
    past_cues=r"sade|sa|sagt|uppgav|meddelade|var|hade|träffade|ringde|besökte|skrev|"
    r"krävde|varnade|förklarade|uttalade",
    conjunctions=r"och|eller|samt",
)

_NB = _Lexicon(
    code="nb",
    dateparser="nb",
    months=_forms({
        "januar jan": 1, "februar feb": 2, "mars mar": 3, "april apr": 4, "mai": 5,
        "juni jun": 6, "juli jul": 7, "august aug": 8, "september sept sep": 9,
        "oktober okt": 10, "november nov": 11, "desember des": 12,
    }),
    full_months=frozenset(
        "januar februar mars april mai juni juli august september oktober november "
        "desember".split()
    ),
    month_caps=False,
    abbrev_needs_dot=True,
    weekdays=_forms({
        "mandag måndag": 0, "tirsdag tysdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4,
        "lørdag laurdag": 5, "søndag sundag": 6,
    }),
    weekday_abbrevs=_forms({
        "man": 0, "tir tirs": 1, "ons": 2, "tor tors": 3, "fre": 4, "lør": 5, "søn": 6,
    }),
    weekday_suffix=r"(?:en|s?(?:kveld|morgen|formiddag|ettermiddag|natt)(?:en)?)",
    weekday_dirs={
        "forrige": "past", "sist": "past", "førre": "past", "neste": "future",
        "kommende": "future", "førstkommende": "future", "nå på": "future",
        "på": "future", "i": "recent",
    },
    weekday_past_s=True,
    day_sep=r"(?:\.\s*|\s+)",
    relative_days={
        "i forgårs": -2, "i forgår": -2, "i går": -1, "igår": -1, "i dag": 0, "idag": 0,
        "i kveld": 0, "ikveld": 0, "i morges": 0, "i morgen": 1, "imorgen": 1,
        "i morgon": 1, "i overmorgen": 2,
    },
    relative_units={
        **_units_x_dirs(
            {"forrige": -1, "førre": -1, "neste": 1, "kommende": 1, "denne": 0,
             "dette": 0, "inneværende": 0},
            {"uke": "week", "uka": "week", "uken": "week", "veke": "week", "veka": "week",
             "måned": "month", "måneden": "month", "månad": "month", "år": "year",
             "året": "year"},
        ),
        "i fjor": ("year", -1), "i år": ("year", 0),
    },
    ago=r"\bfor\s+{approx}(?P<num>{num})\s+(?P<unit>{unit})\s+(?:siden|sidan)\b",
    numbers=_forms({
        "en ett et ei": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
        "sju syv": 7, "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
        "tretten": 13, "fjorten": 14, "femten": 15, "tjue tyve": 20, "tretti tredve": 30,
    }),
    vague=frozenset({"flere", "mange", "noen", "et par"}),
    approx={
        "nesten": "APPROX", "nærmere": "APPROX", "cirka": "APPROX", "ca.": "APPROX",
        "ca": "APPROX", "omtrent": "APPROX", "rundt": "APPROX", "drøyt": "APPROX",
        "knapt": "APPROX", "snart": "APPROX", "mer enn": "ON_OR_BEFORE",
        "over": "ON_OR_BEFORE", "mindre enn": "ON_OR_AFTER",
    },
    units={
        "dag": "day", "dager": "day", "dagar": "day", "døgn": "day", "uke": "week",
        "uker": "week", "veke": "week", "veker": "week", "måned": "month",
        "måneder": "month", "månad": "month", "månader": "month", "år": "year",
    },
    preps=frozenset({"i", "siden", "fra", "til", "innen", "før", "etter", "fram til",
                     "frem til", "i løpet av", "allerede i"}),
    year_words=frozenset({"år", "året"}),
    mod_words={
        "begynnelsen av": "START", "starten av": "START", "midten av": "MID",
        "slutten av": "END", "primo": "START", "medio": "MID", "ultimo": "END",
    },
    articles=r"den",
    decade=r"(?P<dec>1\d\d|20\d)0-tall(?:et|ets)",
    century="",
    quarters={"første": 1, "andre": 2, "tredje": 3, "fjerde": 4},
    quarter_word=r"kvartal(?:et)?\s+(?:i\s+)?",
    future_cues=r"skal|vil|kommer\s+til\s+å|ventes|planlegger|planlegges",
    past_cues=r"sa|sagt|var|hadde|møtte|ringte|krevde|uttalte|opplyste|fortalte|"
    r"advarte|besøkte|skrev",
    conjunctions=r"og|eller",
)

_EN = _Lexicon(
    code="en",
    dateparser="en",
    months=_forms({
        "january jan": 1, "february feb": 2, "march mar": 3, "april apr": 4, "may": 5,
        "june jun": 6, "july jul": 7, "august aug": 8, "september sept sep": 9,
        "october oct": 10, "november nov": 11, "december dec": 12,
    }),
    full_months=frozenset(
        "january february march april may june july august september october november "
        "december".split()
    ),
    month_caps=True,
    abbrev_needs_dot=False,
    weekdays=_forms({
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
        "saturday": 5, "sunday": 6,
    }),
    weekday_abbrevs=_forms({
        "mon": 0, "tue tues": 1, "wed": 2, "thu thur thurs": 3, "fri": 4, "sat": 5,
        "sun": 6,
    }),
    weekday_suffix=r"(?!)",
    weekday_dirs={
        "last": "past", "this past": "past", "next": "future", "this coming": "future",
        "coming": "future", "this": "this",
    },
    weekday_past_s=False,
    day_sep=r"(?:st|nd|rd|th)?\s+(?:of\s+)?",
    relative_days={
        "the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0,
        "tomorrow": 1, "the day after tomorrow": 2,
    },
    relative_units=_units_x_dirs(
        {"last": -1, "next": 1, "this": 0},
        {"week": "week", "month": "month", "year": "year"},
    ),
    ago=r"\b{approx}(?P<num>{num})\s+(?P<unit>{unit})\s+ago\b",
    numbers=_forms({
        "a an one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
    }),
    vague=frozenset({"several", "many", "a few", "few", "some", "a couple of"}),
    approx={
        "nearly": "APPROX", "almost": "APPROX", "about": "APPROX", "around": "APPROX",
        "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
        "close to": "APPROX", "just over": "APPROX", "just under": "APPROX",
        "more than": "ON_OR_BEFORE", "over": "ON_OR_BEFORE", "less than": "ON_OR_AFTER",
    },
    units={
        "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
        "months": "month", "year": "year", "years": "year",
    },
    preps=frozenset({"in", "since", "until", "till", "by", "from", "through", "during",
                     "before", "after", "throughout"}),
    year_words=frozenset({"the year", "year"}),
    mod_words={
        "early": "START", "mid": "MID", "mid-": "MID", "late": "END",
        "the beginning of": "START", "beginning of": "START", "the start of": "START",
        "start of": "START", "the middle of": "MID", "middle of": "MID",
        "the end of": "END", "end of": "END",
    },
    articles=r"the",
    decade=r"(?P<dec>1\d\d|20\d)0'?s",
    century=r"(?P<ord>\d{1,2})(?:st|nd|rd|th)[\s-]+century",
    quarters={"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
              "3rd": 3, "4th": 4},
    quarter_word=r"quarter\s+(?:of\s+)?",
    future_cues=r"will|'ll|shall|due\s+to|expected\s+to|set\s+to|scheduled|"
    r"plans?\s+to|planning\s+to|going\s+to",
    past_cues=r"said|told|announced|met|called|was|were|had|did|spoke|visited|warned|"
    r"added|confirmed|stated|reported|travelled|traveled|urged|demanded",
    conjunctions=r"and|or",
)

_DE = _Lexicon(
    code="de",
    dateparser="de",
    months=_forms({
        "januar jänner jan": 1, "februar feber feb": 2, "märz maerz mrz mär": 3,
        "april apr": 4, "mai": 5, "juni jun": 6, "juli jul": 7, "august aug": 8,
        "september sept sep": 9, "oktober okt": 10, "november nov": 11,
        "dezember dez": 12,
    }),
    full_months=frozenset(
        "januar jänner februar feber märz maerz april mai juni juli august september "
        "oktober november dezember".split()
    ),
    month_caps=True,
    abbrev_needs_dot=False,
    weekdays=_forms({
        "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
        "samstag sonnabend": 5, "sonntag": 6,
    }),
    weekday_abbrevs=_forms({
        "mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6,
    }),
    weekday_suffix=r"(?:früh|morgen|vormittag|mittag|nachmittag|abend|nacht)",
    weekday_dirs={
        **dict.fromkeys(
            ["letzten", "letzte", "vergangenen", "vergangene", "vorigen", "vorige"], "past"
        ),
        **dict.fromkeys(["nächsten", "nächste", "kommenden", "kommende"], "future"),
        "diesen": "this",
        "diese": "this",
    },
    weekday_past_s=False,
    day_sep=r"(?:\.\s*|\s+)",
    relative_days={"vorgestern": -2, "gestern": -1, "heute": 0, "übermorgen": 2},
    relative_units={
        **_units_x_dirs(
            {
                **dict.fromkeys(
                    ["letzte", "letzten", "letzter", "letztes", "vergangene",
                     "vergangenen", "vergangener", "vergangenes", "vorige", "vorigen",
                     "voriger", "voriges"], -1),
                **dict.fromkeys(
                    ["nächste", "nächsten", "nächster", "nächstes", "kommende",
                     "kommenden", "kommender", "kommendes"], 1),
                **dict.fromkeys(["diese", "diesen", "dieser", "dieses", "diesem"], 0),
            },
            {"Woche": "week", "Monat": "month", "Monats": "month", "Jahr": "year",
             "Jahres": "year"},
        ),
        "vorjahr": ("year", -1), "vorjahres": ("year", -1), "vorwoche": ("week", -1),
        "vormonat": ("month", -1), "vormonats": ("month", -1), "heuer": ("year", 0),
    },
    ago=r"\bvor\s+{approx}(?P<num>{num})\s+(?P<unit>{unit})\b",
    numbers=_forms({
        "ein eine einem einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
        "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11,
        "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "zwanzig": 20,
        "dreißig": 30,
    }),
    vague=frozenset({"mehreren", "vielen", "einigen", "wenigen", "ein paar"}),
    approx={
        "fast": "APPROX", "beinahe": "APPROX", "knapp": "APPROX", "etwa": "APPROX",
        "rund": "APPROX", "ungefähr": "APPROX", "circa": "APPROX", "ca.": "APPROX",
        "gut": "APPROX", "mehr als": "ON_OR_BEFORE", "über": "ON_OR_BEFORE",
        "weniger als": "ON_OR_AFTER",
    },
    units={
        "tag": "day", "tagen": "day", "woche": "week", "wochen": "week",
        "monat": "month", "monaten": "month", "jahr": "year", "jahren": "year",
    },
    preps=frozenset({"im", "seit", "bis", "ab", "vor", "nach", "von", "bis zum",
                     "bereits im", "schon im"}),
    year_words=frozenset({"jahr", "jahre", "jahres"}),
    mod_words={"anfang": "START", "mitte": "MID", "ende": "END"},
    articles=r"den|dem",
    decade=r"(?P<dec>1\d\d|20\d)0er(?:(?:\s+|-)Jahren?|n)",
    century=r"(?P<ord>\d{1,2})\.\s*Jahrhunderts?",
    quarters={"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "erste": 1,
              "zweite": 2, "dritte": 3, "vierte": 4, "1.": 1, "2.": 2, "3.": 3, "4.": 4},
    quarter_word=r"Quartals?\s+",
    future_cues=r"wird|werden|will|wollen|soll|sollen|plant|geplant",
    past_cues=r"sagte|sagten|teilte|erklärte|war|waren|hatte|hatten|traf|telefonierte|"
    r"warnte|nannte|betonte|forderte|reiste",
    conjunctions=r"und|oder",
)

_LEXICONS: dict[str, _Lexicon] = {"sv": _SV, "nb": _NB, "no": _NB, "nn": _NB, "en": _EN,
                                  "de": _DE}


def _language(lang: str | None) -> tuple[_Lexicon | None, str | None]:
    """``(lexicon, dateparser language)`` for a BCP-47 tag such as ``sv-SE`` or ``no``."""
    primary = (lang or "").strip().replace("_", "-").split("-")[0].casefold()
    lexicon = _LEXICONS.get(primary)
    if lexicon is None:
        return None, None
    return lexicon, "nn" if primary == "nn" else lexicon.dateparser


# --------------------------------------------------------------------------- regex parts


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first, with any run of whitespace between words."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in unique)


_YEAR = r"(?P<year>(?:1\d|20)\d\d)(?!\d)(?![.,]\d)"
_CONTEXT_YEAR = r"(?P<year>(?:18|19|20)\d\d)(?!\w)(?![.,:]\d)(?!-tal)"


def _mod_prefix(lex: _Lexicon) -> str:
    return rf"(?:\b(?P<modw>{_alt(lex.mod_words)})(?:\s+|(?<=-)))?"


def _month(lex: _Lexicon, full_only: bool = False) -> str:
    names = lex.full_months if full_only else lex.months
    return rf"\b(?P<month>{_alt(names)})\b(?:\.(?=\s*\d))?"


def _weekday_prefix(lex: _Lexicon) -> str:
    names = _alt([*lex.weekdays, *lex.weekday_abbrevs])
    return rf"(?:\b(?:{names})\.?,?\s+(?:(?:{lex.articles})\s+)?)?"


# --------------------------------------------------------------------------- resolvers


@dataclass(frozen=True)
class _Ctx:
    lex: _Lexicon
    dct: date | None
    explicit: bool  # True in normalise(): the annotator chose the expression
    dateparser: str


_Resolver = Callable[[re.Match[str], _Ctx], DateValue | None]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _mod(m: re.Match[str], ctx: _Ctx) -> str | None:
    word = m.groupdict().get("modw")
    return ctx.lex.mod_words[_key(word)] if word else None


def _day_value(year: int, month: int, day: int) -> DateValue | None:
    try:
        return parse_value(f"{year:04d}-{month:02d}-{day:02d}")
    except ValueError:
        return None


def _week_value(day: date) -> DateValue:
    year, week, _ = day.isocalendar()
    return parse_value(f"{year:04d}-W{week:02d}")


def _month_value(year: int, month: int, mod: str | None = None) -> DateValue | None:
    if year < 1:
        return None
    return parse_value(f"{year:04d}-{month:02d}", mod)


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def _distance(dct: date, lo: date, hi: date) -> int:
    if lo <= dct <= hi:
        return 0
    return min(abs((lo - dct).days), abs((hi - dct).days))


def _nearest_year(dct: date, pattern: str, mod: str | None = None) -> DateValue | None:
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


def _month_number(m: re.Match[str], ctx: _Ctx) -> int | None:
    """The month of group ``month``, or None if its spelling makes it doubtful."""
    word = m["month"]
    key = _key(word)
    if ctx.explicit:
        return ctx.lex.months[key]
    if ctx.lex.month_caps and not word[0].isupper():
        return None  # "may demand", "march on"
    has_year = bool(m.groupdict().get("year"))
    has_dot = m.string[m.end("month"):m.end("month") + 1] == "."
    if ctx.lex.abbrev_needs_dot and key not in ctx.lex.full_months and not (has_year or has_dot):
        return None  # sv/nb "jul" (Christmas), "mar"
    return ctx.lex.months[key]


def _resolve_iso(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    return _day_value(int(m["year"]), int(m["mon"]), int(m["day"]))


def _resolve_day_month(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    month = _month_number(m, ctx)
    if month is None:
        return None
    day = int(m["day"])
    if m["year"]:
        return _day_value(int(m["year"]), month, day)
    pattern = f"XXXX-{month:02d}-{day:02d}"
    try:
        unknown = parse_value(pattern)
    except ValueError:
        return None
    return unknown if ctx.dct is None else _nearest_year(ctx.dct, pattern)


def _resolve_month_year(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    month = _month_number(m, ctx)
    return None if month is None else _month_value(int(m["year"]), month, _mod(m, ctx))


def _resolve_month(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    if not (ctx.explicit or m["prep"] or m["modw"]):
        return None
    month = _month_number(m, ctx)
    if month is None:
        return None
    pattern = f"XXXX-{month:02d}"
    if ctx.dct is None:
        return parse_value(pattern, _mod(m, ctx))
    return _nearest_year(ctx.dct, pattern, _mod(m, ctx))


def _resolve_year(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    if not (ctx.explicit or m["prep"] or m["modw"] or m["yw"]):
        return None
    return parse_value(m["year"], _mod(m, ctx))


def _resolve_decade(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    digits = m["dec"]
    if ctx.lex.code in ("sv", "nb") and digits.endswith("0"):
        digits = digits[:2]  # "1900-talet" is the twentieth century, 1900-1999
    return parse_value(digits, _mod(m, ctx))


def _resolve_century(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    number = int(m["ord"])
    if not 1 <= number <= 100:
        return None
    return parse_value(f"{number - 1:02d}", _mod(m, ctx))


def _resolve_quarter(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    quarter = int(m["q"]) if m["q"] else ctx.lex.quarters[_key(m["qw"])]
    return parse_value(f"{m['year']}-Q{quarter}")


def _resolve_relative_day(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    if ctx.dct is None:
        return None
    offset = ctx.lex.relative_days.get(_key(m["rel"]), 1)  # only German "morgen" is absent
    return parse_value((ctx.dct + timedelta(days=offset)).isoformat())


def _unit_value(dct: date, unit: str, offset: int, mod: str | None = None) -> DateValue | None:
    """``dct`` moved by ``offset`` units, at the unit's precision."""
    try:
        if unit == "day":
            return parse_value((dct + timedelta(days=offset)).isoformat(), mod)
        if unit == "week":
            return DateValue(_week_value(dct + timedelta(weeks=offset)).value,
                             Precision.WEEK, mod)
        if unit == "month":
            return _month_value(*_shift_month(dct.year, dct.month, offset), mod)
        return parse_value(f"{dct.year + offset:04d}", mod)
    except (OverflowError, ValueError):
        return None


def _resolve_relative_unit(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    if ctx.dct is None:
        return None
    unit, offset = ctx.lex.relative_units[_key(m["rel"])]
    return _unit_value(ctx.dct, unit, offset)


def _resolve_ago(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    word = _key(m["num"])
    mod = ctx.lex.approx[_key(m["approx"])] if m["approx"] else None
    if word in ctx.lex.vague:
        return parse_value("PAST_REF")
    if ctx.dct is None:
        return None
    amount = int(word) if word.isdigit() else ctx.lex.numbers.get(word)
    if amount is None:  # a number word we do not know: ask dateparser
        if word in _NOT_NUMBERS:
            return None
        found = _dateparser_value(_without_group(m, "approx"), ctx.dateparser, ctx.dct)
        if found is None or mod is None:
            return found
        return DateValue(found.value, found.precision, mod)
    return _unit_value(ctx.dct, ctx.lex.units[_key(m["unit"])], -amount, mod)


_NOT_NUMBERS = frozenset(
    "the this that these those den det de dessa disse dem der die das diesen jenen".split()
)


def _without_group(m: re.Match[str], group: str) -> str:
    text = m.group(0)
    if m[group] is None:
        return text
    start, end = m.start(group) - m.start(), m.end(group) - m.start()
    return " ".join((text[:start] + text[end:]).split())


# ----------------------------------------------------------------------------- weekdays


def _weekday_date(dct: date, weekday: int, mode: str) -> date:
    back = (dct.weekday() - weekday) % 7
    ahead = (weekday - dct.weekday()) % 7
    if mode == "past":
        return dct - timedelta(days=back or 7)
    if mode == "future":
        return dct + timedelta(days=ahead or 7)
    if mode == "upcoming":
        return dct + timedelta(days=ahead)
    if mode == "this":
        return dct + timedelta(days=weekday - dct.weekday())
    return dct - timedelta(days=back)  # "recent"


@lru_cache(maxsize=16)
def _cue_patterns(lex: _Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = re.compile(
        rf"\b(?:(?P<future>{lex.future_cues})|(?P<past>{lex.past_cues}))\b", re.IGNORECASE
    )
    directions = _alt(d for d, mode in lex.weekday_dirs.items() if mode == "future")
    coordinated = re.compile(
        rf"\b(?:{directions})\s+(?:{_alt(lex.weekdays)})\w*\s*(?:,|\s(?:{lex.conjunctions}))"
        rf"\s*$",
        re.IGNORECASE,
    )
    return cues, coordinated


def _context_mode(m: re.Match[str], ctx: _Ctx) -> str:
    """``recent`` unless the sentence before a bare weekday points to the future."""
    if ctx.explicit:
        return "recent"
    before = m.string[max(0, m.start() - 160):m.start()]
    before = re.split(r"[.!?]\s|\n", before)[-1]
    cues, coordinated = _cue_patterns(ctx.lex)
    if coordinated.search(before):
        return "future"
    found = cues.findall(before)  # (future, past) pairs; the nearest cue decides
    return "upcoming" if found and found[-1][0] else "recent"


def _resolve_weekday(m: re.Match[str], ctx: _Ctx) -> DateValue | None:
    if ctx.dct is None:
        return None
    weekday = ctx.lex.weekdays[_key(m["weekday"])]
    direction = m.groupdict().get("wdir")
    if m.groupdict().get("past_s"):
        mode = "past"
    elif direction:
        mode = ctx.lex.weekday_dirs[_key(direction)]
        suffix = m["wsuf"] or ""
        if _key(direction) in ("på", "nå på", "nu på") and suffix.endswith(("en", "ens")):
            mode = "recent"  # "på tisdagen": on the (past) Tuesday
    else:
        mode = _context_mode(m, ctx)
    return parse_value(_weekday_date(ctx.dct, weekday, mode).isoformat())


# -------------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: _Resolver


_NEUTRAL_RULES: tuple[tuple[str, str, _Resolver], ...] = (
    ("iso", r"(?<![\d-])(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?![\d])", _resolve_iso),
    ("numeric",
     r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:1\d|20)\d\d)(?![\d])",
     _resolve_iso),
)


def _date_rules(lex: _Lexicon) -> list[tuple[str, str, _Resolver]]:
    year_opt = rf"(?:,?\s+{_YEAR})?"
    rules = [
        ("day_month",
         rf"{_weekday_prefix(lex)}\b(?P<day>[0-3]?\d){lex.day_sep}{_month(lex)}{year_opt}",
         _resolve_day_month),
        ("month_year", rf"{_mod_prefix(lex)}{_month(lex)},?\s+{_YEAR}", _resolve_month_year),
        ("month",
         rf"(?:\b(?P<prep>{_alt(lex.preps)})\s+)?(?P<core>{_mod_prefix(lex)}"
         rf"{_month(lex, full_only=True)})",
         _resolve_month),
        ("year",
         rf"(?:\b(?P<prep>{_alt(lex.preps)})\s+)?(?P<core>{_mod_prefix(lex)}"
         rf"(?:\b(?P<yw>{_alt(lex.year_words)})\s+)?\b{_CONTEXT_YEAR})",
         _resolve_year),
        ("decade", rf"{_mod_prefix(lex)}\b{lex.decade}\b", _resolve_decade),
        ("quarter",
         rf"\b(?:Q(?P<q>[1-4])(?:\s*[/-]\s*|\s+)|(?P<qw>{_alt(lex.quarters)})\s*"
         rf"{lex.quarter_word})\b{_YEAR}",
         _resolve_quarter),
    ]
    if lex.century:
        rules.append(("century", rf"{_mod_prefix(lex)}\b{lex.century}\b", _resolve_century))
    if lex.code == "en":
        rules.insert(1, (
            "month_day",
            rf"{_weekday_prefix(lex)}{_month(lex)}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
            rf"{year_opt}",
            _resolve_day_month,
        ))
    return rules


def _relative_rules(lex: _Lexicon) -> list[tuple[str, str, _Resolver]]:
    days = _alt(lex.relative_days)
    if lex.code == "de":  # lower-case "morgen" is tomorrow, "Morgen"/"heute morgen" morning
        days += r"|(?<!heute\s)(?<!gestern\s)(?<!am\s)(?-i:morgen)"
    approx = rf"(?:(?P<approx>{_alt(lex.approx)})\s+)?"
    num = rf"\d{{1,4}}|{_alt([*lex.numbers, *lex.vague])}|[^\W\d_]+(?:-[^\W\d_]+)*"
    weekdays = _alt(lex.weekdays)
    rules = [
        ("relative_day", rf"\b(?P<rel>{days})\b", _resolve_relative_day),
        ("relative_unit", rf"\b(?P<rel>{_alt(lex.relative_units)})\b", _resolve_relative_unit),
        ("ago", lex.ago.format(approx=approx, num=num, unit=_alt(lex.units)), _resolve_ago),
        ("weekday",
         rf"(?:\b(?P<wdir>{_alt(lex.weekday_dirs)})\s+)?\b(?P<weekday>{weekdays})"
         rf"(?P<wsuf>{lex.weekday_suffix})?\b",
         _resolve_weekday),
    ]
    if lex.weekday_past_s:
        rules.append(
            ("weekday", rf"\bi\s+(?P<weekday>{weekdays})(?P<past_s>s)\b", _resolve_weekday)
        )
    return rules


@lru_cache(maxsize=16)
def _rules(lex: _Lexicon | None) -> tuple[_Rule, ...]:
    specs = list(_NEUTRAL_RULES)
    if lex is not None:
        specs += _date_rules(lex) + _relative_rules(lex)
    return tuple(_Rule(name, re.compile(rx, re.IGNORECASE), fn) for name, rx, fn in specs)


# ------------------------------------------------------------------------------ finding


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    order: int
    rule: str
    value: DateValue


def _candidates(text: str, ctx: _Ctx) -> list[_Candidate]:
    found = []
    for order, rule in enumerate(_rules(ctx.lex if ctx.lex.code else None)):
        for m in rule.pattern.finditer(text):
            value = rule.resolve(m, ctx)
            if value is None:
                continue
            start, end = m.span("core") if "core" in rule.pattern.groupindex else m.span()
            found.append(_Candidate(start, end, order, rule.name, value))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest first (then leftmost, then rule order); drop anything overlapping."""
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start, c.order)):
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


_NEUTRAL = _Lexicon(**{**_EN.__dict__, "code": ""})  # only the neutral rules use it


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
    lex, dateparser_lang = _language(lang)
    ctx = _Ctx(lex or _NEUTRAL, _as_date(dct), False, dateparser_lang or "")
    return [
        DateSuggestion(c.start, c.end, text[c.start:c.end], c.value, c.rule)
        for c in _select(_candidates(text, ctx))
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
    lex, dateparser_lang = _language(lang)
    day = _as_date(dct)
    ctx = _Ctx(lex or _NEUTRAL, day, True, dateparser_lang or "")
    chosen = _select(_candidates(text, ctx))
    best = max(chosen, key=lambda c: c.end - c.start) if chosen else None
    if dateparser_lang is None:
        return best.value if best else None
    if best is None or _DIGIT_RE.search(text[:best.start] + text[best.end:]):
        # digits the rules did not use ("3/4/2022", a time of day): dateparser may know
        return _dateparser_value(text, dateparser_lang, day) or (best.value if best else None)
    return best.value


_DIGIT_RE = re.compile(r"\d")


# --------------------------------------------------------------------------- dateparser

_PROBE_BASES = (date(2001, 3, 7), date(2013, 10, 22))
_TIME_RE = re.compile(r"\d{1,2}[:.]\d{2}")


@lru_cache(maxsize=32)
def _date_data_parser(language: str, base: date):  # -> dateparser.date.DateDataParser
    from dateparser.date import DateDataParser  # slow import: only when needed

    settings = {
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
        return _week_value(day)
    formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
    if period not in formats:
        return None
    return parse_value(day.strftime(formats[period]))


def _dateparser_raw(expression: str, language: str, base: date) -> DateValue | None:
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
def _dateparser_value(expression: str, language: str, dct: date | None) -> DateValue | None:
    """dateparser's reading of ``expression``, or None if it has none we can trust.

    An expression is relative if its value changes with the base date; relative ones
    need ``dct``; absolute ones must agree with their own digits (dateparser reads
    "13 februari" as February 2013).
    """
    probes = [_dateparser_raw(expression, language, base) for base in _PROBE_BASES]
    absolute = probes[0] is not None and probes[0] == probes[1]
    if dct is None:
        return probes[0] if absolute and _digits_agree(expression, probes[0]) else None
    value = _dateparser_raw(expression, language, dct)
    if value is not None and absolute and not _digits_agree(expression, value):
        return None
    return value
