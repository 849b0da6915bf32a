"""Undoable adjudication: QUndoCommands over :func:`annotator.core.review.decide` and ``undo``.

The core returns a :class:`~annotator.core.review.GoldEdit` for every decision
that reverts it exactly, so each command keeps the edit of its last ``redo``
and hands it to ``review.undo``; redo decides again. An *edit* decision is an
accept followed by changes to the new gold record (offsets, attributes, claim
fields or the value), replayed after every redo because a re-decided record
gets a new id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QUndoCommand

from annotator.core import review
from annotator.core.models import GOLD, DocId
from annotator.core.project import Project
from annotator.core.review import GoldEdit, Item

Notify = Callable[[DocId, Item | None], None]
"""Called after every redo and undo with the document (and the item) it changed."""
Report = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Decision:
    """What the reviewer decided about one item."""

    decision: str  # "accept" | "reject"
    reviewer: str
    annotator: str = ""
    reason: str = ""
    note: str = ""
    changes: dict[str, Any] = field(default_factory=dict)
    """For an edit: the fields of the gold record to change after accepting."""

    def text(self, item: Item) -> str:
        """Short, for the Undo/Redo action: "accept ben (#4)"."""
        what = "edit" if self.changes else self.decision
        return f"{what}{' ' + self.annotator if self.annotator else ''} (#{item.doc_id})"


class DecideCommand(QUndoCommand):
    """Accept, edit or reject one item."""

    def __init__(self, project: Project, item: Item, decision: Decision, notify: Notify,
                 report: Report) -> None:
        super().__init__(decision.text(item))
        self._project = project
        self.item = item
        self.decision = decision
        self._notify = notify
        self._report = report
        self.edit: GoldEdit | None = None

    def redo(self) -> None:
        d = self.decision
        try:
            self.edit = review.decide(self._project, self.item, d.decision, d.reviewer,
                                      annotator=d.annotator, reason=d.reason, note=d.note)
        except (ValueError, KeyError) as exc:
            self.setObsolete(True)
            self._report(f"decision refused: {exc}")
            return
        if d.changes:
            try:
                apply_changes(self._project, self.item, self.edit, d)
            except (ValueError, KeyError) as exc:
                self._report(f"accepted {d.annotator}'s version, but the edit was refused: "
                             f"{exc}")
        self._notify(self.item.doc_id, self.item)

    def undo(self) -> None:
        if self.edit is not None:
            review.undo(self._project, self.edit)
            self.edit = None
        self._notify(self.item.doc_id, self.item)


class AcceptAgreementsCommand(QUndoCommand):
    """Copy every item the annotators of one document agree on into gold."""

    def __init__(self, project: Project, doc_id: DocId, reviewer: str, notify: Notify) -> None:
        super().__init__(f"accept agreements (#{doc_id})")
        self._project = project
        self.doc_id = doc_id
        self._reviewer = reviewer
        self._notify = notify
        self.edits: list[GoldEdit] = []

    def redo(self) -> None:
        self.edits = review.accept_agreements(self._project, self.doc_id, self._reviewer)
        if not self.edits:
            self.setObsolete(True)  # nothing to accept: the stack drops it
        self.setText(f"accept {len(self.edits)} agreed (#{self.doc_id})")
        self._notify(self.doc_id, None)

    def undo(self) -> None:
        for edit in reversed(self.edits):
            review.undo(self._project, edit)
        self.edits = []
        self._notify(self.doc_id, None)


def apply_changes(project: Project, item: Item, edit: GoldEdit, decision: Decision) -> None:
    """Change the gold record just accepted for ``item`` as the reviewer edited it."""
    provenance = {"item": item.key, "from_annotator": decision.annotator,
                  "decided_by": decision.reviewer, "reason": decision.reason,
                  "note": decision.note, "edited_by": decision.reviewer}
    changes = dict(decision.changes)
    if item.kind == "span" and edit.added_spans:
        span_id = edit.added_spans[0]
        before = next(s for s in project.spans(item.doc_id, GOLD) if s.id == span_id)
        project.update_span(span_id, GOLD, **changes,
                            provenance={**before.provenance, **provenance})
    elif item.kind == "claim" and edit.added_claims:
        claim_id = edit.added_claims[0]
        before = next(c for c in project.claims(item.doc_id, GOLD) if c.id == claim_id)
        project.update_claim(claim_id, GOLD, **changes,
                             provenance={**before.provenance, **provenance})
    elif item.kind == "value":
        project.set_value(item.doc_id, GOLD, item.layer, changes.get("value"), provenance)
