"""Every export honours cancel: a state cancelled mid-export leaves no output behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core import Cancelled, Project, TaskState
from annotator.core.exporters import FORMATS, export
from annotator.core.exporters import rows as rows_module
from tests.core.test_export_fixtures import build_project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with build_project(tmp_path) as built:
        yield built


def _cancel_after(calls: int) -> TaskState:
    seen: list[int] = []
    state = TaskState()

    def on_progress(done: int, total: int, message: str) -> None:
        seen.append(done)
        if len(seen) >= calls:
            state.cancel()

    state._on_progress = on_progress
    return state


@pytest.mark.parametrize("name", sorted(set(FORMATS) - {"codebook"}))
def test_cancel_mid_export_leaves_nothing(project: Project, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(rows_module, "CHUNK", 1)  # one document per round: cancel lands midway
    target = tmp_path / "out" / f"export.{name}"
    with pytest.raises(Cancelled):
        export(project, name, target, state=_cancel_after(2))
    assert not target.exists()
    leftovers = [p.name for p in (tmp_path / "out").iterdir()] if (tmp_path / "out").exists() \
        else []
    assert leftovers == []


def test_cancel_keeps_the_previous_export(project: Project, tmp_path: Path) -> None:
    target = tmp_path / "csv"
    export(project, "csv", target)
    before = (target / "spans.csv").read_text()
    with pytest.raises(Cancelled):
        export(project, "csv", target, state=_cancel_after(1), force=True)
    assert (target / "spans.csv").read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir() if "csv" in p.name) == ["csv"]


def test_progress_reaches_the_total(project: Project, tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []
    export(project, "jsonl", tmp_path / "a.jsonl",
           state=TaskState(lambda done, total, _m: reports.append((done, total))))
    assert reports[-1] == (3, 3)
