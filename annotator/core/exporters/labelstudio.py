"""Label Studio JSON tasks: import-ready, with annotations (default) or predictions.

The file is a JSON list of tasks ``{"data": {...}, "annotations": [{"result":
[...]}]}`` (``"predictions"`` with ``model_version`` = annotator instead, when
asked), following Label Studio's documented task format:

- ``data`` holds the text, the document metadata and ``registry``: the actor
  records (native format) the task's annotations use;
- every annotation starts with two results Label Studio keeps: ``annotator_name``
  (a text area holding the annotator) and ``annotation_status`` (not_started,
  in_progress, done); the importer attributes annotations by them, never by position;
- a span is a region ``{"id", "from_name": "label", "to_name": "text", "type":
  "labels", "value": {"start", "end", "text", "labels": [LAYER]}}``; offsets
  are code points into ``data.text``;
- its registry actor and choice attributes are per-region ``choices`` results
  with the same ``id`` (``from_name`` "actor", ``LAYER_attr``), text
  attributes per-region ``textarea`` results;
- document fields are ``choices`` / ``textarea`` results without offsets;
- a claim is a region of its own, label ``CLAIM`` and id the claim's uid, over its
  first demand span (else its date or source span, a mention of its claimant, or
  the first word): its fields and actors (``claim_claimant``, ``claim_addressee``,
  ``claim_object`` as registry keys) are per-region results, and ``relation``
  results lead to its demand spans (``Demand``, in order), date and source spans,
  and the nearest mention of each role's actor.

Beside ``NAME.json``: ``NAME.label_config.xml`` (the labeling configuration to
paste into the project), ``NAME.actors.jsonl`` (the registry), ``NAME.users.json``
(the user table: fill in each annotator's Label Studio user id or e-mail) and
``NAME.json.manifest.json``.
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
from annotator.core.exporters.rows import Bundle, View, iter_bundles, plan
from annotator.core.exporters.selection import Selection
from annotator.core.importers.labelstudio import (
    ANNOTATION_STATUS,
    ANNOTATOR_NAME,
    CLAIM_LABEL,
    STATUSES,
)
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


def claim_anchor(claim: Claim, view: View, spans: dict[SpanId, Span], text: str
                 ) -> tuple[int, int]:
    """Where a claim's region sits: its first demand span, else its date or source span,
    else the nearest mention of its claimant, else the first word of the text."""
    for span_id in (*claim.demand_span_ids, claim.date_span_id, claim.source_span_id):
        if span_id is not None and span_id in spans:
            return spans[span_id].start, spans[span_id].end
    for actor_id in (claim.claimant_id, claim.addressee_id, claim.object_id):
        mention = next((s for s in view.spans if actor_id is not None
                        and s.actor_id == actor_id), None)
        if mention is not None:
            return mention.start, mention.end
    words = text.split()
    start = text.index(words[0]) if words else 0
    return start, start + (len(words[0]) if words else len(text))


def claim_results(claim: Claim, view: View, spans: dict[SpanId, Span], text: str,
                  keys: dict[ActorId, str]) -> list[dict[str, Any]]:
    """A claim as a region of its own (label CLAIM, id = the claim's uid).

    Its fields and its actors (registry keys) are per-region results on that
    region, so two claims sharing a demand span stay two claims and a role is kept
    when the annotator marked no mention of the actor; relations from the region
    point to its demand spans (in order), to its date and source spans, and, to show
    the roles in Label Studio, to the nearest mention of each role's actor."""
    start, end = claim_anchor(claim, view, spans, text)
    region = {"start": start, "end": end, "text": text[start:end]}
    rid = claim.uid
    out = [_result(rid, LABELS, "labels", {**region, "labels": [CLAIM_LABEL]})]
    demand = [spans[s] for s in claim.demand_span_ids if s in spans]
    out += [_relation(rid, s.uid, "Demand") for s in demand]
    anchor = demand[0].start if demand else start
    for role, field_name in ROLES:
        actor_id = getattr(claim, field_name)
        if actor_id is None or actor_id not in keys:
            continue
        out.append(_result(rid, f"claim_{role.lower()}", "choices",
                           {**region, "choices": [keys[actor_id]]}))
        mentions = [s for s in view.spans if s.actor_id == actor_id]
        if mentions:
            target = min(mentions, key=lambda s: (abs(s.start - anchor), s.start))
            out.append(_relation(rid, target.uid, role))
    for role, span_id in (("Date", claim.date_span_id), ("Source", claim.source_span_id)):
        if span_id is not None and span_id in spans:
            out.append(_relation(rid, spans[span_id].uid, role))
    for name in CLAIM_CHOICES:
        value = getattr(claim, name)
        if value not in (None, ""):
            out.append(_result(rid, f"claim_{name}", "choices",
                               {**region, "choices": [str(value)]}))
    for name in CLAIM_TEXTS:
        if getattr(claim, name):
            out.append(_result(rid, f"claim_{name}", "textarea",
                               {"start": start, "end": end, "text": [getattr(claim, name)]}))
    return out


def _relation(from_id: str, to_id: str, label: str) -> dict[str, Any]:
    return {"from_id": from_id, "to_id": to_id, "type": "relation", "direction": "right",
            "labels": [label]}


def identity_results(view: View) -> list[dict[str, Any]]:
    """Whose annotation this is and its status, as results Label Studio keeps."""
    return [_result("annotator-name", ANNOTATOR_NAME, "textarea", {"text": [view.annotator]}),
            _result("annotation-status", ANNOTATION_STATUS, "choices",
                    {"choices": [view.status.value]})]


def task(bundle: Bundle, book: Codebook, actors: dict[ActorId, Actor], *, predictions: bool,
         declared: Declared | None = None) -> dict[str, Any]:
    """One task: the document in ``data`` (with the registry entries it uses), one
    annotation (or prediction) per annotator.

    ``declared`` is :func:`declared_attributes` of ``book``, when the caller has it."""
    declared = declared_attributes(book) if declared is None else declared
    keys = {a_id: a.key for a_id, a in actors.items()}
    doc = bundle.doc
    used: set[ActorId] = set()
    entries: list[dict[str, Any]] = []
    for view in bundle.views:
        result = identity_results(view)
        result += [r for s in view.spans for r in span_results(s, declared, keys)]
        used |= {s.actor_id for s in view.spans if s.actor_id is not None}
        spans = view.span_by_id() if view.claims else {}
        for claim in sorted(view.claims, key=lambda c: c.uid):
            result += claim_results(claim, view, spans, doc.text, keys)
            used |= {a for a in (claim.claimant_id, claim.addressee_id, claim.object_id)
                     if a is not None}
        result += value_results(view.values, book)
        if predictions:
            entries.append({"model_version": view.annotator, "result": result})
        else:
            entries.append({"result": result, "ground_truth": view.annotator == GOLD})
    data: dict[str, Any] = {"text": doc.text, "doc_id": doc.id, "sha256": doc.sha256,
                            **{k: getattr(doc, k) for k in DOC_DATA},
                            "metadata": doc.metadata,
                            "annotators": [v.annotator for v in bundle.views],
                            "registry": [native.actor_record(actors[a]) for a in
                                         sorted(used & set(actors), key=lambda a: keys[a])]}
    return {"data": data, ("predictions" if predictions else "annotations"): entries}


def export(project: Project, path: Path, selection: Selection, state: TaskState, *,
           predictions: bool = False) -> ExportResult:
    """Write the tasks to the JSON file ``path`` (and its sidecar files)."""
    the_plan = plan(project, selection)
    book = project.codebook
    actors = sorted(project.actors(), key=lambda a: a.key)
    by_id = {a.id: a for a in actors}
    declared = declared_attributes(book)
    hashes: list[tuple[int, str]] = []
    with output() as out:
        with out.file(path).open("w", encoding="utf-8", newline="\n") as handle:
            handle.write("[")
            for index, bundle in enumerate(iter_bundles(project, the_plan, state)):
                hashes.append((bundle.doc.id, bundle.doc.sha256))
                item = task(bundle, book, by_id, predictions=predictions, declared=declared)
                handle.write(("\n" if index == 0 else ",\n") + json.dumps(item,
                                                                           ensure_ascii=False))
            handle.write("\n]\n")
        out.file(sidecar(path, ".label_config.xml")).write_text(label_config(book, actors),
                                                                encoding="utf-8")
        with out.file(sidecar(path, ".actors.jsonl")).open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(native.actor_record(a), ensure_ascii=False) + "\n"
                              for a in actors)
        write_json(out.file(sidecar(path, ".users.json")), {"users": [
            {"annotator": name, "id": None, "email": ""} for name in the_plan.names]})
        write_json(out.file(manifest_sidecar(path)), manifest(
            project, selection, FORMAT_NAME, annotators=the_plan.names, hashes=hashes,
            warnings=[], mode="predictions" if predictions else "annotations"))
    return ExportResult(FORMAT_NAME, path, len(hashes), [path], [])


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
    lines += [f"    <Label value=\"{CLAIM_LABEL}\" background=\"#7f7f7f\"/>",
              "  </Labels>", f"  <Text name=\"{TO_NAME}\" value=\"$text\"/>",
              "  <Header value=\"Annotator\"/>",
              f"  <TextArea name=\"{ANNOTATOR_NAME}\" toName=\"{TO_NAME}\" maxSubmissions=\"1\"/>"]
    lines += _choices(ANNOTATION_STATUS, [(s, s.replace("_", " ")) for s in STATUSES])
    if actors:  # Label Studio refuses a Choices without a Choice (an empty registry)
        lines += _choices(ACTOR, [(a.key, a.canonical_name) for a in actors],
                          _per_region("ACTOR"))
    for layer in book.layers:
        for attr in layer.attributes:
            lines += _control(book, attribute_control(layer.name, attr.name), attr.vocabulary,
                              attr.type, _per_region(layer.name))
    fields = {a.name: a for a in book.claim_fields}
    if actors:
        for role, _field in ROLES:
            lines += _choices(f"claim_{role.lower()}",
                              [(a.key, a.canonical_name) for a in actors],
                              _per_region(CLAIM_LABEL))
    for name in (*CLAIM_CHOICES, *CLAIM_TEXTS):
        declared = fields.get(name)
        vocab = (declared.vocabulary if declared and declared.vocabulary else
                 name if name in book.vocabularies else "")
        lines += _control(book, f"claim_{name}", vocab, "choice" if vocab else "text",
                          _per_region(CLAIM_LABEL))
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
