"""Noticing what other windows and processes wrote: :class:`ChangeWatch`.

A window polls :meth:`ChangeWatch.poll` on a short timer. When idle that is
one ``PRAGMA data_version`` on the window's own connection (no disk access);
after another connection committed, the history rows logged since the last
look become one :class:`~annotator.core.models.Changes` naming the kinds of
data and the documents, so a view refreshes only what it shows. A write the
history does not name (an import, a restore) reads as ``ChangeKind.ALL``.

The window's own writes log history rows too. They are told apart by the
connection's own change counter: a poll that finds only its own writes just
moves past their rows; one that finds both its own and others' writes since
the last poll cannot tell whose rows are whose, and says ``ALL``.
"""

from __future__ import annotations

import sqlite3

from annotator.core.models import ChangeKind, Changes, DocId
from annotator.core.store import watch

EXTERNAL = "elsewhere"
"""The initiator of Changes that another window or process caused."""
MAX_ROWS = 5000
"""Beyond this many new history rows (a merge, a bulk edit) a view reloads everything."""

_KINDS = {
    "span": ChangeKind.SPANS, "claim": ChangeKind.CLAIMS, "value": ChangeKind.VALUES,
    "status": ChangeKind.STATUS, "document": ChangeKind.DOCUMENTS,
    "actor": ChangeKind.ACTORS | ChangeKind.SPANS, "actors": ChangeKind.ACTORS,
    "adjudication": ChangeKind.GOLD | ChangeKind.SPANS | ChangeKind.CLAIMS | ChangeKind.VALUES,
    "suggestion": ChangeKind.SUGGESTIONS, "event": ChangeKind.EVENTS,
}
"""What an edit of each history entity can change in a view (anything else: ALL)."""


class ChangeWatch:
    """Tells what other connections committed to a project since the last poll.

    Made by :meth:`Project.change_watch <annotator.core.project.Project.change_watch>`
    over the project's own connection (``data_version`` is per connection)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._version = watch.data_version(self._conn)
        self._own = self._conn.total_changes
        self._last = watch.last_history_id(self._conn)

    def poll(self) -> Changes[None] | None:
        """None when nobody else wrote; else what they changed (initiator EXTERNAL)."""
        version, own = watch.data_version(self._conn), self._conn.total_changes
        wrote, others = own != self._own, version != self._version
        self._version, self._own = version, own
        if not others:
            if wrote:  # only this connection wrote: its history rows are no news
                self._last = watch.last_history_id(self._conn)
            return None
        if wrote:  # both: whose rows are whose is unknown
            self._last = watch.last_history_id(self._conn)
            return Changes(ChangeKind.ALL, initiator=EXTERNAL)
        rows = watch.history_since(self._conn, self._last, MAX_ROWS + 1)
        if not rows or len(rows) > MAX_ROWS:
            self._last = watch.last_history_id(self._conn)
            return Changes(ChangeKind.ALL, initiator=EXTERNAL)
        self._last = rows[-1][0]
        kind = ChangeKind(0)
        doc_ids: dict[DocId, None] = {}
        for _id, entity, doc_id in rows:
            kind |= _KINDS.get(entity, ChangeKind.ALL)
            if doc_id is not None:
                doc_ids.setdefault(DocId(doc_id), None)
        return Changes(kind, tuple(doc_ids), initiator=EXTERNAL)
