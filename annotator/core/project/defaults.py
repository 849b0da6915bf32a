"""What a new span or claim gets without being asked: the work the tool already knows how to do.

- A DATE span added without a value gets the date normaliser's value,
  precision and mod, resolved against the document's publication date; its
  provenance marks them as proposed (``{"proposed": ["value", ...]}``) until
  the annotator confirms or edits them.
- An ACTOR span added without an actor is linked when its text matches exactly
  one registry actor (the suggester's matcher: aliases, inflections,
  transliterations); several matches are offered as candidates instead.
- A claim whose first demand span has a gloss starts with that gloss.

The window, the CLI and scripts share these rules because they live in the
façade's add methods, not in a dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.core.assist.actors import index_for
from annotator.core.assist.base import Registry
from annotator.core.assist.dates import normalise
from annotator.core.assist.dates.suggester import date_attributes
from annotator.core.models import Actor, ActorId, Document, Span

PROPOSED = "proposed"
"""Provenance key: the attribute names (and ``actor_id``) the tool filled in, not yet confirmed."""


def date_defaults(span: Span, doc: Document) -> tuple[dict[str, Any], list[str]]:
    """Attributes for a DATE span without a value, and the names proposed ([] when none)."""
    if span.layer != "DATE" or span.attributes.get("value"):
        return span.attributes, []
    value = normalise(doc.text[span.start:span.end], doc.language, doc.published or None)
    if value is None:
        return span.attributes, []
    filled = {k: v for k, v in date_attributes(value).items() if v and not span.attributes.get(k)}
    return {**span.attributes, **filled}, sorted(filled)


def actor_matches(text: str, language: str, actors: Sequence[Actor]) -> list[Actor]:
    """Registry actors whose name or alias is all of ``text`` (inflected forms included)."""
    if not text.strip() or not actors:
        return []
    registry = Registry.from_actors(tuple(actors))
    stripped = text.strip()
    by_key = {actor.key: actor for actor in actors}
    found: list[Actor] = []
    for hit in index_for(registry).find(stripped, language):
        if hit.start != 0 or hit.end != len(stripped):
            continue
        for key in (hit.actor_key, *hit.alternatives):
            actor = by_key.get(key)
            if actor is not None and actor not in found:
                found.append(actor)
    return found


def actor_default(span: Span, doc: Document, actors: Sequence[Actor]) -> ActorId | None:
    """The one actor an ACTOR span without an actor is linked to, or None."""
    if span.layer != "ACTOR" or span.actor_id is not None:
        return span.actor_id
    matches = actor_matches(doc.text[span.start:span.end], doc.language, actors)
    return matches[0].id if len(matches) == 1 else None


def with_proposed(provenance: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """``provenance`` noting ``names`` as proposed by the tool (unchanged when there are none)."""
    if not names:
        return provenance
    return {**provenance, PROPOSED: sorted({*provenance.get(PROPOSED, ()), *names})}


def confirmed(provenance: dict[str, Any], names: Sequence[str] | None = None) -> dict[str, Any]:
    """``provenance`` with ``names`` (all when None) no longer proposed."""
    left = [] if names is None else [n for n in provenance.get(PROPOSED, ()) if n not in names]
    out = {k: v for k, v in provenance.items() if k != PROPOSED}
    return {**out, PROPOSED: left} if left else out
