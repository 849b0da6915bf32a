"""The document list: search, filters and the paged table of documents.

Moving between documents (previous, next, next unfinished) walks the rows the
model has loaded and fetches further pages only as needed; when a long run of
finished documents lies ahead it asks SQL for the first unfinished one
instead, so the cost never grows with the size of the project.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import DocId, Status
from annotator.core.project import Project, commands
from annotator.core.wording import count
from annotator.gui.models.item_models import STATUS_LABELS, DocumentListModel
from annotator.gui.models.roles import ROLE_RECORD

SCAN_ROWS = 2000
"""How many loaded rows 'next unfinished' walks before asking SQL instead."""
SEARCH_DELAY_MS = 250


class DocumentList(QWidget):
    """Filters above a table of document summaries."""

    sig_document_activated = Signal(int)
    """The annotator moved to this document in the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._me = ""
        self._announce = True
        self.model = DocumentListModel(self)
        self._build()
        self._connect()

    def _build(self) -> None:
        filters = self._build_filters()
        self.count = QLabel()
        self.count.setObjectName("listCount")
        self._build_view()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self.setTabOrder(self.search, self.status)
        self.setTabOrder(self.status, self.language)
        self.setTabOrder(self.language, self.annotator)
        self.setTabOrder(self.annotator, self.view)

    def _build_filters(self) -> QGridLayout:
        """The search box and the status, language and annotator filters above the list."""
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search all articles…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search documents")
        self.status = QComboBox()
        self.status.setAccessibleName("Filter by status")
        self.status.addItem("Any status", "")
        for status in Status:
            self.status.addItem(STATUS_LABELS[status].capitalize(), status.value)
        self.language = QComboBox()
        self.language.setAccessibleName("Filter by language")
        self.annotator = QComboBox()
        self.annotator.setAccessibleName("Status of annotator")
        self.annotator.setToolTip("Whose progress the status column and filter show")
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 0, 0, 1, 3)
        filters.addWidget(self.status, 1, 0)
        filters.addWidget(self.language, 1, 1)
        filters.addWidget(self.annotator, 1, 2)
        return filters

    def _build_view(self) -> None:
        self.view = QTableView()
        self.view.setAccessibleName("Documents")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        header = self.view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 28), (1, 40), (3, 90), (4, 84)):
            self.view.setColumnWidth(column, width)
        self.view.setSortingEnabled(True)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self._search_timer.timeout.connect(self._apply_filters)
        self.status.activated.connect(self._on_filter_activated)
        self.language.activated.connect(self._on_filter_activated)
        self.annotator.activated.connect(self._on_filter_activated)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_row_changed)
        self.model.modelReset.connect(self._on_model_reset)

    # ---------------------------------------------------------------- setup

    def set_project(self, project: Project | None, annotator: str) -> None:
        self._me = annotator
        self.language.clear()
        self.language.addItem("Any language", "")
        self.annotator.clear()
        self.annotator.addItem(f"Me ({annotator})" if annotator else "Me", annotator)
        if project is not None:
            for lang in commands.languages(project):
                self.language.addItem(lang, lang)
            for name in project.annotators():
                if name != annotator:
                    self.annotator.addItem(name, name)
        self.model.set_project(project, annotator)

    def _apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_filters(status=self.status.currentData() or "",
                               language=self.language.currentData() or "",
                               search=self.search.text(),
                               annotator=self.annotator.currentData() or self._me)

    # ----------------------------------------------------------- navigation

    def current_doc_id(self) -> DocId | None:
        index = self.view.currentIndex()
        return self.model.doc_id_at(index.row()) if index.isValid() else None

    def select_doc(self, doc_id: int | None) -> None:
        """Highlight ``doc_id`` in the table without announcing it again."""
        row = None if doc_id is None else self.model.row_of(doc_id)
        selection = self.view.selectionModel()
        self._announce = False  # the view still repaints just the rows that changed
        try:
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(),
                                          QItemSelectionModel.SelectionFlag.Clear)
            else:
                index = self.model.index(row, 2)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.view.scrollTo(index)
        finally:
            self._announce = True

    def neighbour(self, delta: int) -> DocId | None:
        """The document ``delta`` rows from the current one (fetching a page if needed)."""
        index = self.view.currentIndex()
        row = (index.row() if index.isValid() else -1) + delta
        if row >= self.model.rowCount() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        return self.model.doc_id_at(row) if row >= 0 else None

    def next_unfinished(self) -> DocId | None:
        """The next document, after the current one, that the annotator has not finished."""
        index = self.view.currentIndex()
        row = (index.row() if index.isValid() else -1) + 1
        current = self.current_doc_id()
        for _ in range(SCAN_ROWS):
            if row >= self.model.rowCount():
                if not self.model.canFetchMore(QModelIndex()):
                    break
                self.model.fetchMore(QModelIndex())
                continue
            summary = self.model.data(self.model.index(row, 0), ROLE_RECORD)
            if summary.status is not Status.DONE:
                return summary.id
            row += 1
        found = self.model.first_unfinished()
        return found if found != current else None

    # ------------------------------------------------------------- handlers

    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_return_pressed(self) -> None:
        self._apply_filters()
        self.view.setFocus()

    def _on_filter_activated(self, _index: int) -> None:
        self._apply_filters()

    def _on_view_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = self.model.doc_id_at(current.row()) if current.isValid() else None
        if doc_id is not None and self._announce:
            self.sig_document_activated.emit(int(doc_id))

    def _on_model_reset(self) -> None:
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(count(self.model.total, "document"))
