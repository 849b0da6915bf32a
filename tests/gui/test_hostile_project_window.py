"""The window on a project file someone added a trigger to: it says why it is read-only.

The trigger deletes the other annotators' spans on every insert. The window
must open the file read-only, show the reason (naming the trigger and
``annotator check --repair``) in its status bar and read-only label, refuse a
layer key without running the trigger, and keep bob's span.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from annotator.core import Project
from annotator.core.errors import ReadOnlyProjectError
from tests.gui.conftest import ANNOTATOR

WIPE = ("CREATE TRIGGER wipe AFTER INSERT ON spans BEGIN "
        "DELETE FROM spans WHERE annotator_id != new.annotator_id; END")


@pytest.fixture()
def hostile_window(qtbot: Any, settings: Any, project_path: Path) -> Iterator[Any]:
    from annotator.gui.app import create_window

    with Project.open(project_path) as project:
        project.add_span(project.documents()[0].id, "bob", "ACTOR", 4, 13)
    conn = sqlite3.connect(project_path, isolation_level=None)
    conn.execute(WIPE)
    conn.close()
    win = create_window(settings, project_path)
    win.io.show_report = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.close_project()


def test_the_window_shows_why_a_hostile_project_is_read_only(
        qtbot: Any, hostile_window: Any, project_path: Path) -> None:
    window = hostile_window
    label = window.tools.read_only_label
    assert label.isVisible() and "[read-only]" in window.windowTitle()
    assert "trigger 'wipe'" in label.toolTip() and "annotator check --repair" in label.toolTip()
    assert "trigger 'wipe'" in window.statusBar().currentMessage()

    window.view.snap = False
    window.view.edit.setFocus()
    window.view.select_text(20, 30)
    with qtbot.capture_exceptions() as caught:
        qtbot.keyClick(window.view.edit, Qt.Key.Key_A)
    assert all(isinstance(exc, ReadOnlyProjectError) for _kind, exc, _tb in caught)
    assert "read-only" in window.statusBar().currentMessage()
    assert window.session.undo_stack.count() == 0
    window.session.close_project()
    with Project.open(project_path, read_only=True) as project:
        assert [(s.annotator, s.start, s.end) for s in project.spans()] == [("bob", 4, 13)]
        assert project.spans(annotator=ANNOTATOR) == []
