"""The repository: the only module that knows table names and SQL.

Rows go in and come out as the dataclasses of :mod:`annotator.core.models`.
Writes happen inside :meth:`Repository.write`, which opens ``BEGIN IMMEDIATE``
(or a savepoint when already inside a transaction), so each façade operation
is one transaction and a failure leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from annotator.core.models import (
    CLAIM_FIELDS,
    Actor,
    ActorId,
    Alias,
    AnnotatorId,
    BatchId,
    Claim,
    ClaimId,
    DocId,
    Document,
    DocumentSummary,
    NewDocument,
    Span,
    SpanId,
    Status,
)
from annotator.core.store.maintenance import storage_errors

_DOC_COLUMNS = ("title", "outlet", "url", "byline", "language", "published", "claim")
_ACTOR_COLUMNS = ("canonical_name", "qid", "country", "sector", "actor_type", "title")
_CLAIM_COLUMNS = tuple(f for f in CLAIM_FIELDS if f != "demand_span_ids")
_SORTS = {
    "id": "d.id",
    "title": "d.title COLLATE NOCASE",
    "outlet": "d.outlet COLLATE NOCASE",
    "language": "d.language",
    "published": "d.published",
    "status": "status",
}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _load(text: str) -> Any:
    """json.loads with a fast path for the empty object most rows carry."""
    return {} if text == "{}" else json.loads(text)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Repository:
    """SQL over one project database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.conn: sqlite3.Connection = db.conn

    # ------------------------------------------------------------ transactions

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """One transaction (or a savepoint when nested).

        A full disk, a read-only file, a lock held too long by another window or a
        damaged file leaves as a :class:`~annotator.core.store.maintenance.StorageError`
        with a message for the user; nothing of the failed operation is kept.
        """
        with storage_errors(), self._transaction():
            yield

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.conn.in_transaction:
            name = f"sp_{secrets.token_hex(6)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error:
            if self.conn.in_transaction:  # else later edits would nest in a dead transaction
                self.conn.execute("ROLLBACK")
            raise

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # ------------------------------------------------------------ project info

    def info(self, key: str, default: str = "") -> str:
        value = self._one("SELECT value FROM project_info WHERE key = ?", (key,))
        return default if value is None else str(value)

    def set_info(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO project_info(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def install_codebook(self, name: str, version: str, source_text: str) -> None:
        self.conn.execute(
            "INSERT INTO codebooks(name, version, source_text, installed_at) VALUES (?,?,?,?)",
            (name, version, source_text, now()),
        )

    def codebook_text(self) -> str | None:
        return self._one("SELECT source_text FROM codebooks ORDER BY id DESC LIMIT 1")

    # ----------------------------------------------------------------- batches

    def new_batch(self, description: str) -> BatchId:
        cur = self.conn.execute(
            "INSERT INTO import_batches(started_at, description) VALUES (?, ?)",
            (now(), description),
        )
        return BatchId(int(cur.lastrowid or 0))

    def set_batch_report(self, batch_id: BatchId, report: dict[str, Any]) -> None:
        self.conn.execute("UPDATE import_batches SET report = ? WHERE id = ?",
                          (_dump(report), batch_id))

    def batches(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT b.id, b.started_at, b.description, COUNT(d.id) FROM import_batches b "
            "LEFT JOIN documents d ON d.batch_id = b.id GROUP BY b.id ORDER BY b.id"
        ).fetchall()
        return [dict(zip(("id", "started_at", "description", "documents"), r, strict=True))
                for r in rows]

    # --------------------------------------------------------------- documents

    def doc_id_by_sha(self, sha256: str) -> DocId | None:
        value = self._one("SELECT id FROM documents WHERE sha256 = ?", (sha256,))
        return None if value is None else DocId(int(value))

    def insert_documents(
        self, docs: Sequence[tuple[NewDocument, str]], batch_id: BatchId | None
    ) -> list[DocId | None]:
        """Insert documents (with their hashes) and index them for search, in bulk.

        A text already in the project (or earlier in ``docs``) is skipped: its place in
        the result is None. Rows go in with one executemany and the full-text index is
        filled from them with one INSERT ... SELECT.
        """
        known = self._existing_shas([sha for _, sha in docs])
        fresh: list[tuple[NewDocument, str]] = []
        for doc, sha in docs:
            if sha not in known:
                known.add(sha)
                fresh.append((doc, sha))
        last = int(self._one("SELECT COALESCE(MAX(id), 0) FROM documents"))
        self.conn.executemany(
            "INSERT INTO documents(id, sha256, text, title, outlet, url, byline, language, "
            "published, claim, metadata, batch_id, source_file, length) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(last + n, sha, doc.text, doc.title, doc.outlet, doc.url, doc.byline,
              doc.language, doc.published, doc.claim, _dump(doc.metadata), batch_id,
              doc.source_file, len(doc.text)) for n, (doc, sha) in enumerate(fresh, start=1)])
        if fresh:
            self.conn.execute("INSERT INTO documents_fts(rowid, title, text) "
                              "SELECT id, title, text FROM documents WHERE id > ?", (last,))
        new_ids = {sha: DocId(last + n) for n, (_, sha) in enumerate(fresh, start=1)}
        out: list[DocId | None] = []
        for _, sha in docs:
            out.append(new_ids.pop(sha, None))
        return out

    def _existing_shas(self, shas: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for index in range(0, len(shas), 500):
            chunk = shas[index:index + 500]
            found.update(r[0] for r in self.conn.execute(
                f"SELECT sha256 FROM documents WHERE sha256 IN ({', '.join('?' * len(chunk))})",
                chunk))
        return found

    def document(self, doc_id: DocId) -> Document:
        row = self.conn.execute(
            "SELECT id, text, sha256, title, outlet, url, byline, language, published, claim, "
            "metadata, batch_id, source_file FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise KeyError(f"no document with id {doc_id}")
        return Document(
            id=DocId(row[0]), text=row[1], sha256=row[2], title=row[3], outlet=row[4],
            url=row[5], byline=row[6], language=row[7], published=row[8], claim=row[9],
            metadata=json.loads(row[10]), batch_id=row[11], source_file=row[12],
        )

    def document_text(self, doc_id: DocId) -> str:
        value = self._one("SELECT text FROM documents WHERE id = ?", (doc_id,))
        if value is None:
            raise KeyError(f"no document with id {doc_id}")
        return str(value)

    def update_document(self, doc_id: DocId, changes: dict[str, str]) -> None:
        for column in changes:
            if column not in _DOC_COLUMNS:
                raise KeyError(f"documents have no editable field {column!r}")
        if "title" in changes:
            old = self.document(doc_id)
            self.conn.execute(
                "INSERT INTO documents_fts(documents_fts, rowid, title, text) "
                "VALUES ('delete', ?, ?, ?)", (doc_id, old.title, old.text))
        assignments = ", ".join(f"{c} = ?" for c in changes)
        self.conn.execute(f"UPDATE documents SET {assignments} WHERE id = ?",
                          (*changes.values(), doc_id))
        if "title" in changes:
            self.conn.execute("INSERT INTO documents_fts(rowid, title, text) "
                              "SELECT id, title, text FROM documents WHERE id = ?", (doc_id,))

    def _doc_filter(
        self,
        annotator_id: AnnotatorId | None,
        status: str | None,
        language: str | None,
        batch_id: int | None,
        search: str | None,
    ) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if language:
            where.append("d.language = ?")
            params.append(language)
        if batch_id is not None:
            where.append("d.batch_id = ?")
            params.append(batch_id)
        if search:
            where.append("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(fts_query(search))
        if status:
            where.append("COALESCE(s.status, 'not_started') = ?")
            params.append(status)
        join = ("LEFT JOIN doc_status s ON s.doc_id = d.id AND s.annotator_id = ?"
                if annotator_id is not None else
                "LEFT JOIN (SELECT NULL AS doc_id, NULL AS status) s ON 0")
        join_params: list[Any] = [annotator_id] if annotator_id is not None else []
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        return f"FROM documents d {join}{clause}", join_params + params

    def list_documents(
        self,
        *,
        annotator_id: AnnotatorId | None = None,
        status: str | None = None,
        language: str | None = None,
        batch_id: int | None = None,
        search: str | None = None,
        sort: str = "id",
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[DocumentSummary]:
        base, params = self._doc_filter(annotator_id, status, language, batch_id, search)
        order = _SORTS.get(sort)
        if order is None:
            raise KeyError(f"cannot sort documents by {sort!r}")
        direction = "DESC" if descending else "ASC"
        sql = (
            "SELECT d.id, d.title, d.outlet, d.language, d.published, d.sha256, d.length, "
            f"COALESCE(s.status, 'not_started') AS status {base} "
            f"ORDER BY {order} {direction}, d.id {direction}"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [
            DocumentSummary(DocId(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], Status(r[7]))
            for r in self.conn.execute(sql, params)
        ]

    def count_documents(self, **filters: Any) -> int:
        base, params = self._doc_filter(
            filters.get("annotator_id"), filters.get("status"), filters.get("language"),
            filters.get("batch_id"), filters.get("search"),
        )
        return int(self._one(f"SELECT COUNT(*) {base}", params))

    def document_ids(self) -> list[DocId]:
        return [DocId(r[0]) for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def languages(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT language FROM documents ORDER BY language")]

    # -------------------------------------------------------------- annotators

    def annotator_id(self, name: str, *, create: bool = True, kind: str = "human"
                     ) -> AnnotatorId:
        value = self._one("SELECT id FROM annotators WHERE name = ?", (name,))
        if value is not None:
            return AnnotatorId(int(value))
        if not create:
            raise KeyError(f"no annotator named {name!r}")
        cur = self.conn.execute(
            "INSERT INTO annotators(name, kind, created_at) VALUES (?,?,?)", (name, kind, now()))
        return AnnotatorId(int(cur.lastrowid or 0))

    def annotators(self, kind: str | None = None) -> list[str]:
        if kind:
            rows = self.conn.execute("SELECT name FROM annotators WHERE kind = ? ORDER BY name",
                                     (kind,))
        else:
            rows = self.conn.execute("SELECT name FROM annotators ORDER BY name")
        return [r[0] for r in rows]

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

    # ------------------------------------------------------------------- spans

    _SPAN_SELECT = (
        "SELECT s.id, s.uid, s.doc_id, a.name, s.layer, s.start, s.\"end\", s.text, s.actor_id, "
        "s.attributes, s.provenance FROM spans s JOIN annotators a ON a.id = s.annotator_id"
    )

    @staticmethod
    def _span(row: Sequence[Any]) -> Span:
        return Span(SpanId(row[0]), row[1], DocId(row[2]), row[3], row[4], row[5], row[6],
                    row[7], row[8], _load(row[9]), _load(row[10]))

    def insert_span(self, span: Span, annotator_id: AnnotatorId, *, keep_id: bool = False
                    ) -> SpanId:
        columns = ("uid", "doc_id", "annotator_id", "layer", "start", '"end"', "text",
                   "actor_id", "attributes", "provenance", "updated_at")
        values: list[Any] = [span.uid, span.doc_id, annotator_id, span.layer, span.start,
                             span.end, span.text, span.actor_id, _dump(span.attributes),
                             _dump(span.provenance), now()]
        if keep_id:
            columns = ("id", *columns)
            values.insert(0, span.id)
        cur = self.conn.execute(
            f"INSERT INTO spans({', '.join(columns)}) VALUES ({', '.join('?' * len(values))})",
            values)
        return SpanId(int(cur.lastrowid or 0))

    def span(self, span_id: SpanId) -> Span:
        row = self.conn.execute(self._SPAN_SELECT + " WHERE s.id = ?", (span_id,)).fetchone()
        if row is None:
            raise KeyError(f"no span with id {span_id}")
        return self._span(row)

    def span_id_by_uid(self, uid: str) -> SpanId | None:
        value = self._one("SELECT id FROM spans WHERE uid = ?", (uid,))
        return None if value is None else SpanId(int(value))

    def spans(self, doc_id: DocId | None = None, annotator_id: AnnotatorId | None = None
              ) -> list[Span]:
        where, params = [], []
        if doc_id is not None:
            where.append("s.doc_id = ?")
            params.append(doc_id)
        if annotator_id is not None:
            where.append("s.annotator_id = ?")
            params.append(annotator_id)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        sql = self._SPAN_SELECT + clause + ' ORDER BY s.doc_id, s.start, s."end", s.layer, s.uid'
        return [self._span(r) for r in self.conn.execute(sql, params)]

    def update_span(self, span: Span) -> None:
        self.conn.execute(
            'UPDATE spans SET layer = ?, start = ?, "end" = ?, text = ?, actor_id = ?, '
            "attributes = ?, provenance = ?, updated_at = ? WHERE id = ?",
            (span.layer, span.start, span.end, span.text, span.actor_id,
             _dump(span.attributes), _dump(span.provenance), now(), span.id))

    def delete_span(self, span_id: SpanId) -> None:
        self.conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))

    # ------------------------------------------------------------------ claims

    _CLAIM_SELECT = (
        f"SELECT c.id, c.uid, c.doc_id, a.name, {', '.join('c.' + f for f in _CLAIM_COLUMNS)}, "
        "c.provenance FROM claims c JOIN annotators a ON a.id = c.annotator_id"
    )

    def _claim(self, row: Sequence[Any]) -> Claim:
        fields = dict(zip(_CLAIM_COLUMNS, row[4:-1], strict=True))
        span_ids = tuple(SpanId(r[0]) for r in self.conn.execute(
            "SELECT span_id FROM claim_spans WHERE claim_id = ? ORDER BY position", (row[0],)))
        return Claim(id=ClaimId(row[0]), uid=row[1], doc_id=DocId(row[2]), annotator=row[3],
                     demand_span_ids=span_ids, provenance=_load(row[-1]), **fields)

    def insert_claim(self, claim: Claim, annotator_id: AnnotatorId, *, keep_id: bool = False
                     ) -> ClaimId:
        columns = ["uid", "doc_id", "annotator_id", *_CLAIM_COLUMNS, "provenance", "updated_at"]
        values: list[Any] = [claim.uid, claim.doc_id, annotator_id,
                             *[getattr(claim, c) for c in _CLAIM_COLUMNS],
                             _dump(claim.provenance), now()]
        if keep_id:
            columns.insert(0, "id")
            values.insert(0, claim.id)
        cur = self.conn.execute(
            f"INSERT INTO claims({', '.join(columns)}) VALUES ({', '.join('?' * len(values))})",
            values)
        claim_id = ClaimId(int(cur.lastrowid or 0))
        self._set_claim_spans(claim_id, claim.demand_span_ids)
        return claim_id

    def _set_claim_spans(self, claim_id: ClaimId, span_ids: Sequence[SpanId]) -> None:
        self.conn.execute("DELETE FROM claim_spans WHERE claim_id = ?", (claim_id,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO claim_spans(claim_id, span_id, position) VALUES (?,?,?)",
            [(claim_id, s, i) for i, s in enumerate(span_ids)])

    def claim(self, claim_id: ClaimId) -> Claim:
        row = self.conn.execute(self._CLAIM_SELECT + " WHERE c.id = ?", (claim_id,)).fetchone()
        if row is None:
            raise KeyError(f"no claim with id {claim_id}")
        return self._claim(row)

    def claim_id_by_uid(self, uid: str) -> ClaimId | None:
        value = self._one("SELECT id FROM claims WHERE uid = ?", (uid,))
        return None if value is None else ClaimId(int(value))

    def claims(self, doc_id: DocId | None = None, annotator_id: AnnotatorId | None = None
               ) -> list[Claim]:
        where, params = [], []
        if doc_id is not None:
            where.append("c.doc_id = ?")
            params.append(doc_id)
        if annotator_id is not None:
            where.append("c.annotator_id = ?")
            params.append(annotator_id)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self.conn.execute(self._CLAIM_SELECT + clause + " ORDER BY c.doc_id, c.id",
                                 params).fetchall()
        return [self._claim(r) for r in rows]

    def update_claim(self, claim: Claim) -> None:
        assignments = ", ".join(f"{c} = ?" for c in _CLAIM_COLUMNS)
        self.conn.execute(
            f"UPDATE claims SET {assignments}, provenance = ?, updated_at = ? WHERE id = ?",
            (*[getattr(claim, c) for c in _CLAIM_COLUMNS], _dump(claim.provenance), now(),
             claim.id))
        self._set_claim_spans(claim.id, claim.demand_span_ids)

    def delete_claim(self, claim_id: ClaimId) -> None:
        self.conn.execute("DELETE FROM claims WHERE id = ?", (claim_id,))

    def claims_using_span(self, span_id: SpanId) -> list[ClaimId]:
        rows = self.conn.execute(
            "SELECT claim_id FROM claim_spans WHERE span_id = ? UNION "
            "SELECT id FROM claims WHERE date_span_id = ? OR source_span_id = ?",
            (span_id, span_id, span_id))
        return [ClaimId(r[0]) for r in rows]

    # ---------------------------------------------------------- values, status

    def values(self, doc_id: DocId, annotator_id: AnnotatorId) -> dict[str, Any]:
        rows = self.conn.execute(
            "SELECT field, value FROM doc_values WHERE doc_id = ? AND annotator_id = ? "
            "ORDER BY field", (doc_id, annotator_id))
        return {f: json.loads(v) for f, v in rows}

    def value_provenance(self, doc_id: DocId, annotator_id: AnnotatorId, field: str
                         ) -> dict[str, Any]:
        value = self._one(
            "SELECT provenance FROM doc_values WHERE doc_id = ? AND annotator_id = ? "
            "AND field = ?", (doc_id, annotator_id, field))
        return {} if value is None else dict(json.loads(value))

    def set_value(self, doc_id: DocId, annotator_id: AnnotatorId, field: str, value: Any,
                  provenance: dict[str, Any] | None = None) -> None:
        if value is None or value == "":
            self.conn.execute(
                "DELETE FROM doc_values WHERE doc_id = ? AND annotator_id = ? AND field = ?",
                (doc_id, annotator_id, field))
            return
        self.conn.execute(
            "INSERT INTO doc_values(doc_id, annotator_id, field, value, provenance, updated_at) "
            "VALUES (?,?,?,?,?,?) ON CONFLICT(doc_id, annotator_id, field) DO UPDATE SET "
            "value = excluded.value, provenance = excluded.provenance, "
            "updated_at = excluded.updated_at",
            (doc_id, annotator_id, field, _dump(value), _dump(provenance or {}), now()))

    def doc_lengths(self, doc_ids: Sequence[DocId]) -> dict[DocId, int]:
        with self._doc_subset(doc_ids) as subset:
            return {DocId(d): n for d, n in self.conn.execute(
                "SELECT d.id, d.length FROM documents d "
                f"WHERE d.id IN (SELECT id FROM {subset})")}

    def status(self, doc_id: DocId, annotator_id: AnnotatorId) -> Status:
        value = self._one("SELECT status FROM doc_status WHERE doc_id = ? AND annotator_id = ?",
                          (doc_id, annotator_id))
        return Status(value) if value else Status.NOT_STARTED

    def set_status(self, doc_id: DocId, annotator_id: AnnotatorId, status: Status) -> None:
        self.conn.execute(
            "INSERT INTO doc_status(doc_id, annotator_id, status, updated_at) VALUES (?,?,?,?) "
            "ON CONFLICT(doc_id, annotator_id) DO UPDATE SET status = excluded.status, "
            "updated_at = excluded.updated_at",
            (doc_id, annotator_id, status.value, now()))

    def annotated_pairs(self) -> list[tuple[DocId, str]]:
        """(document, annotator) pairs with any annotation, value or status."""
        rows = self.conn.execute(
            "SELECT DISTINCT x.doc_id, a.name FROM ("
            " SELECT doc_id, annotator_id FROM spans UNION"
            " SELECT doc_id, annotator_id FROM claims UNION"
            " SELECT doc_id, annotator_id FROM doc_values UNION"
            " SELECT doc_id, annotator_id FROM doc_status) x "
            "JOIN annotators a ON a.id = x.annotator_id ORDER BY x.doc_id, a.name")
        return [(DocId(d), n) for d, n in rows]

    def annotators_of(self, doc_id: DocId) -> list[str]:
        """Names of everyone with any annotation, value or status on one document."""
        rows = self.conn.execute(
            "SELECT DISTINCT a.name FROM annotators a WHERE a.id IN ("
            " SELECT annotator_id FROM spans WHERE doc_id = ?1 UNION"
            " SELECT annotator_id FROM claims WHERE doc_id = ?1 UNION"
            " SELECT annotator_id FROM doc_values WHERE doc_id = ?1 UNION"
            " SELECT annotator_id FROM doc_status WHERE doc_id = ?1) ORDER BY a.name",
            (doc_id,))
        return [r[0] for r in rows]

    def docs_coded_by_all(self, names: Sequence[str]) -> list[DocId]:
        """Documents every named annotator has worked on (any status row)."""
        marks = ", ".join("?" * len(names))
        rows = self.conn.execute(
            "SELECT s.doc_id FROM doc_status s JOIN annotators a ON a.id = s.annotator_id "
            f"WHERE a.name IN ({marks}) GROUP BY s.doc_id "
            "HAVING COUNT(DISTINCT s.annotator_id) = ? ORDER BY s.doc_id",
            (*names, len(set(names))))
        return [DocId(r[0]) for r in rows]

    @contextlib.contextmanager
    def _doc_subset(self, doc_ids: Sequence[DocId]) -> Iterator[str]:
        """A temporary table of document ids to join bulk reads against."""
        name = f"temp.subset_{secrets.token_hex(4)}"
        self.conn.execute(f"CREATE TABLE {name}(id INTEGER PRIMARY KEY)")
        try:
            self.conn.executemany(f"INSERT INTO {name}(id) VALUES (?)",
                                  [(d,) for d in doc_ids])
            yield name
        finally:
            self.conn.execute(f"DROP TABLE {name}")

    def bulk_span_rows(self, doc_ids: Sequence[DocId], names: Sequence[str]
                       ) -> list[tuple[DocId, str, str, int, int, int | None, str]]:
        """Lean span rows ``(doc_id, annotator, layer, start, end, actor_id, attributes_json)``.

        Span rows in document and position order, without building :class:`Span`
        objects (no text or provenance, attributes left as JSON text).
        """
        marks = ", ".join("?" * len(names))
        with self._doc_subset(doc_ids) as subset:
            return self.conn.execute(
                'SELECT s.doc_id, a.name, s.layer, s.start, s."end", s.actor_id, s.attributes '
                "FROM spans s JOIN annotators a ON a.id = s.annotator_id "
                f"WHERE s.doc_id IN (SELECT id FROM {subset}) AND a.name IN ({marks}) "
                'ORDER BY s.doc_id, s.start, s."end", s.layer, s.uid', names).fetchall()

    def bulk_claim_rows(self, doc_ids: Sequence[DocId], names: Sequence[str],
                        columns: Sequence[str]) -> list[tuple[Any, ...]]:
        """Lean claim rows ``(doc_id, annotator, uid, *columns)``.

        Claims in document order, without building :class:`Claim` objects; ``columns``
        are claim fields (not ``demand_span_ids``).
        """
        unknown = [c for c in columns if c not in _CLAIM_COLUMNS]
        if unknown:
            raise ValueError(f"not claim columns: {unknown}")
        marks = ", ".join("?" * len(names))
        wanted = "".join(f", c.{c}" for c in columns)
        with self._doc_subset(doc_ids) as subset:
            return self.conn.execute(
                f"SELECT c.doc_id, a.name, c.uid{wanted} FROM claims c "
                "JOIN annotators a ON a.id = c.annotator_id "
                f"WHERE c.doc_id IN (SELECT id FROM {subset}) AND a.name IN ({marks}) "
                "ORDER BY c.doc_id, c.id", names).fetchall()

    def bulk_value_rows(self, doc_ids: Sequence[DocId], names: Sequence[str]
                        ) -> list[tuple[DocId, str, str, Any]]:
        """Document values of some annotators on some documents:
        ``(doc_id, annotator, field, value)``."""
        marks = ", ".join("?" * len(names))
        with self._doc_subset(doc_ids) as subset:
            return [(DocId(d), n, f, _load(v)) for d, n, f, v in self.conn.execute(
                "SELECT v.doc_id, a.name, v.field, v.value FROM doc_values v "
                f"JOIN annotators a ON a.id = v.annotator_id WHERE v.doc_id IN "
                f"(SELECT id FROM {subset}) AND a.name IN ({marks})", names)]

    # ------------------------------------------------------------ adjudication

    def record_decision(self, doc_id: DocId, item_kind: str, item_key: str, decision: str,
                        from_annotator: str, reason: str, note: str, decided_by: str) -> None:
        self.conn.execute(
            "INSERT INTO adjudications(doc_id, item_kind, item_key, decision, from_annotator, "
            "reason, note, decided_by, at) VALUES (?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(doc_id, item_kind, item_key) DO UPDATE SET decision = excluded.decision, "
            "from_annotator = excluded.from_annotator, reason = excluded.reason, "
            "note = excluded.note, decided_by = excluded.decided_by, at = excluded.at",
            (doc_id, item_kind, item_key, decision, from_annotator, reason, note, decided_by,
             now()))

    def forget_decision(self, doc_id: DocId, item_kind: str, item_key: str) -> None:
        self.conn.execute(
            "DELETE FROM adjudications WHERE doc_id = ? AND item_kind = ? AND item_key = ?",
            (doc_id, item_kind, item_key))

    def decisions(self, doc_id: DocId | None = None) -> list[dict[str, Any]]:
        keys = ("doc_id", "item_kind", "item_key", "decision", "from_annotator", "reason",
                "note", "decided_by", "at")
        sql = f"SELECT {', '.join(keys)} FROM adjudications"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        return [dict(zip(keys, row, strict=True))
                for row in self.conn.execute(sql + " ORDER BY doc_id, id", params)]

    # ------------------------------------------------------------------ counts

    def counts(self) -> dict[str, Any]:
        by_language = dict(self.conn.execute(
            "SELECT language, COUNT(*) FROM documents GROUP BY language ORDER BY language"))
        by_annotator: dict[str, dict[str, int]] = {}
        for name, spans, claims in self.conn.execute(
            "SELECT a.name, (SELECT COUNT(*) FROM spans s WHERE s.annotator_id = a.id), "
            "(SELECT COUNT(*) FROM claims c WHERE c.annotator_id = a.id) "
            "FROM annotators a ORDER BY a.name"):
            by_annotator[name] = {"spans": spans, "claims": claims}
        for name, status, count in self.conn.execute(
            "SELECT a.name, s.status, COUNT(*) FROM doc_status s "
            "JOIN annotators a ON a.id = s.annotator_id GROUP BY a.name, s.status"):
            by_annotator.setdefault(name, {"spans": 0, "claims": 0})[status] = count
        return {
            "documents": int(self._one("SELECT COUNT(*) FROM documents")),
            "actors": int(self._one("SELECT COUNT(*) FROM actors")),
            "by_language": by_language,
            "by_annotator": by_annotator,
        }

    # ----------------------------------------------------------------- history

    def log(self, annotator: str, operation: str, entity: str, entity_id: Any,
            doc_id: DocId | None, before: Any, after: Any) -> None:
        self.conn.execute(
            "INSERT INTO history(at, annotator, operation, entity, entity_id, doc_id, before, "
            "after) VALUES (?,?,?,?,?,?,?,?)",
            (now(), annotator, operation, entity, str(entity_id), doc_id,
             None if before is None else _dump(before), None if after is None else _dump(after)))

    def history(self, doc_id: DocId | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        sql = ("SELECT id, at, annotator, operation, entity, entity_id, doc_id, before, after "
               "FROM history")
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        sql += f" ORDER BY id DESC LIMIT {int(limit)}"
        keys = ("id", "at", "annotator", "operation", "entity", "entity_id", "doc_id", "before",
                "after")
        out = []
        for row in self.conn.execute(sql, params):
            item = dict(zip(keys, row, strict=True))
            for key in ("before", "after"):
                item[key] = None if item[key] is None else json.loads(item[key])
            out.append(item)
        return out

    # ------------------------------------------------------------------- check

    def integrity_problems(self) -> list[str]:
        problems: list[str] = []
        result = [r[0] for r in self.conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems.extend(f"integrity: {r}" for r in result)
        for table, rowid, parent, _ in self.conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
        return problems

    def iter_texts(self) -> Iterator[tuple[DocId, str, str]]:
        for doc_id, text, sha in self.conn.execute("SELECT id, text, sha256 FROM documents"):
            yield DocId(doc_id), text, sha


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word must occur (prefix match)."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    return " ".join(f'"{w}"*' for w in words) or '""'
