"""SQL of events: the events, their participants, their claim links, and the reads that
rank candidate events for a claim (annotator.core.events).

An event is written whole: :meth:`EventStore.put_event` replaces the row, its
participants and its links in one go (inside the caller's transaction), so
an undo puts back exactly the state it recorded. Candidate claims are found by
actor and date through the ``claims_claimant_date`` / ``claims_addressee_date``
indexes: one index range per date granularity, never a scan of the claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from annotator.core.events.records import (
    ClaimFrame,
    Event,
    EventId,
    EventLink,
    Participant,
)
from annotator.core.models import ActorId, ClaimId, DocId
from annotator.core.store.base import StoreBase, in_chunks, now

_EVENT_COLUMNS = ("uid", "label", "event_type", "place", "earliest", "latest", "note",
                  "created_by")

_FRAME_SELECT = (
    "SELECT c.id, c.doc_id, a.name, c.claimant_id, c.addressee_id, c.object_id, c.event_type, "
    "c.date_value, c.date_mod, c.position, c.factuality, c.gloss || ' ' || COALESCE(("
    "SELECT group_concat(s.text, ' ') FROM claim_spans cs JOIN spans s ON s.id = cs.span_id "
    "WHERE cs.claim_id = c.id), ''), c.info_credibility, l.event_id, l.linked_by "
    "FROM claims c JOIN annotators a ON a.id = c.annotator_id "
    "LEFT JOIN event_claims l ON l.claim_id = c.id ")


def _frame(row: Sequence[Any], viewer: str | None) -> ClaimFrame:
    visible = row[13] is not None and (viewer is None or row[14] == viewer)
    return ClaimFrame(ClaimId(row[0]), row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                      row[8], row[9], row[10], row[11].strip(), row[12],
                      EventId(row[13]) if visible else None)


class EventStore(StoreBase):
    """Events, participants and claim links."""

    # ------------------------------------------------------------------ reads

    def _event(self, row: Sequence[Any]) -> Event:
        event_id = EventId(row[0])
        participants = tuple(Participant(ActorId(a), r) for a, r in self.conn.execute(
            "SELECT actor_id, role FROM event_actors WHERE event_id = ? ORDER BY role, actor_id",
            (event_id,)))
        links = tuple(EventLink(ClaimId(c), b) for c, b in self.conn.execute(
            "SELECT claim_id, linked_by FROM event_claims WHERE event_id = ? ORDER BY claim_id",
            (event_id,)))
        fields = dict(zip(_EVENT_COLUMNS, row[1:], strict=True))
        return Event(id=event_id, participants=participants, links=links, **fields)

    def event(self, event_id: EventId) -> Event:
        row = self.conn.execute(f"SELECT id, {', '.join(_EVENT_COLUMNS)} FROM events "
                                "WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            raise KeyError(f"no event with id {event_id}")
        return self._event(row)

    def event_by_uid(self, uid: str) -> Event | None:
        row = self.conn.execute(f"SELECT id, {', '.join(_EVENT_COLUMNS)} FROM events "
                                "WHERE uid = ?", (uid,)).fetchone()
        return None if row is None else self._event(row)

    def events(self, created_by: str | None = None) -> list[Event]:
        """Every event (of one creator), with participants and links read in bulk."""
        where, params = ("WHERE created_by = ?", (created_by,)) if created_by is not None \
            else ("", ())
        rows = self.conn.execute(f"SELECT id, {', '.join(_EVENT_COLUMNS)} FROM events "
                                 f"{where} ORDER BY id", params).fetchall()
        chosen = f"(SELECT id FROM events {where})"
        participants: dict[int, list[Participant]] = {}
        for event_id, actor_id, role in self.conn.execute(
                f"SELECT event_id, actor_id, role FROM event_actors WHERE event_id IN {chosen} "
                "ORDER BY event_id, role, actor_id", params):
            participants.setdefault(event_id, []).append(Participant(ActorId(actor_id), role))
        links: dict[int, list[EventLink]] = {}
        for event_id, claim_id, linked_by in self.conn.execute(
                f"SELECT event_id, claim_id, linked_by FROM event_claims WHERE event_id IN "
                f"{chosen} ORDER BY event_id, claim_id", params):
            links.setdefault(event_id, []).append(EventLink(ClaimId(claim_id), linked_by))
        return [Event(id=EventId(r[0]), participants=tuple(participants.get(r[0], ())),
                      links=tuple(links.get(r[0], ())),
                      **dict(zip(_EVENT_COLUMNS, r[1:], strict=True))) for r in rows]

    def event_link(self, claim_id: ClaimId) -> tuple[EventId, str] | None:
        row = self.conn.execute("SELECT event_id, linked_by FROM event_claims WHERE claim_id = ?",
                                (claim_id,)).fetchone()
        return None if row is None else (EventId(row[0]), row[1])

    def claim_refs(self, claim_ids: Iterable[ClaimId]) -> dict[ClaimId, tuple[str, str, DocId]]:
        """(uid, annotator, document) of each claim, for writing links by claim uid."""
        ids = sorted(set(claim_ids))
        out: dict[ClaimId, tuple[str, str, DocId]] = {}
        for part, marks in in_chunks(ids):
            for claim_id, uid, name, doc_id in self.conn.execute(
                    "SELECT c.id, c.uid, a.name, c.doc_id FROM claims c JOIN annotators a "
                    f"ON a.id = c.annotator_id WHERE c.id IN ({marks})", part):
                out[ClaimId(claim_id)] = (uid, name, DocId(doc_id))
        return out

    def event_updated_at(self, event_id: EventId) -> str:
        """When the event was last written (its ``updated_at``)."""
        row = self.conn.execute("SELECT updated_at FROM events WHERE id = ?",
                                (event_id,)).fetchone()
        if row is None:
            raise KeyError(f"no event with id {event_id}")
        return str(row[0])

    def claim_frames(self, claim_ids: Iterable[ClaimId], viewer: str | None = None
                     ) -> list[ClaimFrame]:
        ids = list(claim_ids)
        out: list[ClaimFrame] = []
        for part, marks in in_chunks(ids):
            rows = self.conn.execute(_FRAME_SELECT + f"WHERE c.id IN ({marks}) ORDER BY c.id",
                                     part).fetchall()
            out += [_frame(r, viewer) for r in rows]
        return out

    def candidate_frames(self, actors: Sequence[tuple[str, ActorId]],
                         date_ranges: Sequence[tuple[str, str]], *, annotator: str | None,
                         viewer: str | None, limit: int) -> list[ClaimFrame]:
        """Claims whose claimant or addressee is one of ``actors`` (role, id) and whose
        date value lies in one of ``date_ranges`` (``lo <= date_value < hi``, by string:
        TIMEX values sort by their prefix); no ranges: any date. ``annotator`` limits
        them to one annotator's claims."""
        selects: list[str] = []
        params: list[Any] = []
        for role, actor_id in actors:
            column = "claimant_id" if role == "claimant" else "addressee_id"
            for lo, hi in date_ranges or [("", "\uffff")]:
                selects.append(f"SELECT id FROM claims WHERE {column} = ? "
                               "AND date_value >= ? AND date_value < ?")
                params += [actor_id, lo, hi]
        if not selects:
            return []
        sql = (_FRAME_SELECT + f"WHERE c.id IN ({' UNION '.join(selects)})"
               + (" AND a.name = ?" if annotator is not None else "") + f" LIMIT {int(limit)}")
        if annotator is not None:
            params.append(annotator)
        return [_frame(r, viewer) for r in self.conn.execute(sql, params)]

    def unlinked_frames(self, annotator: str | None, limit: int) -> list[ClaimFrame]:
        """Claims in no event as ``annotator`` sees it (their own claims without their own
        link; None: every claim in no event), in document order."""
        if annotator is None:
            sql = _FRAME_SELECT + "WHERE l.claim_id IS NULL"
            params: tuple[Any, ...] = ()
        else:
            sql = _FRAME_SELECT + "WHERE a.name = ? AND (l.claim_id IS NULL OR l.linked_by != ?)"
            params = (annotator, annotator)
        rows = self.conn.execute(sql + f" ORDER BY c.doc_id, c.id LIMIT {int(limit)}", params)
        return [_frame(r, annotator) for r in rows.fetchall()]

    def claim_line_documents(self, limit: int) -> list[tuple[DocId, str, str]]:
        """Documents with a claim line to check: id, outlet (or title), the claim line."""
        return [(DocId(d), outlet or title, claim) for d, outlet, title, claim in
                self.conn.execute("SELECT id, outlet, title, claim FROM documents "
                                  f"WHERE claim != '' ORDER BY id LIMIT {int(limit)}")]

    def event_frames(self, event_id: EventId) -> list[ClaimFrame]:
        rows = self.conn.execute(_FRAME_SELECT + "WHERE l.event_id = ? ORDER BY c.id",
                                 (event_id,)).fetchall()
        return [_frame(r, None) for r in rows]

    def doc_meta(self, doc_ids: Iterable[DocId]) -> dict[DocId, tuple[str, str, str]]:
        """Outlet, publication date and title of each document."""
        ids = sorted(set(doc_ids))
        out: dict[DocId, tuple[str, str, str]] = {}
        for part, marks in in_chunks(ids):
            for d, outlet, published, title in self.conn.execute(
                    f"SELECT id, outlet, published, title FROM documents WHERE id IN ({marks})",
                    part):
                out[DocId(d)] = (outlet, published, title)
        return out

    def matching_documents(self, words: Sequence[str], exclude: DocId, limit: int
                           ) -> list[DocId]:
        """Documents whose full text holds any of ``words``, best match first (BM25)."""
        quoted = [f'"{w}"' for w in words if w.replace('"', "")]
        if not quoted:
            return []
        rows = self.conn.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND rowid != ? "
            f"ORDER BY bm25(documents_fts) LIMIT {int(limit)}", (" OR ".join(quoted), exclude))
        return [DocId(r[0]) for r in rows]

    # ----------------------------------------------------------------- writes

    def put_event(self, event: Event, *, keep_id: bool) -> EventId:
        """Insert ``event`` with its participants and links (its id kept when ``keep_id``);
        a link moves its claim out of any other event."""
        columns = list(_EVENT_COLUMNS)
        values: list[Any] = [getattr(event, c) for c in columns]
        if keep_id:
            columns.insert(0, "id")
            values.insert(0, event.id)
        cur = self.conn.execute(
            f"INSERT INTO events({', '.join(columns)}, updated_at) "
            f"VALUES ({', '.join('?' * len(values))}, ?)", [*values, now()])
        event_id = EventId(int(cur.lastrowid or 0)) if not keep_id else event.id
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_actors(event_id, actor_id, role) VALUES (?,?,?)",
            [(event_id, p.actor_id, p.role) for p in event.participants])
        self.conn.executemany(
            "INSERT OR REPLACE INTO event_claims(claim_id, event_id, linked_by, linked_at) "
            "VALUES (?,?,?,?)", [(link.claim_id, event_id, link.linked_by, now())
                                 for link in event.links])
        return event_id

    def delete_event(self, event_id: EventId) -> None:
        self.conn.execute("DELETE FROM event_claims WHERE event_id = ?", (event_id,))
        self.conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
