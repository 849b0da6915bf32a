"""Team › Progress dashboard: per annotator, what is assigned, started and done, with a bar.

The rows are ``Project.team.progress()`` records shown through a
:class:`~annotator.gui.models.record_table.RecordTableModel`; over each
row's progress cell lies a QProgressBar made from the record (rebuilt with
the rows, so it holds no state of its own). Below, the learned suggester's
held-out quality per model version (``Project.suggestions.model_history()``),
so the team sees whether the model improves as documents are finished.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.project import Project
from annotator.core.team import AnnotatorProgress
from annotator.gui.models.record_table import Column, RecordTableModel
from annotator.gui.models.roles import ALIGN, ALIGN_RIGHT, DISPLAY

PROGRESS_COLUMN = 5


def _count_column(key: str, header: str) -> Column:
    return Column(key, header, cells={DISPLAY: lambda row: str(getattr(row, key)),
                                      ALIGN: lambda _row: ALIGN_RIGHT})


PROGRESS_COLUMNS = (
    Column("annotator", "Annotator", cells={DISPLAY: lambda row: row.annotator}),
    _count_column("assigned", "Assigned"),
    _count_column("not_started", "Not started"),
    _count_column("in_progress", "In progress"),
    _count_column("done", "Done"),
    Column("progress", "Progress"),
    _count_column("packages_out", "Packages sent"),
    _count_column("packages_in", "Returned"),
    Column("last_merged", "Last merged", cells={DISPLAY: lambda row: row.last_merged[:16]}),
)
"""The dashboard's columns; the progress column's cell lies under a :func:`progress_bar`."""


def _f1(layer: str) -> Column:
    def cell(row: dict[str, Any]) -> str:
        found = row.get("evaluation", {}).get("layers", {}).get(layer)
        return f"{found['learned']['f1']:.2f}" if found else "–"
    return Column(layer, f"{layer} F1", cells={DISPLAY: cell, ALIGN: lambda _row: ALIGN_RIGHT})


def _fields(row: dict[str, Any]) -> str:
    found = row.get("evaluation", {}).get("fields", {})
    return ", ".join(f"{name} {f['accuracy']:.2f}" for name, f in found.items()) or "–"


QUALITY_COLUMNS = (
    Column("version", "Model", cells={DISPLAY: lambda row: f"v{row.get('version')}"}),
    Column("trained_at", "Trained",
           cells={DISPLAY: lambda row: str(row.get("trained_at", ""))[:16].replace("T", " ")}),
    Column("documents", "Documents", cells={
        DISPLAY: lambda row: str(len(row.get("training", {}).get("documents", ()))),
        ALIGN: lambda _row: ALIGN_RIGHT}),
    Column("held_out", "Held out", cells={
        DISPLAY: lambda row: str(row.get("evaluation", {}).get("held_out_documents", 0)),
        ALIGN: lambda _row: ALIGN_RIGHT}),
    *(_f1(layer) for layer in ("ACTOR", "DATE", "DEMAND", "SOURCE")),
    Column("fields", "Fields and claim type (accuracy)", cells={DISPLAY: _fields}),
)
"""The learned model's held-out quality, one row per version trained."""


def progress_bar(row: AnnotatorProgress) -> QProgressBar:
    """The bar shown over a row's progress cell: a view of the record, holding nothing else."""
    bar = QProgressBar()
    bar.setRange(0, max(row.assigned, 1))
    bar.setValue(row.done)
    bar.setFormat(f"{row.fraction_done:.0%} done")
    bar.setAccessibleName(f"{row.annotator}: {row.done} of {row.assigned} done")
    return bar


class ProgressDashboard(QDialog):
    """Per annotator: assigned, not started, in progress, done, with a progress bar."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle("Progress dashboard")
        self.setAccessibleName("Progress dashboard")
        self.setMinimumSize(900, 360)
        self.summary = QLabel()
        self.summary.setAccessibleName("Progress summary")
        self.rows = RecordTableModel(PROGRESS_COLUMNS, parent=self)
        self.table = QTableView()
        self.table.setModel(self.rows)
        self.table.setAccessibleName("Progress per annotator")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PROGRESS_COLUMN, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = buttons.addButton("&Refresh", QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.setAccessibleName("Refresh the dashboard")
        self.refresh_button.setShortcut("F5")
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.quality = RecordTableModel(QUALITY_COLUMNS, parent=self)
        self.quality_table = QTableView()
        self.quality_table.setModel(self.quality)
        self.quality_table.setAccessibleName("Learned suggester quality by version")
        self.quality_table.verticalHeader().hide()
        self.quality_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quality_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.quality_summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.quality_summary)
        layout.addWidget(self.quality_table, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        rows: list[AnnotatorProgress] = self.project.team.progress()
        self.rows.set_rows(rows)  # the reset drops the old bars
        for index, row in enumerate(rows):
            self.table.setIndexWidget(self.rows.index(index, PROGRESS_COLUMN), progress_bar(row))
        done = sum(r.done for r in rows)
        assigned = sum(r.assigned for r in rows)
        self.summary.setText(
            f"{len(rows)} annotator(s); {done} of {assigned} assigned documents done."
            if rows else "No documents are assigned yet: Team › Assign and write packages…")
        history = self.project.suggestions.model_history()
        self.quality.set_rows(history)
        self.quality_summary.setText(
            "Learned suggester: quality on held-out documents, by model version"
            if history else "No learned model yet: Assist › Train suggestions from finished "
            "documents.")

    def row_values(self, row: int) -> list[str]:
        """The texts of a row (the progress bar's format for its column)."""
        values = []
        for column in range(self.rows.columnCount()):
            index = self.rows.index(row, column)
            bar = self.table.indexWidget(index)
            values.append(bar.text() if isinstance(bar, QProgressBar) else index.data() or "")
        return values

    def _on_refresh_button_clicked(self) -> None:
        self.refresh()
