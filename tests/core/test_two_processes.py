"""Two processes on one project: the API and the CLI, with the other process really running.

A short run of the two-writer crash harness (the full run is
``python -m tests.core.concurrent_harness --trials 200``), proof that its id
check catches a collision, change detection across processes, and
``annotator check`` naming who else has the project open and an unsafe folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from annotator.core import Project
from annotator.core.live import EXTERNAL
from annotator.core.models import ChangeKind
from tests.core import concurrent_harness as harness
from tests.harness_checks import prepare_project

REPO = Path(__file__).resolve().parents[2]
TRIALS = int(os.environ.get("CONCURRENT_TRIALS", "3"))


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True,
                          text=True, timeout=120, check=False)


def _python(code: str) -> subprocess.Popen[str]:
    """Another process running ``code`` against the same files."""
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)}, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_two_killed_writers_lose_nothing_and_share_no_id(tmp_path: Path) -> None:
    summary = harness.run_trials(TRIALS, tmp_path, seed=TRIALS, per_project=TRIALS,
                                 max_delay=0.4)
    assert summary.failures == [], summary.line()
    assert summary.collisions == []
    assert summary.acked > TRIALS * 4, "the writers made almost no edits: the test proves little"
    assert summary.ids > TRIALS * 2


def test_the_id_check_catches_an_id_given_twice() -> None:
    summary, failures = harness.Summary(), []
    owners: dict[str, str] = {}
    lines = [json.dumps({"ack": 1, "key": ["span", "uid-a"], "value": "x", "id": 7}) + "\n",
             json.dumps({"ack": 2, "key": ["span", "uid-b"], "value": "y", "id": 7}) + "\n",
             json.dumps({"collision": 3, "id": 5, "error": "IntegrityError"}) + "\n"]
    harness._check_ids(lines, owners, summary, failures)
    assert failures == ["id span:7 given to uid-a and to uid-b"]
    assert summary.collisions == ["restore of id 5: IntegrityError"]


def test_a_write_in_another_process_is_seen_with_its_document(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    prepare_project(path)
    with Project.open(path) as project:
        watch = project.change_watch()
        assert watch.poll() is None
        doc = project.documents()[1].id
        child = _python(f"""
            from annotator.core import Project
            with Project.open({str(path)!r}) as other:
                other.add_span({int(doc)}, "bob", "ACTOR", 0, 7)
            """)
        _out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        changes = watch.poll()
        assert changes is not None and changes.initiator == EXTERNAL
        assert ChangeKind.SPANS in changes.kind and changes.doc_ids == (doc,)
        assert watch.poll() is None  # seen once
        project.add_span(doc, "alice", "ACTOR", 0, 7)  # this connection's own write
        assert watch.poll() is None
        imported = _cli("import", str(path), str(tmp_path / "p-articles"))
        assert imported.returncode == 0, imported.stderr
        changes = watch.poll()  # an import logs no history: everything may differ
        assert changes is not None and changes.kind is ChangeKind.ALL


def test_check_names_who_has_the_project_open_until_that_process_dies(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    prepare_project(path)
    holder = _python(f"""
        import time
        from pathlib import Path
        from annotator.core import presence
        presence.Announcement(Path({str(path)!r}), "bob").start()
        print("ready", flush=True)
        time.sleep(120)
        """)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        shown = _cli("check", str(path))
        assert shown.returncode == 0, shown.stderr
        assert f"note: p.annotator is also open by bob (this machine, process " \
               f"{holder.pid}) since " in shown.stdout
    finally:
        holder.kill()  # SIGKILL: the presence file stays behind, naming a dead process
        holder.communicate(timeout=60)
    shown = _cli("check", str(path))
    assert "also open" not in shown.stdout and shown.stdout.strip().endswith("ok")


def test_check_warns_about_a_sync_folder(tmp_path: Path) -> None:
    folder = tmp_path / "Dropbox" / "team"
    folder.mkdir(parents=True)
    path = folder / "p.annotator"
    Project.create(path).close()
    shown = _cli("check", str(path))
    assert shown.returncode == 0, shown.stderr
    first = shown.stdout.splitlines()[0]
    assert first.startswith("warning: ") and "inside a Dropbox folder" in first
    assert "keep the project on a local disk" in first
