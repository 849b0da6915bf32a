"""Reversible adjudication: a reviewer's decision on one item, or on every agreement of a document.

Same contract as :mod:`annotator.core.project.commands` (``apply`` and
``revert`` over the Project, no Qt). :func:`annotator.core.review.decide`
returns a :class:`~annotator.core.review.GoldEdit` that reverts the decision
exactly, so revert hands it to ``review.undo`` and apply decides again. An
*edit* decision (accept a version, then change the new gold record: offsets,
attributes, claim fields or the value) is one transaction: the accept and the
edit are kept together or not at all, and undone as one step.

Another reviewer window may decide the same item in between: each undo first
checks, in its write transaction, that the item's gold records, value and
decision record are exactly what the step left, each redo that they are what
the undo left; otherwise :class:`~annotator.core.errors.StaleEditError` and
nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.models import GOLD, ChangeKind, Changes, DocId
from annotator.core.project import Project
from annotator.core.project.commands import Command, expect
from annotator.core.review import GoldEdit, Item, Verdict


@dataclass(frozen=True, slots=True)
class Decision(Verdict):
    """What the reviewer decided about one item, with their edit of the accepted version."""

    changes: dict[str, Any] = field(default_factory=dict)
    """For an edit: the fields of the gold record to change after accepting."""

    def text(self, item: Item) -> str:
        """Short, for the Undo/Redo action: "accept ben (#4)"."""
        what = "edit" if self.changes else self.decision
        return f"{what}{' ' + self.annotator if self.annotator else ''} (#{item.doc_id})"


def gold_changes(doc_id: DocId, keys: tuple[str, ...]) -> Changes[GoldEdit]:
    """What a decision or its undo changed: the gold layer of one document."""
    return Changes(ChangeKind.GOLD, (doc_id,), keys=keys)


def gold_state(project: Project, doc_id: DocId, keys: frozenset[str],
               fields: frozenset[str]) -> tuple[Any, ...]:
    """What the gold layer holds for the items ``keys`` (and the value ``fields``): their
    spans, claims, values and decision records, comparable with ``==``."""
    spans = [s for s in project.spans(doc_id, GOLD) if s.provenance.get("item") in keys]
    claims = [c for c in project.claims(doc_id, GOLD) if c.provenance.get("item") in keys]
    values = project.values(doc_id, GOLD) if fields else {}
    decisions = [d for d in project.decisions(doc_id) if d["item_key"] in keys]
    return (sorted(spans, key=lambda s: s.id), sorted(claims, key=lambda c: c.id),
            {f: values.get(f) for f in sorted(fields)}, decisions)


class Decide(Command):
    """Accept, edit or reject one item: one transaction and one undo step."""

    def __init__(self, item: Item, decision: Decision) -> None:
        self.item = item
        self.decision = decision
        self.doc_id = item.doc_id
        self.text = decision.text(item)
        self.edit: GoldEdit | None = None
        self._keys = frozenset({item.key})
        self._fields = frozenset({item.layer} if item.kind == "value" else ())
        self._left: tuple[Any, ...] | None = None
        """The item's gold state as the last apply or revert left it."""

    def _state(self, project: Project) -> tuple[Any, ...]:
        return gold_state(project, self.item.doc_id, self._keys, self._fields)

    def _check(self, project: Project) -> None:
        if self._left is not None:
            expect(self._state(project), self._left, f"the gold decision on #{self.doc_id}")

    def apply(self, project: Project) -> list[Changes[object]]:
        d = self.decision
        with project._repo.write():
            self._check(project)  # a redo: the item as the undo left it
            edit = project.review.decide(self.item, d)
            if d.changes:
                edit_gold(project, self.item, edit, d)
            self._left = self._state(project)
        self.edit = edit
        return [gold_changes(self.item.doc_id, (self.item.key,))]

    def revert(self, project: Project) -> list[Changes[object]]:
        assert self.edit is not None, "revert before apply"
        with project._repo.write():
            self._check(project)
            project.review.undo(self.edit)
            self._left = self._state(project)
        self.edit = None
        return [gold_changes(self.item.doc_id, (self.item.key,))]


class AcceptAgreements(Command):
    """Copy every item the annotators of one document agree on into gold.

    When nothing is left to accept, apply changes nothing and returns no
    Changes, so there is no undo step.
    """

    def __init__(self, doc_id: DocId, reviewer: str) -> None:
        self.doc_id: DocId = doc_id
        self.reviewer = reviewer
        self.text = f"accept agreements (#{doc_id})"
        self.edits: list[GoldEdit] = []
        self._keys: frozenset[str] = frozenset()
        self._fields: frozenset[str] = frozenset()
        self._left: tuple[Any, ...] | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        with project._repo.write():
            if self._left is not None:  # a redo: the items as the undo left them
                expect(self._state(project), self._left,
                       f"the gold decisions on #{self.doc_id}")
            self.edits = project.review.accept_agreements(self.doc_id, self.reviewer)
            if self._left is None:
                self._keys = frozenset(e.item_key for e in self.edits)
                self._fields = frozenset(e.value_field for e in self.edits if e.value_field)
            self._left = self._state(project)
        self.text = f"accept {len(self.edits)} agreed (#{self.doc_id})"
        if not self.edits:
            return []
        return [gold_changes(self.doc_id, tuple(e.item_key for e in self.edits))]

    def revert(self, project: Project) -> list[Changes[object]]:
        keys = tuple(e.item_key for e in self.edits)
        with project._repo.write():
            expect(self._state(project), self._left, f"the gold decisions on #{self.doc_id}")
            for edit in reversed(self.edits):
                project.review.undo(edit)
            self._left = self._state(project)
        self.edits = []
        return [gold_changes(self.doc_id, keys)]

    def _state(self, project: Project) -> tuple[Any, ...]:
        return gold_state(project, self.doc_id, self._keys, self._fields)


def edit_gold(project: Project, item: Item, edit: GoldEdit, decision: Decision) -> None:
    """Change the gold record just accepted for ``item`` as the reviewer edited it."""
    provenance = {"item": item.key, "from_annotator": decision.annotator,
                  "decided_by": decision.reviewer, "reason": decision.reason,
                  "note": decision.note, "edited_by": decision.reviewer}
    changes = dict(decision.changes)
    if item.kind == "span" and edit.added_spans:
        span_id = edit.added_spans[0]
        span = next(s for s in project.spans(item.doc_id, GOLD) if s.id == span_id)
        project.update_span(span_id, GOLD, **changes,
                            provenance={**span.provenance, **provenance})
    elif item.kind == "claim" and edit.added_claims:
        claim_id = edit.added_claims[0]
        claim = next(c for c in project.claims(item.doc_id, GOLD) if c.id == claim_id)
        project.update_claim(claim_id, GOLD, **changes,
                             provenance={**claim.provenance, **provenance})
    elif item.kind == "value":
        project.set_value(item.doc_id, GOLD, item.layer, changes.get("value"), provenance)
