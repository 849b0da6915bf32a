"""Find in the article (Ctrl+F): a slim bar under the text; Return finds the next match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget


class _FindEdit(QLineEdit):
    """Return: next match; Shift+Return: previous; Escape: close the bar."""

    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            backward = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._bar.find(backward=backward)
            return
        if event.key() == Qt.Key.Key_Escape:
            self._bar.close_bar()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Searches the text of one QPlainTextEdit, wrapping around at the end."""

    def __init__(self, target: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self.field = _FindEdit(self)
        self.field.setPlaceholderText("Find in article (Return: next, Shift+Return: previous)")
        self.field.setAccessibleName("Find in article")
        self.status = QLabel()
        self.status.setAccessibleName("Find result")
        self.next_button = QToolButton()
        self.next_button.setText("Next")
        self.next_button.setAccessibleName("Find next")
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAccessibleName("Close find bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        selected = self._target.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._target.setFocus()

    def find(self, *, backward: bool = False) -> bool:
        needle = self.field.text()
        if not needle:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self._target.find(needle, flags)
        if not found:  # wrap around
            cursor = self._target.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backward
                                else QTextCursor.MoveOperation.Start)
            self._target.setTextCursor(cursor)
            found = self._target.find(needle, flags)
        self.status.setText("" if found else "not found")
        return found

    def _on_next_clicked(self) -> None:
        self.find()
