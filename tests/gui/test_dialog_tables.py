"""The dialogs' tables are views of record models: keys move the choice, rows follow the data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QProgressBar

from annotator.core import Project, backup
from annotator.core.models import Status
from annotator.core.team import AnnotatorProgress
from annotator.gui.dialogs.backup_dialog import RestoreDialog
from annotator.gui.dialogs.team.dashboard import ProgressDashboard
from annotator.gui.dialogs.team.merge import MergeDialog, MergeOutcome
from annotator.gui.models.roles import FOREGROUND, TOOLTIP
from tests.gui.conftest import ANNOTATOR


@pytest.fixture()
def project(project_path: Path) -> Any:
    with Project.open(project_path) as opened:
        yield opened


def test_restore_dialog_chooses_the_row_the_keys_move_to(qtbot: Any, project: Project) -> None:
    project.backups.take("manual")
    project.backups.take("manual")
    dialog = RestoreDialog(project, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    backups = backup.list_backups(project.path)
    model = dialog.table.model()
    assert model.rowCount() == len(backups) >= 2
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == \
        [info.path.name for info in backups]
    assert model.index(0, 0).data(TOOLTIP) == str(backups[0].path)
    assert dialog.chosen() == backups[0]
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.chosen() == backups[1]
    assert dialog.table.selectionModel().selectedRows()[0].row() == 1


@dataclass
class _Report:
    warnings: list[str]
    kept: list[str]

    def summary(self) -> str:
        return "merged 2 documents"


def test_merge_results_are_one_row_per_file(qtbot: Any, project: Project) -> None:
    dialog = MergeDialog(project, None)
    qtbot.addWidget(dialog)
    message = dialog.task_done([(Path("/in/a.annpkg"), _Report(["late"], ["k1"])),
                                (Path("/in/b.annpkg"), "refused: not a return package")])
    assert message == "Merged 1 package(s); refused 1 (see the table)."
    model = dialog.results.model()
    assert [[model.index(r, c).data() for c in range(3)] for r in range(2)] == [
        ["a.annpkg", "merged 2 documents", "late\nkept k1"],
        ["b.annpkg", "refused: not a return package", ""]]
    assert model.index(1, 1).data(TOOLTIP) == "refused: not a return package"
    assert model.index(1, 0).data(FOREGROUND) == QColor(Qt.GlobalColor.darkRed)
    assert model.index(0, 0).data(FOREGROUND) is None
    assert dialog.outcomes.record(1) == MergeOutcome("b.annpkg",
                                                     "refused: not a return package",
                                                     refused=True)
    dialog.task_done([])
    assert model.rowCount() == 0


def test_dashboard_bars_follow_the_records(qtbot: Any, project: Project,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [d.id for d in project.documents()]
    project.team.assign(docs, ["bob", "carol"], overlap=None, seed=1)
    dashboard = ProgressDashboard(project)
    qtbot.addWidget(dashboard)
    dashboard.show()
    qtbot.waitExposed(dashboard)
    assert [dashboard.row_values(r)[0] for r in range(2)] == ["bob", "carol"]
    bob_doc = project.team.assignments()["bob"][0]
    project.set_status(bob_doc, "bob", Status.DONE)
    dashboard.refresh()
    row = dashboard.row_values(0)
    assigned = int(row[1])
    assert row[4] == "1" and row[5] == f"{1 / assigned:.0%} done"
    bar = dashboard.table.indexWidget(dashboard.table.model().index(0, 5))
    assert isinstance(bar, QProgressBar) and bar.isVisible()
    assert (bar.value(), bar.maximum()) == (1, assigned)
    assert bar.accessibleName() == f"bob: 1 of {assigned} done"
    assert dashboard.table.model().index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == \
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    monkeypatch.setattr(project.team, "progress",
                        lambda: [AnnotatorProgress(ANNOTATOR, 0, 0, 0, 0)])
    dashboard.refresh()
    assert dashboard.table.model().rowCount() == 1
    assert dashboard.row_values(0)[5] == "0% done"
    assert "1 annotator(s); 0 of 0" in dashboard.summary.text()
