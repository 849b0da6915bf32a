"""The words of the date rules, per language: month and weekday names, relative words,
number words, prepositions, modifiers and the cue words that set a weekday's direction.

Pure data plus the lookup from a BCP-47 tag to a lexicon; the patterns built from these
words are in :mod:`annotator.core.assist.dates.rules`. Word lists are casefolded and a
multi-word entry matches any run of whitespace between its words.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

SUPPORTED_LANGUAGES: tuple[str, ...] = ("sv", "nb", "nn", "no", "en", "de")


def _forms(groups: Mapping[str, int]) -> dict[str, int]:
    """Expand ``{"januari jan": 1}`` into ``{"januari": 1, "jan": 1}`` (casefolded)."""
    return {form.casefold(): n for words, n in groups.items() for form in words.split()}


@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity, for lru_cache
class Lexicon:
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


SV = Lexicon(
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

NB = Lexicon(
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

EN = Lexicon(
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

DE = Lexicon(
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

NEUTRAL = dataclasses.replace(EN, code="")
"""A lexicon without a language: only the language-neutral rules (ISO, dd.mm.yyyy) use it."""

LEXICONS: dict[str, Lexicon] = {"sv": SV, "nb": NB, "no": NB, "nn": NB, "en": EN, "de": DE}

NOT_NUMBERS = frozenset(
    "the this that these those den det de dessa disse dem der die das diesen jenen".split()
)
"""Articles and demonstratives that an ``ago`` pattern catches where the number goes
(``vor den Jahren``): no number, so dateparser is not asked about them."""


def language(lang: str | None) -> tuple[Lexicon | None, str | None]:
    """``(lexicon, dateparser language)`` for a BCP-47 tag such as ``sv-SE`` or ``no``."""
    primary = (lang or "").strip().replace("_", "-").split("-")[0].casefold()
    lexicon = LEXICONS.get(primary)
    if lexicon is None:
        return None, None
    return lexicon, "nn" if primary == "nn" else lexicon.dateparser
