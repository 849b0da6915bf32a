"""What storage tests read and plant in a project file beside the façade.

The :class:`~annotator.core.Project` keeps its store private. Tests that check
what is on disk (the stored codebook text, project info, table counts, the
schema version), that plant records the façade would refuse, or that need a
second writer on the same file open the file themselves here, through a
connection of their own (:func:`stored`, :func:`raw`, :func:`write_locked`).

The few white-box tests that inject faults into the façade's own connection
(a page limit standing in for a full disk, a short busy timeout) or trace the
statements it runs take the ``connections`` fixture (tests/conftest.py), which
records the connection each project opens during the test (:class:`Connections`);
request it before the fixtures that open the project. These helpers are for tests only: the
product goes through the façade.
"""

from __future__ import annotations

import contextlib
import inspect
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

from sqlite_utils import Database

from annotator.core.project import base as project_base
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
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise
        return True
    else:
        conn.execute("ROLLBACK")
        return False
    finally:
        conn.close()


class Connections:
    """The connection each project opened while recording."""

    def __init__(self) -> None:
        self.opened: list[tuple[object, sqlite3.Connection]] = []

    @contextlib.contextmanager
    def recording(self) -> Iterator[Connections]:
        real = project_base.open_db

        def record(*args: Any, **kwargs: Any) -> Database:
            db = real(*args, **kwargs)
            # the caller is ProjectBase.__init__: its ``self`` is the project opening
            caller = inspect.currentframe()
            owner = caller.f_back.f_locals.get("self") if caller and caller.f_back else None
            self.opened.append((owner, db.conn))
            return db

        with mock.patch.object(project_base, "open_db", record):
            yield self
        self.opened.clear()

    def of(self, project: object) -> sqlite3.Connection:
        """The connection ``project`` opened (it must have been opened while recording)."""
        for owner, conn in self.opened:
            if owner is project:
                return conn
        raise LookupError(f"{project!r} was not opened while connections were recorded")

    def store_of(self, project: object) -> Repository:
        """A store over the project's own connection (its transactions are the project's)."""
        return Repository(Database(self.of(project), execute_plugins=False))
