"""Two windows on one project: both write without losing an edit; a read-only viewer keeps up.

WAL lets readers work while one connection writes; ``BEGIN IMMEDIATE`` takes
the write lock at the start of each operation and ``busy_timeout`` makes the
other writer wait for it instead of failing, so interleaved edits from two
Project objects or two processes all land.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from annotator.core import Project
from tests.storage import stored

REPO = Path(__file__).resolve().parents[2]
TEXT = ("Chancellor Vollmer phoned President Putin on Monday and demanded that Russia "
        "withdraw its troops, according to Reuters.\n")
EDITS = 150

WRITER = """
import json, sys, time
from pathlib import Path
from annotator.core import Project

path, name, go, edits = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
project = Project.open(path)
doc = project.documents()[0].id
while not go.exists():
    time.sleep(0.001)
for number in range(edits):
    uid = project.add_span(doc, name, "ACTOR", number % 50, number % 50 + 5,
                           attributes={"n": number}).after.uid
    project.set_value(doc, name, "note", f"{name}-{number}")
    print(json.dumps(uid), flush=True)
    time.sleep(0.002)  # a person pauses between edits; a tight loop would starve the other
"""


def _make(path: Path) -> Path:
    (path.parent / "a.txt").write_text(TEXT, encoding="utf-8")
    with Project.create(path) as project:
        project.import_paths([path.parent / "a.txt"], language="en")
    return path


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO), ANNOTATOR_BACKUP_KEEP="0")


def test_two_project_objects_interleave_writes(tmp_path: Path) -> None:
    path = _make(tmp_path / "p.annotator")
    first, second = Project.open(path), Project.open(path)
    doc = first.documents()[0].id
    made = []
    for number in range(50):
        made.append(first.add_span(doc, "alice", "ACTOR", 0, 5 + number % 10,
                                    attributes={"n": number}).after.uid)
        made.append(second.add_span(doc, "bob", "DEMAND", 10, 20 + number % 10,
                                     attributes={"n": number}).after.uid)
        first.set_value(doc, "alice", "note", f"a{number}")
        second.set_value(doc, "bob", "note", f"b{number}")
    for project in (first, second):  # each window sees the other's edits at once
        assert {s.uid for s in project.spans()} == set(made)
        assert project.values(doc, "alice") == {"note": "a49"}
        assert project.values(doc, "bob") == {"note": "b49"}
    first.close()
    second.close()
    with Project.open(path) as project:
        assert {s.uid for s in project.spans()} == set(made)
        assert project.check() == []


def test_a_writer_waits_for_the_other_windows_transaction(tmp_path: Path) -> None:
    path = _make(tmp_path / "p.annotator")
    first, second = Project.open(path), Project.open(path)
    doc = first.documents()[0].id
    holding = threading.Event()

    def long_save() -> None:
        with stored(path, writable=True) as other:  # a second program's long save
            with other.write():
                other.set_info("long", "save")
                holding.set()
                time.sleep(0.5)

    thread = threading.Thread(target=long_save)
    thread.start()
    holding.wait(5)
    started = time.monotonic()
    uid = first.add_span(doc, "alice", "ACTOR", 0, 5).after.uid  # waits, then succeeds
    waited = time.monotonic() - started
    thread.join()
    assert waited > 0.2
    assert uid in {s.uid for s in second.spans()}
    with stored(path) as other:
        assert other.info("long") == "save"
    first.close()
    second.close()


def test_two_processes_write_interleaved_without_losing_an_edit(tmp_path: Path) -> None:
    path = _make(tmp_path / "p.annotator")
    go = tmp_path / "go"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(go),
                                 str(EDITS)], cwd=REPO, env=_env(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
               for name in ("alice", "bob")]
    time.sleep(1.0)  # both have opened the project
    go.touch()
    acked: set[str] = set()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        acked |= {json.loads(line) for line in out.splitlines()}
    assert len(acked) == 2 * EDITS
    with Project.open(path) as project:
        doc = project.documents()[0].id
        assert {s.uid for s in project.spans()} == acked
        assert project.values(doc, "alice") == {"note": f"alice-{EDITS - 1}"}
        assert project.values(doc, "bob") == {"note": f"bob-{EDITS - 1}"}
        order = [h["annotator"] for h in reversed(project.history(limit=10_000))
                 if h["entity"] == "span"]
        assert project.check() == []
    switches = sum(1 for a, b in zip(order, order[1:], strict=False) if a != b)
    assert switches > 10, "the two processes did not interleave; the test proves nothing"


def test_read_only_viewer_works_while_another_process_writes(tmp_path: Path) -> None:
    path = _make(tmp_path / "p.annotator")
    go = tmp_path / "go"
    go.touch()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), "alice", str(go),
                               str(EDITS)], cwd=REPO, env=_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    seen: list[int] = []
    with Project.open(path, read_only=True) as viewer:
        doc = viewer.documents()[0].id
        while writer.poll() is None:
            seen.append(len(viewer.spans(doc)))
            viewer.values(doc, "alice")
            time.sleep(0.005)
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
        final = len(viewer.spans(doc))
    assert final == EDITS
    assert seen == sorted(seen), "a reader saw edits disappear"
    assert len(set(seen)) > 3, "the viewer did not see the writer's progress"
