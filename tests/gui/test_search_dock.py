"""Finding annotations in the window: Ctrl+Shift+F, a typed query, Return, a click on a hit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.models import DocId


def _doc_with(win, needle: str) -> DocId:  # type: ignore[no-untyped-def]
    project = win.session.project
    return next(s.id for s in project.documents() if needle in project.document(s.id).text)


def _mark(win, qtbot, doc_id: DocId, needle: str, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    win.show_document(doc_id)
    start = win.doc.text.index(needle)
    win.view.select_text(start, start + len(needle))
    qtbot.keyClick(win.view.edit, key)


def test_query_typed_and_hit_clicked_opens_the_span(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    plain = _doc_with(win, "Peskov")
    _mark(win, qtbot, plain, "Dmitry Peskov", Qt.Key.Key_A)
    _mark(win, qtbot, plain, "on Monday", Qt.Key.Key_D)
    other = _doc_with(win, "Zelenskyy")
    win.show_document(other)
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dock = win.search
    assert dock.isVisible() and dock.field.hasFocus()
    qtbot.keyClicks(dock.field, "layer:DATE")
    qtbot.keyClick(dock.field, Qt.Key.Key_Return)
    assert dock.model.rowCount() == 1
    assert dock.status.text() == "1 span"
    rect = dock.table.visualRect(dock.model.index(0, 2))
    qtbot.mouseClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.doc is not None and win.doc.id == plain
    selected = win.view.selected_span
    assert selected is not None and selected.text == "on Monday"


def test_bad_query_names_the_position_and_keyboard_reaches_hits(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    plain = _doc_with(win, "Peskov")
    _mark(win, qtbot, plain, "Dmitry Peskov", Qt.Key.Key_A)
    win.search.open_dock()
    dock = win.search
    qtbot.keyClicks(dock.field, "layer:ACTOR claimnt:x")
    qtbot.keyClick(dock.field, Qt.Key.Key_Return)
    assert dock.model.rowCount() == 0
    assert "position 13" in dock.status.text() and "claimant" in dock.status.text()
    dock.field.clear()
    qtbot.keyClicks(dock.field, "peskov")
    qtbot.keyClick(dock.field, Qt.Key.Key_Return)
    assert dock.model.rowCount() == 1
    win.show_document(_doc_with(win, "Zelenskyy"))
    dock.field.setFocus()
    qtbot.keyClick(dock.field, Qt.Key.Key_Down)
    qtbot.keyClick(dock.table, Qt.Key.Key_Return)
    assert win.doc.id == plain
    assert win.view.selected_span is not None and win.view.selected_span.text == "Dmitry Peskov"


def test_search_is_blind_in_the_annotation_window(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    project = win.session.project
    plain = _doc_with(win, "Peskov")
    text = project.document(plain).text
    start = text.index("Kremlin")
    project.add_span(plain, "someone_else", "ACTOR", start, start + len("Kremlin"),
                     actor_id=project.actor_by_key("kremlin").id)
    win.search.open_dock()
    qtbot.keyClicks(win.search.field, "layer:ACTOR")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    assert win.search.model.rowCount() == 0
    win.search.field.clear()
    qtbot.keyClicks(win.search.field, "marked:alone")
    qtbot.keyClick(win.search.field, Qt.Key.Key_Return)
    assert "blind" in win.search.status.text()
