"""The small editor behind E: start from one annotator's version, change it, accept it into gold.

For a span it edits the layer, the offsets (with the covered text shown live),
the linked actor and the layer's attributes; for a claim its actors and coded
fields; for a document field its value. It only collects the changes: the
review window turns them into one undoable decision. Offsets are code points.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import Codebook
from annotator.core.models import Actor
from annotator.core.review import Item, Version
from annotator.core.review.compare import ACTOR_FIELDS
from annotator.core.timex import parse_value
from annotator.gui.text.plain import escape, plain

CLAIM_CHOICES = ("event_type", "position", "factuality", "form", "source_reliability",
                 "info_credibility")
CLAIM_TEXTS = ("gloss", "date_value", "source", "note")
NONE = "—"


class GoldEditDialog(QDialog):
    """Edit one annotator's version of ``item`` before it goes into gold."""

    def __init__(self, item: Item, text: str, codebook: Codebook, actors: list[Actor],
                 parent: QWidget | None = None, *, start_from: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit the gold version")
        self.setAccessibleName("Edit the gold version")
        self.item = item
        self._text = text
        self._codebook = codebook
        self._actors = sorted(actors, key=lambda a: a.canonical_name.casefold())
        self.fields: dict[str, QWidget] = {}
        self.source = QComboBox()
        self.source.setAccessibleName("Start from the version of")
        for version in item.versions:
            if not version.empty:
                self.source.addItem(version.annotator, version.annotator)
        if start_from and self.source.findData(start_from) >= 0:
            self.source.setCurrentIndex(self.source.findData(start_from))
        self.form = QFormLayout()
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setAccessibleName("Text covered by the span")
        self.error = plain(QLabel())
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #c62828")
        self.error.setAccessibleName("Problem")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Accept into gold")
        ok.setAccessibleName("Accept the edited version into gold")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            "Cancel the edit")
        top = QFormLayout()
        top.addRow("Start from", self.source)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.source.currentIndexChanged.connect(self._on_source_changed)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._fill(self.version())
        self.resize(460, self.sizeHint().height())

    # ------------------------------------------------------------ reading

    def annotator(self) -> str:
        return str(self.source.currentData() or "")

    def version(self) -> Version:
        return self.item.version(self.annotator()) if self.annotator() else \
            Version("", value=None)

    def changes(self) -> dict[str, Any]:
        """The fields to write into the gold record (update_span/update_claim/set_value)."""
        if self.item.kind == "span":
            return self._span_changes()
        if self.item.kind == "claim":
            out: dict[str, Any] = {}
            for name in (*ACTOR_FIELDS, *CLAIM_CHOICES, *CLAIM_TEXTS):
                value = self._value(name)
                out[name] = (int(value) if value not in (None, "") else None) \
                    if name == "position" else value
            if out["date_value"]:
                parsed = parse_value(out["date_value"])
                out["date_value"], out["date_precision"] = parsed.value, str(parsed.precision)
            else:
                out["date_precision"] = ""
            return out
        return {"value": self._value("value")}

    def _span_changes(self) -> dict[str, Any]:
        span = self.version().spans[0]
        layer = self._value("layer")
        base = dict(span.attributes) if layer == span.layer else {}
        changes: dict[str, Any] = {"layer": layer, "start": self._value("start"),
                                   "end": self._value("end"), "actor_id": None}
        for attr in self._codebook.layer(layer).attributes:
            value = self._value(attr.name)
            if attr.type == "actor":
                changes["actor_id"] = value
            elif attr.type == "date":
                base.pop(attr.name, None)
                base.pop("precision", None)
                if value:
                    parsed = parse_value(value)  # checked in _problem; the precision follows
                    base[attr.name] = parsed.value
                    base["precision"] = str(parsed.precision)
            elif attr.name in self.fields:
                if value in (None, ""):
                    base.pop(attr.name, None)
                else:
                    base[attr.name] = value
        changes["attributes"] = base
        return changes

    def _value(self, name: str) -> Any:
        widget = self.fields.get(name)
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QLineEdit):
            return widget.text().strip()
        return None

    # ----------------------------------------------------------- building

    def _fill(self, version: Version) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        if self.item.kind == "span" and version.spans:
            span = version.spans[0]
            layers = [(layer.label, layer.name) for layer in self._codebook.layers]
            self._add(self._combo("layer", "Layer", layers, span.layer))
            self._add(self._spin("start", "Start", span.start, 0, len(self._text) - 1))
            self._add(self._spin("end", "End", span.end, 1, len(self._text)))
            self._span_attributes(span.layer, span.actor_id, span.attributes)
            self.fields["layer"].currentIndexChanged.connect(self._on_layer_changed)
            self.fields["start"].valueChanged.connect(self._on_offsets_changed)
            self.fields["end"].valueChanged.connect(self._on_offsets_changed)
            self._on_offsets_changed()
        elif self.item.kind == "claim" and version.claim is not None:
            claim = version.claim
            for name in ACTOR_FIELDS:
                self._add(self._actor_combo(name, name.removesuffix("_id").capitalize(),
                                            getattr(claim, name)))
            for name in CLAIM_CHOICES:
                codes = self._codebook.vocabulary(name).codes()
                current = getattr(claim, name)
                self._add(self._combo(name, name.replace("_", " ").capitalize(),
                                      _options(codes), "" if current is None else str(current)))
            for name in CLAIM_TEXTS:
                self._add(self._line(name, name.replace("_", " ").capitalize(),
                                     getattr(claim, name)))
        elif self.item.kind == "value":
            attr = self._codebook.document_field(self.item.layer)
            codes = self._codebook.vocabulary(attr.vocabulary).codes() if attr.vocabulary \
                else []
            self._add(self._combo("value", attr.label, _options(codes),
                                  "" if version.value is None else str(version.value)))
        self.preview.setVisible(self.item.kind == "span")

    def _span_attributes(self, layer_name: str, actor_id: Any, values: dict[str, Any]) -> None:
        attributes = self._codebook.layer(layer_name).attributes
        dated = any(a.type == "date" for a in attributes)
        for attr in attributes:
            if dated and attr.name == "precision":
                continue  # follows from the date value
            if attr.type == "actor":
                self._add(self._actor_combo(attr.name, attr.label, actor_id))
            elif attr.vocabulary:
                codes = self._codebook.vocabulary(attr.vocabulary).codes()
                self._add(self._combo(attr.name, attr.label, _options(codes),
                                      str(values.get(attr.name) or "")))
            else:
                self._add(self._line(attr.name, attr.label, values.get(attr.name) or ""))

    def _add(self, row: tuple[str, QWidget]) -> None:
        label, widget = row
        shown = plain(QLabel(label))  # a codebook label: never rich text
        shown.setBuddy(widget)
        self.form.addRow(shown, widget)

    def _combo(self, name: str, label: str, options: list[tuple[str, Any]], current: Any
               ) -> tuple[str, QWidget]:
        combo = QComboBox()
        combo.setAccessibleName(label)
        for text, data in options:
            combo.addItem(text, data)
        index = combo.findData(current)
        if index < 0 and current not in (None, ""):
            combo.addItem(str(current), current)  # a code from an older codebook stays
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))
        self.fields[name] = combo
        return label, combo

    def _actor_combo(self, name: str, label: str, current: Any) -> tuple[str, QWidget]:
        options = [(NONE, None)] + [(a.canonical_name, a.id) for a in self._actors]
        row = self._combo(name, label, options, current)
        combo = self.fields[name]
        assert isinstance(combo, QComboBox)
        combo.setEditable(True)  # type to find an actor among many
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return row

    def _spin(self, name: str, label: str, value: int, low: int, high: int
              ) -> tuple[str, QWidget]:
        spin = QSpinBox()
        spin.setAccessibleName(f"{label} offset")
        spin.setRange(low, max(low, high))
        spin.setValue(value)
        self.fields[name] = spin
        return label, spin

    def _line(self, name: str, label: str, value: Any) -> tuple[str, QWidget]:
        line = QLineEdit("" if value is None else str(value))
        line.setAccessibleName(label)
        self.fields[name] = line
        return label, line

    # ----------------------------------------------------------- handlers

    def _on_source_changed(self, _index: int) -> None:
        self._fill(self.version())

    def _on_layer_changed(self, _index: int) -> None:
        keep = {n: self._value(n) for n in ("layer", "start", "end")}
        span = self.version().spans[0]
        while self.form.rowCount() > 3:
            self.form.removeRow(3)
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        same = keep["layer"] == span.layer
        self._span_attributes(keep["layer"], span.actor_id if same else None,
                              span.attributes if same else {})

    def _on_offsets_changed(self, _value: int = 0) -> None:
        start, end = self._value("start"), self._value("end")
        shown = self._text[start:end] if start < end else ""
        self.preview.setText(f"Covers: “{escape(shown, one_line=True)}”" if shown else
                             "<i>the end must come after the start</i>")

    def _on_buttons_accepted(self) -> None:
        problem = self._problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()

    def _problem(self) -> str:
        if self.item.kind == "span" and self._value("start") >= self._value("end"):
            return "The span must end after it starts."
        for name in ("value", "date_value"):
            widget = self.fields.get(name)
            if isinstance(widget, QLineEdit) and widget.text().strip():
                try:
                    parse_value(widget.text())
                except ValueError as exc:
                    return f"{name.replace('_', ' ')}: {exc}"
        return ""


def _options(codes: list[str]) -> list[tuple[str, Any]]:
    return [(NONE, "")] + [(code, code) for code in codes]



