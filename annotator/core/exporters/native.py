"""The native JSONL format: lossless, and what import reads back.

Line 1 is a header, then one line per registry actor, then one line per
document with every annotator's spans, claims, values and status. Actors are
referenced by their ``key``, spans and claims carry their ``uid``; output is
sorted so that export -> import into an empty project -> export is identical.
The format is documented in docs/native-format.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.models import Actor, Claim, DocId, Span, Status
from annotator.core.outputs import atomic_file
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT = "annotator-native"
FORMAT_VERSION = 1


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def actor_record(actor: Actor) -> dict[str, Any]:
    return {
        "type": "actor", "key": actor.key, "canonical_name": actor.canonical_name,
        "aliases": [{"alias": a.alias, "lang": a.lang} for a in actor.aliases],
        "qid": actor.qid, "country": actor.country, "sector": actor.sector,
        "actor_type": actor.actor_type, "title": actor.title,
    }


def span_record(span: Span, keys: dict[int, str]) -> dict[str, Any]:
    out: dict[str, Any] = {"uid": span.uid, "layer": span.layer, "start": span.start,
                           "end": span.end, "text": span.text}
    if span.actor_id is not None:
        out["actor"] = keys[span.actor_id]
    if span.attributes:
        out["attributes"] = span.attributes
    if span.provenance:
        out["provenance"] = span.provenance
    return out


def claim_record(claim: Claim, keys: dict[int, str], uids: dict[int, str]) -> dict[str, Any]:
    out: dict[str, Any] = {"uid": claim.uid, "event_type": claim.event_type}
    for name, actor_id in (("claimant", claim.claimant_id), ("addressee", claim.addressee_id),
                           ("object", claim.object_id)):
        if actor_id is not None:
            out[name] = keys[actor_id]
    if claim.demand_span_ids:
        out["demand_spans"] = [uids[s] for s in claim.demand_span_ids]
    for name, span_id in (("date_span", claim.date_span_id),
                          ("source_span", claim.source_span_id)):
        if span_id is not None:
            out[name] = uids[span_id]
    if claim.position is not None:
        out["position"] = claim.position
    for name in ("gloss", "factuality", "form", "date_value", "date_precision", "date_mod",
                 "source", "source_reliability", "info_credibility", "note"):
        if getattr(claim, name):
            out[name] = getattr(claim, name)
    if claim.provenance:
        out["provenance"] = claim.provenance
    return out


def document_record(project: Project, doc_id: DocId, annotators: Sequence[str],
                    keys: dict[int, str]) -> dict[str, Any]:
    doc = project.document(doc_id)
    record: dict[str, Any] = {
        "type": "document", "sha256": doc.sha256, "text": doc.text, "title": doc.title,
        "outlet": doc.outlet, "url": doc.url, "byline": doc.byline, "language": doc.language,
        "published": doc.published, "claim": doc.claim, "metadata": doc.metadata,
        "source_file": doc.source_file,
    }
    annotations: dict[str, Any] = {}
    for name in annotators:
        spans = project.spans(doc_id, name)
        claims = project.claims(doc_id, name)
        values = project.values(doc_id, name)
        status = project.status(doc_id, name)
        if not (spans or claims or values or status is not Status.NOT_STARTED):
            continue
        uids = {s.id: s.uid for s in spans}
        entry: dict[str, Any] = {"status": status.value}
        if spans:
            entry["spans"] = [span_record(s, keys) for s in spans]
        if claims:
            entry["claims"] = [claim_record(c, keys, uids) for c in
                               sorted(claims, key=lambda c: c.uid)]
        if values:
            entry["values"] = values
            provenance = {f: p for f in values
                          if (p := project.repo.value_provenance(
                              doc_id, project.repo.annotator_id(name, create=False), f))}
            if provenance:
                entry["provenance"] = provenance
        annotations[name] = entry
    if annotations:
        record["annotations"] = annotations
    return record


def export(project: Project, path: Path, *, state: TaskState,
           annotators: Sequence[str] | None = None, timestamp: bool = True) -> int:
    """Write the whole project (or some annotators) to ``path``; atomic replace.

    ``path`` must already have passed :func:`annotator.core.outputs.check_target`.
    """
    names = list(annotators) if annotators is not None else project.annotators(include_gold=True)
    actors = project.actors()
    keys = {a.id: a.key for a in actors}
    doc_ids = project.repo.document_ids()
    header: dict[str, Any] = {
        "type": "header", "format": FORMAT, "format_version": FORMAT_VERSION,
        "tool_version": _version(), "codebook": {"name": project.codebook.name,
                                                 "version": project.codebook.version},
        "annotators": names, "documents": len(doc_ids), "actors": len(actors),
    }
    if timestamp:
        header["exported_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    with atomic_file(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as out:
        out.write(_dumps(header) + "\n")
        for actor in sorted(actors, key=lambda a: a.key):
            out.write(_dumps(actor_record(actor)) + "\n")
        for index, doc_id in enumerate(doc_ids):
            if index % 200 == 0:
                state.check()
                state.progress(index, len(doc_ids), "exporting")
            out.write(_dumps(document_record(project, doc_id, names, keys)) + "\n")
    state.progress(len(doc_ids), len(doc_ids), f"wrote {path}")
    return len(doc_ids)


def _version() -> str:
    from annotator import __version__

    return __version__
