"""Rolling backups, restore, and `annotator check` / `open` on damaged files.

A damaged file (truncated in the middle, random bytes over the header, random
bytes over pages) must get a clear message and the offer of the latest good
backup from the CLI, never a traceback.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotator import cli
from annotator.core import Project, backup
from annotator.core.backup import BackupPolicy
from annotator.core.store import maintenance

REPO = Path(__file__).resolve().parents[2]
TEXT = ("Chancellor Vollmer phoned President Putin on Monday and demanded that Russia "
        "withdraw its troops, according to Reuters.\n")


def _make(path: Path, spans: int = 5) -> Path:
    (path.parent / "a.txt").write_text(TEXT, encoding="utf-8")
    with Project.create(path) as project:
        project.import_paths([path.parent / "a.txt"], language="en")
        doc = project.documents()[0].id
        for number in range(spans):
            project.add_span(doc, "alice", "ACTOR", 0, 10, attributes={"n": number,
                                                                       "pad": "z" * 300})
    return path


def _spans(path: Path) -> int:
    with Project.open(path, read_only=True) as project:
        return len(project.spans())


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return _make(tmp_path / "p.annotator")


# ------------------------------------------------------------------ rolling


def test_opening_takes_a_backup_at_most_once_per_interval(project_path: Path) -> None:
    assert backup.list_backups(project_path) == []
    Project.open(project_path).close()
    Project.open(project_path).close()
    backups = backup.list_backups(project_path)
    assert [b.reason for b in backups] == ["open"]
    assert backups[0].path.parent == project_path.with_name("p.annotator.backups")
    assert backups[0].path.name.startswith("p-") and backups[0].path.suffix == ".annotator"
    assert backup.verify_backup(backups[0].path) == []
    assert _spans(backups[0].path) == 5


def test_read_only_opening_and_creation_take_no_backup(tmp_path: Path) -> None:
    path = _make(tmp_path / "p.annotator")
    Project.open(path, read_only=True).close()
    assert not backup.backup_dir(path).exists()


def test_rolling_backups_keep_the_newest_k(project_path: Path) -> None:
    conn = maintenance.open_file(project_path)
    policy = BackupPolicy(interval_minutes=0, keep=3)
    try:
        made = [backup.backup_on_open(conn, project_path, policy) for _ in range(6)]
    finally:
        conn.close()
    kept = [b.path for b in backup.list_backups(project_path)]
    assert kept == list(reversed(made))[:3]


def test_manual_and_migration_backups_are_never_pruned(project_path: Path) -> None:
    conn = maintenance.open_file(project_path)
    try:
        manual = backup.take_backup(conn, project_path, "manual")
        before = backup.take_backup(conn, project_path, "before-v9")
        for _ in range(4):
            backup.backup_on_open(conn, project_path, BackupPolicy(0, 1))
    finally:
        conn.close()
    reasons = sorted(b.reason for b in backup.list_backups(project_path))
    assert reasons == ["before-v9", "manual", "open"]
    assert manual.exists() and before.exists()


def test_interval_and_keep_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANNOTATOR_BACKUP_MINUTES", "0")
    monkeypatch.setenv("ANNOTATOR_BACKUP_KEEP", "2")
    assert BackupPolicy.from_env() == BackupPolicy(0.0, 2)
    monkeypatch.setenv("ANNOTATOR_BACKUP_KEEP", "lots")
    assert BackupPolicy.from_env() == BackupPolicy()


def test_a_damaged_source_never_pushes_good_backups_out(project_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    conn = maintenance.open_file(project_path)
    try:
        good = backup.backup_on_open(conn, project_path, BackupPolicy(0, 2))
        monkeypatch.setattr(maintenance, "verify_file",
                            lambda path, quick=False: ["integrity: simulated damage"])
        for _ in range(5):
            backup.backup_on_open(conn, project_path, BackupPolicy(0, 2))
    finally:
        conn.close()
    backups = backup.list_backups(project_path)
    assert good in [b.path for b in backups]
    assert sum(b.reason == backup.SUSPECT for b in backups) == 3


def test_a_failing_rolling_backup_does_not_stop_the_opening(
        project_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    def refuse(*args: object, **kwargs: object) -> Path:
        raise OSError("simulated: no space for the backup")

    monkeypatch.setattr(maintenance, "copy_database", refuse)
    with Project.open(project_path) as project:
        assert len(project.spans()) == 5
    assert "no space for the backup" in caplog.text


def test_a_backup_is_consistent_while_another_process_writes(project_path: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", (
            "import sys\nfrom annotator.core import Project\n"
            "p = Project.open(sys.argv[1]); d = p.documents()[0].id\n"
            "for i in range(400): p.add_span(d, 'bob', 'ACTOR', 0, 10)\n")],
        cwd=REPO, env=dict(os.environ, PYTHONPATH=str(REPO), ANNOTATOR_BACKUP_KEEP="0"))
    copies = []
    with Project.open(project_path, read_only=True) as reader:
        while writer.poll() is None and len(copies) < 20:
            copies.append(reader.backups.take())
    writer.wait(60)
    assert copies
    for copy in copies:
        assert backup.verify_backup(copy) == []


def test_leftover_partial_files_are_cleaned_and_never_listed(project_path: Path) -> None:
    folder = backup.backup_dir(project_path)
    folder.mkdir()
    stale = folder / ".p-20200101T000000.000000Z-open.annotator.partial"
    stale.write_bytes(b"half a backup")
    old = (datetime.now(UTC) - timedelta(days=1)).timestamp()
    os.utime(stale, (old, old))
    assert backup.list_backups(project_path) == []
    Project.open(project_path).close()
    assert not stale.exists()
    assert [b.reason for b in backup.list_backups(project_path)] == ["open"]


# ------------------------------------------------------------------ restore


def test_project_restore_brings_back_the_backup_and_keeps_the_current(project_path: Path
                                                                     ) -> None:
    with Project.open(project_path) as project:
        doc = project.documents()[0].id
        project.add_span(doc, "alice", "ACTOR", 0, 10)  # made after the open backup
        assert len(project.spans()) == 6
        restored_from, saved = project.backups.restore()
        assert restored_from.name.endswith("-open.annotator")
        assert len(project.spans()) == 5  # the same window sees the restored content
        project.add_span(doc, "alice", "ACTOR", 0, 10)
    assert _spans(saved) == 6
    assert _spans(project_path) == 6
    with Project.open(project_path) as project:
        assert project.check() == []


def test_restore_refuses_a_bad_source(project_path: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.annotator"
    junk.write_bytes(b"SQLite format 3\0" + os.urandom(5000))
    with Project.open(project_path) as project, pytest.raises(backup.BackupError,
                                                              match="not a good"):
        project.backups.restore(junk)
    assert _spans(project_path) == 5


def test_restore_of_an_old_schema_backup_is_migrated(project_path: Path) -> None:
    from tests.fixtures.make_schema_fixtures import fixture_path

    with Project.open(project_path) as project:
        project.backups.restore(fixture_path(1))
        assert maintenance.schema_version(project_path) > 1
        assert {s.uid for s in project.spans()} >= {"s1", "s2"}


# ----------------------------------------------------------------------- CLI


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _truncate_in_the_middle(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def _scribble_header(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(random.Random(1).randbytes(100))


def _scribble_pages(path: Path) -> None:
    rng = random.Random(2)
    size = path.stat().st_size
    with path.open("r+b") as handle:
        for _ in range(12):
            handle.seek(rng.randrange(4096, size - 512))
            handle.write(rng.randbytes(400))


DAMAGES = {"truncated": _truncate_in_the_middle, "header": _scribble_header,
           "pages": _scribble_pages}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_check_on_a_damaged_file_offers_the_latest_good_backup(
        damage: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _make(tmp_path / "p.annotator", spans=80)
    Project.open(path).close()  # takes the rolling backup
    good = backup.list_backups(path)[0].path
    DAMAGES[damage](path)
    code, out, err = _run(["check", str(path)], capsys)
    assert code == cli.EXIT_PROBLEMS
    assert "Traceback" not in out + err
    assert out.splitlines()[0].startswith(f"{path}: damaged") or "integrity" in out
    assert f"the latest good backup is {good}" in out
    assert f"annotator restore {path} --latest" in out
    code, out, err = _run(["restore", str(path), "--latest"], capsys)
    assert code == cli.EXIT_OK, err
    assert f"restored {path} from {good}" in out
    code, out, _ = _run(["check", str(path)], capsys)
    assert (code, out.strip()) == (cli.EXIT_OK, f"{path}: ok")
    assert _spans(path) == 80
    reasons = {b.reason for b in backup.list_backups(path)}
    assert reasons & {"before-restore", "damaged"}, "the damaged file must be kept"


@pytest.mark.parametrize("damage", ["truncated", "header"])
def test_open_on_a_damaged_file_is_one_line_with_the_offer(
        damage: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _make(tmp_path / "p.annotator", spans=80)
    Project.open(path).close()
    DAMAGES[damage](path)
    code, out, err = _run(["open", str(path)], capsys)
    assert code == cli.EXIT_ERROR
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "is damaged" in err and "--latest" in err


def test_check_without_any_backup_says_so(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = _make(tmp_path / "p.annotator", spans=80)
    _scribble_header(path)
    code, out, _ = _run(["check", str(path)], capsys)
    assert code == cli.EXIT_PROBLEMS
    assert "no good backup" in out


def test_check_of_a_missing_file_is_a_plain_error(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["check", str(tmp_path / "nope.annotator")], capsys)
    assert code == cli.EXIT_ERROR and "does not exist" in err


def test_cli_backup_and_restore_from_a_file(project_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["backup", str(project_path)], capsys)
    assert code == cli.EXIT_OK
    copy = Path(out.strip().rsplit(" to ", 1)[1])
    assert copy.exists() and backup.parse_name(copy).reason == "manual"  # type: ignore[union-attr]
    with Project.open(project_path) as project:
        project.add_span(project.documents()[0].id, "alice", "ACTOR", 0, 10)
    code, out, _ = _run(["backup", str(project_path), "--list"], capsys)
    assert str(copy) in out
    code, _, err = _run(["restore", str(project_path)], capsys)
    assert code == cli.EXIT_USAGE and "--latest" in err
    code, out, _ = _run(["restore", str(project_path), "--from", str(copy)], capsys)
    assert code == cli.EXIT_OK
    assert _spans(project_path) == 5


def test_restore_over_a_missing_project_file(project_path: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    Project.open(project_path).close()
    shutil.copytree(backup.backup_dir(project_path), tmp_path / "q.annotator.backups")
    target = tmp_path / "q.annotator"
    code, _, err = _run(["restore", str(target), "--latest"], capsys)
    assert code == cli.EXIT_OK, err
    assert _spans(target) == 5
