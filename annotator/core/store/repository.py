"""The repository: one object over a project database, composed of the store's parts.

Rows go in and come out as the dataclasses of :mod:`annotator.core.models`.
Each aggregate's SQL lives in its own module (documents, annotations, actors,
adjudication); this class puts them on one connection with one write
transaction (:mod:`annotator.core.store.base`).
"""

from __future__ import annotations

from typing import Any

from annotator.core.store.actors import ActorStore, OutletStore
from annotator.core.store.adjudication import AdjudicationStore
from annotator.core.store.annotations import AnnotationStore
from annotator.core.store.documents import DocumentStore
from annotator.core.store.events import EventStore
from annotator.core.store.query import QueryStore


class Repository(DocumentStore, AnnotationStore, ActorStore, OutletStore, AdjudicationStore,
                 QueryStore, EventStore):
    """SQL over one project database: every aggregate's part of the store on one connection."""

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

    # ------------------------------------------------------------------- check

    def integrity_problems(self) -> list[str]:
        problems: list[str] = []
        result = [r[0] for r in self.conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems.extend(f"integrity: {r}" for r in result)
        for table, rowid, parent, _ in self.conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
        return problems
