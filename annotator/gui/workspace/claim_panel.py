"""The Claims tab: the annotator's demand frames in this article and the editor of the selected one.

Claimant, addressee and object are picked from the registry, the actors
mentioned in the article listed first; demand spans are ticked among the
article's DEMAND spans; vocabulary fields show their definitions as tooltips. The
learned model's event type for the selected claim appears as a proposal with a
button that sets it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotator.core.assist.learn.model import Proposal
from annotator.core.codebook import Codebook
from annotator.core.models import Claim, DocId, Span
from annotator.gui.models.item_models import ClaimListModel, SpanListModel
from annotator.gui.models.roles import ROLE_ID
from annotator.gui.session import Session
from annotator.gui.workspace.actor_picker import ActorListModel
from annotator.gui.workspace.form_fields import FieldSet, focus_first
from annotator.gui.workspace.widgets import compact_list


class ClaimPanel(QWidget):
    """Lists the claims of the article and edits the selected one through the session."""

    def __init__(self, session: Session, book: Codebook, actors: ActorListModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._book = book
        self._doc_id: DocId | None = None
        self._claim: Claim | None = None
        self._spans: list[Span] = []
        self.model = ClaimListModel(actors.display_name)
        self.list = compact_list(QListView(), "My claims in this article")
        self.list.setModel(self.model)
        self.list.setMaximumHeight(110)
        self.new_button = QPushButton("New claim")
        self.new_button.setAccessibleName("New claim")
        self.new_button.setToolTip("Start a new demand frame (Ctrl+Shift+N)")
        self.remove_button = QPushButton("Delete claim")
        self.remove_button.setAccessibleName("Delete the selected claim")
        labels = {layer.name: (layer.label, layer.color) for layer in book.layers}
        self.demand_spans = SpanListModel(labels, actors.display_name, checkable=True)
        self.fields = FieldSet(book.claim_fields, book, actors, self.demand_spans)
        self._proposals: dict[int, Proposal | None] = {}
        self.proposal_label = QLabel()
        self.proposal_label.setWordWrap(True)
        self.proposal_label.setAccessibleName("Proposed event type")
        self.use_proposal = QPushButton("Use")
        self.use_proposal.setAccessibleName("Use the proposed event type")
        self.use_proposal.clicked.connect(self._on_use_proposal_clicked)
        proposal_row = QHBoxLayout()
        proposal_row.addWidget(self.proposal_label, 1)
        proposal_row.addWidget(self.use_proposal)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 4, 0)
        content_layout.addWidget(self.fields)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(proposal_row)
        layout.addWidget(scroll, 1)
        self._connect()
        self._show_claim()

    def _connect(self) -> None:
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.fields.sig_committed.connect(self._on_fields_committed)
        self.fields.sig_create_actor.connect(self._on_fields_create_actor)

    # -------------------------------------------------------------- show

    def set_document(self, doc_id: DocId | None, claims: list[Claim], spans: list[Span]) -> None:
        if doc_id != self._doc_id:
            self.flush()
            self._claim = None
        self._doc_id = doc_id
        self.set_spans(spans)
        self.set_claims(claims)

    def set_spans(self, spans: list[Span]) -> None:
        self._spans = spans
        self.fields.set_span_choices(spans)
        if self._claim is not None:
            self.demand_spans.set_checked(self._claim.demand_span_ids)

    def set_claims(self, claims: list[Claim]) -> None:
        keep = None if self._claim is None else self._claim.id
        self.model.set_rows(claims)
        self.select(keep if keep is not None else (claims[0].id if claims else None))

    def select(self, claim_id: int | None) -> None:
        row = self.model.row_of(claim_id)
        self._claim = self.model.record(row) if row is not None else None
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        if row is None:
            selection.clearSelection()
        else:
            selection.setCurrentIndex(self.model.index(row),
                                      QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.blockSignals(False)
        self._show_claim()

    def set_proposals(self, proposals: dict[int, Proposal | None]) -> None:
        """The learned model's event type per claim id."""
        self._proposals = dict(proposals)
        self._show_proposal()

    @property
    def proposal(self) -> Proposal | None:
        return self._proposals.get(int(self._claim.id)) if self._claim is not None else None

    def _show_proposal(self) -> None:
        proposal = self.proposal
        if proposal is None or self._claim is None:
            self.proposal_label.hide()
            self.use_proposal.hide()
            return
        vocabulary = self._book.vocabularies.get("event_type")
        entry = vocabulary.get(proposal.value) if vocabulary else None
        self.proposal_label.setText(
            f"Proposed event type: {entry.label if entry else proposal.value} "
            f"({proposal.confidence:.2f}, {proposal.source})")
        self.proposal_label.show()
        self.use_proposal.show()
        self.use_proposal.setEnabled(self._claim.event_type != proposal.value)

    def _on_use_proposal_clicked(self) -> None:
        proposal = self.proposal
        if proposal is not None and self._claim is not None:
            self.flush()
            self._session.update_claim(self._claim, event_type=proposal.value)

    def _show_claim(self) -> None:
        claim = self._claim
        self._show_proposal()
        self.fields.setEnabled(claim is not None)
        self.remove_button.setEnabled(claim is not None)
        self.new_button.setEnabled(self._doc_id is not None)
        if claim is None:
            self.fields.set_values({})
            self.demand_spans.set_checked(())
            return
        values = {name: getattr(claim, name) for name in self.fields.attributes}
        values["date_precision"], values["date_mod"] = claim.date_precision, claim.date_mod
        if claim.position is not None:
            values["position"] = str(claim.position)
        self.fields.set_values(values)

    @property
    def claim(self) -> Claim | None:
        return self._claim

    def flush(self) -> None:
        if self._claim is not None:
            self.fields.flush()

    def new_claim(self, selected: Span | None = None) -> None:
        """Start a claim, with the ``selected`` span ticked when it is a demand span."""
        if self._doc_id is None:
            return
        fields: dict[str, Any] = {}
        demand_layers = {a.layer for a in self._book.claim_fields if a.type == "spans"}
        if selected is not None and selected.layer in demand_layers:
            fields["demand_span_ids"] = [selected.id]
        default = next((a.default for a in self._book.claim_fields
                        if a.name == "event_type" and a.default), None)
        if default:
            fields["event_type"] = default
        claim = self._session.add_claim(self._doc_id, **fields)
        if claim is not None:
            self.select(claim.id)
            focus_first(self.fields)

    # ---------------------------------------------------------- handlers

    def _on_list_current_changed(self, current: Any, _previous: Any) -> None:
        claim_id = current.data(ROLE_ID) if current.isValid() else None
        if self._claim is not None and claim_id == self._claim.id:
            return
        self.flush()
        self.select(claim_id)

    def _on_new_button_clicked(self) -> None:
        self.new_claim()

    def _on_remove_button_clicked(self) -> None:
        if self._claim is not None:
            claim, self._claim = self._claim, None
            self._session.remove_claim(claim)

    def _on_fields_committed(self, changes: dict[str, Any]) -> None:
        if self._claim is None:
            return
        fields = dict(changes)
        if "position" in fields:
            fields["position"] = int(fields["position"]) if fields["position"] not in \
                ("", None) else None
        for key in ("claimant_id", "addressee_id", "object_id"):
            if key in fields and fields[key] is not None:
                fields[key] = int(fields[key])
        self._session.update_claim(self._claim, **fields)

    def _on_fields_create_actor(self, field: str, name: str) -> None:
        if self._claim is None:
            return
        claim = self._claim
        self._session.begin_macro(f"new actor {name}")
        try:
            actor_id = self._session.add_actor(name)
            if actor_id is not None:
                self._session.update_claim(claim, **{field: actor_id})
        finally:
            self._session.end_macro()

    def focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
