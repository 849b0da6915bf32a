"""Suggestions: the value type, the ``Suggester`` extension point and how suggesters combine.

A suggester is anything with a ``name``, the ``layers`` it proposes spans for,
and ``suggest(text, lang, dct, registry)`` returning :class:`Suggestion` values
with code-point offsets into ``text``; ``registry`` is the project's actor
:class:`Registry` (the named suggesters themselves are looked up in
:mod:`annotator.core.assist.registry`). Nothing here touches the network: a
suggester that needs a model uses one installed locally or reports itself
unavailable (:class:`~annotator.core.errors.SuggesterUnavailable`).

:func:`run_suggesters` runs a set of suggesters on one text and
:func:`combine` resolves their overlaps: within one layer, the longer span
wins, then the suggester listed first, so registry links beat bare NER spans.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from annotator.core.models import Actor, ActorId

log = logging.getLogger(__name__)


SOURCES = {"actors": "registry", "dates": "rule", "spacy-ner": "spaCy model"}
"""What a suggestion's source is called, by suggester name."""

PRIOR_CONFIDENCE = {"actors": 0.6, "dates": 0.6, "spacy-ner": 0.5}
"""The confidence shown for suggesters that give none: a fixed prior (an actor matched by
several registry entries gets three quarters of it). Beside a learned model, the registry's
and the rules' suggestions get the acceptance its evaluation measured instead
(:meth:`annotator.core.assist.workflow.LearnedSuggester.calibrated`)."""


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
    confidence: float | None = None
    """How likely the project's annotators are to keep it (0..1); None: see
    :data:`PRIOR_CONFIDENCE`."""

    @property
    def source(self) -> str:
        """Where it came from: ``registry``, ``rule``, ``learned model vN`` or the
        suggester's name."""
        if self.suggester == "learned":
            return f"learned {self.rule}"
        return SOURCES.get(self.suggester, self.suggester)

    @property
    def score(self) -> float:
        """The confidence, or the prior of its kind when the suggester gives none."""
        if self.confidence is not None:
            return self.confidence
        prior = PRIOR_CONFIDENCE.get(self.suggester, 0.5)
        return prior * (0.75 if self.alternatives else 1.0)

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
                               "suggester": self.suggester, "source": self.source,
                               "confidence": round(self.score, 4)}
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
    """Whether the half-open ranges ``[start_a, end_a)`` and ``[start_b, end_b)`` share a
    character."""
    return start_a < end_b and start_b < end_a
