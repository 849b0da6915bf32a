"""What an export takes from a project: whose annotations, and which documents.

A :class:`Selection` names the source of the annotations (one annotator, all of
them, the gold layer, or gold falling back to a named annotator document by
document) and filters documents by status, language and import batch. It is a
plain value: the CLI builds one from ``--source``, the GUI from its dialog.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.errors import SelectionError
from annotator.core.models import GOLD, Status

ALL = "all"
ANNOTATOR = "annotator"
GOLD_SOURCE = "gold"
GOLD_FALLBACK = "gold-fallback"
SOURCES = (ALL, ANNOTATOR, GOLD_SOURCE, GOLD_FALLBACK)


@dataclass(frozen=True, slots=True)
class Selection:
    """Whose annotations an export takes, and from which documents.

    ``source`` is one of :data:`SOURCES`; ``annotator`` names the annotator for
    ``"annotator"`` and the fallback for ``"gold-fallback"``. ``status`` keeps a
    document only where the chosen annotator's status is that one (with
    ``"all"``: keeps each annotator's work only where their status matches).
    """

    source: str = ALL
    annotator: str = ""
    status: str | None = None
    language: str | None = None
    batch_id: int | None = None
    keep_boilerplate: bool = False
    """Keep spans that lie in a document's boilerplate (left out by default)."""

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise SelectionError(f"unknown source {self.source!r}; use one of {', '.join(SOURCES)}")
        if self.source in (ANNOTATOR, GOLD_FALLBACK) and not self.annotator:
            raise SelectionError(f"source {self.source!r} needs an annotator name")
        if self.status is not None and self.status not in {s.value for s in Status}:
            raise SelectionError(
                f"unknown status {self.status!r}; use one of {', '.join(s.value for s in Status)}")

    def describe(self) -> dict[str, object]:
        """A JSON-ready description for export manifests."""
        return {"source": self.source, "annotator": self.annotator or None,
                "status": self.status, "language": self.language, "batch_id": self.batch_id,
                "keep_boilerplate": self.keep_boilerplate}


def parse_source(text: str, **filters: object) -> Selection:
    """``all`` | ``gold`` | ``gold-fallback:NAME`` | ``annotator:NAME`` | ``NAME``."""
    text = text.strip()
    if text == ALL:
        return Selection(ALL, **filters)  # type: ignore[arg-type]
    if text == GOLD:
        return Selection(GOLD_SOURCE, **filters)  # type: ignore[arg-type]
    kind, sep, name = text.partition(":")
    if sep and kind == GOLD_FALLBACK:
        return Selection(GOLD_FALLBACK, name.strip(), **filters)  # type: ignore[arg-type]
    if sep and kind == ANNOTATOR:
        return Selection(ANNOTATOR, name.strip(), **filters)  # type: ignore[arg-type]
    if text in (GOLD_FALLBACK, ANNOTATOR, ""):
        raise SelectionError(
            f"--source {text or '(empty)'} needs a name, e.g. {GOLD_FALLBACK}:alice")
    return Selection(ANNOTATOR, text, **filters)  # type: ignore[arg-type]
