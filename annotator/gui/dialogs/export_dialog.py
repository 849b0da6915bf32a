"""File › Export…: format, selection, destination, a progress bar and Cancel.

Builds a :class:`~annotator.core.exporters.Selection` from its fields and runs
:func:`annotator.core.exporters.export` on a worker thread over its own
read-only :class:`~annotator.core.project.Project` connection. Exports are
all-or-nothing (``.part`` files renamed into place only when finished), so
Cancel leaves no output behind. Formats needing an optional library report
the ``pip install`` line to use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from annotator.core.errors import OutputRefusedError, SelectionError
from annotator.core.exporters import FORMATS, ExportResult, Selection, export
from annotator.core.exporters.selection import ALL, ANNOTATOR, GOLD_FALLBACK, GOLD_SOURCE
from annotator.core.models import Status
from annotator.core.outputs import check_target
from annotator.core.project import Project
from annotator.core.tasks import TaskState
from annotator.gui.dialogs.task_dialog import TaskDialog, path_row
from annotator.gui.text.plain import ask

SUFFIXES = {"jsonl": ".jsonl", "codebook": ".json", "conll": ".conll", "spacy": ".spacy",
            "labelstudio": ".json", "qdpx": ".qdpx"}
SOURCES = (("All annotators", ALL), ("One annotator", ANNOTATOR),
           ("Gold (adjudicated) only", GOLD_SOURCE),
           ("Gold, else the chosen annotator", GOLD_FALLBACK))
STATUS_LABELS = {Status.NOT_STARTED: "Not started", Status.IN_PROGRESS: "In progress",
                 Status.DONE: "Done"}


def export_job(project_path: Path, format_name: str, dest: Path, selection: Selection,
               options: dict[str, Any]) -> Any:
    """The worker's function: its own read-only connection, then the export."""
    def run(state: TaskState) -> ExportResult:
        with Project.open(project_path, read_only=True) as project:
            return export(project, format_name, dest, selection, state, **options)
    return run


class ExportDialog(TaskDialog):
    """Choose a format, whose annotations and which documents, and where to write."""

    def __init__(self, project: Project, annotator: str, pool: QThreadPool | None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Export", "&Export", pool, parent)
        self.project_path = project.path
        self.setMinimumWidth(620)
        self._auto_dest = ""
        self.format = self._combo("Export format",
                                  [(f.label + (f"  [needs {f.extra}]" if f.extra else ""), f.name)
                                   for f in FORMATS.values()])
        self.source = self._combo("Annotation source", list(SOURCES))
        names = project.annotators()
        self.annotator = self._combo("Annotator", [(n, n) for n in names])
        if annotator in names:
            self.annotator.setCurrentIndex(names.index(annotator))
        self.status = self._combo("Document status", [("Any status", None)] +
                                  [(STATUS_LABELS.get(s, s.value), s.value) for s in Status])
        self.language = self._combo("Language", [("Any language", None)] +
                                    [(lang or "(unknown)", lang)
                                     for lang in project.languages()])
        self.batch = self._combo("Import batch", [("All imports", None)] + [
            (f"#{b['id']} {b['description'] or ''} ({b['documents']} documents, "
             f"{str(b['started_at'])[:16]})".replace("  ", " "), int(b["id"]))
            for b in project.batches()])
        self.predictions = QCheckBox("Write &predictions instead of annotations (Label Studio)")
        self.predictions.setAccessibleName("Write predictions instead of annotations")
        self.spreadsheet_safe = QCheckBox("Sp&readsheet-safe cells (CSV)")
        self.spreadsheet_safe.setAccessibleName("Spreadsheet-safe cells")
        self.spreadsheet_safe.setToolTip(
            "Cells starting with = + - @ get a leading apostrophe, so a spreadsheet program "
            "shows them as text instead of running them as formulas")
        self.destination = QLineEdit()
        self.destination.setAccessibleName("Destination")
        dest_row, self.browse = path_row(self.destination, "&Browse…", "Choose the destination",
                                         self._on_browse_clicked)
        self.warnings = QPlainTextEdit()
        self.warnings.setAccessibleName("Export warnings")
        self.warnings.setReadOnly(True)
        self.warnings.setMaximumHeight(110)
        self.warnings.hide()
        self.form.addRow("&Format:", self.format)
        self.form.addRow("&Source:", self.source)
        self.form.addRow("&Annotator:", self.annotator)
        self.form.addRow("S&tatus:", self.status)
        self.form.addRow("&Language:", self.language)
        self.form.addRow("Import &batch:", self.batch)
        self.form.addRow("", self.predictions)
        self.form.addRow("", self.spreadsheet_safe)
        self.form.addRow("&Destination:", dest_row)
        self.extra.addWidget(self.warnings)
        self.format.currentIndexChanged.connect(self._on_format_current_index_changed)
        self.source.currentIndexChanged.connect(self._on_source_current_index_changed)
        self._on_format_current_index_changed()
        self._on_source_current_index_changed()

    def _combo(self, accessible: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    # ------------------------------------------------------------- values

    def format_name(self) -> str:
        return str(self.format.currentData())

    def selection(self) -> Selection:
        """The Selection of the fields; raises SelectionError with a readable reason."""
        source = str(self.source.currentData())
        annotator = self.annotator.currentText() if source in (ANNOTATOR, GOLD_FALLBACK) else ""
        return Selection(source, annotator, status=self.status.currentData(),
                         language=self.language.currentData(),
                         batch_id=self.batch.currentData())

    def default_destination(self) -> str:
        fmt = FORMATS[self.format_name()]
        stem = self.project_path.with_name(f"{self.project_path.stem}-{fmt.name}")
        return str(stem) if fmt.target == "folder" else str(stem) + SUFFIXES.get(fmt.name, "")

    # ------------------------------------------------------------ running

    def run(self) -> None:
        try:
            selection = self.selection()
        except SelectionError as exc:
            self.say(str(exc), error=True)
            return
        text = self.destination.text().strip()
        if not text:
            self.say("Choose where to write the export.", error=True)
            return
        fmt = FORMATS[self.format_name()]
        try:
            dest = check_target(text, kind="file" if fmt.target == "file" else "folder",
                                project=self.project_path, force=True)
        except OutputRefusedError as exc:
            self.say(f"Not exported: {exc}.", error=True)
            return
        if dest.exists() and not ask(
                self, "Export", f"{dest} exists. Replace it when the export is finished?"):
            return
        # The question above is the user's consent to replace an existing target.
        options: dict[str, bool] = {"force": True}
        if self.predictions.isEnabled() and self.predictions.isChecked():
            options["predictions"] = True
        if self.spreadsheet_safe.isEnabled() and self.spreadsheet_safe.isChecked():
            options["spreadsheet_safe"] = True
        self.warnings.clear()
        self.warnings.hide()
        self.start_task(export_job(self.project_path, self.format_name(), dest, selection,
                                   options), "export", f"Exporting to {dest}…")

    def task_done(self, result: ExportResult) -> str:
        if result.warnings:
            self.warnings.setPlainText("\n".join(result.warnings))
            self.warnings.show()
        return result.summary()[:1].upper() + result.summary()[1:] + "."

    # ----------------------------------------------------------- handlers

    def _on_format_current_index_changed(self, *_args: Any) -> None:
        fmt = FORMATS[self.format_name()]
        self.predictions.setEnabled(fmt.name == "labelstudio")
        self.spreadsheet_safe.setEnabled(fmt.name == "csv")
        current = self.destination.text().strip()
        if not current or current == self._auto_dest:
            self._auto_dest = self.default_destination()
            self.destination.setText(self._auto_dest)
        self.browse.setToolTip(f"Choose the destination {fmt.target}")

    def _on_source_current_index_changed(self, *_args: Any) -> None:
        needs = self.source.currentData() in (ANNOTATOR, GOLD_FALLBACK)
        self.annotator.setEnabled(needs and self.annotator.count() > 0)

    def _on_browse_clicked(self) -> None:
        fmt = FORMATS[self.format_name()]
        start = self.destination.text() or self.default_destination()
        what = "a new folder" if fmt.target == "folder" else "the file"
        path, _ = QFileDialog.getSaveFileName(self, f"Export {fmt.label}: name {what}", start)
        if path:
            self.destination.setText(path)

