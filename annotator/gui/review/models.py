"""Qt table models for the review and agreement windows: adapters over core data, no own state.

:class:`QueueModel` lists :class:`~annotator.core.review.Item` disagreements
with their decision; :class:`QueueFilterProxy` filters them by kind, by
"decided" and by a :class:`~annotator.core.review.compare.ReviewFilter`.
:class:`VersionTableModel` shows the annotators' versions of one item side by
side. The agreement report's models are in
:mod:`annotator.gui.review.report_models`; the roles of both are defined here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from annotator.core.review import Item
from annotator.core.review.compare import ReviewFilter

Index = QModelIndex | QPersistentModelIndex
ROLE_ITEM = Qt.ItemDataRole.UserRole + 1
"""The Item behind a queue row."""
ROLE_KIND = Qt.ItemDataRole.UserRole + 2
"""The disagreement kind code of a queue row."""
ROLE_DECIDED = Qt.ItemDataRole.UserRole + 3
"""The decision record of a queue row (a dict), or None."""
ROLE_ENTRY = Qt.ItemDataRole.UserRole + 4
"""The report entry (a dict) behind a row."""
ROLE_GROUP = Qt.ItemDataRole.UserRole + 5
"""The report group of an entry row."""
ROLE_VALUE = Qt.ItemDataRole.UserRole + 6
"""The number behind a cell (None when there is none)."""

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
SEVERITY_COLORS = {5: "#d62728", 4: "#ff7f0e", 3: "#e6b800", 2: "#8fbc8f", 1: "#9aa5b1"}
DECISION_MARKS = {"accept": "✓", "reject": "✗"}


# ------------------------------------------------------------------ queue


class QueueModel(QAbstractTableModel):
    """The disagreement queue, most severe first, each row with its decision (if any)."""

    COLUMNS = (("done", "", "Decided"), ("severity", "Sev.", "Severity"),
               ("kind", "Disagreement", "Kind of disagreement"),
               ("document", "Document", "Document"), ("detail", "Detail", "Detail"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Item] = []
        self._titles: dict[int, str] = {}
        self._decisions: dict[tuple[int, str], dict[str, Any]] = {}
        self._row_of: dict[tuple[int, str], int] = {}

    def set_items(self, items: list[Item], titles: dict[int, str],
                  decisions: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._titles = dict(titles)
        self._row_of = {(int(i.doc_id), i.key): row for row, i in enumerate(self._items)}
        self._decisions = {(int(d["doc_id"]), str(d["item_key"])): d for d in decisions}
        self.endResetModel()

    def set_document_decisions(self, doc_id: int, decisions: list[dict[str, Any]]) -> None:
        """Replace what is known about one document's decisions (after decide/undo)."""
        fresh = {(int(d["doc_id"]), str(d["item_key"])): d for d in decisions}
        stale = [k for k in self._decisions if k[0] == doc_id]
        changed = {k for k in stale if self._decisions.get(k) != fresh.get(k)} | \
            {k for k in fresh if self._decisions.get(k) != fresh[k]}
        for key in stale:
            del self._decisions[key]
        self._decisions.update(fresh)
        last = self.columnCount() - 1
        for key in changed:
            row = self._row_of.get(key)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def item(self, row: int) -> Item:
        return self._items[row]

    def row_of(self, doc_id: int, key: str) -> int | None:
        return self._row_of.get((int(doc_id), key))

    def decision(self, item: Item) -> dict[str, Any] | None:
        return self._decisions.get((int(item.doc_id), item.key))

    def title(self, doc_id: int) -> str:
        return self._titles.get(int(doc_id), "")

    def progress(self) -> tuple[int, int]:
        """(adjudicated, disagreements): the same count as review.progress()."""
        done = sum(1 for i in self._items if (int(i.doc_id), i.key) in self._decisions)
        return done, len(self._items)

    def kind_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self._items:
            counts[str(item.disagreement)] = counts.get(str(item.disagreement), 0) + 1
        return counts

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        decided = self.decision(item)
        if role == ROLE_ITEM:
            return item
        if role == ROLE_KIND:
            return item.disagreement
        if role == ROLE_DECIDED:
            return decided
        column = self.COLUMNS[index.column()][0]
        if role == _DISPLAY:
            return self._display(item, column, decided)
        if role == _TOOLTIP:
            return self._tooltip(item, column, decided)
        if role == Qt.ItemDataRole.DecorationRole and column == "severity":
            return QColor(SEVERITY_COLORS.get(item.severity, "#cccccc"))
        if role == Qt.ItemDataRole.FontRole and decided is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and decided is not None:
            return QColor("#6b7280")
        if role == _ALIGN and column in ("done", "severity"):
            return _CENTER
        return None

    def _display(self, item: Item, column: str, decided: dict[str, Any] | None) -> Any:
        if column == "done":
            return DECISION_MARKS.get(decided["decision"], "") if decided else ""
        if column == "severity":
            return str(item.severity)
        if column == "kind":
            return item.label()
        if column == "document":
            return f"#{item.doc_id} {self.title(item.doc_id)}"
        return item.detail or item.key

    def _tooltip(self, item: Item, column: str, decided: dict[str, Any] | None) -> str:
        if column == "done":
            if decided is None:
                return "not decided yet"
            source = f" ({decided['from_annotator']}'s version)" \
                if decided["from_annotator"] else ""
            return f"{decided['decision']}ed{source} by {decided['decided_by']}"
        if column == "document":
            return self.title(item.doc_id)
        return f"{item.label()}: {item.detail}\n{item.key}"

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
                   ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == _DISPLAY:
            return self.COLUMNS[section][1]
        if role == _TOOLTIP:
            return self.COLUMNS[section][2]
        return None


class QueueFilterProxy(QSortFilterProxyModel):
    """Filters the queue by kind, by 'show decided' and by a ReviewFilter; keeps its order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kind = ""
        self._show_decided = True
        self._filter = ReviewFilter()

    @property
    def review_filter(self) -> ReviewFilter:
        return self._filter

    def set_kind(self, kind: str) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_decided(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_decided = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_review_filter(self, review_filter: ReviewFilter) -> None:
        self.beginFilterChange()
        self._filter = review_filter
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        item: Item = index.data(ROLE_ITEM)
        if self._kind and item.disagreement != self._kind:
            return False
        if not self._show_decided and index.data(ROLE_DECIDED) is not None:
            return False
        return self._filter.matches(item)


# ------------------------------------------------------------- versions


class VersionTableModel(QAbstractTableModel):
    """Rows of fields, one column per annotator (and gold): one item's versions compared."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[tuple[str, list[str]]] = []
        self._compared = 0

    def set_rows(self, headers: list[str], rows: list[tuple[str, list[str]]],
                 compared: int | None = None) -> None:
        """``compared``: how many leading columns are annotators (the rest, e.g. gold, are
        shown but do not count when marking differing rows)."""
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = [(label, list(values)) for label, values in rows]
        self._compared = len(headers) if compared is None else compared
        self.endResetModel()

    def differs(self, row: int) -> bool:
        return len(set(self._rows[row][1][:self._compared])) > 1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        values = self._rows[index.row()][1]
        if not 0 <= index.column() < len(values):
            return None
        if role in (_DISPLAY, _TOOLTIP):
            return values[index.column()]
        if role == _BACKGROUND and self.differs(index.row()) \
                and index.column() < self._compared:
            return QColor("#fff3c4")
        if role == Qt.ItemDataRole.FontRole and self.differs(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
                   ) -> Any:
        if role not in (_DISPLAY, _TOOLTIP):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        if 0 <= section < len(self._rows):
            label = self._rows[section][0]
            return f"≠ {label}" if role == _DISPLAY and self.differs(section) else label
        return None
