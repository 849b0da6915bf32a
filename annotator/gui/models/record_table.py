"""One read-only Qt table model over a list of plain records, driven by a table of columns.

A :class:`Column` names what a column shows: its key, header text and header
tooltip, a cell function per role (``{DISPLAY: fn, TOOLTIP: fn, ...}``, each
``fn(record) -> value``) and/or one function for the whole column
(``cell(record, role) -> value``) for the roles not in that table, and an
optional sort key. :class:`RecordTableModel` answers ``rowCount``,
``columnCount``, ``data``, ``headerData`` and ``sort`` from those tables, so
a model only says how a record looks; roles that mean the same in every column
(the record itself, its id, a row-wide font) go in ``row_roles``.
:class:`RecordListModel` is the same model with list-style ``index(row)``,
for list views and completers.

Records are never copied or modified: a model replaces whole rows
(:meth:`~RecordTableModel.replace_row`) and tells its views which cells
changed, so no state lives in the view's items.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from annotator.gui.i18n import translate
from annotator.gui.models.roles import DISPLAY, TOOLTIP
from annotator.gui.text.plain import tip

Index = QModelIndex | QPersistentModelIndex
Cell = Callable[[Any], Any]
"""What one role of one cell shows, given the row's record."""


@dataclass(frozen=True)
class Column:
    """One column of a :class:`RecordTableModel`."""

    key: str
    header: str = ""
    tooltip: str | None = None
    """The header's tooltip (None: no tooltip)."""
    cells: Mapping[int, Cell] = field(default_factory=dict)
    """Role -> cell function; a role missing here goes to ``cell``."""
    cell: Callable[[Any, int], Any] | None = None
    """``cell(record, role)`` for the roles ``cells`` does not name (None: no value)."""
    sort_key: Callable[[Any], Any] | None = None
    """The order of :meth:`RecordTableModel.sort` on this column (None: not sortable)."""

    def value(self, record: Any, role: int) -> Any:
        found = self.cells.get(role)
        if found is not None:
            return found(record)
        return None if self.cell is None else self.cell(record, role)


class RecordTableModel(QAbstractTableModel):
    """Records as rows, :class:`Column` s as columns; flat, read-only unless a subclass says.

    ``key`` maps a record to what :meth:`find_row` looks it up by (its id, say);
    the first row with a key wins.
    """

    def __init__(self, columns: Sequence[Column] = (), *,
                 row_roles: Mapping[int, Cell] | None = None,
                 key: Callable[[Any], Hashable] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns: tuple[Column, ...] = tuple(columns)
        self._row_roles: dict[int, Cell] = {int(r): f for r, f in (row_roles or {}).items()}
        self._key = key
        self._rows: list[Any] = []
        self._row_of: dict[Hashable, int] = {}

    # ---------------------------------------------------------------- content

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def set_rows(self, rows: Iterable[Any]) -> None:
        """Replace every row (a model reset)."""
        self.set_table(self._columns, rows)

    def set_table(self, columns: Sequence[Column], rows: Iterable[Any]) -> None:
        """Replace the columns and every row in one reset (tables whose columns follow data)."""
        self.beginResetModel()
        self._columns = tuple(columns)
        self._rows = list(rows)
        self._index_keys(0)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def record(self, row: int) -> Any:
        """The record of ``row``, or None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find_row(self, key: Hashable) -> int | None:
        """The first row whose record has ``key``, or None."""
        return self._row_of.get(key)

    def append_rows(self, records: Sequence[Any]) -> None:
        """Add rows at the end, telling the views only about those."""
        if not records:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        self._rows.extend(records)
        self._index_keys(first)
        self.endInsertRows()

    def insert_rows(self, row: int, records: Sequence[Any]) -> None:
        """Insert rows before ``row``."""
        if not records:
            return
        self.beginInsertRows(QModelIndex(), row, row + len(records) - 1)
        self._rows[row:row] = records
        self._index_keys(0)
        self.endInsertRows()

    def remove_rows(self, row: int, count: int) -> None:
        """Remove ``count`` rows from ``row`` on."""
        if count <= 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row:row + count]
        self._index_keys(0)
        self.endRemoveRows()

    def replace_row(self, row: int, record: Any, first: int = 0, last: int | None = None
                    ) -> None:
        """Show ``record`` in ``row``; columns ``first`` to ``last`` (default all) changed."""
        old, self._rows[row] = self._rows[row], record
        if self._key is not None and self._key(old) != self._key(record):
            self._index_keys(0)
        self.row_changed(row, first, last)

    def row_changed(self, row: int, first: int = 0, last: int | None = None) -> None:
        """Repaint the cells of ``row`` from column ``first`` to ``last`` (default the last)."""
        last = len(self._columns) - 1 if last is None else last
        self.dataChanged.emit(self.index(row, first), self.index(row, last))

    def _index_keys(self, first: int) -> None:
        if self._key is None:
            return
        if first == 0:
            self._row_of = {}
        for row in range(first, len(self._rows)):
            self._row_of.setdefault(self._key(self._rows[row]), row)

    def row_header(self, row: int, role: int) -> Any:
        """The vertical header of ``row`` (None: no header text); subclasses say."""
        del row, role
        return None

    # -------------------------------------------------------------- the model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # views ask for a dozen roles per cell and repaint: two dict look-ups answer most
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        record = self._rows[row]
        found = self._row_roles.get(role)
        value = found(record) if found is not None else \
            self._columns[index.column()].value(record, role)
        # a tooltip is rich text when it looks so: data in one is always escaped
        return tip(value) if role == TOOLTIP and type(value) is str and value else value

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY
                   ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return self.row_header(section, role) if 0 <= section < len(self._rows) else None
        if not 0 <= section < len(self._columns):
            return None
        if role == DISPLAY:
            return translate(self._columns[section].header)
        if role == TOOLTIP:
            tooltip = self._columns[section].tooltip
            return tip(translate(tooltip)) if tooltip else tooltip
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by the column's sort key (stable; no key: the order stays)."""
        sort_key = self._columns[column].sort_key if 0 <= column < len(self._columns) else None
        if sort_key is None:
            return
        self.layoutAboutToBeChanged.emit()
        order_of = sorted(range(len(self._rows)), key=lambda r: sort_key(self._rows[r]),
                          reverse=order == Qt.SortOrder.DescendingOrder)
        moved_to = {old: new for new, old in enumerate(order_of)}
        self._rows = [self._rows[r] for r in order_of]
        self._index_keys(0)
        before = self.persistentIndexList()
        self.changePersistentIndexList(
            before, [self.index(moved_to[i.row()], i.column()) for i in before])
        self.layoutChanged.emit()


class RecordListModel(RecordTableModel):
    """A :class:`RecordTableModel` of one column, indexed like a list: ``index(row)``."""

    def __init__(self, column: Column, *, row_roles: Mapping[int, Cell] | None = None,
                 key: Callable[[Any], Hashable] | None = None, parent: Any = None) -> None:
        super().__init__((column,), row_roles=row_roles, key=key, parent=parent)

    def index(self, row: int, column: int = 0,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        return super().index(row, column, parent)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY
                   ) -> Any:
        # a list shows no header: keep Qt's numbering rather than the column's text
        return QAbstractTableModel.headerData(self, section, orientation, role)
