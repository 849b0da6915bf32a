"""What the review queue reads of a project: the façade's public reads, as protocols.

The queue (:mod:`annotator.core.review`) and the window's loader
(:mod:`annotator.core.review.compare`) read annotations only through the
project's public calls; a :class:`~annotator.core.project.Project` satisfies
both protocols, and the review package never imports the façade.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.core.models import Claim, DocId, DocumentSummary, Span


class ReviewReads(Protocol):
    """The reads the review queue makes of a project (the façade's public ones)."""

    @property
    def codebook(self) -> Codebook: ...

    def annotators_of(self, doc_id: DocId) -> list[str]: ...

    def spans(self, doc_id: DocId | None = None, annotator: str | None = None
              ) -> list[Span]: ...

    def claims(self, doc_id: DocId | None = None, annotator: str | None = None
               ) -> list[Claim]: ...

    def values(self, doc_id: DocId, annotator: str) -> dict[str, Any]: ...

    def document_ids(self) -> list[DocId]: ...

    def decisions(self, doc_id: DocId | None = None) -> list[dict[str, Any]]: ...


class QueueReads(ReviewReads, Protocol):
    """The project's public reads the review window's queue makes."""

    def documents(self, **filters: Any) -> list[DocumentSummary]: ...
