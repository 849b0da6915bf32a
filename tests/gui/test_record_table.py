"""The generic record table model, shown in real views: columns, roles, sorting, row changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QListView, QTableView

from annotator.gui.models.record_table import Column, RecordListModel, RecordTableModel
from annotator.gui.models.roles import (
    ALIGN,
    ALIGN_RIGHT,
    DISPLAY,
    FOREGROUND,
    ROLE_ID,
    ROLE_RECORD,
    TOOLTIP,
)


@dataclass(frozen=True)
class Fruit:
    id: int
    name: str
    weight: int


FRUITS = [Fruit(1, "pear", 180), Fruit(2, "apple", 150), Fruit(3, "fig", 50),
          Fruit(4, "banana", 150)]


def _columns() -> list[Column]:
    return [
        Column("name", "Name", "What it is called", {DISPLAY: lambda f: f.name},
               sort_key=lambda f: f.name),
        Column("weight", "Grams", None, {DISPLAY: lambda f: str(f.weight),
                                         ALIGN: lambda _f: ALIGN_RIGHT},
               cell=lambda f, role: f"{f.name} weighs {f.weight} g" if role == TOOLTIP
               else None, sort_key=lambda f: f.weight),
        Column("note", "Note", "Not sortable", {DISPLAY: lambda f: "heavy" if f.weight > 160
                                                 else ""}),
    ]


def _model(parent: Any = None) -> RecordTableModel:
    model = RecordTableModel(_columns(), row_roles={ROLE_ID: lambda f: f.id,
                                                    ROLE_RECORD: lambda f: f},
                             key=lambda f: f.id, parent=parent)
    model.set_rows(FRUITS)
    return model


@pytest.fixture()
def view(qtbot: Any) -> QTableView:
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(_model(table))  # owned by the view, not by the garbage collector
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    return table


def _column_texts(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = _model()
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
    listed = RecordListModel(_columns()[0], key=lambda f: f.id)
    listed.set_rows(FRUITS)
    qtmodeltester.check(listed)


def test_cells_headers_and_row_roles_come_from_the_column_table(view: QTableView) -> None:
    model = view.model()
    assert (model.rowCount(), model.columnCount()) == (4, 3)
    header = view.horizontalHeader()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == \
        ["Name", "Grams", "Note"]
    assert model.headerData(0, Qt.Orientation.Horizontal, TOOLTIP) == "What it is called"
    assert model.headerData(1, Qt.Orientation.Horizontal, TOOLTIP) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert header.sectionSize(0) > 0 and not header.isSectionHidden(2)
    assert _column_texts(view, 0) == ["pear", "apple", "fig", "banana"]
    weight = model.index(2, 1)
    assert weight.data() == "50" and weight.data(ALIGN) == ALIGN_RIGHT
    assert weight.data(TOOLTIP) == "fig weighs 50 g"  # the column's own function
    assert weight.data(FOREGROUND) is None  # neither table nor function answers
    assert model.index(0, 0).data(TOOLTIP) is None
    assert {model.index(1, c).data(ROLE_ID) for c in range(3)} == {2}  # row-wide
    assert model.index(3, 2).data(ROLE_RECORD) == FRUITS[3]
    assert model.index(0, 2).data() == "heavy"
    assert view.visualRect(model.index(3, 2)).isValid()


def test_sorting_by_a_sort_key_keeps_the_selection_on_its_record(qtbot: Any,
                                                                 view: QTableView) -> None:
    model = view.model()
    view.setSortingEnabled(True)  # sorts at once, by the header's indicator: name, descending
    assert _column_texts(view, 0) == ["pear", "fig", "banana", "apple"]
    view.selectionModel().setCurrentIndex(
        model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)  # the fig
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _column_texts(view, 0) == ["fig", "banana", "apple", "pear"]  # ties keep order
    assert view.currentIndex().data() == "fig" and view.currentIndex().row() == 0
    assert model.find_row(3) == 0 and model.find_row(1) == 3
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert _column_texts(view, 0) == ["apple", "banana", "fig", "pear"]
    assert view.currentIndex().data() == "fig" and view.currentIndex().row() == 2
    view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # no sort key: the order stays
    assert _column_texts(view, 0) == ["apple", "banana", "fig", "pear"]


def test_row_changes_reach_the_view(qtbot: Any, view: QTableView) -> None:
    model: RecordTableModel = view.model()  # type: ignore[assignment]
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.replace_row(1, Fruit(2, "apple", 170), 1, 1)
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), top.column(), bottom.row(), bottom.column()) == (1, 1, 1, 1)
    assert model.index(1, 1).data() == "170"
    model.replace_row(1, Fruit(9, "quince", 300))
    assert model.find_row(9) == 1 and model.find_row(2) is None
    with qtbot.waitSignal(model.rowsInserted):
        model.append_rows([Fruit(5, "kiwi", 70)])
    assert _column_texts(view, 0)[-1] == "kiwi" and model.find_row(5) == 4
    model.insert_rows(0, [Fruit(6, "lime", 60), Fruit(7, "plum", 40)])
    assert _column_texts(view, 0)[:3] == ["lime", "plum", "pear"]
    assert model.find_row(1) == 2
    with qtbot.waitSignal(model.rowsRemoved):
        model.remove_rows(0, 2)
    assert _column_texts(view, 0) == ["pear", "quince", "fig", "banana", "kiwi"]
    assert model.record(1) == Fruit(9, "quince", 300) and model.record(5) is None
    assert model.find_row(6) is None
    model.set_rows([Fruit(8, "red grape", 5), Fruit(8, "white grape", 5)])
    assert model.find_row(8) == 0  # the first row with a key
    model.set_table(_columns()[:1], FRUITS[:2])
    assert model.columnCount() == 1 and view.horizontalHeader().count() == 1


def test_the_list_flavour_indexes_like_a_list(qtbot: Any) -> None:
    view = QListView()
    qtbot.addWidget(view)
    model = RecordListModel(_columns()[0], row_roles={ROLE_ID: lambda f: f.id}, parent=view)
    model.set_rows(FRUITS)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    assert model.index(2).data() == "fig" and model.index(2).data(ROLE_ID) == 3
    assert not model.index(4).isValid() and model.columnCount(QModelIndex()) == 1
    view.setCurrentIndex(model.index(3))
    assert view.currentIndex().data() == "banana"
    assert view.visualRect(model.index(0)).height() > 0
