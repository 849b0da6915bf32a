"""Annotators and their work: spans, claims, document values, statuses, the edit history.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from annotator.core.models import (
    CLAIM_FIELDS,
    AnnotatorId,
    Claim,
    ClaimId,
    DocId,
    Span,
    SpanId,
    Status,
)
from annotator.core.store.base import StoreBase, _dump, _load, now

_CLAIM_COLUMNS = tuple(f for f in CLAIM_FIELDS if f != "demand_span_ids")


class AnnotationStore(StoreBase):
    """Annotators and their work: spans, claims, document values, statuses, the edit history."""

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
        columns: tuple[str, ...] = ("uid", "doc_id", "annotator_id", "layer", "start", '"end"',
                                    "text", "actor_id", "attributes", "provenance", "updated_at")
        values: list[Any] = [span.uid, span.doc_id, annotator_id, span.layer, span.start,
                             span.end, span.text, span.actor_id, _dump(span.attributes),
                             _dump(span.provenance), now()]
        if keep_id:
            columns = ("id", *columns)
            values.insert(0, span.id)
        cur = self.conn.execute(
            f"INSERT INTO spans({', '.join(columns)}) VALUES ({', '.join('?' * len(values))})",
            values)
        span_id = SpanId(int(cur.lastrowid or 0))
        self.conn.execute("INSERT INTO spans_fts(rowid, text) VALUES (?, ?)", (span_id, span.text))
        return span_id

    def has_span(self, span: Span) -> bool:
        """Whether ``span.annotator`` already has this span: layer, offsets, actor, attributes."""
        return self._one(
            'SELECT 1 FROM spans s JOIN annotators a ON a.id = s.annotator_id WHERE a.name = ? '
            'AND s.doc_id = ? AND s.layer = ? AND s.start = ? AND s."end" = ? '
            "AND s.actor_id IS ? AND s.attributes = ? LIMIT 1",
            (span.annotator, span.doc_id, span.layer, span.start, span.end, span.actor_id,
             _dump(span.attributes))) is not None

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
        where: list[str] = []
        params: list[int] = []
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
        self.conn.execute("DELETE FROM spans_fts WHERE rowid = ?", (span.id,))
        self.conn.execute("INSERT INTO spans_fts(rowid, text) VALUES (?, ?)", (span.id, span.text))

    def delete_span(self, span_id: SpanId) -> None:
        self.conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
        self.conn.execute("DELETE FROM spans_fts WHERE rowid = ?", (span_id,))

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
        where: list[str] = []
        params: list[int] = []
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

    # ---------------------------------------------------------- values, status

    def values(self, doc_id: DocId, annotator_id: AnnotatorId) -> dict[str, Any]:
        rows = self.conn.execute(
            "SELECT field, value FROM doc_values WHERE doc_id = ? AND annotator_id = ? "
            "ORDER BY field", (doc_id, annotator_id))
        return {f: json.loads(v) for f, v in rows}

    def value_provenances(self, doc_id: DocId, annotator_id: AnnotatorId
                          ) -> dict[str, dict[str, Any]]:
        """Each field's provenance for one annotator on one document (only those with one)."""
        rows = self.conn.execute(
            "SELECT field, provenance FROM doc_values WHERE doc_id = ? AND annotator_id = ? "
            "ORDER BY field", (doc_id, annotator_id))
        return {field: found for field, text in rows if (found := dict(json.loads(text)))}

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

    # ----------------------------------------------------------------- history

    # One argument per history column. Its sixteen callers in the Project façade
    # pass them positionally; grouping them is left to that façade's rework.
    def log(self, annotator: str, operation: str, entity: str, entity_id: Any,  # noqa: PLR0913, PLR0917
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
