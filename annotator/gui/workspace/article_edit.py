"""The article's text widget: read-only, selectable, and reporting the keys and clicks it gets.

Layer keys, Delete, Return and Escape pressed without Ctrl or Alt, a click
that did not drag and a resting mouse become signals in Qt's UTF-16
positions; :class:`~annotator.gui.workspace.document_view.DocumentView`
decides what they mean.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class ArticleEdit(QPlainTextEdit):
    """The text widget: selectable by mouse and keyboard, reports keys and clicks."""

    sig_layer_key = Signal(str)
    """A layer key (A, D, M, S ...) was pressed without Ctrl/Alt."""
    sig_delete_key = Signal()
    """Delete or Backspace: remove the selected span."""
    sig_enter_key = Signal()
    """Return: edit the selected span's attributes."""
    sig_escape_key = Signal()
    """Escape: forget the selected span and the text selection."""
    sig_clicked = Signal(int)
    """A click without dragging, at this UTF-16 position."""
    sig_tooltip = Signal(int, QPoint)
    """The mouse rests at this UTF-16 position (global point for the tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)
        self.keys: dict[str, str] = {}
        self._press_pos: QPoint | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                     | Qt.KeyboardModifier.KeypadModifier)
        key = event.key()
        if mods == Qt.KeyboardModifier.NoModifier:
            layer = self.keys.get(event.text().upper()) if event.text() else None
            if layer:
                self.sig_layer_key.emit(layer)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.sig_delete_key.emit()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.sig_enter_key.emit()
                return
            if key == Qt.Key.Key_Escape:
                self.sig_escape_key.emit()
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        moved = self._press_pos is not None and \
            (pos - self._press_pos).manhattanLength() > 3
        if event.button() == Qt.MouseButton.LeftButton and not moved and \
                not self.textCursor().hasSelection():
            self.sig_clicked.emit(self.cursorForPosition(pos).position())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            self.sig_tooltip.emit(self.cursorForPosition(pos).position(),
                                  self.viewport().mapToGlobal(pos))
            return True
        return super().viewportEvent(event)
