"""The review window's answer to other windows and processes writing the same project.

An annotator's edit elsewhere can open or close a disagreement anywhere, so
the queue is found again (on the window's worker, as on opening), and the
reviewer stays where they were: the same item selected, the queue scrolled to
the same place. Changes arriving while the queue is being found lead to one
more search once it is done, not to one per change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from annotator.core.live import EXTERNAL
from annotator.core.models import Changes

if TYPE_CHECKING:
    from annotator.gui.review.review_window import ReviewWindow


class ReviewRefresh(QObject):
    """Re-finds one review window's queue after others wrote, keeping the reviewer's place."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self._place: tuple[tuple[int, str] | None, int] | None = None
        self._again = False
        window.session.sig_changed.connect(self._on_session_changed)
        window.sig_loaded.connect(self._on_window_loaded)

    @property
    def window(self) -> ReviewWindow:
        return self.parent()  # type: ignore[return-value]

    def refresh(self) -> None:
        window = self.window
        if self._place is None:  # the first change since the reviewer last saw the queue
            item = window.current_item()
            self._place = ((int(item.doc_id), item.key) if item is not None else None,
                           window.queue.verticalScrollBar().value())
        if window.loading:
            self._again = True
            return
        window.reload()

    def _on_session_changed(self, changes: Changes[object]) -> None:
        if changes.initiator == EXTERNAL:
            self.refresh()

    def _on_window_loaded(self, _count: int) -> None:
        if self._again:
            self._again = False
            self.window.reload()
            return
        if self._place is None:
            return
        (current, position), self._place = self._place, None
        window = self.window
        if current is not None:
            window.select(*current)
        window.queue.verticalScrollBar().setValue(position)
