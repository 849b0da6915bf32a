"""Undoable event edits: create, rename, merge, split, delete, link and unlink claims.

Every event edit returns the states of the events it touched before and
after (:data:`~annotator.core.project.events.EventStates`), so one command
class undoes them all: revert checks (in the same write transaction) that
those events are still exactly as the edit left them and puts back the
states before; redo checks they are as the undo left them and puts back the
states after. A change by another window or process in between raises
:class:`~annotator.core.errors.StaleEditError` and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator.core.events.records import EventId
from annotator.core.models import Changes, ClaimId
from annotator.core.project import Project
from annotator.core.project.commands import Command, expect
from annotator.core.project.events import EventStates


class EventEdit(Command):
    """One event edit; subclasses say what the first application does."""

    def __init__(self, by: str, text: str) -> None:
        self.by = by
        self.text = text
        self.before: EventStates | None = None
        self.after: EventStates | None = None

    def first(self, project: Project) -> Changes[EventStates]:
        raise NotImplementedError

    def _now(self, project: Project, states: EventStates) -> EventStates:
        return tuple((uid, project._repo.event_by_uid(uid)) for uid, _ in states)

    def _replay(self, project: Project, expected: EventStates, target: EventStates
                ) -> list[Changes[object]]:
        with project._repo.write():
            expect(self._now(project, expected), expected, "an event")
            return [project.events.restore(target, self.by)]

    def apply(self, project: Project) -> list[Changes[object]]:
        if self.before is None or self.after is None:
            changes = self.first(project)
            self.before, self.after = changes.before, changes.after
            return [changes]
        return self._replay(project, self.before, self.after)

    def revert(self, project: Project) -> list[Changes[object]]:
        assert self.before is not None and self.after is not None, "revert before apply"
        return self._replay(project, self.after, self.before)

    @property
    def created(self) -> EventId | None:
        """The id of the event this edit created (create and split), once applied."""
        for (_uid, old), (_u, new) in zip(self.before or (), self.after or (), strict=True):
            if old is None and new is not None:
                return new.id
        return None


class _Call(EventEdit):
    def __init__(self, by: str, text: str, call: Callable[[Project], Changes[EventStates]]
                 ) -> None:
        super().__init__(by, text)
        self._call = call

    def first(self, project: Project) -> Changes[EventStates]:
        return self._call(project)


def create_event(by: str, label: str = "", claim_ids: Sequence[ClaimId] = (),
                 **fields: str) -> EventEdit:
    return _Call(by, "create event",
                 lambda p: p.events.create(by, label, tuple(claim_ids), **fields))


def rename_event(event_id: EventId, by: str, label: str, **fields: str) -> EventEdit:
    return _Call(by, "rename event", lambda p: p.events.update(event_id, by, label=label,
                                                                  **fields))


def merge_events(target_id: EventId, source_ids: Sequence[EventId], by: str) -> EventEdit:
    return _Call(by, "merge events", lambda p: p.events.merge(target_id, tuple(source_ids), by))


def split_event(event_id: EventId, claim_ids: Sequence[ClaimId], by: str,
                label: str = "") -> EventEdit:
    return _Call(by, "split event",
                 lambda p: p.events.split(event_id, tuple(claim_ids), by, label))


def delete_event(event_id: EventId, by: str) -> EventEdit:
    return _Call(by, "delete event", lambda p: p.events.delete(event_id, by))


def link_claim(event_id: EventId, claim_id: ClaimId, by: str) -> EventEdit:
    return _Call(by, "add claim to event", lambda p: p.events.link(event_id, claim_id, by))


def unlink_claim(claim_id: ClaimId, by: str) -> EventEdit:
    return _Call(by, "take claim out of event", lambda p: p.events.unlink(claim_id, by))
