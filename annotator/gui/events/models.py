"""The column tables of the events window's three lists: events, reports, loose claims.

Rows are plain records read through the Project façade: an
:class:`~annotator.core.events.records.Event`, a report row of the event
ledger (a dict, :mod:`annotator.core.events.ledger`), and a
:class:`LooseClaim` (a claim in no event, with its document's outlet and date).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.core.events.corroboration import GRADE_NAMES
from annotator.core.events.records import Event
from annotator.core.models import ClaimId, DocId
from annotator.gui.models.record_table import Column
from annotator.gui.models.roles import DISPLAY, TOOLTIP


@dataclass(frozen=True, slots=True)
class LooseClaim:
    claim_id: ClaimId
    doc_id: DocId
    outlet: str
    published: str
    text: str
    date_value: str


def _dates(event: Event) -> str:
    if not event.earliest:
        return ""
    if event.earliest == event.latest:
        return event.earliest
    same_month = event.earliest[:7] == event.latest[:7]
    return f"{event.earliest}–{event.latest[8:] if same_month else event.latest}"


def _grade(row: dict[str, Any]) -> str:
    return f"{row['source_reliability']}{row['info_credibility']}"


EVENT_COLUMNS = (
    Column("dates", "Dates", "The days the reports' dates allow (timeline order)",
           cells={DISPLAY: _dates}, sort_key=lambda e: (e.earliest or "9999", e.id)),
    Column("label", "Event", cells={DISPLAY: lambda e: e.label, TOOLTIP: lambda e: e.note or None},
           sort_key=lambda e: e.label.casefold()),
    Column("type", "Type", cells={DISPLAY: lambda e: e.event_type},
           sort_key=lambda e: e.event_type),
    Column("reports", "Reports", "Claims linked to the event",
           cells={DISPLAY: lambda e: len(e.links)}, sort_key=lambda e: len(e.links)),
)

REPORT_COLUMNS = (
    Column("published", "Published", cells={DISPLAY: lambda r: r["pub_date"]},
           sort_key=lambda r: r["pub_date"]),
    Column("outlet", "Outlet", cells={DISPLAY: lambda r: r["publication"]},
           sort_key=lambda r: r["publication"].casefold()),
    Column("demand", "Demand", cells={DISPLAY: lambda r: r["demand"][:80],
                                      TOOLTIP: lambda r: r["demand"] or None}),
    Column("date", "Date", cells={DISPLAY: lambda r: r["date"]}),
    Column("outlet_grade", "Outlet grade",
           "The outlet's reliability (A-F) as the annotator graded it",
           cells={DISPLAY: lambda r: r["outlet_reliability"]}),
    Column("grade", "Grade", "The annotator's Admiralty grade of the claim: source reliability "
           "and information credibility (B2)",
           cells={DISPLAY: _grade,
                  TOOLTIP: lambda r: GRADE_NAMES.get(r["info_credibility"]) or None}),
    Column("suggested", "Suggested", "The grade corroboration suggests, with its reason",
           cells={DISPLAY: lambda r: r["suggested_credibility"],
                  TOOLTIP: lambda r: r["credibility_reason"]}),
    Column("versus", "Vs. first", "Against the first report: agrees, contradicts, related, or "
           "copy",
           cells={DISPLAY: lambda r: r["versus_first_report"] or "first report"}),
)

LOOSE_COLUMNS = (
    Column("published", "Published", cells={DISPLAY: lambda c: c.published},
           sort_key=lambda c: c.published),
    Column("outlet", "Outlet", cells={DISPLAY: lambda c: c.outlet}),
    Column("demand", "Claim", cells={DISPLAY: lambda c: c.text[:80],
                                     TOOLTIP: lambda c: c.text or None}),
    Column("date", "Date", cells={DISPLAY: lambda c: c.date_value}),
)

PASSAGE_COLUMNS = (
    Column("score", "Score", cells={DISPLAY: lambda p: f"{p[0].score:.2f}"}),
    Column("outlet", "Outlet", cells={DISPLAY: lambda p: p[1]}),
    Column("passage", "Passage", cells={DISPLAY: lambda p: " ".join(p[0].text.split())[:120],
                                        TOOLTIP: lambda p: p[0].text}),
    Column("why", "Why", cells={DISPLAY: lambda p: p[0].explanation}),
)
