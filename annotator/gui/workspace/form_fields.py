"""A form built from codebook attributes: one editor per attribute, by its type.

Span layers, the claim frame and the document fields are all lists of
:class:`~annotator.core.codebook.Attribute`; :class:`FieldSet` turns such a list
into labelled editors (actor picker, TIMEX3 date, vocabulary combo with
definitions, text, check box, checkable span list) and reports each finished
edit as ``{field: value}``. A date attribute ``<prefix>value`` also edits its
companions ``<prefix>precision`` and ``<prefix>mod``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QListView, QWidget

from annotator.core.codebook import Attribute, Codebook
from annotator.core.models import Span
from annotator.gui.models.item_models import SpanListModel
from annotator.gui.text.plain import plain, tip
from annotator.gui.workspace.actor_picker import ActorListModel, ActorPicker
from annotator.gui.workspace.widgets import CommitLineEdit, DateField, VocabCombo, compact_list


def date_companions(name: str) -> tuple[str, str]:
    """The precision and mod fields that go with date field ``name``."""
    prefix = name[: -len("value")] if name.endswith("value") else f"{name}_"
    return f"{prefix}precision", f"{prefix}mod"


class _CheckField(QCheckBox):
    sig_committed = Signal(bool)
    """The user (un)ticked the box."""

    def __init__(self, label: str) -> None:
        super().__init__(label)
        self.setAccessibleName(label)
        self.clicked.connect(self.sig_committed.emit)

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))


class _SpanChoice(QListView):
    """Checkable spans of one layer (e.g. a claim's demand spans)."""

    sig_committed = Signal(list)
    """The checked span ids."""

    def __init__(self, label: str, layer: str, model: SpanListModel) -> None:
        super().__init__()
        self.layer = layer
        self.span_model = model
        self.setModel(model)
        compact_list(self, label)
        self.setMaximumHeight(90)
        self.setToolTip(tip(f"Tick the {layer} spans of this article that belong here "
                            "(Space toggles)"))
        model.sig_checked_changed.connect(self.sig_committed.emit)

    def set_value(self, value: Any) -> None:
        self.span_model.set_checked(tuple(value or ()))


class FieldSet(QWidget):
    """Editors for a list of codebook attributes, laid out as a form."""

    sig_committed = Signal(dict)
    """A finished edit: {field name: new value} (a date also sets precision and mod)."""
    sig_create_actor = Signal(str, str)
    """The annotator wants a new registry actor: (field name, typed name)."""

    def __init__(self, attributes: tuple[Attribute, ...], book: Codebook,
                 actors: ActorListModel, span_model: SpanListModel | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._book = book
        self._actors = actors
        self._span_model = span_model
        self.editors: dict[str, QWidget] = {}
        self.attributes = {a.name: a for a in attributes}
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        covered: set[str] = set()
        for attr in attributes:
            if attr.type == "date":
                covered.update(date_companions(attr.name))
        for attr in attributes:
            if attr.name in covered:
                continue
            editor = self._editor(attr, {a.name for a in attributes})
            label = plain(QLabel(attr.label + ("*" if attr.required else "")))
            label.setBuddy(editor)
            self.form.addRow(label, editor)
            self.editors[attr.name] = editor

    def _editor(self, attr: Attribute, names: set[str]) -> QWidget:
        editor: QWidget
        if attr.type == "actor":
            editor = ActorPicker(self._actors, attr.label)
            editor.sig_create_requested.connect(
                lambda name, field=attr.name: self.sig_create_actor.emit(field, name))
            editor.sig_committed.connect(lambda v, f=attr.name: self.sig_committed.emit({f: v}))
        elif attr.type == "date":
            precision, mod = date_companions(attr.name)
            mods = self._book.vocabularies.get("date_mod")
            editor = DateField(mods, attr.label)
            editor.sig_committed.connect(
                lambda d, f=attr.name, p=precision, m=mod: self.sig_committed.emit(
                    {f: d["value"], p: d["precision"], m: d["mod"]}))
        elif attr.type in ("choice", "ordinal") and attr.vocabulary:
            editor = VocabCombo(self._book.vocabulary(attr.vocabulary), attr.label,
                                allow_none=not attr.required or attr.default is None)
            editor.sig_committed.connect(lambda v, f=attr.name: self.sig_committed.emit({f: v}))
        elif attr.type == "boolean":
            editor = _CheckField(attr.label)
            editor.sig_committed.connect(lambda v, f=attr.name: self.sig_committed.emit({f: v}))
        elif attr.type == "spans" and self._span_model is not None:
            editor = _SpanChoice(attr.label, attr.layer, self._span_model)
            editor.sig_committed.connect(lambda v, f=attr.name: self.sig_committed.emit({f: v}))
        else:
            editor = CommitLineEdit(attr.label)
            editor.sig_committed.connect(lambda v, f=attr.name: self.sig_committed.emit({f: v}))
        if attr.requires_claim:
            editor.setToolTip(tip(f"{attr.label}: only for documents that start with a claim line"))
        return editor

    def set_values(self, values: dict[str, Any]) -> None:
        """Show stored values (no signals)."""
        for name, editor in self.editors.items():
            attr = self.attributes[name]
            value = values.get(name)
            if isinstance(editor, DateField):
                precision, mod = date_companions(name)
                editor.set_value(str(value or ""), str(values.get(precision) or ""),
                                 str(values.get(mod) or ""))
            elif isinstance(editor, VocabCombo):
                if value is None and attr.default is not None and name not in values:
                    value = attr.default
                editor.set_value("" if value is None else str(value))
            else:
                editor.set_value(value)  # type: ignore[attr-defined]

    def set_span_choices(self, spans: list[Span]) -> None:
        """The spans a 'spans' field offers (those of its layer)."""
        if self._span_model is None:
            return
        layers = {getattr(e, "layer", "") for e in self.editors.values()
                  if isinstance(e, _SpanChoice)}
        self._span_model.set_rows([s for s in spans if s.layer in layers])

    def set_claim_available(self, available: bool) -> None:
        """Enable the fields that only make sense when the document carries a claim."""
        for name, editor in self.editors.items():
            if self.attributes[name].requires_claim:
                editor.setEnabled(available)
                label = self.form.labelForField(editor)
                if label is not None:
                    label.setEnabled(available)

    def flush(self) -> None:
        """Commit pending typed text (before switching documents or closing)."""
        for editor in self.editors.values():
            flush = getattr(editor, "flush", None)
            if flush is not None:
                flush()

    def first_editor(self) -> QWidget | None:
        return next(iter(self.editors.values()), None)


def focus_first(fields: FieldSet) -> None:
    editor = fields.first_editor()
    if editor is not None:
        editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
