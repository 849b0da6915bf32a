"""The Span tab: the annotator's spans in this article and the attributes of the selected one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import Codebook
from annotator.core.models import Span
from annotator.gui.models.item_models import SpanListModel
from annotator.gui.models.roles import ROLE_ID
from annotator.gui.session import Session
from annotator.gui.text.plain import escape
from annotator.gui.workspace.actor_picker import ActorListModel
from annotator.gui.workspace.form_fields import FieldSet, focus_first
from annotator.gui.workspace.widgets import compact_list


class SpanPanel(QWidget):
    """Lists the spans and edits the selected span's attributes through the session."""

    sig_span_selected = Signal(object)
    """The annotator picked a span in the list (its id), or None."""

    def __init__(self, session: Session, book: Codebook, actors: ActorListModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._book = book
        self._span: Span | None = None
        labels = {layer.name: (layer.label, layer.color) for layer in book.layers}
        self.model = SpanListModel(labels, actors.display_name)
        self.list = compact_list(QListView(), "My spans in this article")
        self.list.setModel(self.model)
        self.list.setMinimumHeight(120)
        self.header = QLabel("Select a span in the text or in the list above.")
        self.header.setObjectName("spanHeader")
        self.header.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.stack.addWidget(QWidget())
        self.pages: dict[str, FieldSet] = {}
        for layer in book.layers:
            page = FieldSet(layer.attributes, book, actors)
            self.pages[layer.name] = page
            self.stack.addWidget(page)
        self.remove_button = QPushButton("Remove span")
        self.remove_button.setAccessibleName("Remove the selected span")
        self.remove_button.setToolTip("Remove the selected span (Delete in the text)")
        self.remove_button.setEnabled(False)
        self.confirm_button = QPushButton("Confirm")
        self.confirm_button.setAccessibleName("Confirm the proposed values")
        self.confirm_button.setToolTip("Keep the values the tool proposed (Ctrl+K); editing a "
                                       "value also makes it yours")
        self.confirm_button.hide()
        heading = QHBoxLayout()
        heading.addWidget(self.header, 1)
        heading.addWidget(self.confirm_button)
        heading.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(heading)
        layout.addWidget(self.stack)
        self._connect()

    def _connect(self) -> None:
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._on_remove_button_clicked)
        for page in self.pages.values():
            page.sig_committed.connect(self._on_page_committed)
            page.sig_create_actor.connect(self._on_page_create_actor)

    # -------------------------------------------------------------- show

    def set_spans(self, spans: list[Span]) -> None:
        keep = None if self._span is None else self._span.id
        self.model.set_rows(spans)
        self.select(keep)

    def select(self, span_id: int | None) -> None:
        """Show the attributes of this span (None: nothing selected)."""
        self.flush()
        row = self.model.row_of(span_id)
        self._span = self.model.record(row) if row is not None else None
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        if row is None:
            selection.clearSelection()
            selection.setCurrentIndex(self.model.index(-1), QItemSelectionModel.SelectionFlag.Clear)
        else:
            selection.setCurrentIndex(self.model.index(row),
                                      QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.scrollTo(self.model.index(row))
        selection.blockSignals(False)
        self._show_span()

    def _show_span(self) -> None:
        span = self._span
        self.remove_button.setEnabled(span is not None)
        self.confirm_button.setVisible(span is not None and bool(span.proposed))
        if span is None:
            self.header.setText("Select a span in the text or in the list above.")
            self._show_page(None)
            return
        layer = next((x for x in self._book.layers if x.name == span.layer), None)
        label = layer.label if layer else span.layer
        proposed = ""
        if span.proposed:
            names = ", ".join("actor" if n == "actor_id" else n for n in span.proposed)
            proposed = (f"<br><span style='color:#9a5b00'>Proposed by the tool: "
                        f"{escape(names)} — Ctrl+K confirms, or edit below</span>")
        self.header.setText(f"<b>{escape(label)}</b> “{escape(span.text, limit=80)}” "
                            f"<span style='color:#666'>({span.start}–{span.end})</span>{proposed}")
        page = self.pages.get(span.layer)
        if page is None:
            self._show_page(None)
            return
        values: dict[str, Any] = dict(span.attributes)
        for name, attr in page.attributes.items():
            if attr.type == "actor":
                values[name] = span.actor_id
        page.set_values(values)
        self._show_page(page)

    def _show_page(self, page: FieldSet | None) -> None:
        """Show one layer's editors; the stack takes the height of that page only."""
        for other in self.pages.values():
            policy = QSizePolicy.Policy.Preferred if other is page else \
                QSizePolicy.Policy.Ignored
            other.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        if page is None:
            self.stack.setCurrentIndex(0)
        else:
            self.stack.setCurrentWidget(page)
        self.stack.adjustSize()

    @property
    def span(self) -> Span | None:
        return self._span

    def flush(self) -> None:
        if self._span is not None and self._span.layer in self.pages:
            self.pages[self._span.layer].flush()

    def focus_editor(self) -> None:
        if self._span is not None and self._span.layer in self.pages:
            focus_first(self.pages[self._span.layer])
        else:
            self.list.setFocus()

    # ---------------------------------------------------------- handlers

    def _on_list_current_changed(self, current: Any, _previous: Any) -> None:
        span_id = current.data(ROLE_ID) if current.isValid() else None
        if self._span is not None and span_id == self._span.id:
            return
        self.flush()
        row = self.model.row_of(span_id)
        self._span = self.model.record(row) if row is not None else None
        self._show_span()
        self.sig_span_selected.emit(span_id)

    def _on_page_committed(self, changes: dict[str, Any]) -> None:
        span = self._span
        page = self.pages.get(span.layer) if span else None
        if span is None or page is None:
            return
        update: dict[str, Any] = {}
        attributes = dict(span.attributes)
        for name, value in changes.items():
            attr = page.attributes.get(name)
            if attr is not None and attr.type == "actor":
                update["actor_id"] = value
            elif value in (None, ""):
                attributes.pop(name, None)
            else:
                attributes[name] = value
        if attributes != span.attributes:
            update["attributes"] = attributes
        if update:
            self._session.update_span(span, **update)

    def _on_page_create_actor(self, _field: str, name: str) -> None:
        span = self._span
        if span is None:
            return
        self._session.begin_macro(f"new actor {name}")
        try:
            actor_id = self._session.add_actor(name)
            if actor_id is not None:
                self._session.update_span(span, actor_id=actor_id)
        finally:
            self._session.end_macro()

    def confirm_proposed(self) -> None:
        """Edit › Confirm proposed values (Ctrl+K): the selected span's proposals become values."""
        self._on_confirm_button_clicked()

    def _on_confirm_button_clicked(self) -> None:
        span = self._span
        if span is not None and span.proposed:
            kept = {k: v for k, v in span.provenance.items() if k != "proposed"}
            self._session.update_span(span, provenance=kept)

    def _on_remove_button_clicked(self) -> None:
        if self._span is not None:
            self._session.remove_span(self._span)


