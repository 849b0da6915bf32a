"""The Document tab: the annotator's document-level fields and the shared document metadata.

Codebook document fields (relevance and its reason, outlet reliability,
stance toward the claim line, note) are the annotator's own values; language
and publication date are corrections of the document itself, shared by all.
Stance is enabled only for documents that carry a claim line. The learned
model's values for the choice fields appear under "Proposed by the learned
model", each with its confidence and a button that sets it (an ordinary,
undoable edit).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annotator.core.assist.learn.model import Proposal
from annotator.core.codebook import Attribute, Codebook
from annotator.core.models import Document
from annotator.gui.session import Session
from annotator.gui.workspace.actor_picker import ActorListModel
from annotator.gui.workspace.form_fields import FieldSet, focus_first

METADATA = (
    Attribute("language", "text", "Language (BCP-47)"),
    Attribute("published", "text", "Publication date"),
)


class DocumentFieldsPanel(QWidget):
    """Edits document-level values through the session, one transaction per change."""

    def __init__(self, session: Session, book: Codebook, actors: ActorListModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._book = book
        self._doc: Document | None = None
        self._values: dict[str, Any] = {}
        self._proposals: list[Proposal] = []
        self.proposal_buttons: dict[str, QPushButton] = {}
        self.proposals_box = QGroupBox("Proposed by the learned model")
        self.proposals_box.setAccessibleName("Proposed by the learned model")
        self._proposal_rows = QVBoxLayout(self.proposals_box)
        self.proposals_box.hide()
        self.fields = FieldSet(book.document_fields, book, actors)
        self.metadata = FieldSet(METADATA, book, actors)
        self.metadata.editors["published"].setToolTip(
            "ISO date of publication (YYYY-MM-DD); relative dates in the article resolve "
            "against it")
        self.no_claim = QLabel("Stance is only coded for documents with a claim line.")
        self.no_claim.setObjectName("fieldHint")
        mine = QGroupBox("My coding")
        mine_layout = QVBoxLayout(mine)
        mine_layout.addWidget(self.fields)
        mine_layout.addWidget(self.no_claim)
        mine_layout.addWidget(self.proposals_box)
        shared = QGroupBox("Document (shared by all annotators)")
        QVBoxLayout(shared).addWidget(self.metadata)
        layout = QVBoxLayout(self)
        layout.addWidget(mine)
        layout.addWidget(shared)
        layout.addStretch(1)
        self.fields.sig_committed.connect(self._on_fields_committed)
        self.metadata.sig_committed.connect(self._on_metadata_committed)

    def set_document(self, doc: Document | None, values: dict[str, Any]) -> None:
        if self._doc is not None and (doc is None or doc.id != self._doc.id):
            self.flush()
        if doc is None or self._doc is None or doc.id != self._doc.id:
            self._proposals = []
        self._doc = doc
        self._values = dict(values)
        self.setEnabled(doc is not None)
        self.fields.set_values(values)
        self.metadata.set_values({"language": doc.language, "published": doc.published}
                                 if doc else {})
        has_claim = bool(doc and doc.claim)
        self.fields.set_claim_available(has_claim)
        self.no_claim.setVisible(doc is not None and not has_claim)
        self._show_proposals()

    def set_values(self, values: dict[str, Any]) -> None:
        self._values = dict(values)
        self.fields.set_values(values)
        self._show_proposals()

    def set_proposals(self, proposals: list[Proposal]) -> None:
        """The learned model's values for this document's fields."""
        self._proposals = list(proposals)
        self._show_proposals()

    def _show_proposals(self) -> None:
        while self._proposal_rows.count():
            item = self._proposal_rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.proposal_buttons = {}
        has_claim = bool(self._doc and self._doc.claim)
        rows = 0
        for proposal in self._proposals:
            attr = next((a for a in self._book.document_fields if a.name == proposal.field),
                        None)
            if attr is None or (attr.requires_claim and not has_claim):
                continue
            vocabulary = self._book.vocabularies.get(attr.vocabulary)
            entry = vocabulary.get(proposal.value) if vocabulary else None
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(f"{attr.label}: {entry.label if entry else proposal.value} "
                           f"({proposal.confidence:.2f}, {proposal.source})")
            label.setWordWrap(True)
            button = QPushButton("Use")
            button.setAccessibleName(f"Use the proposed {attr.label.lower()}")
            button.setEnabled(str(self._values.get(attr.name) or "") != proposal.value)
            button.clicked.connect(lambda _=False, p=proposal: self._use(p))
            line.addWidget(label, 1)
            line.addWidget(button)
            self._proposal_rows.addWidget(row)
            self.proposal_buttons[attr.name] = button
            rows += 1
        self.proposals_box.setVisible(rows > 0)

    def _use(self, proposal: Proposal) -> None:
        if self._doc is not None:
            self.fields.flush()
            self._session.set_value(self._doc.id, proposal.field, proposal.value)

    def flush(self) -> None:
        self.fields.flush()
        self.metadata.flush()

    def focus_first(self) -> None:
        focus_first(self.fields)

    def _on_fields_committed(self, changes: dict[str, Any]) -> None:
        if self._doc is None:
            return
        for field, value in changes.items():
            self._session.set_value(self._doc.id, field, value if value != "" else None)

    def _on_metadata_committed(self, changes: dict[str, Any]) -> None:
        if self._doc is not None:
            self._session.set_document_fields(self._doc.id, **{k: str(v or "").strip()
                                                               for k, v in changes.items()})
