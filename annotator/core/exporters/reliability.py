"""Reliability matrices for external agreement tools: one CSV per variable, units x coders.

Each file has a ``unit`` column and one column per coder; an empty cell means
the coder gave no value for that unit (missing). Variables:

- ``doc_FIELD``: every document field with a vocabulary (relevance, stance,
  outlet reliability ...), one unit per document;
- ``tokens_LAYER``: 1/0 per token (inside a span of the layer or not), for the
  coders who annotated the document; a unitizing-free view of span agreement;
- ``span_LAYER_ATTR``: per matched span (same offsets in several coders'
  work) its registry actor (``span_ACTOR_actor``) or attribute value;
- ``claim_FIELD``: per aligned claim (the alignment of the agreement report and
  the review: demand-span overlap, claimant, event type) its claimant, addressee,
  event type, position, reliability grades ...

The units follow the rules of ``annotator agreement`` (docs/export-formats.md
states them): only documents every coder worked on; a claim is a unit when every
coder has a claim aligned to it. With the selection "all" the gold layer is not a
coder and is left out. manifest.json lists every variable with its level (the
vocabulary's kind), full domain and the codes that are missing on an ordinal
scale (F, 6).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.codebook import Codebook
from annotator.core.exporters.base import ExportResult, manifest, output, write_json
from annotator.core.exporters.rows import Bundle, View, iter_bundles, plan
from annotator.core.exporters.selection import ALL, Selection
from annotator.core.exporters.tokenize import tokenizer_name, tokens
from annotator.core.models import GOLD, Actor, ActorId, Claim, DocId, Span
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "reliability"
CLAIM_VARIABLES = ("claimant", "addressee", "object", "event_type", "position", "factuality",
                   "form", "date_value", "source_reliability", "info_credibility")
_CLAIM_VOCAB = {"event_type": "event_type", "position": "position", "factuality": "factuality",
                "form": "form", "source_reliability": "source_reliability",
                "info_credibility": "info_credibility"}


@dataclass(slots=True)
class Matrix:
    """One variable: unit -> coder -> value, in unit order of first appearance."""

    level: str = "nominal"
    domain: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    cells: dict[str, dict[str, Any]] = field(default_factory=dict)

    def put(self, unit: str, coder: str, value: Any) -> None:
        if value not in (None, ""):
            self.cells.setdefault(unit, {})[coder] = value
        else:
            self.cells.setdefault(unit, {})

    def write(self, path: Path, coders: list[str]) -> None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["unit", *coders])
            for unit, values in self.cells.items():
                writer.writerow([unit, *(values.get(c, "") for c in coders)])


class Collector:
    """Builds every matrix while documents stream by."""

    def __init__(self, book: Codebook, actors: dict[ActorId, Actor],
                 use_spacy: bool | None) -> None:
        self.book, self.actors, self.use_spacy = book, actors, use_spacy
        self.matrices: dict[str, Matrix] = {}
        for attr in book.document_fields:
            if attr.vocabulary in book.vocabularies:
                self.matrices[f"doc_{attr.name}"] = self._declared(attr.vocabulary)
        for name in CLAIM_VARIABLES:
            vocab = _CLAIM_VOCAB.get(name, "")
            self.matrices[f"claim_{name}"] = self._declared(vocab) if vocab in \
                book.vocabularies else Matrix()

    def _declared(self, vocabulary: str) -> Matrix:
        vocab = self.book.vocabulary(vocabulary)
        return Matrix(vocab.kind, vocab.codes(), list(vocab.missing))

    def _matrix(self, name: str) -> Matrix:
        return self.matrices.setdefault(name, Matrix())

    def add(self, bundle: Bundle, views: list[View]) -> None:
        if not views:
            return
        doc = bundle.doc
        unit = f"doc:{doc.id}"
        for attr in self.book.document_fields:
            if f"doc_{attr.name}" in self.matrices:
                for view in views:
                    self.matrices[f"doc_{attr.name}"].put(unit, view.annotator,
                                                          view.values.get(attr.name))
        self._tokens(bundle, views)
        self._matched_spans(unit, views)
        self._claims(doc.id, unit, views)

    def _tokens(self, bundle: Bundle, views: list[View]) -> None:
        toks = tokens(bundle.doc.text, bundle.doc.language, use_spacy=self.use_spacy)
        for layer in self.book.layer_names():
            matrix = self._matrix(f"tokens_{layer}")
            matrix.domain = ["0", "1"]
            inside = {v.annotator: _covered(toks, [s for s in v.spans if s.layer == layer])
                      for v in views}
            for index in range(len(toks)):
                unit = f"doc:{bundle.doc.id}:tok:{index}"
                for view in views:
                    matrix.put(unit, view.annotator, "1" if index in inside[view.annotator]
                               else "0")

    def _matched_spans(self, unit: str, views: list[View]) -> None:
        keys = {a_id: a.key for a_id, a in self.actors.items()}
        for view in views:
            for span in view.spans:
                where = f"{unit}:{span.start}-{span.end}"
                if span.actor_id is not None:
                    self._matrix(f"span_{span.layer}_actor").put(
                        where, view.annotator, keys.get(span.actor_id, ""))
                for name, value in span.attributes.items():
                    if isinstance(value, str | int | bool):
                        self._span_attribute(span, name).put(where, view.annotator, value)

    def _span_attribute(self, span: Span, name: str) -> Matrix:
        key = f"span_{span.layer}_{name}"
        if key not in self.matrices:
            attr = next((a for layer in self.book.layers if layer.name == span.layer
                         for a in layer.attributes if a.name == name), None)
            vocab = attr.vocabulary if attr is not None else ""
            self.matrices[key] = self._declared(vocab) if vocab in self.book.vocabularies \
                else Matrix()
        return self.matrices[key]

    def _claims(self, doc_id: DocId, unit: str, views: list[View]) -> None:
        for index, group in enumerate(claim_units(doc_id, views)):
            where = f"{unit}:claim:{index}"
            for coder, claim in group.items():
                for name in CLAIM_VARIABLES:
                    self.matrices[f"claim_{name}"].put(where, coder,
                                                       _claim_value(claim, name, self.actors))


def _covered(toks: list[tuple[int, int]], spans: Iterable[Span]) -> set[int]:
    out: set[int] = set()
    for span in spans:
        out.update(i for i, (a, b) in enumerate(toks) if a < span.end and span.start < b)
    return out


def _claim_value(claim: Claim, name: str, actors: dict[ActorId, Actor]) -> Any:
    if name in ("claimant", "addressee", "object"):
        actor_id = getattr(claim, f"{name}_id")
        return actors[actor_id].key if actor_id in actors else ""
    value = getattr(claim, name)
    return "" if value is None else value


def claim_units(doc_id: DocId, views: list[View]) -> list[dict[str, Claim]]:
    """The claims every coder of the document has, aligned as the agreement report and
    the review align them (:func:`annotator.core.review.claim_items`, first coder as
    pivot); a claim some coder has no match for is no unit (the report's rule)."""
    from annotator.core.review import claim_items

    names = [v.annotator for v in views]
    items = claim_items(doc_id, names, {v.annotator: list(v.claims) for v in views})
    units = []
    for item in items:
        if all(version.claim is not None for version in item.versions):
            units.append({v.annotator: v.claim for v in item.versions
                          if v.claim is not None})
    return units


def coders_of(selection: Selection, names: list[str]) -> list[str]:
    return [n for n in names if not (selection.source == ALL and n == GOLD)]


def export(project: Project, path: Path, selection: Selection, state: TaskState, *,
           use_spacy: bool | None = None) -> ExportResult:
    """Write one CSV per variable into the folder ``path``."""
    the_plan = plan(project, selection)
    coders = coders_of(selection, the_plan.names)
    collector = Collector(project.codebook, {a.id: a for a in project.actors()}, use_spacy)
    hashes: list[tuple[int, str]] = []
    for bundle in iter_bundles(project, the_plan, state):
        views = [v for v in bundle.views if v.annotator in coders]
        if len(views) < len(coders):
            continue  # the report's rule: only documents every coder worked on are units
        hashes.append((bundle.doc.id, bundle.doc.sha256))
        collector.add(bundle, views)
    state.check()
    variables: dict[str, Any] = {}
    with output() as out:
        folder = out.directory(path)
        for name, matrix in sorted(collector.matrices.items()):
            matrix.write(folder / f"{name}.csv", coders)
            variables[name] = {"file": f"{name}.csv", "level": matrix.level,
                               "domain": matrix.domain, "missing": matrix.missing,
                               "units": len(matrix.cells)}
        write_json(folder / "manifest.json", manifest(
            project, selection, FORMAT_NAME, annotators=coders, hashes=hashes,
            coders=coders, tokenizer=tokenizer_name(use_spacy), variables=variables))
    return ExportResult(FORMAT_NAME, path, len(hashes),
                        [path / f"{name}.csv" for name in sorted(variables)])
