"""Editing a span's boundaries in the window: keys and mouse drags, one undo step each, the span
keeps its id, attributes and claim links."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from tests.gui.test_annotating_defaults import _mark

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _selected(win):  # type: ignore[no-untyped-def]
    span = win.view.selected_span
    return win.session.project.span(span.id)


def _select(win, span) -> None:  # type: ignore[no-untyped-def]
    win.view.select_span(span.id)
    win.form.select_span(span.id)
    win.view.edit.setFocus()


def test_keys_move_either_edge_by_word_and_character_and_undo_one_step(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    (span,) = _mark(win, qtbot, "air defence", Qt.Key.Key_M)
    claim = win.session.add_claim(win.doc.id, demand_span_ids=(span.id,))
    assert claim is not None
    _select(win, span)
    edit = win.view.edit
    qtbot.keyClick(edit, Qt.Key.Key_Right, ALT | SHIFT)
    assert _selected(win).text == "air defence systems"
    qtbot.keyClick(edit, Qt.Key.Key_Left, CTRL | ALT | SHIFT)
    assert _selected(win).text == "more air defence systems"
    qtbot.keyClick(edit, Qt.Key.Key_Right, CTRL | ALT)
    assert _selected(win).text == "ore air defence systems"
    qtbot.keyClick(edit, Qt.Key.Key_Left, ALT)
    moved = _selected(win)
    assert moved.text == "ore air defence system"
    assert moved.id == span.id and moved.uid == span.uid
    project = win.session.project
    assert project.claims(win.doc.id)[0].demand_span_ids == (span.id,)
    qtbot.keyClick(win, Qt.Key.Key_Z, CTRL)
    assert project.span(span.id).text == "ore air defence systems"
    for _ in range(3):
        qtbot.keyClick(win, Qt.Key.Key_Z, CTRL)
    assert project.span(span.id).text == "air defence"


def test_dragging_the_end_with_the_mouse_moves_it_to_the_word_released_on(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    (span,) = _mark(win, qtbot, "Olaf", Qt.Key.Key_A)
    _select(win, span)
    edit = win.view.edit
    offsets = win.view.highlighter.offsets

    def point_at(cp: int) -> QPoint:
        cursor = QTextCursor(edit.document())
        cursor.setPosition(offsets.to_qt(cp))
        rect = edit.cursorRect(cursor)
        return QPoint(rect.center().x(), rect.center().y())

    text = win.doc.text
    end = point_at(span.end)
    target = point_at(text.index("Scholz") + 3)  # inside the word: snapping takes all of it
    qtbot.mousePress(edit.viewport(), Qt.MouseButton.LeftButton, pos=end)
    qtbot.mouseMove(edit.viewport(), target)
    qtbot.mouseRelease(edit.viewport(), Qt.MouseButton.LeftButton, pos=target)
    moved = win.session.project.span(span.id)
    assert moved.text == "Olaf Scholz" and moved.id == span.id
    qtbot.keyClick(win, Qt.Key.Key_Z, CTRL)
    assert win.session.project.span(span.id).text == "Olaf"


def test_a_press_away_from_the_edges_still_selects_text(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    (span,) = _mark(win, qtbot, "Olaf", Qt.Key.Key_A)
    _select(win, span)
    edit = win.view.edit
    assert edit._edge_at(QPoint(2, 2)) is None  # the first line, far from "Olaf"
