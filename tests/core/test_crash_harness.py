"""The crash harness in CI: a short run, and proof that its checker does catch a lost edit.

The full run is ``python -m tests.core.crash_harness --trials 200`` (docs/reliability.md).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.core import Project
from tests.core import crash_harness as harness
from tests.harness_checks import Model, prepare_project

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
