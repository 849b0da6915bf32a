"""The evidence panel: a document's claim line, the article, and passages elsewhere beside it.

For the chosen document (any with a claim line), the article text stands on
the left and the passages of other documents that bear on its claim line
(``project.events.evidence``: ranked by actor, date and text match, each
with the reasons) on the right, with the stance the article's own text
suggests. Accepting the stance is an undoable ``SetValue`` through the
session, on the events window's stack.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.events.evidence import StanceSuggestion
from annotator.core.project import Project
from annotator.core.project.commands import SetValue
from annotator.gui.events.models import PASSAGE_COLUMNS
from annotator.gui.models.record_table import RecordTableModel
from annotator.gui.session import Session
from annotator.gui.text.plain import plain


class EvidencePanel(QWidget):
    """Claim line, article, evidence passages and the stance suggestion."""

    sig_stance_accepted = Signal(int, str)
    """The suggested stance was set on a document: (document id, value)."""

    def __init__(self, session: Session, undo_stack: Any, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = undo_stack
        self.suggestion: StanceSuggestion | None = None
        self.documents = QComboBox()
        self.documents.setAccessibleName("Document with a claim line")
        self.claim_line = plain(QLabel())
        self.claim_line.setWordWrap(True)
        self.claim_line.setAccessibleName("Claim line")
        self.article = QPlainTextEdit()
        self.article.setReadOnly(True)
        self.article.setAccessibleName("Article")
        self.model = RecordTableModel(PASSAGE_COLUMNS, parent=self)
        self.passages = QTableView()
        self.passages.setModel(self.model)
        self.passages.setAccessibleName("Evidence passages")
        self.passages.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.passages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.passages.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the passage
        header.setMaximumSectionSize(320)
        self.passages.verticalHeader().hide()
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Passage")
        self.stance = plain(QLabel())
        self.stance.setWordWrap(True)
        self.stance.setAccessibleName("Stance suggestion")
        self.accept = QPushButton("Accept &stance")
        self.accept.setAccessibleName("Accept the suggested stance")
        self._layout()
        self.documents.currentIndexChanged.connect(self._on_documents_changed)
        self.passages.clicked.connect(self._on_passages_clicked)
        self.accept.clicked.connect(self.accept_stance)

    def _layout(self) -> None:
        right = QWidget()
        side = QVBoxLayout(right)
        side.addWidget(QLabel("Passages elsewhere on this claim"))
        side.addWidget(self.passages, 2)
        side.addWidget(self.preview, 1)
        row = QHBoxLayout()
        row.addWidget(self.stance, 1)
        row.addWidget(self.accept)
        side.addLayout(row)
        split = QSplitter()
        split.addWidget(self.article)
        split.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(self.documents)
        layout.addWidget(self.claim_line)
        layout.addWidget(split, 1)

    @property
    def project(self) -> Project:
        project = self.session.project
        assert project is not None, "the evidence panel needs an open project"
        return project

    def reload(self) -> None:
        """List the documents that carry a claim line (keeping the current one)."""
        keep = self.documents.currentData()
        self.documents.blockSignals(True)
        self.documents.clear()
        for doc_id, outlet, claim in self.project.events.claim_line_documents():
            self.documents.addItem(f"{outlet} – {claim[:60]}", doc_id)
        self.documents.blockSignals(False)
        at = self.documents.findData(keep)
        self.documents.setCurrentIndex(max(0, at))
        self.show_document()

    def show_document(self) -> None:
        doc_id = self.documents.currentData()
        self.model.set_rows([])
        self.preview.setPlainText("")
        self.suggestion = None
        self.accept.setEnabled(False)
        if doc_id is None:
            self.claim_line.setText("No document of this project has a claim line to check.")
            self.article.setPlainText("")
            self.stance.setText("")
            return
        doc = self.project.document(doc_id)
        self.claim_line.setText(f"Claim to check: {doc.claim}")
        self.article.setPlainText(doc.text)
        passages, suggestion = self.project.events.evidence(doc_id)
        outlets = {p.doc_id: self.project.document(p.doc_id).outlet for p in passages}
        self.model.set_rows([(p, outlets[p.doc_id]) for p in passages])
        self.suggestion = suggestion
        self.preview.setPlainText("" if suggestion.passage is None else
                                  "The stance rests on this passage of the article:\n\n"
                                  + suggestion.passage.text)
        current = self.project.values(doc_id, self.session.annotator).get("stance")
        self.stance.setText(f"Suggested stance: {suggestion.value} ({suggestion.reason})"
                            + (f"; yours: {current}" if current else ""))
        self.accept.setEnabled(current != suggestion.value)

    def accept_stance(self) -> None:
        doc_id = self.documents.currentData()
        if self.suggestion is None or doc_id is None:
            return
        value = self.suggestion.value
        done = self.session.execute(SetValue(doc_id, self.session.annotator, "stance", value),
                                    self.undo_stack,
                                    refused=lambda message: self.stance.setText(message))
        if done is not None:
            self.show_document()
            self.sig_stance_accepted.emit(int(doc_id), value)

    def _on_documents_changed(self, _index: int) -> None:
        self.show_document()

    def _on_passages_clicked(self, index: Any) -> None:
        record = self.model.record(index.row())
        if record is not None:
            self.preview.setPlainText(record[0].text)
