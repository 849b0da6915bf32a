"""What storage tests read and plant in a project file beside the façade.

The :class:`~annotator.core.Project` keeps its store private. Tests that check
what is on disk (the stored codebook text, project info, table counts, the
schema version), that plant records the façade would refuse, or that need a
second writer on the same file open the file themselves here, through a
connection of their own. These helpers are for tests only: the product goes
through the façade.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

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
