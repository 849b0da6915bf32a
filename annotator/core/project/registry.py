"""Editing the actor registry: add, update, delete, merge, and the undo of each.

One transaction and one history entry per call, like every façade edit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from annotator.core.errors import ValidationError  # noqa: F401 - re-exported
from annotator.core.models import (
    Actor,
    ActorId,
    Alias,
    ChangeKind,
    Changes,
)
from annotator.core.project import rules
from annotator.core.project.base import ProjectBase, _plain
from annotator.core.store.actors import ActorReferences


class RegistryEditing(ProjectBase):
    """The registry half of the façade's editing methods."""

    # ------------------------------------------------------------------ actors

    def add_actor(self, canonical_name: str, *, aliases: Sequence[Alias | str] = (),
                  key: str = "", **fields: str) -> Changes[Actor]:
        """A new registry actor; ``key`` defaults to a slug of the name."""
        name = rules.canonical_name(canonical_name)
        key = key or rules.unique_key(self._repo, canonical_name)
        if self._repo.actor_by_key(key) is not None:
            raise ValidationError(f"an actor with key {key!r} already exists")
        actor = Actor(ActorId(0), key, name, rules.aliases(aliases),
                      **rules.actor_fields(fields))
        with self._repo.write():
            actor_id = self._repo.insert_actor(actor)
            stored = self._repo.actor(actor_id)
            self._repo.log("", "add", "actor", actor_id, None, None, _plain(stored))
        return Changes(ChangeKind.ACTORS, (), (actor_id,), None, stored)

    def update_actor(self, actor_id: ActorId, **fields: Any) -> Changes[Actor]:
        before = self._repo.actor(actor_id)
        if "aliases" in fields:
            fields["aliases"] = rules.aliases(fields["aliases"])
        after = dataclasses.replace(before, **fields)
        rules.canonical_name(after.canonical_name)
        with self._repo.write():
            self._repo.update_actor(after)
            self._repo.log("", "update", "actor", actor_id, None, _plain(before), _plain(after))
        return Changes(ChangeKind.ACTORS, (), (actor_id,), before, after)

    def delete_actor(self, actor_id: ActorId) -> Changes[Actor]:
        """Delete an actor nobody points to; refused with the count otherwise."""
        before = self._repo.actor(actor_id)
        mentions = self._repo.actor_mentions(actor_id)
        if mentions:
            raise ValidationError(
                f"{before.canonical_name} is used by {mentions} annotation(s); "
                "merge it into another actor instead")
        with self._repo.write():
            self._repo.delete_actor(actor_id)
            self._repo.log("", "remove", "actor", actor_id, None, _plain(before), None)
        return Changes(ChangeKind.ACTORS, (), (actor_id,), before, None)

    def merge_actors(self, keep: ActorId, drop: ActorId) -> Changes[Actor]:
        """Fold ``drop`` into ``keep``: its names become aliases, its mentions follow."""
        if keep == drop:
            raise ValidationError("cannot merge an actor into itself")
        kept, dropped = self._repo.actor(keep), self._repo.actor(drop)
        names = [*kept.aliases, Alias(dropped.canonical_name), *dropped.aliases]
        merged = dataclasses.replace(kept, aliases=rules.aliases(names),
                                     qid=kept.qid or dropped.qid,
                                     country=kept.country or dropped.country,
                                     sector=kept.sector or dropped.sector,
                                     actor_type=kept.actor_type or dropped.actor_type,
                                     title=kept.title or dropped.title)
        with self._repo.write():
            self._repo.repoint_actor(drop, keep)
            self._repo.update_actor(merged)
            self._repo.delete_actor(drop)
            self._repo.log("", "merge", "actor", keep, None,
                          {"keep": _plain(kept), "drop": _plain(dropped)}, _plain(merged))
        return Changes(ChangeKind.ACTORS, (), (keep, drop), dropped, merged)

    def restore_actor(self, actor: Actor) -> Changes[Actor]:
        """Put a deleted actor back as it was, with its id and key (undo of a deletion)."""
        self._check_restorable(actor)
        with self._repo.write():
            actor_id = self._repo.insert_actor(actor, keep_id=True)
            stored = self._repo.actor(actor_id)
            self._repo.log("", "restore", "actor", actor_id, None, None, _plain(stored))
        return Changes(ChangeKind.ACTORS, (), (actor_id,), None, stored)

    def actor_references(self, actor_id: ActorId) -> ActorReferences:
        """The spans and claim roles that point to an actor: what a merge moves."""
        return self._repo.actor_references(actor_id)

    def unmerge_actors(self, kept: Actor, dropped: Actor,
                       moved: ActorReferences) -> Changes[Actor]:
        """Undo :meth:`merge_actors`: ``kept`` as it was before, ``dropped`` back with its
        id, and the ``moved`` references pointing to it again (one transaction)."""
        self._check_restorable(dropped)
        with self._repo.write():
            self._repo.insert_actor(dropped, keep_id=True)
            self._repo.update_actor(kept)
            self._repo.point_references(moved, dropped.id)
            self._repo.log("", "unmerge", "actor", kept.id, None, None,
                          {"keep": _plain(kept), "drop": _plain(dropped)})
        return Changes(ChangeKind.ACTORS, (), (kept.id, dropped.id), None,
                       self._repo.actor(kept.id))

    def _check_restorable(self, actor: Actor) -> None:
        if self._repo.actors(ids=[actor.id]) or self._repo.actor_by_key(actor.key) is not None:
            raise ValidationError(f"{actor.canonical_name} cannot come back: another actor "
                                  f"now has its id or its key {actor.key!r}")
