"""Suggestions in the workspace, driven through real widgets: show, step, accept, reject, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from annotator.core import Project
from tests.gui.conftest import ANNOTATOR

TEXT = ("🇸🇪🙏 Putins talesman sa i går att kriget fortsätter. "
        "Kreml bekräftade beskedet i går kväll.\n\n"
        "Vladimir Putin själv var tyst.")
OTHER = "Regeringen sammanträdde i morse utan några besked."
PUBLISHED = "2024-03-15"
YESTERDAY = "2024-03-14"
EXPECTED = [("ACTOR", "Putins"), ("DATE", "i går"), ("DATE", "i går"),
            ("ACTOR", "Vladimir Putin")]
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@pytest.fixture()
def sv_project(tmp_path: Path) -> Path:
    articles = tmp_path / "sv"
    articles.mkdir()
    (articles / "a_putin.txt").write_text(TEXT, encoding="utf-8")
    (articles / "b_other.txt").write_text(OTHER, encoding="utf-8")
    path = tmp_path / "sv.annotator"
    with Project.create(path) as project:
        report = project.import_paths([articles])
        for doc_id in report.imported:
            project.set_document_fields(doc_id, "setup", language="sv", published=PUBLISHED)
        project.add_actor("Vladimir Putin", key="putin", country="RUS", aliases=["Putin"])
    return path


@pytest.fixture()
def win(qtbot: Any, qapp: Any, settings: Any, sv_project: Path) -> Iterator[Any]:
    from annotator.gui.app import STYLE, create_window

    qapp.setStyleSheet(STYLE)
    window = create_window(settings, sv_project)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    first = window.session.project.documents()[0].id
    if window.doc.id != first:
        window.show_document(first)
    yield window
    window.session.thread_pool.waitForDone(5000)
    window.session.close_project()


def shown(window: Any) -> list[tuple[str, str]]:
    return [(s.layer, s.text) for s in window.view.suggestions]


def turn_on(qtbot: Any, window: Any) -> None:
    """Ctrl+G, then wait for the worker's result: dashed suggestions in the article."""
    assert window.view.suggestions == []
    qtbot.keyClick(window.view.edit, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.menu_actions["suggest_toggle"].isChecked()
    qtbot.waitUntil(lambda: shown(window) == EXPECTED, timeout=5000)
    underlined = [x for x in window.view.edit.extraSelections()
                  if x.format.underlineStyle() == x.format.UnderlineStyle.DashUnderline]
    assert len(underlined) == len(EXPECTED)


def my_spans(window: Any, layer: str) -> list[Any]:
    spans = window.session.project.spans(window.doc.id, annotator=ANNOTATOR)
    return [s for s in spans if s.layer == layer]


def test_next_and_return_accept_an_actor_with_code_point_offsets(qtbot: Any, win: Any) -> None:
    edit = win.view.edit
    turn_on(qtbot, win)
    qtbot.keyClick(edit, Qt.Key.Key_F8)
    assert win.view.current_suggestion.text == "Putins"
    assert "ACTOR “Putins” → Vladimir Putin" in win.statusBar().currentMessage()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    (span,) = my_spans(win, "ACTOR")
    start = TEXT.index("Putins")
    assert start == 4  # two flag letters and an emoji: 7 UTF-16 units, 4 code points
    assert (span.start, span.end, span.text) == (start, start + 6, "Putins")
    putin = next(a for a in win.session.project.actors() if a.key == "putin")
    assert span.actor_id == putin.id
    assert span.provenance.get("suggested_by") == "actors"
    # accepted: no longer suggested; the next one is current, Return goes on
    assert ("ACTOR", "Putins") not in shown(win)
    assert win.view.current_suggestion.text == "i går"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert [s.attributes["value"] for s in my_spans(win, "DATE")] == [YESTERDAY]
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert my_spans(win, "ACTOR") == [] and my_spans(win, "DATE") == []
    qtbot.waitUntil(lambda: shown(win) == EXPECTED, timeout=5000)


def test_click_selects_a_suggestion_and_a_second_click_accepts(qtbot: Any, win: Any) -> None:
    edit = win.view.edit
    turn_on(qtbot, win)
    found = edit.document().find("Vladimir Putin")
    cursor = edit.textCursor()
    cursor.setPosition(found.selectionStart() + 3)
    rect = edit.cursorRect(cursor)
    point = QPoint(rect.center().x() + 1, rect.center().y())
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert win.view.current_suggestion.text == "Vladimir Putin"
    assert my_spans(win, "ACTOR") == []
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=point)
    (span,) = my_spans(win, "ACTOR")
    assert span.text == "Vladimir Putin" and span.actor_id is not None


def test_rejection_is_remembered_and_undoable(qtbot: Any, win: Any) -> None:
    edit = win.view.edit
    turn_on(qtbot, win)
    doc_id = win.doc.id
    qtbot.keyClick(edit, Qt.Key.Key_F8)
    qtbot.keyClick(edit, Qt.Key.Key_F8)
    assert win.view.current_suggestion.layer == "DATE"
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # Delete on a suggestion rejects it
    assert shown(win) == [EXPECTED[0], EXPECTED[2], EXPECTED[3]]
    assert my_spans(win, "DATE") == []  # rejecting creates nothing
    # another document and back: recomputed, and the rejection still holds
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert win.doc.id != doc_id
    qtbot.waitUntil(lambda: shown(win) == [], timeout=5000)
    with qtbot.waitSignal(win.suggest.sig_ready, timeout=5000):
        qtbot.keyClick(edit, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert win.doc.id == doc_id
    assert shown(win) == [EXPECTED[0], EXPECTED[2], EXPECTED[3]]
    # the menu key rejects too; Ctrl+Z brings it back
    qtbot.keyClick(edit, Qt.Key.Key_F8)
    qtbot.keyClick(edit, Qt.Key.Key_Delete, Qt.KeyboardModifier.AltModifier)
    assert shown(win) == [EXPECTED[2], EXPECTED[3]]
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Putins back
    qtbot.waitUntil(lambda: shown(win) == [EXPECTED[0], EXPECTED[2], EXPECTED[3]],
                    timeout=5000)
    with Project.open(win.session.path, read_only=True) as other:  # stored, not in memory
        assert len(other.suggestions.find(doc_id, ANNOTATOR)) == 3
        assert len(other.suggestions.find(doc_id, "bob")) == 4  # rejections are per annotator


def test_accept_all_dates_is_one_undo_step(qtbot: Any, win: Any) -> None:
    edit = win.view.edit
    turn_on(qtbot, win)
    qtbot.keyClick(edit, Qt.Key.Key_D, CTRL_ALT)
    dates = my_spans(win, "DATE")
    assert [(s.text, s.start) for s in dates] == [("i går", TEXT.index("i går")),
                                                  ("i går", TEXT.rindex("i går"))]
    for span in dates:
        assert span.attributes["value"] == YESTERDAY
        assert span.attributes["precision"] == "day"
    assert shown(win) == [EXPECTED[0], EXPECTED[3]]
    assert win.session.undo_stack.undoText().startswith("accept 2 DATE")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert my_spans(win, "DATE") == []
    qtbot.waitUntil(lambda: shown(win) == EXPECTED, timeout=5000)


def test_off_and_blind(qtbot: Any, win: Any) -> None:
    """Off: nothing drawn; another annotator's spans do not hide this annotator's suggestions."""
    project = win.session.project
    doc_id = win.doc.id
    project.add_span(doc_id, "bob", "ACTOR", 4, 10)
    turn_on(qtbot, win)
    qtbot.keyClick(win.view.edit, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert win.view.suggestions == []
    assert not win.menu_actions["suggest_next"].isEnabled()
