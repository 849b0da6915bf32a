"""Small editors the forms are built from; each reports a finished user edit with ``sig_committed``.

Programmatic updates (``set_value``) never emit, so showing a record never
writes it back. Text fields commit when editing finishes (Return or leaving
the field) and :meth:`CommitLineEdit.flush` commits a pending edit before the
window moves to another document, so nothing typed is lost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import Vocabulary
from annotator.core.timex import parse_value
from annotator.gui.text.plain import plain, tip

NONE_LABEL = "—"


def compact_list(view: QListView, accessible_name: str) -> QListView:
    """One line per record, elided at the right edge, small colour swatches."""
    view.setAccessibleName(accessible_name)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setUniformItemSizes(True)
    view.setIconSize(QSize(10, 10))
    return view


def message_line(object_name: str) -> QLabel:
    """A wrapping message under a field, hidden until there is something to say.

    ``object_name`` picks its style sheet rule (``fieldError``, ``fieldHint``).
    """
    label = plain(QLabel())
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.hide()
    return label


def tight_row() -> QHBoxLayout:
    """A field's row of controls, flush with the form's edges."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    return row


def row_over_message(owner: QWidget, row: QHBoxLayout, message: QLabel,
                     focus: QWidget) -> None:
    """Lay out a field's row of controls above its (usually hidden) message line."""
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addLayout(row)
    layout.addWidget(message)
    owner.setFocusProxy(focus)
    owner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)


class CommitLineEdit(QLineEdit):
    """A line edit that commits its text once, when the user is done with it."""

    sig_committed = Signal(str)
    """The user finished editing and the text differs from the stored one."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._stored = ""
        self._invalid = False
        self._tooltip = ""
        self.editingFinished.connect(self.flush)

    def set_value(self, value: Any) -> None:
        self._stored = "" if value is None else str(value)
        self.setText(self._stored)
        self.setCursorPosition(0)  # show the start of a long text, not its end
        if self._invalid:  # restyling is costly: only undo mark_invalid
            self._invalid = False
            self.setStyleSheet("")
            self.setToolTip(self._tooltip)

    def flush(self) -> None:
        """Commit the text if it changed since the last set_value/commit."""
        if self.text() != self._stored:
            self._stored = self.text()
            self.sig_committed.emit(self._stored)

    def mark_invalid(self, message: str) -> None:
        if not self._invalid:
            self._tooltip = self.toolTip()
        self._invalid = True
        self.setStyleSheet("QLineEdit { border: 1px solid #c62828; background: #fdecea; }")
        self.setToolTip(tip(message))


class VocabCombo(QComboBox):
    """Codes of one codebook vocabulary, labelled, with the definitions as tooltips."""

    sig_committed = Signal(str)
    """The user chose a code ('' for none)."""

    def __init__(self, vocabulary: Vocabulary, accessible_name: str, *,
                 allow_none: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        if allow_none:
            self.addItem(NONE_LABEL, "")
        for value in vocabulary.values:
            self.addItem(f"{value.code} — {value.label}" if value.code != value.label
                         else value.label, value.code)
            if value.definition:
                self.setItemData(self.count() - 1, tip(value.definition),
                                 Qt.ItemDataRole.ToolTipRole)
        self.activated.connect(self._on_self_activated)
        self.currentIndexChanged.connect(self._on_self_index_changed)

    def code(self) -> str:
        return str(self.currentData() or "")

    def set_value(self, code: Any) -> None:
        code = "" if code is None else str(code)
        index = self.findData(code)
        if index < 0 and code:
            self.addItem(code, code)  # a code from an older codebook version stays visible
            index = self.count() - 1
        self.blockSignals(True)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        self._on_self_index_changed(self.currentIndex())

    def _on_self_activated(self, _index: int) -> None:
        self.sig_committed.emit(self.code())

    def _on_self_index_changed(self, index: int) -> None:
        shown = self.itemData(index, Qt.ItemDataRole.ToolTipRole) if index >= 0 else None
        self.setToolTip(str(shown or tip(self.accessibleName())))


class DateField(QWidget):
    """A TIMEX3 value validated by ``annotator.core.timex`` plus its modifier.

    Commits ``{"value", "precision", "mod"}`` with the precision the value implies;
    an invalid value is shown in red with the reason and not committed.
    """

    sig_committed = Signal(dict)
    """A valid value (or '' to clear) with its precision and mod."""

    def __init__(self, mods: Vocabulary | None, accessible_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = CommitLineEdit(accessible_name)
        self.value.setPlaceholderText("2022-02-15, 2024-11, 2022-W06, PAST_REF …")
        self.mod = VocabCombo(mods, accessible_name + " modifier") if mods else None
        self.precision = QLabel()
        self.precision.setAccessibleName(accessible_name + " precision")
        self.precision.setMinimumWidth(60)
        self.error = message_line("fieldError")
        row = tight_row()
        row.addWidget(self.value, 3)
        if self.mod is not None:
            self.mod.setMinimumContentsLength(4)
            self.mod.setToolTip("Modifier: start, middle, end of the period, about, before …")
            row.addWidget(self.mod, 2)
        row.addWidget(self.precision)
        row_over_message(self, row, self.error, self.value)
        self.value.sig_committed.connect(self._on_value_committed)
        if self.mod is not None:
            self.mod.sig_committed.connect(self._on_mod_committed)

    def set_value(self, value: str, precision: str = "", mod: str = "") -> None:
        self.value.set_value(value)
        if self.mod is not None:
            self.mod.set_value(mod)
        self.precision.setText(precision)
        self.error.hide()

    def flush(self) -> None:
        self.value.flush()

    def _on_value_committed(self, _text: str) -> None:
        self._commit()

    def _on_mod_committed(self, _code: str) -> None:
        self._commit()

    def _commit(self) -> None:
        raw = self.value.text().strip()
        mod = self.mod.code() if self.mod is not None else ""
        if not raw:
            self.precision.setText("")
            self.error.hide()
            self.sig_committed.emit({"value": "", "precision": "", "mod": mod})
            return
        try:
            parsed = parse_value(raw, mod or None)
        except ValueError as exc:
            self.value.mark_invalid(str(exc))
            self.error.setText(str(exc))
            self.error.show()
            return
        self.value.set_value(parsed.value)
        self.precision.setText(str(parsed.precision))
        self.error.hide()
        self.sig_committed.emit({"value": parsed.value, "precision": str(parsed.precision),
                                 "mod": parsed.mod or ""})

