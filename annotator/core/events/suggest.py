"""Event suggestions: which events (and which claims elsewhere) probably report the
event a claim reports.

Candidates come from the store's actor-and-date indexes (claims with the same
claimant or addressee whose date can overlap), so a suggestion costs a few
index ranges whatever the size of the project. Each candidate is scored on
the evidence the issue names, and explained in words:

======================  ======  ==============================================
evidence                weight  explanation
======================  ======  ==============================================
same claimant           0.30    "same claimant"
same addressee          0.25    "same addressee"
same object actor       0.05    "same object"
roles swapped           0.15    "claimant and addressee swapped" (a reply)
dates overlap           0.20    "dates overlap 15-15 Nov 2024"
dates close             -0.10   "dates 2 days apart" (at most a week: a report with
                                a wrong day is still a candidate, and contradicts)
dates disjoint          -0.40   "dates do not overlap"
same event type         0.10    "same event type REQUEST"
demand text similarity  0.25    "similar demand (82%)" (rapidfuzz token-set ratio)
======================  ======  ==============================================

A candidate event scores as its best-scoring claim. Blind annotation: with a
``viewer`` (an annotator), only that annotator's claims and links are
candidates; a reviewer (no viewer) sees everyone's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from annotator.core.events import frames
from annotator.core.events.records import ClaimFrame, EventId
from annotator.core.models import ActorId, ClaimId

THRESHOLD = 0.45
"""Below this a candidate is not suggested."""

CANDIDATE_LIMIT = 3000
"""At most this many candidate claims are scored for one suggestion."""


class FrameReads(Protocol):
    def claim_frames(self, claim_ids: list[ClaimId], viewer: str | None = None
                     ) -> list[ClaimFrame]: ...

    def candidate_frames(self, actors: list[tuple[str, ActorId]],
                         date_ranges: list[tuple[str, str]], *, annotator: str | None,
                         viewer: str | None, limit: int) -> list[ClaimFrame]: ...


@dataclass(frozen=True, slots=True)
class Match:
    """One candidate claim with its score and the reasons for it."""

    frame: ClaimFrame
    score: float
    reasons: tuple[str, ...]

    @property
    def explanation(self) -> str:
        return ", ".join(self.reasons)


@dataclass(frozen=True, slots=True)
class EventSuggestion:
    event_id: EventId
    score: float
    explanation: str
    best: Match


def _role_reasons(q: ClaimFrame, c: ClaimFrame) -> tuple[float, list[str]]:
    score, same = 0.0, list[str]()
    if q.claimant_id is not None and q.claimant_id == c.claimant_id:
        score, same = score + 0.30, [*same, "claimant"]
    if q.addressee_id is not None and q.addressee_id == c.addressee_id:
        score, same = score + 0.25, [*same, "addressee"]
    if q.object_id is not None and q.object_id == c.object_id:
        score, same = score + 0.05, [*same, "object"]
    reasons = [f"same {' and '.join(same)}"] if same else []
    if (q.claimant_id is not None and q.claimant_id == c.addressee_id
            and q.addressee_id is not None and q.addressee_id == c.claimant_id):
        score += 0.15
        reasons.append("claimant and addressee swapped")
    return score, reasons


def score(q: ClaimFrame, c: ClaimFrame) -> Match:
    """How likely ``c`` reports the same event as ``q``, with the reasons."""
    total, reasons = _role_reasons(q, c)
    iq, ic = frames.frame_interval(q), frames.frame_interval(c)
    if iq is not None and ic is not None:
        common = frames.overlap(iq, ic)
        gap = frames.gap_days(iq, ic)
        if common is None and gap <= frames.CLOSE_DAYS:
            total -= 0.10
            reasons.append(f"dates {gap} day{'s' if gap > 1 else ''} apart")
        elif common is None:
            total -= 0.40
            reasons.append("dates do not overlap")
        else:
            total += 0.20
            reasons.append(f"dates overlap {frames.describe(common)}")
    if q.event_type and q.event_type == c.event_type:
        total += 0.10
        reasons.append(f"same event type {q.event_type}")
    similarity = frames.text_similarity(q.text, c.text)
    if similarity >= 0.5:
        reasons.append(f"similar demand ({round(similarity * 100)}%)")
    total += 0.25 * similarity
    return Match(c, round(total, 4), tuple(reasons))


def _candidates(reads: FrameReads, q: ClaimFrame, viewer: str | None) -> list[ClaimFrame]:
    actors: list[tuple[str, ActorId]] = []
    for actor in (q.claimant_id, q.addressee_id):
        if actor is not None:
            actors += [("claimant", actor), ("addressee", actor)]
    span = frames.frame_interval(q)
    ranges = frames.index_ranges(frames.widened(span)) if span is not None else []
    return reads.candidate_frames(actors, ranges, annotator=viewer, viewer=viewer,
                                  limit=CANDIDATE_LIMIT)


def claim_matches(reads: FrameReads, claim_id: ClaimId, *, viewer: str | None = None,
                  limit: int = 20) -> list[Match]:
    """Claims in other documents that probably report the same event, best first."""
    found = reads.claim_frames([claim_id], viewer)
    if not found:
        raise KeyError(f"no claim with id {claim_id}")
    q = found[0]
    matches = [score(q, c) for c in _candidates(reads, q, viewer)
               if c.doc_id != q.doc_id and c.claim_id != q.claim_id]
    matches = [m for m in matches if m.score >= THRESHOLD]
    matches.sort(key=lambda m: (-m.score, m.frame.claim_id))
    return matches[:limit]


def event_suggestions(reads: FrameReads, claim_id: ClaimId, *, viewer: str | None = None,
                      limit: int = 10) -> list[EventSuggestion]:
    """Events the claim probably belongs to (through their claims), best first; the
    claim's own event is left out."""
    own = reads.claim_frames([claim_id], viewer)
    own_event = own[0].event_id if own else None
    best: dict[EventId, Match] = {}
    for match in claim_matches(reads, claim_id, viewer=viewer, limit=CANDIDATE_LIMIT):
        event_id = match.frame.event_id
        if event_id is None or event_id == own_event:
            continue
        if event_id not in best or match.score > best[event_id].score:
            best[event_id] = match
    ranked = sorted(best.items(), key=lambda kv: (-kv[1].score, kv[0]))[:limit]
    return [EventSuggestion(e, m.score, m.explanation, m) for e, m in ranked]
