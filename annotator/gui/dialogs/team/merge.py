"""Team › Merge returned packages…: package files merged one by one, a row of results per file.

Each file is merged in its own transaction by ``Project.merge_package`` on a
worker thread (a dry run only reports); its MergeReport or its one-line
refusal becomes a :class:`MergeOutcome` row of the results table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QPushButton,
    QTableView,
    QWidget,
)

from annotator.core.errors import PackageError
from annotator.core.project import Project
from annotator.core.tasks import TaskState
from annotator.gui.dialogs.task_dialog import TaskDialog
from annotator.gui.dialogs.team import PACKAGE_FILTER
from annotator.gui.models.record_table import Column, RecordTableModel
from annotator.gui.models.roles import DISPLAY, FOREGROUND, TOOLTIP


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """One package file's row of results: its MergeReport in words, or its refusal."""

    package: str
    result: str
    details: str = ""
    refused: bool = False

    @classmethod
    def of(cls, path: Path, outcome: Any) -> MergeOutcome:
        if isinstance(outcome, str):
            return cls(path.name, outcome, refused=True)
        details = [*outcome.warnings, *(f"kept {k}" for k in outcome.kept)]
        return cls(path.name, outcome.summary(), "\n".join(details))


def _outcome_column(key: str, header: str) -> Column:
    def text(outcome: MergeOutcome) -> str:
        return str(getattr(outcome, key))

    return Column(key, header, cells={
        DISPLAY: text, TOOLTIP: text,
        FOREGROUND: lambda outcome: QColor(Qt.GlobalColor.darkRed) if outcome.refused else None})


OUTCOME_COLUMNS = (_outcome_column("package", "Package"), _outcome_column("result", "Result"),
                   _outcome_column("details", "Details"))


def merge_job(project_path: Path, paths: list[Path], dry_run: bool) -> Any:
    def run(state: TaskState) -> list[tuple[Path, Any]]:
        results: list[tuple[Path, Any]] = []
        with Project.open(project_path) as project:
            for index, path in enumerate(paths):
                state.check()  # between packages: each merge is one transaction
                state.progress(index, len(paths), path.name)
                try:
                    results.append((path, project.team.merge(path, dry_run=dry_run)))
                except PackageError as exc:
                    results.append((path, f"refused: {exc}"))
            state.progress(len(paths), len(paths), "done")
        return results
    return run


class MergeDialog(TaskDialog):
    """Returned package files, merged one by one; a row of results per file."""

    def __init__(self, project: Project, pool: QThreadPool | None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Merge returned packages", "&Merge", pool, parent)
        self.project_path = project.path
        self.setMinimumSize(760, 480)
        self.files = QListWidget()
        self.files.setAccessibleName("Package files to merge")
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setMaximumHeight(120)
        self.add_button = QPushButton("&Add files…")
        self.add_button.setAccessibleName("Add package files")
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setAccessibleName("Remove the selected files")
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.dry_run = QCheckBox("&Dry run: report only, change nothing")
        self.dry_run.setAccessibleName("Dry run")
        self.outcomes = RecordTableModel(OUTCOME_COLUMNS, parent=self)
        self.results = QTableView()
        self.results.setModel(self.outcomes)
        self.results.setAccessibleName("Merge results")
        self.results.verticalHeader().hide()
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setWordWrap(True)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.results.setColumnWidth(1, 300)
        self.form.addRow("&Packages:", self.files)
        self.form.addRow("", buttons)
        self.form.addRow("", self.dry_run)
        self.extra.addWidget(self.results)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)

    def add_files(self, paths: list[str]) -> None:
        present = {self.files.item(i).text() for i in range(self.files.count())}
        for path in paths:
            if path not in present:
                self.files.addItem(path)

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def run(self) -> None:
        paths = self.paths()
        if not paths:
            self.say("Add the package files the annotators sent back.", error=True)
            return
        self.outcomes.set_rows([])
        self.start_task(merge_job(self.project_path, paths, self.dry_run.isChecked()),
                        "merge", "Merging…")

    def task_done(self, result: list[tuple[Path, Any]]) -> str:
        outcomes = [MergeOutcome.of(path, outcome) for path, outcome in result]
        self.outcomes.set_rows(outcomes)
        self.results.resizeRowsToContents()
        refused = sum(1 for outcome in outcomes if outcome.refused)
        merged = len(result) - refused
        verb = "Checked" if self.dry_run.isChecked() else "Merged"
        text = f"{verb} {merged} package(s)"
        return text + (f"; refused {refused} (see the table)." if refused else ".")

    def _on_add_button_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Returned packages", "", PACKAGE_FILTER)
        self.add_files(paths)

    def _on_remove_button_clicked(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
