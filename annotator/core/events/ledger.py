"""The event ledger: every event with its reports, read through the project's public calls.

Three tables, with PLOVER's field names where PLOVER has the field
(``event_id``, ``event_date``, ``event_type``, ``actor``, ``recipient``,
``location``, ``publication``, ``pub_date``, ``language``, ``url``) and plain
names for the rest:

- ``events``: one row per event: its dates, type, participants (registry keys),
  reports, documents, independent outlets, first report, contradictions;
- ``claims``: one row per linked claim: its frame, the annotator's and the
  suggested credibility grade, and how it stands to the event's first report;
- ``crosswalk``: one row per event and document (event-article crosswalk), with
  the document's independence group (copies share one).

The CLI (`annotator events`) prints it and the ``events`` exporter writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.core.events import corroboration, independence
from annotator.core.events.records import ClaimFrame, Event
from annotator.core.models import ActorId, DocId

if TYPE_CHECKING:
    from annotator.core.project import Project

EVENT_COLUMNS = ("event_id", "label", "event_type", "event_date", "event_date_end", "location",
                 "actor", "recipient", "created_by", "reports", "documents",
                 "independent_outlets", "first_report_date", "first_report_publication",
                 "contradictions")
CLAIM_COLUMNS = ("event_id", "claim_uid", "claim_id", "doc_id", "publication", "pub_date",
                 "annotator", "actor", "recipient", "event_type", "date", "demand",
                 "outlet_reliability", "source_reliability", "info_credibility",
                 "suggested_credibility", "credibility_reason",
                 "versus_first_report")
CROSSWALK_COLUMNS = ("event_id", "doc_id", "publication", "pub_date", "language", "url",
                     "title", "independent_group")


@dataclass
class Ledger:
    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    crosswalk: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, list[dict[str, Any]]]:
        return {"events": self.events, "claims": self.claims, "crosswalk": self.crosswalk}


def _keys(project: Project, ids: Sequence[ActorId | None]) -> str:
    return ";".join(sorted({project.actor(a).key for a in ids if a is not None}))


def add_event(project: Project, event: Event, ledger: Ledger, viewer: str | None = None
              ) -> None:
    """Append one event's rows to ``ledger`` (grades from ``viewer``'s claims only, when
    given)."""
    found = project.events.frames(event.claim_ids)
    docs = {DocId(f.doc_id): project.document(DocId(f.doc_id)) for f in found}
    groups = independence.group_of(independence.groups(
        {d: doc.text for d, doc in docs.items()}, {d: doc.outlet for d, doc in docs.items()}))
    ordered = sorted(found, key=lambda f: (docs[DocId(f.doc_id)].published, f.claim_id))
    first: ClaimFrame | None = ordered[0] if ordered else None
    contradictions = 0
    for f in ordered:
        grade = project.events.corroboration(f.claim_id, viewer)
        versus = "" if first is None or f is first else \
            corroboration.verdict(first, f)[0] if groups[DocId(f.doc_id)] != \
            groups[DocId(first.doc_id)] else "copy"
        contradictions += versus == "contradicts"
        claim = next(c for c in project.claims(DocId(f.doc_id), f.annotator)
                     if c.id == f.claim_id)
        outlet_grade = project.values(DocId(f.doc_id), f.annotator).get("outlet_reliability")
        ledger.claims.append({
            "event_id": event.uid, "claim_uid": claim.uid, "claim_id": f.claim_id,
            "doc_id": f.doc_id, "publication": docs[DocId(f.doc_id)].outlet,
            "pub_date": docs[DocId(f.doc_id)].published,
            "annotator": f.annotator, "actor": _keys(project, [f.claimant_id]),
            "recipient": _keys(project, [f.addressee_id]), "event_type": f.event_type,
            "date": f.date_value, "demand": f.text,
            "outlet_reliability": outlet_grade or "",
            "source_reliability": claim.source_reliability,
            "info_credibility": f.info_credibility,
            "suggested_credibility": grade.suggested, "credibility_reason": grade.reason,
            "versus_first_report": versus})
    for d, doc in sorted(docs.items()):
        ledger.crosswalk.append({
            "event_id": event.uid, "doc_id": d, "publication": doc.outlet,
            "pub_date": doc.published, "language": doc.language, "url": doc.url,
            "title": doc.title, "independent_group": groups[d] + 1})
    first_doc = docs[DocId(first.doc_id)] if first is not None else None
    ledger.events.append({
        "event_id": event.uid, "label": event.label, "event_type": event.event_type,
        "event_date": event.earliest, "event_date_end": event.latest, "location": event.place,
        "actor": _keys(project, [p.actor_id for p in event.participants if p.role == "claimant"]),
        "recipient": _keys(project, [p.actor_id for p in event.participants
                                     if p.role == "addressee"]),
        "created_by": event.created_by, "reports": len(found), "documents": len(docs),
        "independent_outlets": len(set(groups.values())),
        "first_report_date": first_doc.published if first_doc else "",
        "first_report_publication": first_doc.outlet if first_doc else "",
        "contradictions": contradictions})


def build(project: Project, viewer: str | None = None) -> Ledger:
    """The ledger of the events ``viewer`` sees (None: every event)."""
    ledger = Ledger()
    for event in project.events.all(viewer):
        add_event(project, event, ledger, viewer)
    return ledger
