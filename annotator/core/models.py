"""The domain model: frozen dataclasses and enums shared by every layer.

Nothing here touches the database or Qt. Identifiers are ``NewType`` ints so
that a document id cannot be passed where a span id is expected without the
type checker noticing. Records that travel between projects (spans, claims,
actors) also carry a ``uid``: a random hex string that stays the same across
export, import and package merges, while the integer id is local to one file.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from typing import Any, Generic, NewType, TypeVar

from annotator.core.wording import count

DocId = NewType("DocId", int)
SpanId = NewType("SpanId", int)
ClaimId = NewType("ClaimId", int)
ActorId = NewType("ActorId", int)
AnnotatorId = NewType("AnnotatorId", int)
BatchId = NewType("BatchId", int)
Payload = TypeVar("Payload", covariant=True)
"""What a :class:`Changes` carries as ``before`` and ``after`` (a Span, a Status, ...)."""

GOLD = "gold"
"""Name of the pseudo-annotator that holds the adjudicated gold layer."""


def new_uid() -> str:
    """A fresh identifier that survives export, import and merges."""
    return uuid.uuid4().hex


class Status(enum.StrEnum):
    """Per-annotator progress on one document."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What a document list shows: everything but the text."""

    id: DocId
    title: str
    outlet: str
    language: str
    published: str
    sha256: str
    length: int
    status: Status = Status.NOT_STARTED


@dataclass(frozen=True, slots=True)
class Document:
    """One article as stored: NFC text, its SHA-256 and its metadata."""

    id: DocId
    text: str
    sha256: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    byline: str = ""
    language: str = ""
    published: str = ""
    claim: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    batch_id: BatchId | None = None
    source_file: str = ""
    boilerplate: tuple[tuple[int, int], ...] = ()
    """Site chrome: sorted (start, end) code-point ranges into ``text``."""


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document produced by an importer, before it has an id."""

    text: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    byline: str = ""
    language: str = ""
    published: str = ""
    claim: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    source_file: str = ""
    boilerplate: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch of a document, owned by one annotator.

    ``start`` and ``end`` are Python code-point offsets into the stored text.
    """

    id: SpanId
    uid: str
    doc_id: DocId
    annotator: str
    layer: str
    start: int
    end: int
    text: str = ""
    actor_id: ActorId | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def proposed(self) -> tuple[str, ...]:
        """Attribute names (and ``actor_id``) the tool filled in and the annotator has not
        confirmed or changed (annotator.core.project.defaults)."""
        return tuple(self.provenance.get("proposed", ()))


@dataclass(frozen=True, slots=True)
class Claim:
    """A demand frame (who demands what of whom), owned by one annotator."""

    id: ClaimId
    uid: str
    doc_id: DocId
    annotator: str
    claimant_id: ActorId | None = None
    addressee_id: ActorId | None = None
    object_id: ActorId | None = None
    demand_span_ids: tuple[SpanId, ...] = ()
    gloss: str = ""
    event_type: str = "REQUEST"
    position: int | None = None
    factuality: str = ""
    form: str = ""
    date_value: str = ""
    date_precision: str = ""
    date_mod: str = ""
    date_span_id: SpanId | None = None
    source: str = ""
    source_span_id: SpanId | None = None
    source_reliability: str = ""
    info_credibility: str = ""
    note: str = ""
    provenance: dict[str, Any] = field(default_factory=dict)


CLAIM_FIELDS: tuple[str, ...] = (
    "claimant_id",
    "addressee_id",
    "object_id",
    "demand_span_ids",
    "gloss",
    "event_type",
    "position",
    "factuality",
    "form",
    "date_value",
    "date_precision",
    "date_mod",
    "date_span_id",
    "source",
    "source_span_id",
    "source_reliability",
    "info_credibility",
    "note",
)
"""The editable fields of a claim, in display order."""

CLAIM_TEXT_FIELDS: tuple[str, ...] = (
    "gloss",
    "factuality",
    "form",
    "date_value",
    "date_precision",
    "date_mod",
    "source",
    "source_reliability",
    "info_credibility",
    "note",
)
"""The claim fields held as text ('' when unset), in the order the native format lists them."""


@dataclass(frozen=True, slots=True)
class Alias:
    alias: str
    lang: str = "*"


@dataclass(frozen=True, slots=True)
class Outlet:
    """A publisher in the project's outlet list: how to recognise it, and its default grade.

    ``grade`` is the Admiralty source-reliability code (A-F, '' for none) that pre-fills a
    document's outlet reliability.
    """

    name: str
    domains: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()
    """Text that only this outlet's pages carry (a footer line, a slogan)."""
    grade: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    """One real-world actor in the project's shared registry."""

    id: ActorId
    key: str
    canonical_name: str
    aliases: tuple[Alias, ...] = ()
    qid: str = ""
    country: str = ""
    sector: str = ""
    actor_type: str = ""
    title: str = ""

    def names(self) -> list[str]:
        """Canonical name first, then every alias, without duplicates."""
        seen: dict[str, None] = {self.canonical_name: None}
        for alias in self.aliases:
            seen.setdefault(alias.alias, None)
        return list(seen)


@dataclass(frozen=True, slots=True)
class Rejection:
    """One file or record an import refused, and why."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class ImportReport:
    """The outcome of one import run: what came in, what was refused and why."""

    batch_id: BatchId | None = None
    imported: list[DocId] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    files_accepted: list[str] = field(default_factory=list)
    """Files read and written without error (also those that brought nothing new)."""
    files_unchanged: list[str] = field(default_factory=list)
    """Accepted files that brought nothing new: their documents are all duplicates."""
    skipped: list[Rejection] = field(default_factory=list)
    """Files below an imported folder that were not read (an unknown type), with why."""
    annotations: int = 0
    actors: int = 0
    outlets: int = 0
    cancelled: bool = False

    def rows(self) -> list[tuple[str, str, str]]:
        """(result, file, reason) per file and record, each file once: accepted, duplicate
        (a re-imported file is that, not also accepted), rejected or skipped."""
        unchanged = set(self.files_unchanged)
        rows = [("accepted", path, "") for path in self.files_accepted if path not in unchanged]
        rows += [("rejected", r.source + (f":{r.line}" if r.line else ""), r.reason)
                 for r in self.rejected]
        rows += [("duplicate", name, "already in the project") for name in self.duplicates]
        rows += [("skipped", r.source, r.reason) for r in self.skipped]
        return rows

    @property
    def rejected_files(self) -> int:
        """Files refused: a file with several bad lines is one."""
        return len({r.source for r in self.rejected})

    def summary(self) -> str:
        parts = [
            f"{count(len(self.imported), 'document')} imported",
            f"{len(self.duplicates)} already present",
            f"{self.rejected_files} rejected",
        ]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        if self.annotations:
            parts.append(f"{self.annotations} annotations")
        if self.actors:
            parts.append(count(self.actors, "actor"))
        if self.outlets:
            parts.append(count(self.outlets, "outlet"))
        if self.cancelled:
            parts.append("cancelled")
        return ", ".join(parts)


class ChangeKind(enum.Flag):
    """Which kinds of data an operation changed; combine with ``|``, test with ``in``.

    Views refresh what the flags name. DOCUMENTS is the shared fields of the
    documents in ``doc_ids`` (``after`` holds the new values); GOLD is the
    adjudicated layer and its review decisions; EVENTS the events above claims
    (annotator.core.events) and their claim links; ALL says anything may differ
    (an import, a package merge): views reload everything.
    """

    DOCUMENTS = 1
    SPANS = 2
    CLAIMS = 4
    VALUES = 8
    STATUS = 16
    ACTORS = 32
    CODEBOOK = 64
    SUGGESTIONS = 128
    GOLD = 256
    EVENTS = 512
    ALL = 1023


@dataclass(frozen=True, slots=True)
class Changes(Generic[Payload]):
    """What an operation changed, so that views know what to refresh and undo what to restore.

    ``kind`` names what changed, ``doc_ids`` where, ``ids`` which records.
    ``before`` and ``after`` hold the affected record as it was and as it is
    (``None`` where it did not or no longer exists), typed by the producer:
    ``Project.add_span`` gives a ``Changes[Span]``. ``keys`` names the review
    items a decision changed. ``initiator`` is the view whose request or undo
    caused the change (the session fills it in; empty from scripts).
    """

    kind: ChangeKind
    doc_ids: tuple[DocId, ...] = ()
    ids: tuple[int, ...] = ()
    before: Payload | None = None
    after: Payload | None = None
    keys: tuple[str, ...] = ()
    initiator: str = ""

    def touches(self, kinds: ChangeKind) -> bool:
        """Whether any of ``kinds`` changed."""
        return bool(self.kind & kinds)
