"""Label Studio JSON tasks: import-ready, with annotations (default) or predictions.

The file is a JSON list of tasks ``{"data": {...}, "annotations": [{"result":
[...]}]}`` (``"predictions"`` with ``model_version`` = annotator instead, when
asked), following Label Studio's documented task format:

- a span is a region ``{"id", "from_name": "label", "to_name": "text", "type":
  "labels", "value": {"start", "end", "text", "labels": [LAYER]}}``; offsets
  are code points into ``data.text``;
- its registry actor and choice attributes are per-region ``choices`` results
  with the same ``id`` (``from_name`` "actor", ``LAYER_attr``), text
  attributes per-region ``textarea`` results;
- document fields are ``choices`` / ``textarea`` results without offsets;
- a claim is ``relation`` results from its demand region to the ACTOR regions
  (labels Claimant, Addressee, Object) and to its Date and Source regions, with
  its own fields as per-region ``claim_*`` results on the demand region.

Beside ``NAME.json``: ``NAME.label_config.xml`` (the labeling configuration to
paste into the project), ``NAME.actors.jsonl`` (the registry) and
``NAME.manifest.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import quoteattr

from annotator.core import native
from annotator.core.codebook import Attribute, Codebook
from annotator.core.exporters.base import (
    ExportResult,
    manifest,
    manifest_sidecar,
    output,
    sidecar,
    write_json,
)
from annotator.core.exporters.brat import trigger_layer
from annotator.core.exporters.rows import Bundle, View, iter_bundles, plan
from annotator.core.exporters.selection import Selection
from annotator.core.models import GOLD, Actor, ActorId, Claim, Span, SpanId
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "labelstudio"
TO_NAME = "text"
LABELS = "label"
ACTOR = "actor"
CLAIM_CHOICES = ("event_type", "position", "factuality", "form", "date_precision", "date_mod",
                 "source_reliability", "info_credibility")
CLAIM_TEXTS = ("gloss", "date_value", "source", "note")
ROLES = (("Claimant", "claimant_id"), ("Addressee", "addressee_id"), ("Object", "object_id"))
DOC_DATA = ("title", "outlet", "url", "byline", "language", "published", "claim", "source_file")


def attribute_control(layer: str, name: str) -> str:
    return f"{layer.lower()}_{name}"


def _region(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _result(rid: str, from_name: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"id": rid, "from_name": from_name, "to_name": TO_NAME, "type": kind, "value": value}


Declared = dict[str, dict[str, Attribute]]
"""The codebook's attributes by layer and name, looked up once per export."""


def declared_attributes(book: Codebook) -> Declared:
    return {layer.name: {a.name: a for a in layer.attributes} for layer in book.layers}


def span_results(span: Span, declared_by_layer: Declared, keys: dict[ActorId, str]
                 ) -> list[dict[str, Any]]:
    region = _region(span)
    out = [_result(span.uid, LABELS, "labels", {**region, "labels": [span.layer]})]
    if span.actor_id is not None and span.actor_id in keys:
        out.append(_result(span.uid, ACTOR, "choices", {**region,
                                                         "choices": [keys[span.actor_id]]}))
    if not span.attributes:
        return out
    declared = declared_by_layer.get(span.layer, {})
    for name, value in sorted(span.attributes.items()):
        attr = declared.get(name)
        if value in (None, "") or (attr is not None and attr.type == "actor"):
            continue
        control = attribute_control(span.layer, name)
        if attr is not None and attr.vocabulary:
            out.append(_result(span.uid, control, "choices", {**region, "choices": [str(value)]}))
        else:
            out.append(_result(span.uid, control, "textarea",
                               {"start": span.start, "end": span.end, "text": [str(value)]}))
    return out


def value_results(values: dict[str, Any], book: Codebook) -> list[dict[str, Any]]:
    out = []
    for attr in book.document_fields:
        value = values.get(attr.name)
        if value in (None, ""):
            continue
        if attr.vocabulary:
            out.append(_result(f"doc-{attr.name}", attr.name, "choices",
                               {"choices": [str(value)]}))
        else:
            out.append(_result(f"doc-{attr.name}", attr.name, "textarea",
                               {"text": [str(value)]}))
    return out


def claim_results(claim: Claim, view: View, spans: dict[SpanId, Span]) -> list[dict[str, Any]]:
    """Relations and per-region fields of a claim; [] when it has no demand span."""
    demand = [spans[s] for s in claim.demand_span_ids if s in spans]
    if not demand:
        return []
    anchor = demand[0]
    out: list[dict[str, Any]] = []
    for role, field_name in ROLES:
        actor_id = getattr(claim, field_name)
        mentions = [s for s in view.spans if actor_id is not None and s.actor_id == actor_id]
        if mentions:
            target = min(mentions, key=lambda s: (abs(s.start - anchor.start), s.start))
            out.append(_relation(anchor.uid, target.uid, role))
    for role, span_id in (("Date", claim.date_span_id), ("Source", claim.source_span_id)):
        if span_id is not None and span_id in spans:
            out.append(_relation(anchor.uid, spans[span_id].uid, role))
    out += [_relation(anchor.uid, s.uid, "Demand") for s in demand[1:]]
    region = _region(anchor)
    for name in CLAIM_CHOICES:
        value = getattr(claim, name)
        if value not in (None, ""):
            out.append(_result(anchor.uid, f"claim_{name}", "choices",
                               {**region, "choices": [str(value)]}))
    for name in CLAIM_TEXTS:
        if getattr(claim, name):
            out.append(_result(anchor.uid, f"claim_{name}", "textarea",
                               {"start": anchor.start, "end": anchor.end,
                                "text": [getattr(claim, name)]}))
    return out


def _relation(from_id: str, to_id: str, label: str) -> dict[str, Any]:
    return {"from_id": from_id, "to_id": to_id, "type": "relation", "direction": "right",
            "labels": [label]}


def task(bundle: Bundle, book: Codebook, keys: dict[ActorId, str], *, predictions: bool,
         declared: Declared | None = None) -> tuple[dict[str, Any], int]:
    """One task, and how many claims could not be expressed (no demand span).

    ``declared`` is :func:`declared_attributes` of ``book``, when the caller has it."""
    declared = declared_attributes(book) if declared is None else declared
    doc = bundle.doc
    data: dict[str, Any] = {"text": doc.text, "doc_id": doc.id, "sha256": doc.sha256,
                            **{k: getattr(doc, k) for k in DOC_DATA},
                            "annotators": [v.annotator for v in bundle.views]}
    entries: list[dict[str, Any]] = []
    lost = 0
    for view in bundle.views:
        result = [r for s in view.spans for r in span_results(s, declared, keys)]
        spans = view.span_by_id() if view.claims else {}
        for claim in sorted(view.claims, key=lambda c: c.uid):
            claim_part = claim_results(claim, view, spans)
            lost += not claim_part
            result += claim_part
        result += value_results(view.values, book)
        if predictions:
            entries.append({"model_version": view.annotator, "result": result})
        else:
            entries.append({"result": result, "ground_truth": view.annotator == GOLD})
    return {"data": data, ("predictions" if predictions else "annotations"): entries}, lost


def export(project: Project, path: Path, selection: Selection, state: TaskState, *,
           predictions: bool = False) -> ExportResult:
    """Write the tasks to the JSON file ``path`` (and its three sidecar files)."""
    the_plan = plan(project, selection)
    book = project.codebook
    actors = sorted(project.actors(), key=lambda a: a.key)
    keys = {a.id: a.key for a in actors}
    declared = declared_attributes(book)
    hashes: list[tuple[int, str]] = []
    lost = 0
    with output() as out:
        with out.file(path).open("w", encoding="utf-8", newline="\n") as handle:
            handle.write("[")
            for index, bundle in enumerate(iter_bundles(project, the_plan, state)):
                hashes.append((bundle.doc.id, bundle.doc.sha256))
                item, missing = task(bundle, book, keys, predictions=predictions,
                                     declared=declared)
                lost += missing
                handle.write(("\n" if index == 0 else ",\n") + json.dumps(item,
                                                                           ensure_ascii=False))
            handle.write("\n]\n")
        out.file(sidecar(path, ".label_config.xml")).write_text(label_config(book, actors),
                                                                encoding="utf-8")
        with out.file(sidecar(path, ".actors.jsonl")).open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(native.actor_record(a), ensure_ascii=False) + "\n"
                              for a in actors)
        warnings = [f"{lost} claims without a demand span cannot be expressed as Label "
                    "Studio relations and were left out"] if lost else []
        write_json(out.file(manifest_sidecar(path)), manifest(
            project, selection, FORMAT_NAME, annotators=the_plan.names, hashes=hashes,
            warnings=warnings, mode="predictions" if predictions else "annotations"))
    return ExportResult(FORMAT_NAME, path, len(hashes), [path], warnings)


# ------------------------------------------------------------------- config


def _choices(name: str, values: list[tuple[str, str]], extra: str = "") -> list[str]:
    lines = [f"  <Choices name={quoteattr(name)} toName=\"{TO_NAME}\" choice=\"single\"{extra}>"]
    lines += [f"    <Choice value={quoteattr(label)} alias={quoteattr(code)}/>"
              for code, label in values]
    return [*lines, "  </Choices>"]


def _per_region(layer: str) -> str:
    return f' perRegion="true" visibleWhen="region-selected" whenLabelValue={quoteattr(layer)}'


def label_config(book: Codebook, actors: list[Actor]) -> str:
    """A labeling configuration matching the exported results."""
    lines = ["<View>", "  <Relations>"]
    lines += [f"    <Relation value=\"{r}\"/>" for r in
              ("Claimant", "Addressee", "Object", "Date", "Source", "Demand")]
    lines += ["  </Relations>", f"  <Labels name=\"{LABELS}\" toName=\"{TO_NAME}\">"]
    lines += [f"    <Label value={quoteattr(layer.name)} background={quoteattr(layer.color)}/>"
              for layer in book.layers]
    lines += ["  </Labels>", f"  <Text name=\"{TO_NAME}\" value=\"$text\"/>"]
    if actors:  # Label Studio refuses a Choices without a Choice (an empty registry)
        lines += _choices(ACTOR, [(a.key, a.canonical_name) for a in actors],
                          _per_region("ACTOR"))
    for layer in book.layers:
        for attr in layer.attributes:
            lines += _control(book, attribute_control(layer.name, attr.name), attr.vocabulary,
                              attr.type, _per_region(layer.name))
    trigger = trigger_layer(book)
    fields = {a.name: a for a in book.claim_fields}
    for name in (*CLAIM_CHOICES, *CLAIM_TEXTS):
        declared = fields.get(name)
        vocab = (declared.vocabulary if declared and declared.vocabulary else
                 name if name in book.vocabularies else "")
        lines += _control(book, f"claim_{name}", vocab, "choice" if vocab else "text",
                          _per_region(trigger))
    for attr in book.document_fields:
        lines.append(f"  <Header value={quoteattr(attr.label)}/>")
        lines += _control(book, attr.name, attr.vocabulary, attr.type, "")
    return "\n".join([*lines, "</View>"]) + "\n"


def _control(book: Codebook, name: str, vocabulary: str, kind: str, extra: str) -> list[str]:
    if kind == "actor":
        return []
    if vocabulary and vocabulary in book.vocabularies:
        values = [(v.code, v.label) for v in book.vocabulary(vocabulary).values]
        return _choices(name, values, extra)
    return [f"  <TextArea name={quoteattr(name)} toName=\"{TO_NAME}\"{extra}/>"]
