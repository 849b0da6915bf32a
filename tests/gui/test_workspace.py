"""The annotation workspace driven through its real widgets: mouse, keyboard, form, undo, status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.core import Project
from annotator.core.models import Status
from tests.gui.conftest import ANNOTATOR, EMOJI_TEXT

# ------------------------------------------------------------------ helpers


def _cursor_point(edit: Any, utf16_pos: int) -> QPoint:
    """Viewport point just right of the caret at ``utf16_pos``."""
    cursor = edit.textCursor()
    cursor.setPosition(utf16_pos)
    rect = edit.cursorRect(cursor)
    return QPoint(rect.center().x() + 1, rect.center().y())


def _send_mouse(widget: Any, kind: QEvent.Type, point: QPoint, buttons: Any) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else \
        Qt.MouseButton.NoButton
    global_point = widget.mapToGlobal(point)
    event = QMouseEvent(kind, QPointF(point), QPointF(global_point), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def drag(edit: Any, start: int, end: int) -> None:
    """Press the left button at UTF-16 ``start``, move with it held, release at ``end``."""
    viewport = edit.viewport()
    a, b = _cursor_point(edit, start), _cursor_point(edit, end)
    held = Qt.MouseButton.LeftButton
    _send_mouse(viewport, QEvent.Type.MouseButtonPress, a, held)
    for step in range(1, 6):
        point = a + (b - a) * step / 5
        _send_mouse(viewport, QEvent.Type.MouseMove, point, held)
    _send_mouse(viewport, QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)


def qt_find(edit: Any, needle: str) -> tuple[int, int]:
    """UTF-16 (start, end) of ``needle`` in the widget's document."""
    found = edit.document().find(needle)
    assert not found.isNull(), needle
    return found.selectionStart(), found.selectionEnd()


def my_spans(window: Any, layer: str | None = None) -> list[Any]:
    project = window.session.project
    spans = project.spans(window.doc.id, annotator=ANNOTATOR)
    return [s for s in spans if layer is None or s.layer == layer]


def keyboard_find(qtbot: Any, window: Any, needle: str) -> None:
    """Ctrl+F, type, Return, Escape: the needle is selected and the article has focus."""
    qtbot.keyClick(window.view.edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = window.view.find_bar.field
    assert field.hasFocus()
    field.clear()
    qtbot.keyClicks(field, needle)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert window.view.edit.hasFocus()
    assert window.view.edit.textCursor().selectedText() == needle


# -------------------------------------------------------------------- tests


def test_mouse_drag_and_layer_key_store_code_point_offsets(qtbot: Any, window: Any) -> None:
    edit = window.view.edit
    assert window.doc.text == EMOJI_TEXT  # the first document starts with 🇺🇦🙏
    edit.setFocus()
    start, end = qt_find(edit, "Olaf Scholz")
    drag(edit, start + 2, end - 3)  # "af Sch": snapping widens to the whole words
    assert edit.textCursor().hasSelection()
    qtbot.keyClick(edit, Qt.Key.Key_A)
    (span,) = my_spans(window, "ACTOR")
    cp_start = EMOJI_TEXT.index("Olaf Scholz")
    assert (span.start, span.end) == (cp_start, cp_start + len("Olaf Scholz"))
    assert start - cp_start == 3  # the flag and the emoji shift Qt's positions by three
    assert span.text == "Olaf Scholz"
    assert window.view.selected_span.id == span.id  # the new span is selected
    assert window.form.span_panel.span.id == span.id


def test_keyboard_selection_with_shift_arrows(qtbot: Any, window: Any) -> None:
    edit = window.view.edit
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):  # the flag, the folded hands, the space: one grapheme each
        qtbot.keyClick(edit, Qt.Key.Key_Right)
    for _ in range(2):
        qtbot.keyClick(edit, Qt.Key.Key_Right,
                       Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
    assert edit.textCursor().selectedText().startswith("Volodymyr Zelenskyy")
    qtbot.keyClick(edit, Qt.Key.Key_A)
    (span,) = my_spans(window, "ACTOR")
    assert (span.start, span.end) == (4, 4 + len("Volodymyr Zelenskyy"))
    assert EMOJI_TEXT[span.start:span.end] == "Volodymyr Zelenskyy"
    # shift+arrows letter by letter, snapping off: exactly what was selected
    window.menu_actions["snap"].trigger()
    assert window.view.snap is False
    keyboard_find(qtbot, window, "Friday")
    for _ in range(3):
        qtbot.keyClick(edit, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert edit.textCursor().selectedText() == "Fri"
    qtbot.keyClick(edit, Qt.Key.Key_D)
    (date,) = my_spans(window, "DATE")
    assert EMOJI_TEXT[date.start:date.end] == "Fri"


def test_click_selects_span_delete_removes_and_layer_key_relabels(qtbot: Any,
                                                                 window: Any) -> None:
    edit = window.view.edit
    keyboard_find(qtbot, window, "Die Zeit")
    qtbot.keyClick(edit, Qt.Key.Key_S)
    (span,) = my_spans(window)
    window.view.select_span(None)
    start, _ = qt_find(edit, "Die Zeit")
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=_cursor_point(edit, start + 2))
    assert window.view.selected_span is not None and window.view.selected_span.id == span.id
    qtbot.keyClick(edit, Qt.Key.Key_A)  # no text selected: the span moves to ACTOR
    assert my_spans(window)[0].layer == "ACTOR"
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert my_spans(window) == []
    assert window.view.selected_span is None


def test_form_picks_actor_by_alias_and_validates_dates(qtbot: Any, window: Any) -> None:
    edit = window.view.edit
    keyboard_find(qtbot, window, "Volodymyr Zelenskyy")
    qtbot.keyClick(edit, Qt.Key.Key_A)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # to the span's attributes
    picker = window.form.span_panel.pages["ACTOR"].editors["actor"]
    assert picker.field.hasFocus()
    qtbot.keyClicks(picker.field, "selensk")  # any alias, any case, any part
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert "Selenskyj" in popup.model().index(0, 0).data()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    (span,) = my_spans(window, "ACTOR")
    zelenskyy = next(a for a in window.session.project.actors() if a.key == "zelenskyy")
    assert span.actor_id == zelenskyy.id
    qtbot.waitUntil(lambda: picker.field.text() == "Volodymyr Zelenskyy")
    # the offscreen platform leaves the closed popup "active"; a desktop gives it back
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    # a DATE span starts with the proposed value; an invalid edit is refused with the
    # reason and leaves it, a valid one is stored and is the annotator's own
    keyboard_find(qtbot, window, "November 2024")
    qtbot.keyClick(edit, Qt.Key.Key_D)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    date_field = window.form.span_panel.pages["DATE"].editors["value"]
    assert date_field.value.hasFocus()
    assert my_spans(window, "DATE")[0].proposed == ("precision", "value")
    date_field.value.clear()
    qtbot.keyClicks(date_field.value, "2024-13")
    qtbot.keyClick(date_field.value, Qt.Key.Key_Return)
    assert "no month 13" in date_field.error.text()
    assert my_spans(window, "DATE")[0].attributes["value"] == "2024-11"
    date_field.value.clear()
    qtbot.keyClicks(date_field.value, "2024-11-30")
    qtbot.keyClick(date_field.value, Qt.Key.Key_Return)
    span = my_spans(window, "DATE")[0]
    assert span.attributes["value"] == "2024-11-30" and "value" not in span.proposed


def test_new_actor_inline_and_undo_removes_it(qtbot: Any, window: Any) -> None:
    edit = window.view.edit
    keyboard_find(qtbot, window, "Die Zeit")
    qtbot.keyClick(edit, Qt.Key.Key_A)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    picker = window.form.span_panel.pages["ACTOR"].editors["actor"]
    qtbot.keyClicks(picker.field, "Die Zeit")
    qtbot.keyClick(picker.field, Qt.Key.Key_Return)
    assert "No actor is called" in picker.hint.text()
    qtbot.keyClick(picker.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    project = window.session.project
    new = next(a for a in project.actors() if a.canonical_name == "Die Zeit")
    assert my_spans(window)[0].actor_id == new.id
    window.session.undo_stack.undo()  # one step: the link and the new actor
    assert my_spans(window)[0].actor_id is None
    assert all(a.canonical_name != "Die Zeit" for a in project.actors())
    window.session.undo_stack.redo()
    assert my_spans(window)[0].actor_id == new.id


def test_build_a_claim(qtbot: Any, window: Any) -> None:
    edit = window.view.edit
    for needle, key in (("Volodymyr Zelenskyy", Qt.Key.Key_A), ("Olaf Scholz", Qt.Key.Key_A),
                        ("send more air defence systems", Qt.Key.Key_M)):
        keyboard_find(qtbot, window, needle)
        qtbot.keyClick(edit, key)
    demand = my_spans(window, "DEMAND")[0]
    qtbot.keyClick(edit, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.form.claim_panel
    assert panel.claim is not None
    assert panel.claim.demand_span_ids == (demand.id,)  # the selected demand span
    fields = panel.fields.editors
    assert fields["claimant_id"].field.hasFocus()
    qtbot.keyClicks(fields["claimant_id"].field, "Zelenskyj")  # an alias, typed in full
    qtbot.keyClick(fields["claimant_id"].field, Qt.Key.Key_Return)
    fields["addressee_id"].setFocus()
    qtbot.keyClicks(fields["addressee_id"].field, "scholz")
    qtbot.keyClick(fields["addressee_id"].field, Qt.Key.Key_Return)
    reliability = fields["source_reliability"]
    reliability.setFocus()
    qtbot.keyClick(reliability, Qt.Key.Key_Down)
    qtbot.keyClick(reliability, Qt.Key.Key_Down)
    assert reliability.code() == "B"
    assert "mostly valid information" in reliability.toolTip()  # the definition
    date = fields["date_value"]
    qtbot.keyClicks(date.value, "2024-11-15")
    qtbot.keyClick(date.value, Qt.Key.Key_Return)
    claims = window.session.project.claims(window.doc.id, annotator=ANNOTATOR)
    assert len(claims) == 1
    claim = claims[0]
    actors = {a.key: a.id for a in window.session.project.actors()}
    assert claim.claimant_id == actors["zelenskyy"]
    assert claim.addressee_id == actors["scholz"]
    assert claim.event_type == "REQUEST"
    assert claim.source_reliability == "B"
    assert (claim.date_value, claim.date_precision) == ("2024-11-15", "day")
    # untick the demand span with the keyboard
    demand_list = fields["demand_span_ids"]
    demand_list.setFocus()
    demand_list.setCurrentIndex(demand_list.model().index(0))
    qtbot.keyClick(demand_list, Qt.Key.Key_Space)
    assert window.session.project.claims(window.doc.id)[0].demand_span_ids == ()
    assert "Zelenskyy → Olaf Scholz" in panel.model.index(0).data()


def test_undo_redo_across_documents(qtbot: Any, window: Any) -> None:
    edit = window.view.edit
    first = window.doc.id
    keyboard_find(qtbot, window, "Olaf Scholz")
    qtbot.keyClick(edit, Qt.Key.Key_A)
    (span,) = my_spans(window)
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # next document
    assert window.doc.id != first
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.id == first  # the window shows what was undone
    assert my_spans(window) == []
    assert window.view.spans == []
    qtbot.keyClick(edit, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    (again,) = my_spans(window)
    assert (again.id, again.uid) == (span.id, span.uid)
    assert [s.id for s in window.view.spans] == [span.id]


def test_mark_done_moves_to_next_unfinished(qtbot: Any, window: Any) -> None:
    edit = window.view.edit
    ids = [window.doc_list.model.doc_id_at(r) for r in range(3)]
    assert window.doc.id == ids[0]
    assert window.progress.text() == "0 of 3 done"
    window.session.set_status(ids[1], Status.DONE)  # already finished: skipped
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.my_status(ids[0]) is Status.DONE
    assert window.doc.id == ids[2]
    assert window.progress.text() == "2 of 3 done"
    assert window.doc_list.current_doc_id() == ids[2]
    status_column = window.doc_list.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert status_column == "done"
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.progress.text() == "3 of 3 done"
    assert "Every document is done" in window.statusBar().currentMessage()
    qtbot.keyClick(edit, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.doc.id == ids[1]


def test_document_fields_and_claim_line(qtbot: Any, window: Any) -> None:
    panel = window.form.document_panel
    qtbot.keyClick(window.view.edit, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    relevance = panel.fields.editors["relevance"]
    assert relevance.hasFocus()
    stance = panel.fields.editors["stance"]
    assert not stance.isEnabled()  # the first document has no claim line
    qtbot.keyClick(relevance, Qt.Key.Key_Down)
    note = panel.fields.editors["note"]
    qtbot.keyClicks(note, "check the date")
    qtbot.keyClick(window.view.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    values = window.session.project.values(window.doc_list.model.doc_id_at(0), ANNOTATOR)
    assert values == {"relevance": "yes", "note": "check the date"}  # flushed on leaving
    assert window.view.claim.isVisible()
    assert "Scholz visited Kyiv" in window.view.claim.text()
    assert stance.isEnabled()
    language = panel.metadata.editors["language"]
    language.setFocus()
    language.selectAll()
    qtbot.keyClicks(language, "de")
    qtbot.keyClick(language, Qt.Key.Key_Return)
    assert window.session.project.document(window.doc.id).language == "de"
    assert window.doc_list.model.index(1, 1).data() == "de"
    published = panel.metadata.editors["published"]
    stored = published.text()
    published.setFocus()
    published.selectAll()
    qtbot.keyClicks(published, "last Friday")  # refused: the reason shows, the value stays
    qtbot.keyClick(published, Qt.Key.Key_Return)
    assert "publication date" in window.statusBar().currentMessage()
    assert published.text() == stored
    assert window.session.project.document(window.doc.id).published == stored


def test_find_zoom_and_reopen_in_a_new_window(qtbot: Any, window: Any, settings: Any,
                                              project_path: Path) -> None:
    from annotator.gui.app import create_window

    edit = window.view.edit
    keyboard_find(qtbot, window, "Olaf Scholz")
    qtbot.keyClick(edit, Qt.Key.Key_A)
    qtbot.keyClick(edit, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(edit, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    note = window.form.document_panel.fields.editors["note"]
    note.setFocus()
    qtbot.keyClicks(note, "typed, never left")  # saved when the window moves on
    size = edit.font().pointSize()
    qtbot.keyClick(edit, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert edit.font().pointSize() == size + 1
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    shown = window.doc.id
    window.close()
    window.session.close_project()

    again = create_window(settings, project_path)
    qtbot.addWidget(again)
    again.show()
    again.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is again)
    assert again.doc.id == shown  # resumes on the last document
    assert again.view.edit.font().pointSize() == size + 1
    qtbot.keyClick(again.view.edit, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [s.text for s in again.view.spans] == ["Olaf Scholz"]
    assert len(again.view.edit.extraSelections()) == 1
    assert again.form.span_panel.model.rowCount() == 1
    again.form.focus_claims()
    assert again.form.claim_panel.model.rowCount() == 1
    again.form.focus_document_fields()
    assert again.form.document_panel.fields.editors["note"].text() == "typed, never left"
    with Project.open(project_path) as project:
        assert project.check() == []
    again.session.close_project()


def test_blind_annotation_hides_other_annotators(qtbot: Any, window: Any) -> None:
    project = window.session.project
    doc_id = window.doc.id
    project.add_span(doc_id, "bob", "ACTOR", 4, 13)
    window.show_document(doc_id)
    assert window.view.spans == []
    assert window.form.span_panel.model.rowCount() == 0
    cursor = window.view.edit.textCursor()
    cursor.setPosition(7)
    cursor.setPosition(16, QTextCursor.MoveMode.KeepAnchor)
    window.view.edit.setTextCursor(cursor)
    window.view.buttons["ACTOR"].click()
    assert [s.annotator for s in window.view.spans] == [ANNOTATOR]
