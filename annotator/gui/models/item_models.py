"""Qt item models over the core's dataclasses: documents, spans, claims, actors, import reports.

:class:`DocumentListModel` pages through ``Project.documents(limit, offset)``
with ``canFetchMore``/``fetchMore``: a 100,000-document project shows its
first rows after one small query, no text is ever loaded, and sorting or
filtering re-queries SQL instead of sorting in Python.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from annotator.core.models import Claim, DocId, DocumentSummary, Span, Status
from annotator.core.project import Project

Index = QModelIndex | QPersistentModelIndex
ROLE_ID = Qt.ItemDataRole.UserRole + 1
"""The record id (document, span, claim or actor id) of a row."""
ROLE_RECORD = Qt.ItemDataRole.UserRole + 2
"""The dataclass behind a row."""

STATUS_MARKS = {Status.NOT_STARTED: "○", Status.IN_PROGRESS: "◐", Status.DONE: "●"}
STATUS_LABELS = {Status.NOT_STARTED: "not started", Status.IN_PROGRESS: "in progress",
                 Status.DONE: "done"}
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_DOC_ROLES = frozenset(int(r) for r in (
    _DISPLAY, _TOOLTIP, Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.TextAlignmentRole, ROLE_ID, ROLE_RECORD))


class DocumentListModel(QAbstractTableModel):
    """The project's documents, one page of summaries at a time."""

    PAGE = 200
    COLUMNS = (("status", "", "Status for the annotator"), ("language", "Lang", "Language"),
               ("title", "Title", "Title"), ("outlet", "Outlet", "Outlet"),
               ("published", "Date", "Publication date"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._rows: list[DocumentSummary] = []
        self._row_of: dict[int, int] = {}
        self._exhausted = True
        self._filters: dict[str, Any] = {}
        self._annotator = ""
        self._sort = ("id", False)
        self.total = 0

    # --------------------------------------------------------------- setup

    def set_project(self, project: Project | None, annotator: str) -> None:
        self._project = project
        self._annotator = annotator
        self.reload()

    def set_filters(self, *, status: str = "", language: str = "", search: str = "",
                    annotator: str = "") -> None:
        """Filter on status (for ``annotator``, default the session's), language, words."""
        self._filters = {k: v for k, v in (("status", status), ("language", language),
                                           ("search", search.strip())) if v}
        if annotator:
            self._annotator = annotator
        self.reload()

    def query(self) -> dict[str, Any]:
        """The filters and order the rows follow, as Project.documents() arguments."""
        sort, descending = self._sort
        return {**self._filters, "annotator": self._annotator, "sort": sort,
                "descending": descending}

    def reload(self) -> None:
        self.beginResetModel()
        self._rows, self._row_of = [], {}
        self._exhausted = self._project is None
        query = {k: v for k, v in self.query().items() if k not in ("sort", "descending")}
        self.total = 0 if self._project is None else self._project.count_documents(**query)
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column][0] if 0 <= column < len(self.COLUMNS) else "id"
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        self.reload()

    # -------------------------------------------------------------- paging

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._project is None or self._exhausted:
            return
        page = self._project.documents(**self.query(), limit=self.PAGE, offset=len(self._rows))
        self._exhausted = len(page) < self.PAGE
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self._row_of.update((doc.id, first + i) for i, doc in enumerate(page))
        self.endInsertRows()

    # ----------------------------------------------------------- the model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # the view asks for a dozen roles per cell and repaint: answer the unused ones first
        if role not in _DOC_ROLES or not 0 <= index.row() < len(self._rows) \
                or not index.isValid():
            return None
        doc = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == _DISPLAY:
            return STATUS_MARKS[doc.status] if key == "status" else getattr(doc, key)
        if role == _TOOLTIP:
            return STATUS_LABELS[doc.status] if key == "status" else doc.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return STATUS_LABELS[doc.status] if key == "status" else getattr(doc, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "status":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ROLE_ID:
            return int(doc.id)
        if role == ROLE_RECORD:
            return doc
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
                   ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == _DISPLAY:
            return self.COLUMNS[section][1]
        if role == _TOOLTIP:
            return self.COLUMNS[section][2]
        return None

    # -------------------------------------------------------- for the view

    def doc_id_at(self, row: int) -> DocId | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, doc_id: int) -> int | None:
        return self._row_of.get(int(doc_id))

    def first_unfinished(self) -> DocId | None:
        """The first document in list order not done (in progress ones first), by SQL."""
        if self._project is None:
            return None
        for status in (Status.IN_PROGRESS, Status.NOT_STARTED):
            found = self._project.documents(**{**self.query(), "status": status.value},
                                            limit=1)
            if found:
                return found[0].id
        return None

    def set_status(self, doc_id: int, status: Status) -> None:
        """Show a new status without re-querying (the row stays even if filtered out)."""
        row = self._row_of.get(int(doc_id))
        if row is None or self._rows[row].status is status:
            return
        self._rows[row] = dataclasses.replace(self._rows[row], status=status)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def set_summary(self, doc_id: int, **fields: str) -> None:
        """Show edited document metadata (language, date, title) in place."""
        row = self._row_of.get(int(doc_id))
        known = {k: v for k, v in fields.items() if k in DocumentSummary.__dataclass_fields__}
        if row is None or not known:
            return
        self._rows[row] = dataclasses.replace(self._rows[row], **known)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))


class _RecordListModel(QAbstractListModel):
    """A read-only list of dataclasses with an ``id``; subclasses say how a row looks."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, record_id: int | None) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), None)

    def record(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == ROLE_ID:
            return int(record.id)
        if role == ROLE_RECORD:
            return record
        return self._data(record, role)

    def _data(self, record: Any, role: int) -> Any:
        raise NotImplementedError


class SpanListModel(_RecordListModel):
    """The annotator's spans of one document; optionally checkable (a claim's demand spans)."""

    sig_checked_changed = Signal(list)
    """The user (un)checked a span: the checked span ids, in text order."""

    def __init__(self, labels: dict[str, tuple[str, str]] | None = None,
                 actor_name: Callable[[int], str] | None = None, *,
                 checkable: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self._labels = labels or {}  # layer -> (label, colour)
        self._actor_name = actor_name or str
        self._checkable = checkable
        self._checked: set[int] = set()

    def set_labels(self, labels: dict[str, tuple[str, str]]) -> None:
        self._labels = labels

    def set_checked(self, span_ids: list[int] | tuple[int, ...]) -> None:
        self._checked = {int(s) for s in span_ids}
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def checked(self) -> list[int]:
        return [int(s.id) for s in self._rows if s.id in self._checked]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self._checkable and index.isValid():
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self._checkable and index.isValid() and role == Qt.ItemDataRole.CheckStateRole):
            return False
        span_id = int(self._rows[index.row()].id)
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(span_id)
        else:
            self._checked.discard(span_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.sig_checked_changed.emit(self.checked())
        return True

    def _data(self, span: Span, role: int) -> Any:
        label, colour = self._labels.get(span.layer, (span.layer, "#888888"))
        if role == _DISPLAY:
            text = span.text if len(span.text) <= 60 else span.text[:57] + "…"
            actor = f" → {self._actor_name(span.actor_id)}" if span.actor_id else ""
            return f"{label}: {text}{actor}"
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(colour)
        if role == _TOOLTIP:
            return f"{label} {span.start}–{span.end}: {span.text}"
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable:
            return Qt.CheckState.Checked if span.id in self._checked else Qt.CheckState.Unchecked
        return None


class ClaimListModel(_RecordListModel):
    """The annotator's demand frames in one document."""

    def __init__(self, actor_name: Callable[[int], str] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._actor_name = actor_name or str

    def _data(self, claim: Claim, role: int) -> Any:
        if role in (_DISPLAY, _TOOLTIP):
            who = self._actor_name(claim.claimant_id) if claim.claimant_id else "?"
            whom = f" → {self._actor_name(claim.addressee_id)}" if claim.addressee_id else ""
            gloss = f": {claim.gloss}" if claim.gloss else ""
            return f"{claim.event_type} {who}{whom}{gloss}"
        return None


class RowsModel(QAbstractTableModel):
    """A read-only table of text rows: the import report, the shortcut list.

    A first cell reading "rejected" is shown in red, "accepted" in green.
    """

    COLOURS = {"rejected": "#b3261e", "accepted": "#1b6e3a"}

    def __init__(self, headers: tuple[str, ...], rows: list[tuple[str, ...]],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (_DISPLAY, _TOOLTIP):
            return row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and \
                row[0] in self.COLOURS:
            return QColor(self.COLOURS[row[0]])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
                   ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and \
                0 <= section < len(self._headers):
            return self._headers[section]
        return None
