"""The crash harness in CI: a short run, and proof that its checks do catch a lost edit.

The last tests prove the same of the checks every harness shares
(tests/harness_checks.py): a damaged page in the project or in a backup, and
an acknowledged edit in neither of the files it may be in.

The full run is ``python -m tests.core.crash_harness --trials 200`` (docs/reliability.md).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.core import Project
from tests.core import crash_harness as harness
from tests.harness_checks import (
    Model,
    backup_folder_problems,
    integrity_problems,
    missing,
    prepare_project,
    reopen,
)

TRIALS = int(os.environ.get("CRASH_TRIALS", "20"))


@pytest.mark.slow
def test_killed_sessions_lose_no_acknowledged_edit(tmp_path: Path) -> None:
    summary = harness.run_trials(TRIALS, tmp_path, seed=TRIALS, per_project=10,
                                 max_delay=0.25)
    assert summary.failures == [], summary.line()
    assert summary.trials == TRIALS
    assert summary.acked > TRIALS, "the sessions made almost no edits: the test proves little"
    assert summary.checked >= summary.acked // 2


def _ack(number: int, key: list[object], value: object) -> str:
    return json.dumps({"ack": number, "key": key, "value": value}) + "\n"


def _begin(number: int, key: list[object], value: object) -> str:
    return json.dumps({"begin": number, "key": key, "value": value}) + "\n"


def test_the_checker_reports_an_acknowledged_edit_that_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    prepare_project(path)
    with Project.open(path) as project:
        doc = project.documents()[0].id
        uid = project.add_span(doc, harness.ANNOTATOR, "ACTOR", 0, 5,
                               attributes={"tag": "kept"}).after.uid
    model, result = Model(), harness.TrialResult()
    lines = [_ack(1, ["span", uid], "kept"), _ack(2, ["span", "lost-uid"], "gone"),
             _ack(3, ["value", doc, "note"], "never-written"), '{"ack": 4, "key": ["sp']
    in_flight = model.absorb(lines, result)
    harness.verify(path, model, in_flight, result)
    assert result.acked == 3
    assert len(result.failures) == 2
    assert any("lost-uid" in f for f in result.failures)
    assert any("never-written" in f for f in result.failures)


def test_the_edit_in_flight_may_or_may_not_have_landed(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    prepare_project(path)
    with Project.open(path) as project:
        doc = project.documents()[0].id
        project.set_value(doc, harness.ANNOTATOR, "note", "second")
    for value_in_flight, failures in (("second", 0), ("third", 1)):
        model, result = Model(), harness.TrialResult()
        lines = [_ack(1, ["value", doc, "note"], "first"),
                 _begin(2, ["value", doc, "note"], value_in_flight)]
        in_flight = model.absorb(lines, result)
        harness.verify(path, model, in_flight, result)
        assert len(result.failures) == failures


def _damage_last_page(path: Path) -> None:
    with path.open("r+b") as file:
        file.seek(-4096, os.SEEK_END)
        file.write(b"\xde\xad" * 2048)


def test_the_checks_report_a_damaged_page(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    prepare_project(path)
    assert reopen(path) == ([], {}) and integrity_problems(path) == []
    _damage_last_page(path)
    problems, _ = reopen(path)
    assert any(p.startswith("check: integrity") for p in problems), problems
    assert any("plain sqlite3" in p for p in problems), problems
    assert integrity_problems(path)


def test_the_checks_report_a_damaged_backup_once(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    prepare_project(path)
    with Project.open(path) as project:
        copy = project.backups.take("manual")
    seen: set[Path] = set()
    checked, problems = backup_folder_problems(path, seen)
    assert checked >= 1 and problems == []
    _damage_last_page(copy)
    checked_again, problems = backup_folder_problems(path)
    assert checked_again == checked
    assert len(problems) == 1 and copy.name in problems[0], problems
    assert backup_folder_problems(path, seen) == (0, [])  # verified before: skipped


def test_an_acknowledged_edit_in_neither_file_is_missing() -> None:
    before = {("span", "a"): True}
    after = {("span", "b"): True, ("article", "t"): True}
    acked = [("span", "a"), ("span", "b"), ("article", "t"), ("span", "lost")]
    assert missing(acked, before, after) == [("span", "lost")]
