"""The Document tab: the annotator's document-level fields and the shared document metadata.

Codebook document fields (relevance and its reason, outlet reliability,
stance toward the claim line, note) are the annotator's own values; language
and publication date are corrections of the document itself, shared by all.
Stance is enabled only for documents that carry a claim line.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

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
        self._doc: Document | None = None
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
        self._doc = doc
        self.setEnabled(doc is not None)
        self.fields.set_values(values)
        self.metadata.set_values({"language": doc.language, "published": doc.published}
                                 if doc else {})
        has_claim = bool(doc and doc.claim)
        self.fields.set_claim_available(has_claim)
        self.no_claim.setVisible(doc is not None and not has_claim)

    def set_values(self, values: dict[str, Any]) -> None:
        self.fields.set_values(values)

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
