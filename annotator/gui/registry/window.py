"""The actor registry window: browse, add, edit, merge, delete, import and export actors.

A standalone widget over the :class:`~annotator.core.project.Project` façade
(no SQL here): :class:`ActorTableModel` adapts the actor list,
:class:`ActorFilterProxy` filters it case- and diacritics-insensitively, and
every edit goes through ``Project.add_actor``, ``update_actor``,
``merge_actors`` (mentions follow the kept actor) and ``delete_actor`` (refused
while mentions point to the actor, with the count). The main window embeds it
and listens to :attr:`ActorRegistryWindow.sig_registry_changed`.

    python -m annotator.gui.registry.window sample_project/sample.annotator
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.assist.actors import fold
from annotator.core.errors import OutputRefusedError, ValidationError
from annotator.core.exporters.actors_csv import export_actors_csv
from annotator.core.importers.ingest import parse_aliases
from annotator.core.models import Actor, ActorId, Changes
from annotator.core.project import Project

Index = QModelIndex | QPersistentModelIndex
ROLE_ID = Qt.ItemDataRole.UserRole + 1
"""The actor id of a row (same role number as the other item models)."""
ROLE_RECORD = Qt.ItemDataRole.UserRole + 2
"""The :class:`Actor` of a row."""
ROLE_SEARCH = Qt.ItemDataRole.UserRole + 3
"""Every name and field of a row, folded, for the filter."""

ALIAS_LANGUAGES = ("sv", "nb", "en", "de")
"""Languages with their own alias column; others show in "Other aliases" with a prefix."""
ACTOR_TYPES = ("person", "state_executive", "legislature", "international_organisation",
               "party", "ngo", "media")
_DISPLAY = Qt.ItemDataRole.DisplayRole


class ActorTableModel(QAbstractTableModel):
    """One row per registry actor."""

    COLUMNS: tuple[tuple[str, str], ...] = (
        ("canonical_name", "Name"),
        *((f"aliases:{lang}", f"Aliases ({lang})") for lang in ALIAS_LANGUAGES),
        ("aliases:other", "Other aliases"),
        ("qid", "QID"), ("country", "Country"), ("sector", "Sector"),
        ("actor_type", "Type"), ("title", "Title"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._actors: list[Actor] = []
        self._search: list[str] = []

    def set_actors(self, actors: list[Actor]) -> None:
        self.beginResetModel()
        self._actors = list(actors)
        self._search = [_search_text(a) for a in self._actors]
        self.endResetModel()

    def actor_at(self, row: int) -> Actor:
        return self._actors[row]

    def row_of(self, actor_id: int) -> int:
        return next((i for i, a in enumerate(self._actors) if a.id == actor_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._actors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._actors):
            return None
        actor = self._actors[index.row()]
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return _cell(actor, self.COLUMNS[index.column()][0])
        if role == ROLE_ID:
            return int(actor.id)
        if role == ROLE_RECORD:
            return actor
        if role == ROLE_SEARCH:
            return self._search[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and \
                0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section][1]
        return None


def _cell(actor: Actor, column: str) -> str:
    if column.startswith("aliases:"):
        lang = column.partition(":")[2]
        if lang == "other":
            return "; ".join(a.alias if a.lang in ("*", "") else f"{a.lang}: {a.alias}"
                             for a in actor.aliases if a.lang not in ALIAS_LANGUAGES)
        return "; ".join(a.alias for a in actor.aliases if a.lang == lang)
    return str(getattr(actor, column))


def _search_text(actor: Actor) -> str:
    parts = [actor.key, actor.qid, actor.country, actor.sector, actor.actor_type, actor.title,
             *actor.names()]
    return fold(" \n ".join(parts))


class ActorFilterProxy(QSortFilterProxyModel):
    """Rows whose names or fields contain every typed word (ignoring case and diacritics)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = str(model.data(model.index(source_row, 0, source_parent), ROLE_SEARCH))
        return all(word in haystack for word in self._words)


# ------------------------------------------------------------------ dialogs

class ActorEditDialog(QDialog):
    """Add or edit one actor. Aliases: one per line as ``lang:alias`` (``*`` for any)."""

    sig_submitted = Signal(dict)
    """OK was pressed with these field values; the owner answers with :meth:`show_error`
    or closes the dialog."""

    def __init__(self, actor: Actor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit actor" if actor else "Add actor")
        self.actor = actor
        self.name = self._line("Canonical name", actor.canonical_name if actor else "")
        self.key = self._line("Key", actor.key if actor else "")
        self.key.setReadOnly(actor is not None)
        self.key.setPlaceholderText("derived from the name")
        self.aliases = QPlainTextEdit(
            "\n".join(f"{a.lang}:{a.alias}" for a in actor.aliases) if actor else "")
        self.aliases.setAccessibleName("Aliases, one per line as language:alias")
        self.aliases.setPlaceholderText("sv:Zelenskyj\nde:Selenskyj\n*:Zelenskyy")
        self.aliases.setTabChangesFocus(True)
        self.qid = self._line("Wikidata QID", actor.qid if actor else "")
        self.country = self._line("Country (ISO 3166-1 alpha-3 or organisation code)",
                                  actor.country if actor else "")
        self.sector = self._line("Sector", actor.sector if actor else "")
        self.actor_type = QComboBox()
        self.actor_type.setEditable(True)
        self.actor_type.addItems(["", *ACTOR_TYPES])
        self.actor_type.setCurrentText(actor.actor_type if actor else "")
        self.actor_type.setAccessibleName("Type")
        self.title = self._line("Title", actor.title if actor else "")
        self.error = QLabel()
        self.error.setAccessibleName("Error")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self._layout()
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _line(self, accessible: str, value: str) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setAccessibleName(accessible)
        return edit

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Key:", self.key)
        form.addRow("&Aliases:", self.aliases)
        form.addRow("&QID:", self.qid)
        form.addRow("&Country:", self.country)
        form.addRow("&Sector:", self.sector)
        form.addRow("T&ype:", self.actor_type)
        form.addRow("&Title:", self.title)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, Any]:
        lines = self.aliases.toPlainText().splitlines()
        return {"canonical_name": self.name.text().strip(), "key": self.key.text().strip(),
                "aliases": parse_aliases("|".join(lines)), "qid": self.qid.text().strip(),
                "country": self.country.text().strip().upper(),
                "sector": self.sector.text().strip().upper(),
                "actor_type": self.actor_type.currentText().strip(),
                "title": self.title.text().strip()}

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _on_buttons_accepted(self) -> None:
        self.sig_submitted.emit(self.values())


class MergeDialog(QDialog):
    """Choose which of two actors to keep; the other's names and mentions move to it."""

    def __init__(self, first: Actor, second: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge actors")
        self.pair = (first, second)
        self.keep_first = QRadioButton(f"Keep {first.canonical_name} ({first.key})")
        self.keep_first.setAccessibleName(f"Keep {first.canonical_name}")
        self.keep_second = QRadioButton(f"Keep {second.canonical_name} ({second.key})")
        self.keep_second.setAccessibleName(f"Keep {second.canonical_name}")
        self.keep_first.setChecked(True)
        note = QLabel("The other actor's names become aliases of the kept one, and every "
                      "mention and claim pointing to it moves to the kept one.")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        for widget in (self.keep_first, self.keep_second, note, self.buttons):
            layout.addWidget(widget)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def choice(self) -> tuple[ActorId, ActorId]:
        """(keep, drop)"""
        first, second = self.pair
        return (first.id, second.id) if self.keep_first.isChecked() else (second.id, first.id)


# ------------------------------------------------------------------- window

class ActorRegistryWindow(QWidget):
    """The registry table with its actions."""

    sig_registry_changed = Signal(object)
    """The registry changed (a :class:`Changes`, or None after an import)."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Actor registry")
        self.setAccessibleName("Actor registry")
        self.project = project
        self.model = ActorTableModel(self)
        self.proxy = ActorFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.dialog: QDialog | QMessageBox | None = None
        self._build()
        self._connect()
        self.reload()

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
        self.status = QLabel()
        self.status.setAccessibleName("Registry messages")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
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

    # ------------------------------------------------------------- state

    def reload(self, select: list[int] | None = None) -> None:
        """Re-read the registry, keeping (or setting) the selection."""
        keep = select if select is not None else [int(a.id) for a in self.selected_actors()]
        self.model.set_actors(self.project.actors())
        selection = self.view.selectionModel()
        for actor_id in keep:
            row = self.model.row_of(actor_id)
            if row >= 0:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                selection.select(index, selection.SelectionFlag.Select |
                                 selection.SelectionFlag.Rows)
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

    def _changed(self, changes: Changes | None, select: list[int] | None = None) -> None:
        self.reload(select)
        self.sig_registry_changed.emit(changes)

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
        try:
            changes = self._save(dialog.actor, values)
        except (ValidationError, KeyError) as exc:
            dialog.show_error(str(exc).strip('"'))
            return
        dialog.accept()
        name = values["canonical_name"]
        self._say(f"Saved {name}.")
        self._changed(changes, [int(changes.ids[0])])

    def _save(self, actor: Actor | None, values: dict[str, Any]) -> Changes:
        fields = {k: values[k] for k in ("qid", "country", "sector", "actor_type", "title")}
        if actor is None:
            return self.project.add_actor(values["canonical_name"], aliases=values["aliases"],
                                          key=values["key"], **fields)
        return self.project.update_actor(actor.id, canonical_name=values["canonical_name"],
                                         aliases=values["aliases"], **fields)

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
        try:
            changes = self.project.merge_actors(keep, drop)
        except (ValidationError, KeyError) as exc:
            self._say(str(exc).strip('"'), error=True)
            return
        self._say(f"Merged {changes.before.canonical_name} into "
                  f"{changes.after.canonical_name}.")
        self._changed(changes, [int(keep)])

    def delete_actor(self) -> None:
        selected = self.selected_actors()
        if len(selected) != 1:
            return
        actor = selected[0]
        box = QMessageBox(QMessageBox.Icon.Question, "Delete actor",
                          f"Delete {actor.canonical_name} from the registry?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(
            lambda: self._delete_confirmed(actor))
        self.dialog = box
        box.open()

    def _delete_confirmed(self, actor: Actor) -> None:
        try:
            changes = self.project.delete_actor(actor.id)
        except ValidationError as exc:
            self._say(f"Not deleted: {exc}", error=True)
            return
        self._say(f"Deleted {actor.canonical_name}.")
        self._changed(changes, [])

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
        self._changed(None)

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

    def _on_filter_text_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_buttons()

    def _on_view_selection_changed(self, *_args: Any) -> None:
        self._update_buttons()

    def _on_view_double_clicked(self, _index: QModelIndex) -> None:
        self.edit_actor()


def main(argv: list[str] | None = None) -> int:
    """Open the registry window on its own (on the sample project by default)."""
    args = sys.argv[1:] if argv is None else argv
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if args:
        project = Project.open(args[0])
    else:
        from annotator.core.sample import build_sample_project

        project = Project.open(build_sample_project(Path("sample_project/sample.annotator")))
    window = ActorRegistryWindow(project)
    window.resize(1100, 600)
    window.show()
    code = app.exec()
    project.close()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
