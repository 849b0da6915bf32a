"""What an event takes from its claims: participants, date range and (if unset) type.

Every event edit (``project.events``), the native import and the package merge
derive these the same way, so an event that came from a file or a package looks
as if it had been edited here.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from annotator.core.events import frames
from annotator.core.events.records import ClaimFrame, Event, Participant


def derived(event: Event, claims: Sequence[ClaimFrame]) -> Event:
    """The event with participants, date range and (if unset) type from its claims.

    The date range is the days every linked claim's TIMEX value allows, or their
    hull when they disagree; participants are the claimant, addressee and object
    of the claims."""
    participants = sorted({Participant(actor, role) for c in claims for actor, role in
                           ((c.claimant_id, "claimant"), (c.addressee_id, "addressee"),
                            (c.object_id, "object")) if actor is not None},
                          key=lambda p: (p.role, p.actor_id))
    spans = [s for s in (frames.frame_interval(c) for c in claims) if s is not None]
    earliest = latest = ""
    if spans:
        lo, hi = max(s[0] for s in spans), min(s[1] for s in spans)
        if lo > hi:
            lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
        earliest, latest = lo.isoformat(), hi.isoformat()
    types = Counter(c.event_type for c in claims if c.event_type)
    event_type = event.event_type or (types.most_common(1)[0][0] if types else "")
    return dataclasses.replace(event, participants=tuple(participants), earliest=earliest,
                               latest=latest, event_type=event_type)
