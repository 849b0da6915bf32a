"""Schema migrations: every released version upgrades to today's, with a backup taken first.

The fixtures in tests/fixtures/schema_vN.sqlite are real files of each
released schema version (tests/fixtures/make_schema_fixtures.py made them).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.core import Project, backup
from annotator.core.errors import ProjectFileError
from annotator.core.store import maintenance, migrations
from annotator.core.store.db import APPLICATION_ID
from tests.fixtures.make_schema_fixtures import build, fixture_path
from tests.storage import raw

OLD_VERSIONS = list(range(1, migrations.SCHEMA_VERSION))


def _schema_of(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return maintenance.normalised_schema(conn)


def _fresh_schema() -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrations.migrate(conn)
    return _schema_of(conn)


def _copy_fixture(version: int, folder: Path) -> Path:
    dest = folder / f"v{version}.annotator"
    shutil.copyfile(fixture_path(version), dest)
    return dest


def _counts(path: Path) -> dict[str, int]:
    conn = maintenance.open_file(path)
    try:
        return maintenance.table_counts(conn)
    finally:
        conn.close()


def test_application_id_is_shared() -> None:
    assert maintenance.APPLICATION_ID == APPLICATION_ID


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_every_released_version_has_a_fixture(version: int) -> None:
    path = fixture_path(version)
    assert path.exists(), (f"no fixture for schema v{version}: run "
                           f"`python -m tests.fixtures.make_schema_fixtures --version {version}`")
    assert maintenance.schema_version(path) == version
    assert maintenance.verify_file(path) == []


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_fixture_upgrades_to_current_with_a_backup_first(version: int, tmp_path: Path) -> None:
    path = _copy_fixture(version, tmp_path)
    before = _counts(path)
    with Project.open(path) as project:
        with raw(path) as conn:
            assert migrations.current_version(conn) == migrations.SCHEMA_VERSION
        assert project.check() == []
        span = next(s for s in project.spans() if s.uid == "s1")
        assert span.text == "Vollmer" and span.actor_id == 1
        claim = project.claims()[0]
        assert claim.gloss == "withdraw troops" and len(claim.demand_span_ids) == 1
        assert project.values(claim.doc_id, "alice") == {"relevance": "yes"}
        assert [d.id for d in project.search("Reuters")] == [2]
        # the upgraded file is fully usable
        project.add_span(claim.doc_id, "alice", "ACTOR", 0, 10)
    backups = backup.list_backups(path)
    assert [b.reason for b in backups] == [f"before-v{migrations.SCHEMA_VERSION}"]
    copy = backups[0].path
    assert maintenance.schema_version(copy) == version
    assert backup.verify_backup(copy) == []
    assert _counts(copy) == before


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_upgraded_fixture_has_the_schema_of_a_fresh_project(version: int, tmp_path: Path
                                                            ) -> None:
    path = _copy_fixture(version, tmp_path)
    Project.open(path).close()
    conn = maintenance.open_file(path)
    try:
        assert _schema_of(conn) == _fresh_schema()
    finally:
        conn.close()


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_created_at_old_version_and_migrated_equals_fresh(version: int) -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    assert migrations.migrate(conn, target=version) == list(range(1, version + 1))
    assert migrations.migrate(conn) == list(range(version + 1, migrations.SCHEMA_VERSION + 1))
    assert _schema_of(conn) == _fresh_schema()


def test_fixture_generator_is_reproducible(tmp_path: Path) -> None:
    """The committed fixture is what the script builds (same schema, same rows)."""
    rebuilt = build(1, tmp_path / "v1.sqlite")
    conn_a, conn_b = maintenance.open_file(rebuilt), maintenance.open_file(fixture_path(1))
    try:
        assert _schema_of(conn_a) == _schema_of(conn_b)
        assert maintenance.table_counts(conn_a) == maintenance.table_counts(conn_b)
    finally:
        conn_a.close()
        conn_b.close()


def test_failed_migration_leaves_the_file_at_its_version(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    path = _copy_fixture(1, tmp_path)
    before = _counts(path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("simulated failure in the middle of a migration")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.MIGRATIONS))
    with pytest.raises(ProjectFileError, match="simulated failure"):
        Project.open(path)
    assert maintenance.schema_version(path) == 1
    assert _counts(path) == before
    assert [b.reason for b in backup.list_backups(path)] == [
        f"before-v{migrations.SCHEMA_VERSION}"]


def test_no_migration_without_a_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy_fixture(1, tmp_path)

    def refuse(*args: object, **kwargs: object) -> Path:
        raise backup.BackupError("simulated: the backup folder is not writable")

    monkeypatch.setattr(backup, "take_backup", refuse)
    with pytest.raises(backup.BackupError, match="not writable"):
        Project.open(path)
    assert maintenance.schema_version(path) == 1


def test_read_only_opening_of_an_old_file_says_it_needs_an_upgrade(tmp_path: Path) -> None:
    path = _copy_fixture(1, tmp_path)
    with pytest.raises(ProjectFileError, match="schema upgrade"):
        Project.open(path, read_only=True)
    assert maintenance.schema_version(path) == 1
    assert backup.list_backups(path) == []


def test_file_from_a_newer_annotator_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "new.annotator"
    Project.create(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(migrations.SchemaTooNewError, match="install a newer annotator"):
        Project.open(path)
    assert maintenance.schema_version(path) == migrations.SCHEMA_VERSION + 1
    assert backup.list_backups(path) == []
