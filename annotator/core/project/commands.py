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
later commands on the stack that refer to it by id keep working. Another window
or process may have changed the record in between: each undo first checks (in
the same write transaction, by uid) that the record is exactly what the step
left, each redo that it is what the undo left, and otherwise raises
:class:`~annotator.core.errors.StaleEditError` and changes nothing. This module
holds the base class and the annotation edits (spans, claims, document values),
:mod:`~annotator.core.project.actor_commands` the registry edits and
:mod:`~annotator.core.project.review_commands` the adjudication decisions. It
also holds a few read-only queries the GUI needs that the façade lacks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from annotator.core.errors import StaleEditError
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
_R = TypeVar("_R")


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


def expect(current: object, recorded: object, what: str) -> None:
    """Refuse a replay unless the record is what this step recorded (None: absent)."""
    if current != recorded:
        raise StaleEditError(
            f"{what} was changed in another window or by another program since this step; "
            "nothing was changed, the record stays as it is now")


def _span_now(project: Project, uid: str) -> Span | None:
    span_id = project._repo.span_id_by_uid(uid)
    return None if span_id is None else project._repo.span(span_id)


def _claim_now(project: Project, uid: str) -> Claim | None:
    claim_id = project._repo.claim_id_by_uid(uid)
    return None if claim_id is None else project._repo.claim(claim_id)


def _checked(project: Project, check: Callable[[], None], step: Callable[[], _R]) -> _R:
    """Check and replay in one write transaction: no other writer can slip in between."""
    with project._repo.write():
        check()
        return step()


def _span_label(span: Span) -> str:
    return f"the {span.layer} span \"{span.text[:40]}\""


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
        span = self.span
        if span is None:
            changes = project.add_span(*self._args, **self._fields)
        else:
            changes = _checked(project, lambda: expect(_span_now(project, span.uid), None,
                                                         _span_label(span)),
                                 lambda: project.restore_span(span))
        self.span = changes.after
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        span = self.span
        assert span is not None, "revert before apply"
        return _checked(project,
                        lambda: expect(_span_now(project, span.uid), span, _span_label(span)),
                        lambda: [project.remove_span(span.id, span.annotator)])


class RemoveSpan(Command):
    """Delete a span; revert puts it back and re-links the claims that used it."""

    def __init__(self, span_id: SpanId, annotator: str) -> None:
        self.span_id = span_id
        self.annotator = annotator
        self.text = "remove span"
        self.before: Span | None = None
        self.claims: list[Claim] = []

        self.claims_after: list[Claim | None] = []
        """The claims that used the span, as the removal left them."""

    def apply(self, project: Project) -> list[Changes[object]]:
        before = self.before
        with project._repo.write():
            if before is not None:  # a redo: the span must be as the undo put it back
                expect(_span_now(project, before.uid), before, _span_label(before))
                for claim in self.claims:
                    expect(_claim_now(project, claim.uid), claim, "a claim using the span")
            span = project._repo.span(self.span_id)
            self.doc_id = span.doc_id
            self.claims = [c for c in project.claims(span.doc_id) if _uses_span(c, span.id)]
            changes = project.remove_span(self.span_id, self.annotator)
            self.claims_after = [_claim_now(project, c.uid) for c in self.claims]
        self.before = changes.before
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        before = self.before
        assert before is not None, "revert before apply"
        out: list[Changes[object]] = []
        with project._repo.write():
            expect(_span_now(project, before.uid), None, _span_label(before))
            for claim, left in zip(self.claims, self.claims_after, strict=True):
                expect(_claim_now(project, claim.uid), left, "a claim that used the span")
            out.append(project.restore_span(before))
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
        self.after: Span | None = None
        self._reverted: Span | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        with project._repo.write():
            if self._reverted is not None:
                expect(_span_now(project, self._reverted.uid), self._reverted,
                       _span_label(self._reverted))
            changes = project.update_span(self.span_id, self.annotator, **self.changes)
        self.before, self.after = changes.before, changes.after
        self.doc_id = changes.doc_ids[0]
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        before, after = self.before, self.after
        assert before is not None and after is not None, "revert before apply"
        old = {k: getattr(before, k) for k in self.changes}
        changes = _checked(project,
                             lambda: expect(_span_now(project, after.uid), after,
                                            _span_label(after)),
                             lambda: project.update_span(self.span_id, self.annotator, **old))
        self._reverted = changes.after
        return [changes]


# ----------------------------------------------------------------------- claims


class AddClaim(Command):
    def __init__(self, doc_id: DocId, annotator: str, **fields: Any) -> None:
        self.doc_id: DocId = doc_id
        self.annotator = annotator
        self.fields = fields
        self.text = "add claim"
        self.claim: Claim | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        claim = self.claim
        if claim is None:
            changes = project.add_claim(self.doc_id, self.annotator, **self.fields)
        else:
            changes = _checked(project,
                                 lambda: expect(_claim_now(project, claim.uid), None, "the claim"),
                                 lambda: project.restore_claim(claim))
        self.claim = changes.after
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        claim = self.claim
        assert claim is not None, "revert before apply"
        return _checked(project,
                        lambda: expect(_claim_now(project, claim.uid), claim, "the claim"),
                        lambda: [project.remove_claim(claim.id, self.annotator)])


class UpdateClaim(Command):
    def __init__(self, claim_id: ClaimId, annotator: str, **fields: Any) -> None:
        self.claim_id = claim_id
        self.annotator = annotator
        self.fields = fields
        self.text = "change claim " + ", ".join(sorted(fields)).replace("_id", "")
        self.before: Claim | None = None
        self.after: Claim | None = None
        self._reverted: Claim | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        with project._repo.write():
            if self._reverted is not None:
                expect(_claim_now(project, self._reverted.uid), self._reverted, "the claim")
            changes = project.update_claim(self.claim_id, self.annotator, **self.fields)
        self.before, self.after = changes.before, changes.after
        self.doc_id = changes.doc_ids[0]
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        before, after = self.before, self.after
        assert before is not None and after is not None, "revert before apply"
        old = {k: getattr(before, k) for k in self.fields}
        changes = _checked(
            project, lambda: expect(_claim_now(project, after.uid), after, "the claim"),
            lambda: project.update_claim(self.claim_id, self.annotator, **old))
        self._reverted = changes.after
        return [changes]


class RemoveClaim(Command):
    def __init__(self, claim_id: ClaimId, annotator: str) -> None:
        self.claim_id = claim_id
        self.annotator = annotator
        self.text = "remove claim"
        self.before: Claim | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        before = self.before
        with project._repo.write():
            if before is not None:
                expect(_claim_now(project, before.uid), before, "the claim")
            changes = project.remove_claim(self.claim_id, self.annotator)
        self.before = changes.before
        self.doc_id = changes.doc_ids[0]
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        before = self.before
        assert before is not None, "revert before apply"
        return _checked(project,
                        lambda: expect(_claim_now(project, before.uid), None, "the claim"),
                        lambda: [project.restore_claim(before)])


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
        self._applied = False
        self._after: object = None

    def _now(self, project: Project) -> object:
        return project.values(self.doc_id, self.annotator).get(self.field)

    def apply(self, project: Project) -> list[Changes[object]]:
        with project._repo.write():
            if self._applied:
                expect(self._now(project), self.before, f"the value of {self.field}")
            changes = project.set_value(self.doc_id, self.annotator, self.field, self.value)
            self._after = self._now(project)
        self.before, self._applied = changes.before, True
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        return _checked(
            project, lambda: expect(self._now(project), self._after, f"the value of {self.field}"),
            lambda: [project.set_value(self.doc_id, self.annotator, self.field, self.before)])


class SetStatus(Command):
    def __init__(self, doc_id: DocId, annotator: str, status: Status) -> None:
        self.doc_id: DocId = doc_id
        self.annotator = annotator
        self.status = Status(status)
        self.text = "mark done" if self.status is Status.DONE else f"mark {self.status.value}"
        self.before: Status = Status.NOT_STARTED
        self._applied = False

    def _check(self, project: Project, expected: Status) -> None:
        expect(project.status(self.doc_id, self.annotator), expected, "the document's status")

    def apply(self, project: Project) -> list[Changes[object]]:
        with project._repo.write():
            if self._applied:
                self._check(project, self.before)
            changes = project.set_status(self.doc_id, self.annotator, self.status)
        self.before, self._applied = changes.before or self.before, True
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        return _checked(project, lambda: self._check(project, self.status),
                        lambda: [project.set_status(self.doc_id, self.annotator, self.before)])


class SetDocumentFields(Command):
    """Correct shared document metadata (language, publication date, ...)."""

    def __init__(self, doc_id: DocId, annotator: str, **fields: str) -> None:
        self.doc_id: DocId = doc_id
        self.annotator = annotator
        self.fields = fields
        self.text = "change " + ", ".join(sorted(fields))
        self.before: dict[str, str] = {}
        self._after: dict[str, str] = {}

    def _now(self, project: Project) -> dict[str, str]:
        doc = project.document(self.doc_id)
        return {k: getattr(doc, k) for k in self.fields}

    def _check(self, project: Project, expected: dict[str, str]) -> None:
        expect(self._now(project), expected, "the document's fields")

    def apply(self, project: Project) -> list[Changes[object]]:
        with project._repo.write():
            if self._after:
                self._check(project, self.before)
            changes = project.set_document_fields(self.doc_id, self.annotator, **self.fields)
            self._after = self._now(project)
        self.before = dict(changes.before or {})
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        return _checked(project, lambda: self._check(project, self._after),
                        lambda: [project.set_document_fields(self.doc_id, self.annotator,
                                                             **self.before)])


class MarkBoilerplate(Command):
    """Mark a stretch of a document as boilerplate, or as article text (``boilerplate`` False)."""

    def __init__(self, doc_id: DocId, annotator: str, start: int, end: int,
                 boilerplate: bool = True) -> None:
        self.doc_id: DocId = doc_id
        self.annotator = annotator
        self.start, self.end, self.boilerplate = start, end, boilerplate
        self.text = "mark as boilerplate" if boilerplate else "mark as article text"
        self.before: tuple[tuple[int, int], ...] = ()
        self._after: tuple[tuple[int, int], ...] | None = None

    def apply(self, project: Project) -> list[Changes[object]]:
        with project._repo.write():
            current = project._repo.boilerplate(self.doc_id)
            if self._after is not None:
                expect(current, self.before, "the document's boilerplate")
            changes = project.mark_boilerplate(self.doc_id, self.annotator, self.start,
                                               self.end, self.boilerplate)
        self.before, self._after = current, (changes.after or {})["boilerplate"]
        if self.before == self._after:
            return []
        return [changes]

    def revert(self, project: Project) -> list[Changes[object]]:
        return _checked(project, lambda: expect(project._repo.boilerplate(self.doc_id),
                                                self._after, "the document's boilerplate"),
                        lambda: [project.set_boilerplate(self.doc_id, self.annotator,
                                                         self.before)])


class Redetect(Command):
    """Take what detection finds today for one document: title, date, outlet, byline and
    boilerplate (never the claim line, never annotations)."""

    text = "re-detect title, date, outlet and boilerplate"

    def __init__(self, doc_id: DocId, annotator: str) -> None:
        self.doc_id: DocId = doc_id
        self.annotator = annotator
        self.found: list[str] = []
        """What changed, one line per field (empty when nothing did)."""
        self._fields: dict[str, str] = {}
        self._before_fields: dict[str, str] = {}
        self._ranges: tuple[tuple[int, int], ...] | None = None
        self._before_ranges: tuple[tuple[int, int], ...] = ()

    def _state(self, project: Project) -> tuple[dict[str, str], tuple[tuple[int, int], ...]]:
        doc = project.document(self.doc_id)
        return {k: getattr(doc, k) for k in self._fields}, doc.boilerplate

    def apply(self, project: Project) -> list[Changes[object]]:
        with project._repo.write():
            if self.found:  # a redo: the document must be as the undo left it
                expect(self._state(project), (self._before_fields, self._before_ranges),
                       "the document's fields")
            else:
                item = project.redetect_document(self.doc_id)
                if item is None:
                    return []
                self.found = item.lines()
                self._fields = {k: str(v[1]) for k, v in item.changes.items()
                                if k != "boilerplate"}
                if "boilerplate" in item.changes:
                    self._ranges = item.changes["boilerplate"][1]
                self._before_fields, self._before_ranges = self._state(project)
            return self._set(project, self._fields, self._ranges)

    def revert(self, project: Project) -> list[Changes[object]]:
        after = ({**self._before_fields, **self._fields},
                 self._ranges if self._ranges is not None else self._before_ranges)
        return _checked(project, lambda: expect(self._state(project), after,
                                                "the document's fields"),
                        lambda: self._set(project, self._before_fields,
                                          self._before_ranges
                                          if self._ranges is not None else None))

    def _set(self, project: Project, fields: dict[str, str],
             ranges: tuple[tuple[int, int], ...] | None) -> list[Changes[object]]:
        out: list[Changes[object]] = []
        if fields:
            out.append(project.set_document_fields(self.doc_id, self.annotator, **fields))
        if ranges is not None:
            out.append(project.set_boilerplate(self.doc_id, self.annotator, ranges))
        return out


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
