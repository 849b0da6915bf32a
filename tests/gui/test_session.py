"""One write path: every window's edits go through the session, each window undoes its own.

The main window, the actor registry and the review window are driven through
their real widgets (keys and clicks); each keeps its own undo stack in the
session's QUndoGroup, so Ctrl+Z in one window never touches another's edits.
The session's own contract (initiators, refusals, external changes) is
checked directly.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from annotator.core.models import ChangeKind, Changes, Status
from annotator.core.project import commands
from annotator.core.project.actor_commands import AddActor, DeleteActor
from annotator.gui.review.review_window import ReviewWindow
from annotator.gui.session import MAIN, Session
from tests.gui.conftest import ANNOTATOR

CTRL = Qt.KeyboardModifier.ControlModifier


def _activate(qtbot: Any, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _mark_actor(qtbot: Any, window: Any, needle: str) -> None:
    """In the main window: Ctrl+F the needle, then A marks it as an ACTOR span."""
    edit = window.view.edit
    qtbot.keyClick(edit, Qt.Key.Key_F, CTRL)
    field = window.view.find_bar.field
    field.clear()
    qtbot.keyClicks(field, needle)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.keyClick(edit, Qt.Key.Key_A)


def _my_spans(window: Any) -> list[Any]:
    return window.session.project.spans(window.doc.id, annotator=ANNOTATOR)


def _edit_title(qtbot: Any, registry: Any, key: str, title: str) -> None:
    """In the registry: click the actor's row, Edit…, type a title, OK."""
    proxy = registry.proxy
    row = next(r for r in range(proxy.rowCount())
               if registry.model.actor_at(proxy.mapToSource(proxy.index(r, 0)).row()).key
               == key)
    rect = registry.view.visualRect(proxy.index(row, 0))
    qtbot.mouseClick(registry.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(registry.buttons["edit"], Qt.MouseButton.LeftButton)
    dialog = registry.dialog
    qtbot.keyClicks(dialog.title, title)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def test_undo_in_the_registry_leaves_the_main_windows_edit(qtbot: Any, window: Any) -> None:
    project = window.session.project
    _mark_actor(qtbot, window, "Olaf Scholz")
    (span,) = _my_spans(window)
    window.menu_actions["actor_registry"].trigger()
    registry = window.tools.registry
    _edit_title(qtbot, registry, "kremlin", "Presidential administration")
    assert project.actor_by_key("kremlin").title == "Presidential administration"
    assert (window.session.undo_stack.count(), registry.undo_stack.count()) == (1, 1)
    assert registry.undo_stack in window.session.undo_group.stacks()

    _activate(qtbot, registry)
    assert window.session.undo_group.activeStack() is registry.undo_stack
    qtbot.keyClick(registry.view, Qt.Key.Key_Z, CTRL)
    assert project.actor_by_key("kremlin").title == ""
    assert [s.uid for s in _my_spans(window)] == [span.uid]  # the main window's edit stays

    _activate(qtbot, window)
    assert window.session.undo_group.activeStack() is window.session.undo_stack
    qtbot.keyClick(window.view.edit, Qt.Key.Key_Z, CTRL)
    assert _my_spans(window) == []
    assert project.actor_by_key("kremlin").title == ""  # not redone by the main window
    assert registry.undo_stack.canRedo() and window.session.undo_stack.canRedo()


def test_undo_in_the_review_window_leaves_the_main_windows_edit(qtbot: Any,
                                                                window: Any) -> None:
    project = window.session.project
    doc = window.doc.id
    text = project.text(doc)
    start = text.index("Olaf Scholz")
    project.add_span(doc, "bob", "ACTOR", start, start + len("Olaf Scholz"))
    project.add_span(doc, "carol", "ACTOR", start, start + len("Olaf"))  # a boundary
    _mark_actor(qtbot, window, "Zelenskyy")
    (mine,) = _my_spans(window)
    window.menu_actions["adjudicate"].trigger()
    (review,) = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, ReviewWindow) and w.isVisible()]
    qtbot.waitUntil(lambda: not review.loading and review.model.rowCount() > 0, timeout=20000)
    item = review.current_item()
    assert item is not None
    _activate(qtbot, review)
    qtbot.keyClick(review.queue, Qt.Key.Key_R)
    decided = [d["item_key"] for d in project.decisions(doc)]
    assert decided == [item.key]

    _activate(qtbot, window)
    qtbot.keyClick(window.view.edit, Qt.Key.Key_Z, CTRL)
    assert _my_spans(window) == []
    assert [d["item_key"] for d in project.decisions(doc)] == decided  # still decided

    _activate(qtbot, review)
    qtbot.keyClick(review.queue, Qt.Key.Key_Z, CTRL)
    assert project.decisions(doc) == []
    assert review.current_item() == item  # the window shows what it undid
    qtbot.keyClick(review.queue, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert [d["item_key"] for d in project.decisions(doc)] == decided
    assert mine.uid not in {s.uid for s in _my_spans(window)}  # the main undo stays undone
    review.close()


# ------------------------------------------------------------ the session itself


@pytest.fixture()
def session(qapp: Any, project_path: Any) -> Any:
    opened = Session(ANNOTATOR)
    opened.open_project(project_path)
    yield opened
    opened.close_project()


def _record(session: Session) -> list[Changes[object]]:
    seen: list[Changes[object]] = []
    session.sig_changed.connect(seen.append)
    return seen


def test_changes_name_the_stack_that_asked_and_revisit_only_the_main_window(
        qtbot: Any, session: Session) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    other = session.add_stack("registry", owner)
    assert other.objectName() == "registry"
    assert session.add_stack("registry", owner).objectName() == "registry-2"
    seen = _record(session)
    revisits: list[int] = []
    session.sig_revisit.connect(revisits.append)
    doc = session.project.documents()[0].id
    assert session.set_status(doc, Status.DONE)
    session.execute(AddActor("Die Zeit"), other)
    assert [(c.kind, c.initiator) for c in seen] == [(ChangeKind.STATUS, MAIN),
                                                     (ChangeKind.ACTORS, "registry")]
    other.undo()
    session.undo_stack.undo()
    assert [c.initiator for c in seen[2:]] == ["registry", MAIN]
    assert revisits == [doc]  # the registry's undo does not move the main window


def test_refusals_go_to_the_caller_or_to_the_stack_that_asked(qtbot: Any,
                                                             session: Session) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    stack = session.add_stack("registry", owner)
    errors: list[str] = []
    refused: list[tuple[str, str]] = []
    session.sig_error.connect(errors.append)
    session.sig_refused.connect(lambda who, why: refused.append((who, why)))
    told: list[str] = []
    used = session.project.actor_by_key("scholz")
    doc = session.project.documents()[0].id
    session.project.add_span(doc, ANNOTATOR, "ACTOR", 0, 5, actor_id=used.id)
    assert session.execute(DeleteActor(used.id), stack, refused=told.append) is None
    assert "used by 1" in told[0] and (errors, refused) == ([], [])
    assert session.execute(DeleteActor(used.id), stack) is None
    assert refused[0][0] == "registry" and errors == []  # not the main window's message
    assert session.execute(commands.SetValue(doc, ANNOTATOR, "nope", "x")) is None
    assert len(errors) == 1 and refused[-1][0] == MAIN
    assert stack.count() == 0 and session.undo_stack.count() == 0


def test_external_change_clears_every_history_and_reloads(qtbot: Any,
                                                         session: Session) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    stack = session.add_stack("review", owner)
    doc = session.project.documents()[0].id
    session.set_status(doc, Status.DONE)
    session.execute(AddActor("Die Zeit"), stack)
    seen = _record(session)
    session.external_change("import")
    assert (session.undo_stack.count(), stack.count()) == (0, 0)
    assert [(c.kind, c.initiator) for c in seen] == [(ChangeKind.ALL, "import")]
    session.external_change("registry", ChangeKind.ACTORS)
    assert seen[-1].kind is ChangeKind.ACTORS
