"""The two cheap reads that tell a window another connection wrote the project.

``PRAGMA data_version`` changes on a connection exactly when some other
connection committed to the file since the last call (its own commits leave it
alone), and costs no disk access: it is the idle poll. The history's new rows
then say what changed and where.
"""

from __future__ import annotations

import sqlite3

HistoryRow = tuple[int, str, int | None]
"""(history id, entity, document id) of one logged edit."""


def data_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def last_history_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM history").fetchone()[0])


def history_since(conn: sqlite3.Connection, after_id: int, limit: int) -> list[HistoryRow]:
    """The edits logged after ``after_id``, oldest first, at most ``limit`` of them."""
    return [(int(i), str(e), None if d is None else int(d)) for i, e, d in conn.execute(
        "SELECT id, entity, doc_id FROM history WHERE id > ? ORDER BY id LIMIT ?",
        (after_id, limit))]
