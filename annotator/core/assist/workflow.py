"""Suggestions inside a project: what an annotator is shown, rejecting and accepting.

``project.suggestions`` (:class:`~annotator.core.project.facades.Suggestions`)
delegates here, handing over the project's store and codebook. A suggestion is
hidden from an annotator when it overlaps one of their own spans of the same
layer, or when they rejected it before (remembered per document, layer, offsets
and value). Accepting turns a suggestion into the annotator's own span through
``Project.add_span`` with :func:`span_fields` (the actor link or the date
attributes filled in) once :func:`check_current` passed, so undo is the normal
span removal.
"""

from __future__ import annotations

import bisect
import logging
import weakref
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from annotator.core.assist.base import Registry, Suggester, Suggestion, overlaps, run_suggesters
from annotator.core.assist.registry import DEFAULT_SUGGESTERS, get_suggester
from annotator.core.boilerplate import overlaps as in_boilerplate
from annotator.core.errors import SuggesterUnavailable, ValidationError
from annotator.core.models import ChangeKind, Changes, DocId, Span
from annotator.core.project import rules
from annotator.core.store.suggest import RejectionKey, SuggestRepository

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.core.store.repository import Repository

log = logging.getLogger(__name__)

_REGISTRIES: weakref.WeakKeyDictionary[object, tuple[str, Registry]] = \
    weakref.WeakKeyDictionary()


def registry(repo: Repository) -> Registry:
    """The project's registry, re-read only when its fingerprint changed."""
    fingerprint = SuggestRepository(repo).registry_fingerprint()
    cached = _REGISTRIES.get(repo)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    fresh = Registry.from_actors(repo.actors())
    _REGISTRIES[repo] = (fingerprint, fresh)
    return fresh


def raw_suggestions(repo: Repository, codebook: Codebook, doc_id: DocId,
                    layers: Iterable[str] | None = None,
                    suggesters: Sequence[str] | None = None) -> list[Suggestion]:
    """Every suggestion for the document, before any annotator's spans or rejections;
    nothing inside its boilerplate (site chrome is not annotated)."""
    doc = repo.document(doc_id)
    chosen = _chosen(suggesters)
    known = set(codebook.layer_names())
    wanted = known if layers is None else set(layers) & known
    found = run_suggesters(doc.text, doc.language, doc.published or None, registry(repo),
                           chosen, wanted)
    if not doc.boilerplate:
        return found
    return [s for s in found if not in_boilerplate(doc.boilerplate, s.start, s.end)]


def _chosen(names: Sequence[str] | None) -> list[Suggester]:
    """Named suggesters must be available; a default one that is not is skipped."""
    if names:
        return [get_suggester(name) for name in names]
    chosen = []
    for name in DEFAULT_SUGGESTERS:
        try:
            chosen.append(get_suggester(name))
        except SuggesterUnavailable as exc:
            log.warning("%s", exc)
    return chosen


def suggestions(repo: Repository, codebook: Codebook, doc_id: DocId, annotator: str | None,
                layers: Iterable[str] | None = None,
                suggesters: Sequence[str] | None = None) -> list[Suggestion]:
    """What ``annotator`` is shown: raw suggestions less their spans and rejections."""
    found = raw_suggestions(repo, codebook, doc_id, layers, suggesters)
    if not annotator or annotator not in repo.annotators():
        return found
    annotator_id = repo.annotator_id(annotator, create=False)
    rejected = SuggestRepository(repo).rejections(doc_id, annotator_id)
    covered = _SpanLookup(repo.spans(doc_id, annotator_id))
    return [s for s in found
            if rejection_key(s) not in rejected and not covered.overlaps(s)]


def rejection_key(suggestion: Suggestion) -> RejectionKey:
    return (suggestion.layer, suggestion.start, suggestion.end, suggestion.value)


class _SpanLookup:
    """Existing spans per layer, sorted, for fast overlap tests."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.by_layer: dict[str, list[tuple[int, int]]] = {}
        for span in spans:
            self.by_layer.setdefault(span.layer, []).append((span.start, span.end))
        for items in self.by_layer.values():
            items.sort()

    def overlaps(self, suggestion: Suggestion) -> bool:
        items = self.by_layer.get(suggestion.layer, [])
        index = bisect.bisect_left(items, (suggestion.end, suggestion.end))
        return any(overlaps(start, end, suggestion.start, suggestion.end)
                   for start, end in items[:index])


# ------------------------------------------------------------------- editing

def check_current(text: str, suggestion: Suggestion) -> None:
    """Refuse a suggestion whose text the document no longer has at its offsets."""
    if text[suggestion.start:suggestion.end] != suggestion.text:
        raise ValidationError(
            f"the suggestion {suggestion.text!r} no longer matches the text at "
            f"{suggestion.start}-{suggestion.end}")


def reject(repo: Repository, doc_id: DocId, annotator: str, suggestion: Suggestion
           ) -> Changes[Suggestion]:
    """Hide ``suggestion`` from ``annotator`` for good (undo: :func:`unreject`)."""
    repo.document(doc_id)
    with repo.write():
        annotator_id = rules.annotator_id(repo, annotator)
        SuggestRepository(repo).reject(doc_id, annotator_id, rejection_key(suggestion))
        repo.log(annotator, "reject", "suggestion", suggestion.layer, doc_id, None,
                 suggestion.as_dict())
    return Changes(ChangeKind.SUGGESTIONS, (doc_id,), (), suggestion, None)


def unreject(repo: Repository, doc_id: DocId, annotator: str,
             suggestion: Suggestion) -> Changes[Suggestion]:
    """Show a rejected suggestion again."""
    with repo.write():
        annotator_id = rules.annotator_id(repo, annotator)
        SuggestRepository(repo).unreject(doc_id, annotator_id, rejection_key(suggestion))
        repo.log(annotator, "unreject", "suggestion", suggestion.layer, doc_id,
                 suggestion.as_dict(), None)
    return Changes(ChangeKind.SUGGESTIONS, (doc_id,), (), None, suggestion)


def span_fields(suggestion: Suggestion) -> dict[str, Any]:
    """The keyword arguments of ``Project.add_span`` (or ``commands.AddSpan``) that accept
    ``suggestion``: actor_id, attributes and provenance."""
    return {"actor_id": suggestion.actor_id, "attributes": span_attributes(suggestion),
            "provenance": provenance(suggestion)}


def span_attributes(suggestion: Suggestion) -> dict[str, object]:
    """The attributes an accepted span carries: value/precision/mod for DATE."""
    if suggestion.layer == "DATE":
        return {k: v for k, v in suggestion.attributes.items()
                if k in ("value", "precision", "mod") and v not in (None, "")}
    return {}


def provenance(suggestion: Suggestion) -> dict[str, object]:
    return {"suggested_by": suggestion.suggester, "rule": suggestion.rule}
