"""The actor registry: actors, their aliases, and the spans that mention them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.models import (
    Actor,
    ActorId,
    Alias,
    ClaimId,
    Outlet,
    SpanId,
)
from annotator.core.store.base import StoreBase

_ACTOR_COLUMNS = ("canonical_name", "qid", "country", "sector", "actor_type", "title")
CLAIM_ACTOR_ROLES = ("claimant_id", "addressee_id", "object_id")
"""The claim columns that name a registry actor."""


@dataclass(frozen=True, slots=True)
class ActorReferences:
    """The records pointing to one actor: spans by id, claims by id and role column."""

    spans: tuple[SpanId, ...] = ()
    claims: tuple[tuple[ClaimId, str], ...] = ()


class ActorStore(StoreBase):
    """The actor registry: actors, their aliases, and the spans that mention them."""

    # ------------------------------------------------------------------ actors

    def insert_actor(self, actor: Actor, *, keep_id: bool = False) -> ActorId:
        values = [getattr(actor, c) for c in _ACTOR_COLUMNS]
        if keep_id:
            cur = self.conn.execute(
                f"INSERT INTO actors(id, key, {', '.join(_ACTOR_COLUMNS)}) "
                "VALUES (?,?,?,?,?,?,?,?)", (actor.id, actor.key, *values))
        else:
            cur = self.conn.execute(
                f"INSERT INTO actors(key, {', '.join(_ACTOR_COLUMNS)}) VALUES (?,?,?,?,?,?,?)",
                (actor.key, *values))
        actor_id = ActorId(int(cur.lastrowid or 0))
        self._set_aliases(actor_id, actor.aliases)
        return actor_id

    def _set_aliases(self, actor_id: ActorId, aliases: Sequence[Alias]) -> None:
        self.conn.execute("DELETE FROM actor_aliases WHERE actor_id = ?", (actor_id,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO actor_aliases(actor_id, alias, lang) VALUES (?,?,?)",
            [(actor_id, a.alias, a.lang or "*") for a in aliases],
        )

    def update_actor(self, actor: Actor) -> None:
        assignments = ", ".join(f"{c} = ?" for c in _ACTOR_COLUMNS)
        self.conn.execute(f"UPDATE actors SET key = ?, {assignments} WHERE id = ?",
                          (actor.key, *[getattr(actor, c) for c in _ACTOR_COLUMNS], actor.id))
        self._set_aliases(actor.id, actor.aliases)

    def actor(self, actor_id: ActorId) -> Actor:
        actors = self.actors(ids=[actor_id])
        if not actors:
            raise KeyError(f"no actor with id {actor_id}")
        return actors[0]

    def actor_by_key(self, key: str) -> Actor | None:
        value = self._one("SELECT id FROM actors WHERE key = ?", (key,))
        return None if value is None else self.actor(ActorId(int(value)))

    def actors(self, ids: Sequence[int] | None = None) -> list[Actor]:
        sql = f"SELECT id, key, {', '.join(_ACTOR_COLUMNS)} FROM actors"
        params: list[Any] = []
        if ids is not None:
            sql += f" WHERE id IN ({', '.join('?' * len(ids))})"
            params = list(ids)
        rows = self.conn.execute(sql + " ORDER BY canonical_name COLLATE NOCASE, id",
                                 params).fetchall()
        aliases: dict[int, list[Alias]] = {}
        alias_sql = "SELECT actor_id, alias, lang FROM actor_aliases"
        if ids is not None:
            alias_sql += f" WHERE actor_id IN ({', '.join('?' * len(ids))})"
        for actor_id, alias, lang in self.conn.execute(alias_sql + " ORDER BY id", params):
            aliases.setdefault(actor_id, []).append(Alias(alias, lang))
        return [
            Actor(ActorId(r[0]), r[1], r[2], tuple(aliases.get(r[0], ())), r[3], r[4], r[5],
                  r[6], r[7])
            for r in rows
        ]

    def actor_mentions(self, actor_id: ActorId) -> int:
        spans = self._one("SELECT COUNT(*) FROM spans WHERE actor_id = ?", (actor_id,))
        claims = self._one(
            "SELECT COUNT(*) FROM claims WHERE ? IN (claimant_id, addressee_id, object_id)",
            (actor_id,))
        return int(spans) + int(claims)

    def delete_actor(self, actor_id: ActorId) -> None:
        self.conn.execute("DELETE FROM actors WHERE id = ?", (actor_id,))

    def repoint_actor(self, old: ActorId, new: ActorId) -> None:
        self.conn.execute("UPDATE spans SET actor_id = ? WHERE actor_id = ?", (new, old))
        for column in ("claimant_id", "addressee_id", "object_id"):
            self.conn.execute(f"UPDATE claims SET {column} = ? WHERE {column} = ?", (new, old))

    def actor_references(self, actor_id: ActorId) -> ActorReferences:
        """The spans and claim roles that point to ``actor_id`` (what a merge moves)."""
        spans = tuple(SpanId(r[0]) for r in self.conn.execute(
            "SELECT id FROM spans WHERE actor_id = ? ORDER BY id", (actor_id,)))
        claims = tuple(
            (ClaimId(r[0]), column) for column in CLAIM_ACTOR_ROLES
            for r in self.conn.execute(f"SELECT id FROM claims WHERE {column} = ? ORDER BY id",
                                       (actor_id,)))
        return ActorReferences(spans, claims)

    def point_references(self, references: ActorReferences, actor_id: ActorId) -> None:
        """Make exactly the listed spans and claim roles point to ``actor_id`` again."""
        self.conn.executemany("UPDATE spans SET actor_id = ? WHERE id = ?",
                              [(actor_id, span_id) for span_id in references.spans])
        for claim_id, column in references.claims:
            if column not in CLAIM_ACTOR_ROLES:
                raise ValueError(f"claims have no actor role {column!r}")
            self.conn.execute(f"UPDATE claims SET {column} = ? WHERE id = ?",
                              (actor_id, claim_id))


class OutletStore(StoreBase):
    """The project's outlet list (name, domains, text signatures, default grade)."""

    def outlets(self) -> list[Outlet]:
        return [Outlet(name, tuple(json.loads(domains)), tuple(json.loads(signatures)), grade)
                for name, domains, signatures, grade in self.conn.execute(
                    "SELECT name, domains, signatures, grade FROM outlets ORDER BY name")]

    def upsert_outlet(self, outlet: Outlet) -> bool:
        """Add the outlet or replace the one of the same name; True when it was added."""
        added = self.conn.execute("SELECT 1 FROM outlets WHERE name = ?",
                                  (outlet.name,)).fetchone() is None
        self.conn.execute(
            "INSERT INTO outlets(name, domains, signatures, grade) VALUES (?,?,?,?) "
            "ON CONFLICT(name) DO UPDATE SET domains = excluded.domains, "
            "signatures = excluded.signatures, grade = excluded.grade",
            (outlet.name, json.dumps(list(outlet.domains), ensure_ascii=False),
             json.dumps(list(outlet.signatures), ensure_ascii=False), outlet.grade))
        return added
