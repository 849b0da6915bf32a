"""Find annotations (Ctrl+Shift+F): a dock with a query field and the hits, each in its context.

The query language is the core's (annotator.core.query, docs/query.md). In the
annotation window the search is blind: it finds only the session annotator's
own spans. Return runs the query; a hit is opened (document shown, span
selected) by a click, Return or a double-click in the list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import QuerySyntaxError
from annotator.core.query import Hit, Result
from annotator.gui.models.record_table import Column, RecordTableModel
from annotator.gui.models.roles import DISPLAY, TOOLTIP
from annotator.gui.text.plain import tip

if TYPE_CHECKING:
    from annotator.gui.workspace.main_window import MainWindow

Search = Callable[[str], Result]
"""Runs a query for the dock (the window binds the project and the viewer)."""

_COLUMNS = (
    Column("doc", "Doc", "Document id", cells={DISPLAY: lambda h: h.doc_id,
                                                  TOOLTIP: lambda h: tip(h.title)}),
    Column("layer", "Layer", cells={DISPLAY: lambda h: h.layer}),
    Column("context", "In context", "The span in brackets, with the words around it",
           cells={DISPLAY: lambda h: f"…{h.before}[{h.text}]{h.after}…".replace("\n", " "),
                  TOOLTIP: lambda h: tip(h.title)}),
)


class _QueryEdit(QLineEdit):
    """Down moves into the results, so the keyboard alone goes query -> hit."""

    def __init__(self, dock: SearchDock) -> None:
        super().__init__(dock)
        self._dock = dock

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self._dock.model.rowCount():
            self._dock.table.setFocus()
            self._dock.table.selectRow(0)
            return
        super().keyPressEvent(event)


class _HitTable(QTableView):
    """Return opens the current hit (a table view has no such key of its own)."""

    sig_open = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.sig_open.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class SearchDock(QDockWidget):
    """The query field, one line of status (count or the error), and the hits."""

    sig_hit_activated = Signal(int, int)
    """A hit was opened: (document id, span id)."""

    def __init__(self, search: Search, parent: QWidget | None = None) -> None:
        super().__init__("Find annotations", parent)
        self.setObjectName("search_dock")
        self._search = search
        self.field = _QueryEdit(self)
        self.field.setPlaceholderText("e.g. layer:DATE precision:year — Return to search")
        self.field.setAccessibleName("Annotation query")
        self.field.setToolTip("Fields: layer, text, actor, claimant, addressee, object, event, "
                              "reliability, credibility, status, title, outlet, language, "
                              "published, doc, has, and every span attribute and document field "
                              "of the codebook. Combine with OR, NOT or -, and parentheses.")
        self.field.returnPressed.connect(self.run)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Query result")
        self.model = RecordTableModel(_COLUMNS)
        self.table = _HitTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Annotations found")
        self.table.clicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.table.sig_open.connect(self._open)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.field, self.status, self.table):
            layout.addWidget(widget)
        self.setWidget(body)

    def open_dock(self) -> None:
        self.show()
        self.raise_()
        self.field.setFocus()
        self.field.selectAll()

    def run(self) -> None:
        query = self.field.text().strip()
        if not query:
            self.model.set_rows([])
            self.status.setText("Type a query, e.g. layer:DEMAND claimant:putin")
            return
        try:
            result = self._search(query)
        except QuerySyntaxError as exc:
            self.model.set_rows([])
            self.status.setText(str(exc))
            self.field.setCursorPosition(max(0, exc.position - 1))
            return
        self.model.set_rows(result.hits)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.status.setText(_summary(result))

    def clear(self) -> None:
        self.model.set_rows([])
        self.status.clear()

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit: Hit = self.model.record(index.row())
        self.sig_hit_activated.emit(hit.doc_id, hit.span_id)


def _summary(result: Result) -> str:
    count = len(result.hits)
    text = f"{count} {'span' if count == 1 else 'spans'}"
    if result.more:
        text = f"the first {count} spans (refine the query for the rest)"
    return "; ".join([text, *result.notes])


def install(window: MainWindow) -> SearchDock:
    """The dock of ``window``, hidden until Edit › Find annotations (Ctrl+Shift+F)."""
    dock = SearchDock(lambda query: _search(window, query), window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    dock.sig_hit_activated.connect(lambda doc_id, span_id: _open_hit(window, doc_id, span_id))
    window.session.sig_project_opened.connect(lambda _project: dock.clear())
    window.session.sig_annotator_changed.connect(lambda _name: dock.clear())
    return dock


def _search(window: MainWindow, query: str) -> Result:
    project = window.session.project
    if project is None:
        return Result([], False, ["no project is open"])
    return project.find_annotations(query, viewer=window.session.annotator)


def _open_hit(window: MainWindow, doc_id: int, span_id: int) -> None:
    if window.doc is None or int(window.doc.id) != doc_id:
        window.show_document(doc_id)
    window.view.select_span(span_id)
    window.form.select_span(span_id)
