"""Defaults while annotating, driven through the window: proposed date values, linked actors,
duplicates refused, Delete in the span list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.models import DocId


def _doc_with(win, needle: str) -> DocId:  # type: ignore[no-untyped-def]
    project = win.session.project
    return next(s.id for s in project.documents() if needle in project.document(s.id).text)


def _mark(win, qtbot, needle: str, key: Qt.Key):  # type: ignore[no-untyped-def]
    win.show_document(_doc_with(win, needle))
    start = win.doc.text.index(needle)
    win.view.select_text(start, start + len(needle))
    qtbot.keyClick(win.view.edit, key)
    return [s for s in win.session.my_spans(win.doc.id) if s.start == start]


def test_a_date_marked_by_hand_gets_a_proposed_value_confirmed_with_ctrl_k(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    (span,) = _mark(win, qtbot, "November 2024", Qt.Key.Key_D)
    assert span.attributes["value"] == "2024-11" and span.attributes["precision"] == "month"
    assert "value" in span.proposed
    panel = win.form.span_panel
    assert panel.confirm_button.isVisible()
    assert "Proposed by the tool" in panel.header.text()
    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    stored = win.session.project.span(span.id)
    assert stored.proposed == () and stored.attributes["value"] == "2024-11"
    assert not panel.confirm_button.isVisible()


def test_an_actor_named_in_the_registry_is_linked_and_duplicates_are_refused(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    (span,) = _mark(win, qtbot, "Olaf Scholz", Qt.Key.Key_A)
    project = win.session.project
    assert span.actor_id == project.actor_by_key("scholz").id
    assert span.proposed == ("actor_id",)
    start = win.doc.text.index("Olaf Scholz")
    win.view.select_text(start, start + len("Olaf Scholz"))
    qtbot.keyClick(win.view.edit, Qt.Key.Key_A)
    assert len([s for s in win.session.my_spans(win.doc.id) if s.start == start]) == 1
    assert "already has this ACTOR span" in win.statusBar().currentMessage()


def test_delete_in_the_span_list_removes_the_span(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    (span,) = _mark(win, qtbot, "air defence systems", Qt.Key.Key_M)
    panel = win.form.span_panel
    panel.select(span.id)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert span.id not in {s.id for s in win.session.my_spans(win.doc.id)}


def test_an_actor_named_by_two_registry_entries_lists_them(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    win.session.project.add_actor("Olaf Lindqvist", key="lindqvist", aliases=["Olaf"])
    win.session.project.add_actor("Olaf Scholz Jr.", key="scholz_jr", aliases=["Olaf"])
    win.session.project.add_actor("Olaf Berg", key="berg", aliases=["Olaf"])
    (span,) = _mark(win, qtbot, "Olaf", Qt.Key.Key_A)
    assert span.actor_id is None
    message = win.statusBar().currentMessage()
    assert "names 3 registry actors" in message and "Olaf Berg" in message


def test_tab_goes_from_claimant_to_addressee(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    win.show_document(_doc_with(win, "Zelenskyy"))
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    editors = win.form.claim_panel.fields.editors
    claimant, addressee = editors["claimant_id"].field, editors["addressee_id"].field
    claimant.setFocus()
    qtbot.waitUntil(claimant.hasFocus)
    qtbot.keyClick(claimant, Qt.Key.Key_Tab)
    assert addressee.hasFocus()
