"""Registry matching: every actor name and alias found in a text, as ACTOR suggestions.

Matching works on word tokens, not on one regex per alias. Each alias is cut
into tokens and stored in a trie keyed by *skeletons*: the token folded
(case, diacritics, ø/æ/ß), then with z->s, w->v, y->j, doubled letters
collapsed and an ``i``/``ij`` ending read as ``j``, so that Zelenskyj,
Zelenskyy, Selenskyj, Zelensky and Zelenskiy share one key. The text is
tokenised once and walked left to right; at each token the trie is followed as
far as it goes, the last token may also be tried without an inflectional
suffix (Swedish and Norwegian genitive and definite endings, German genitive),
and the longest match wins. Tokens may be separated by spaces or a hyphen with
stray spaces around it ("Kremlin -sjefen", a machine-translation artefact).

The rule reported with each match says how close it was: ``exact``,
``casefold`` (case or diacritics differ), ``inflection`` or
``transliteration``, with ``+hyphen-space`` when a space stood before a
hyphen. Aliases shorter than three characters ("EU", "US") only match with
exactly the same case and no ending, which keeps "us" and "eu" out.

The index is built once per registry version and cached.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache

from annotator.core.assist.base import Registry, Suggestion
from annotator.core.models import Actor, Alias

_TOKEN = re.compile(r"\w+")
_GAP = re.compile(r"[ \t\u00a0\u202f\n]*[-\u2010\u2011:'\u2019]?[ \t\u00a0\u202f]*")
_MT_HYPHEN = re.compile(r"\w[ \t\u00a0]+[-\u2010\u2011]\w")
_SPECIAL = str.maketrans({"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
                          "ß": "ss", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th",
                          "Þ": "th", "ł": "l", "Ł": "l", "ı": "i"})
_SKELETON_END = re.compile(r"(?:ij|ji|i)$")
_DOUBLES = re.compile(r"(.)\1+")

SHORT_ALIAS = 3
"""Aliases shorter than this match only with the same case and no ending."""
MIN_STEM = 3
"""An inflectional ending is only stripped when at least this much remains."""

SUFFIXES: dict[str, tuple[str, ...]] = {
    "sv": ("s", "n", "en", "et", "t", "ns", "ens", "ets", "ts"),
    "nb": ("s", "n", "en", "et", "a", "ns", "ens", "ets", "as", "ene", "enes"),
    "de": ("s", "es", "n", "en", "ns", "ens"),
    "en": (),
}
"""Endings tried on the last word of a name, per language (longest tried first)."""
SUFFIXES["nn"] = SUFFIXES["no"] = SUFFIXES["da"] = SUFFIXES["nb"]

RULE_RANK = {"exact": 0, "casefold": 1, "inflection": 2, "transliteration": 3}


def fold(token: str) -> str:
    """Case- and diacritics-free form: "Kalniņš" -> "kalnins", "Østersjø" -> "ostersjo"."""
    if token.isascii():
        return token.lower()
    return _fold(token)


@lru_cache(maxsize=65536)
def _fold(token: str) -> str:
    decomposed = unicodedata.normalize("NFKD", token.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def skeleton(folded: str) -> str:
    """The transliteration-tolerant key of a folded token (see the module docstring)."""
    if len(folded) < 4:
        return folded
    key = folded.replace("z", "s").replace("w", "v").replace("y", "j")
    key = _DOUBLES.sub(r"\1", key)
    return _SKELETON_END.sub("j", key)


def suffixes_for(lang: str) -> tuple[str, ...]:
    """The endings to try for ``lang``; every language's when it is unknown."""
    base = (lang or "").split("-")[0].lower()
    if base in SUFFIXES:
        chosen = SUFFIXES[base]
    else:
        chosen = tuple({s for group in SUFFIXES.values() for s in group})
    return tuple(sorted(chosen, key=len, reverse=True))


# ------------------------------------------------------------------- the index

@dataclass(frozen=True, slots=True)
class Entry:
    """One name of one actor, as the matcher needs it."""

    actor: Actor
    alias: Alias
    folded: tuple[str, ...]
    exact_only: bool


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    ends: dict[str, list[Entry]] = field(default_factory=dict)


class ActorIndex:
    """A trie of alias skeletons over one registry version."""

    def __init__(self, actors: tuple[Actor, ...]) -> None:
        self.root = _Node()
        self.max_tokens = 0
        self.size = 0
        self.actors = {actor.id: actor for actor in actors}
        self.titles: dict[int, set[tuple[str, ...]]] = {}
        for actor in actors:
            for alias in _names(actor):
                self._add(actor, alias)
            titles = _titles(actor)
            if titles:
                self.titles[actor.id] = titles

    def _add(self, actor: Actor, alias: Alias) -> None:
        tokens = _TOKEN.findall(alias.alias)
        if not tokens:
            return
        folded = tuple(fold(t) for t in tokens)
        node = self.root
        for token in folded[:-1]:
            node = node.children.setdefault(skeleton(token), _Node())
        exact_only = len(alias.alias.strip()) < SHORT_ALIAS
        entries = node.ends.setdefault(skeleton(folded[-1]), [])
        if not any(e.actor.id == actor.id and e.folded == folded and e.alias.alias == alias.alias
                   for e in entries):
            entries.append(Entry(actor, alias, folded, exact_only))
            self.size += 1
        self.max_tokens = max(self.max_tokens, len(folded))

    def find(self, text: str, lang: str = "") -> list[Suggestion]:
        """Non-overlapping, leftmost-longest matches of registry names in ``text``."""
        return _Matcher(self, text, lang).run()

    def lookup(self, name: str, lang: str = "") -> Actor | None:
        """The actor a whole name (for example an NER entity) refers to, if any."""
        for found in self.find(name, lang):
            if found.start == 0 and found.end >= len(name.rstrip()) and found.actor_id:
                return self.actors[found.actor_id]
        return None


def _names(actor: Actor) -> list[Alias]:
    return [Alias(actor.canonical_name, "*"), *actor.aliases]


def _titles(actor: Actor) -> set[tuple[str, ...]]:
    """Title words the registry puts before the surname: "förbundskansler" from
    "förbundskansler Vollmer" when the canonical name ends in "Vollmer"."""
    name = [fold(t) for t in _TOKEN.findall(actor.canonical_name)]
    if len(name) < 2:
        return set()
    out = set()
    for alias in actor.aliases:
        tokens = [fold(t) for t in _TOKEN.findall(alias.alias)]
        if len(tokens) >= 2 and tokens[-1] == name[-1] and not set(tokens[:-1]) & set(name):
            out.add(tuple(tokens[:-1]))
    return out


_CACHE: OrderedDict[str, ActorIndex] = OrderedDict()
_CACHE_SIZE = 4


def index_for(registry: Registry) -> ActorIndex:
    """The index of ``registry``, built once per version (a few recent versions are kept)."""
    index = _CACHE.get(registry.version)
    if index is None:
        index = ActorIndex(registry.actors)
        _CACHE[registry.version] = index
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(registry.version)
    return index


# ------------------------------------------------------------------ matching

@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    surface: str
    folded: str
    key: str


@dataclass(frozen=True, slots=True)
class _Hit:
    first: int
    last: int
    entry: Entry
    rule: str
    others: tuple[Entry, ...]


class _Matcher:
    """One walk over one text."""

    def __init__(self, index: ActorIndex, text: str, lang: str) -> None:
        self.index = index
        self.text = text
        self.lang = (lang or "").split("-")[0].lower()
        self.suffixes = suffixes_for(lang)
        self.tokens = [_token(m) for m in _TOKEN.finditer(text)]

    def run(self) -> list[Suggestion]:
        hits: list[_Hit] = []
        position = 0
        while position < len(self.tokens):
            hit = self._longest_at(position)
            if hit is None:
                position += 1
                continue
            hits.append(hit)
            position = hit.last + 1
        return [self._suggestion(h) for h in self._with_titles(hits)]

    def _with_titles(self, hits: list[_Hit]) -> list[_Hit]:
        """Include a title word the registry uses for the actor ("förbundskansler Katrin
        Vollmer", "Chancellor Katrin Vollmer") in the mention."""
        out: list[_Hit] = []
        for hit in hits:
            floor = out[-1].last + 1 if out else 0
            for title in self.index.titles.get(hit.entry.actor.id, ()):
                first = hit.first - len(title)
                if first >= floor and self._title_at(first, title):
                    hit = dataclasses.replace(hit, first=first, rule=f"{hit.rule}+title")
                    break
            out.append(hit)
        return out

    def _title_at(self, first: int, title: tuple[str, ...]) -> bool:
        tokens = self.tokens[first:first + len(title)]
        return tuple(t.folded for t in tokens) == title and \
            all(self._spaced(p) for p in range(first + 1, first + len(title) + 1))

    def _spaced(self, position: int) -> bool:
        """Only spaces (no line break, no punctuation) between this token and the one before."""
        gap = self.text[self.tokens[position - 1].end:self.tokens[position].start]
        return not gap.strip(" \t\u00a0\u202f")

    def _longest_at(self, first: int) -> _Hit | None:
        node: _Node | None = self.index.root
        best: _Hit | None = None
        position = first
        while node is not None and position < len(self.tokens):
            if position > first and not self._joined(position):
                break
            token = self.tokens[position]
            hit = self._end_here(node, first, position)
            best = hit or best
            node = node.children.get(token.key)
            position += 1
        return best

    def _joined(self, position: int) -> bool:
        gap = self.text[self.tokens[position - 1].end:self.tokens[position].start]
        return _GAP.fullmatch(gap) is not None and "\n\n" not in gap

    def _end_here(self, node: _Node, first: int, last: int) -> _Hit | None:
        if not node.ends:
            return None
        token = self.tokens[last]
        candidates: list[tuple[Entry, str]] = []
        for entry in node.ends.get(token.key, ()):
            candidates.append((entry, self._rule(entry, first, last, stem=None)))
        for suffix in self.suffixes:
            stem = token.folded[:-len(suffix)]
            if not token.folded.endswith(suffix) or len(stem) < MIN_STEM:
                continue
            for entry in node.ends.get(skeleton(stem), ()):
                if not entry.exact_only:
                    candidates.append((entry, self._rule(entry, first, last, stem=stem)))
        candidates = [(e, r) for e, r in candidates if not e.exact_only or r == "exact"]
        if not candidates:
            return None
        candidates.sort(key=lambda item: self._preference(*item))
        entry, rule = candidates[0]
        others = tuple({e.actor.id: e for e, _ in candidates[1:]
                        if e.actor.id != entry.actor.id}.values())
        return _Hit(first, last, entry, rule, others)

    def _rule(self, entry: Entry, first: int, last: int, stem: str | None) -> str:
        tokens = self.tokens[first:last + 1]
        folded = [t.folded for t in tokens]
        if stem is not None:
            folded[-1] = stem
        if tuple(folded) != entry.folded:
            return "transliteration"
        if stem is not None:
            return "inflection"
        surface = self.text[tokens[0].start:tokens[-1].end]
        if [t.surface for t in tokens] == _TOKEN.findall(entry.alias.alias) and \
                _same_joins(surface, entry.alias.alias):
            return "exact"
        return "casefold"

    def _preference(self, entry: Entry, rule: str) -> tuple[int, int, int]:
        base = rule.split("+")[0]
        lang_rank = 0 if entry.alias.lang in (self.lang, "*") else 1
        canonical = 0 if entry.alias.alias == entry.actor.canonical_name else 1
        return RULE_RANK[base], lang_rank, canonical

    def _suggestion(self, hit: _Hit) -> Suggestion:
        start = self.tokens[hit.first].start
        end = _with_clitic(self.text, self.tokens[hit.last].end)
        surface = self.text[start:end]
        rule = hit.rule
        if _MT_HYPHEN.search(surface) and not _MT_HYPHEN.search(hit.entry.alias.alias):
            rule += "+hyphen-space"
        actor = hit.entry.actor
        return Suggestion("ACTOR", start, end, surface, rule, ActorSuggester.name,
                          actor_id=actor.id, actor_key=actor.key,
                          actor_name=actor.canonical_name,
                          attributes={"alias": hit.entry.alias.alias},
                          alternatives=tuple(e.actor.key for e in hit.others))


def _token(match: re.Match[str]) -> _Token:
    surface = match.group()
    folded = fold(surface)
    return _Token(match.start(), match.end(), surface, folded, skeleton(folded))


def _same_joins(surface: str, alias: str) -> bool:
    """Whether the separators between words are the same (ignoring how much space)."""
    def joins(value: str) -> list[str]:
        return ["-" if "-" in gap else (gap.strip() or " ")
                for gap in _TOKEN.split(value)[1:-1]]

    return joins(surface) == joins(alias)


def _with_clitic(text: str, end: int) -> int:
    """Include a Swedish ":s" genitive ("EU:s", "Nato:s") in the mention."""
    if text[end:end + 2] == ":s" and not text[end + 2:end + 3].isalnum():
        return end + 2
    return end


# ---------------------------------------------------------------- suggester

class ActorSuggester:
    """ACTOR suggestions for every registry name and alias in the text."""

    name = "actors"
    layers: tuple[str, ...] = ("ACTOR",)

    def suggest(self, text: str, lang: str, dct: str | None,
                registry: Registry) -> list[Suggestion]:
        if not registry.actors:
            return []
        return index_for(registry).find(text, lang)


def find_actors(text: str, actors: tuple[Actor, ...] | list[Actor],
                lang: str = "") -> list[Suggestion]:
    """Convenience for scripts: match ``actors`` in ``text`` (the index is cached)."""
    return ActorSuggester().suggest(text, lang, None, Registry.from_actors(actors))
