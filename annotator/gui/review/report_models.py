"""Qt table models over an agreement report (the dict made by ``agreement_report``).

:class:`EntryTableModel` lists the coefficients (one :class:`GroupProxy` per
report group), :class:`PairMatrixModel` shows one entry's annotator pairs and
:class:`ConfusionModel` its confusion table. Cells are coloured by
Krippendorff's usual thresholds.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from annotator.gui.review.models import ROLE_ENTRY, ROLE_GROUP, ROLE_VALUE, Index

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)


def quality_color(value: float | None) -> QColor | None:
    """Green from 0.8, amber from 0.667, red below (Krippendorff's usual thresholds)."""
    if value is None:
        return None
    return QColor("#d9f2d0" if value >= 0.8 else "#fde5c8" if value >= 0.667 else "#f8d0d0")


def _fmt(value: Any, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


class EntryTableModel(QAbstractTableModel):
    """The entries of an agreement report; filter a group with :class:`GroupProxy`."""

    COLUMNS = (("field", "Field"), ("coefficient", "Coefficient"), ("value", "Value"),
               ("ci", "95% CI"), ("n_units", "Units"), ("percent_agreement", "% agree"),
               ("match_rate", "Match rate"), ("disagreements", "Disagreements"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[dict[str, Any]] = []

    def set_entries(self, entries: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[dict[str, Any]]:
        return list(self._entries)

    def groups(self) -> list[str]:
        return list(dict.fromkeys(e["group"] for e in self._entries))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = self.COLUMNS[index.column()][0]
        if role == ROLE_ENTRY:
            return entry
        if role == ROLE_GROUP:
            return entry["group"]
        if role == ROLE_VALUE:
            return entry["value"] if column == "value" else None
        if role == _DISPLAY:
            return self._display(entry, column)
        if role == _TOOLTIP:
            count = len(entry["disagreements"])
            return (f"{entry['field']}: {entry['coefficient']} = {_fmt(entry['value'])}; "
                    f"{count} disagreement(s) — press Enter or double-click to review them")
        if role == _BACKGROUND and column == "value":
            return quality_color(entry["value"])
        if role == _ALIGN and column not in ("field", "coefficient"):
            return _RIGHT
        return None

    @staticmethod
    def _display(entry: dict[str, Any], column: str) -> str:
        if column == "value":
            return _fmt(entry["value"])
        if column == "ci":
            low, high = entry["ci"]
            return "" if low is None else f"[{low:.3f}, {high:.3f}]"
        if column in ("percent_agreement", "match_rate"):
            value = entry.get(column)
            return "" if value is None else f"{value * 100:.0f}%"
        if column == "disagreements":
            return str(len(entry["disagreements"]))
        return str(entry.get(column, ""))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
                   ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and \
                0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section][1]
        return None


class GroupProxy(QSortFilterProxyModel):
    """The entries of one report group."""

    def __init__(self, group: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.group = group

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        return index.data(ROLE_GROUP) == self.group


class PairMatrixModel(QAbstractTableModel):
    """Annotator x annotator: the pairwise coefficient of one entry (kappa or F1)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self._pairs: dict[frozenset[str], float | None] = {}

    def set_entry(self, names: list[str], entry: dict[str, Any] | None) -> None:
        self.beginResetModel()
        self._names = list(names)
        self._pairs = {}
        for key, value in (entry or {}).get("pairs", {}).items():
            first, second = key.split("|", 1)
            self._pairs[frozenset((first, second))] = value
        self.endResetModel()

    def pair(self, row: int, column: int) -> tuple[str, str] | None:
        if row == column or not (0 <= row < len(self._names) and 0 <= column < len(self._names)):
            return None
        return self._names[row], self._names[column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._names)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._names)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        pair = self.pair(index.row(), index.column())
        value = self._pairs.get(frozenset(pair)) if pair else None
        if role == ROLE_VALUE:
            return value
        if role == _DISPLAY:
            return "—" if pair is None else _fmt(value)
        if role == _TOOLTIP and pair is not None:
            return f"{pair[0]} and {pair[1]}: {_fmt(value)} — Enter or double-click to " \
                "review where they differ"
        if role == _BACKGROUND and pair is not None:
            return quality_color(value)
        if role == _ALIGN:
            return _CENTER
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
                   ) -> Any:
        if role == _DISPLAY and 0 <= section < len(self._names):
            return self._names[section]
        return None


class ConfusionModel(QAbstractTableModel):
    """Rows: the first annotator's value of a pair; columns: the second's; cells: counts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self._counts: dict[tuple[str, str], int] = {}
        self._peak = 1

    def set_entry(self, entry: dict[str, Any] | None) -> None:
        self.beginResetModel()
        rows = (entry or {}).get("confusion", [])
        self._counts = {(str(a), str(b)): int(n) for a, b, n in rows}
        self._labels = sorted({x for pair in self._counts for x in pair})
        self._peak = max(self._counts.values(), default=1)
        self.endResetModel()

    def labels(self) -> list[str]:
        return list(self._labels)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._labels)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._labels)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._labels)
                                       and 0 <= index.column() < len(self._labels)):
            return None
        first, second = self._labels[index.row()], self._labels[index.column()]
        count = self._counts.get((first, second), 0)
        if role == ROLE_VALUE:
            return count
        if role == _DISPLAY:
            return str(count) if count else ""
        if role == _TOOLTIP:
            return f"{count} unit(s) where one annotator chose {first} and the other {second}"
        if role == _BACKGROUND and count:
            color = QColor("#59a14f" if first == second else "#e15759")
            color.setAlpha(40 + int(160 * count / self._peak))
            return color
        if role == _ALIGN:
            return _CENTER
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
                   ) -> Any:
        if role in (_DISPLAY, _TOOLTIP) and 0 <= section < len(self._labels):
            return self._labels[section]
        return None
