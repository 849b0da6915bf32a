"""Documents, their full-text index, import batches, project info and the stored codebook.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from annotator.core.models import (
    AnnotatorId,
    BatchId,
    DocId,
    Document,
    DocumentSummary,
    NewDocument,
    Status,
)
from annotator.core.store.base import StoreBase, _dump, fts_query, now


def _ranges_json(ranges: Sequence[tuple[int, int]]) -> str:
    return json.dumps([[a, b] for a, b in ranges]) if ranges else "[]"


def _ranges(value: str) -> tuple[tuple[int, int], ...]:
    if value == "[]" or not value:
        return ()
    return tuple((int(a), int(b)) for a, b in json.loads(value))


_DOC_COLUMNS = ("title", "outlet", "url", "byline", "language", "published", "claim")
_SORTS = {
    "id": "d.id",
    "title": "d.title COLLATE NOCASE",
    "outlet": "d.outlet COLLATE NOCASE",
    "language": "d.language",
    "published": "d.published",
    "status": "status",
}


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    """Which documents a list, a count or an export covers; an unset field does not filter."""

    annotator_id: AnnotatorId | None = None
    """Whose status ``status`` is; without it every document counts as not started."""
    status: str | None = None
    language: str | None = None
    batch_id: int | None = None
    search: str | None = None
    """Words for the full-text index."""

    @classmethod
    def among(cls, options: Mapping[str, Any]) -> DocumentFilter:
        """The filter fields of ``options``, ignoring its other entries."""
        return cls(**{f.name: options.get(f.name) for f in fields(cls)})


class DocumentStore(StoreBase):
    """Documents, their full-text index, import batches, project info and the stored codebook."""

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
        text: str | None = self._one("SELECT source_text FROM codebooks ORDER BY id DESC LIMIT 1")
        return text

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
            "published, claim, metadata, batch_id, source_file, length, boilerplate) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(last + n, sha, doc.text, doc.title, doc.outlet, doc.url, doc.byline,
              doc.language, doc.published, doc.claim, _dump(doc.metadata), batch_id,
              doc.source_file, len(doc.text), _ranges_json(doc.boilerplate))
             for n, (doc, sha) in enumerate(fresh, start=1)])
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
            "metadata, batch_id, source_file, boilerplate FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise KeyError(f"no document with id {doc_id}")
        return Document(
            id=DocId(row[0]), text=row[1], sha256=row[2], title=row[3], outlet=row[4],
            url=row[5], byline=row[6], language=row[7], published=row[8], claim=row[9],
            metadata=json.loads(row[10]), batch_id=row[11], source_file=row[12],
            boilerplate=_ranges(row[13]),
        )

    def boilerplate(self, doc_id: DocId) -> tuple[tuple[int, int], ...]:
        value = self._one("SELECT boilerplate FROM documents WHERE id = ?", (doc_id,))
        if value is None:
            raise KeyError(f"no document with id {doc_id}")
        return _ranges(str(value))

    def boilerplate_by_document(self) -> dict[DocId, tuple[tuple[int, int], ...]]:
        """The boilerplate ranges of every document that has any."""
        return {DocId(d): _ranges(r) for d, r in self.conn.execute(
            "SELECT id, boilerplate FROM documents WHERE boilerplate != '[]'")}

    def set_boilerplate(self, changes: Mapping[DocId, Sequence[tuple[int, int]]]) -> None:
        """Replace the boilerplate ranges of each document named (one statement for all)."""
        self.conn.executemany("UPDATE documents SET boilerplate = ? WHERE id = ?",
                              [(_ranges_json(r), d) for d, r in changes.items()])

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

    def _doc_filter(self, chosen: DocumentFilter) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if chosen.language:
            where.append("d.language = ?")
            params.append(chosen.language)
        if chosen.batch_id is not None:
            where.append("d.batch_id = ?")
            params.append(chosen.batch_id)
        if chosen.search:
            where.append("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(fts_query(chosen.search))
        annotator_id = chosen.annotator_id
        if chosen.status and annotator_id is not None:
            # through doc_status_annotator, never a test of the joined row per document: an
            # annotator with nothing in progress would otherwise scan every document
            if chosen.status == "not_started":
                where.append("d.id NOT IN (SELECT doc_id FROM doc_status WHERE annotator_id = ? "
                             "AND status != 'not_started')")
                params.append(annotator_id)
            else:
                where.append("d.id IN (SELECT doc_id FROM doc_status WHERE annotator_id = ? "
                             "AND status = ?)")
                params.extend([annotator_id, chosen.status])
        elif chosen.status:
            where.append("COALESCE(s.status, 'not_started') = ?")
            params.append(chosen.status)
        join = ("LEFT JOIN doc_status s ON s.doc_id = d.id AND s.annotator_id = ?"
                if annotator_id is not None else
                "LEFT JOIN (SELECT NULL AS doc_id, NULL AS status) s ON 0")
        join_params: list[Any] = [annotator_id] if annotator_id is not None else []
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        return f"FROM documents d {join}{clause}", join_params + params

    def list_documents(
        self,
        *,
        sort: str = "id",
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
        **filters: Any,
    ) -> list[DocumentSummary]:
        """One page of documents in ``sort`` order; ``filters`` are the fields of
        :class:`DocumentFilter` (any other name is a TypeError)."""
        base, params = self._doc_filter(DocumentFilter(**filters))
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
        """How many documents :meth:`list_documents` would list with these filters
        (order and paging options are accepted and do not matter)."""
        base, params = self._doc_filter(DocumentFilter.among(filters))
        return int(self._one(f"SELECT COUNT(*) {base}", params))

    def recent_documents(self, limit: int) -> list[Document]:
        """The ``limit`` documents imported last, whose boilerplate no one corrected by hand
        (no 'update boilerplate' in the history): what a new batch may re-mark."""
        ids = [DocId(r[0]) for r in self.conn.execute(
            "SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM history h "
            "WHERE h.doc_id = d.id AND h.entity = 'boilerplate' AND h.operation = 'update') "
            "ORDER BY id DESC LIMIT ?", (limit,))]
        return [self.document(d) for d in reversed(ids)]

    def document_ids(self) -> list[DocId]:
        return [DocId(r[0]) for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def languages(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT DISTINCT language FROM documents ORDER BY language")]

    def doc_lengths(self, doc_ids: Sequence[DocId]) -> dict[DocId, int]:
        with self._doc_subset(doc_ids) as subset:
            return {DocId(d): n for d, n in self.conn.execute(
                "SELECT d.id, d.length FROM documents d "
                f"WHERE d.id IN (SELECT id FROM {subset})")}

    def iter_texts(self) -> Iterator[tuple[DocId, str, str]]:
        for doc_id, text, sha in self.conn.execute("SELECT id, text, sha256 FROM documents"):
            yield DocId(doc_id), text, sha
