"""The GUI crash harness in CI: a short run, and proof that its checker does catch a lost edit.

The full run is ``python -m tests.gui.gui_crash_harness --trials 50`` (docs/reliability.md).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.core import Project
from tests.gui import gui_crash_harness as harness
from tests.harness_checks import Model, prepare_project

TRIALS = int(os.environ.get("GUI_CRASH_TRIALS", "4"))


@pytest.mark.slow
def test_killed_windows_lose_no_acknowledged_edit(tmp_path: Path) -> None:
    """A few real windows killed mid-session: every acknowledged edit is in the file."""
    summary = harness.run_trials(TRIALS, tmp_path, seed=TRIALS, per_project=TRIALS,
                                 max_delay=1.0)
    assert summary.failures == [], summary.line()
    assert summary.trials == TRIALS
    assert summary.refused == 0, summary.line()
    assert summary.acked > TRIALS, "the sessions made almost no edits: the test proves little"
    assert summary.checked >= summary.acked // 3


def _ack(number: int, key: list[object], value: object) -> str:
    return json.dumps({"ack": number, "key": key, "value": value}) + "\n"


def test_the_checker_reports_a_lost_span_note_and_status(tmp_path: Path) -> None:
    """The checker is not vacuous: acknowledged edits missing from the file are failures."""
    path = tmp_path / "p.annotator"
    prepare_project(path)
    with Project.open(path) as project:
        doc = int(project.documents()[0].id)
        span = project.add_span(doc, harness.ANNOTATOR, "ACTOR", 0, 5).after
    model, result = Model(), harness.TrialResult()
    lines = [_ack(1, ["span", span.uid], ["ACTOR", 0, 5]),
             _ack(2, ["span", "lost-uid"], ["DATE", 1, 4]),
             _ack(3, ["value", doc, "note"], "never-written"),
             _ack(4, ["status", doc], "done"),
             '{"ack": 5, "key": ["sp']  # cut by the kill: not acknowledged
    in_flight = model.absorb(lines, result)
    harness.verify(path, model, in_flight, result)
    assert result.acked == 4
    assert len(result.failures) == 3, result.failures
    assert any("lost-uid" in f for f in result.failures)
    assert any("never-written" in f for f in result.failures)
    assert any("'done'" in f for f in result.failures)


def test_the_checker_reports_a_relabel_that_did_not_stick(tmp_path: Path) -> None:
    """A span whose acknowledged layer is not the stored one is a failure."""
    path = tmp_path / "p.annotator"
    prepare_project(path)
    with Project.open(path) as project:
        doc = int(project.documents()[0].id)
        span = project.add_span(doc, harness.ANNOTATOR, "ACTOR", 2, 9).after
    model, result = Model(), harness.TrialResult()
    model.apply(["span", span.uid], ["SOURCE", 2, 9])
    harness.verify(path, model, None, result)
    assert len(result.failures) == 1 and "SOURCE" in result.failures[0]
