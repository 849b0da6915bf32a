"""Full disk, read-only files, a busy lock, a damaged file: a clear error, earlier edits kept.

SQLite's result codes become the domain exceptions of
annotator.core.store.maintenance in one place (Repository.write). A full
disk is simulated with ``PRAGMA max_page_count`` (SQLITE_FULL, everywhere) and,
where the test may mount one, with a real 1 MB tmpfs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.cli import main as cli_main
from annotator.core import Project
from annotator.core.errors import (
    DamagedProjectError,
    DiskFullError,
    ProjectBusyError,
    ReadOnlyProjectError,
    StorageError,
)
from annotator.core.store import maintenance
from annotator.core.store.db import read_only_reason
from annotator.core.store.maintenance import translate
from tests.storage import Connections, write_locked

TEXT = ("Chancellor Vollmer phoned President Putin on Monday and demanded that Russia "
        "withdraw its troops, according to Reuters.\n")
BIG = {"note": "x" * 3000}


def _make(path: Path) -> Project:
    (path.parent / "a.txt").write_text(TEXT, encoding="utf-8")
    project = Project.create(path)
    project.import_paths([path.parent / "a.txt"], language="en")
    return project


def _doc(project: Project) -> int:
    return project.documents()[0].id


# ------------------------------------------------------------------ the mapping


@pytest.mark.parametrize(("name", "message", "cls"), [
    ("SQLITE_FULL", "database or disk is full", DiskFullError),
    ("SQLITE_READONLY", "attempt to write a readonly database", ReadOnlyProjectError),
    ("SQLITE_READONLY_DBMOVED", "attempt to write a readonly database", ReadOnlyProjectError),
    ("SQLITE_BUSY", "database is locked", ProjectBusyError),
    ("SQLITE_CORRUPT", "database disk image is malformed", DamagedProjectError),
    ("SQLITE_NOTADB", "file is not a database", DamagedProjectError),
    ("", "database or disk is full", DiskFullError),  # no code: falls back on the text
])
def test_sqlite_errors_map_to_domain_errors(name: str, message: str, cls: type) -> None:
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorname = name  # type: ignore[attr-defined]
    mapped = translate(exc)
    assert isinstance(mapped, cls)
    assert message in str(mapped)


def test_constraint_errors_are_not_storage_errors() -> None:
    exc = sqlite3.IntegrityError("UNIQUE constraint failed: spans.uid")
    exc.sqlite_errorname = "SQLITE_CONSTRAINT_UNIQUE"  # type: ignore[attr-defined]
    assert translate(exc) is None


def test_cli_describes_sqlite_errors_in_words(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator import cli
    from annotator.cli import project as project_commands

    def full(args: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(project_commands, "cmd_info", full)
    assert cli_main(["info", "whatever.annotator"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "the disk is full" in err and "Traceback" not in err


# -------------------------------------------------------------------- full disk


def test_full_disk_is_reported_and_earlier_edits_survive(connections: Connections,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    project = _make(path)
    doc = _doc(project)
    kept = [project.add_span(doc, "alice", "ACTOR", 0, 10 + i).after.uid for i in range(3)]
    conn = connections.of(project)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk is nearly full
    with pytest.raises(DiskFullError, match="the disk is full") as caught:
        for i in range(200):
            project.add_span(doc, "alice", "ACTOR", 0, 10, attributes={**BIG, "i": i})
    assert "earlier edits are safe" in str(caught.value)
    assert not conn.in_transaction, "a failed write must not leave a transaction open"
    before_free = {s.uid for s in project.spans()}
    assert set(kept) <= before_free
    conn.execute(f"PRAGMA max_page_count = {2**30}")  # space was freed
    after = project.add_span(doc, "alice", "ACTOR", 0, 10, attributes={**BIG, "i": -1}).after.uid
    project.close()
    with Project.open(path) as reopened:
        uids = {s.uid for s in reopened.spans()}
        assert set(kept) | {after} <= uids and uids == before_free | {after}
        assert reopened.check() == []


def test_full_disk_during_import_keeps_the_project_unchanged(connections: Connections,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    project = _make(path)
    before = project.count_documents()
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(30):
        (folder / f"{number}.txt").write_text(f"Article {number}. " + TEXT * 40,
                                              encoding="utf-8")
    conn = connections.of(project)
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0] + 3}")
    with pytest.raises((StorageError, sqlite3.OperationalError), match="full"):
        project.import_paths([folder], language="en")
    assert not conn.in_transaction
    conn.execute(f"PRAGMA max_page_count = {2**30}")
    assert project.count_documents() == before
    report = project.import_paths([folder], language="en")
    assert len(report.imported) == 30
    assert project.check() == []
    project.close()


@contextlib.contextmanager
def _tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or done.returncode})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


def _fill(folder: Path, leave: int) -> Path:
    """Fill the file system of ``folder`` until about ``leave`` bytes are free."""
    filler = folder / "filler"
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    with filler.open("wb") as out:
        with contextlib.suppress(OSError):
            out.write(b"\0" * max(0, free - leave))
    return filler


@pytest.mark.skipif(not shutil.which("mount"), reason="no mount command")
def test_real_full_disk_on_a_small_tmpfs(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "disk", "1m") as disk:
        path = disk / "p.annotator"
        project = _make(path)
        doc = _doc(project)
        kept = project.add_span(doc, "alice", "ACTOR", 0, 10).after.uid
        filler = _fill(disk, leave=32 * 1024)
        with pytest.raises(DiskFullError, match="the disk is full"):
            for i in range(500):
                project.add_span(doc, "alice", "ACTOR", 0, 10, attributes={**BIG, "i": i})
        assert not write_locked(path)
        assert kept in {s.uid for s in project.spans()}
        filler.unlink()  # space freed: the same window goes on working
        after = project.add_span(doc, "alice", "ACTOR", 0, 11).after.uid
        project.close()
        with Project.open(path) as reopened:
            uids = {s.uid for s in reopened.spans()}
            assert {kept, after} <= uids
            assert reopened.check() == []


# -------------------------------------------------------------------- read-only


def test_read_only_opening_refuses_saves_clearly(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    project = _make(path)
    doc = _doc(project)
    kept = project.add_span(doc, "alice", "ACTOR", 0, 10).after.uid
    project.close()
    with Project.open(path, read_only=True) as viewer:
        with pytest.raises(ReadOnlyProjectError, match="read-only"):
            viewer.add_span(doc, "alice", "ACTOR", 0, 5)
        with pytest.raises(ReadOnlyProjectError):
            viewer.set_value(doc, "alice", "note", "x")
        assert [s.uid for s in viewer.spans()] == [kept]
        assert not write_locked(path)


@contextlib.contextmanager
def _read_only_folder(folder: Path) -> Iterator[None]:
    """Make ``folder`` and its files read-only: by permissions, or for root (who ignores
    them) by remounting a tmpfs read-only."""
    if os.geteuid() != 0:
        for child in folder.iterdir():
            child.chmod(0o444)
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
            for child in folder.iterdir():
                child.chmod(0o644)
        return
    done = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"root ignores permissions and cannot remount read-only: {done.stderr}")
    try:
        yield
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=False)


@contextlib.contextmanager
def _project_folder(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        yield folder
        return
    with _tmpfs(tmp_path / "ro", "8m") as folder:
        yield folder


def test_read_only_file_and_folder_open_and_refuse_saves(tmp_path: Path) -> None:
    with _project_folder(tmp_path) as folder:
        path = folder / "p.annotator"
        project = _make(path)
        doc = _doc(project)
        kept = project.add_span(doc, "alice", "ACTOR", 0, 10).after.uid
        project.close()
        (folder / "a.txt").unlink()
        with _read_only_folder(folder):
            assert read_only_reason(path) is not None
            with Project.open(path) as project:  # opens (read-only) instead of failing
                assert [s.uid for s in project.spans()] == [kept]
                with pytest.raises(ReadOnlyProjectError, match="read-only"):
                    project.add_span(doc, "alice", "ACTOR", 0, 5)
                assert [s.uid for s in project.spans()] == [kept]
                assert project.check() == []
        with Project.open(path) as project:  # writable again: saving works
            project.add_span(doc, "alice", "ACTOR", 0, 5)
            assert len(project.spans()) == 2


# ------------------------------------------------------------------ busy, damage


def test_lock_held_too_long_is_a_clear_busy_error(connections: Connections,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    project = _make(path)
    doc = _doc(project)
    other = maintenance.open_file(path, read_only=False)
    other.execute("BEGIN IMMEDIATE")  # another window in the middle of a long save
    try:
        conn = connections.of(project)
        conn.execute("PRAGMA busy_timeout = 200")
        with pytest.raises(ProjectBusyError, match="another window"):
            project.add_span(doc, "alice", "ACTOR", 0, 10)
        assert not conn.in_transaction
    finally:
        other.execute("ROLLBACK")
        other.close()
    project.add_span(doc, "alice", "ACTOR", 0, 11)  # free again
    assert len(project.spans()) == 1
    project.close()


def test_commit_failure_leaves_no_transaction_behind(connections: Connections,
                                                     tmp_path: Path) -> None:
    """If COMMIT fails, later edits must not silently nest in a dead transaction."""
    project = _make(tmp_path / "p.annotator")
    doc = _doc(project)
    conn = connections.of(project)
    with pytest.raises(sqlite3.IntegrityError):  # a deferred violation fails at COMMIT
        with connections.store_of(project).write():
            conn.execute("PRAGMA defer_foreign_keys = ON")
            conn.execute("INSERT INTO claim_spans(claim_id, span_id) VALUES (999, 999)")
    assert not conn.in_transaction
    project.add_span(doc, "alice", "ACTOR", 0, 10)
    project.close()
    with Project.open(tmp_path / "p.annotator") as reopened:
        assert len(reopened.spans()) == 1
        assert reopened.check() == []


def _pages_of(path: Path, tables: tuple[str, ...]) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        marks = ",".join("?" * len(tables))
        return [r[0] for r in conn.execute(
            f"SELECT pageno FROM dbstat WHERE name IN ({marks})", tables)]
    except sqlite3.OperationalError as exc:
        pytest.skip(f"this SQLite has no dbstat table ({exc})")
    finally:
        conn.close()


def test_damaged_pages_on_write_give_a_damage_error(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    project = _make(path)
    doc = _doc(project)
    for i in range(60):
        project.add_span(doc, "alice", "ACTOR", 0, 10, attributes={"n": "y" * 200, "i": i})
    project.close()
    pages = _pages_of(path, ("spans", "spans_doc", "sqlite_autoindex_spans_1"))
    with path.open("r+b") as handle:  # scribble over the spans table and its indexes
        for page in pages:
            handle.seek((page - 1) * 4096)
            handle.write(b"\xff" * 16)
    with Project.open(path) as damaged:  # the schema is intact: the file opens
        with pytest.raises(DamagedProjectError, match="damaged"):
            damaged.add_span(doc, "alice", "ACTOR", 0, 10)
        assert not write_locked(path)
