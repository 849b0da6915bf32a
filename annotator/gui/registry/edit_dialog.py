"""The actor registry's dialogs: add or edit one actor, and choose which of two to keep in a merge.

The dialogs only collect values; the registry window turns them into
undoable commands and answers a refused edit with :meth:`ActorEditDialog.show_error`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.importers.ingest import parse_aliases
from annotator.core.models import Actor, ActorId
from annotator.gui.text.plain import plain

ACTOR_TYPES = ("person", "state_executive", "legislature", "international_organisation",
               "party", "ngo", "media")


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
        self.error = plain(QLabel())
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
