"""Corroboration: the independent outlets that report a claim's event, whether they agree
with it or contradict it, and the information-credibility grade that follows.

A report (another claim in the same event) *contradicts* the claim when both
dates resolve and do not overlap, when their positions have opposite signs, or
when one is negated and the other not; it *agrees* when it does not contradict,
has the same event type (or none) and a similar demand (rapidfuzz token-set
ratio at least :data:`AGREE_SIMILARITY`, or both without demand text); anything
else is *related*. Copies (:mod:`annotator.core.events.independence`) form one
group; a group contradicts when any of its reports does, else agrees when any
does; the claim's own group (its document and its copies) never counts.

The suggested grade, with a = agreeing and c = contradicting independent groups
(docs/events.md shows the same table to users):

=====================  =======================================================
grade                  when
=====================  =======================================================
1 confirmed            c = 0 and a >= 2
2 probably true        c = 0 and a = 1
3 possibly true        c = 0 and a = 0 (reported only here), or a > c >= 1
4 doubtful             1 <= a <= c
5 improbable           a = 0 and c >= 1
6 cannot be judged     the claim is in no event
=====================  =======================================================

The annotator's own grade always wins: :attr:`Corroboration.grade` is theirs
when they set one, the suggestion otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.core.events import frames, independence
from annotator.core.events.records import ClaimFrame, EventId
from annotator.core.models import ClaimId, DocId

AGREE_SIMILARITY = 0.5
GRADE_NAMES = {"1": "confirmed by other sources", "2": "probably true", "3": "possibly true",
               "4": "doubtful", "5": "improbable", "6": "truth cannot be judged"}


@dataclass(frozen=True, slots=True)
class Report:
    """One other claim of the event, as it bears on the claim being graded."""

    claim_id: ClaimId
    doc_id: DocId
    outlet: str
    published: str
    group: int
    verdict: str
    """agrees, contradicts, related, or copy (same group as the claim)."""
    reason: str
    grade: str
    """The info_credibility its annotator gave it ('' when none)."""


@dataclass(frozen=True, slots=True)
class Corroboration:
    claim_id: ClaimId
    event_id: EventId | None
    reports: tuple[Report, ...]
    agreeing: int
    contradicting: int
    suggested: str
    reason: str
    annotator_grade: str

    @property
    def grade(self) -> str:
        """The grade that counts: the annotator's when set, else the suggestion."""
        return self.annotator_grade or self.suggested


def verdict(q: ClaimFrame, c: ClaimFrame) -> tuple[str, str]:
    """How report ``c`` bears on claim ``q``: (verdict, reason)."""
    if frames.dates_conflict(q, c):
        return "contradicts", f"date {c.date_value} against {q.date_value}"
    if q.position and c.position and q.position * c.position < 0:
        return "contradicts", f"position {c.position:+d} against {q.position:+d}"
    if (q.factuality == "negated") != (c.factuality == "negated"):
        return "contradicts", "one report negates what the other asserts"
    similarity = frames.text_similarity(q.text, c.text)
    same_type = not q.event_type or not c.event_type or q.event_type == c.event_type
    both_empty = not q.text and not c.text
    if same_type and (both_empty or similarity >= AGREE_SIMILARITY):
        return "agrees", ("same demand" if both_empty else
                          f"same demand ({round(similarity * 100)}%)") + \
            ("" if frames.frame_interval(c) is None else ", same date")
    return "related", f"different demand ({round(similarity * 100)}%)"


def suggest_grade(agreeing: int, contradicting: int, in_event: bool) -> tuple[str, str]:
    """The grade and its reason, from the counts of independent groups."""
    if not in_event:
        return "6", "the claim is in no event: nothing to compare it with"
    outlets = f"{agreeing} independent outlet(s) agree, {contradicting} contradict"
    if contradicting == 0:
        grade = "1" if agreeing >= 2 else "2" if agreeing == 1 else "3"
        if agreeing == 0:
            return grade, "reported only by this source and its copies"
        return grade, outlets
    if agreeing > contradicting:
        return "3", outlets
    return ("4" if agreeing else "5"), outlets


def corroborate(q: ClaimFrame, others: Sequence[ClaimFrame], texts: Mapping[DocId, str],
                meta: Mapping[DocId, tuple[str, str, str]]) -> Corroboration:
    """Grade ``q`` against the other claims of its event (``others``, any documents).

    ``texts`` holds every involved document's text (``q``'s included), ``meta`` its
    outlet, publication date and title.
    """
    docs = {DocId(q.doc_id), *(DocId(c.doc_id) for c in others)}
    found = independence.groups({d: texts[d] for d in docs},
                                {d: meta.get(d, ("", "", ""))[0] for d in docs})
    group = independence.group_of(found)
    own = group[DocId(q.doc_id)]
    reports: list[Report] = []
    per_group: dict[int, set[str]] = {}
    for c in sorted(others, key=lambda f: (meta.get(DocId(f.doc_id), ("", "", ""))[1], f.claim_id)):
        if c.claim_id == q.claim_id:
            continue
        doc = DocId(c.doc_id)
        g = group[doc]
        said, why = ("copy", "a copy of the claim's own source") if g == own else verdict(q, c)
        per_group.setdefault(g, set()).add(said)
        outlet, published, _title = meta.get(doc, ("", "", ""))
        reports.append(Report(c.claim_id, doc, outlet, published, g, said, why,
                              c.info_credibility))
    agreeing = sum(1 for g, said in per_group.items()
                   if g != own and "contradicts" not in said and "agrees" in said)
    contradicting = sum(1 for g, said in per_group.items() if g != own and "contradicts" in said)
    grade, reason = suggest_grade(agreeing, contradicting, q.event_id is not None)
    return Corroboration(q.claim_id, q.event_id, tuple(reports), agreeing, contradicting, grade,
                         f"{grade} ({GRADE_NAMES[grade]}): {reason}", q.info_credibility)
