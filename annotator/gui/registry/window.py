"""The actor registry window: browse, add, edit, merge, delete, import and export actors.

Every edit is an undoable command from :mod:`annotator.core.project.actor_commands`
run through the :class:`~annotator.gui.session.Session` on the window's own
undo stack (Ctrl+Z and Ctrl+Shift+Z here undo and redo the registry's edits,
not the main window's): add, update, merge (mentions follow the kept actor)
and delete (refused while mentions point to the actor, with the count). A
CSV import is announced with :meth:`Session.external_change`. The window reloads
whenever the registry changed, whoever changed it.

    python -m annotator.gui.registry.window sample_project/sample.annotator
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import OutputRefusedError
from annotator.core.exporters.actors_csv import export_actors_csv
from annotator.core.models import Actor, ChangeKind, Changes
from annotator.core.project import Project
from annotator.core.project.actor_commands import (
    AddActor,
    DeleteActor,
    MergeActors,
    UpdateActor,
)
from annotator.core.project.commands import Command
from annotator.gui.registry.edit_dialog import ActorEditDialog, MergeDialog
from annotator.gui.registry.model import ROLE_RECORD, ActorFilterProxy, ActorTableModel
from annotator.gui.session import Refused, Session
from annotator.gui.standalone import run
from annotator.gui.text.plain import plain

_FIELDS = ("qid", "country", "sector", "actor_type", "title")


class ActorRegistryWindow(QWidget):
    """The registry table with its actions."""

    sig_registry_changed = Signal(object)
    """The registry changed and the table shows it (the :class:`Changes`)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Actor registry")
        self.setAccessibleName("Actor registry")
        self.session = session
        self.undo_stack = session.add_stack("registry", self)
        self.model = ActorTableModel(self)
        self.proxy = ActorFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.dialog: QDialog | QMessageBox | None = None
        self._build()
        self._connect()
        self.reload()

    @property
    def project(self) -> Project:
        project = self.session.project
        assert project is not None, "the registry needs an open project"
        return project

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by name, alias, QID, country…")
        self.filter.setAccessibleName("Filter actors")
        self.filter.setClearButtonEnabled(True)
        self.view = QTableView()
        self.view.setAccessibleName("Actors")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.buttons = {
            "add": self._button("&Add…", "Add actor"),
            "edit": self._button("&Edit…", "Edit actor"),
            "merge": self._button("&Merge…", "Merge two actors"),
            "delete": self._button("&Delete", "Delete actor"),
            "import": self._button("&Import CSV…", "Import actors from CSV"),
            "export": self._button("E&xport CSV…", "Export actors to CSV"),
        }
        self.status = plain(QLabel())
        self.status.setAccessibleName("Registry messages")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        for action in self._undo_actions():
            tool = QToolButton()
            tool.setDefaultAction(action)
            tool.setAccessibleName(action.text())
            row.addWidget(tool)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def _button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        return button

    def _undo_actions(self) -> tuple[QAction, QAction]:
        """Undo and redo of this window's edits, with the usual keys inside this window."""
        self.undo_action = self.undo_stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "Redo")
        self.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo),
                                       QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        return self.undo_action, self.redo_action

    def _connect(self) -> None:
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.buttons["add"].clicked.connect(self.add_actor)
        self.buttons["edit"].clicked.connect(self.edit_actor)
        self.buttons["merge"].clicked.connect(self.merge_actors)
        self.buttons["delete"].clicked.connect(self.delete_actor)
        self.buttons["import"].clicked.connect(self.import_csv)
        self.buttons["export"].clicked.connect(self.export_csv)
        self.session.sig_changed.connect(self._on_session_changed)
        self.session.sig_refused.connect(self._on_session_refused)

    # ------------------------------------------------------------- state

    def reload(self, select: list[int] | None = None) -> None:
        """Re-read the registry, keeping (or setting) the selection."""
        if self.session.project is None:
            return
        keep = select if select is not None else [int(a.id) for a in self.selected_actors()]
        position = self.view.verticalScrollBar().value()  # another window's edit: stay put
        self.model.set_actors(self.project.actors())
        selection = self.view.selectionModel()
        for actor_id in keep:
            row = self.model.row_of(actor_id)
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                selection.select(index, selection.SelectionFlag.Select |
                                 selection.SelectionFlag.Rows)
        self.view.verticalScrollBar().setValue(position)
        self._update_buttons()

    def selected_actors(self) -> list[Actor]:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return [self.proxy.data(index, ROLE_RECORD) for index in rows]

    def _update_buttons(self) -> None:
        count = len(self.selected_actors())
        self.buttons["edit"].setEnabled(count == 1)
        self.buttons["delete"].setEnabled(count == 1)
        self.buttons["merge"].setEnabled(count == 2)

    def _say(self, message: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828" if error else "")
        self.status.setText(message)

    def _run(self, command: Command, refused: Refused) -> list[Changes[object]] | None:
        """Execute ``command`` on this window's stack (the session's signal reloads)."""
        return self.session.execute(command, self.undo_stack, refused=refused)

    # ------------------------------------------------------------ actions

    def add_actor(self) -> None:
        self._open_editor(None)

    def edit_actor(self) -> None:
        selected = self.selected_actors()
        if len(selected) == 1:
            self._open_editor(selected[0])

    def _open_editor(self, actor: Actor | None) -> None:
        dialog = ActorEditDialog(actor, self)
        dialog.sig_submitted.connect(self._on_editor_submitted)
        self.dialog = dialog
        dialog.open()

    def _on_editor_submitted(self, values: dict[str, Any]) -> None:
        dialog = self.dialog
        assert isinstance(dialog, ActorEditDialog)
        fields = {k: values[k] for k in _FIELDS}
        name, aliases = values["canonical_name"], values["aliases"]
        command: Command
        if dialog.actor is None:
            command = AddActor(name, aliases=aliases, key=values["key"], **fields)
        else:
            command = UpdateActor(dialog.actor.id, canonical_name=name, aliases=aliases, **fields)
        changes = self._run(command, lambda message: dialog.show_error(message.strip('"')))
        if changes is None:
            return
        dialog.accept()
        self._say(f"Saved {name}.")
        self.reload([int(changes[0].ids[0])])

    def merge_actors(self) -> None:
        selected = self.selected_actors()
        if len(selected) != 2:
            self._say("Select exactly two actors to merge.", error=True)
            return
        dialog = MergeDialog(selected[0], selected[1], self)
        dialog.accepted.connect(self._on_merge_accepted)
        self.dialog = dialog
        dialog.open()

    def _on_merge_accepted(self) -> None:
        dialog = self.dialog
        assert isinstance(dialog, MergeDialog)
        keep, drop = dialog.choice()
        command = MergeActors(keep, drop)
        if self._run(command, lambda message: self._say(message.strip('"'), error=True)) is None:
            return
        assert command.kept is not None and command.dropped is not None
        self._say(f"Merged {command.dropped.canonical_name} into "
                  f"{command.kept.canonical_name}.")
        self.reload([int(keep)])

    def delete_actor(self) -> None:
        selected = self.selected_actors()
        if len(selected) != 1:
            return
        actor = selected[0]
        box = QMessageBox(QMessageBox.Icon.Question, "Delete actor",
                          f"Delete {actor.canonical_name} from the registry?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setTextFormat(Qt.TextFormat.PlainText)  # it names the actor
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(
            lambda: self._delete_confirmed(actor))
        self.dialog = box
        box.open()

    def _delete_confirmed(self, actor: Actor) -> None:
        def refused(message: str) -> None:
            self._say(f"Not deleted: {message}", error=True)

        if self._run(DeleteActor(actor.id), refused) is not None:
            self._say(f"Deleted {actor.canonical_name}.")
            self.reload([])

    def import_csv(self, path: str | Path | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Import actors", "",
                                                  "CSV files (*.csv);;All files (*)")
        if not path:
            return
        report = self.project.import_actors_csv(path)
        if report.rejected:
            self._say("Not imported: " + "; ".join(str(r) for r in report.rejected[:5]),
                      error=True)
            return
        self._say(f"Imported {report.actors} new actor(s) from {Path(path).name}.")
        self.session.external_change(self.undo_stack.objectName(), ChangeKind.ACTORS)

    def export_csv(self, path: str | Path | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, "Export actors", "actors.csv",
                                                  "CSV files (*.csv)")
        if not path:
            return
        try:
            count = export_actors_csv(self.project, Path(path), force=True)
        except (OSError, OutputRefusedError) as exc:
            self._say(f"Not exported: {exc}", error=True)
            return
        self._say(f"Exported {count} actor(s) to {Path(path).name}.")

    # ------------------------------------------------------------ handlers

    def _on_session_changed(self, changes: Changes[object]) -> None:
        if changes.touches(ChangeKind.ACTORS):
            self.reload()
            self.sig_registry_changed.emit(changes)

    def _on_session_refused(self, initiator: str, message: str) -> None:
        if initiator == self.undo_stack.objectName():
            self._say(message, error=True)

    def _on_filter_text_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_buttons()

    def _on_view_selection_changed(self, *_args: Any) -> None:
        self._update_buttons()

    def _on_view_double_clicked(self, _index: QModelIndex) -> None:
        self.edit_actor()


def main(argv: list[str] | None = None) -> int:
    """Open the registry window on its own (on the sample project by default)."""
    return run(ActorRegistryWindow, (1100, 600), argv)


if __name__ == "__main__":
    sys.exit(main())
