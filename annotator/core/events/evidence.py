"""Evidence for a claim to check: passages elsewhere that bear on a document's claim line.

The claim line ("X visited Y on <date>.") is read for registry actors (any of
their names or aliases, whole words, case-insensitive) and dates (the project's
date finder, anchored on the document's publication date). Candidate
documents come from the full-text index (any of the actors' names or the
line's longer words); each paragraph of them scores

    0.45 x share of the line's actors it names
  + 0.20 if it names a date compatible with the line's
  + 0.35 x text similarity (rapidfuzz token-set ratio)

and the best come first, each with the reasons. The stance suggestion follows
the codebook: it judges the claim line by *this* article's own passages (a
negation cue beside all of the line's actors, or a conflicting date beside
most of them, refutes; a close
match with a compatible date supports, anything else is not enough info), and
names the passage it rests on; the other documents' passages are shown beside
it as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from annotator.core.assist.dates import find_dates
from annotator.core.events import frames
from annotator.core.models import Actor, ActorId, DocId

NEGATIONS = ("not", "never", "denied", "denies", "no such", "did not", "didn't", "false",
             "inte", "aldrig", "förnekar", "ikke", "aldri", "benekter", "avviser",
             "nicht", "nie", "dementiert", "bestreitet")
_SUPPORTS_AT = 0.6
_REFUTES_AT = 0.5
_PARAGRAPH = re.compile(r"\n\s*\n")
_WORD = re.compile(r"\w{4,}")


@dataclass(frozen=True, slots=True)
class Passage:
    doc_id: DocId
    start: int
    end: int
    text: str
    score: float
    reasons: tuple[str, ...]
    negated: bool
    date_conflict: bool
    all_actors: bool = False
    """It names every actor of the claim line."""
    date_match: bool = False

    @property
    def explanation(self) -> str:
        return ", ".join(self.reasons)


@dataclass(frozen=True, slots=True)
class StanceSuggestion:
    value: str
    reason: str
    passage: Passage | None


@dataclass(frozen=True, slots=True)
class Line:
    """What the claim line says, read once."""

    text: str
    actors: tuple[ActorId, ...]
    dates: tuple[frames.Interval, ...]


def _names(actor: Actor) -> list[str]:
    return [n for n in actor.names() if len(n) >= 3]


def _mentions(text: str, actor: Actor) -> bool:
    low = text.casefold()
    return any(re.search(rf"(?<!\w){re.escape(n.casefold())}(?!\w)", low) for n in _names(actor))


def _dates(text: str, lang: str, dct: str) -> tuple[frames.Interval, ...]:
    """The dates of ``text`` read in its document's language, else in English (a claim
    line above a Norwegian article may be English)."""
    found_any = find_dates(text, lang, dct or None)
    if not found_any and lang != "en":
        found_any = find_dates(text, "en", dct or None)
    out = []
    for found in found_any:
        span = frames.interval(found.value.value, found.value.mod or "")
        if span is not None:
            out.append(span)
    return tuple(out)


def read_line(text: str, lang: str, dct: str, actors: Sequence[Actor]) -> Line:
    return Line(text, tuple(a.id for a in actors if _mentions(text, a)), _dates(text, lang, dct))


def search_words(line: Line, actors: Mapping[ActorId, Actor]) -> list[str]:
    """Words for the full-text search: the actors' names and the line's longer words."""
    words = {w.casefold() for w in _WORD.findall(line.text)}
    for actor_id in line.actors:
        for name in _names(actors[actor_id]):
            words.update(w.casefold() for w in _WORD.findall(name))
    return sorted(words)


def paragraphs(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for gap in _PARAGRAPH.finditer(text):
        if gap.start() > start:
            yield start, gap.start()
        start = gap.end()
    if start < len(text):
        yield start, len(text)


def score_passage(line: Line, doc_id: DocId, text: str, bounds: tuple[int, int],
                  context: tuple[str, str], actors: Mapping[ActorId, Actor]) -> Passage:
    """One paragraph against the claim line; ``context`` is (language, publication date)."""
    start, end = bounds
    piece = text[start:end]
    reasons: list[str] = []
    named = [a for a in line.actors if _mentions(piece, actors[a])]
    share = len(named) / len(line.actors) if line.actors else 0.0
    if named:
        reasons.append("names " + ", ".join(actors[a].canonical_name for a in named))
    found = _dates(piece, *context) if line.dates else ()
    date_match = any(frames.overlap(a, b) for a in line.dates for b in found)
    conflict = bool(found) and not date_match and share >= 0.5
    if date_match:
        reasons.append("same date")
    elif conflict:
        reasons.append("other date")
    similarity = frames.text_similarity(line.text, piece)
    if similarity >= 0.5:
        reasons.append(f"similar wording ({round(similarity * 100)}%)")
    low = f" {piece.casefold()} "
    negated = share == 1.0 and any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", low)
                                   for n in NEGATIONS)
    if negated:
        reasons.append("negation")
    value = 0.45 * share + (0.2 if date_match else 0.0) + 0.35 * similarity
    return Passage(doc_id, start, end, piece, round(value, 4), tuple(reasons), negated,
                   conflict, bool(line.actors) and share == 1.0, date_match)


def rank(line: Line, docs: Mapping[DocId, tuple[str, str, str]],
         actors: Mapping[ActorId, Actor], limit: int = 10) -> list[Passage]:
    """The best paragraphs of ``docs`` (id -> text, language, publication date), best
    first; ties in document and text order."""
    out = [score_passage(line, doc_id, text, bounds, (lang, dct), actors)
           for doc_id, (text, lang, dct) in docs.items()
           for bounds in paragraphs(text) if bounds[1] - bounds[0] >= 20]
    out = [p for p in out if p.score > 0]
    out.sort(key=lambda p: (-p.score, p.doc_id, p.start))
    return out[:limit]


def stance(own: Sequence[Passage], dated: bool = True) -> StanceSuggestion:
    """The stance the article's own passages suggest toward the line (``dated``: the line
    names a date).

    Only passages that name every actor of the line count. The best one that is not
    negated and names a compatible date (or the line has none) supports, the best one
    with a negation or another date refutes; the stronger wins, supporting at 0.6 or
    more, refuting at 0.5 or more (a tie goes to support: a stray "not" elsewhere in a
    paragraph is commoner than a denial).
    """
    full = [p for p in own if p.all_actors]
    support = max((p for p in full if not p.negated and not p.date_conflict
                   and (p.date_match or not dated)), key=lambda p: p.score, default=None)
    refute = max((p for p in full if p.negated or p.date_conflict), key=lambda p: p.score,
                 default=None)
    if support is not None and support.score >= _SUPPORTS_AT and \
            (refute is None or support.score >= refute.score):
        return StanceSuggestion("SUPPORTS", f"close match: {support.explanation}", support)
    if refute is not None and refute.score >= _REFUTES_AT:
        why = "names the claim's actors with a negation" if refute.negated \
            else "names the claim's actors with another date"
        return StanceSuggestion("REFUTES", why, refute)
    best = support or refute or (own[0] if own else None)
    return StanceSuggestion("NOT_ENOUGH_INFO", "no passage of the article matches closely",
                            best)
