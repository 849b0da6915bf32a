"""Storage maintenance: copying, verifying and restoring project files, and storage errors.

Part of the repository layer (with :mod:`annotator.core.store.repository`): the SQL
and SQLite calls that keep a project file safe live here, the policy (when to
back up, how many copies to keep, what to offer the user) in
:mod:`annotator.core.backup`.

:func:`storage_errors` is the one place where SQLite's result codes become the
domain exceptions below, each with a message a user can act on.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.core.errors import (  # noqa: F401 - re-exported
    DamagedProjectError,
    DiskFullError,
    ProjectBusyError,
    ReadOnlyProjectError,
    StorageError,
    StorageIOError,
)
from annotator.core.store import schema_check

APPLICATION_ID = 0x414E4E4F  # the same constant as annotator.core.store.db (which imports us)


_NOT_SAVED = "the last change was not saved; earlier edits are safe"
_MESSAGES: dict[str, tuple[type[StorageError], str]] = {
    "SQLITE_FULL": (DiskFullError,
                    f"the disk is full: {_NOT_SAVED}. Free some space and try again"),
    "SQLITE_READONLY": (ReadOnlyProjectError,
                        f"the project is read-only (file, folder or opening): {_NOT_SAVED}. "
                        "Save a copy elsewhere or make the file writable"),
    "SQLITE_BUSY": (ProjectBusyError,
                    f"another window or process is saving to this project: {_NOT_SAVED}. "
                    "Try again in a moment"),
    "SQLITE_LOCKED": (ProjectBusyError,
                      f"the project is locked by another operation: {_NOT_SAVED}. Try again"),
    "SQLITE_CORRUPT": (DamagedProjectError,
                       "the project file is damaged; run `annotator check` and restore the "
                       "latest good backup"),
    "SQLITE_NOTADB": (DamagedProjectError,
                      "the file is not a readable project (damaged or not an annotator "
                      "file); restore the latest good backup"),
    "SQLITE_IOERR": (StorageIOError,
                     f"the operating system could not read or write the project file: "
                     f"{_NOT_SAVED}. Check the disk or network drive"),
    "SQLITE_CANTOPEN": (StorageIOError,
                        "the project file (or its -wal/-shm companion) cannot be opened; "
                        "check that the folder exists and is writable"),
}


def translate(exc: sqlite3.Error) -> StorageError | None:
    """The domain exception for a storage failure, or None for other SQLite errors.

    Constraint violations and programming errors are bugs or validation
    problems, not storage problems: they are left to the caller.
    """
    name = getattr(exc, "sqlite_errorname", "") or ""
    primary = _primary_name(name, str(exc))
    if primary not in _MESSAGES:
        return None
    cls, message = _MESSAGES[primary]
    return cls(f"{message} ({exc})")


def _primary_name(name: str, text: str) -> str:
    """SQLITE_READONLY_DBMOVED -> SQLITE_READONLY; falls back on the message text."""
    for primary in _MESSAGES:
        if name == primary or name.startswith(primary + "_"):
            return primary
    fallbacks = {"database or disk is full": "SQLITE_FULL",
                 "readonly database": "SQLITE_READONLY",
                 "database is locked": "SQLITE_BUSY",
                 "malformed": "SQLITE_CORRUPT",
                 "file is not a database": "SQLITE_NOTADB",
                 "disk I/O error": "SQLITE_IOERR"}
    return next((code for needle, code in fallbacks.items() if needle in text), "")


@contextlib.contextmanager
def storage_errors() -> Iterator[None]:
    """Re-raise SQLite storage failures inside the block as :class:`StorageError`."""
    try:
        yield
    except sqlite3.Error as exc:
        mapped = translate(exc)
        if mapped is None:
            raise
        raise mapped from exc


# ------------------------------------------------------------------ connections


def open_file(path: Path, *, read_only: bool = True) -> sqlite3.Connection:
    """A bare connection to a project or backup file (no migrations, no PRAGMA changes)."""
    mode = "ro" if read_only else "rwc"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    if read_only and needs_immutable(path):
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0,
                           check_same_thread=False)
    conn.execute("PRAGMA trusted_schema = OFF")  # the file's triggers and views call nothing
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def needs_immutable(path: Path) -> bool:
    """Whether a read-only opening must say ``immutable=1`` to read a WAL-mode file.

    Reading a WAL database needs its -shm file, which a read-only folder cannot
    hold; with no -wal there either, nobody can be writing the file, so SQLite
    may treat it as immutable.
    """
    return not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists()


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a directory
        fsync_file(folder)


def fsync_file(path: Path) -> None:
    """Flush ``path`` (a file, or a folder where the platform allows) to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# ---------------------------------------------------------------------- copying


def copy_database(source: sqlite3.Connection, dest: Path) -> Path:
    """Copy a consistent snapshot of ``source`` to the new file ``dest`` atomically.

    Uses SQLite's online backup API (safe while other connections write), writes
    a ``.partial`` file first and renames it only once it is complete and on
    disk, so a crash never leaves a half backup under a real name. The copy is
    a single self-contained file (rollback journal, no -wal).
    """
    partial = dest.with_name(f".{dest.name}.partial")
    for leftover in (partial, Path(f"{partial}-journal"), Path(f"{partial}-wal")):
        leftover.unlink(missing_ok=True)
    target = sqlite3.connect(partial, isolation_level=None)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    fsync_file(partial)
    os.replace(partial, dest)
    _fsync_dir(dest.parent)
    return dest


def copy_file(source: Path, dest: Path) -> Path:
    """Copy ``source`` to ``dest`` by file, for projects too damaged to open."""
    partial = dest.with_name(f".{dest.name}.partial")
    partial.unlink(missing_ok=True)
    with source.open("rb") as src, partial.open("wb") as out:
        while chunk := src.read(1 << 20):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, dest)
    _fsync_dir(dest.parent)
    return dest


_SQLITE_OK = 0


def restore_into(source: Path, dest: sqlite3.Connection,
                 under_lock: Callable[[], object] | None = None) -> None:
    """Overwrite the database behind ``dest`` with the content of ``source``.

    Goes through ``dest``'s own pager and locks, so other connections to the
    same file (another window) see the restored content, never a torn file.

    The copy runs one page per step: the first step takes ``dest``'s write
    lock, and SQLite holds it until the last page is in. ``under_lock`` is
    called once, right after that first step: whatever it reads through a
    fresh connection (the safety copy) is the last committed state, and no
    other writer can commit before the restore ends (they wait on the busy
    timeout, then fail with "database is locked"). If ``under_lock`` raises,
    the restore is abandoned and ``dest`` is left as it was.
    """
    src = open_file(source)
    try:
        pages = int(src.execute("PRAGMA page_count").fetchone()[0])
        if under_lock is not None and pages < 2:  # noqa: PLR2004 - one step would be the whole copy
            raise ValueError(f"{source} holds no project (only {pages} page)")
        done: list[bool] = []

        def first_step(status: int, _remaining: int, _total: int) -> None:
            if status == _SQLITE_OK and not done and under_lock is not None:
                done.append(True)
                under_lock()

        src.backup(dest, pages=1, progress=first_step)
    finally:
        src.close()


def replace_file(source: Path, project: Path) -> None:
    """Put a copy of ``source`` in place of ``project`` by renaming (the file was unopenable).

    The damaged file's -wal/-shm are removed: they belong to the old file and
    would be replayed onto the restored one.
    """
    fresh = project.with_name(f".{project.name}.restoring")
    src = open_file(source)
    try:
        copy_database(src, fresh)
    finally:
        src.close()
    for companion in (Path(f"{project}-wal"), Path(f"{project}-shm")):
        companion.unlink(missing_ok=True)
    os.replace(fresh, project)
    _fsync_dir(project.parent)


# ------------------------------------------------------------------- verifying


def verify_file(path: Path, *, quick: bool = False) -> list[str]:
    """Problems that make ``path`` unusable as a project ([] when it is a good one).

    Checks that it is an SQLite file of ours with a schema, then runs
    ``integrity_check`` (or ``quick_check``) and ``foreign_key_check``.
    """
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        conn = open_file(path)
    except sqlite3.Error as exc:
        return [f"cannot open: {exc}"]
    try:
        return _verify(conn, quick)
    except sqlite3.Error as exc:
        return [f"unreadable: {exc}"]
    finally:
        conn.close()


def _verify(conn: sqlite3.Connection, quick: bool) -> list[str]:
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return ["not an annotator project (wrong application id)"]
    if not conn.execute("PRAGMA user_version").fetchone()[0]:
        return ["not an annotator project (no schema)"]
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
    problems = [] if rows == ["ok"] else [f"integrity: {r}" for r in rows]
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")
    # A copy carrying someone's trigger is no good backup: restoring it would bring it back.
    problems.extend(diff.describe() for diff in schema_check.differences(conn))
    return problems


def probe(path: Path) -> str | None:
    """A cheap test that a project file opens and its schema reads; the reason if not.

    Reads the header and the schema only (no full scan), so it is fast enough
    to run before every opening.
    """
    try:
        conn = open_file(path)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        conn.close()
    return None


def schema_version(path: Path) -> int:
    """``PRAGMA user_version`` of a file (0 when it cannot be read)."""
    try:
        conn = open_file(path)
    except sqlite3.Error:
        return 0
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per ordinary table (for reports and tests comparing a backup with its source)."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' ORDER BY name")]
    return {name: int(conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])
            for name in names}


def normalised_schema(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(type, name, SQL with whitespace collapsed) of every schema object, sorted."""
    rows = conn.execute(
        "SELECT type, name, COALESCE(sql, '') FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").fetchall()
    return [(kind, name, schema_check.normalise(sql)) for kind, name, sql in rows]
