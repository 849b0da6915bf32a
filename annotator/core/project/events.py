"""``project.events``: events above claims, their edits, and what they tell about a claim.

Every edit is one transaction with one history entry per event it touched
(entity ``event``) and returns ``Changes[EventStates]``: the states of those
events before and after (``None`` where an event did not or no longer
exists), which is all :mod:`annotator.core.project.event_commands` needs to
undo it. Who may do what (blind annotation):

- an annotator sees the events they created and their own claim links; a
  reviewer (no viewer; the gold pseudo-annotator when editing) sees all;
- an event is edited by its creator or the reviewer; a claim is linked or
  unlinked by its own annotator or the reviewer; a claim is in one event.

Participants (claimant, addressee, object of the linked claims) and the date
range (the days every linked claim's TIMEX value allows; their hull when they
disagree) follow the links; the label, type, place and note are the user's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from annotator.core.errors import ValidationError
from annotator.core.events.records import (
    EVENT_FIELDS,
    ClaimFrame,
    Event,
    EventId,
    EventLink,
)
from annotator.core.models import GOLD, ChangeKind, Changes, ClaimId, DocId, new_uid

if TYPE_CHECKING:
    from annotator.core.events import corroboration, evidence, identity, suggest
    from annotator.core.project import Project

EventStates = tuple[tuple[str, Event | None], ...]
"""(uid, state) of each event an edit touched; None: absent."""


def _may_edit(event: Event, by: str) -> None:
    if by not in (event.created_by, GOLD):
        raise ValidationError(f"the event \"{event.label}\" was created by {event.created_by!r}; "
                              f"only they or the reviewer can change it, not {by!r}")


def _derived(event: Event, claims: Sequence[ClaimFrame]) -> Event:
    """The event with participants, date range and (if unset) type from its claims."""
    from annotator.core.events import derive  # the services load when first used

    return derive.derived(event, claims)


class Events:
    """``project.events``: create, merge, split, rename events; link claims; read them."""

    def __init__(self, project: Project) -> None:
        self._project = project

    @property
    def _repo(self) -> Any:
        return self._project._repo

    # ------------------------------------------------------------------ reads

    def all(self, viewer: str | None = None) -> list[Event]:
        """The events ``viewer`` sees (None: a reviewer, all), with the links they see."""
        events = self._repo.events(created_by=viewer)
        if viewer is None:
            return [*events]
        return [dataclasses.replace(e, links=tuple(k for k in e.links if k.linked_by == viewer))
                for e in events]

    def get(self, event_id: EventId) -> Event:
        """One event by id, all its links (``KeyError`` when there is none)."""
        result: Event = self._repo.event(event_id)
        return result

    def of_claim(self, claim_id: ClaimId, viewer: str | None = None) -> Event | None:
        """The event ``viewer`` has the claim in (a reviewer: anyone's link)."""
        link = self._repo.event_link(claim_id)
        if link is None or (viewer is not None and link[1] != viewer):
            return None
        return self.get(link[0])

    def frames(self, claim_ids: Iterable[ClaimId], viewer: str | None = None
               ) -> list[ClaimFrame]:
        """The claims as the event services read them (text = gloss and demand spans)."""
        result: list[ClaimFrame] = self._repo.claim_frames(list(claim_ids), viewer)
        return result

    def claim_refs(self, claim_ids: Iterable[ClaimId]) -> dict[ClaimId, tuple[str, str, DocId]]:
        """(uid, annotator, document) of each claim: how files and packages name links."""
        result: dict[ClaimId, tuple[str, str, DocId]] = self._repo.claim_refs(claim_ids)
        return result

    def loose(self, viewer: str | None = None, limit: int = 2000) -> list[ClaimFrame]:
        """Claims in no event as ``viewer`` sees it (their own claims; a reviewer: all)."""
        result: list[ClaimFrame] = self._repo.unlinked_frames(viewer, limit)
        return result

    def claim_line_documents(self, limit: int = 1000) -> list[tuple[DocId, str, str]]:
        """Documents with a claim line to check: (id, outlet or title, claim line)."""
        result: list[tuple[DocId, str, str]] = self._repo.claim_line_documents(limit)
        return result

    # ----------------------------------------------------------------- writes

    def restore(self, states: EventStates, by: str) -> Changes[EventStates]:
        """Put the events named in ``states`` in exactly those states (undo and redo)."""
        with self._repo.write():
            before = tuple((uid, self._repo.event_by_uid(uid)) for uid, _ in states)
            for _uid, old in before:
                if old is not None:
                    self._repo.delete_event(old.id)
            for _uid, state in states:
                if state is not None:
                    self._repo.put_event(state, keep_id=state.id != 0)
            after = tuple((uid, self._repo.event_by_uid(uid)) for uid, _ in states)
            for (uid, old), (_, new) in zip(before, after, strict=True):
                if old != new:
                    operation = "add" if old is None else "remove" if new is None else "update"
                    entity_id = (new or old).id if (new or old) else uid
                    self._repo.log(by, operation, "event", entity_id, None,
                                   None if old is None else old.to_dict(),
                                   None if new is None else new.to_dict())
        return self._changes(before, after)

    def _changes(self, before: EventStates, after: EventStates) -> Changes[EventStates]:
        claim_ids = {c for _, e in (*before, *after) if e is not None for c in e.claim_ids}
        docs = tuple(sorted({DocId(f.doc_id) for f in self.frames(claim_ids)}))
        ids = tuple(sorted({e.id for _, e in after if e is not None}))
        return Changes(ChangeKind.EVENTS, docs, ids, before, after)

    def _with_claims(self, event: Event) -> Event:
        return _derived(event, self.frames(event.claim_ids))

    def _link_checked(self, claim_id: ClaimId, by: str) -> EventLink:
        claim = self._repo.claim(claim_id)
        if by not in (claim.annotator, GOLD):
            raise ValidationError(f"this claim belongs to {claim.annotator!r}; only they or the "
                                  f"reviewer can place it in an event, not {by!r}")
        return EventLink(claim_id, by)

    def _states_with_moves(self, changed: Sequence[Event], by: str) -> EventStates:
        """``changed`` plus the other events that lose a claim ``changed`` takes."""
        taken = {c for e in changed for c in e.claim_ids}
        mine = {e.uid for e in changed}
        states: list[tuple[str, Event | None]] = [(e.uid, self._with_claims(e)) for e in changed]
        for claim_id in sorted(taken):
            link = self._repo.event_link(claim_id)
            if link is None:
                continue
            other = self._repo.event(link[0])
            if other.uid in mine:
                continue
            if link[1] != by:  # another's link: only who may edit that event moves it
                _may_edit(other, by)
            left = dataclasses.replace(other, links=tuple(k for k in other.links
                                                          if k.claim_id not in taken))
            states.append((other.uid, self._with_claims(left)))
            mine.add(other.uid)
        return tuple(states)

    def create(self, by: str, label: str = "", claim_ids: Sequence[ClaimId] = (),
               **fields: str) -> Changes[EventStates]:
        """A new event by ``by`` holding ``claim_ids`` (taken out of any other event)."""
        self._check_fields(fields)
        if not by.strip():
            raise ValidationError("an event needs the name of whoever creates it")
        with self._repo.write():
            links = tuple(self._link_checked(c, by) for c in dict.fromkeys(claim_ids))
            event = dataclasses.replace(
                Event(EventId(0), new_uid(), label.strip() or self._default_label(links), by,
                      links=links), **fields)  # type: ignore[arg-type]
            return self.restore(self._states_with_moves([event], by), by)

    def _default_label(self, links: Sequence[EventLink]) -> str:
        """``Claimant → addressee, date`` of the first claim ("new event" without one)."""
        found = self.frames(k.claim_id for k in links)
        if not found:
            return "new event"
        first = found[0]
        names = [self._project.actor(a).canonical_name
                 for a in (first.claimant_id, first.addressee_id) if a is not None]
        label = " → ".join(names) or first.text[:40] or "new event"
        return f"{label}, {first.date_value}" if first.date_value else label

    @staticmethod
    def _check_fields(fields: dict[str, Any]) -> None:
        unknown = set(fields) - set(EVENT_FIELDS)
        if unknown:
            raise ValidationError(f"events have no field {', '.join(sorted(unknown))}")

    def update(self, event_id: EventId, by: str, **fields: str) -> Changes[EventStates]:
        """Rename or describe an event (label, event_type, place, earliest, latest, note)."""
        self._check_fields(fields)
        if "label" in fields and not str(fields["label"]).strip():
            raise ValidationError("an event needs a label")
        with self._repo.write():
            event = self.get(event_id)
            _may_edit(event, by)
            after = dataclasses.replace(event, **fields)  # type: ignore[arg-type]
            return self.restore(((event.uid, after),), by)

    def link(self, event_id: EventId, claim_id: ClaimId, by: str) -> Changes[EventStates]:
        """Place a claim in an event (out of the one it was in)."""
        with self._repo.write():
            event = self.get(event_id)
            _may_edit(event, by)
            link = self._link_checked(claim_id, by)
            kept = tuple(k for k in event.links if k.claim_id != claim_id)
            grown = dataclasses.replace(event, links=tuple(sorted(
                (*kept, link), key=lambda k: k.claim_id)))
            return self.restore(self._states_with_moves([grown], by), by)

    def unlink(self, claim_id: ClaimId, by: str) -> Changes[EventStates]:
        """Take a claim out of its event."""
        with self._repo.write():
            self._link_checked(claim_id, by)
            found = self._repo.event_link(claim_id)
            if found is None:
                raise ValidationError("this claim is in no event")
            event = self.get(found[0])
            left = dataclasses.replace(event, links=tuple(k for k in event.links
                                                          if k.claim_id != claim_id))
            return self.restore(((event.uid, self._with_claims(left)),), by)

    def merge(self, target_id: EventId, source_ids: Sequence[EventId], by: str
              ) -> Changes[EventStates]:
        """Move every claim of ``source_ids`` into ``target_id`` and delete the sources."""
        sources = [s for s in dict.fromkeys(source_ids) if s != target_id]
        if not sources:
            raise ValidationError("choose at least one other event to merge into this one")
        with self._repo.write():
            target = self.get(target_id)
            merged = [self.get(s) for s in sources]
            for event in (target, *merged):
                _may_edit(event, by)
            links = sorted({k.claim_id: k for e in (target, *merged) for k in e.links}.values(),
                           key=lambda k: k.claim_id)
            grown = self._with_claims(dataclasses.replace(target, links=tuple(links)))
            states = ((target.uid, grown), *((e.uid, None) for e in merged))
            return self.restore(states, by)

    def split(self, event_id: EventId, claim_ids: Sequence[ClaimId], by: str,
              label: str = "") -> Changes[EventStates]:
        """Move ``claim_ids`` out of an event into a new one (labelled ``label``)."""
        with self._repo.write():
            event = self.get(event_id)
            _may_edit(event, by)
            moving = set(claim_ids)
            if not moving or not moving <= set(event.claim_ids):
                raise ValidationError("choose some of this event's claims to split off")
            if moving == set(event.claim_ids):
                raise ValidationError("splitting off every claim leaves nothing behind; "
                                      "rename the event instead")
            kept = tuple(k for k in event.links if k.claim_id not in moving)
            new = Event(EventId(0), new_uid(), label.strip() or f"{event.label} (split)", by,
                        event_type=event.event_type, place=event.place,
                        links=tuple(k for k in event.links if k.claim_id in moving))
            left = dataclasses.replace(event, links=kept)
            return self.restore(((event.uid, self._with_claims(left)),
                                 (new.uid, self._with_claims(new))), by)

    def delete(self, event_id: EventId, by: str) -> Changes[EventStates]:
        """Delete an event (its claims stay, in no event)."""
        with self._repo.write():
            event = self.get(event_id)
            _may_edit(event, by)
            return self.restore(((event.uid, None),), by)

    # --------------------------------------------------------------- analysis

    def suggestions(self, claim_id: ClaimId, viewer: str | None = None, limit: int = 10
                    ) -> list[suggest.EventSuggestion]:
        """Events the claim probably belongs to, best first, each explained."""
        from annotator.core.events import suggest

        return suggest.event_suggestions(self._repo, claim_id, viewer=viewer, limit=limit)

    def matches(self, claim_id: ClaimId, viewer: str | None = None, limit: int = 20
                ) -> list[suggest.Match]:
        """Claims in other documents that probably report the same event, best first."""
        from annotator.core.events import suggest

        return suggest.claim_matches(self._repo, claim_id, viewer=viewer, limit=limit)

    def corroboration(self, claim_id: ClaimId, viewer: str | None = None
                      ) -> corroboration.Corroboration:
        """Independent outlets agreeing with or contradicting the claim; a suggested grade."""
        from annotator.core.events import corroboration

        found = self.frames([claim_id], viewer)
        if not found:
            raise KeyError(f"no claim with id {claim_id}")
        q = found[0]
        others: list[ClaimFrame] = []
        if q.event_id is not None:
            others = [f for f in self._repo.event_frames(q.event_id)
                      if viewer is None or f.annotator == viewer]
        docs = {DocId(q.doc_id), *(DocId(f.doc_id) for f in others)}
        texts = {d: self._project.text(d) for d in docs}
        return corroboration.corroborate(q, others, texts, self._repo.doc_meta(docs))

    def evidence(self, doc_id: DocId, limit: int = 10
                 ) -> tuple[list[evidence.Passage], evidence.StanceSuggestion]:
        """Passages of other documents on the document's claim line, best first, and the
        stance its own text suggests (docs/events.md)."""
        from annotator.core.events import evidence

        doc = self._project.document(doc_id)
        if not doc.claim.strip():
            raise ValidationError("this document has no claim line to check")
        actors = {a.id: a for a in self._project.actors()}
        line = evidence.read_line(doc.claim, doc.language, doc.published, list(actors.values()))
        ids = self._repo.matching_documents(evidence.search_words(line, actors), doc_id, 200)
        docs = {d: (self._project.text(d), *self._meta_lang(d)) for d in ids}
        own_text = doc.text.replace(doc.claim, " " * len(doc.claim), 1)
        own = evidence.rank(line, {doc_id: (own_text, doc.language, doc.published)}, actors)
        return evidence.rank(line, docs, actors, limit), evidence.stance(own, bool(line.dates))

    def _meta_lang(self, doc_id: DocId) -> tuple[str, str]:
        doc = self._project.document(doc_id)
        return doc.language, doc.published

    def identity_agreement(self, annotators: Sequence[str] | None = None
                           ) -> list[identity.IdentityAgreement]:
        """Pairwise and B-cubed F1 on event identity for each pair of annotators."""
        from annotator.core.events import identity

        names = list(annotators or self._project.annotators())
        clusterings: dict[str, dict[Hashable, Hashable]] = {n: {} for n in names}
        for event in self._repo.events():
            for f in self.frames(event.claim_ids):
                if f.annotator in clusterings:
                    clusterings[f.annotator][(f.doc_id, f.claimant_id, f.addressee_id)] = event.id
        return [identity.compare(a, clusterings[a], b, clusterings[b])
                for i, a in enumerate(names) for b in names[i + 1:]]

    def identity_entries(self, annotators: Sequence[str]) -> list[dict[str, Any]]:
        """Event identity as agreement-report entries (pairwise and B-cubed F1), none when
        no two annotators placed the same report in an event."""
        pairs = [p for p in self.identity_agreement(annotators) if p.units]
        if not pairs:
            return []
        out = []
        for name, attribute in (("pairwise F1", "pairwise_f1"), ("B-cubed F1", "bcubed_f1")):
            values = {f"{p.first}|{p.second}": round(float(getattr(p, attribute)), 4)
                      for p in pairs}
            out.append({"group": "events", "field": "event identity", "coefficient": name,
                        "value": round(sum(values.values()) / len(values), 4),
                        "ci": [None, None], "n_units": max(p.units for p in pairs),
                        "percent_agreement": None, "confusion": [],
                        "pairs": values, "disagreements": []})
        return out
