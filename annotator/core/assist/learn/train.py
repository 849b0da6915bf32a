"""Training the project's own suggester from its finished work.

What it learns from: every document with gold spans (the gold layer), and
every document an annotator marked done (their spans, document fields and
claims); documents nobody finished teach nothing, because what is missing
there may simply not be done yet. Suggestions the annotators rejected are
extra signal: a text rejected more often than it was kept gets a lower
confidence.

What it learns, with enough examples: a span tagger per layer (per language
where that language has :data:`MIN_LANGUAGE_DOCS` documents, one shared model
for the rest), a classifier per choice field of the document, and one for the
claims' event type. One document in five (by id) is held out; the stored
evaluation is that of the model on those, beside the registry and rule
suggesters on the same documents. Training takes a :class:`TaskState`
(progress, cancel) and writes the new version's folder only when it is
complete.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import random
import shutil
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from annotator.core.assist.base import Registry
from annotator.core.assist.learn import engines
from annotator.core.assist.learn.features import (
    bio_labels,
    decode,
    document_features,
    document_words,
    sentences,
)
from annotator.core.assist.learn.model import (
    FORMAT,
    models_dir,
    prune,
    signal_hits,
    versions,
)
from annotator.core.errors import ValidationError
from annotator.core.models import GOLD, Status
from annotator.core.tasks import NULL_STATE, TaskState

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.core.models import Actor, Claim, DocId, Document, Span

SPAN_LAYERS = ("ACTOR", "DATE", "DEMAND", "SOURCE")
"""Layers a tagger is trained for (when the codebook has them)."""
MIN_LAYER_DOCS = 2
MIN_LANGUAGE_DOCS = 30
MIN_FIELD_EXAMPLES = 4
NEGATIVE_RATIO = 3
"""Sequences without a span of the layer kept per sequence with one (a random sample)."""
HOLDOUT_EVERY = 5


class LearnReads(Protocol):
    """The project's public reads that training needs (a ``Project`` is one)."""

    @property
    def codebook(self) -> Codebook: ...
    def document_ids(self) -> list[DocId]: ...
    def document(self, doc_id: DocId) -> Document: ...
    def annotators_of(self, doc_id: DocId) -> list[str]: ...
    def status(self, doc_id: DocId, annotator: str) -> Status: ...
    def spans(self, doc_id: DocId | None = None, annotator: str | None = None
              ) -> list[Span]: ...
    def claims(self, doc_id: DocId | None = None, annotator: str | None = None
               ) -> list[Claim]: ...
    def values(self, doc_id: DocId, annotator: str) -> dict[str, Any]: ...
    def actors(self) -> list[Actor]: ...


@dataclass
class Example:
    """One finished annotation of one document."""

    doc_id: int
    annotator: str
    text: str
    lang: str
    title: str
    outlet: str
    published: str
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    claims: list[tuple[str, str]] = field(default_factory=list)
    """(the claim's words, its event type)"""
    suggested: int = 0
    """Spans of this annotation accepted from a suggestion."""


@dataclass(frozen=True, slots=True)
class TrainResult:
    version: int
    folder: Path
    meta: dict[str, Any]
    seconds: float


def base_lang(lang: str) -> str:
    return (lang or "").split("-")[0].lower() or "*"


def held_out(doc_id: int) -> bool:
    """Whether a document belongs to the held-out fifth (stable across runs)."""
    digest = hashlib.blake2b(str(doc_id).encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big") % HOLDOUT_EVERY == 0


def finished(reads: LearnReads, state: TaskState = NULL_STATE
             ) -> Iterator[tuple[DocId, list[str]]]:
    """Each finished document with whose annotation counts: gold when it has gold spans,
    else every annotator who marked it done."""
    ids = reads.document_ids()
    for k, doc_id in enumerate(ids):
        state.check()
        if k % 50 == 0:
            state.progress(k, len(ids), "reading finished documents")
        names = reads.annotators_of(doc_id)
        chosen = [GOLD] if GOLD in names and reads.spans(doc_id, GOLD) else [
            n for n in names if n != GOLD and reads.status(doc_id, n) == Status.DONE]
        if chosen:
            yield doc_id, chosen


def finished_annotations(reads: LearnReads, state: TaskState = NULL_STATE) -> list[Example]:
    """The gold annotation of each document that has one, else every annotator's
    annotation marked done."""
    out: list[Example] = []
    for doc_id, names in finished(reads, state):
        doc = reads.document(doc_id)
        out.extend(_example(reads, doc, name) for name in names)
    return out


def _example(reads: LearnReads, doc: Document, name: str) -> Example:
    spans = reads.spans(doc.id, name)
    by_id = {s.id: s for s in spans}
    example = Example(int(doc.id), name, doc.text, base_lang(doc.language), doc.title,
                      doc.outlet, doc.published)
    for span in spans:
        example.spans.setdefault(span.layer, []).append((span.start, span.end))
        if span.provenance.get("suggested_by"):
            example.suggested += 1
    example.values = dict(reads.values(doc.id, name))
    for claim in reads.claims(doc.id, name):
        example.claims.append((claim_words(doc.text, claim, by_id), claim.event_type))
    return example


def claim_words(text: str, claim: Claim, spans: dict[Any, Span]) -> str:
    """What the event-type classifier reads of a claim: its demand spans with their
    sentence, and its gloss."""
    parts = [claim.gloss]
    for span_id in claim.demand_span_ids:
        span = spans.get(span_id)
        if span is None:
            continue
        start = max(text.rfind(".", 0, span.start), text.rfind("\n", 0, span.start)) + 1
        end_dot = text.find(".", span.end)
        end = len(text) if end_dot < 0 else end_dot
        parts += [text[start:end], span.text]
    return " ".join(p for p in parts if p)


# ----------------------------------------------------------------- training

class _Steps:
    def __init__(self, state: TaskState, total: int) -> None:
        self.state, self.total, self.done = state, total, 0

    def step(self, message: str) -> None:
        self.state.check()
        self.state.progress(self.done, self.total, message)
        self.done += 1

    def iteration(self, message: str, number: int) -> None:
        """Inside a step: an optimisation step of a learner (cancellation is checked)."""
        self.state.check()
        if number % 10 == 0:
            self.state.progress(self.done, self.total, f"{message}, iteration {number}")


def train(reads: LearnReads, project_path: str | Path, *,
          rejections: Iterable[tuple[int, str, int, int]] = (),
          engine: str = "crf", state: TaskState = NULL_STATE,
          holdout: bool = True) -> TrainResult:
    """Train a new model version from the project's finished work and store it.

    ``rejections`` are (doc id, layer, start, end) of rejected suggestions. Raises
    :class:`ValidationError` when nothing is finished yet, ``Cancelled`` when
    ``state`` is cancelled (nothing is stored then).
    """
    engines.require()
    if str(project_path) == ":memory:":
        raise ValidationError("a project in memory has nowhere to keep a model")
    began = time.perf_counter()
    codebook = reads.codebook
    examples = finished_annotations(reads, state=state)
    if not examples:
        raise ValidationError(
            "nothing to learn from yet: mark documents done (or adjudicate them into gold) "
            "and train again")
    registry = Registry.from_actors(reads.actors())
    use_holdout = holdout and sum(held_out(e.doc_id) for e in examples) >= 1 \
        and len({e.doc_id for e in examples}) >= HOLDOUT_EVERY
    training = [e for e in examples if not (use_holdout and held_out(e.doc_id))]
    testing = [e for e in examples if use_holdout and held_out(e.doc_id)]
    layers = [name for name in codebook.layer_names() if name in SPAN_LAYERS]
    fields = [a.name for a in codebook.document_fields
              if a.type == "choice" and a.vocabulary]
    steps = _Steps(state, len(layers) * 2 + len(fields) + 4)
    folder = models_dir(project_path)
    folder.mkdir(parents=True, exist_ok=True)
    version = (versions(folder) or [0])[-1] + 1
    partial = folder / f".v{version}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    try:
        meta = _train_into(partial, version, engine, training, testing, layers, fields,
                           registry, _rejected_words(reads, rejections, testing), steps)
        meta["seconds"] = round(time.perf_counter() - began, 2)
        (partial / "model.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False),
                                            "utf-8")
        os.replace(partial, folder / f"v{version}")
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    with (folder / "history.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({k: meta[k] for k in
                                 ("version", "trained_at", "engine", "training", "evaluation")},
                                ensure_ascii=False) + "\n")
    prune(folder)
    state.progress(steps.total, steps.total, f"model v{version} trained")
    return TrainResult(version, folder / f"v{version}", meta, meta["seconds"])


def _train_into(folder: Path, version: int, engine: str, training: list[Example],  # noqa: PLR0913, PLR0917
                testing: list[Example], layers: Sequence[str], fields: Sequence[str],
                registry: Registry, rejections: list[tuple[str, str]],
                steps: _Steps) -> dict[str, Any]:
    rng = random.Random(0)
    steps.step("finding registry and date hits")
    hits = {id(e): signal_hits(e.text, e.lang, e.published or None, registry)
            for e in (*training, *testing)}
    feats = {id(e): document_features(sentences(e.text), e.lang, hits[id(e)])
             for e in (*training, *testing)}
    meta: dict[str, Any] = {
        "format": FORMAT, "version": version, "engine": engine,
        "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "training": {"documents": sorted({e.doc_id for e in training}),
                     "held_out": sorted({e.doc_id for e in testing}),
                     "annotations": len(training),
                     "from_gold": sum(e.annotator == GOLD for e in training),
                     "accepted_suggestions": sum(e.suggested for e in training),
                     "rejections": len(rejections), "layers": {}, "fields": {}},
        "taggers": [], "classifiers": {}, "skipped": [],
    }
    for layer in layers:
        steps.step(f"training {layer}")
        with_layer = [e for e in training if e.spans.get(layer)]
        meta["training"]["layers"][layer] = {
            "documents": len(with_layer), "spans": sum(len(e.spans[layer]) for e in with_layer)}
        if len({e.doc_id for e in with_layer}) < MIN_LAYER_DOCS:
            meta["skipped"].append(f"{layer}: fewer than {MIN_LAYER_DOCS} finished documents "
                                   "with such spans")
            continue
        by_lang: dict[str, list[Example]] = {}
        for e in with_layer:
            by_lang.setdefault(e.lang, []).append(e)
        own = sorted(lang for lang, items in by_lang.items()
                     if len(items) >= MIN_LANGUAGE_DOCS)
        groups: list[tuple[str, list[Example]]] = [
            (lang, [e for e in training if e.lang == lang]) for lang in own]
        rest = [e for e in training if e.lang not in own]
        if not own or any(e.spans.get(layer) for e in rest):
            groups.append(("*", rest if own else list(training)))
        for lang, group in groups:
            steps.state.check()
            sequences = _sequences(group, layer, feats, rng)
            if not any("B" in labels for _f, labels in sequences):
                continue
            name = f"span-{layer}-{lang.replace('*', 'all')}.{_suffix(engine)}"
            engines.train_tagger(engine, sequences, folder / name,
                                 functools.partial(steps.iteration,
                                                   f"training {layer} ({lang})"))
            meta["taggers"].append({"layer": layer, "lang": lang, "file": name,
                                    "documents": len({e.doc_id for e in group}),
                                    "sequences": len(sequences)})
    meta["text_adjust"] = _text_adjust(training, rejections)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in fields:
            steps.step(f"training the document field {name}")
            labelled = [(document_words(e.title, e.outlet, e.lang, e.text), str(e.values[name]))
                        for e in training if e.values.get(name) not in (None, "")]
            meta["training"]["fields"][name] = len(labelled)
            if len(labelled) < MIN_FIELD_EXAMPLES or len({y for _x, y in labelled}) < 2:
                meta["skipped"].append(f"field {name}: fewer than {MIN_FIELD_EXAMPLES} "
                                       "answers or only one value")
                continue
            file = f"field-{name}.npz"
            engines.train_classifier([x for x, _y in labelled], [y for _x, y in labelled],
                                     folder / file)
            meta["classifiers"][f"field:{name}"] = {"file": file, "examples": len(labelled)}
        steps.step("training the claims' event type")
        claims = [(words, kind) for e in training for words, kind in e.claims if kind]
        meta["training"]["fields"]["event_type"] = len(claims)
        if len(claims) >= MIN_FIELD_EXAMPLES and len({k for _w, k in claims}) >= 2:
            engines.train_classifier([w for w, _k in claims], [k for _w, k in claims],
                                     folder / "claim-event_type.npz")
            meta["classifiers"]["claim:event_type"] = {"file": "claim-event_type.npz",
                                                       "examples": len(claims)}
        else:
            meta["skipped"].append("claim event type: fewer than "
                                   f"{MIN_FIELD_EXAMPLES} claims or only one type")
    steps.step("evaluating on held-out documents")
    meta["evaluation"] = _evaluate(folder, meta, testing, feats, registry) if testing else {
        "held_out_documents": 0,
        "note": f"fewer than {HOLDOUT_EVERY} finished documents: nothing held out"}
    return meta


def _suffix(engine: str) -> str:
    return "crfsuite" if engine == "crf" else "npz"


def _sequences(group: Sequence[Example], layer: str, feats: dict[int, list[Any]],
               rng: random.Random) -> list[tuple[list[dict[str, str]], list[str]]]:
    positive: list[tuple[list[dict[str, str]], list[str]]] = []
    negative: list[tuple[list[dict[str, str]], list[str]]] = []
    for e in group:
        spans = e.spans.get(layer, [])
        for tokens, item in zip(sentences(e.text), feats[id(e)], strict=True):
            labels = bio_labels(tokens, spans)
            (positive if "B" in labels else negative).append((item, labels))
    rng.shuffle(negative)
    return positive + negative[:max(NEGATIVE_RATIO * len(positive), 20)]


def _rejected_words(reads: LearnReads, rejections: Iterable[tuple[int, str, int, int]],
                    testing: Sequence[Example]) -> list[tuple[str, str]]:
    """(layer, lower-cased text) of every rejection outside the held-out documents."""
    held = {e.doc_id for e in testing}
    texts: dict[int, str] = {}
    out = []
    for doc_id, layer, start, end in rejections:
        if doc_id in held:
            continue
        if doc_id not in texts:
            try:
                texts[doc_id] = reads.document(cast("DocId", doc_id)).text
            except KeyError:
                continue
        out.append((layer, texts[doc_id][start:end].lower()))
    return out


def _text_adjust(training: Sequence[Example], rejections: Sequence[tuple[str, str]]
                 ) -> dict[str, dict[str, list[int]]]:
    """Per layer, the lower-cased texts that were rejected: [times kept, times rejected]."""
    out: dict[str, dict[str, list[int]]] = {}
    for layer, words in rejections:
        out.setdefault(layer, {}).setdefault(words, [0, 0])[1] += 1
    for e in training:
        for layer, counts in out.items():
            for start, end in e.spans.get(layer, []):
                words = e.text[start:end].lower()
                if words in counts:
                    counts[words][0] += 1
    return out


# --------------------------------------------------------------- evaluation

def prf(predicted: Iterable[tuple[int, int, int]], truth: Iterable[tuple[int, int, int]]
        ) -> dict[str, float]:
    """Exact-offset precision, recall, F1 of (doc, start, end) triples, and the share of
    predictions overlapping a true span (what an annotator would likely accept)."""
    pred, gold = set(predicted), set(truth)
    hit = len(pred & gold)
    precision = hit / len(pred) if pred else 0.0
    recall = hit / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hit else 0.0
    by_doc: dict[int, list[tuple[int, int]]] = {}
    for doc, start, end in gold:
        by_doc.setdefault(doc, []).append((start, end))
    near = sum(any(s < e2 and s2 < e for s2, e2 in by_doc.get(doc, ())) for doc, s, e in pred)
    return {"precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1, 4), "suggested": len(pred), "true": len(gold),
            "acceptance": round(near / len(pred), 4) if pred else 0.0}


def _evaluate(folder: Path, meta: dict[str, Any], testing: Sequence[Example],
              feats: dict[int, list[Any]], registry: Registry) -> dict[str, Any]:
    from annotator.core.assist.actors import index_for
    from annotator.core.assist.dates import find_dates

    taggers = {(t["layer"], t["lang"]): engines.load_tagger(meta["engine"], folder / t["file"])
               for t in meta["taggers"]}
    out: dict[str, Any] = {"held_out_documents": len({e.doc_id for e in testing}),
                           "layers": {}, "fields": {}}
    for layer in sorted({layer for layer, _lang in taggers}):
        predicted, truth, baseline = [], [], []
        for e in testing:
            tagger = taggers.get((layer, e.lang)) or taggers.get((layer, "*"))
            truth += [(id(e), s, t) for s, t in e.spans.get(layer, [])]
            if tagger is not None:
                for tokens, item in zip(sentences(e.text), feats[id(e)], strict=True):
                    labels, scores = tagger.tag(item)
                    predicted += [(id(e), s, t) for s, t, _c in decode(tokens, labels, scores)]
            if layer == "ACTOR" and registry.actors:
                baseline += [(id(e), s.start, s.end)
                             for s in index_for(registry).find(e.text, e.lang)]
            elif layer == "DATE":
                baseline += [(id(e), d.start, d.end)
                             for d in find_dates(e.text, e.lang, e.published or None)]
        out["layers"][layer] = {"learned": prf(predicted, truth)}
        if layer in ("ACTOR", "DATE"):
            out["layers"][layer]["registry" if layer == "ACTOR" else "rule"] = \
                prf(baseline, truth)
    for name, item in meta["classifiers"].items():
        classifier = engines.TextClassifier(folder / item["file"])
        pairs: list[tuple[str, str]] = []
        if name.startswith("field:"):
            key = name[6:]
            pairs = [(document_words(e.title, e.outlet, e.lang, e.text), str(e.values[key]))
                     for e in testing if e.values.get(key) not in (None, "")]
        else:
            pairs = [(w, k) for e in testing for w, k in e.claims if k]
        right = sum(classifier.ranked(x)[0][0] == y for x, y in pairs)
        majority = max((sum(y == v for _x, y in pairs) for v in {y for _x, y in pairs}),
                       default=0)
        out["fields"][name.split(":", 1)[1]] = {
            "examples": len(pairs), "accuracy": round(right / len(pairs), 4) if pairs else 0.0,
            "majority_baseline": round(majority / len(pairs), 4) if pairs else 0.0}
    return out
