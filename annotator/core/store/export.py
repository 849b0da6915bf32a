"""SQL for exports: bulk, streaming reads of a selection.

Part of the repository layer (the modules that know table names). Exporters
read each table in one query ordered by document id and merge the streams
(see :func:`annotator.core.exporters.rows.iter_bundles`); every ``stream_*``
method returns a cursor over raw rows whose first column is the document id.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from annotator.core.models import DocId
from annotator.core.store.documents import DocumentFilter
from annotator.core.store.repository import Repository

CLAIM_COLUMNS = ("claimant_id", "addressee_id", "object_id", "gloss", "event_type", "position",
                 "factuality", "form", "date_value", "date_precision", "date_mod",
                 "date_span_id", "source", "source_span_id", "source_reliability",
                 "info_credibility", "note")
"""The claim fields of a :meth:`ExportRepository.stream_claims` row, in order."""


class ExportRepository:
    """Bulk reads for exports over one project database."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.conn = repo.conn

    def annotated_pairs(self) -> list[tuple[DocId, str]]:
        """(document, annotator name) pairs with any annotation, value or status."""
        return self.repo.annotated_pairs()

    def annotator_ids(self) -> list[tuple[int, str]]:
        """(id, name) of every annotator."""
        return [(int(i), str(n)) for i, n in self.conn.execute("SELECT id, name FROM annotators")]

    def document_ids(self, language: str | None = None, batch_id: int | None = None
                     ) -> list[DocId]:
        """Ids of the documents matching the filters, in id order (the document list's
        own filter)."""
        if language is None and batch_id is None:
            # The ids alone, from a small index that holds them all: a scan of the table
            # itself reads its leaf pages, which carry most of every text (about 400 MB
            # at 100,000 articles), and the documents stream reads them all again.
            return [DocId(r[0]) for r in self.conn.execute(
                "SELECT id FROM documents INDEXED BY documents_batch ORDER BY id")]
        base, params = self.repo._doc_filter(DocumentFilter(language=language, batch_id=batch_id))
        return [DocId(r[0]) for r in self.conn.execute(
            f"SELECT d.id {base} ORDER BY d.id", params)]

    def bulk_status(self) -> dict[tuple[DocId, str], str]:
        """Status by (document, annotator name), for planning."""
        return {(DocId(d), n): st for d, n, st in self.conn.execute(
            "SELECT s.doc_id, a.name, s.status FROM doc_status s "
            "JOIN annotators a ON a.id = s.annotator_id")}

    def stream_documents(self, lo: int, hi: int) -> Iterator[Sequence[Any]]:
        """(id, text, sha256, title, outlet, url, byline, language, published, claim,
        metadata, batch_id, source_file, boilerplate) in id order."""
        return iter(self.conn.execute(
            "SELECT id, text, sha256, title, outlet, url, byline, language, published, claim, "
            "metadata, batch_id, source_file, boilerplate FROM documents WHERE id BETWEEN ? AND ? "
            "ORDER BY id", (lo, hi)))

    def stream_spans(self, lo: int, hi: int) -> Iterator[Sequence[Any]]:
        """(doc_id, id, uid, annotator_id, layer, start, end, text, actor_id, attributes,
        provenance): doc_id first, then :meth:`Repository.spans` order."""
        return iter(self.conn.execute(
            'SELECT doc_id, id, uid, annotator_id, layer, start, "end", text, actor_id, '
            "attributes, provenance FROM spans WHERE doc_id BETWEEN ? AND ? "
            'ORDER BY doc_id, start, "end", layer, uid', (lo, hi)))

    def stream_claims(self, lo: int, hi: int) -> Iterator[Sequence[Any]]:
        """(doc_id, id, uid, annotator_id, *:data:`CLAIM_COLUMNS`, provenance)."""
        return iter(self.conn.execute(
            f"SELECT doc_id, id, uid, annotator_id, {', '.join(CLAIM_COLUMNS)}, provenance "
            "FROM claims WHERE doc_id BETWEEN ? AND ? ORDER BY doc_id, id", (lo, hi)))

    def stream_claim_spans(self, lo: int, hi: int) -> Iterator[Sequence[Any]]:
        """(doc_id, claim_id, span_id) in demand order."""
        return iter(self.conn.execute(
            "SELECT c.doc_id, cs.claim_id, cs.span_id FROM claim_spans cs "
            "JOIN claims c ON c.id = cs.claim_id WHERE c.doc_id BETWEEN ? AND ? "
            "ORDER BY c.doc_id, cs.claim_id, cs.position", (lo, hi)))

    def stream_values(self, lo: int, hi: int) -> Iterator[Sequence[Any]]:
        """(doc_id, annotator_id, field, value, provenance)."""
        return iter(self.conn.execute(
            "SELECT doc_id, annotator_id, field, value, provenance FROM doc_values "
            "WHERE doc_id BETWEEN ? AND ? ORDER BY doc_id, annotator_id, field", (lo, hi)))

    def stream_status(self, lo: int, hi: int) -> Iterator[Sequence[Any]]:
        """(doc_id, annotator_id, status)."""
        return iter(self.conn.execute(
            "SELECT doc_id, annotator_id, status FROM doc_status WHERE doc_id BETWEEN ? AND ? "
            "ORDER BY doc_id, annotator_id", (lo, hi)))
