"""The reviewer's decisions on disagreements (adjudication).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.core.models import (
    DocId,
)
from annotator.core.store.base import StoreBase, now


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """One reviewer's decision on one item: which item, what, from whose version, why."""

    doc_id: DocId
    item_kind: str
    item_key: str
    decision: str
    from_annotator: str
    reason: str
    note: str
    decided_by: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DecisionRecord:
        """A row of :meth:`AdjudicationStore.decisions` (its ``at`` left out)."""
        return cls(DocId(row["doc_id"]), row["item_kind"], row["item_key"], row["decision"],
                   row["from_annotator"], row["reason"], row["note"], row["decided_by"])


class AdjudicationStore(StoreBase):
    """The reviewer's decisions on disagreements (adjudication)."""

    # ------------------------------------------------------------ adjudication

    def record_decision(self, record: DecisionRecord) -> None:
        """Store ``record``, replacing an earlier decision on the same item."""
        self.conn.execute(
            "INSERT INTO adjudications(doc_id, item_kind, item_key, decision, from_annotator, "
            "reason, note, decided_by, at) VALUES (?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(doc_id, item_kind, item_key) DO UPDATE SET decision = excluded.decision, "
            "from_annotator = excluded.from_annotator, reason = excluded.reason, "
            "note = excluded.note, decided_by = excluded.decided_by, at = excluded.at",
            (record.doc_id, record.item_kind, record.item_key, record.decision,
             record.from_annotator, record.reason, record.note, record.decided_by, now()))

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
