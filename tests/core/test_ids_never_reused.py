"""Ids are never handed out twice: the AUTOINCREMENT migration, from every earlier schema.

A deleted record's id lives on in the history, in undo steps and in other
windows; a new record taking it made an undo restore collide (or a redo
delete someone else's span).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.core import Project
from annotator.core.models import SpanId
from annotator.core.project import commands as c
from annotator.core.store import maintenance, migrations
from tests.fixtures.make_schema_fixtures import fixture_path
from tests.storage import stored

AUTOINCREMENT_VERSION = migrations.MIGRATIONS.index(migrations._ids_never_reused) + 1
"""The schema version the AUTOINCREMENT migration produces; later ones build on it."""
OLD_VERSIONS = list(range(1, AUTOINCREMENT_VERSION))
BEFORE = AUTOINCREMENT_VERSION - 1
TABLES = ("documents", "actors", "spans", "claims", "history", "packages", "adjudications")


def _copy(version: int, folder: Path) -> Path:
    dest = folder / f"v{version}.annotator"
    shutil.copyfile(fixture_path(version), dest)
    return dest


def _table_sql(path: Path, table: str) -> str:
    conn = maintenance.open_file(path)
    try:
        row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        return "" if row is None else str(row[0])
    finally:
        conn.close()


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_deleted_largest_ids_are_not_reused_after_the_upgrade(version: int,
                                                              tmp_path: Path) -> None:
    path = _copy(version, tmp_path)
    with Project.open(path) as project:
        doc_id = project.claims()[0].doc_id
        claim = project.claims()[0]
        largest_span = max(project.spans(), key=lambda s: s.id)
        project.remove_claim(claim.id, "alice")
        project.remove_span(largest_span.id, "alice")
        span = project.add_span(doc_id, "alice", "ACTOR", 0, 10).after
        new_claim = project.add_claim(doc_id, "alice", gloss="again").after
        actor = project.add_actor("Someone New").after
        assert span is not None and new_claim is not None and actor is not None
        assert span.id > largest_span.id
        assert new_claim.id > claim.id
        assert actor.id > 1
        assert project.check() == []


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_every_remembered_table_gets_autoincrement(version: int, tmp_path: Path) -> None:
    path = _copy(version, tmp_path)
    assert all("AUTOINCREMENT" not in _table_sql(path, t) for t in TABLES)
    Project.open(path).close()
    for table in TABLES:
        assert "AUTOINCREMENT" in _table_sql(path, table), table


def test_the_sequence_starts_above_ids_only_the_history_still_names(tmp_path: Path) -> None:
    """A span deleted before the upgrade (id 40, only in the history) is never handed out:
    undoing that deletion in a later version must find its id free."""
    path = _copy(BEFORE, tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO history(at, annotator, operation, entity, entity_id, doc_id, "
                 "before) VALUES ('2024-03-02T10:00:00.000+00:00', 'alice', 'remove', 'span', "
                 "'40', 2, '{}')")
    conn.close()
    with Project.open(path) as project:
        span = project.add_span(project.claims()[0].doc_id, "alice", "ACTOR", 0, 10).after
        assert span is not None and span.id == 41


def test_foreign_keys_and_cascades_survive_the_rebuild(tmp_path: Path) -> None:
    path = _copy(BEFORE, tmp_path)
    Project.open(path).close()  # migrates
    with stored(path, writable=True) as repo:
        conn = repo.conn
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        targets = {row[2] for row in conn.execute("PRAGMA foreign_key_list(spans)")}
        assert targets == {"documents", "annotators", "actors"}
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with repo.write():
            conn.execute("DELETE FROM documents WHERE id = 2")
        assert conn.execute("SELECT COUNT(*) FROM spans WHERE doc_id = 2").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM claim_spans").fetchone()[0] == 0


def test_a_migration_that_breaks_a_reference_is_rolled_back(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    path = _copy(BEFORE, tmp_path)

    def orphan(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE spans SET doc_id = 999")

    monkeypatch.setattr(migrations, "MIGRATIONS", [  # the rebuild's place taken by orphan
        *migrations.MIGRATIONS[:BEFORE], orphan, *migrations.MIGRATIONS[BEFORE + 1:]])
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="broken reference"):
            migrations.migrate(conn)
        assert migrations.current_version(conn) == BEFORE
        assert conn.execute("SELECT COUNT(*) FROM spans WHERE doc_id = 999").fetchone()[0] == 0
    finally:
        conn.close()


def test_the_span_text_index_still_finds_spans_by_their_ids_after_the_rebuild(
        tmp_path: Path) -> None:
    path = _copy(4, tmp_path)  # v4 made the index; the rebuild keeps the span ids it names
    with Project.open(path) as project:
        hits = project.find_annotations("text:Vollmer").hits
        assert [h.span_id for h in hits] == [1]
        remove = c.RemoveSpan(SpanId(hits[0].span_id), "alice")
        remove.apply(project)
        assert project.find_annotations("text:Vollmer").hits == []
        remove.revert(project)  # the undo puts the span back under its id, in the index too
        assert [h.span_id for h in project.find_annotations("text:Vollmer").hits] == [1]
        assert project.check() == []
