"""A dialog that runs one core task on a worker thread, with a progress bar, Cancel and errors.

Subclasses put their fields in :attr:`TaskDialog.form` and call
:meth:`TaskDialog.start_task` with a plain function ``fn(state) -> result``
that opens its OWN :class:`~annotator.core.project.Project` connection (SQLite
connections belong to the thread that made them). Progress arrives on the GUI
thread through the queued signals of :class:`annotator.gui.workers.Task`.

Expected refusals (:data:`EXPECTED_ERRORS`: export, selection, package,
backup, validation and storage errors) become one readable line under the
progress bar; anything else is reported too, with the traceback on stderr.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import (
    BackupError,
    ExportError,
    PackageError,
    ProjectFileError,
    SelectionError,
    StorageError,
    ValidationError,
)
from annotator.core.tasks import TaskState
from annotator.gui import workers
from annotator.gui.text.plain import plain

EXPECTED_ERRORS: tuple[type[Exception], ...] = (
    ExportError, SelectionError, PackageError, BackupError, ValidationError, StorageError,
    ProjectFileError, KeyError, OSError,
)
ERROR_STYLE = "color: #b3261e"


@dataclass(frozen=True, slots=True)
class Refused:
    """What a task returns instead of raising for an expected error (no traceback)."""

    message: str


def refusing(fn: Callable[[TaskState], Any]) -> Callable[[TaskState], Any]:
    """Wrap ``fn`` so that an expected error becomes a :class:`Refused` result."""
    def run(state: TaskState) -> Any:
        try:
            return fn(state)
        except EXPECTED_ERRORS as exc:
            text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
            return Refused(text or type(exc).__name__)
    return run


def line_edit(accessible: str, text: str = "") -> QLineEdit:
    """A line edit with its accessible name."""
    edit = QLineEdit(text)
    edit.setAccessibleName(accessible)
    return edit


def path_row(edit: QLineEdit, button_text: str, accessible: str,
             on_click: Callable[[], None]) -> tuple[QWidget, QPushButton]:
    """A line edit with a Browse button beside it."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    button = QPushButton(button_text)
    button.setAccessibleName(accessible)
    button.setToolTip(accessible)
    button.clicked.connect(lambda _=False: on_click())
    layout.addWidget(edit, 1)
    layout.addWidget(button)
    return row, button


class TaskDialog(QDialog):
    """Fields, then a progress bar, a message line and Run / Cancel / Close buttons."""

    sig_task_finished = Signal(object)
    """The task ended with this result (never a :class:`Refused`)."""
    sig_task_failed = Signal(str)
    """The task was refused or failed: the message shown."""
    sig_task_cancelled = Signal()
    """The task stopped on Cancel; it left nothing half-written."""

    def __init__(self, title: str, run_text: str, pool: QThreadPool | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.pool = pool
        self.task: workers.Task | None = None
        self.form = QFormLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(f"{title.rstrip('…')} progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.hide()  # shown from the first run on
        self.message = plain(QLabel(""))
        self.message.setAccessibleName("Messages")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.run_button = self.buttons.addButton(run_text, QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.setAccessibleName(run_text.replace("&", "").rstrip("…"))
        self.run_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel the running task")
        self.cancel_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.extra = QVBoxLayout()
        self.body.addLayout(self.extra, 1)
        self.body.addWidget(self.progress)
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)

    # ------------------------------------------------------------ running

    @property
    def running(self) -> bool:
        return self.task is not None

    def run(self) -> None:
        """Start the dialog's task (subclasses)."""

    def start_task(self, fn: Callable[[TaskState], Any], name: str, label: str) -> workers.Task:
        task = workers.Task(refusing(fn), name)
        task.signals.sig_progress.connect(self._on_task_progress)
        task.signals.sig_finished.connect(self._on_task_finished)
        task.signals.sig_failed.connect(self._on_task_failed)
        task.signals.sig_cancelled.connect(self._on_task_cancelled)
        self.task = task
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.show()
        self.say(label)
        self._set_running(True)
        workers.start(task, self.pool)
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.say("Cancelling…")
            self.cancel_button.setEnabled(False)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.close_button.setEnabled(not running)
        for index in range(self.form.count()):
            item = self.form.itemAt(index)
            if item is not None and item.widget() is not None:
                item.widget().setEnabled(not running)

    def task_done(self, result: Any) -> str:
        """The message for a finished task (subclasses add details)."""
        return "Done."

    # ----------------------------------------------------------- handlers

    def _on_run_button_clicked(self) -> None:
        if not self.running:
            self.run()

    def _on_cancel_button_clicked(self) -> None:
        self.cancel()

    def _on_close_button_clicked(self) -> None:
        self.reject()

    def _on_task_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if message and not (self.task and self.task.state.cancelled):
            self.say(f"{done} of {total}: {message[:80]}" if total else message[:80])

    def _on_task_finished(self, result: Any) -> None:
        self.task = None
        self._set_running(False)
        if isinstance(result, Refused):
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.say(result.message, error=True)
            self.sig_task_failed.emit(result.message)
            return
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.say(self.task_done(result))
        self.sig_task_finished.emit(result)

    def _on_task_failed(self, message: str) -> None:
        self.task = None
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.say(message, error=True)
        self.sig_task_failed.emit(message)

    def _on_task_cancelled(self) -> None:
        self.task = None
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.say("Cancelled; nothing was written.")
        self.sig_task_cancelled.emit()

    # ------------------------------------------------------------ closing

    def reject(self) -> None:
        if self.running:  # Escape while running cancels; the dialog stays until it stopped
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
