"""The event records: plain frozen dataclasses, shared by the store and the services.

An :class:`Event` carries its claim links (:class:`EventLink`) and its
participants, so one value is the whole state of an event: undo records the
states an edit replaced and puts them back as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NewType

from annotator.core.models import ActorId, ClaimId

EventId = NewType("EventId", int)

ROLES = ("claimant", "addressee", "object")
"""The claim roles a participant can hold (PLOVER: actor, recipient, and on whose behalf)."""


@dataclass(frozen=True, slots=True)
class Participant:
    actor_id: ActorId
    role: str


@dataclass(frozen=True, slots=True)
class EventLink:
    """A claim placed in an event by ``linked_by`` (the claim's annotator or a reviewer)."""

    claim_id: ClaimId
    linked_by: str


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event, above the claims that report it.

    ``earliest``/``latest`` are ISO dates (the range the linked claims' TIMEX
    values allow; '' when none resolves); ``created_by`` owns it for blind
    annotation (an annotator sees the events they made, a reviewer all).
    """

    id: EventId
    uid: str
    label: str
    created_by: str
    event_type: str = ""
    place: str = ""
    earliest: str = ""
    latest: str = ""
    note: str = ""
    participants: tuple[Participant, ...] = ()
    links: tuple[EventLink, ...] = ()

    @property
    def claim_ids(self) -> tuple[ClaimId, ...]:
        return tuple(link.claim_id for link in self.links)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "uid": self.uid, "label": self.label,
                "created_by": self.created_by, "event_type": self.event_type,
                "place": self.place, "earliest": self.earliest, "latest": self.latest,
                "note": self.note,
                "participants": [[p.actor_id, p.role] for p in self.participants],
                "links": [[link.claim_id, link.linked_by] for link in self.links]}


EVENT_FIELDS = ("label", "event_type", "place", "earliest", "latest", "note")
"""The fields of an event a person edits (rename and describe)."""


@dataclass(frozen=True, slots=True)
class ClaimFrame:
    """What suggestion ranking needs of a claim, read in one query."""

    claim_id: ClaimId
    doc_id: int
    annotator: str
    claimant_id: ActorId | None
    addressee_id: ActorId | None
    object_id: ActorId | None
    event_type: str
    date_value: str
    date_mod: str
    position: int | None
    factuality: str
    text: str
    """The gloss and the demand spans' text, joined."""
    info_credibility: str = ""
    event_id: EventId | None = None
    """The event this claim is linked to (as the viewer sees it), if any."""
