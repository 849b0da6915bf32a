"""Rolling backups of a project file, restore, and what to offer when a file is damaged.

Backups live in a folder beside the project (``news.annotator`` ->
``news.annotator.backups/``), one self-contained SQLite file each, named
``news-20260510T120301.123456Z-open.annotator`` (UTC time, then the reason):

* ``open``: taken when a project is opened for writing, at most one per
  :attr:`BackupPolicy.interval_minutes`; the newest :attr:`BackupPolicy.keep`
  that pass ``quick_check`` are kept, older ones are deleted;
* ``before-vN``: taken before migrating the schema to version N (never pruned);
* ``before-restore`` / ``damaged``: the file as it was before a restore (a
  byte copy when it was too damaged to open); the newest ten are kept, and
  ``restore --latest`` skips them unless asked;
* ``manual``: ``annotator backup`` or :meth:`Project.backup` (never pruned).

Copies are made with SQLite's online backup API, so they are consistent even
while another window writes. The SQL lives in
:mod:`annotator.core.store.maintenance`; this module holds the policy.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.errors import BackupError, StorageError
from annotator.core.store import maintenance, migrations

log = logging.getLogger(__name__)

ROLLING = "open"
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}\.\d{6}Z)-(?P<reason>[a-z0-9-]+)"
                   r"(?P<suffix>\.[^.]*)?$")
SUSPECT = "suspect"
RESTORE_COPIES = ("before-restore", "damaged")
"""Safety copies a restore takes of what it replaces; ``--latest`` skips them."""
_KEEP_SUSPECT = 3
_KEEP_RESTORE = 10
_PARTIAL_MAX_AGE = 3600.0


@dataclass(frozen=True, slots=True)
class BackupPolicy:
    """When rolling backups are taken and how many are kept."""

    interval_minutes: float = 30.0
    keep: int = 10

    @classmethod
    def from_env(cls) -> BackupPolicy:
        """Defaults, overridable with ANNOTATOR_BACKUP_MINUTES and ANNOTATOR_BACKUP_KEEP."""
        default = cls()
        try:
            minutes = float(os.environ.get("ANNOTATOR_BACKUP_MINUTES", default.interval_minutes))
            keep = int(os.environ.get("ANNOTATOR_BACKUP_KEEP", default.keep))
        except ValueError:
            return default
        return cls(max(0.0, minutes), max(0, keep))


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file and what its name tells."""

    path: Path
    taken_at: datetime
    reason: str

    def describe(self) -> str:
        local = self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return f"{self.path} (taken {local}, {self.reason})"


# ---------------------------------------------------------------------- naming


def backup_dir(project: Path) -> Path:
    """The folder holding ``project``'s backups."""
    return project.with_name(project.name + ".backups")


def _backup_name(project: Path, reason: str, when: datetime) -> str:
    suffix = project.suffix or ".annotator"
    stem = project.stem if project.suffix else project.name
    return f"{stem}-{when.strftime(_STAMP)}-{reason}{suffix}"


def parse_name(path: Path) -> BackupInfo | None:
    """The backup described by a file name, or None for other files."""
    match = _NAME.match(path.name)
    if match is None or path.name.startswith("."):
        return None
    taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    return BackupInfo(path, taken, match["reason"])


def list_backups(project: Path) -> list[BackupInfo]:
    """The backups of ``project``, newest first."""
    folder = backup_dir(project)
    if not folder.is_dir():
        return []
    found = [info for child in folder.iterdir() if (info := parse_name(child)) is not None]
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


# ---------------------------------------------------------------------- taking


def take_backup(conn: sqlite3.Connection, project: Path, reason: str = "manual") -> Path:
    """Copy the database behind ``conn`` into ``project``'s backup folder; returns the copy."""
    folder = backup_dir(project)
    try:
        folder.mkdir(exist_ok=True)
        _clean_partials(folder)
        dest = folder / _backup_name(project, reason, datetime.now(UTC))
        return maintenance.copy_database(conn, dest)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"cannot back up {project} into {folder}: {exc}") from exc


def before_open(conn: sqlite3.Connection, project: Path, version: int, target: int,
                policy: BackupPolicy | None = None) -> Path | None:
    """What opening for writing does: a mandatory backup before a migration, else a rolling one.

    Raises :class:`BackupError` when the pre-migration backup fails (the
    migration must not run without one); a failed rolling backup is logged and
    the project opens anyway.
    """
    if version > target:
        return None  # too new for us: opening fails right after, nothing to protect
    if 0 < version < target:
        return take_backup(conn, project, f"before-v{target}")
    try:
        return backup_on_open(conn, project, policy or BackupPolicy.from_env())
    except (BackupError, OSError, sqlite3.Error) as exc:
        log.warning("no backup of %s on opening: %s", project, exc)
        return None


def backup_on_open(conn: sqlite3.Connection, project: Path, policy: BackupPolicy
                   ) -> Path | None:
    """A rolling backup unless one was taken within the policy's interval."""
    if policy.keep <= 0:
        return None
    backups = list_backups(project)
    if backups:
        age = datetime.now(UTC) - backups[0].taken_at
        if age.total_seconds() < policy.interval_minutes * 60:
            return None
    path = take_backup(conn, project, ROLLING)
    if maintenance.verify_file(path, quick=True):
        # A damaged source gives a damaged copy: never let those push good ones out.
        suspect = path.with_name(path.name.replace(f"-{ROLLING}", f"-{SUSPECT}", 1))
        os.replace(path, suspect)
        log.warning("the project %s failed its quick check; run `annotator check`", project)
        path = suspect
    prune(project, policy.keep)
    return path


def prune(project: Path, keep: int) -> list[Path]:
    """Delete rolling backups beyond the newest ``keep`` (and old suspect copies)."""
    removed: list[Path] = []
    by_reason: dict[str, list[BackupInfo]] = {ROLLING: [], SUSPECT: []}
    for info in list_backups(project):
        if info.reason in by_reason:
            by_reason[info.reason].append(info)
    for reason, limit in ((ROLLING, keep), (SUSPECT, _KEEP_SUSPECT)):
        for info in by_reason[reason][limit:]:
            try:
                info.path.unlink()
            except FileNotFoundError:
                continue  # another window pruned it first
            removed.append(info.path)
    return removed


def _clean_partials(folder: Path) -> None:
    """Remove half-written copies left by a crash (old enough not to be in progress)."""
    now = time.time()
    for leftover in folder.glob(".*.partial*"):
        try:
            if now - leftover.stat().st_mtime > _PARTIAL_MAX_AGE:
                leftover.unlink()
        except FileNotFoundError:
            continue


# ------------------------------------------------------------- checking, offering


def verify_backup(path: Path) -> list[str]:
    """[] when ``path`` is a usable project copy (full integrity and foreign-key checks)."""
    return maintenance.verify_file(path)


def latest_good_backup(project: Path, *, include_restore_copies: bool = False
                       ) -> BackupInfo | None:
    """The newest backup that passes :func:`verify_backup`.

    The copies a restore took of what it replaced are skipped unless asked
    for: otherwise a second ``restore --latest`` would undo the first.
    """
    skipped = {SUSPECT} if include_restore_copies else {SUSPECT, *RESTORE_COPIES}
    for info in list_backups(project):
        if info.reason not in skipped and not verify_backup(info.path):
            return info
    return None


def damage_offer(project: Path) -> str:
    """The line that tells a user with a damaged file what they can do."""
    good = latest_good_backup(project)
    if good is None:
        return (f"no good backup of {project.name} was found in {backup_dir(project)}; "
                "keep the damaged file, a copy may still be recoverable")
    return (f"the latest good backup is {good.describe()}; restore it with "
            f"`annotator restore {project} --latest` (the damaged file is kept as a backup)")


def probe(project: Path) -> str | None:
    """Why ``project`` cannot be opened as an SQLite file at all (None when it can)."""
    return maintenance.probe(project)


def damage(project: Path) -> str | None:
    """The first integrity problem of an existing project file (None when it is sound or absent)."""
    if not project.is_file():
        return None
    problems = maintenance.verify_file(project)
    return problems[0] if problems else None


def storage_error(exc: sqlite3.Error) -> StorageError | None:
    """The storage failure (full disk, damage, read-only file...) behind an SQLite error.

    None for the errors that are bugs or validation problems instead.
    """
    return maintenance.translate(exc)


# --------------------------------------------------------------------- restoring


def resolve_source(project: Path, source: Path | None, *,
                   include_restore_copies: bool = False) -> Path:
    """The file to restore: ``source`` when given (verified), else the latest good backup."""
    if source is None:
        good = latest_good_backup(project, include_restore_copies=include_restore_copies)
        if good is None:
            raise BackupError(f"no good backup of {project} in {backup_dir(project)}")
        return good.path
    problems = verify_backup(source)
    if problems:
        raise BackupError(f"{source} is not a good project copy: {problems[0]}")
    if maintenance.schema_version(source) > migrations.SCHEMA_VERSION:
        raise BackupError(f"{source} was written by a newer annotator; install it first")
    return source


def safety_copy(project: Path) -> Path:
    """Back the current file up before it is replaced (a byte copy if it will not open)."""
    try:
        conn = maintenance.open_file(project)
        try:
            return take_backup(conn, project, "before-restore")
        finally:
            conn.close()
    except (BackupError, sqlite3.Error) as exc:
        log.info("backup API failed on %s (%s); copying bytes", project, exc)
    folder = backup_dir(project)
    folder.mkdir(exist_ok=True)
    dest = folder / _backup_name(project, "damaged", datetime.now(UTC))
    maintenance.copy_file(project, dest)
    wal = Path(f"{project}-wal")
    if wal.exists():
        maintenance.copy_file(wal, Path(f"{dest}-wal"))
    return dest


def restore_file(project: Path, source: Path | None = None, *,
                 include_restore_copies: bool = False) -> tuple[Path, Path]:
    """Restore ``project`` from ``source`` (default: latest good backup) when it is not open.

    Exclusive: the project's write lock is taken first, the safety copy of the
    current content is made under it, then the backup is copied in and the lock
    released, so no edit another window or process commits is lost (it waits,
    or fails with "database is locked"). Returns (restored from, safety copy).
    A file too damaged to open through SQLite is replaced by rename instead.
    """
    chosen = resolve_source(project, source, include_restore_copies=include_restore_copies)
    if chosen.resolve() == project.resolve():
        raise BackupError("cannot restore a project from itself")
    if not project.exists():
        maintenance.replace_file(chosen, project)
        return chosen, chosen
    saved: list[Path] = []
    try:
        conn = maintenance.open_file(project, read_only=False)
        try:
            maintenance.restore_into(chosen, conn, lambda: saved.append(safety_copy(project)))
            migrations.migrate(conn)  # an older backup is brought up to date
        finally:
            conn.close()
    except ValueError as exc:
        raise BackupError(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        if saved:  # the restore itself failed after the copy: nothing was replaced
            raise BackupError(f"cannot restore {project} from {chosen}: {exc}") from exc
        log.info("restoring through SQLite failed (%s); replacing the file", exc)
        saved.append(safety_copy(project))
        maintenance.replace_file(chosen, project)
    _prune_restore_copies(project)
    return chosen, saved[0]


def restore_into_open(conn: sqlite3.Connection, project: Path, source: Path | None = None, *,
                      include_restore_copies: bool = False) -> tuple[Path, Path]:
    """Restore into a project open on ``conn`` (the window stays open); exclusive, as above."""
    chosen = resolve_source(project, source, include_restore_copies=include_restore_copies)
    saved: list[Path] = []
    try:
        maintenance.restore_into(chosen, conn, lambda: saved.append(safety_copy(project)))
        migrations.migrate(conn)  # an older backup is brought up to date
    except (ValueError, sqlite3.Error) as exc:
        raise BackupError(f"cannot restore {project} from {chosen}: {exc}") from exc
    _prune_restore_copies(project)
    return chosen, saved[0]


def _prune_restore_copies(project: Path) -> None:
    for info in [i for i in list_backups(project) if i.reason in RESTORE_COPIES][_KEEP_RESTORE:]:
        info.path.unlink(missing_ok=True)
