"""Two real main windows on one project file, each with its own session and connection.

The sequence of issue #13: window 1 deletes a span, window 2 adds one, Ctrl+Z
then Ctrl+Shift+Z in window 1. Before, window 2's span took the deleted id,
the undo failed with a traceback on stderr and the redo deleted window 2's
span. Now ids are never reused, every replay checks its record, each window
shows the other's edits after its next poll, and a step another window made
impossible is refused with a message in the status bar.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from annotator.core.models import Status
from annotator.gui.models.roles import ROLE_RECORD
from annotator.gui.session import Session
from annotator.gui.settings import Settings
from annotator.gui.workspace.main_window import MainWindow
from tests.gui.conftest import ANNOTATOR
from tests.gui.test_workspace import _cursor_point, keyboard_find, qt_find

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
REFRESH_MS = 3000


def _window(qtbot: Any, path: Path, settings_file: Path) -> MainWindow:
    settings = Settings(settings_file)
    settings.annotator_name = ANNOTATOR
    window = MainWindow(Session(ANNOTATOR), settings)
    qtbot.addWidget(window)
    window.open_project(path)
    window.show()
    return window


@pytest.fixture()
def two(qtbot: Any, project_path: Path, tmp_path: Path) -> Iterator[tuple[MainWindow,
                                                                          MainWindow]]:
    first = _window(qtbot, project_path, tmp_path / "one.ini")
    second = _window(qtbot, project_path, tmp_path / "two.ini")
    assert first.session.project is not second.session.project
    assert first.doc is not None and second.doc is not None and first.doc.id == second.doc.id
    yield first, second
    for window in (first, second):
        window.session.close_project()


def _activate(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _uids(window: MainWindow) -> set[str]:
    return {s.uid for s in window.view.spans}


def _stored(window: MainWindow) -> list[Any]:
    project = window.session.project
    assert project is not None and window.doc is not None
    return project.spans(window.doc.id, annotator=ANNOTATOR)


def _click_span(qtbot: Any, window: MainWindow, needle: str) -> None:
    edit = window.view.edit
    start, _ = qt_find(edit, needle)
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton,
                     pos=_cursor_point(edit, start + 2))
    assert window.view.selected_span is not None


def test_the_issue_sequence_keeps_both_windows_work(qtbot: Any, two: tuple[MainWindow,
                                                                          MainWindow],
                                                    capfd: pytest.CaptureFixture[str]) -> None:
    one, other = two
    assert other.live.shared.isVisible()  # window 2 was told window 1 has the project open
    assert "another window of this program" in other.session.live.note
    assert other.live.offer is not None and other.live.offer.isVisible()
    _activate(qtbot, one)
    keyboard_find(qtbot, one, "Olaf Scholz")
    qtbot.keyClick(one.view.edit, Qt.Key.Key_A)
    (first,) = _stored(one)
    qtbot.waitUntil(lambda: first.uid in _uids(other), timeout=REFRESH_MS)

    _click_span(qtbot, one, "Olaf Scholz")  # window 1 deletes the span
    qtbot.keyClick(one.view.edit, Qt.Key.Key_Delete)
    assert _stored(one) == []
    qtbot.waitUntil(lambda: first.uid not in _uids(other), timeout=REFRESH_MS)

    _activate(qtbot, other)  # window 2 adds one
    keyboard_find(qtbot, other, "Volodymyr Zelenskyy")
    qtbot.keyClick(other.view.edit, Qt.Key.Key_A)
    (second,) = _stored(other)
    assert second.id > first.id  # the deleted span's id is not handed out again
    qtbot.waitUntil(lambda: second.uid in _uids(one), timeout=REFRESH_MS)

    _activate(qtbot, one)  # Ctrl+Z in window 1 brings its span back beside window 2's
    qtbot.keyClick(one.view.edit, Qt.Key.Key_Z, CTRL)
    assert {s.uid for s in _stored(one)} == {first.uid, second.uid}
    assert _uids(one) == {first.uid, second.uid}
    qtbot.waitUntil(lambda: _uids(other) == {first.uid, second.uid}, timeout=REFRESH_MS)

    qtbot.keyClick(one.view.edit, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: window 1's delete only
    assert [s.uid for s in _stored(one)] == [second.uid]
    assert _uids(one) == {second.uid}  # window 1 shows window 2's span
    qtbot.waitUntil(lambda: _uids(other) == {second.uid}, timeout=REFRESH_MS)
    assert one.session.project is not None and one.session.project.check() == []
    err = capfd.readouterr().err
    assert "Traceback" not in err and "IntegrityError" not in err


def test_an_undo_the_other_window_made_impossible_is_refused_with_a_message(
        qtbot: Any, two: tuple[MainWindow, MainWindow],
        capfd: pytest.CaptureFixture[str]) -> None:
    one, other = two
    _activate(qtbot, one)
    keyboard_find(qtbot, one, "Olaf Scholz")
    qtbot.keyClick(one.view.edit, Qt.Key.Key_A)  # window 1 adds a span
    (span,) = _stored(one)
    qtbot.waitUntil(lambda: span.uid in _uids(other), timeout=REFRESH_MS)
    _activate(qtbot, other)  # window 2 moves it to another layer (the D key: DATE)
    _click_span(qtbot, other, "Olaf Scholz")
    qtbot.keyClick(other.view.edit, Qt.Key.Key_D)
    assert [s.layer for s in _stored(other)] == ["DATE"]
    qtbot.waitUntil(lambda: [s.layer for s in one.view.spans] == ["DATE"], timeout=REFRESH_MS)

    _activate(qtbot, one)
    assert one.session.undo_stack.count() == 1
    qtbot.keyClick(one.view.edit, Qt.Key.Key_Z, CTRL)  # undo "add span": refused
    message = one.statusBar().currentMessage()
    assert "cannot undo" in message and "another window" in message, message
    assert [s.layer for s in _stored(one)] == ["DATE"]  # window 2's edit stands
    assert one.session.undo_stack.count() == 0  # the step is gone: nothing half-done to redo
    qtbot.keyClick(one.view.edit, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [(s.uid, s.layer) for s in _stored(one)] == [(span.uid, "DATE")]
    assert "Traceback" not in capfd.readouterr().err


def test_refresh_keeps_the_selection_the_scroll_and_a_field_being_typed(
        qtbot: Any, two: tuple[MainWindow, MainWindow]) -> None:
    one, other = two
    _activate(qtbot, one)
    keyboard_find(qtbot, one, "Olaf Scholz")
    qtbot.keyClick(one.view.edit, Qt.Key.Key_A)
    (span,) = _stored(one)
    qtbot.waitUntil(lambda: span.uid in _uids(other), timeout=REFRESH_MS)
    _click_span(qtbot, one, "Olaf Scholz")
    one.form.focus_span_editor()  # the annotator starts typing an actor's name
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit) and one.form.isAncestorOf(field)
    qtbot.keyClicks(field, "Scho")
    scroll = one.view.edit.verticalScrollBar().value()
    panel = one.form.span_panel
    assert panel is not None and panel.model.rowCount() == 1

    assert other.doc is not None  # meanwhile window 2 adds a span (window 1 keeps the focus)
    start = other.doc.text.index("Die Zeit")
    assert other.session.add_span(other.doc.id, "SOURCE", start, start + 8) is not None
    qtbot.waitUntil(lambda: len(one.view.spans) == 2, timeout=REFRESH_MS)

    assert one.view.selected_span is not None and one.view.selected_span.uid == span.uid
    assert one.view.edit.verticalScrollBar().value() == scroll
    assert one.live.form_pending  # the form waits while the annotator is in it
    assert QApplication.focusWidget() is field and field.text() == "Scho"
    assert panel.model.rowCount() == 1
    field.clear()
    one.view.edit.setFocus()  # leaving the form brings it up to date
    qtbot.waitUntil(lambda: not one.live.form_pending, timeout=REFRESH_MS)
    assert panel.model.rowCount() == 2
    assert one.view.selected_span is not None and one.view.selected_span.uid == span.uid


def test_the_document_list_keeps_its_row(qtbot: Any,
                                                    two: tuple[MainWindow, MainWindow]) -> None:
    one, other = two
    doc_list = one.doc_list
    last = doc_list.model.doc_id_at(doc_list.model.rowCount() - 1)
    assert last is not None
    one.show_document(last)
    current = doc_list.current_doc_id()
    other.session.set_status(other.doc.id if other.doc else last, Status.DONE)
    qtbot.waitUntil(lambda: doc_list.model.data(doc_list.model.index(0, 0), ROLE_RECORD).status
                    is Status.DONE, timeout=REFRESH_MS)
    assert doc_list.current_doc_id() == current == last
    assert one.doc is not None and one.doc.id == last


def test_a_replay_that_fails_for_now_keeps_its_step_and_the_stack_in_place(
        qtbot: Any, two: tuple[MainWindow, MainWindow], monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str]) -> None:
    from annotator.core.errors import DiskFullError
    from annotator.core.project import commands

    one, _other = two
    _activate(qtbot, one)
    keyboard_find(qtbot, one, "Olaf Scholz")
    qtbot.keyClick(one.view.edit, Qt.Key.Key_A)
    stack = one.session.undo_stack
    assert (stack.count(), stack.index()) == (1, 1)

    def full(self: object, project: object) -> list[object]:
        raise DiskFullError("the disk is full; free some space, then try again")

    monkeypatch.setattr(commands.AddSpan, "revert", full)
    qtbot.keyClick(one.view.edit, Qt.Key.Key_Z, CTRL)
    assert "cannot undo" in one.statusBar().currentMessage()
    qtbot.waitUntil(lambda: stack.index() == 1)  # put back: the step is still to be undone
    assert stack.count() == 1 and len(_stored(one)) == 1
    monkeypatch.undo()
    qtbot.keyClick(one.view.edit, Qt.Key.Key_Z, CTRL)  # the disk has room again
    assert _stored(one) == [] and stack.index() == 0

    def broken(self: object, project: object) -> list[object]:
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(commands.AddSpan, "apply", broken)
    qtbot.keyClick(one.view.edit, Qt.Key.Key_Z, CTRL | SHIFT)  # redo fails unexpectedly
    message = one.statusBar().currentMessage()
    assert "cannot redo" in message and "something nobody expected" in message
    assert stack.count() == 0 and _stored(one) == []
    assert "Traceback" not in capfd.readouterr().err


def test_the_second_window_can_switch_to_read_only_viewing(
        qtbot: Any, two: tuple[MainWindow, MainWindow]) -> None:
    one, other = two
    offer = other.live.offer
    assert offer is not None and "Also open by alice" in offer.text()
    view = next(b for b in offer.buttons() if b.text() == "View read-only")
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton)
    project = other.session.project
    assert project is not None and project.read_only
    assert other.doc is not None  # still showing the project
    assert [e.read_only for e in one.session.live.others()] == [True]


def test_a_project_in_a_sync_folder_is_warned_about_at_open(qtbot: Any, tmp_path: Path,
                                                            project_path: Path) -> None:
    folder = tmp_path / "OneDrive - Acme"
    folder.mkdir()
    synced = folder / "p.annotator"
    synced.write_bytes(project_path.read_bytes())
    window = _window(qtbot, synced, tmp_path / "s.ini")
    try:
        offer = window.live.offer
        assert offer is not None and "inside a OneDrive folder" in offer.text()
        assert [b.text() for b in offer.buttons()] == ["OK"]  # nobody else: nothing to choose
        assert "keep the project on a local disk" in window.live.shared.toolTip()
    finally:
        window.session.close_project()
