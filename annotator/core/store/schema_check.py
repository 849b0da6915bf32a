"""Is a project file what annotator made? Its header, identity and schema, checked before use.

A project file travels (e-mail, shared drives, downloads), and SQLite keeps
triggers and views inside the file: a trigger someone added runs with every
ordinary edit (one ``add_span`` could delete the other annotators' spans).
So before a file is written, its schema objects (tables, indexes, triggers,
views: names and SQL, whitespace normalised) are compared with what the
migrations create for its schema version, built once in an in-memory database
and cached per version. Anything extra, missing or changed is a
:class:`Difference`; the store then opens the file read-only
(:func:`read_only_reason`) until :func:`repair` (``annotator check --repair``,
after a backup) or a restore makes it ours again.

The checks here never write: a file that is not a project of ours is refused
before any read-write connection could turn it into a WAL database.
"""

from __future__ import annotations

import functools
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import NotAProjectError, ProjectFileError, SchemaTooNewError
from annotator.core.store import migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x414E4E4F  # "ANNO", as in annotator.core.store.db
_HEADER_SIZE = 100
_USER_VERSION_AT = 60  # big-endian 32-bit fields of the SQLite file header
_APPLICATION_ID_AT = 68

_INTERNAL_TABLES = ("sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3",
                    "sqlite_stat4")
"""Tables SQLite itself adds (AUTOINCREMENT, ANALYZE); their content runs no code."""

_DROP_ORDER = {"trigger": 0, "view": 1, "index": 2, "table": 3}
_CREATABLE = ("index", "trigger", "view")
"""What a repair can recreate from the migrations' SQL without losing data."""


@dataclass(frozen=True, slots=True, order=True)
class Difference:
    """One schema object that is not as the migrations create it."""

    kind: str
    """``foreign`` (annotator does not create it), ``missing`` or ``changed`` (other SQL)."""
    type: str
    name: str

    def describe(self) -> str:
        what = f"{self.type} {self.name!r}"
        if self.kind == "foreign":
            return f"schema: {what} was not created by annotator"
        if self.kind == "missing":
            return f"schema: {what}, which annotator creates, is missing"
        return f"schema: {what} differs from the one annotator creates"


# ------------------------------------------------------------------ identity


def check_header(path: Path) -> None:
    """Refuse, without opening it as a database, a path that is no SQLite file of ours.

    An empty file or any other kind of file would otherwise be turned into an
    (empty) WAL database by the first read-write connection, and even a
    read-only connection leaves ``-wal``/``-shm`` files beside a WAL-mode file.
    Without a ``-wal`` beside it the header is the whole truth, so a foreign
    SQLite file or one from a newer annotator is refused from its header alone.
    """
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise ProjectFileError(f"cannot read {path}: {exc.strerror}") from None
    if not stat.S_ISREG(mode):
        raise NotAProjectError(f"{path} is not a regular file, so not an annotator project")
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEADER_SIZE)
    except OSError as exc:
        raise ProjectFileError(f"cannot read {path}: {exc.strerror}") from None
    if not head:
        raise NotAProjectError(f"{path} is empty, not an annotator project; it was left as "
                               "it is (create a project with `annotator new`)")
    if not head.startswith(SQLITE_MAGIC) or len(head) < _HEADER_SIZE:
        raise ProjectFileError(f"{path} is damaged or not an annotator project (it is not an "
                               "SQLite file); it was left as it is")
    if not Path(f"{path}-wal").exists():
        _check_ids(path, int.from_bytes(head[_APPLICATION_ID_AT:_APPLICATION_ID_AT + 4]),
                   int.from_bytes(head[_USER_VERSION_AT:_USER_VERSION_AT + 4]))


def too_new_message(path: Path | str, version: int) -> str:
    return (f"{path} was made by a newer annotator (schema {version}); this tool knows up to "
            f"schema {migrations.SCHEMA_VERSION}; upgrade: install a newer annotator to use it")


def check_identity(conn: sqlite3.Connection, path: Path | str) -> int:
    """The schema version of the project behind ``conn``; refuses a file that is not ours
    or was made by a newer annotator."""
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = migrations.current_version(conn)
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(f"{path} is damaged or not an annotator project ({exc})"
                               ) from None
    _check_ids(path, app_id, version)
    return version


def _check_ids(path: Path | str, app_id: int, version: int) -> None:
    if version > migrations.SCHEMA_VERSION:
        raise SchemaTooNewError(too_new_message(path, version))
    if version == 0:
        raise NotAProjectError(f"{path} is not an annotator project (no schema)")
    if app_id != APPLICATION_ID:
        raise NotAProjectError(f"{path} is an SQLite file but not an annotator project")


# -------------------------------------------------------------------- schema


def normalise(sql: str) -> str:
    """``sql`` with whitespace collapsed and brackets spaced, for comparing schemas."""
    return " ".join(sql.replace("(", " ( ").replace(")", " ) ").split())


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(type, name) -> SQL of every schema object SQLite does not add on its own."""
    rows = conn.execute("SELECT type, name, COALESCE(sql, '') FROM main.sqlite_master")
    return {(kind, name): sql for kind, name, sql in rows
            if not (kind == "table" and name in _INTERNAL_TABLES)}


@functools.cache
def expected(version: int) -> dict[tuple[str, str], str]:
    """The schema objects the migrations create up to ``version`` (built in memory once)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrations.migrate(conn, target=version)
        return _objects(conn)
    finally:
        conn.close()


@functools.cache
def _expected_normalised(version: int) -> dict[tuple[str, str], str]:
    return {key: normalise(sql) for key, sql in expected(version).items()}


def differences(conn: sqlite3.Connection) -> list[Difference]:
    """What in the schema behind ``conn`` differs from what the migrations create ([] if none).

    A file whose version is not one this tool knows has no expected schema:
    :func:`check_identity` refuses it first.
    """
    version = migrations.current_version(conn)
    if not 0 < version <= migrations.SCHEMA_VERSION:
        return []
    raw, wanted, found = expected(version), _expected_normalised(version), _objects(conn)
    diffs = [Difference("foreign", kind, name) for kind, name in found.keys() - wanted.keys()]
    diffs += [Difference("missing", kind, name) for kind, name in wanted.keys() - found.keys()]
    diffs += [Difference("changed", kind, name) for kind, name in found.keys() & wanted.keys()
              if found[kind, name] != raw[kind, name]  # the very same text needs no normalising
              and normalise(found[kind, name]) != wanted[kind, name]]
    return sorted(diffs, key=lambda d: (d.type, d.name, d.kind))


def read_only_reason(path: Path | str, diffs: list[Difference]) -> str | None:
    """The one line saying why a file with ``diffs`` is open read-only (None without any)."""
    if not diffs:
        return None
    named = ", ".join(f"{d.type} {d.name!r} {d.kind}" for d in diffs[:3])
    more = f" and {len(diffs) - 3} more" if len(diffs) > 3 else ""  # noqa: PLR2004
    return (f"{path} has a schema annotator did not create ({named}{more}), so it is open "
            f"read-only: run `annotator check --repair {path}` or restore a backup")


# -------------------------------------------------------------------- repair


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def repair(conn: sqlite3.Connection) -> tuple[list[str], list[Difference]]:
    """Drop foreign objects and recreate the indexes, triggers and views the migrations
    define, in one transaction; (what was done, what is left).

    A missing or changed table cannot be rebuilt without losing its rows, so it
    is left for a restore. The caller takes a backup first.
    """
    diffs = differences(conn)
    wanted = expected(migrations.current_version(conn)) if diffs else {}
    done: list[str] = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for diff in sorted(diffs, key=lambda d: _DROP_ORDER.get(d.type, len(_DROP_ORDER))):
            if diff.kind == "missing" or (diff.kind == "changed" and diff.type == "table") \
                    or diff.name.startswith("sqlite_"):  # an autoindex goes with its table
                continue
            if diff.type not in _DROP_ORDER:  # a forged sqlite_master row: never into SQL
                done.append(f"could not drop {diff.type!r} {diff.name!r}: unknown kind")
                continue
            try:
                conn.execute(f"DROP {diff.type.upper()} IF EXISTS {_quoted(diff.name)}")
            except sqlite3.OperationalError as exc:  # e.g. a virtual table of an unknown module
                done.append(f"could not drop {diff.type} {diff.name!r}: {exc}")
                continue
            done.append(f"dropped {diff.kind} {diff.type} {diff.name!r}")
        for diff in diffs:
            if diff.kind != "foreign" and diff.type in _CREATABLE \
                    and not diff.name.startswith("sqlite_"):
                conn.execute(wanted[diff.type, diff.name])
                done.append(f"recreated {diff.type} {diff.name!r} as annotator creates it")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return done, differences(conn)
