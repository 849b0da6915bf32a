"""Import and export from the File menu, on a worker thread with a progress dialog and Cancel.

Each job opens its own :class:`~annotator.core.Project` connection in the
worker thread (SQLite connections are per thread); the window's connection
keeps serving the GUI meanwhile, and WAL lets both work at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QProgressDialog, QWidget

from annotator.core import wording
from annotator.core.importers import SUFFIXES
from annotator.core.models import ImportReport
from annotator.core.project import Project
from annotator.core.tasks import TaskState
from annotator.gui import workers
from annotator.gui.dialogs.basic import import_report_dialog
from annotator.gui.session import Session
from annotator.gui.text.plain import plain, warn


def import_job(project_path: Path, paths: list[str]) -> Any:
    def run(state: TaskState) -> ImportReport:
        with Project.open(project_path) as project:
            return project.import_paths(paths, state=state)
    return run


def export_job(project_path: Path, out: str, annotators: list[str] | None) -> Any:
    def run(state: TaskState) -> int:
        with Project.open(project_path) as project:
            # The save dialog has already asked whether to replace an existing file.
            return project.exports.native(out, state=state, annotators=annotators, force=True)
    return run


class ImportExport(QObject):
    """Runs imports and exports for the window; one job at a time."""

    sig_import_finished = Signal(object)
    """An import ended (its ImportReport, possibly cancelled part-way)."""
    sig_export_finished = Signal(str)
    """An export ended: a message for the status bar."""

    def __init__(self, session: Session, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._session = session
        self._parent = parent_widget
        self.task: workers.Task | None = None
        self.progress: QProgressDialog | None = None
        self.show_report = True

    # --------------------------------------------------------------- import

    def ask_import_files(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(self._parent, "Import articles", "",
                                                f"Articles ({patterns});;All files (*)")
        if paths:
            self.import_paths(paths)

    def ask_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._parent, "Import a folder of articles")
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str]) -> workers.Task | None:
        if self._session.path is None or self.task is not None:
            return None
        task = workers.Task(import_job(self._session.path, paths), "import")
        task.signals.sig_finished.connect(self._on_import_finished)
        return self._start(task, "Importing articles…")

    def _on_import_finished(self, report: ImportReport) -> None:
        self._stop()
        self._session.external_change("import")
        self.sig_import_finished.emit(report)
        if self.show_report:
            import_report_dialog(report, self._parent).exec()

    # --------------------------------------------------------------- export

    def ask_export_native(self) -> None:
        if self._session.path is None:
            return
        default = str(self._session.path.with_suffix(".jsonl"))
        out, _ = QFileDialog.getSaveFileName(self._parent, "Export native JSONL", default,
                                             "JSON Lines (*.jsonl)")
        if out:
            self.export_native(out)

    def export_native(self, out: str, annotators: list[str] | None = None
                      ) -> workers.Task | None:
        if self._session.path is None or self.task is not None:
            return None
        task = workers.Task(export_job(self._session.path, out, annotators), "export")
        task.signals.sig_finished.connect(
            lambda done: self._on_export_finished(
                f"Exported {wording.count(done, 'document')} to {out}"))
        return self._start(task, "Exporting…")

    def _on_export_finished(self, message: str) -> None:
        self._stop()
        self.sig_export_finished.emit(message)

    # --------------------------------------------------------------- common

    def _start(self, task: workers.Task, title: str) -> workers.Task:
        self.task = task
        dialog = QProgressDialog(title, "Cancel", 0, 0, self._parent)
        dialog.setLabel(plain(QLabel(title)))  # the label shows file names as they come
        dialog.setWindowTitle(title.rstrip("…"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._on_progress_canceled)
        task.signals.sig_progress.connect(self._on_task_progress)
        task.signals.sig_failed.connect(self._on_task_failed)
        task.signals.sig_cancelled.connect(self._on_task_cancelled)
        self.progress = dialog
        workers.start(task, self._session.thread_pool)
        return task

    def _stop(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._on_progress_canceled)
            self.progress.close()
            self.progress.deleteLater()
        self.progress = None
        self.task = None

    def _on_progress_canceled(self) -> None:
        if self.task is not None:
            self.task.cancel()
            if self.progress is not None:
                self.progress.setLabelText("Cancelling after the current file…")

    def _on_task_progress(self, done: int, total: int, message: str) -> None:
        if self.progress is None:
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        if not (self.task and self.task.state.cancelled):
            self.progress.setLabelText(f"{done} of {total}: {message[:60]}")

    def _on_task_failed(self, message: str) -> None:
        self._stop()
        warn(self._parent, "annotator", message)

    def _on_task_cancelled(self) -> None:
        self._stop()
        self.sig_export_finished.emit("Cancelled")
