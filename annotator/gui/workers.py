"""Running core tasks off the GUI thread: a QRunnable wrapper with progress and Cancel.

A task is a plain function ``fn(state) -> result`` taking a
:class:`~annotator.core.tasks.TaskState`; it must open its own
:class:`~annotator.core.Project` connection, because SQLite connections belong
to the thread that uses them. Progress, the result and failures arrive on the
GUI thread through the signals of :class:`TaskSignals` (queued connections).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from annotator.core.tasks import Cancelled, TaskState


class TaskSignals(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues."""

    sig_progress = Signal(int, int, str)
    """done, total, message."""
    sig_finished = Signal(object)
    """The task's result (also after a cooperative cancel that returned normally)."""
    sig_failed = Signal(str)
    """The task raised: a one-line message."""
    sig_cancelled = Signal()
    """The task stopped by raising :class:`~annotator.core.tasks.Cancelled`."""


class Task(QRunnable):
    """Runs ``fn(state)`` on a thread pool."""

    def __init__(self, fn: Callable[[TaskState], Any], name: str = "task") -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the reference until sig_finished
        self.name = name
        self.signals = TaskSignals()
        self.state = TaskState(on_progress=self.signals.sig_progress.emit)
        self._fn = fn

    def cancel(self) -> None:
        self.state.cancel()

    def run(self) -> None:
        try:
            result = self._fn(self.state)
        except Cancelled:
            self.signals.sig_cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - reported to the user, never lost
            traceback.print_exc()
            self.signals.sig_failed.emit(f"{self.name} failed: {exc}")
        else:
            self.signals.sig_finished.emit(result)


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    (pool or QThreadPool.globalInstance()).start(task)
    return task
