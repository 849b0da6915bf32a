"""The review window's decision panel: reviewer, one button per decision, reason, note, progress.

The panel decides nothing itself: its buttons, and the same keys (1-9, A, E,
R) bound to the whole window by :meth:`DecisionPanel.add_key_actions`, emit
``sig_*_requested``, and the window carries the decision out.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.review import REASONS
from annotator.gui.text.plain import escape, tip

REASON_LABELS = {"": "(no reason given)", "guideline_gap": "Guideline gap",
                 "ambiguity": "Ambiguity", "error": "Annotator error"}
MAX_KEYED = 9


class DecisionPanel(QWidget):
    """Reviewer, accept/agree/edit/reject buttons, reason and note, progress."""

    sig_accept_requested = Signal(int)
    """Accept the version of the annotator in this column (0-based)."""
    sig_accept_all_requested = Signal()
    """Accept every item the annotators of the current document agree on."""
    sig_edit_requested = Signal()
    """Edit a version before accepting it."""
    sig_reject_requested = Signal()
    """Reject the item: nothing of it goes into gold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reviewer = QLineEdit()
        self.reviewer.setAccessibleName("Reviewer name")
        self.reviewer.setPlaceholderText("your name (recorded with each decision)")
        self.accept_box = QWidget()
        self.accept_box.setAccessibleName("Accept a version")
        self.accept_layout = QVBoxLayout(self.accept_box)
        self.accept_layout.setContentsMargins(0, 0, 0, 0)
        self.accept_buttons: list[QPushButton] = []
        self.accept_all = self._button("A   Accept all agreements in this document",
                                       "Accept all agreements",
                                       self.sig_accept_all_requested.emit)
        self.edit = self._button("E   Edit, then accept…", "Edit a version",
                                 self.sig_edit_requested.emit)
        self.reject = self._button("R   Reject (nothing into gold)", "Reject the item",
                                   self.sig_reject_requested.emit)
        self.reason = QComboBox()
        self.reason.setAccessibleName("Reason code")
        for code in ("", *REASONS):
            self.reason.addItem(REASON_LABELS.get(code, code), code)
        self.note = QLineEdit()
        self.note.setAccessibleName("Note on the decision")
        self.note.setPlaceholderText("optional note, kept with the decision")
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.current.setAccessibleName("Current decision")
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Adjudication progress")
        self.progress.setFormat("%v of %m adjudicated")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        form = QFormLayout()
        form.addRow("Reviewer", self.reviewer)
        form.addRow("Reason", self.reason)
        form.addRow("Note", self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>Accept a version</b>"))
        layout.addWidget(self.accept_box)
        for button in (self.accept_all, self.edit, self.reject):
            layout.addWidget(button)
        layout.addWidget(QLabel("<b>Decision</b>"))
        layout.addWidget(self.current)
        layout.addStretch(1)
        layout.addWidget(self.progress)

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setStyleSheet("text-align: left; padding: 4px 8px")
        button.clicked.connect(slot)
        return button

    def add_key_actions(self, window: QWidget) -> dict[str, QAction]:
        """One key per decision anywhere in ``window`` (text fields keep their typing),
        each emitting the same request as its button; the actions by key."""
        names = {str(n): f"Accept annotator {n}" for n in range(1, MAX_KEYED + 1)}
        names |= {"A": "Accept all agreements", "E": "Edit, then accept", "R": "Reject"}
        actions: dict[str, QAction] = {}
        for key, text in names.items():
            action = QAction(text, window)
            action.setShortcut(QKeySequence(key))
            actions[key] = action
        window.addActions(list(actions.values()))
        for number in range(1, MAX_KEYED + 1):
            actions[str(number)].triggered.connect(
                lambda _=False, i=number - 1: self.sig_accept_requested.emit(i))
        actions["A"].triggered.connect(self.sig_accept_all_requested.emit)
        actions["E"].triggered.connect(self.sig_edit_requested.emit)
        actions["R"].triggered.connect(self.sig_reject_requested.emit)
        return actions

    # ------------------------------------------------------------- state

    def set_versions(self, versions: list[tuple[str, str]]) -> None:
        """One accept button per annotator: (name, one-line summary of their version)."""
        for button in self.accept_buttons:
            self.accept_layout.removeWidget(button)
            button.deleteLater()
        self.accept_buttons = []
        for index, (name, summary) in enumerate(versions):
            key = f"{index + 1}   " if index < MAX_KEYED else ""
            button = QPushButton(f"{key}Accept {name}")
            button.setAccessibleName(f"Accept {name}'s version")
            button.setToolTip(tip(summary))
            button.setStyleSheet("text-align: left; padding: 4px 8px")
            button.clicked.connect(lambda _=False, i=index: self.sig_accept_requested.emit(i))
            self.accept_layout.addWidget(button)
            self.accept_buttons.append(button)

    def set_enabled(self, enabled: bool) -> None:
        for button in (*self.accept_buttons, self.accept_all, self.edit, self.reject):
            button.setEnabled(enabled)

    def set_decision(self, decision: dict[str, Any] | None) -> None:
        if decision is None:
            self.current.setText("<i>not decided yet</i>")
            return
        verb = {"accept": "✓ accepted", "reject": "✗ rejected"}.get(decision["decision"],
                                                                   decision["decision"])
        source = f" {decision['from_annotator']}'s version" if decision["from_annotator"] \
            else ""
        reason = REASON_LABELS.get(decision["reason"] or "", decision["reason"])
        parts = [f"{verb}{source}", f"by {decision['decided_by'] or '?'}"]
        if decision["reason"]:
            parts.append(f"reason: {reason}")
        if decision["note"]:
            parts.append(f"note: {decision['note']}")
        self.current.setText(escape(" · ".join(parts)))

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total} adjudicated")

    def reason_code(self) -> str:
        return str(self.reason.currentData() or "")


