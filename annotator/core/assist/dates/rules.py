"""The date rules: regular expressions per language that find temporal expressions, and
the resolvers that turn each match into a TIMEX3 value against the publication date.

Each rule is a pattern built from a lexicon and a resolver; a resolver may decline a
match (None) when its context does not make it a date (``may`` as a verb, a bare month
without a preposition) or when it is relative and there is no publication date.
:func:`candidates` runs every rule of a language, :func:`select` keeps the longest of
overlapping matches. The conventions the resolvers follow are listed in
:mod:`annotator.core.assist.dates`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from annotator.core.assist.dates.fallback import dateparser_value
from annotator.core.assist.dates.lexicons import NOT_NUMBERS, Lexicon
from annotator.core.assist.dates.values import (
    day_value,
    month_value,
    nearest_year,
    unit_value,
)
from annotator.core.timex import DateValue, parse_value

# --------------------------------------------------------------------------- regex parts


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first, with any run of whitespace between words."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in unique)


_YEAR = r"(?P<year>(?:1\d|20)\d\d)(?!\d)(?![.,]\d)"
_CONTEXT_YEAR = r"(?P<year>(?:18|19|20)\d\d)(?!\w)(?![.,:]\d)(?!-tal)"


def _mod_prefix(lex: Lexicon) -> str:
    return rf"(?:\b(?P<modw>{_alt(lex.mod_words)})(?:\s+|(?<=-)))?"


def _month(lex: Lexicon, full_only: bool = False) -> str:
    names = lex.full_months if full_only else lex.months
    return rf"\b(?P<month>{_alt(names)})\b(?:\.(?=\s*\d))?"


def _weekday_prefix(lex: Lexicon) -> str:
    names = _alt([*lex.weekdays, *lex.weekday_abbrevs])
    return rf"(?:\b(?:{names})\.?,?\s+(?:(?:{lex.articles})\s+)?)?"


# --------------------------------------------------------------------------- resolvers


@dataclass(frozen=True)
class Context:
    """What a resolver knows besides its match."""

    lex: Lexicon
    dct: date | None
    explicit: bool  # True in normalise(): the annotator chose the expression
    dateparser: str  # the language dateparser is asked in ("" for none)


_Resolver = Callable[[re.Match[str], Context], DateValue | None]
_RuleSpec = tuple[str, str, _Resolver]  # name, pattern, resolver


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _mod(m: re.Match[str], ctx: Context) -> str | None:
    word = m.groupdict().get("modw")
    return ctx.lex.mod_words[_key(word)] if word else None


def _month_number(m: re.Match[str], ctx: Context) -> int | None:
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


def _resolve_iso(m: re.Match[str], ctx: Context) -> DateValue | None:
    return day_value(int(m["year"]), int(m["mon"]), int(m["day"]))


def _resolve_day_month(m: re.Match[str], ctx: Context) -> DateValue | None:
    month = _month_number(m, ctx)
    if month is None:
        return None
    day = int(m["day"])
    if m["year"]:
        return day_value(int(m["year"]), month, day)
    pattern = f"XXXX-{month:02d}-{day:02d}"
    try:
        unknown = parse_value(pattern)
    except ValueError:
        return None
    return unknown if ctx.dct is None else nearest_year(ctx.dct, pattern)


def _resolve_month_year(m: re.Match[str], ctx: Context) -> DateValue | None:
    month = _month_number(m, ctx)
    return None if month is None else month_value(int(m["year"]), month, _mod(m, ctx))


def _resolve_month(m: re.Match[str], ctx: Context) -> DateValue | None:
    if not (ctx.explicit or m["prep"] or m["modw"]):
        return None
    month = _month_number(m, ctx)
    if month is None:
        return None
    pattern = f"XXXX-{month:02d}"
    if ctx.dct is None:
        return parse_value(pattern, _mod(m, ctx))
    return nearest_year(ctx.dct, pattern, _mod(m, ctx))


def _resolve_year(m: re.Match[str], ctx: Context) -> DateValue | None:
    if not (ctx.explicit or m["prep"] or m["modw"] or m["yw"]):
        return None
    return parse_value(m["year"], _mod(m, ctx))


def _resolve_decade(m: re.Match[str], ctx: Context) -> DateValue | None:
    digits = m["dec"]
    if ctx.lex.code in ("sv", "nb") and digits.endswith("0"):
        digits = digits[:2]  # "1900-talet" is the twentieth century, 1900-1999
    return parse_value(digits, _mod(m, ctx))


def _resolve_century(m: re.Match[str], ctx: Context) -> DateValue | None:
    number = int(m["ord"])
    if not 1 <= number <= 100:
        return None
    return parse_value(f"{number - 1:02d}", _mod(m, ctx))


def _resolve_quarter(m: re.Match[str], ctx: Context) -> DateValue | None:
    quarter = int(m["q"]) if m["q"] else ctx.lex.quarters[_key(m["qw"])]
    return parse_value(f"{m['year']}-Q{quarter}")


def _resolve_relative_day(m: re.Match[str], ctx: Context) -> DateValue | None:
    if ctx.dct is None:
        return None
    offset = ctx.lex.relative_days.get(_key(m["rel"]), 1)  # only German "morgen" is absent
    return parse_value((ctx.dct + timedelta(days=offset)).isoformat())


def _resolve_relative_unit(m: re.Match[str], ctx: Context) -> DateValue | None:
    if ctx.dct is None:
        return None
    unit, offset = ctx.lex.relative_units[_key(m["rel"])]
    return unit_value(ctx.dct, unit, offset)


def _resolve_ago(m: re.Match[str], ctx: Context) -> DateValue | None:
    word = _key(m["num"])
    mod = ctx.lex.approx[_key(m["approx"])] if m["approx"] else None
    if word in ctx.lex.vague:
        return parse_value("PAST_REF")
    if ctx.dct is None:
        return None
    amount = int(word) if word.isdigit() else ctx.lex.numbers.get(word)
    if amount is None:  # a number word we do not know: ask dateparser
        if word in NOT_NUMBERS:
            return None
        found = dateparser_value(_without_group(m, "approx"), ctx.dateparser, ctx.dct)
        if found is None or mod is None:
            return found
        return DateValue(found.value, found.precision, mod)
    return unit_value(ctx.dct, ctx.lex.units[_key(m["unit"])], -amount, mod)


def _without_group(m: re.Match[str], group: str) -> str:
    """The matched text less one group (the modifier dateparser would not understand)."""
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
def _cue_patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
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


def _context_mode(m: re.Match[str], ctx: Context) -> str:
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


def _resolve_weekday(m: re.Match[str], ctx: Context) -> DateValue | None:
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


_NEUTRAL_RULES: tuple[_RuleSpec, ...] = (
    ("iso", r"(?<![\d-])(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?![\d])", _resolve_iso),
    ("numeric",
     r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:1\d|20)\d\d)(?![\d])",
     _resolve_iso),
)


def _date_rules(lex: Lexicon) -> list[_RuleSpec]:
    year_opt = rf"(?:,?\s+{_YEAR})?"
    rules: list[_RuleSpec] = [
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


def _relative_rules(lex: Lexicon) -> list[_RuleSpec]:
    days = _alt(lex.relative_days)
    if lex.code == "de":  # lower-case "morgen" is tomorrow, "Morgen"/"heute morgen" morning
        days += r"|(?<!heute\s)(?<!gestern\s)(?<!am\s)(?-i:morgen)"
    approx = rf"(?:(?P<approx>{_alt(lex.approx)})\s+)?"
    num = rf"\d{{1,4}}|{_alt([*lex.numbers, *lex.vague])}|[^\W\d_]+(?:-[^\W\d_]+)*"
    weekdays = _alt(lex.weekdays)
    rules: list[_RuleSpec] = [
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
def _rules(lex: Lexicon | None) -> tuple[_Rule, ...]:
    specs = list(_NEUTRAL_RULES)
    if lex is not None:
        specs += _date_rules(lex) + _relative_rules(lex)
    return tuple(_Rule(name, re.compile(rx, re.IGNORECASE), fn) for name, rx, fn in specs)


# ------------------------------------------------------------------------------ finding


@dataclass(frozen=True)
class Candidate:
    """A rule's match and its value; ``order`` is the rule's rank, for ties."""

    start: int
    end: int
    order: int
    rule: str
    value: DateValue


def candidates(text: str, ctx: Context) -> list[Candidate]:
    """Every match of every rule of ``ctx.lex`` that resolves to a value (they may overlap)."""
    found = []
    for order, rule in enumerate(_rules(ctx.lex if ctx.lex.code else None)):
        for m in rule.pattern.finditer(text):
            value = rule.resolve(m, ctx)
            if value is None:
                continue
            start, end = m.span("core") if "core" in rule.pattern.groupindex else m.span()
            found.append(Candidate(start, end, order, rule.name, value))
    return found


def select(found: list[Candidate]) -> list[Candidate]:
    """Longest first (then leftmost, then rule order); drop anything overlapping."""
    chosen: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (c.start - c.end, c.start, c.order)):
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)

