"""Reading a selection in bulk: documents with the annotations each exporter writes.

Exporters iterate :func:`iter_bundles`, which reads documents, spans, claims,
values and status each in one streaming query ordered by document and merges
them (six queries per export instead of several per document: this is what
keeps a 100,000 document export within twice the time of a bare dump).

The SQL lives in the repository layer,
:class:`annotator.core.store.export.ExportRepository` (one ``stream_*``
method per table), which ``project.exports.reader()`` hands out over the
project's store; this module only merges what it reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from annotator.core.boilerplate import overlaps
from annotator.core.errors import SelectionError
from annotator.core.exporters.selection import ALL, GOLD_FALLBACK, Selection
from annotator.core.models import (
    GOLD,
    Actor,
    ActorId,
    BatchId,
    Claim,
    ClaimId,
    DocId,
    Document,
    Span,
    SpanId,
    Status,
)
from annotator.core.store.export import CLAIM_COLUMNS, ExportRepository
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

CHUNK = 500
"""Documents between two cancel checks and progress reports."""


class View:
    """One annotator's annotations of one document.

    A view read by :func:`iter_bundles` (made by :meth:`streamed`) keeps its
    spans as the rows
    :meth:`~annotator.core.store.export.ExportRepository.stream_spans`
    returns (:attr:`raw_spans`) and builds the :class:`Span` objects on first
    use of :attr:`spans`: table exports write those rows as they are and never
    pay for a million objects.
    """

    __slots__ = ("_spans", "annotator", "claims", "provenance", "raw_spans", "status", "values")

    def __init__(self, annotator: str, status: Status, spans: list[Span] | None = None,
                 claims: list[Claim] | None = None, values: dict[str, Any] | None = None,
                 provenance: dict[str, Any] | None = None) -> None:
        self.annotator = annotator
        self.status = status
        self.claims = [] if claims is None else claims
        self.values = {} if values is None else values
        self.provenance = {} if provenance is None else provenance
        self.raw_spans: list[Sequence[Any]] | None = None
        """Span rows in stream order (None when built from ``spans``)."""
        self._spans: list[Span] | None = [] if spans is None else spans

    @classmethod
    def streamed(cls, annotator: str, status: Status, raw_spans: list[Sequence[Any]],
                 claims: list[Claim], values: dict[str, Any], provenance: dict[str, Any]
                 ) -> View:
        """A view over span rows, turned into :class:`Span` objects only when asked for."""
        view = cls(annotator, status, None, claims, values, provenance)
        view.raw_spans = raw_spans
        view._spans = None
        return view

    @property
    def spans(self) -> list[Span]:
        if self._spans is None:
            name = self.annotator
            self._spans = [make_span(r, name) for r in self.raw_spans or ()]
        return self._spans

    def span_by_id(self) -> dict[SpanId, Span]:
        return {s.id: s for s in self.spans}

    def __repr__(self) -> str:
        return f"View({self.annotator!r}, {self.status.value!r})"


@dataclass(frozen=True, slots=True)
class Bundle:
    """A document and the views an export takes of it (none, one, or one per annotator)."""

    doc: Document
    views: list[View]


@dataclass(frozen=True, slots=True)
class Plan:
    """Which documents, and whose annotations of each, a selection takes."""

    doc_ids: list[DocId]
    annotators: dict[DocId, tuple[str, ...]]
    names: list[str]
    """Every annotator the export may show, in a stable order."""
    keep_boilerplate: bool = False
    """Whether spans inside a document's boilerplate stay (a claim's demand spans always do)."""


def plan(project: Project, selection: Selection) -> Plan:
    """Resolve a selection against the project (no text is read)."""
    reads = project.exports.reader()
    ids = {name: int(i) for i, name in reads.annotator_ids()}
    _check_names(selection, ids)
    candidates = reads.document_ids(selection.language, selection.batch_id)
    pairs: dict[DocId, set[str]] = {}
    for doc_id, name in reads.annotated_pairs():
        pairs.setdefault(doc_id, set()).add(name)
    statuses = reads.bulk_status() if selection.status else {}
    started = {doc_id for doc_id, _name in statuses}
    chosen: dict[DocId, tuple[str, ...]] = {}
    doc_ids: list[DocId] = []
    for doc_id in candidates:
        have = pairs.get(doc_id, set())
        names = _views_for(selection, have)
        if selection.status:
            names = tuple(n for n in names
                          if statuses.get((doc_id, n), Status.NOT_STARTED.value)
                          == selection.status)
            if not names and not _status_matches_empty(selection, doc_id, started):
                continue
        doc_ids.append(doc_id)
        chosen[doc_id] = names
    return Plan(doc_ids, chosen, _names(selection, sorted(ids)), selection.keep_boilerplate)


def _check_names(selection: Selection, ids: dict[str, int]) -> None:
    if selection.source in (ALL, "gold") or selection.annotator in ids:
        return
    raise SelectionError(f"no annotator named {selection.annotator!r} in this project "
                         f"(has: {', '.join(sorted(ids)) or 'none'})")


def _views_for(selection: Selection, have: set[str]) -> tuple[str, ...]:
    if selection.source == ALL:
        return tuple(sorted(have))
    if selection.source == "gold":
        return (GOLD,) if GOLD in have else ()
    if selection.source == GOLD_FALLBACK:
        if GOLD in have:
            return (GOLD,)
        return (selection.annotator,) if selection.annotator in have else ()
    return (selection.annotator,) if selection.annotator in have else ()


def _status_matches_empty(selection: Selection, doc_id: DocId, started: set[DocId]) -> bool:
    """A document nobody (of the selection) started matches status ``not_started``."""
    if selection.status != Status.NOT_STARTED.value:
        return False
    return selection.source != ALL or doc_id not in started


def _names(selection: Selection, every: list[str]) -> list[str]:
    if selection.source == ALL:
        return every
    if selection.source == "gold":
        return [GOLD]
    if selection.source == GOLD_FALLBACK:
        return [GOLD, selection.annotator]
    return [selection.annotator]


class _Grouped:
    """Rows of a cursor ordered by document id, handed out one document at a time."""

    def __init__(self, rows: Iterator[Sequence[Any]]) -> None:
        self._rows = rows
        self._next = next(rows, None)

    def take(self, doc_id: int) -> list[Sequence[Any]]:
        """The rows of ``doc_id`` (rows of documents before it are skipped)."""
        out: list[Sequence[Any]] = []
        row = self._next
        while row is not None and row[0] <= doc_id:
            if row[0] == doc_id:
                out.append(row)
            row = next(self._rows, None)
        self._next = row
        return out


def iter_bundles(project: Project, the_plan: Plan, state: TaskState,
                 message: str = "exporting") -> Iterator[Bundle]:
    """Documents of the plan with their views, in id order.

    Reads each table in one pass ordered by document (a streaming merge, as a
    bare dump would). The six statements are open together, so SQLite serves
    them from one read snapshot; cancel is checked and progress reported every
    :data:`CHUNK` documents.
    """
    if not the_plan.doc_ids:
        state.check()
        state.progress(0, 0, message)
        return
    reads = project.exports.reader()
    yield from _merge(reads, the_plan, dict(reads.annotator_ids()), state, message)


def _merge(reads: ExportRepository, the_plan: Plan, names: dict[int, str], state: TaskState,
           message: str) -> Iterator[Bundle]:
    lo, hi = the_plan.doc_ids[0], the_plan.doc_ids[-1]
    docs = _Grouped(reads.stream_documents(lo, hi))
    spans = _Grouped(reads.stream_spans(lo, hi))
    claims = _Grouped(reads.stream_claims(lo, hi))
    demand = _Grouped(reads.stream_claim_spans(lo, hi))
    values = _Grouped(reads.stream_values(lo, hi))
    statuses = _Grouped(reads.stream_status(lo, hi))
    total = len(the_plan.doc_ids)
    for index, doc_id in enumerate(the_plan.doc_ids):
        if index % CHUNK == 0:
            state.check()
            state.progress(index, total, message)
        doc = make_document(docs.take(doc_id)[0])
        wanted = the_plan.annotators.get(doc_id, ())
        if not wanted:
            yield Bundle(doc, [])
            continue
        status = {names[r[1]]: r[2] for r in statuses.take(doc_id)}
        span_rows, links = spans.take(doc_id), demand.take(doc_id)
        if doc.boilerplate and not the_plan.keep_boilerplate:
            span_rows = _outside_boilerplate(span_rows, links, doc.boilerplate)
        by_name = _span_rows_by_annotator(span_rows, names, wanted)
        claim_map = _claims_by_annotator(claims.take(doc_id), links, names, wanted)
        value_map = _values_by_annotator(values.take(doc_id), names, wanted)
        yield Bundle(doc, [
            View.streamed(name, Status(status.get(name, Status.NOT_STARTED.value)),
                          by_name[name], claim_map.get(name, []), *value_map.get(name, ({}, {})))
            for name in wanted
        ])
    state.check()
    state.progress(total, total, message)


_loads = lru_cache(maxsize=4096)(json.loads)


def _object(text: str) -> dict[str, Any]:
    """A JSON object column: '{}' without parsing, repeated values parsed once (copied)."""
    return {} if text == "{}" else dict(_loads(text))


def make_document(r: Sequence[Any]) -> Document:
    return Document(DocId(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                    _object(r[10]), None if r[11] is None else BatchId(r[11]), r[12],
                    _boilerplate(r[13]))


def _boilerplate(text: str) -> tuple[tuple[int, int], ...]:
    return () if text == "[]" else tuple((int(a), int(b)) for a, b in _loads(text))


def make_span(r: Sequence[Any], annotator: str) -> Span:
    """A :class:`Span` from a ``stream_spans`` row."""
    return Span(r[1], r[2], r[0], annotator, r[4], r[5], r[6], r[7], r[8],
                {} if r[9] == "{}" else dict(_loads(r[9])),
                {} if r[10] == "{}" else dict(_loads(r[10])))


def _outside_boilerplate(rows: list[Sequence[Any]], links: list[Sequence[Any]],
                         ranges: tuple[tuple[int, int], ...]) -> list[Sequence[Any]]:
    """Span rows not in boilerplate; a claim's demand span stays wherever it lies."""
    linked = {r[2] for r in links}
    return [r for r in rows if r[1] in linked or not overlaps(ranges, r[5], r[6])]


def _span_rows_by_annotator(rows: list[Sequence[Any]], names: dict[int, str],
                            wanted: tuple[str, ...]) -> dict[str, list[Sequence[Any]]]:
    out: dict[str, list[Sequence[Any]]] = {name: [] for name in wanted}
    for r in rows:
        bucket = out.get(names[r[3]])
        if bucket is not None:
            bucket.append(r)
    return out


def _claims_by_annotator(rows: list[Sequence[Any]], links: list[Sequence[Any]],
                         names: dict[int, str], wanted: tuple[str, ...]
                         ) -> dict[str, list[Claim]]:
    demand: dict[int, list[SpanId]] = {}
    for _doc, claim_id, span_id in links:
        demand.setdefault(claim_id, []).append(SpanId(span_id))
    out: dict[str, list[Claim]] = {}
    for r in rows:
        name = names[r[3]]
        if name not in wanted:
            continue
        fields = dict(zip(CLAIM_COLUMNS, r[4:-1], strict=True))
        out.setdefault(name, []).append(Claim(
            id=ClaimId(r[1]), uid=r[2], doc_id=DocId(r[0]), annotator=name,
            demand_span_ids=tuple(demand.get(r[1], ())), provenance=_object(r[-1]), **fields))
    return out


def _values_by_annotator(rows: list[Sequence[Any]], names: dict[int, str],
                         wanted: tuple[str, ...]
                         ) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    out: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for _doc, annotator_id, field_name, value, provenance in rows:
        name = names[annotator_id]
        if name not in wanted:
            continue
        values, prov = out.setdefault(name, ({}, {}))
        values[field_name] = json.loads(value)
        if provenance != "{}":
            prov[field_name] = json.loads(provenance)
    return out


def actor_index(project: Project) -> dict[ActorId, Actor]:
    return {a.id: a for a in project.actors()}
