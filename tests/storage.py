"""What storage tests read and plant in a project file beside the façade.

The :class:`~annotator.core.Project` keeps its store private. Tests that check
what is on disk (the stored codebook text, project info, table counts, the
schema version), that plant records the façade would refuse, or that need a
second writer on the same file open the file themselves here, through a
connection of their own (:func:`stored`, :func:`raw`, :func:`write_locked`).

The few white-box tests that inject faults into the façade's own connection
(a page limit standing in for a full disk, a short busy timeout) or trace the
statements it runs take the ``connections`` fixture (tests/conftest.py), which
records every connection the store opens during the test; request it before
the fixtures that open the project. These helpers are for tests only: the
product goes through the façade.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

from sqlite_utils import Database

from annotator.core.store import db as store_db
from annotator.core.store.db import connect, open_db
from annotator.core.store.repository import Repository


@contextlib.contextmanager
def stored(path: str | Path, *, writable: bool = False) -> Iterator[Repository]:
    """The project file's store over a connection of its own (read-only unless ``writable``)."""
    db = open_db(path, read_only=not writable)
    try:
        yield Repository(db)
    finally:
        db.close()


@contextlib.contextmanager
def raw(path: str | Path, *, writable: bool = False) -> Iterator[sqlite3.Connection]:
    """A bare SQLite connection to the project file (read-only unless ``writable``)."""
    conn = connect(path, read_only=not writable)
    try:
        yield conn
    finally:
        conn.close()


def write_locked(path: str | Path) -> bool:
    """Whether some connection holds the file's write lock (an unfinished transaction).

    Tries to take the lock without waiting, as another program would.
    """
    conn = sqlite3.connect(str(path), timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return True
    else:
        conn.execute("ROLLBACK")
        return False
    finally:
        conn.close()


class Connections:
    """The connections the store opened while recording, newest last."""

    def __init__(self) -> None:
        self.opened: list[tuple[str, sqlite3.Connection]] = []

    @contextlib.contextmanager
    def recording(self) -> Iterator[Connections]:
        real = store_db.connect

        def record(path: str | Path, **kwargs: Any) -> sqlite3.Connection:
            conn = real(path, **kwargs)
            self.opened.append((_key(path), conn))
            return conn

        with mock.patch.object(store_db, "connect", record):
            yield self
        self.opened.clear()

    def of(self, path: str | Path) -> sqlite3.Connection:
        """The newest connection still open on the file at ``path`` (the project's own
        when one project has it open)."""
        for opened_on, conn in reversed(self.opened):
            if opened_on == _key(path) and _is_open(conn):
                return conn
        raise LookupError(f"no open connection to {path} was recorded")

    def store_of(self, path: str | Path) -> Repository:
        """A store over the project's own connection (its transactions are the project's)."""
        return Repository(Database(self.of(path), execute_plugins=False))


def _key(path: str | Path) -> str:
    return str(path) if str(path) == ":memory:" else str(Path(path).resolve())


def _is_open(conn: sqlite3.Connection) -> bool:
    try:
        conn.total_changes  # noqa: B018 - raises once the connection is closed
    except sqlite3.ProgrammingError:
        return False
    return True
