"""The article's text widget: read-only, selectable, and reporting the keys and clicks it gets.

Layer keys, Delete, Return and Escape pressed without Ctrl or Alt, a click
that did not drag and a resting mouse become signals in Qt's UTF-16
positions; :class:`~annotator.gui.workspace.document_view.DocumentView`
decides what they mean. The selected span's edges (``edges``) can be moved:
Alt+arrows move its end and Ctrl+Alt+arrows its start by a character (with
Shift by a word), and the mouse drags either edge.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextCursor
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
    sig_boundary_key = Signal(str, int)
    """Move the selected span's "start" or "end": -1/+1 a character, -2/+2 a word."""
    sig_edge_dragged = Signal(str, int)
    """The selected span's "start" or "end" was dragged to this UTF-16 position."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)
        self.keys: dict[str, str] = {}
        self.edges: tuple[int, int] | None = None
        """The selected span's start and end (UTF-16), whose edges the mouse can drag."""
        self._press_pos: QPoint | None = None
        self._dragging: str | None = None
        self.setMouseTracking(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                     | Qt.KeyboardModifier.KeypadModifier)
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods in _EDGE_MODIFIERS:
            step = (2 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1) * \
                (1 if key == Qt.Key.Key_Right else -1)
            self.sig_boundary_key.emit(_EDGE_MODIFIERS[mods], step)
            return
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
        if event.button() == Qt.MouseButton.LeftButton:
            self._dragging = self._edge_at(self._press_pos)
            if self._dragging is not None:
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._dragging is not None and self.edges is not None:
            other = self.edges[0] if self._dragging == "end" else self.edges[1]
            cursor = self.textCursor()  # the span as it would be, shown as the selection
            cursor.setPosition(other)
            cursor.setPosition(self.cursorForPosition(point).position(),
                               QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
            return
        if event.buttons() == Qt.MouseButton.NoButton:
            shape = Qt.CursorShape.SizeHorCursor if self._edge_at(point) else \
                Qt.CursorShape.IBeamCursor
            self.viewport().setCursor(shape)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging is not None:
            edge, self._dragging = self._dragging, None
            cursor = self.textCursor()
            cursor.clearSelection()
            self.setTextCursor(cursor)
            self.sig_edge_dragged.emit(edge, self.cursorForPosition(
                event.position().toPoint()).position())
            return
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        moved = self._press_pos is not None and \
            (pos - self._press_pos).manhattanLength() > 3
        if event.button() == Qt.MouseButton.LeftButton and not moved and \
                not self.textCursor().hasSelection():
            self.sig_clicked.emit(self.cursorForPosition(pos).position())

    def _edge_at(self, point: QPoint) -> str | None:
        """"start" or "end" when ``point`` is on an edge of the selected span (4 px)."""
        if self.edges is None:
            return None
        for name, position in zip(("start", "end"), self.edges, strict=True):
            cursor = QTextCursor(self.document())
            cursor.setPosition(position)
            rect = self.cursorRect(cursor)
            if abs(point.x() - rect.center().x()) <= 4 and rect.top() <= point.y() <= rect.bottom():
                return name
        return None

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            self.sig_tooltip.emit(self.cursorForPosition(pos).position(),
                                  self.viewport().mapToGlobal(pos))
            return True
        return super().viewportEvent(event)


_EDGE_MODIFIERS = {
    Qt.KeyboardModifier.AltModifier: "end",
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier: "start",
}
"""Which edge of the selected span the arrow keys move, by modifier (Shift: by a word)."""
