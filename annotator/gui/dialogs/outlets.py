"""The project's outlet list: name, domains, text signatures, default grade; CSV import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from annotator.core import wording
from annotator.core.project import Project
from annotator.gui.dialogs.basic import TableDialog
from annotator.gui.models.item_models import RowsModel

COLUMNS = ("Outlet", "Domains", "Signatures", "Default grade")


def _rows(project: Project) -> list[tuple[str, ...]]:
    return [(o.name, ", ".join(o.domains), " | ".join(o.signatures), o.grade or "—")
            for o in project.outlets()]


class OutletListDialog(TableDialog):
    """The outlet list as a table, and "Import CSV…" to add or replace outlets from a file
    (columns name, domains, signatures, grade; see README)."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        self.project = project
        super().__init__("Outlet list", "", RowsModel(COLUMNS, _rows(project)), parent)
        self.import_button = QPushButton("Import CSV…")
        self.import_button.setToolTip("Add or replace outlets from a CSV with the columns "
                                      "name, domains, signatures, grade (| between several)")
        self.import_button.clicked.connect(lambda _=False: self.import_csv())
        self.explanation = QLabel(
            "Imported documents of a listed outlet carry its name; its grade is proposed as "
            "the outlet reliability on an annotator's first edit of the document.")
        self.explanation.setWordWrap(True)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(2, self.import_button)
            layout.insertWidget(3, self.explanation)
        self._summarise()

    def _summarise(self, note: str = "") -> None:
        self.summary.setText(note or f"{wording.count(self.table.model().rowCount(), 'outlet')}.")

    def import_csv(self, path: str | Path | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Import outlets", "",
                                                  "CSV files (*.csv);;All files (*)")
        if not path:
            return
        report = self.project.import_outlets_csv(path)
        if report.rejected:
            self._summarise("Not imported: " + "; ".join(str(r) for r in report.rejected[:5])
                            + ".")
            return
        self.table.setModel(RowsModel(COLUMNS, _rows(self.project)))
        self._summarise(f"Imported {wording.count(report.outlets, 'outlet')} from "
                        f"{Path(path).name}.")
