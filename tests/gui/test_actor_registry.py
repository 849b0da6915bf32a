"""The actor registry window, driven through its real widgets."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import csv  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QItemSelectionModel, Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QToolButton,
)

from annotator.core import Project  # noqa: E402
from annotator.gui.registry.edit_dialog import ActorEditDialog, MergeDialog  # noqa: E402
from annotator.gui.registry.model import ROLE_ID, ActorTableModel  # noqa: E402
from annotator.gui.registry.window import ActorRegistryWindow  # noqa: E402
from annotator.gui.session import Session  # noqa: E402


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    article = tmp_path / "a.txt"
    article.write_text("Selenskyj met Putin in Kyiv.", encoding="utf-8")
    proj = Project.create(tmp_path / "p.annotator")
    proj.add_actor("Volodymyr Zelenskyy", key="zelenskyy",
                   aliases=[{"alias": "Selenskyj", "lang": "de"}], country="UKR",
                   actor_type="person", title="President of Ukraine")
    proj.add_actor("Vladimir Putin", key="putin", aliases=["Putin"], country="RUS")
    proj.add_actor("V. Putin", key="v-putin", country="RUS")
    proj.add_actor("Kalniņš", key="kalnins", country="NATO")
    doc = proj.import_paths([article]).imported[0]
    putin = proj.actor_by_key("v-putin")
    assert putin is not None
    proj.add_span(doc, "alice", "ACTOR", 14, 19, actor_id=putin.id)
    yield proj
    proj.close()


@pytest.fixture()
def session(project: Project) -> Session:
    """The session the window writes through, on the test's project."""
    shared = Session("alice")
    shared.attach(project, owns=False)
    return shared


@pytest.fixture()
def window(qtbot: Any, session: Session) -> ActorRegistryWindow:
    widget = ActorRegistryWindow(session)
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def row_of(window: ActorRegistryWindow, key: str) -> int:
    proxy = window.proxy
    for row in range(proxy.rowCount()):
        actor = window.model.actor_at(proxy.mapToSource(proxy.index(row, 0)).row())
        if actor.key == key:
            return row
    raise AssertionError(f"{key} not shown")


def click_row(qtbot: Any, window: ActorRegistryWindow, key: str, *, add: bool = False) -> None:
    view = window.view
    rect = view.visualRect(window.proxy.index(row_of(window, key), 0))
    modifier = Qt.KeyboardModifier.ControlModifier if add else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def ok_button(dialog: Any) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def shown_keys(window: ActorRegistryWindow) -> list[str]:
    proxy = window.proxy
    return [window.model.actor_at(proxy.mapToSource(proxy.index(r, 0)).row()).key
            for r in range(proxy.rowCount())]


# ------------------------------------------------------------------- models

def test_model_passes_qtmodeltester(qtmodeltester: Any, project: Project) -> None:
    model = ActorTableModel()
    model.set_actors(project.actors())
    qtmodeltester.check(model)
    assert model.rowCount() == 4


def test_proxy_passes_qtmodeltester(qtmodeltester: Any, window: ActorRegistryWindow) -> None:
    window.proxy.set_filter_text("put")
    qtmodeltester.check(window.proxy)


def test_columns_show_aliases_per_language(window: ActorRegistryWindow) -> None:
    model = window.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(
        model.columnCount())]
    assert headers[:2] == ["Name", "Aliases (sv)"]
    row = model.row_of(window.project.actor_by_key("zelenskyy").id)  # type: ignore[union-attr]
    cells = {headers[c]: model.data(model.index(row, c)) for c in range(model.columnCount())}
    assert cells["Aliases (de)"] == "Selenskyj"
    assert (cells["Country"], cells["Type"], cells["Title"]) == (
        "UKR", "person", "President of Ukraine")
    assert model.data(model.index(row, 0), ROLE_ID) == int(model.actor_at(row).id)


def test_controls_have_accessible_names(window: ActorRegistryWindow) -> None:
    for widget in (*window.findChildren(QPushButton), *window.findChildren(QLineEdit),
                   *window.findChildren(QTableView)):
        assert widget.accessibleName(), widget


# ------------------------------------------------------------------ filter

def test_typing_filters_ignoring_case_and_diacritics(qtbot: Any,
                                                     window: ActorRegistryWindow) -> None:
    qtbot.keyClicks(window.filter, "KALNINS")
    assert shown_keys(window) == ["kalnins"]
    window.filter.clear()
    qtbot.keyClicks(window.filter, "selensk")
    assert shown_keys(window) == ["zelenskyy"]
    window.filter.clear()
    qtbot.keyClicks(window.filter, "rus put")
    assert sorted(shown_keys(window)) == ["putin", "v-putin"]


# ---------------------------------------------------------------- add, edit

def test_add_an_actor_through_the_dialog(qtbot: Any, window: ActorRegistryWindow) -> None:
    qtbot.mouseClick(window.buttons["add"], Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, ActorEditDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.name, "Katrin Vollmer")
    qtbot.keyClicks(dialog.aliases, "de:Bundeskanzlerin")
    dialog.aliases.appendPlainText("sv:förbundskanslern")  # QTest types ASCII only
    qtbot.keyClicks(dialog.country, "deu")
    qtbot.keyClicks(dialog.title, "Chancellor of Germany")
    with qtbot.waitSignal(window.sig_registry_changed):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    actor = window.project.actor_by_key("katrin-vollmer")
    assert actor is not None
    assert [(a.lang, a.alias) for a in actor.aliases] == [
        ("de", "Bundeskanzlerin"), ("sv", "förbundskanslern")]
    assert (actor.country, actor.title) == ("DEU", "Chancellor of Germany")
    assert [a.key for a in window.selected_actors()] == ["katrin-vollmer"]


def test_an_invalid_actor_keeps_the_dialog_open(qtbot: Any,
                                                window: ActorRegistryWindow) -> None:
    qtbot.mouseClick(window.buttons["add"], Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, ActorEditDialog)
    qtbot.keyClicks(dialog.name, "Someone")
    qtbot.keyClicks(dialog.qid, "183")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "QID" in dialog.error.text()
    dialog.qid.clear()
    qtbot.keyClicks(dialog.qid, "Q183")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_edit_the_selected_actor(qtbot: Any, window: ActorRegistryWindow) -> None:
    assert not window.buttons["edit"].isEnabled()
    click_row(qtbot, window, "putin")
    assert window.buttons["edit"].isEnabled()
    qtbot.mouseClick(window.buttons["edit"], Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, ActorEditDialog)
    assert dialog.name.text() == "Vladimir Putin" and dialog.key.isReadOnly()
    qtbot.keyClicks(dialog.title, "President of Russia")
    aliases = dialog.findChild(QPlainTextEdit)
    aliases.appendPlainText("de:Wladimir Putin")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    actor = window.project.actor_by_key("putin")
    assert actor is not None and actor.title == "President of Russia"
    assert "Wladimir Putin" in actor.names()


# ------------------------------------------------------------- merge, delete

def test_merge_two_selected_actors_moves_the_mentions(qtbot: Any,
                                                      window: ActorRegistryWindow) -> None:
    project = window.project
    click_row(qtbot, window, "v-putin")
    click_row(qtbot, window, "putin", add=True)
    assert window.buttons["merge"].isEnabled()
    qtbot.mouseClick(window.buttons["merge"], Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, MergeDialog)
    keep_putin = dialog.keep_first if dialog.pair[0].key == "putin" else dialog.keep_second
    qtbot.mouseClick(keep_putin, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.sig_registry_changed):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    kept = project.actor_by_key("putin")
    assert kept is not None and project.actor_by_key("v-putin") is None
    assert "V. Putin" in kept.names()
    assert [s.actor_id for s in project.spans()] == [kept.id]
    assert "v-putin" not in shown_keys(window)
    assert "Merged V. Putin into Vladimir Putin" in window.status.text()


def confirm(qtbot: Any, window: ActorRegistryWindow) -> None:
    box = window.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)


def test_delete_is_refused_while_mentions_point_to_the_actor(
        qtbot: Any, window: ActorRegistryWindow) -> None:
    click_row(qtbot, window, "v-putin")
    qtbot.mouseClick(window.buttons["delete"], Qt.MouseButton.LeftButton)
    confirm(qtbot, window)
    assert "used by 1 annotation" in window.status.text()
    assert window.project.actor_by_key("v-putin") is not None


def test_delete_an_unused_actor(qtbot: Any, window: ActorRegistryWindow) -> None:
    click_row(qtbot, window, "kalnins")
    qtbot.mouseClick(window.buttons["delete"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.sig_registry_changed):
        confirm(qtbot, window)
    assert window.project.actor_by_key("kalnins") is None
    assert "kalnins" not in shown_keys(window)


def test_delete_can_be_cancelled(qtbot: Any, window: ActorRegistryWindow) -> None:
    click_row(qtbot, window, "kalnins")
    qtbot.mouseClick(window.buttons["delete"], Qt.MouseButton.LeftButton)
    box = window.dialog
    assert isinstance(box, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert window.project.actor_by_key("kalnins") is not None


# ------------------------------------------------------------- import, export

def test_export_and_import_csv(qtbot: Any, window: ActorRegistryWindow, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "registry.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(window.buttons["export"], Qt.MouseButton.LeftButton)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert sorted(r["key"] for r in rows) == ["kalnins", "putin", "v-putin", "zelenskyy"]
    assert "Exported 4 actor(s)" in window.status.text()

    incoming = tmp_path / "more.csv"
    incoming.write_text("key,canonical_name,aliases,qid,country,sector,type,title\n"
                        "nato,NATO,sv:Nato|*:North Atlantic Treaty Organization,Q7184,NATO,"
                        "IGO,international_organisation,\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(incoming), "")))
    with qtbot.waitSignal(window.sig_registry_changed):
        qtbot.mouseClick(window.buttons["import"], Qt.MouseButton.LeftButton)
    assert "nato" in shown_keys(window)
    assert "Imported 1 new actor(s)" in window.status.text()


def test_a_bad_csv_is_reported(qtbot: Any, window: ActorRegistryWindow, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,aliases\nX,Y\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))
    qtbot.mouseClick(window.buttons["import"], Qt.MouseButton.LeftButton)
    assert "canonical_name" in window.status.text()
    assert len(shown_keys(window)) == 4


def test_cancelled_file_dialogs_do_nothing(qtbot: Any, window: ActorRegistryWindow,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    qtbot.mouseClick(window.buttons["import"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.buttons["export"], Qt.MouseButton.LeftButton)
    assert window.status.text() == ""


def test_selection_survives_a_reload(qtbot: Any, window: ActorRegistryWindow) -> None:
    click_row(qtbot, window, "zelenskyy")
    window.reload()
    assert [a.key for a in window.selected_actors()] == ["zelenskyy"]
    window.view.selectionModel().clearSelection()
    window.view.selectionModel().select(
        window.proxy.index(row_of(window, "putin"), 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert window.buttons["delete"].isEnabled() and not window.buttons["merge"].isEnabled()


# --------------------------------------------------------------------- undo

def _activate(qtbot: Any, window: ActorRegistryWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_ctrl_z_restores_an_edited_actor_and_redo_reapplies(
        qtbot: Any, window: ActorRegistryWindow, session: Session) -> None:
    before = window.project.actor_by_key("putin")
    click_row(qtbot, window, "putin")
    qtbot.mouseClick(window.buttons["edit"], Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, ActorEditDialog)
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Vladimir V. Putin")
    qtbot.keyClicks(dialog.title, "President of Russia")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    edited = window.project.actor_by_key("putin")
    assert edited is not None and edited.canonical_name == "Vladimir V. Putin"
    assert window.undo_stack.count() == 1 and session.undo_stack.count() == 0
    _activate(qtbot, window)
    with qtbot.waitSignal(window.sig_registry_changed):
        qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.actor_by_key("putin") == before
    assert "Vladimir Putin" in [window.model.actor_at(r).canonical_name
                                for r in range(window.model.rowCount())]
    assert [a.key for a in window.selected_actors()] == ["putin"]  # the selection stays
    qtbot.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.project.actor_by_key("putin") == edited


def test_merge_and_delete_are_undone_from_the_undo_button(
        qtbot: Any, window: ActorRegistryWindow) -> None:
    project = window.project
    putin, v_putin = project.actor_by_key("putin"), project.actor_by_key("v-putin")
    click_row(qtbot, window, "v-putin")
    click_row(qtbot, window, "putin", add=True)
    qtbot.mouseClick(window.buttons["merge"], Qt.MouseButton.LeftButton)
    dialog = window.dialog
    assert isinstance(dialog, MergeDialog)
    keep_putin = dialog.keep_first if dialog.pair[0].key == "putin" else dialog.keep_second
    qtbot.mouseClick(keep_putin, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert project.actor_by_key("v-putin") is None
    undo = next(b for b in window.findChildren(QToolButton)
                if b.defaultAction() is window.undo_action)
    assert undo.isEnabled() and "merge V. Putin into Vladimir Putin" in undo.toolTip()
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert (project.actor_by_key("putin"), project.actor_by_key("v-putin")) == \
        (putin, v_putin)
    assert v_putin is not None and [s.actor_id for s in project.spans()] == [v_putin.id]
    assert sorted(shown_keys(window)) == ["kalnins", "putin", "v-putin", "zelenskyy"]

    kalnins = project.actor_by_key("kalnins")
    click_row(qtbot, window, "kalnins")
    qtbot.mouseClick(window.buttons["delete"], Qt.MouseButton.LeftButton)
    confirm(qtbot, window)
    assert "kalnins" not in shown_keys(window)
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert project.actor_by_key("kalnins") == kalnins and "kalnins" in shown_keys(window)


def test_a_refused_undo_is_reported_in_the_window(qtbot: Any, window: ActorRegistryWindow,
                                                 project: Project) -> None:
    click_row(qtbot, window, "kalnins")
    qtbot.mouseClick(window.buttons["delete"], Qt.MouseButton.LeftButton)
    confirm(qtbot, window)
    project.add_actor("Someone else", key="kalnins")  # the key is taken meanwhile
    window.undo_action.trigger()
    assert "cannot undo" in window.status.text()
    assert window.undo_stack.count() == 0  # what cannot be replayed is dropped
