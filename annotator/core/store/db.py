"""open_db(): the one place a project Database is built.

Sets the PRAGMAs every connection needs and brings the schema up to date.

Durability: WAL journal with ``synchronous=FULL``. In WAL mode ``NORMAL``
already survives a killed process (the WAL is in the OS page cache), but it
can lose the last commits on power loss; an annotator's acknowledged edit must
survive both, and one fsync per edit costs about a millisecond here. Bulk
imports group many files in one transaction, so they pay it rarely.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from annotator.core.errors import ProjectFileError, SchemaTooNewError
from annotator.core.store import migrations, schema_check
from annotator.core.store.maintenance import needs_immutable, open_file

APPLICATION_ID = 0x414E4E4F  # "ANNO": lets `file` and our own checks recognise a project


def connect(path: str | Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A raw connection with our PRAGMAs; autocommit mode, transactions are explicit."""
    target = str(path)
    if target != ":memory:":
        mode = "ro" if read_only else "rwc"
        target = f"{Path(path).resolve().as_uri()}?mode={mode}"
        if read_only and needs_immutable(Path(path)):
            target += "&immutable=1"  # read-only media: nobody can be writing it either
    try:
        conn = sqlite3.connect(target, uri=target != ":memory:", isolation_level=None,
                               check_same_thread=False, timeout=5.0)
    except sqlite3.OperationalError as exc:
        raise ProjectFileError(f"cannot open {path}: {exc}") from None
    try:
        # Before anything else: the file's own triggers and views may not call
        # functions with side effects (a hostile file is also refused at open).
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        if not read_only and target != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -32000")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ProjectFileError(f"{path} is damaged or not an annotator project ({exc})") from None
    return conn


def read_only_reason(path: str | Path) -> str | None:
    """Why an existing project file cannot or may not be written (None when it can).

    Such a file is opened read-only instead of failing: reading works and every
    save reports :class:`~annotator.core.store.maintenance.ReadOnlyProjectError`.
    Besides permissions, a schema that is not what the migrations create (an
    added trigger, a dropped index) keeps the file read-only until it is
    repaired or restored.
    """
    path = Path(path)
    if str(path) == ":memory:" or not path.exists():
        return None
    reason = _permission_reason(path)
    if reason is None:
        try:
            reason = inspect(path)
        except (ProjectFileError, SchemaTooNewError):
            return None  # not a project at all: opening it says so
    return reason


def _permission_reason(path: Path) -> str | None:
    if not os.access(path, os.W_OK):
        return f"{path} is read-only"
    if not os.access(path.parent, os.W_OK):
        return f"the folder {path.parent} is read-only"
    return None


def inspect(path: Path) -> str | None:
    """Refuse a file that is no project of ours, writing nothing to it; the reason it must
    open read-only because of its schema, or None.

    Runs on a read-only connection, so an empty file, a foreign SQLite file or one
    from a newer annotator is refused exactly as it was found (no WAL, no backup).
    """
    return _inspect(path, schema=True)


def _inspect(path: Path, *, schema: bool) -> str | None:
    schema_check.check_header(path)
    try:
        conn = open_file(path)
    except sqlite3.Error as exc:
        raise ProjectFileError(f"{path} is damaged or not an annotator project ({exc})"
                               ) from None
    try:
        schema_check.check_identity(conn, path)
        if not schema:
            return None
        return schema_check.read_only_reason(path, schema_check.differences(conn))
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(f"{path} is damaged or not an annotator project ({exc})"
                               ) from None
    finally:
        conn.close()


class ProjectDatabase(Database):
    """A project's database, knowing why the store opened it read-only when it did."""

    forced_read_only: str | None = None
    """Why the file was opened read-only though writing was asked for (None if it was not)."""


BeforeOpen = Callable[[sqlite3.Connection, Path, int, int], object]
"""Called as ``(conn, path, version, target_version)`` before an existing file is written."""


def open_db(path: str | Path, *, create: bool = False, read_only: bool = False,
            defer_backup: bool = False, before_open: BeforeOpen | None = None
            ) -> ProjectDatabase:
    """Open (or create) a project database and run pending migrations.

    Opening an existing file for writing first calls ``before_open`` (the
    façade passes :func:`annotator.core.backup.before_open`, which backs the
    file up: always before a migration, else at most once per backup
    interval); the store itself knows no backup policy. ``defer_backup``
    leaves the rolling backup to the caller (the window takes it on a worker
    thread after the first paint); the call before a migration is never
    deferred.
    """
    path_obj = Path(path) if str(path) != ":memory:" else None
    forced = None
    if path_obj is not None and not create:
        forced = _before_connecting(path_obj)
    if path_obj is not None and create and path_obj.exists() and path_obj.stat().st_size:
        raise ProjectFileError(f"{path} already exists; open it instead of creating it")
    asked_read_only, read_only = read_only, read_only or forced is not None
    conn = connect(path, read_only=read_only)
    try:
        if path_obj is not None and not create:
            schema_check.check_identity(conn, path_obj)
            schema = schema_check.read_only_reason(path_obj, schema_check.differences(conn))
            if schema is not None and not read_only:  # someone else's triggers: never write
                conn.close()
                conn = connect(path, read_only=True)
                read_only, forced = True, schema
            forced = forced or schema
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = migrations.current_version(conn)
        if not read_only:
            migrating = 0 < version < migrations.SCHEMA_VERSION
            if path_obj is not None and not create and before_open is not None \
                    and (migrating or not defer_backup):
                before_open(conn, path_obj, version, migrations.SCHEMA_VERSION)
            migrations.migrate(conn)
            if app_id != APPLICATION_ID:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        elif version < migrations.SCHEMA_VERSION:
            raise ProjectFileError(
                f"{path} needs a schema upgrade, which a read-only opening cannot do"
                + (f" ({forced})" if forced else ""))
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ProjectFileError(f"{path} is not a readable annotator project ({exc})") from None
    except BaseException:
        conn.close()
        raise
    database = ProjectDatabase(conn, execute_plugins=False)
    database.forced_read_only = None if asked_read_only else forced
    return database


def _before_connecting(path: Path) -> str | None:
    """Refuse, before any connection, a file that is no project of ours; the reason its
    permissions force a read-only opening, or None."""
    if not path.exists():
        raise ProjectFileError(f"{path} does not exist")
    schema_check.check_header(path)
    if Path(f"{path}-wal").exists():
        _inspect(path, schema=False)  # the header may lag behind the WAL: ask SQLite
    return _permission_reason(path)

