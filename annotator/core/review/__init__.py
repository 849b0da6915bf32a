"""Disagreements between annotators and their adjudication into the gold layer.

:func:`items` lines up every annotator's annotations of a document into
comparable *items* (a group of overlapping spans, a set of aligned claims, a
document field) and says for each whether and how the annotators disagree.
:func:`decide` writes the reviewer's decision into the gold layer (the
pseudo-annotator ``gold``) with provenance: who decided, from whose version,
why. Each decision is one transaction and returns a :class:`GoldEdit` that
:func:`undo` reverts exactly.

The reading functions take anything with the project's public reads
(:class:`~annotator.core.review.reads.ReviewReads`, which
:class:`~annotator.core.project.Project` is); the
gold writes take the store, which ``project.review`` hands over.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.core.agreement.claims import align_claims
from annotator.core.agreement.grouping import span_groups
from annotator.core.models import GOLD, Claim, ClaimId, DocId, Span, SpanId, new_uid
from annotator.core.project import rules
from annotator.core.review.reads import ReviewReads
from annotator.core.store.adjudication import DecisionRecord

if TYPE_CHECKING:
    from annotator.core.store.repository import Repository

# kind -> (severity, label); higher severity comes first in the queue
KINDS: dict[str, tuple[int, str]] = {
    "span_missing": (5, "span marked by only some annotators"),
    "label": (4, "different labels"),
    "claim_unmatched": (4, "claim coded by only some annotators"),
    "actor": (3, "different linked actor"),
    "date_value": (3, "different date value"),
    "reliability": (3, "different reliability grade"),
    "doc_label": (3, "different document label"),
    "claim_attribute": (2, "different claim attributes"),
    "date_precision": (2, "different date precision or modifier"),
    "attribute": (1, "different span attributes"),
    "boundary": (1, "boundary-only difference"),
}
REASONS = ("guideline_gap", "ambiguity", "error")
CLAIM_COMPARED = ("claimant_id", "addressee_id", "object_id", "event_type", "position",
                  "factuality", "form", "date_value", "source_reliability", "info_credibility")
RELIABILITY_ATTRS = ("source_reliability", "info_credibility")


@dataclass(frozen=True, slots=True)
class Version:
    """One annotator's version of an item (empty when they did not annotate it)."""

    annotator: str
    spans: tuple[Span, ...] = ()
    claim: Claim | None = None
    value: Any = None

    @property
    def empty(self) -> bool:
        return not self.spans and self.claim is None and self.value in (None, "")


@dataclass(frozen=True, slots=True)
class Item:
    doc_id: DocId
    kind: str  # "span" | "claim" | "value"
    key: str
    versions: tuple[Version, ...]
    disagreement: str | None
    detail: str = ""
    layer: str = ""

    @property
    def severity(self) -> int:
        return KINDS[self.disagreement][0] if self.disagreement else 0

    def version(self, annotator: str) -> Version:
        for version in self.versions:
            if version.annotator == annotator:
                return version
        raise KeyError(f"{annotator!r} has no version of this item")

    def label(self) -> str:
        return KINDS[self.disagreement][1] if self.disagreement else "agreement"


@dataclass(slots=True)
class GoldEdit:
    """What one decision changed in the gold layer, enough to undo it."""

    doc_id: DocId
    item_key: str
    removed_spans: list[Span] = field(default_factory=list)
    removed_claims: list[Claim] = field(default_factory=list)
    added_spans: list[SpanId] = field(default_factory=list)
    added_claims: list[ClaimId] = field(default_factory=list)
    value_field: str = ""
    value_before: Any = None
    decision_before: dict[str, Any] | None = None


# ------------------------------------------------------------------ grouping


def annotators_of(project: ReviewReads, doc_id: DocId) -> list[str]:
    """Human annotators who annotated or opened the document."""
    return [name for name in project.annotators_of(doc_id) if name != GOLD]


def items(project: ReviewReads, doc_id: DocId, annotators: Sequence[str] | None = None
          ) -> list[Item]:
    names = list(annotators) if annotators is not None else annotators_of(project, doc_id)
    if not names:
        return []
    spans = {n: project.spans(doc_id, n) for n in names}
    out = _span_items(doc_id, names, spans)
    out += claim_items(doc_id, names, {n: project.claims(doc_id, n) for n in names})
    out += _value_items(project, doc_id, names)
    return out


def queue(project: ReviewReads, doc_ids: Iterable[DocId] | None = None,
          kinds: Iterable[str] | None = None) -> list[Item]:
    """Every disagreement, most severe first (then by document and position)."""
    wanted = set(kinds) if kinds else None
    found: list[Item] = []
    for doc_id in doc_ids if doc_ids is not None else project.document_ids():
        found += [i for i in items(project, doc_id) if i.disagreement and
                  (wanted is None or i.disagreement in wanted)]
    return sorted(found, key=lambda i: (-i.severity, i.doc_id, i.key))


def _span_items(doc_id: DocId, names: list[str], spans: dict[str, list[Span]]) -> list[Item]:
    flat = [s for n in names for s in spans[n]]
    out = []
    for members, layers, start, end in span_groups([(s.start, s.end) for s in flat],
                                                   [s.layer for s in flat]):
        group = [flat[i] for i in members]
        versions = tuple(Version(n, tuple(s for s in group if s.annotator == n))
                         for n in names)
        kind, detail = _span_disagreement(versions)
        out.append(Item(doc_id, "span", f"span:{'+'.join(layers)}:{start}-{end}", versions,
                        kind, detail, "+".join(layers)))
    return sorted(out, key=lambda i: i.key)


def _signature(span: Span) -> tuple[Any, ...]:
    return (span.layer, span.start, span.end)


def _span_disagreement(versions: tuple[Version, ...]) -> tuple[str | None, str]:
    if any(v.empty for v in versions):
        who = ", ".join(v.annotator for v in versions if not v.empty)
        return "span_missing", f"marked by {who} only"
    shapes = {tuple(sorted(_signature(s) for s in v.spans)) for v in versions}
    layers = {tuple(sorted({s.layer for s in v.spans})) for v in versions}
    if len(layers) > 1:
        return "label", " vs ".join("/".join(x) for x in sorted(layers))
    if len(shapes) > 1:
        return "boundary", " vs ".join(
            f"{v.annotator}: " + ", ".join(repr(s.text) for s in v.spans) for v in versions)
    return _attribute_disagreement(versions)


def _attribute_disagreement(versions: tuple[Version, ...]) -> tuple[str | None, str]:
    def collect(get: Any) -> set[Any]:
        return {tuple(get(s) for s in v.spans) for v in versions}

    if len(collect(lambda s: s.actor_id)) > 1:
        return "actor", "linked to different registry actors"
    if len(collect(lambda s: s.attributes.get("value"))) > 1:
        return "date_value", " vs ".join(
            f"{v.annotator}: {','.join(str(s.attributes.get('value')) for s in v.spans)}"
            for v in versions)
    if len(collect(lambda s: (s.attributes.get("precision"), s.attributes.get("mod")))) > 1:
        return "date_precision", "same value, different precision or modifier"
    if len(collect(lambda s: tuple(s.attributes.get(a) for a in RELIABILITY_ATTRS))) > 1:
        return "reliability", " vs ".join(
            f"{v.annotator}: " + ",".join(
                "".join(str(s.attributes.get(a) or "?") for a in RELIABILITY_ATTRS)
                for s in v.spans) for v in versions)
    if len(collect(lambda s: tuple(sorted(s.attributes.items())))) > 1:
        return "attribute", "different attribute values"
    return None, ""


def _claim_weight(a: Claim, b: Claim) -> float:
    weight = 0.0
    if a.claimant_id is not None and a.claimant_id == b.claimant_id:
        weight += 1.0
    if a.event_type == b.event_type:
        weight += 0.25
    if a.addressee_id is not None and a.addressee_id == b.addressee_id:
        weight += 0.5
    return weight


def claim_items(doc_id: DocId, names: list[str], claims: dict[str, list[Claim]]
                ) -> list[Item]:
    """The claims of one document aligned across annotators, one item per aligned set
    (the agreement report reuses this on its lean claim rows)."""
    pivot, others = names[0], names[1:]
    rows: list[dict[str, Claim]] = [{pivot: c} for c in claims[pivot]]
    for other in others:
        pairs = align_claims(claims[pivot], claims[other], weight_fn=_claim_weight,
                             threshold=0.75) if claims[pivot] and claims[other] else []
        matched = set()
        for i, j, _w in pairs:
            rows[i][other] = claims[other][j]
            matched.add(j)
        rows += [{other: c} for j, c in enumerate(claims[other]) if j not in matched]
    out = []
    for row in rows:
        versions = tuple(Version(n, claim=row.get(n)) for n in names)
        key = "claim:" + "+".join(sorted(c.uid for c in row.values()))
        out.append(Item(doc_id, "claim", key, versions, *_claim_disagreement(versions)))
    return out


def _claim_disagreement(versions: tuple[Version, ...]) -> tuple[str | None, str]:
    if any(v.claim is None for v in versions):
        who = ", ".join(v.annotator for v in versions if v.claim is not None)
        return "claim_unmatched", f"coded by {who} only"
    differing = [f for f in CLAIM_COMPARED
                 if len({getattr(v.claim, f) for v in versions}) > 1]
    if differing:
        return "claim_attribute", ", ".join(differing)
    return None, ""


def _value_items(project: ReviewReads, doc_id: DocId, names: list[str]) -> list[Item]:
    values = {n: project.values(doc_id, n) for n in names}
    out = []
    for attr in project.codebook.document_fields:
        if attr.type == "text":
            continue
        versions = tuple(Version(n, value=values[n].get(attr.name)) for n in names)
        if all(v.empty for v in versions):
            continue
        distinct = {v.value for v in versions}
        kind = None
        if len(distinct) > 1:
            kind = "reliability" if attr.vocabulary == "source_reliability" else "doc_label"
        detail = " vs ".join(f"{v.annotator}: {v.value or '—'}" for v in versions)
        out.append(Item(doc_id, "value", f"value:{attr.name}", versions, kind, detail,
                        attr.name))
    return out


# ------------------------------------------------------------------ decisions


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a reviewer decided about one item and why."""

    decision: str  # "accept" | "reject"
    reviewer: str
    annotator: str = ""
    """Whose version an ``accept`` takes."""
    reason: str = ""
    note: str = ""


def decide(repo: Repository, item: Item, verdict: Verdict) -> GoldEdit:
    """``accept`` one annotator's version (``verdict.annotator``) or ``reject`` the item.

    Editing is accepting a version and then changing the gold records with the
    ordinary editing calls under the name ``gold``.
    """
    if verdict.decision not in ("accept", "reject"):
        raise ValueError(f"decision must be accept or reject, not {verdict.decision!r}")
    if verdict.reason and verdict.reason not in REASONS:
        raise ValueError(f"reason must be one of {', '.join(REASONS)}")
    version = item.version(verdict.annotator) if verdict.decision == "accept" else None
    with repo.write():
        gold_id = rules.annotator_id(repo, GOLD)
        edit = _clear_gold(repo, item, gold_id)
        provenance = {"item": item.key, "from_annotator": verdict.annotator,
                      "decided_by": verdict.reviewer, "reason": verdict.reason,
                      "note": verdict.note}
        if version is not None:
            _copy_into_gold(repo, item, version, gold_id, provenance, edit)
        previous = [d for d in repo.decisions(item.doc_id)
                    if d["item_kind"] == item.kind and d["item_key"] == item.key]
        edit.decision_before = previous[0] if previous else None
        repo.record_decision(DecisionRecord(
            item.doc_id, item.kind, item.key, verdict.decision, verdict.annotator,
            verdict.reason, verdict.note, verdict.reviewer))
        repo.log(verdict.reviewer, verdict.decision, "adjudication", item.key, item.doc_id,
                 None, provenance)
    return edit


def accept_agreements(repo: Repository, found: Iterable[Item], reviewer: str
                      ) -> list[GoldEdit]:
    """Copy into gold every item of ``found`` (one document's :func:`items`, read inside
    the caller's transaction) that all annotators agree on and that has no decision yet."""
    edits = []
    with repo.write():
        for item in found:
            decided = _decided_keys(repo.decisions(item.doc_id))
            if item.disagreement is None and item.key not in decided:
                first = item.versions[0].annotator
                edits.append(decide(repo, item, Verdict("accept", reviewer, annotator=first,
                                                        note="all annotators agree")))
    return edits


def _decided_keys(decisions: Iterable[dict[str, Any]]) -> set[str]:
    return {d["item_key"] for d in decisions}


def undo(repo: Repository, edit: GoldEdit) -> None:
    """Revert one decision exactly: gold records and the decision record."""
    with repo.write():
        for claim_id in edit.added_claims:
            repo.delete_claim(claim_id)
        for span_id in edit.added_spans:
            repo.delete_span(span_id)
        gold_id = rules.annotator_id(repo, GOLD)
        for span in edit.removed_spans:
            repo.insert_span(span, gold_id, keep_id=True)
        for claim in edit.removed_claims:
            repo.insert_claim(claim, gold_id, keep_id=True)
        if edit.value_field:
            repo.set_value(edit.doc_id, gold_id, edit.value_field, edit.value_before)
        kind = edit.item_key.split(":", 1)[0]
        if edit.decision_before:
            repo.record_decision(DecisionRecord.from_row(edit.decision_before))
        else:
            repo.forget_decision(edit.doc_id, kind, edit.item_key)
        repo.log("", "undo", "adjudication", edit.item_key, edit.doc_id, None, None)


def _clear_gold(repo: Repository, item: Item, gold_id: Any) -> GoldEdit:
    edit = GoldEdit(item.doc_id, item.key)
    for claim in repo.claims(item.doc_id, gold_id):
        if claim.provenance.get("item") == item.key:
            edit.removed_claims.append(claim)
            repo.delete_claim(claim.id)
    for span in repo.spans(item.doc_id, gold_id):
        if span.provenance.get("item") == item.key:
            edit.removed_spans.append(span)
            repo.delete_span(span.id)
    if item.kind == "value":
        edit.value_field = item.layer
        edit.value_before = repo.values(item.doc_id, gold_id).get(item.layer)
        repo.set_value(item.doc_id, gold_id, item.layer, None)
    return edit


def _copy_into_gold(repo: Repository, item: Item, version: Version, gold_id: Any,
                    provenance: dict[str, Any], edit: GoldEdit) -> None:
    for span in version.spans:
        copy = dataclasses.replace(span, id=SpanId(0), uid=new_uid(), annotator=GOLD,
                                   provenance={**provenance, "source_uid": span.uid})
        edit.added_spans.append(repo.insert_span(copy, gold_id))
    if version.claim is not None:
        claim = version.claim
        gold_spans = {(s.layer, s.start, s.end): s.id for s in repo.spans(item.doc_id, gold_id)}
        demand_ids = []
        for span_id in claim.demand_span_ids:
            span = repo.span(span_id)
            key = (span.layer, span.start, span.end)
            if key not in gold_spans:
                copy = dataclasses.replace(span, id=SpanId(0), uid=new_uid(), annotator=GOLD,
                                           provenance={**provenance, "source_uid": span.uid})
                gold_spans[key] = repo.insert_span(copy, gold_id)
                edit.added_spans.append(gold_spans[key])
            demand_ids.append(gold_spans[key])
        copy_claim = dataclasses.replace(
            claim, id=ClaimId(0), uid=new_uid(), annotator=GOLD,
            demand_span_ids=tuple(demand_ids), date_span_id=None, source_span_id=None,
            provenance={**provenance, "source_uid": claim.uid})
        edit.added_claims.append(repo.insert_claim(copy_claim, gold_id))
    if item.kind == "value" and version.value not in (None, ""):
        repo.set_value(item.doc_id, gold_id, item.layer, version.value, provenance)


def progress(project: ReviewReads, doc_ids: Iterable[DocId] | None = None) -> dict[str, int]:
    """How many disagreements exist and how many have a decision."""
    total = decided = 0
    for doc_id in doc_ids if doc_ids is not None else project.document_ids():
        keys = _decided_keys(project.decisions(doc_id))
        for item in items(project, doc_id):
            if item.disagreement:
                total += 1
                decided += item.key in keys
    return {"disagreements": total, "adjudicated": decided, "open": total - decided}
