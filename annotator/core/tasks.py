"""The progress/cancel protocol for long work (import, export, agreement).

Long operations are plain functions taking a :class:`TaskState`. They call
:meth:`TaskState.progress` now and then and stop early, leaving nothing
half-written, when :attr:`TaskState.cancelled` turns true. The GUI subclasses
nothing: it passes a state whose callback forwards to a progress bar.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """Raised inside a task when its state was cancelled."""


class TaskState:
    """Progress reporting and cooperative cancellation, safe across threads."""

    def __init__(self, on_progress: Callable[[int, int, str], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._on_progress = on_progress
        self.done = 0
        self.total = 0
        self.message = ""

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancellation was asked for."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, done: int, total: int, message: str = "") -> None:
        self.done, self.total, self.message = done, total, message
        if self._on_progress is not None:
            self._on_progress(done, total, message)


NULL_STATE = TaskState()
"""A state for callers that need no progress and never cancel (do not cancel it)."""
