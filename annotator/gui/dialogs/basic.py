"""Dialogs of the workspace: the import report, the shortcut list, the annotator's name."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import ImportReport
from annotator.gui.models.item_models import RowsModel
from annotator.gui.text.plain import plain

_NAME_OK = re.compile(r"^[\w .@'-]{1,64}$")


class TableDialog(QDialog):
    """A summary line above a read-only table, closed with Escape or the Close button."""

    def __init__(self, title: str, summary: str, model: RowsModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 460)
        self.summary = plain(QLabel(summary))
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setAccessibleName(title)
        self.table.setModel(model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


def import_report_dialog(report: ImportReport, parent: QWidget | None = None) -> TableDialog:
    """Every file the import accepted or rejected, with the reason for each rejection."""
    rows: list[tuple[str, ...]] = list(report.rows())
    model = RowsModel(("Result", "File", "Reason"), rows)
    return TableDialog("Import report", report.summary(), model, parent)


def shortcuts_dialog(rows: list[tuple[str, str]], parent: QWidget | None = None
                     ) -> TableDialog:
    model = RowsModel(("Keys", "Does"), [tuple(r) for r in rows])
    return TableDialog("Keyboard shortcuts",
                       "The whole workflow works from the keyboard.", model, parent)


def valid_name(name: str) -> bool:
    return bool(_NAME_OK.match(name.strip()))


def ask_annotator_name(parent: QWidget | None, current: str = "") -> str | None:
    """Ask for the annotator's name until it is valid; None when cancelled."""
    prompt = ("Your name or initials (every annotation carries it; you see only your own "
              "annotations):")
    name = current
    while True:
        name, ok = QInputDialog.getText(parent, "Annotator", prompt, text=name)
        if not ok:
            return None
        if valid_name(name):
            return name.strip()
        prompt = "Use 1-64 letters, digits, spaces or . @ ' - :"
