"""The three flat tables behind CSV, Parquet and the datasets export.

- documents: one row per document and annotator (documents nobody in the
  selection annotated get one row with an empty annotator), with metadata,
  status and every document field of the codebook;
- spans: one row per span (long format) with the registry actor and every
  layer attribute of the codebook (the registry's other columns are in actors.csv);
- claims: one row per claim in Political Claims Analysis style: claimant,
  addressee and object actor with registry name, QID, country and sector; event
  type; demand (span text and gloss); position; date value, precision and the
  earliest/latest days it covers; source with the Admiralty grading; and the
  document's metadata.

Rows are plain sequences (lists; span rows are tuples) in :class:`Layout` column order,
cheap to write a million of.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.exporters.base import date_bounds
from annotator.core.exporters.rows import Bundle, View
from annotator.core.models import Actor, ActorId, Claim, Document, Span, SpanId

DOC_META = ("title", "outlet", "url", "byline", "language", "published", "claim", "source_file")
ACTOR_PARTS = ("key", "name", "qid", "country", "sector")
ROLES = ("claimant", "addressee", "object")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True, slots=True)
class Layout:
    """Column names for a codebook (its document fields and span attributes)."""

    doc_fields: tuple[str, ...]
    span_attributes: tuple[str, ...]

    @classmethod
    def of(cls, book: Codebook) -> Layout:
        attrs: dict[str, None] = {}
        for layer in book.layers:
            for attr in layer.attributes:
                if attr.type != "actor":
                    attrs.setdefault(attr.name, None)
        return cls(tuple(f.name for f in book.document_fields), tuple(attrs))

    @property
    def empty_attributes(self) -> list[str]:
        """The attribute cells of a span without attributes (its date bounds, the JSON)."""
        return [""] * (len(self.span_attributes) + 3)

    @property
    def documents(self) -> tuple[str, ...]:
        return ("doc_id", "sha256", *DOC_META, "batch_id", "length", "metadata", "annotator",
                "status", *self.doc_fields, "text")

    @property
    def spans(self) -> tuple[str, ...]:
        return ("doc_id", "annotator", "span_uid", "layer", "start", "end", "text",
                "actor_key", "actor_qid", *(f"attr_{a}" for a in self.span_attributes),
                "date_earliest", "date_latest", "attributes")

    @property
    def claims(self) -> tuple[str, ...]:
        return ("doc_id", "annotator", "claim_uid",
                *(f"{r}_{p}" for r in ROLES for p in ACTOR_PARTS),
                "event_type", "demand_text", "demand_span_uids", "gloss", "position",
                "factuality", "form", "date_value", "date_precision", "date_mod",
                "date_earliest", "date_latest", "date_text", "source", "source_text",
                "source_reliability", "info_credibility", "note",
                *(f"doc_{m}" for m in DOC_META if m not in ("claim", "source_file")),
                *(f"doc_{f}" for f in self.doc_fields))


_NO_ACTOR = ("", "", "", "", "")


def _actor(actors: dict[ActorId, Actor], actor_id: ActorId | None) -> tuple[str, ...]:
    actor = actors.get(actor_id) if actor_id is not None else None
    if actor is None:
        return _NO_ACTOR
    return (actor.key, actor.canonical_name, actor.qid, actor.country, actor.sector)


_doc_meta = attrgetter(*DOC_META)


def document_rows(bundle: Bundle, layout: Layout) -> Iterator[list[Any]]:
    doc = bundle.doc
    head = [doc.id, doc.sha256, *_doc_meta(doc), doc.batch_id,
            len(doc.text), _dumps(doc.metadata) if doc.metadata else ""]
    if not bundle.views:
        yield [*head, "", "", *("" for _ in layout.doc_fields), doc.text]
    for view in bundle.views:
        values = view.values
        yield [*head, view.annotator, view.status.value,
               *(_cell(values.get(f)) for f in layout.doc_fields), doc.text]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return _dumps(value)
    return value


def span_rows(bundle: Bundle, layout: Layout, actors: dict[ActorId, Actor]
              ) -> Iterator[Sequence[Any]]:
    doc = bundle.doc
    doc_id = doc.id
    for view in bundle.views:
        raw = view.raw_spans
        if raw is None:
            for span in view.spans:
                yield span_row(doc, view.annotator, span, layout, actors)
            continue
        name = view.annotator
        cells = _attribute_cells(layout)
        empty = cells(None, "{}")
        for r in raw:
            # r: doc_id, id, uid, annotator_id, layer, start, end, text, actor_id,
            # attributes (JSON), provenance (JSON); see ExportRepository.stream_spans
            actor = actors.get(r[8]) if r[8] is not None else None
            yield (doc_id, name, r[2], r[4], r[5], r[6], r[7],
                   actor.key if actor else "", actor.qid if actor else "",
                   *(empty if r[9] == "{}" else cells(r[4], r[9])))


@lru_cache(maxsize=16)
def _attribute_cells(layout: Layout) -> Callable[[str | None, str], tuple[Any, ...]]:
    """For one layout: the attribute cells of a span row by (layer, attributes JSON),
    computed once per distinct pair (most spans share a handful of values)."""

    @lru_cache(maxsize=4096)
    def cells(layer: str | None, attributes: str) -> tuple[Any, ...]:
        attrs = {} if attributes == "{}" else json.loads(attributes)
        if not attrs:
            return tuple(layout.empty_attributes)
        return tuple(_attribute_part(layout, str(layer), attrs))

    return cells


def _attribute_part(layout: Layout, layer: str, attrs: dict[str, Any]) -> list[Any]:
    earliest, latest = ("", "")
    if layer == "DATE" and attrs.get("value"):
        earliest, latest = date_bounds(str(attrs["value"]), str(attrs.get("mod") or ""))
    part = [_cell(attrs.get(a)) for a in layout.span_attributes]
    part += [earliest, latest, _dumps(attrs)]
    return part


def span_row(doc: Document, annotator: str, span: Span, layout: Layout,
             actors: dict[ActorId, Actor]) -> list[Any]:
    attrs = span.attributes
    actor = actors.get(span.actor_id) if span.actor_id is not None else None
    head = [doc.id, annotator, span.uid, span.layer, span.start, span.end, span.text,
            actor.key if actor else "", actor.qid if actor else ""]
    if not attrs:
        head += layout.empty_attributes
        return head
    head += _attribute_part(layout, span.layer, attrs)
    return head


def claim_rows(bundle: Bundle, layout: Layout, actors: dict[ActorId, Actor]) -> Iterator[list[Any]]:
    for view in bundle.views:
        if not view.claims:
            continue
        spans = view.span_by_id()
        for claim in view.claims:
            yield claim_row(bundle.doc, view, claim, spans, layout, actors)


def claim_row(doc: Document, view: View, claim: Claim, spans: dict[SpanId, Span], layout: Layout,
              actors: dict[ActorId, Actor]) -> list[Any]:
    demand = [spans[s] for s in claim.demand_span_ids if s in spans]
    date_span = spans.get(claim.date_span_id) if claim.date_span_id is not None else None
    source_span = spans.get(claim.source_span_id) if claim.source_span_id is not None else None
    value, precision, mod = claim.date_value, claim.date_precision, claim.date_mod
    if not value and date_span is not None:
        value = str(date_span.attributes.get("value") or "")
        precision = precision or str(date_span.attributes.get("precision") or "")
        mod = mod or str(date_span.attributes.get("mod") or "")
    earliest, latest = date_bounds(value, mod)
    return [
        doc.id, view.annotator, claim.uid,
        *_actor(actors, claim.claimant_id), *_actor(actors, claim.addressee_id),
        *_actor(actors, claim.object_id),
        claim.event_type, " | ".join(s.text for s in demand), " ".join(s.uid for s in demand),
        claim.gloss, "" if claim.position is None else claim.position, claim.factuality,
        claim.form, value, precision, mod, earliest, latest,
        date_span.text if date_span else "", claim.source,
        source_span.text if source_span else "", claim.source_reliability,
        claim.info_credibility, claim.note,
        *(getattr(doc, m) for m in DOC_META if m not in ("claim", "source_file")),
        *(_cell(view.values.get(f)) for f in layout.doc_fields),
    ]


INT_COLUMNS = frozenset({"doc_id", "batch_id", "length", "start", "end", "position"})
"""Columns holding integers (nullable); every other column is text."""
