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
import dataclasses
import logging
import weakref
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.assist.base import Registry, Suggester, Suggestion, overlaps, run_suggesters
from annotator.core.assist.registry import DEFAULT_SUGGESTERS, LEARNED, get_suggester
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
                    suggesters: Sequence[str] | None = None,
                    models: Path | None = None) -> list[Suggestion]:
    """Every suggestion for the document, before any annotator's spans or rejections;
    nothing inside its boilerplate (site chrome is not annotated).

    ``models`` is the project's folder of learned models; ``learned`` among
    ``suggesters`` runs its newest version (and says why it cannot when there is none).
    """
    doc = repo.document(doc_id)
    chosen = _chosen(suggesters, models)
    known = set(codebook.layer_names())
    wanted = known if layers is None else set(layers) & known
    found = run_suggesters(doc.text, doc.language, doc.published or None, registry(repo),
                           chosen, wanted)
    if doc.boilerplate:
        found = [s for s in found if not in_boilerplate(doc.boilerplate, s.start, s.end)]
    learned = next((c for c in chosen if isinstance(c, LearnedSuggester)), None)
    return found if learned is None else learned.calibrated(found)


def _chosen(names: Sequence[str] | None, models: Path | None = None) -> list[Suggester]:
    """Named suggesters must be available; a default one that is not is skipped."""
    if names:
        return [learned_suggester(models) if name == LEARNED and models is not None
                else get_suggester(name) for name in names]
    chosen = []
    for name in DEFAULT_SUGGESTERS:
        try:
            chosen.append(get_suggester(name))
        except SuggesterUnavailable as exc:
            log.warning("%s", exc)
    return chosen


def suggestions(  # noqa: PLR0913 - the document, who looks, and what to run
        repo: Repository, codebook: Codebook, doc_id: DocId, annotator: str | None,
        layers: Iterable[str] | None = None, suggesters: Sequence[str] | None = None, *,
        models: Path | None = None) -> list[Suggestion]:
    """What ``annotator`` is shown: raw suggestions less their spans and rejections."""
    found = raw_suggestions(repo, codebook, doc_id, layers, suggesters, models)
    if not annotator or annotator not in repo.annotators():
        return found
    annotator_id = repo.annotator_id(annotator, create=False)
    rejected = SuggestRepository(repo).rejections(doc_id, annotator_id)
    covered = _SpanLookup(repo.spans(doc_id, annotator_id))
    return [s for s in found
            if rejection_key(s) not in rejected and not covered.overlaps(s)]


class LearnedSuggester:
    """The project's newest learned model as a suggester."""

    name = LEARNED

    def __init__(self, model: Any) -> None:
        self.model = model
        self.layers: tuple[str, ...] = model.layers

    def suggest(self, text: str, lang: str, dct: str | None,
                registry: Registry) -> list[Suggestion]:
        return list(self.model.suggestions(text, lang, dct, registry))

    def calibrated(self, found: Sequence[Suggestion]) -> list[Suggestion]:
        """The registry's and the date rules' suggestions with the confidence the model's
        held-out evaluation measured for them (the share annotators would have accepted)."""
        layers = self.model.meta.get("evaluation", {}).get("layers", {})
        rates = {("actors", "ACTOR"): layers.get("ACTOR", {}).get("registry"),
                 ("dates", "DATE"): layers.get("DATE", {}).get("rule")}
        out = []
        for suggestion in found:
            rate = rates.get((suggestion.suggester, suggestion.layer))
            if suggestion.confidence is None and rate and rate.get("suggested"):
                suggestion = dataclasses.replace(
                    suggestion, confidence=round(float(rate["acceptance"]), 4))
            out.append(suggestion)
        return out


_MODELS: dict[Path, tuple[tuple[int, float], LearnedSuggester]] = {}


def learned_suggester(models: Path) -> LearnedSuggester:
    """The suggester of the newest model in ``models``, loaded once per version;
    :class:`~annotator.core.errors.ModelUnavailable` says why there is none."""
    from annotator.core.assist.learn.model import LearnedModel, versions

    found = versions(models)
    meta = models / f"v{found[-1]}" / "model.json" if found else None
    stamp = (found[-1] if found else 0,
             meta.stat().st_mtime if meta is not None and meta.exists() else 0.0)
    cached = _MODELS.get(models)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    suggester = LearnedSuggester(LearnedModel.load(models))
    _MODELS[models] = (stamp, suggester)
    return suggester


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
