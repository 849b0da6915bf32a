"""Picking a registry actor by typing any of its names or aliases, or creating one inline.

The completer searches every name of every actor (substring, any case), so
"Selensk", "Zelenskyj" and "Volodymyr" all find the same entry. Down on an
empty field lists the actors mentioned in the article first. Ctrl+Return (or
the New button) asks for a new actor named as typed.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QToolButton,
    QWidget,
)

from annotator.core.models import Actor, Span
from annotator.core.project import Project
from annotator.gui.models.record_table import Column, RecordListModel
from annotator.gui.models.roles import DISPLAY, EDIT, ROLE_ID, TOOLTIP
from annotator.gui.text.plain import tip
from annotator.gui.workspace.widgets import message_line, row_over_message, tight_row


class _ActorName(NamedTuple):
    """One row of :class:`ActorListModel`: a name, its actor, whether the article mentions it."""

    name: str
    actor: Actor
    mentioned: bool


def _actor_display(row: _ActorName) -> str:
    actor = row.actor
    mark = "★ " if row.mentioned else ""
    canonical = "" if row.name == actor.canonical_name else f"  → {actor.canonical_name}"
    country = f"  ({actor.country})" if actor.country else ""
    return f"{mark}{row.name}{canonical}{country}"


def _actor_tooltip(row: _ActorName) -> str:
    actor = row.actor
    extra = ", ".join(x for x in (actor.title, actor.country, actor.qid) if x)
    return f"{actor.canonical_name}" + (f" — {extra}" if extra else "")


ACTOR_NAME_COLUMN = Column("name", cells={DISPLAY: _actor_display, EDIT: lambda row: row.name,
                                          TOOLTIP: _actor_tooltip})


class ActorListModel(RecordListModel):
    """Every name of every registry actor, for completion: one row per (name, actor).

    Actors passed to :meth:`set_first` (those mentioned in the article) come first,
    so an empty field's drop-down offers them before the whole registry.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(ACTOR_NAME_COLUMN, row_roles={ROLE_ID: lambda row: int(row.actor.id)},
                         parent=parent)
        self._actors: dict[int, Actor] = {}
        self._by_name: dict[str, dict[int, Actor]] = {}
        self._first: list[Actor] = []

    def set_actors(self, actors: list[Actor]) -> None:
        self._actors = {int(a.id): a for a in actors}
        names = sorted(((name, a) for a in actors for name in a.names()),
                       key=lambda item: item[0].casefold())
        self._by_name = {}
        for name, actor in names:
            self._by_name.setdefault(name.casefold(), {})[int(actor.id)] = actor
        self._first = [a for a in self._first if int(a.id) in self._actors]
        self.set_rows([*(_ActorName(a.canonical_name, a, True) for a in self._first),
                       *(_ActorName(name, a, False) for name, a in names)])

    def set_first(self, actor_ids: list[int]) -> None:
        """Replace the leading rows only: the views see just those rows change."""
        first = [self._actors[int(i)] for i in actor_ids if int(i) in self._actors]
        if [a.id for a in first] == [a.id for a in self._first]:
            return
        self.remove_rows(0, len(self._first))
        self._first = first
        self.insert_rows(0, [_ActorName(a.canonical_name, a, True) for a in first])

    def actor(self, actor_id: int | None) -> Actor | None:
        return None if actor_id is None else self._actors.get(int(actor_id))

    def display_name(self, actor_id: int) -> str:
        """The canonical name, or a placeholder for an id the registry no longer has."""
        actor = self.actor(actor_id)
        return actor.canonical_name if actor else f"actor {actor_id}"

    def find(self, text: str) -> list[Actor]:
        """Actors having ``text`` as a name or alias (case-insensitive)."""
        return list(self._by_name.get(text.strip().casefold(), {}).values())


class _ActorEdit(QLineEdit):
    """Down on an empty field opens the list; Ctrl+Return asks for a new actor."""

    sig_create_key = Signal()
    """Ctrl+Return: create an actor named as typed."""

    @staticmethod
    def _is_create_key(event: QKeyEvent) -> bool:
        return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
            bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)

    def event(self, event: QEvent) -> bool:
        # Ctrl+Return is also the window's "mark done": inside this field it creates an actor
        if event.type() == QEvent.Type.ShortcutOverride and \
                self._is_create_key(event):  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        completer = self.completer()
        key = event.key()
        if self._is_create_key(event):
            self.sig_create_key.emit()
            return
        if key == Qt.Key.Key_Down and completer is not None and \
                not completer.popup().isVisible():
            completer.setCompletionPrefix(self.text() if self.isModified() else "")
            completer.complete()
            return
        super().keyPressEvent(event)


class ActorPicker(QWidget):
    """A line edit with registry completion, a New button and a hint line."""

    sig_committed = Signal(object)
    """The user chose an actor (its id) or cleared the field (None)."""
    sig_create_requested = Signal(str)
    """The user asked for a new registry actor with this name."""

    def __init__(self, model: ActorListModel, accessible_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._actor_id: int | None = None
        self.field = _ActorEdit()
        self.field.setAccessibleName(accessible_name)
        self.field.setPlaceholderText("type a name or alias (↓ lists the article's actors)")
        self.completer = QCompleter(model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCompletionRole(Qt.ItemDataRole.EditRole)
        self.completer.setMaxVisibleItems(12)
        self.field.setCompleter(self.completer)
        self.new_button = QToolButton()
        self.new_button.setText("New…")
        self.new_button.setToolTip("Add the typed name to the actor registry (Ctrl+Return)")
        self.new_button.setAccessibleName(f"New actor for {accessible_name}")
        # Tab goes from field to field; the keyboard makes a new actor with Ctrl+Return
        self.new_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.hint = message_line("fieldHint")
        row = tight_row()
        row.addWidget(self.field, 1)
        row.addWidget(self.new_button)
        row_over_message(self, row, self.hint, self.field)
        self.completer.activated[QModelIndex].connect(self._on_completer_activated)
        self.field.editingFinished.connect(self._on_field_editing_finished)
        self.field.sig_create_key.connect(self._on_field_create_key)
        self.new_button.clicked.connect(self._on_new_button_clicked)

    @property
    def actor_id(self) -> int | None:
        return self._actor_id

    def set_value(self, actor_id: Any) -> None:
        self._actor_id = None if actor_id is None else int(actor_id)
        actor = self._model.actor(self._actor_id)
        self.field.setText(actor.canonical_name if actor else "")
        self.field.setModified(False)
        self.field.setToolTip(tip(", ".join(actor.names())) if actor else "")
        self.hint.hide()

    def flush(self) -> None:
        if self.field.isModified():
            self._on_field_editing_finished()

    def _choose(self, actor_id: int | None) -> None:
        self.set_value(actor_id)
        self.sig_committed.emit(actor_id)

    def _on_completer_activated(self, index: QModelIndex) -> None:
        actor_id = index.data(ROLE_ID)
        if actor_id is not None and int(actor_id) != self._actor_id:
            self._choose(int(actor_id))
        # the line edit writes the chosen alias after this signal: show the canonical name
        QTimer.singleShot(0, self._show_chosen)

    def _show_chosen(self) -> None:
        self.set_value(self._actor_id)

    def _on_field_editing_finished(self) -> None:
        text = self.field.text().strip()
        current = self._model.actor(self._actor_id)
        if current is not None and text == current.canonical_name:
            self.field.setModified(False)
            return
        if not text:
            if self._actor_id is not None:
                self._choose(None)
            return
        found = self._model.find(text)
        if len(found) == 1:
            self._choose(int(found[0].id))
            return
        self.hint.setText(
            f"“{text}” names {len(found)} actors: pick one from the list" if found else
            f"No actor is called “{text}”: press New… (Ctrl+Return) to add it")
        self.hint.show()

    def _on_field_create_key(self) -> None:
        self._on_new_button_clicked()

    def _on_new_button_clicked(self) -> None:
        name = self.field.text().strip()
        if name:
            self.hint.hide()
            self.sig_create_requested.emit(name)
        else:
            self.hint.setText("Type the new actor's name first")
            self.hint.show()
            self.field.setFocus()


def candidates_hint(project: Project | None, span: Span) -> str:
    """For an ACTOR span left unlinked because its text names several registry actors: which."""
    if project is None or span.layer != "ACTOR" or span.actor_id is not None:
        return ""
    names = [a.canonical_name for a in project.actor_candidates(span.doc_id, span.start, span.end)]
    if len(names) < 2:
        return ""
    return (f"“{span.text}” names {len(names)} registry actors: {', '.join(names)}; "
            "choose one in the Registry actor field")
