"""The article once per annotator, side by side: each column highlights that annotator's spans.

Every span is tinted in its layer colour from the codebook; the spans of the
item under review are drawn solid, and where an annotator marked nothing of
the item its stretch of text is outlined in grey, so a missing span is visible
too (hatched). The highlighting is
:class:`~annotator.gui.text.span_highlight.SpanHighlighter`'s, without the
heavier weight on overlaps, so every column lays out line for line alike;
the columns scroll together.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QScrollBar,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import Layer
from annotator.core.models import Span
from annotator.gui.text.plain import escape
from annotator.gui.text.span_highlight import SpanHighlighter


class _ColumnText(QTextEdit):
    """Read-only text that keeps its cursor (the item under review) centred when resized.

    A QTextEdit, not a QPlainTextEdit: it scrolls by pixels over a fully laid-out
    document, so equal columns scroll together by value (QPlainTextEdit counts
    lines of blocks it has not laid out yet as one, which drifts between columns).
    """

    def center_cursor(self) -> None:
        bar = self.verticalScrollBar()
        rect = self.cursorRect()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.center_cursor()  # a column laid out after reveal() still shows the item


class AnnotatorColumn(QWidget):
    """One annotator's view of the article: a header and a read-only text."""

    def __init__(self, number: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.header = QLabel(f"<b>{number}</b>&nbsp;&nbsp;{escape(name)}")
        self.header.setAccessibleName(f"Annotator {number}: {name}")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(f"{name}'s version")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = _ColumnText()
        self.text.setReadOnly(True)
        self.text.setUndoRedoEnabled(False)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setAccessibleName(f"Article as annotated by {name}")
        self.text.setAccessibleDescription(
            f"Press {number} to accept {name}'s version of the highlighted item")
        self.text.setAcceptRichText(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        self.highlighter = SpanHighlighter(self.text, mark_overlaps=False)

    def set_text(self, text: str) -> None:
        self.highlighter.set_text(text)

    def render(self, spans: list[Span], layers: dict[str, Layer], emphasised: Collection[int],
               missing: tuple[int, int] | None) -> None:
        """Tint ``spans``, draw ``emphasised`` span ids solid, outline ``missing`` (start, end)."""
        highlighter = self.highlighter
        highlighter.set_layers(layers)
        selections = highlighter.tints(spans)
        selections += [highlighter.solid(s.start, s.end, s.layer) for s in spans
                       if s.id in emphasised]
        if missing is not None:
            selections.append(highlighter.missing(*missing))
        highlighter.apply(selections)

    def reveal(self, start: int) -> None:
        offsets = self.highlighter.offsets
        cursor = self.text.textCursor()
        cursor.setPosition(offsets.to_qt(min(start, offsets.length)))
        self.text.setTextCursor(cursor)
        self.text.center_cursor()


class AnnotatorColumns(QWidget):
    """A splitter of :class:`AnnotatorColumn`, one per annotator, scrolling together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setAccessibleName("Annotators side by side")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.columns: list[AnnotatorColumn] = []
        self.layers: dict[str, Layer] = {}
        self._text = ""
        self._syncing = False

    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> AnnotatorColumn | None:
        return next((c for c in self.columns if c.name == name), None)

    def set_text(self, names: list[str], text: str) -> None:
        """Show ``text`` in one column per name (columns rebuilt only when names change)."""
        if names != self.names():
            for column in self.columns:
                column.setParent(None)
                column.deleteLater()
            self.columns = [AnnotatorColumn(i + 1, n) for i, n in enumerate(names)]
            for column in self.columns:
                self.splitter.addWidget(column)
                column.text.verticalScrollBar().valueChanged.connect(
                    self._on_scrollbar_value_changed)
            self._text = ""
        if text != self._text:
            self._text = text
            for column in self.columns:
                column.set_text(text)

    def _on_scrollbar_value_changed(self, value: int) -> None:
        if self._syncing:
            return
        source = self.sender()
        self._syncing = True
        try:
            for column in self.columns:
                bar: QScrollBar = column.text.verticalScrollBar()
                if bar is not source:
                    bar.setValue(value)
        finally:
            self._syncing = False


