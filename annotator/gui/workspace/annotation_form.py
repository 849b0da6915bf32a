"""The form beside the article: tabs for the selected span, the claims and the document fields.

There is no Save button: every editor commits its change through the
session the moment the annotator finishes it (one transaction, one undo
step). The form is rebuilt from the codebook whenever a project is opened.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from annotator.core.codebook import Codebook
from annotator.core.models import Actor, Claim, Document, Span
from annotator.core.project.commands import mentioned_actor_ids
from annotator.gui.session import Session
from annotator.gui.workspace.actor_picker import ActorListModel
from annotator.gui.workspace.claim_panel import ClaimPanel
from annotator.gui.workspace.document_fields import DocumentFieldsPanel
from annotator.gui.workspace.span_panel import SpanPanel

TAB_SPAN, TAB_CLAIMS, TAB_DOCUMENT = 0, 1, 2


class AnnotationForm(QWidget):
    """Span attributes, demand frames and document fields of the shown document."""

    sig_span_selected = Signal(object)
    """The annotator picked a span in the form's list (its id), or None."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._doc: Document | None = None
        self._spans: list[Span] = []
        self._claims: list[Claim] = []
        self._values: dict[str, Any] = {}
        self._stale: set[int] = set()
        self.actors = ActorListModel(self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Annotation form")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.span_panel: SpanPanel | None = None
        self.claim_panel: ClaimPanel | None = None
        self.document_panel: DocumentFieldsPanel | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._placeholder()

    def _placeholder(self) -> None:
        self.tabs.clear()
        label = QLabel("Open a project (File › Open) to start annotating.")
        label.setWordWrap(True)
        self.tabs.addTab(label, "Form")

    def set_codebook(self, book: Codebook | None) -> None:
        """Build the editors the codebook describes (None: empty form)."""
        self.tabs.clear()
        self.span_panel = self.claim_panel = self.document_panel = None
        if book is None:
            self._placeholder()
            return
        self.span_panel = SpanPanel(self._session, book, self.actors)
        self.claim_panel = ClaimPanel(self._session, book, self.actors)
        self.document_panel = DocumentFieldsPanel(self._session, book, self.actors)
        self.tabs.addTab(self.span_panel, "&Span")
        self.tabs.addTab(self.claim_panel, "&Claims")
        self.tabs.addTab(self.document_panel, "D&ocument")
        self.span_panel.sig_span_selected.connect(self._on_span_panel_span_selected)
        self._stale = {TAB_SPAN, TAB_CLAIMS, TAB_DOCUMENT}

    def set_actors(self, actors: list[Actor]) -> None:
        self.actors.set_actors(actors)

    # Only the tab on screen is filled at once; the others when they are shown
    # (hidden editors cannot hold a pending edit), which keeps switching cheap.

    def set_document(self, doc: Document | None, spans: list[Span], claims: list[Claim],
                     values: dict[str, Any]) -> None:
        if self.span_panel is None:
            return
        self.flush()
        self._doc, self._spans, self._claims, self._values = doc, spans, claims, values
        self.actors.set_first(mentioned_actor_ids(spans))
        self.span_panel.select(None)
        self._mark(TAB_SPAN, TAB_CLAIMS, TAB_DOCUMENT)

    def set_spans(self, spans: list[Span]) -> None:
        self._spans = spans
        self.actors.set_first(mentioned_actor_ids(spans))
        self._mark(TAB_SPAN, TAB_CLAIMS)

    def set_claims(self, claims: list[Claim]) -> None:
        self._claims = claims
        self._mark(TAB_CLAIMS)

    def set_values(self, values: dict[str, Any]) -> None:
        self._values = values
        self._mark(TAB_DOCUMENT)

    def _mark(self, *tabs: int) -> None:
        self._stale.update(tabs)
        self._refresh(self.tabs.currentIndex())

    def _refresh(self, tab: int) -> None:
        if tab not in self._stale:
            return
        self._stale.discard(tab)
        if tab == TAB_SPAN and self.span_panel is not None:
            self.span_panel.set_spans(self._spans)
        elif tab == TAB_CLAIMS and self.claim_panel is not None:
            self.claim_panel.set_document(self._doc.id if self._doc else None, self._claims,
                                          self._spans)
        elif tab == TAB_DOCUMENT and self.document_panel is not None:
            self.document_panel.set_document(self._doc, self._values)

    def select_span(self, span_id: int | None) -> None:
        if self.span_panel is not None:
            if span_id is not None:
                self.tabs.setCurrentIndex(TAB_SPAN)  # brings the span list up to date
            self.span_panel.select(span_id)

    def flush(self) -> None:
        """Commit whatever the annotator typed and has not yet left."""
        for panel in (self.span_panel, self.claim_panel, self.document_panel):
            if panel is not None:
                panel.flush()

    # ------------------------------------------------------- keyboard access

    def confirm_proposed(self) -> None:
        if self.span_panel is not None:
            self.span_panel.confirm_proposed()

    def focus_span_editor(self) -> None:
        if self.span_panel is not None:
            self.tabs.setCurrentIndex(TAB_SPAN)
            self.span_panel.focus_editor()

    def focus_claims(self) -> None:
        if self.claim_panel is not None:
            self.tabs.setCurrentIndex(TAB_CLAIMS)
            self.claim_panel.focus_list()

    def focus_document_fields(self) -> None:
        if self.document_panel is not None:
            self.tabs.setCurrentIndex(TAB_DOCUMENT)
            self.document_panel.focus_first()

    def new_claim(self) -> None:
        if self.claim_panel is not None and self.span_panel is not None:
            self.tabs.setCurrentIndex(TAB_CLAIMS)
            self.claim_panel.new_claim(self.span_panel.span)

    def _on_span_panel_span_selected(self, span_id: object) -> None:
        self.sig_span_selected.emit(span_id)

    def _on_tabs_current_changed(self, index: int) -> None:
        self._refresh(index)
