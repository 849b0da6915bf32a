"""Reversible edit commands over the :class:`~annotator.core.project.Project` façade.

Each command is a small object with ``apply(project)`` and ``revert(project)``;
both return the :class:`~annotator.core.models.Changes` they caused, so a view
knows what to refresh. The GUI wraps them in ``QUndoCommand``; scripts and the
tests use them directly, without Qt::

    cmd = AddSpan(doc_id, "alice", "ACTOR", 0, 5)
    cmd.apply(project)    # the span exists
    cmd.revert(project)   # gone again
    cmd.apply(project)    # back, with the same id and uid

Reverting a removal re-inserts the record as it was (same id and uid), so
later commands on the stack that refer to it by id keep working. This module
holds the base class and the annotation edits (spans, claims, document values),
:mod:`~annotator.core.project.actor_commands` the registry edits and
:mod:`~annotator.core.project.review_commands` the adjudication decisions. It
also holds a few read-only queries the GUI needs that the façade lacks.
"""

from __future__ import annotations

from typing import Any

from annotator.core.models import (
    ActorId,
    Changes,
    Claim,
    ClaimId,
    DocId,
    Span,
    SpanId,
    Status,
)
from annotator.core.project import Project

_SPAN_REFS = ("date_span_id", "source_span_id")


class Command:
    """One reversible edit. ``text`` names it in the Edit menu ("Undo add ACTOR span").

    ``apply`` and ``revert`` each run as one transaction and return what they
    changed; an ``apply`` that changed nothing returns no Changes, and the
    session then keeps nothing to undo.
    """

    text = "edit"
    doc_id: DocId | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        raise NotImplementedError

    def revert(self, project: Project) -> list[Changes[object]]:
        raise NotImplementedError


# ------------------------------------------------------------------------ spans


class AddSpan(Command):
    def __init__(self, doc_id: DocId, annotator: str, layer: str, start: int, end: int,
                 **fields: Any) -> None:
        self.doc_id: DocId = doc_id
        self.text = f"add {layer} span"
        self._args = (doc_id, annotator, layer, start, end)
        self._fields = fields
        self.span: Span | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        if self.span is None:
            changes = project.add_span(*self._args, **self._fields)
        else:
            changes = project.restore_span(self.span)
        self.span = changes.after
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        assert self.span is not None, "revert before apply"
        return [project.remove_span(self.span.id, self.span.annotator)]


class RemoveSpan(Command):
    """Delete a span; revert puts it back and re-links the claims that used it."""

    def __init__(self, span_id: SpanId, annotator: str) -> None:
        self.span_id = span_id
        self.annotator = annotator
        self.text = "remove span"
        self.before: Span | None = None
        self.claims: list[Claim] = []

    def apply(self, project: Project) -> list[Changes[object]]:
        span = project._repo.span(self.span_id)
        self.doc_id = span.doc_id
        self.claims = [c for c in project.claims(span.doc_id) if _uses_span(c, span.id)]
        changes = project.remove_span(self.span_id, self.annotator)
        self.before = changes.before
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        assert self.before is not None, "revert before apply"
        out: list[Changes[object]] = []
        with project._repo.write():
            out.append(project.restore_span(self.before))
            for claim in self.claims:
                links = {f: getattr(claim, f) for f in ("demand_span_ids", *_SPAN_REFS)}
                out.append(project.update_claim(claim.id, claim.annotator, **links))
        return out


def _uses_span(claim: Claim, span_id: SpanId) -> bool:
    return span_id in claim.demand_span_ids or span_id in (claim.date_span_id,
                                                           claim.source_span_id)


class UpdateSpan(Command):
    """Change some fields of a span (layer, start, end, actor_id, attributes)."""

    def __init__(self, span_id: SpanId, annotator: str, **changes: Any) -> None:
        self.span_id = span_id
        self.annotator = annotator
        self.changes = changes
        self.text = "change " + ", ".join(sorted(changes)).replace("_id", "")
        self.before: Span | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        changes = project.update_span(self.span_id, self.annotator, **self.changes)
        self.before = changes.before
        self.doc_id = changes.doc_ids[0]
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        assert self.before is not None, "revert before apply"
        old = {k: getattr(self.before, k) for k in self.changes}
        return [project.update_span(self.span_id, self.annotator, **old)]


# ----------------------------------------------------------------------- claims


class AddClaim(Command):
    def __init__(self, doc_id: DocId, annotator: str, **fields: Any) -> None:
        self.doc_id: DocId = doc_id
        self.annotator = annotator
        self.fields = fields
        self.text = "add claim"
        self.claim: Claim | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        if self.claim is None:
            changes = project.add_claim(self.doc_id, self.annotator, **self.fields)
        else:
            changes = project.restore_claim(self.claim)
        self.claim = changes.after
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        assert self.claim is not None, "revert before apply"
        return [project.remove_claim(self.claim.id, self.annotator)]


class UpdateClaim(Command):
    def __init__(self, claim_id: ClaimId, annotator: str, **fields: Any) -> None:
        self.claim_id = claim_id
        self.annotator = annotator
        self.fields = fields
        self.text = "change claim " + ", ".join(sorted(fields)).replace("_id", "")
        self.before: Claim | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        changes = project.update_claim(self.claim_id, self.annotator, **self.fields)
        self.before = changes.before
        self.doc_id = changes.doc_ids[0]
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        assert self.before is not None, "revert before apply"
        old = {k: getattr(self.before, k) for k in self.fields}
        return [project.update_claim(self.claim_id, self.annotator, **old)]


class RemoveClaim(Command):
    def __init__(self, claim_id: ClaimId, annotator: str) -> None:
        self.claim_id = claim_id
        self.annotator = annotator
        self.text = "remove claim"
        self.before: Claim | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        changes = project.remove_claim(self.claim_id, self.annotator)
        self.before = changes.before
        self.doc_id = changes.doc_ids[0]
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        assert self.before is not None, "revert before apply"
        return [project.restore_claim(self.before)]


# -------------------------------------------------------- document-level values


class SetValue(Command):
    """Set one document field (relevance, stance, note, ...) for one annotator."""

    def __init__(self, doc_id: DocId, annotator: str, field: str, value: Any) -> None:
        self.doc_id: DocId = doc_id
        self.annotator = annotator
        self.field = field
        self.value = value
        self.text = f"set {field}"
        self.before: object = None

    def apply(self, project: Project) -> list[Changes[object]]:
        changes = project.set_value(self.doc_id, self.annotator, self.field, self.value)
        self.before = changes.before
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        return [project.set_value(self.doc_id, self.annotator, self.field, self.before)]


class SetStatus(Command):
    def __init__(self, doc_id: DocId, annotator: str, status: Status) -> None:
        self.doc_id: DocId = doc_id
        self.annotator = annotator
        self.status = Status(status)
        self.text = "mark done" if self.status is Status.DONE else f"mark {self.status.value}"
        self.before: Status = Status.NOT_STARTED

    def apply(self, project: Project) -> list[Changes[object]]:
        changes = project.set_status(self.doc_id, self.annotator, self.status)
        self.before = changes.before or self.before
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        return [project.set_status(self.doc_id, self.annotator, self.before)]


class SetDocumentFields(Command):
    """Correct shared document metadata (language, publication date, ...)."""

    def __init__(self, doc_id: DocId, annotator: str, **fields: str) -> None:
        self.doc_id: DocId = doc_id
        self.annotator = annotator
        self.fields = fields
        self.text = "change " + ", ".join(sorted(fields))
        self.before: dict[str, str] = {}

    def apply(self, project: Project) -> list[Changes[object]]:
        changes = project.set_document_fields(self.doc_id, self.annotator, **self.fields)
        self.before = dict(changes.before or {})
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        return [project.set_document_fields(self.doc_id, self.annotator, **self.before)]


# ---------------------------------------------------------------------- queries


def languages(project: Project) -> list[str]:
    """The distinct document languages (an indexed query)."""
    return [lang for lang in project._repo.languages() if lang]


def mentioned_actor_ids(spans: list[Span]) -> list[ActorId]:
    """Registry actors linked from ``spans``, in order of first mention."""
    seen: dict[ActorId, None] = {}
    for span in sorted(spans, key=lambda s: s.start):
        if span.actor_id is not None:
            seen.setdefault(span.actor_id, None)
    return list(seen)
