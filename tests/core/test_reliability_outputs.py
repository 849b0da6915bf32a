"""Outputs never destroy what they did not write (issue: a wrong path, a racing restore).

Every case names a destination a careless user could type (the project's own
folder, the project file, a folder of their own files, a backup) and checks,
byte for byte, that nothing outside the tool's own new output changed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import Project, backup
from annotator.core.errors import OutputRefusedError
from annotator.core.exporters.actors_csv import export_actors_csv
from annotator.core.outputs import atomic_file, check_target
from annotator.core.sample import build_sample_project

TEXT = "Minister Lind demanded on Monday that Russia withdraw its troops.\n"


def _tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path -> SHA-256).

    SQLite's -shm index and an empty -wal (what opening a project read-only
    leaves) are excluded: they hold no data.
    """
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and not p.name.endswith("-shm")
            and not (p.name.endswith("-wal") and p.stat().st_size == 0)}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    path = folder / "news.annotator"
    with Project.create(path) as created:
        created.import_paths([folder / "a.txt"], language="en")
        doc = created.documents()[0].id
        created.add_span(doc, "alice", "ACTOR", 0, 13)
        created.add_span(doc, "bob", "ACTOR", 0, 13)
        created.backups.take("manual")
    (folder / "a.txt").unlink()
    (folder / "notes.md").write_text("my own notes\n", encoding="utf-8")
    return path


def _spans(path: Path) -> int:
    with Project.open(path, read_only=True) as opened:
        return len(opened.spans())


# ------------------------------------------------------------- the CLI


@pytest.mark.parametrize("fmt", ["csv", "brat", "reliability"])
def test_folder_export_into_the_projects_own_folder_is_refused(
        project: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = _tree(project.parent)
    code = main(["export", str(project), "--format", fmt, "--out", str(project.parent)])
    assert code != 0
    assert "holds the project file" in capsys.readouterr().err
    assert _tree(project.parent) == before
    assert _spans(project) == 2


def test_folder_export_into_a_folder_of_user_files_is_refused(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "mydocs"
    (mine / "deep").mkdir(parents=True)
    (mine / "thesis.docx").write_bytes(b"chapter one")
    (mine / "deep" / "data.csv").write_text("a,b\n", encoding="utf-8")
    before = _tree(tmp_path)
    assert main(["export", str(project), "--format", "csv", "--out", str(mine)]) != 0
    assert "holds other files" in capsys.readouterr().err
    assert _tree(tmp_path) == before


def test_folder_export_inside_the_backup_folder_is_refused(project: Path) -> None:
    inside = project.with_name(project.name + ".backups") / "csv"
    before = _tree(project.parent)
    assert main(["export", str(project), "--format", "csv", "--out", str(inside)]) != 0
    assert _tree(project.parent) == before
    assert not inside.exists()


@pytest.mark.parametrize("fmt", ["native", "actors", "jsonl", "conll", "labelstudio"])
def test_file_export_onto_the_project_file_is_refused(project: Path, fmt: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    before = _tree(project.parent)
    assert main(["export", str(project), "--format", fmt, "--out", str(project)]) != 0
    assert "is the project file" in capsys.readouterr().err
    assert _tree(project.parent) == before
    assert _spans(project) == 2


def test_file_export_onto_a_wal_file_or_a_backup_is_refused(project: Path) -> None:
    copy = backup.list_backups(project)[0].path
    for target in (Path(f"{project}-wal"), copy):
        before = _tree(project.parent)
        assert main(["export", str(project), "--format", "native", "--out", str(target)]) != 0
        assert _tree(project.parent) == before


def test_file_export_onto_another_sqlite_file_is_refused_even_with_force(
        project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    digest = hashlib.sha256(other.read_bytes()).hexdigest()
    assert main(["export", str(project), "--out", str(other), "--force"]) != 0
    assert hashlib.sha256(other.read_bytes()).hexdigest() == digest


def test_an_existing_file_is_replaced_only_with_force(project: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    assert main(["export", str(project), "--out", str(out)]) != 0
    assert "--force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert main(["export", str(project), "--out", str(out), "--force"]) == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["type"] == "header"


def test_an_earlier_export_is_replaced_only_with_force(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    assert main(["export", str(project), "--format", "csv", "--out", str(out)]) == 0
    first = _tree(out)
    assert "manifest.json" in first
    assert main(["export", str(project), "--format", "csv", "--out", str(out)]) != 0
    assert _tree(out) == first
    assert main(["export", str(project), "--format", "csv", "--out", str(out), "--force"]) == 0
    assert set(_tree(out)) == set(first)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tables")]


def test_a_users_part_folder_beside_the_target_is_never_touched(project: Path,
                                                                tmp_path: Path) -> None:
    """The old writer used the fixed names NAME.part and NAME.old, and deleted them first."""
    for name in ("tables.part", "tables.old"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "keep.txt").write_text(name, encoding="utf-8")
    before = _tree(tmp_path)
    assert main(["export", str(project), "--format", "csv", "--out",
                 str(tmp_path / "tables")]) == 0
    after = _tree(tmp_path)
    assert {k: v for k, v in after.items() if not k.startswith("tables/")} == before


def test_agreement_reports_onto_the_project_are_refused(project: Path) -> None:
    before = _tree(project.parent)
    for option in ("--html", "--csv"):
        assert main(["agreement", str(project), "--bootstrap", "0", "--quiet",
                     option, str(project)]) != 0
    assert _tree(project.parent) == before


def test_agreement_report_replaces_a_file_only_with_force(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")
    assert main(["agreement", str(project), "--bootstrap", "0", "--quiet",
                 "--html", str(out)]) != 0
    assert out.read_text(encoding="utf-8") == "old"
    assert main(["agreement", str(project), "--bootstrap", "0", "--quiet",
                 "--html", str(out), "--force"]) == 0
    assert "<html" in out.read_text(encoding="utf-8").lower()


def test_screenshot_onto_the_project_is_refused_before_rendering(project: Path) -> None:
    before = _tree(project.parent)
    assert main(["screenshot", str(project), "--out", str(project)]) != 0
    assert _tree(project.parent) == before
    assert _spans(project) == 2


# ---------------------------------------------------------------- the API


def test_the_api_guards_like_the_cli(project: Path, tmp_path: Path) -> None:
    before = _tree(project.parent)
    with Project.open(project) as opened:
        with pytest.raises(OutputRefusedError):
            opened.exports.write("csv", project.parent)
        with pytest.raises(OutputRefusedError):
            opened.exports.native(project)
        with pytest.raises(OutputRefusedError):
            export_actors_csv(opened, project)
    assert {k: v for k, v in _tree(project.parent).items()
            if ".backups" not in k} == {k: v for k, v in before.items() if ".backups" not in k}


def test_the_guard_refuses_special_files(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    import os

    os.mkfifo(fifo)
    with pytest.raises(OutputRefusedError, match="special file"):
        check_target(fifo, kind="file", force=True)


def test_atomic_file_leaves_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_file(out) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("disk gone")
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


# ---------------------------------------------------------------- sample


def test_sample_force_backs_up_a_real_project_first(project: Path) -> None:
    with Project.open(project) as opened:
        opened.add_span(opened.documents()[0].id, "carol", "ACTOR", 0, 8)
    build_sample_project(project, force=True)
    copies = [b for b in backup.list_backups(project) if b.reason == "before-sample"]
    assert len(copies) == 1
    assert _spans(copies[0].path) == 3
    with Project.open(project, read_only=True) as rebuilt:
        assert "carol" not in rebuilt.annotators()  # the sample replaced it


def test_sample_force_refuses_a_file_that_is_not_a_project(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text("my essay\n", encoding="utf-8")
    assert main(["sample", str(essay), "--force"]) != 0
    assert "not an annotator project" in capsys.readouterr().err
    assert essay.read_text(encoding="utf-8") == "my essay\n"


# ---------------------------------------------------------------- restore


@pytest.mark.parametrize("in_window", [False, True])
def test_a_restore_under_load_loses_no_acknowledged_edit(tmp_path: Path, in_window: bool) -> None:
    """Three processes commit spans, imports and package merges while a backup is restored
    (see restore_harness)."""
    import random

    from tests.core.restore_harness import run_trial

    for number in range(2):
        folder = tmp_path / f"t{number}"
        folder.mkdir()
        trial = run_trial(folder, random.Random(number), in_window=in_window)
        assert len(trial.acked_spans) >= 5 and len(trial.acked_articles) >= 2
        assert trial.acked_merged
        assert trial.lost == []
        assert trial.problems == []


def test_the_safety_copy_is_taken_under_the_restores_lock(project: Path) -> None:
    """A write that waits for the lock is refused, not silently overwritten."""
    source = backup.list_backups(project)[0].path
    from annotator.core.store import maintenance

    conn = maintenance.open_file(project, read_only=False)
    seen: list[str] = []

    def under_lock() -> None:
        other = sqlite3.connect(project, timeout=0.1)
        try:
            other.execute("UPDATE documents SET title = 'racing'")
            other.commit()
        except sqlite3.OperationalError as exc:
            seen.append(str(exc))
        finally:
            other.close()

    try:
        maintenance.restore_into(source, conn, under_lock)
    finally:
        conn.close()
    assert seen == ["database is locked"]


def test_latest_skips_the_copies_a_restore_took(project: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    manual = backup.list_backups(project)[0].path
    with Project.open(project) as opened:
        opened.add_span(opened.documents()[0].id, "carol", "ACTOR", 0, 8)
    assert main(["restore", str(project), "--latest"]) == 0
    assert _spans(project) == 2
    assert main(["restore", str(project), "--latest"]) == 0  # the manual copy again
    assert _spans(project) == 2
    assert str(manual) in capsys.readouterr().out
    # a copy a restore took is still there when asked for: the edit undone above
    assert main(["restore", str(project), "--latest"]) == 0
    with Project.open(project) as opened:
        opened.add_span(opened.documents()[0].id, "dave", "ACTOR", 0, 8)
    assert main(["restore", str(project), "--latest"]) == 0
    assert _spans(project) == 2
    assert main(["restore", str(project), "--latest", "--include-restore-copies"]) == 0
    assert _spans(project) == 3


def test_restore_copies_are_pruned_to_the_newest_ten(project: Path) -> None:
    source = backup.list_backups(project)[0].path
    for _ in range(12):
        backup.restore_file(project, source)
    copies = [b for b in backup.list_backups(project) if b.reason in backup.RESTORE_COPIES]
    assert len(copies) == 10
    assert source.exists()


def test_outputs_get_ordinary_permissions_not_private_temporary_ones(project: Path,
                                                                    tmp_path: Path) -> None:
    """Written under a temporary name first, an export must still end up 0o666/0o777 less umask."""
    import os
    import stat

    old = os.umask(0o022)
    try:
        with Project.open(project) as opened:
            opened.exports.native(tmp_path / "all.jsonl")
            opened.exports.write("csv", tmp_path / "tables")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "all.jsonl").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "tables").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "tables" / "spans.csv").stat().st_mode) == 0o644
