"""Qt table models over an agreement report (the dict made by ``agreement_report``).

:class:`EntryTableModel` lists the coefficients (one :class:`GroupProxy` per
report group), :class:`PairMatrixModel` shows one entry's annotator pairs and
:class:`ConfusionModel` its confusion table; all three are
:class:`~annotator.gui.models.record_table.RecordTableModel` s. Cells are
coloured by Krippendorff's usual thresholds.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QColor

from annotator.gui.models.record_table import Column, Index, RecordTableModel
from annotator.gui.models.roles import (
    ALIGN,
    ALIGN_CENTER,
    ALIGN_RIGHT,
    BACKGROUND,
    DISPLAY,
    ROLE_ENTRY,
    ROLE_GROUP,
    ROLE_VALUE,
    TOOLTIP,
)

Entry = dict[str, Any]


def quality_color(value: float | None) -> QColor | None:
    """Green from 0.8, amber from 0.667, red below (Krippendorff's usual thresholds)."""
    if value is None:
        return None
    return QColor("#d9f2d0" if value >= 0.8 else "#fde5c8" if value >= 0.667 else "#f8d0d0")


def _fmt(value: Any, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _ci(entry: Entry) -> str:
    low, high = entry["ci"]
    return "" if low is None else f"[{low:.3f}, {high:.3f}]"


def _percent(key: str) -> Any:
    def shown(entry: Entry) -> str:
        value = entry.get(key)
        return "" if value is None else f"{value * 100:.0f}%"
    return shown


def _entry_tooltip(entry: Entry) -> str:
    count = len(entry["disagreements"])
    return (f"{entry['field']}: {entry['coefficient']} = {_fmt(entry['value'])}; "
            f"{count} disagreement(s) — press Enter or double-click to review them")


def _entry_column(key: str, header: str, shown: Any = None) -> Column:
    def plain(entry: Entry) -> str:
        return str(entry.get(key, ""))

    table: dict[int, Any] = {DISPLAY: shown or plain}
    if key not in ("field", "coefficient"):
        table[ALIGN] = lambda _entry: ALIGN_RIGHT
    return Column(key, header, cells=table)


ENTRY_COLUMNS = (
    _entry_column("field", "Field"),
    _entry_column("coefficient", "Coefficient"),
    Column("value", "Value", cells={
        DISPLAY: lambda entry: _fmt(entry["value"]), ROLE_VALUE: lambda entry: entry["value"],
        BACKGROUND: lambda entry: quality_color(entry["value"]),
        ALIGN: lambda _entry: ALIGN_RIGHT}),
    _entry_column("ci", "95% CI", _ci),
    _entry_column("n_units", "Units"),
    _entry_column("percent_agreement", "% agree", _percent("percent_agreement")),
    _entry_column("match_rate", "Match rate", _percent("match_rate")),
    _entry_column("disagreements", "Disagreements",
                  lambda entry: str(len(entry["disagreements"]))),
)
_ENTRY_ROLES = {ROLE_ENTRY: lambda entry: entry, ROLE_GROUP: lambda entry: entry["group"],
                TOOLTIP: _entry_tooltip}


class EntryTableModel(RecordTableModel):
    """The entries of an agreement report; filter a group with :class:`GroupProxy`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(ENTRY_COLUMNS, row_roles=_ENTRY_ROLES, parent=parent)

    def set_entries(self, entries: list[Entry]) -> None:
        self.set_rows(entries)

    def entries(self) -> list[Entry]:
        return self.rows()

    def groups(self) -> list[str]:
        return list(dict.fromkeys(e["group"] for e in self._rows))


class GroupProxy(QSortFilterProxyModel):
    """The entries of one report group."""

    def __init__(self, group: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.group = group

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        return index.data(ROLE_GROUP) == self.group


class PairMatrixModel(RecordTableModel):
    """Annotator x annotator: the pairwise coefficient of one entry (kappa or F1).

    A row's record is its number; column ``j`` is the ``j``-th annotator.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self._names: list[str] = []
        self._pairs: dict[frozenset[str], float | None] = {}

    def set_entry(self, names: list[str], entry: Entry | None) -> None:
        self._names = list(names)
        self._pairs = {}
        for key, value in (entry or {}).get("pairs", {}).items():
            first, second = key.split("|", 1)
            self._pairs[frozenset((first, second))] = value
        self.set_table([self._column(j, name) for j, name in enumerate(self._names)],
                       range(len(self._names)))

    def pair(self, row: int, column: int) -> tuple[str, str] | None:
        if row == column or not (0 <= row < len(self._names) and 0 <= column < len(self._names)):
            return None
        return self._names[row], self._names[column]

    def _value(self, row: int, column: int) -> float | None:
        pair = self.pair(row, column)
        return self._pairs.get(frozenset(pair)) if pair else None

    def _column(self, column: int, name: str) -> Column:
        def shown(row: int) -> str:
            return "—" if self.pair(row, column) is None else _fmt(self._value(row, column))

        def tooltip(row: int) -> str | None:
            pair = self.pair(row, column)
            if pair is None:
                return None
            return f"{pair[0]} and {pair[1]}: {_fmt(self._value(row, column))} — Enter or " \
                "double-click to review where they differ"

        def background(row: int) -> QColor | None:
            return None if self.pair(row, column) is None \
                else quality_color(self._value(row, column))

        return Column(name, name, cells={
            ROLE_VALUE: lambda row: self._value(row, column), DISPLAY: shown, TOOLTIP: tooltip,
            BACKGROUND: background, ALIGN: lambda _row: ALIGN_CENTER})

    def row_header(self, row: int, role: int) -> Any:
        return self._names[row] if role == DISPLAY else None


class ConfusionModel(RecordTableModel):
    """Rows: the first annotator's value of a pair; columns: the second's; cells: counts.

    A row's record is its label; so is a column's key.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self._counts: dict[tuple[str, str], int] = {}
        self._peak = 1

    def set_entry(self, entry: Entry | None) -> None:
        rows = (entry or {}).get("confusion", [])
        self._counts = {(str(a), str(b)): int(n) for a, b, n in rows}
        self._peak = max(self._counts.values(), default=1)
        labels = sorted({x for pair in self._counts for x in pair})
        self.set_table([self._column(label) for label in labels], labels)

    def labels(self) -> list[str]:
        return self.rows()

    def _column(self, second: str) -> Column:
        def count(first: str) -> int:
            return self._counts.get((first, second), 0)

        def background(first: str) -> QColor | None:
            if not count(first):
                return None
            color = QColor("#59a14f" if first == second else "#e15759")
            color.setAlpha(40 + int(160 * count(first) / self._peak))
            return color

        return Column(second, second, second, {
            ROLE_VALUE: count, DISPLAY: lambda first: str(count(first)) if count(first) else "",
            TOOLTIP: lambda first: f"{count(first)} unit(s) where one annotator chose {first} "
                                   f"and the other {second}",
            BACKGROUND: background, ALIGN: lambda _first: ALIGN_CENTER})

    def row_header(self, row: int, role: int) -> Any:
        return self._rows[row] if role in (DISPLAY, TOOLTIP) else None
