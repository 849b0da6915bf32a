"""Suggestions: the value type, the ``Suggester`` extension point and how suggesters combine.

A suggester is anything with a ``name``, the ``layers`` it proposes spans for,
and ``suggest(text, lang, dct, registry)`` returning :class:`Suggestion` values
with code-point offsets into ``text``. Two are built in (registry actors and
dates); others come from the ``annotator.suggesters`` entry-point group or from
:func:`register_suggester`. Nothing here touches the network: a suggester that
needs a model uses one installed locally or reports itself unavailable.

:func:`run_suggesters` runs a set of suggesters on one text and
:func:`combine` resolves their overlaps: within one layer, the longer span
wins, then the suggester listed first, so registry links beat bare NER spans.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from annotator.core.errors import SuggesterUnavailable  # noqa: F401 - re-exported
from annotator.core.models import Actor, ActorId

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "annotator.suggesters"
DEFAULT_SUGGESTERS = ("actors", "dates")
"""Suggesters that run when the caller names none."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One proposed span: where, which layer, why, and what to fill in on acceptance."""

    layer: str
    start: int
    end: int
    text: str
    rule: str
    suggester: str
    actor_id: ActorId | None = None
    actor_key: str = ""
    actor_name: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)
    alternatives: tuple[str, ...] = ()
    """Keys of other actors whose names match the same words equally well."""

    @property
    def value(self) -> str:
        """What a rejection remembers besides the offsets: the actor key or the date value."""
        if self.layer == "ACTOR":
            return self.actor_key
        return str(self.attributes.get("value", ""))

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form (the CLI's ``suggest --json``)."""
        out: dict[str, Any] = {"layer": self.layer, "start": self.start, "end": self.end,
                               "text": self.text, "rule": self.rule,
                               "suggester": self.suggester}
        if self.layer == "ACTOR":
            out["actor"] = {"id": self.actor_id, "key": self.actor_key,
                            "name": self.actor_name} if self.actor_key else None
            if self.alternatives:
                out["alternatives"] = list(self.alternatives)
        if self.attributes:
            out["attributes"] = dict(self.attributes)
        return out


@dataclass(frozen=True, slots=True)
class Registry:
    """The actor registry as suggesters see it: the actors and a version to cache on."""

    actors: tuple[Actor, ...]
    version: str

    @classmethod
    def from_actors(cls, actors: Iterable[Actor], version: str = "") -> Registry:
        """Wrap actors; without ``version`` the content hash is the version."""
        items = tuple(actors)
        return cls(items, version or registry_hash(items))


EMPTY_REGISTRY = Registry((), "empty")


def registry_hash(actors: Sequence[Actor]) -> str:
    """A content hash of everything that matching depends on."""
    digest = hashlib.blake2b(digest_size=16)
    for actor in actors:
        digest.update(f"{actor.id}\x1f{actor.key}\x1f{actor.canonical_name}".encode())
        for alias in actor.aliases:
            digest.update(f"\x1e{alias.lang}\x1f{alias.alias}".encode())
        digest.update(b"\x1d")
    return digest.hexdigest()


@runtime_checkable
class Suggester(Protocol):
    """The extension point. ``dct`` is the publication date (ISO text) or ``None``."""

    name: str
    layers: tuple[str, ...]

    def suggest(self, text: str, lang: str, dct: str | None,
                registry: Registry) -> list[Suggestion]: ...


# ------------------------------------------------------------- the registry

_FACTORIES: dict[str, Callable[[], Suggester]] = {}
_LOADED: dict[str, Suggester] = {}
_problems: list[str] = []
_entry_points_loaded = False


def register_suggester(name: str, factory: Callable[[], Suggester]) -> None:
    """Make a suggester available under ``name`` (a later registration replaces it)."""
    _FACTORIES[name] = factory
    _LOADED.pop(name, None)


def _register_builtins() -> None:
    from annotator.core.assist.actors import ActorSuggester
    from annotator.core.assist.spacy_ner import SpacyNerSuggester

    _FACTORIES.setdefault("actors", ActorSuggester)
    _FACTORIES.setdefault("dates", DateSuggester)
    _FACTORIES.setdefault("spacy-ner", SpacyNerSuggester)


def _load_entry_points() -> None:
    """Add suggesters that installed packages declare; a broken one is reported, not fatal."""
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    from importlib.metadata import entry_points

    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            target = point.load()
        except Exception as exc:  # noqa: BLE001 - a third-party plug-in must not break us
            _problems.append(f"suggester {point.name!r} ({point.value}) failed to load: {exc}")
            continue
        if isinstance(target, type) or not hasattr(target, "suggest"):
            _FACTORIES.setdefault(point.name, target)
        else:
            _FACTORIES.setdefault(point.name, lambda obj=target: obj)


def suggester_names() -> list[str]:
    """Every suggester known: built in, entry points, registered at run time."""
    _register_builtins()
    _load_entry_points()
    return list(_FACTORIES)


def suggester_problems() -> list[str]:
    """Messages about plug-ins that failed to load."""
    suggester_names()
    return list(_problems)


def get_suggester(name: str) -> Suggester:
    """The suggester called ``name``; raises :class:`SuggesterUnavailable` with the reason."""
    if name in _LOADED:
        return _LOADED[name]
    if name not in suggester_names():
        raise SuggesterUnavailable(
            f"no suggester named {name!r}; known: {', '.join(suggester_names())}")
    suggester = _FACTORIES[name]()
    check = getattr(suggester, "check_available", None)
    if check is not None:
        check()
    _LOADED[name] = suggester
    return suggester


def availability() -> dict[str, str]:
    """Name -> "" when usable, else the reason it is not (for a settings page or the CLI)."""
    out: dict[str, str] = {}
    for name in suggester_names():
        try:
            get_suggester(name)
        except SuggesterUnavailable as exc:
            out[name] = str(exc)
        else:
            out[name] = ""
    return out


# ------------------------------------------------------------- running them

def run_suggesters(text: str, lang: str, dct: str | None, registry: Registry,
                   suggesters: Sequence[Suggester], layers: Iterable[str] | None = None,
                   ) -> list[Suggestion]:
    """Every suggestion of ``suggesters`` for ``layers`` (all when None), combined."""
    wanted = None if layers is None else set(layers)
    found: list[list[Suggestion]] = []
    for suggester in suggesters:
        if wanted is not None and not wanted & set(suggester.layers):
            continue
        try:
            items = suggester.suggest(text, lang, dct, registry)
        except Exception:  # one broken suggester (a plug-in) must not hide the others
            log.exception("suggester %r failed", getattr(suggester, "name", suggester))
            continue
        found.append([s for s in items if wanted is None or s.layer in wanted])
    return combine(found)


def combine(groups: Sequence[Sequence[Suggestion]]) -> list[Suggestion]:
    """Merge the suggestions of several suggesters (earlier groups take precedence).

    Within one layer no two suggestions overlap: a longer span beats a shorter
    one, and at equal length the earlier group wins. Different layers may overlap.
    """
    ranked = [(s, rank) for rank, group in enumerate(groups) for s in group]
    ranked.sort(key=lambda item: (-(item[0].end - item[0].start), item[1], item[0].start))
    kept: dict[str, list[Suggestion]] = {}
    for suggestion, _rank in ranked:
        same_layer = kept.setdefault(suggestion.layer, [])
        if not any(overlaps(suggestion.start, suggestion.end, k.start, k.end)
                   for k in same_layer):
            same_layer.append(suggestion)
    out = [s for layer in kept.values() for s in layer]
    out.sort(key=lambda s: (s.start, s.end, s.layer))
    return out


def overlaps(start_a: int, end_a: int, start_b: int, end_b: int) -> bool:
    return start_a < end_b and start_b < end_a


# ------------------------------------------------------------ the date adapter

class DateSuggester:
    """DATE spans from :func:`annotator.core.assist.dates.find_dates`, values resolved
    against the publication date; the span attributes are value, precision and mod."""

    name = "dates"
    layers: tuple[str, ...] = ("DATE",)

    def check_available(self) -> None:
        try:
            import annotator.core.assist.dates  # noqa: F401
        except ImportError as exc:
            raise SuggesterUnavailable(f"date suggestions are not available: {exc}") from None

    def suggest(self, text: str, lang: str, dct: str | None,
                registry: Registry) -> list[Suggestion]:
        from annotator.core.assist.dates import find_dates

        return [Suggestion("DATE", found.start, found.end, found.text, str(found.rule),
                           self.name, attributes=date_attributes(found.value))
                for found in find_dates(text, lang, dct)]


def date_attributes(value: Any) -> dict[str, Any]:
    """DATE span attributes from a :class:`DateValue`: value, precision and mod (as text)."""
    return {"value": _plain_text(getattr(value, "value", value)),
            "precision": _plain_text(getattr(value, "precision", "")),
            "mod": _plain_text(getattr(value, "mod", ""))}


def _plain_text(item: Any) -> str:
    if item is None:
        return ""
    return str(getattr(item, "value", item))
