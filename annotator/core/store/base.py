"""The store's foundation: the connection, the write transaction, JSON columns, FTS queries.

Writes happen inside :meth:`StoreBase.write`, which opens ``BEGIN IMMEDIATE``
(or a savepoint when already inside a transaction), so each façade operation
is one transaction and a failure leaves nothing half-written. Every
per-aggregate part of the store (documents, annotations, actors,
adjudication) builds on this class.
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

from annotator.core.models import DocId
from annotator.core.store.maintenance import storage_errors


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _load(text: str) -> Any:
    """json.loads with a fast path for the empty object most rows carry."""
    return {} if text == "{}" else json.loads(text)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)



class StoreBase:
    """The connection and the one transaction every write of the store goes through."""

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

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

def in_chunks(ids: Sequence[Any], size: int = 500) -> Iterator[tuple[Sequence[Any], str]]:
    """``ids`` in slices of at most ``size`` (under SQLite's parameter limit), each with
    the ``?, ?, ...`` placeholders of its ``IN (...)`` list."""
    for start in range(0, len(ids), size):
        part = ids[start:start + size]
        yield part, ",".join("?" * len(part))


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word must occur (prefix match)."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    return " ".join(f'"{w}"*' for w in words) or '""'
