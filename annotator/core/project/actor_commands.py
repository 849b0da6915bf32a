"""Reversible edits of the shared actor registry: add, update, merge and delete.

Same contract as :mod:`annotator.core.project.commands` (``apply`` and
``revert`` over the Project, each one transaction, no Qt). Reverting a
deletion or a merge puts the actor back with its id and key, so mentions and
later commands that name it by id keep working; reverting a merge also points
exactly the spans and claim roles that had named the dropped actor back at it.
Adding, editing and deleting check, as the annotation commands do, that the
actor is still what the step left before undoing or redoing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.core.models import Actor, ActorId, Changes
from annotator.core.project import Project
from annotator.core.project.commands import Command, expect

if TYPE_CHECKING:
    from annotator.core.store.actors import ActorReferences


def _actor_now(project: Project, actor_id: ActorId) -> Actor | None:
    try:
        return project.actor(actor_id)
    except KeyError:
        return None


def _expect_actor(project: Project, actor_id: ActorId, recorded: Actor | None) -> None:
    name = recorded.canonical_name if recorded is not None else f"#{actor_id}"
    expect(_actor_now(project, actor_id), recorded, f"the actor {name}")

ACTOR_EDITABLE = ("canonical_name", "aliases", "qid", "country", "sector", "actor_type",
                  "title")
"""The fields :class:`UpdateActor` may change (the key stays: files refer to it)."""


class AddActor(Command):
    """A new registry actor; revert deletes it, apply again restores it with the same id."""

    def __init__(self, canonical_name: str, **fields: Any) -> None:
        self.canonical_name = canonical_name
        self.fields = fields
        self.text = f"new actor {canonical_name}"
        self.actor: Actor | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        if self.actor is None:
            changes = project.add_actor(self.canonical_name, **self.fields)
            self.actor = changes.after
            return [changes]
        with project._repo.write():
            _expect_actor(project, self.actor.id, None)
            return [project.restore_actor(self.actor)]

    def revert(self, project: Project) -> list[Changes[object]]:
        assert self.actor is not None, "revert before apply"
        with project._repo.write():
            _expect_actor(project, self.actor.id, self.actor)
            return [project.delete_actor(self.actor.id)]


class UpdateActor(Command):
    """Change the name, aliases or other fields of one actor; revert restores them."""

    def __init__(self, actor_id: ActorId, **fields: Any) -> None:
        unknown = set(fields) - set(ACTOR_EDITABLE)
        if unknown:
            raise ValueError(f"actors cannot change {', '.join(sorted(unknown))}")
        self.actor_id = actor_id
        self.fields = fields
        self.text = f"edit actor {fields.get('canonical_name', '')}".rstrip()
        self.before: Actor | None = None
        self.after: Actor | None = None
        self._reverted: Actor | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        with project._repo.write():
            if self._reverted is not None:
                _expect_actor(project, self.actor_id, self._reverted)
            changes = project.update_actor(self.actor_id, **self.fields)
        self.before, self.after = changes.before, changes.after
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        assert self.before is not None, "revert before apply"
        old = {name: getattr(self.before, name) for name in self.fields}
        with project._repo.write():
            _expect_actor(project, self.actor_id, self.after)
            changes = project.update_actor(self.actor_id, **old)
        self._reverted = changes.after
        return [changes]


class MergeActors(Command):
    """Fold ``drop`` into ``keep``; revert separates them again as they were."""

    def __init__(self, keep: ActorId, drop: ActorId) -> None:
        self.keep = keep
        self.drop = drop
        self.text = "merge actors"
        self.kept: Actor | None = None
        self.dropped: Actor | None = None
        self.moved: ActorReferences | None = None
        self.merged: Actor | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        with project._repo.write():  # what moves is read in the merge's own transaction
            if self.merged is not None:  # a redo: both actors as the undo left them
                _expect_actor(project, self.keep, self.kept)
                _expect_actor(project, self.drop, self.dropped)
            kept, moved = project.actor(self.keep), project.actor_references(self.drop)
            changes = project.merge_actors(self.keep, self.drop)
        self.kept, self.dropped, self.moved = kept, changes.before, moved
        self.merged = changes.after
        self.text = f"merge {self.dropped.canonical_name} into {kept.canonical_name}" \
            if self.dropped else self.text
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        assert self.kept and self.dropped and self.moved is not None, "revert before apply"
        with project._repo.write():
            _expect_actor(project, self.keep, self.merged)
            _expect_actor(project, self.drop, None)
            changes = project.unmerge_actors(self.kept, self.dropped, self.moved)
        return [changes]


class DeleteActor(Command):
    """Delete an actor nobody mentions (the façade refuses otherwise); revert restores it."""

    def __init__(self, actor_id: ActorId) -> None:
        self.actor_id = actor_id
        self.text = "delete actor"
        self.before: Actor | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        with project._repo.write():
            if self.before is not None:  # a redo: the actor must be as the undo put it back
                _expect_actor(project, self.actor_id, self.before)
            changes = project.delete_actor(self.actor_id)
        self.before = changes.before
        if self.before is not None:
            self.text = f"delete actor {self.before.canonical_name}"
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        assert self.before is not None, "revert before apply"
        with project._repo.write():
            _expect_actor(project, self.actor_id, None)
            return [project.restore_actor(self.before)]
