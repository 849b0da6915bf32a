"""Starting worker tasks whose windows may close first: a task stays referenced until it ends.

A :class:`~annotator.gui.workers.Task` is a QRunnable the pool does not own
(``autoDelete`` is off), so Python must keep it alive while it runs. A window
that closes (and is deleted) during a long load or report would otherwise free
the task under the running thread; :func:`start_kept` holds it in a module-level
set until its finished, failed or cancelled signal arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QThreadPool

from annotator.gui.workers import Task, start

_RUNNING: set[Task] = set()


def start_kept(task: Task, pool: QThreadPool | None = None) -> Task:
    _RUNNING.add(task)

    def forget(*_args: object) -> None:
        _RUNNING.discard(task)

    task.signals.sig_finished.connect(forget)
    task.signals.sig_failed.connect(forget)
    task.signals.sig_cancelled.connect(forget)
    return start(task, pool)


def running() -> int:
    """How many kept tasks have not ended yet (for tests)."""
    return len(_RUNNING)
