"""Editing annotations: spans, claims (demand frames), document values and statuses.

Each method checks the edit with :mod:`annotator.core.project.rules`, writes
it in one transaction with one history entry, and returns the
:class:`~annotator.core.models.Changes` (record before and after) that undo uses.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from annotator.core.errors import ValidationError  # noqa: F401 - re-exported
from annotator.core.models import (
    Actor,
    ActorId,
    ChangeKind,
    Changes,
    Claim,
    ClaimId,
    DocId,
    Span,
    SpanId,
    Status,
    new_uid,
)
from annotator.core.project import defaults, rules
from annotator.core.project.base import ProjectBase, _plain

if TYPE_CHECKING:
    from annotator.core.importers.redetect import Redetected

OUTLET_GRADE_FIELD = "outlet_reliability"
"""The document field the outlet list's default grade pre-fills."""


class AnnotationEditing(ProjectBase):
    """The annotation half of the façade's editing methods."""

    # ------------------------------------------------------------------- spans

    def add_span(  # noqa: PLR0913 - a span's five coordinates; the three options are keyword-only
        self,
        doc_id: DocId,
        annotator: str,
        layer: str,
        start: int,
        end: int,
        *,
        actor_id: ActorId | None = None,
        attributes: dict[str, Any] | None = None,
        provenance: dict[str, Any] | None = None,
    ) -> Changes[Span]:
        """Mark ``text[start:end]`` with ``layer``; returns Changes whose ``after`` is the Span.

        A DATE span without a value and an ACTOR span without an actor get the
        defaults of :mod:`annotator.core.project.defaults` (marked as proposed);
        a span the annotator already has (same layer, offsets, actor and
        attributes: an exact duplicate) is refused.
        """
        span = Span(SpanId(0), new_uid(), doc_id, annotator, layer, start, end,
                    actor_id=actor_id, attributes=dict(attributes or {}),
                    provenance=dict(provenance or {}))
        span = self._with_defaults(span)
        with self._repo.write():  # the check and the insert see the same file
            if self._repo.has_span(span):
                raise ValidationError(f"{annotator} already has this {layer} span on exactly "
                                      "this text; select the existing span to change it")
            return self.restore_span(span, _operation="add")

    def _with_defaults(self, span: Span) -> Span:
        if span.layer not in ("DATE", "ACTOR"):
            return span
        doc = self._repo.document(span.doc_id)
        attributes, names = defaults.date_defaults(span, doc)
        actor_id = defaults.actor_default(span, doc, self._repo.actors()) if span.layer == "ACTOR" \
            else span.actor_id
        if actor_id != span.actor_id:
            names = [*names, "actor_id"]
        return dataclasses.replace(span, attributes=attributes, actor_id=actor_id,
                                   provenance=defaults.with_proposed(span.provenance, names))

    def actor_candidates(self, doc_id: DocId, start: int, end: int) -> list[Actor]:
        """Registry actors whose name or alias is exactly ``text[start:end]`` of the document."""
        doc = self._repo.document(doc_id)
        return defaults.actor_matches(doc.text[start:end], doc.language, self._repo.actors())

    def restore_span(self, span: Span, *, _operation: str = "restore") -> Changes[Span]:
        """Insert a span as given (undo of a removal keeps its id and uid)."""
        text = self.text(span.doc_id)
        span = dataclasses.replace(span, text=rules.check_span(span, text, self.codebook,
                                                               self._repo))
        with self._repo.write():
            annotator_id = self._annotator(span.annotator)
            keep = span.id != 0
            span_id = self._repo.insert_span(span, annotator_id, keep_id=keep)
            stored = self._repo.span(span_id)
            self._touch(span.doc_id, annotator_id)
            self._repo.log(span.annotator, _operation, "span", span_id, span.doc_id, None,
                          _plain(stored))
        return Changes(ChangeKind.SPANS, (span.doc_id,), (span_id,), None, stored)

    def update_span(self, span_id: SpanId, annotator: str, **changes: Any) -> Changes[Span]:
        """Change layer, start, end, actor_id or attributes of one of ``annotator``'s spans."""
        before = self._repo.span(span_id)
        self._check_owner(before.annotator, annotator, "span")
        allowed = {"layer", "start", "end", "actor_id", "attributes", "provenance"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationError(f"spans have no field {', '.join(sorted(unknown))}")
        after = dataclasses.replace(before, **changes)
        if "provenance" not in changes and before.proposed:  # what the annotator set is theirs
            after = dataclasses.replace(after, provenance=defaults.confirmed(
                before.provenance, _changed_fields(before, after)))
        after = dataclasses.replace(after, text=rules.check_span(
            after, self.text(after.doc_id), self.codebook, self._repo))
        with self._repo.write():
            self._repo.update_span(after)
            stored = self._repo.span(span_id)
            self._repo.log(annotator, "update", "span", span_id, before.doc_id, _plain(before),
                          _plain(stored))
        return Changes(ChangeKind.SPANS, (before.doc_id,), (span_id,), before, stored)

    def remove_span(self, span_id: SpanId, annotator: str) -> Changes[Span]:
        """Delete a span; claims keep working (the span leaves their demand list)."""
        before = self._repo.span(span_id)
        self._check_owner(before.annotator, annotator, "span")
        with self._repo.write():
            self._repo.delete_span(span_id)
            self._repo.log(annotator, "remove", "span", span_id, before.doc_id, _plain(before),
                          None)
        return Changes(ChangeKind.SPANS, (before.doc_id,), (span_id,), before, None)

    # ------------------------------------------------------------------ claims

    def add_claim(self, doc_id: DocId, annotator: str, **fields: Any) -> Changes[Claim]:
        """A new demand frame; fields as in :data:`CLAIM_FIELDS`.

        Without a gloss, the claim starts with the gloss of its first demand span.
        """
        claim = Claim(ClaimId(0), new_uid(), doc_id, annotator)
        claim = rules.claim_with(claim, fields)
        if not claim.gloss and claim.demand_span_ids and "gloss" not in fields:
            glosses = (self._repo.span(span_id).attributes.get("gloss")
                       for span_id in claim.demand_span_ids)
            gloss = next((g for g in glosses if isinstance(g, str) and g.strip()), "")
            claim = dataclasses.replace(claim, gloss=gloss)
        return self.restore_claim(claim, _operation="add")

    def restore_claim(self, claim: Claim, *, _operation: str = "restore") -> Changes[Claim]:
        rules.check_claim(claim, self.codebook, self._repo)
        with self._repo.write():
            annotator_id = self._annotator(claim.annotator)
            claim_id = self._repo.insert_claim(claim, annotator_id, keep_id=claim.id != 0)
            stored = self._repo.claim(claim_id)
            self._touch(claim.doc_id, annotator_id)
            self._repo.log(claim.annotator, _operation, "claim", claim_id, claim.doc_id, None,
                          _plain(stored))
        return Changes(ChangeKind.CLAIMS, (claim.doc_id,), (claim_id,), None, stored)

    def update_claim(self, claim_id: ClaimId, annotator: str, **fields: Any) -> Changes[Claim]:
        before = self._repo.claim(claim_id)
        self._check_owner(before.annotator, annotator, "claim")
        after = rules.claim_with(before, fields)
        rules.check_claim(after, self.codebook, self._repo)
        with self._repo.write():
            self._repo.update_claim(after)
            stored = self._repo.claim(claim_id)
            self._repo.log(annotator, "update", "claim", claim_id, before.doc_id,
                          _plain(before), _plain(stored))
        return Changes(ChangeKind.CLAIMS, (before.doc_id,), (claim_id,), before, stored)

    def remove_claim(self, claim_id: ClaimId, annotator: str) -> Changes[Claim]:
        before = self._repo.claim(claim_id)
        self._check_owner(before.annotator, annotator, "claim")
        with self._repo.write():
            self._repo.delete_claim(claim_id)
            self._repo.log(annotator, "remove", "claim", claim_id, before.doc_id,
                          _plain(before), None)
        return Changes(ChangeKind.CLAIMS, (before.doc_id,), (claim_id,), before, None)

    # ------------------------------------------------------- document values

    def set_value(self, doc_id: DocId, annotator: str, field: str, value: Any,
                  provenance: dict[str, Any] | None = None) -> Changes[object]:
        """Set (or with None/'' clear) one document-level field for ``annotator``."""
        rules.check_value(self.codebook, field, value)
        self._repo.document(doc_id)
        with self._repo.write():
            annotator_id = self._annotator(annotator)
            before = self._repo.values(doc_id, annotator_id).get(field)
            self._repo.set_value(doc_id, annotator_id, field, value, provenance)
            self._touch(doc_id, annotator_id)
            self._repo.log(annotator, "set", "value", field, doc_id, before, value)
        return Changes(ChangeKind.VALUES, (doc_id,), (), before, value)

    def set_document_fields(self, doc_id: DocId, annotator: str,
                            **fields: str) -> Changes[dict[str, str]]:
        """Correct document metadata (language, publication date, title, ...)."""
        before_doc = self._repo.document(doc_id)
        before = {k: getattr(before_doc, k) for k in fields}
        if "published" in fields and fields["published"]:
            from annotator.core.timex import parse_value

            try:
                parse_value(fields["published"][:10])
            except ValueError as exc:
                raise ValidationError(f"publication date: {exc}") from None
        with self._repo.write():
            try:
                self._repo.update_document(doc_id, fields)
            except KeyError as exc:
                raise ValidationError(str(exc).strip('"')) from None
            self._repo.log(annotator, "update", "document", doc_id, doc_id, before, fields)
        return Changes(ChangeKind.DOCUMENTS, (doc_id,), (doc_id,), before, fields)

    def mark_boilerplate(self, doc_id: DocId, annotator: str, start: int, end: int,
                         boilerplate: bool = True) -> Changes[dict[str, Any]]:
        """Mark ``start:end`` of a document as boilerplate (site chrome), or with
        ``boilerplate=False`` as article text; the text itself never changes."""
        from annotator.core.boilerplate import merge, subtract

        doc = self._repo.document(doc_id)
        if not 0 <= start < end <= len(doc.text):
            raise ValidationError(f"range {start}..{end} is not inside the text "
                                  f"(0..{len(doc.text)})")
        ranges = (merge([*doc.boilerplate, (start, end)]) if boilerplate
                  else subtract(doc.boilerplate, (start, end)))
        return self.set_boilerplate(doc_id, annotator, ranges)

    def set_boilerplate(self, doc_id: DocId, annotator: str,
                        ranges: tuple[tuple[int, int], ...]) -> Changes[dict[str, Any]]:
        """Replace the boilerplate ranges of a document (one transaction, in the history);
        the Changes hold ``{"boilerplate": ranges}`` before and after."""
        before = self._repo.boilerplate(doc_id)
        with self._repo.write():
            self._repo.set_boilerplate({doc_id: ranges})
            self._repo.log(annotator, "update", "boilerplate", doc_id, doc_id,
                           [list(r) for r in before], [list(r) for r in ranges])
        return Changes(ChangeKind.DOCUMENTS, (doc_id,), (doc_id,), {"boilerplate": before},
                       {"boilerplate": ranges})

    def redetect(self, annotator: str = "", *, apply: bool = False) -> list[Redetected]:
        """Re-run header and boilerplate detection on every document; what differs.

        With ``apply``, the differences are written in one transaction (in the history),
        except for fields and boilerplate corrected by hand (found in the history) and
        the claim line (moving it would change the text). Annotations are never touched.
        """
        from annotator.core.importers.redetect import redetect
        from annotator.core.outlets import OutletIndex

        found = redetect((self._repo.document(d) for d in self._repo.document_ids()),
                         OutletIndex(self._repo.outlets()))
        if not apply or not found:
            return found
        with self._repo.write():
            for item in found:
                edited = self._edited_by_hand(item.doc_id)
                fields = {k: v[1] for k, v in item.changes.items()
                          if k != "boilerplate" and k not in edited}
                if fields:
                    before = {k: item.changes[k][0] for k in fields}
                    self._repo.update_document(item.doc_id, fields)
                    self._repo.log(annotator, "redetect", "document", item.doc_id,
                                   item.doc_id, before, fields)
                if "boilerplate" in item.changes and "boilerplate" not in edited:
                    old, new = item.changes["boilerplate"]
                    self._repo.set_boilerplate({item.doc_id: new})
                    self._repo.log(annotator, "redetect", "boilerplate", item.doc_id,
                                   item.doc_id, [list(r) for r in old],
                                   [list(r) for r in new])
        return found

    def redetect_document(self, doc_id: DocId, *, neighbours: int = 500) -> Redetected | None:
        """What detection finds today for one document, or None when nothing differs.

        Lines repeated across documents count as in an import: up to ``neighbours``
        other documents of the same import batch are read with it (bounded work).
        """
        from annotator.core.importers.redetect import redetect
        from annotator.core.outlets import OutletIndex

        doc = self._repo.document(doc_id)
        others = [s.id for s in self._repo.list_documents(batch_id=doc.batch_id,
                                                          limit=neighbours + 1)
                  if s.id != doc_id][:neighbours] if doc.batch_id is not None else []
        docs = [doc, *(self._repo.document(d) for d in others)]
        found = redetect(docs, OutletIndex(self._repo.outlets()))
        return next((item for item in found if item.doc_id == doc_id), None)

    def _edited_by_hand(self, doc_id: DocId) -> set[str]:
        """Document fields (and "boilerplate") someone corrected in the window."""
        out: set[str] = set()
        for entry in self._repo.history(doc_id, limit=10_000):
            if entry["operation"] != "update":
                continue
            if entry["entity"] == "boilerplate":
                out.add("boilerplate")
            elif entry["entity"] == "document" and isinstance(entry["after"], dict):
                out.update(entry["after"])
        return out

    def set_status(self, doc_id: DocId, annotator: str, status: Status | str) -> Changes[Status]:
        status = Status(status)
        self._repo.document(doc_id)
        with self._repo.write():
            annotator_id = self._annotator(annotator)
            before = self._repo.status(doc_id, annotator_id)
            self._repo.set_status(doc_id, annotator_id, status)
            self._repo.log(annotator, "set", "status", doc_id, doc_id, before.value, status.value)
        return Changes(ChangeKind.STATUS, (doc_id,), (), before, status)

    def _touch(self, doc_id: DocId, annotator_id: Any) -> None:
        """The first edit of a document moves it from 'not started' to 'in progress', and
        pre-fills the outlet reliability from the outlet list (proposed, see
        :mod:`annotator.core.outlets`)."""
        if self._repo.status(doc_id, annotator_id) is Status.NOT_STARTED:
            self._repo.set_status(doc_id, annotator_id, Status.IN_PROGRESS)
            self._prefill_outlet_grade(doc_id, annotator_id)

    def _prefill_outlet_grade(self, doc_id: DocId, annotator_id: Any) -> None:
        field = OUTLET_GRADE_FIELD
        if field not in {f.name for f in self.codebook.document_fields}:
            return
        if field in self._repo.values(doc_id, annotator_id):
            return
        from annotator.core.outlets import grade_of

        grade = grade_of(self._repo.outlets(), self._repo.document(doc_id).outlet)
        if grade:
            self._repo.set_value(doc_id, annotator_id, field, grade,
                                 {defaults.PROPOSED: ["value"], "from": "outlet list"})


def _changed_fields(before: Span, after: Span) -> list[str]:
    """Attribute names (and ``actor_id``) whose value differs between two versions of a span."""
    names = [k for k in {*before.attributes, *after.attributes}
             if before.attributes.get(k) != after.attributes.get(k)]
    return [*names, "actor_id"] if before.actor_id != after.actor_id else names
