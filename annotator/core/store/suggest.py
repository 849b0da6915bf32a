"""SQL for suggestions: remembered rejections and the registry fingerprint.

Part of the repository layer (the modules that know table names). A rejection
is keyed by document, annotator, layer, offsets and value (the actor key or
the date value), so a suggestion that later links to another actor, or
normalises to another date, is shown again.
"""

from __future__ import annotations

from typing import Any

from annotator.core.models import AnnotatorId, DocId
from annotator.core.store.base import now
from annotator.core.store.repository import Repository

RejectionKey = tuple[str, int, int, str]
"""(layer, start, end, value)"""


class SuggestRepository:
    """Rejections and registry versions over one project database."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.conn = repo.conn

    def reject(self, doc_id: DocId, annotator_id: AnnotatorId, key: RejectionKey) -> bool:
        """Remember a rejection; False when it was already remembered."""
        layer, start, end, value = key
        cur = self.conn.execute(
            'INSERT OR IGNORE INTO suggestion_rejections(doc_id, annotator_id, layer, start, '
            '"end", value, at) VALUES (?,?,?,?,?,?,?)',
            (doc_id, annotator_id, layer, start, end, value, now()))
        return cur.rowcount > 0

    def unreject(self, doc_id: DocId, annotator_id: AnnotatorId, key: RejectionKey) -> bool:
        """Forget a rejection (undo); False when there was none."""
        layer, start, end, value = key
        cur = self.conn.execute(
            'DELETE FROM suggestion_rejections WHERE doc_id = ? AND annotator_id = ? '
            'AND layer = ? AND start = ? AND "end" = ? AND value = ?',
            (doc_id, annotator_id, layer, start, end, value))
        return cur.rowcount > 0

    def rejections(self, doc_id: DocId, annotator_id: AnnotatorId) -> set[RejectionKey]:
        rows = self.conn.execute(
            'SELECT layer, start, "end", value FROM suggestion_rejections '
            "WHERE doc_id = ? AND annotator_id = ?", (doc_id, annotator_id))
        return {(r[0], int(r[1]), int(r[2]), str(r[3])) for r in rows}

    def all_rejections(self) -> list[tuple[int, str, int, int]]:
        """(doc id, layer, start, end) of every rejection by anyone: training signal."""
        rows = self.conn.execute(
            'SELECT doc_id, layer, start, "end" FROM suggestion_rejections ORDER BY doc_id')
        return [(int(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in rows]

    def registry_fingerprint(self) -> str:
        """Changes whenever an actor or alias is added, removed or renamed.

        Aliases are rewritten on every actor update (new row ids), and the
        name sums catch a rename of an actor without aliases. It is cheap (two
        aggregate scans), so callers can check it before every suggestion run.
        """
        actors: Any = self.conn.execute(
            "SELECT COUNT(*), COALESCE(MAX(id), 0), TOTAL(id * length(canonical_name)), "
            "TOTAL(id * unicode(canonical_name)), TOTAL(length(key) * id) FROM actors"
        ).fetchone()
        aliases: Any = self.conn.execute(
            "SELECT COUNT(*), COALESCE(MAX(id), 0), TOTAL(actor_id * length(alias)) "
            "FROM actor_aliases").fetchone()
        return ":".join(str(v) for v in (*actors, *aliases))
