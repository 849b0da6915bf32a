"""The review window's decisions: the reviewer's requests as undoable commands, and their effect.

:class:`ReviewDecisions` turns the decision panel's requests (accept a
version, accept every agreement, reject; the window adds edits) into the
commands of :mod:`annotator.core.project.review_commands`, runs them through
the session on the window's own undo stack, and updates the queue whenever
gold changed: after a decision, its undo or redo (which also select the item
they changed), or another window's decision on the same project.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from annotator.core.models import ChangeKind, Changes
from annotator.core.project.review_commands import AcceptAgreements, Decide, Decision
from annotator.core.review import Item, compare
from annotator.gui.live import own_changes

if TYPE_CHECKING:
    from annotator.gui.review.review_window import ReviewWindow

MESSAGE_MS = 8000


class ReviewDecisions(QObject):
    """Carries out one review window's decisions; one instance per window."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.session = window.session
        self.stack = window.undo_stack
        window.panel.sig_accept_requested.connect(self.accept)
        window.panel.sig_accept_all_requested.connect(self.accept_agreements)
        window.panel.sig_reject_requested.connect(self.reject)
        # others' edits: review/live.py finds the queue again
        self.session.sig_changed.connect(own_changes(self._on_session_changed))
        self.session.sig_refused.connect(self._on_session_refused)

    @property
    def window(self) -> ReviewWindow:
        # the parent, not an attribute: no reference cycle keeps a closed window's wrapper
        return self.parent()  # type: ignore[return-value]

    def reviewer(self) -> str:
        """The reviewer's name; when empty, asks for it first."""
        panel = self.window.panel
        name = panel.reviewer.text().strip()
        if not name:
            self.window.statusBar().showMessage("Enter your name as reviewer first", 5000)
            panel.reviewer.setFocus()
        return name

    def decide(self, item: Item, decision: Decision) -> None:
        """Decide ``item`` (one transaction, one undo step), then move to the next open one."""
        self.session.execute(Decide(item, decision), self.stack,
                             refused=lambda why: self._say(f"decision refused: {why}"))
        self.window.panel.note.clear()
        self.window.select_next_open(item)

    def accept(self, index: int) -> None:
        item, reviewer = self.window.current_item(), self.reviewer()
        if item is None or not reviewer or index >= len(item.versions):
            return
        panel = self.window.panel
        self.decide(item, Decision("accept", reviewer, item.versions[index].annotator,
                                   panel.reason_code(), panel.note.text().strip()))

    def reject(self) -> None:
        item, reviewer = self.window.current_item(), self.reviewer()
        if item is None or not reviewer:
            return
        panel = self.window.panel
        self.decide(item, Decision("reject", reviewer, "", panel.reason_code(),
                                   panel.note.text().strip()))

    def accept_agreements(self) -> None:
        item, reviewer = self.window.current_item(), self.reviewer()
        if item is None or not reviewer:
            return
        command = AcceptAgreements(item.doc_id, reviewer)
        if self.session.execute(command, self.stack, refused=self._say) is None:
            return
        self.window.statusBar().showMessage(
            f"{len(command.edits)} agreed item(s) of document #{item.doc_id} accepted into "
            "gold", 5000)

    # ----------------------------------------------------------- handlers

    def _on_session_changed(self, changes: Changes[object]) -> None:
        if changes.kind is ChangeKind.ALL:
            self.window.reload()  # an import or a merge: disagreements may differ anywhere
        elif changes.touches(ChangeKind.GOLD):
            mine = changes.initiator == self.stack.objectName()
            for doc_id in changes.doc_ids:
                self._show_decided(int(doc_id), changes.keys[0] if mine and changes.keys
                                   else None)

    def _show_decided(self, doc_id: int, key: str | None) -> None:
        """A decision on ``doc_id`` (or its undo or redo) changed gold: show it."""
        window = self.window
        window.model.set_document_decisions(doc_id, compare.decisions(window.project, doc_id))
        window.update_progress()
        if key is not None:
            window.select(doc_id, key)  # undo and redo show what they changed
        current = window.current_item()
        if current is not None and int(current.doc_id) == doc_id:
            window.show_item(current)
        window.sig_decided.emit(doc_id)

    def _on_session_refused(self, initiator: str, message: str) -> None:
        if initiator == self.stack.objectName():
            self._say(message)

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, MESSAGE_MS)
