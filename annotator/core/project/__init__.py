"""The Project façade: every operation the GUI, the CLI and scripts perform.

Each editing method is one transaction, appends one entry to the history,
and returns a :class:`~annotator.core.models.Changes` describing what changed
(with the record before and after, which undo uses).

    >>> from annotator.core import Project
    >>> project = Project.create("news.annotator")
    >>> report = project.import_paths(["articles/"])
    >>> doc = project.documents()[0]
    >>> project.add_span(doc.id, "alice", "ACTOR", 0, 5)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core import backup
from annotator.core.codebook import Codebook, load_codebook, parse_codebook
from annotator.core.errors import ValidationError  # noqa: F401 - re-exported
from annotator.core.importers import ingest
from annotator.core.models import (
    Actor,
    ActorId,
    Alias,
    ChangeKind,
    Changes,
    Claim,
    ClaimId,
    DocId,
    Document,
    DocumentSummary,
    ImportReport,
    Span,
    SpanId,
    Status,
    new_uid,
)
from annotator.core.project import local, rules
from annotator.core.project.facades import Backups, Exports, Suggestions, Team
from annotator.core.store.actors import ActorReferences
from annotator.core.store.db import open_db, read_only_reason
from annotator.core.store.repository import Repository
from annotator.core.tasks import NULL_STATE, TaskState
from annotator.core.team.package import DEFAULT_LIMITS, PackageLimits
from annotator.core.text import sha256


class Project:
    """One annotation project stored in one SQLite file."""

    def __init__(self, path: str | Path, *, read_only: bool = False,
                 _create: bool = False, defer_backup: bool = False) -> None:
        self.path = Path(path) if str(path) != ":memory:" else Path(":memory:")
        self.read_only = read_only
        self.db = open_db(path, create=_create, read_only=read_only,
                          defer_backup=defer_backup, before_open=backup.before_open)
        self.repo = Repository(self.db)
        self._codebook: Codebook | None = None
        self.backups = Backups(self)
        """Copies of the project file and restoring them."""
        self.team = Team(self)
        """Assignments, packages out and back, progress per annotator."""
        self.suggestions = Suggestions(self)
        """Actor and date suggestions; accepting and rejecting them."""
        self.exports = Exports(self)
        """Datasets in every format, and the lossless native JSONL."""

    # ---------------------------------------------------------------- life cycle

    @classmethod
    def create(cls, path: str | Path, codebook: str | Path | None = None) -> Project:
        """A new, empty project using ``codebook`` (the default one when None)."""
        book = load_codebook(codebook)
        project = cls(path, _create=True)
        with project.repo.write():
            project.repo.install_codebook(book.name, book.version, book.source_text)
            project.repo.set_info("created_with", _tool_version())
        project._codebook = book
        return project

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False,
             defer_backup: bool = False) -> Project:
        """Open a project; ``defer_backup`` leaves the rolling backup to
        :meth:`Backups.take_if_due` (for callers that take it off the critical path)."""
        return cls(path, read_only=read_only, defer_backup=defer_backup)

    @classmethod
    def from_package(cls, package_path: str | Path, dest_project_path: str | Path,
                     annotator: str | None = None, *,
                     limits: PackageLimits = DEFAULT_LIMITS) -> Project:
        """Create an annotator's local project from a package; returns it open.

        ``annotator``, when given, must be the one the package was made for. The
        local project gets the package's exact codebook text, its registry, its
        documents (with that annotator's existing annotations) and assignments,
        and remembers where it came from for ``team.return_package``.
        """
        return local.create_from_package(cls, package_path, dest_project_path, annotator,
                                         limits=limits)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def codebook(self) -> Codebook:
        if self._codebook is None:
            text = self.repo.codebook_text()
            self._codebook = parse_codebook(text, f"{self.path} (stored codebook)") if text \
                else load_codebook()
        return self._codebook

    def set_codebook(self, path: str | Path) -> Changes[None]:
        """Install a new codebook version (the old ones stay in the file)."""
        book = load_codebook(path)
        with self.repo.write():
            self.repo.install_codebook(book.name, book.version, book.source_text)
            self.repo.log("", "install", "codebook", book.version, None, None,
                          {"name": book.name, "version": book.version})
        self._codebook = book
        return Changes(ChangeKind.CODEBOOK)

    # -------------------------------------------------------------------- import

    def import_paths(
        self,
        paths: Iterable[str | Path],
        *,
        text_column: str = "text",
        language: str = "",
        state: TaskState = NULL_STATE,
        description: str = "",
    ) -> ImportReport:
        """Import files and folders; each file all or nothing; returns the report."""
        return ingest.import_paths(self, list(paths), text_column=text_column,
                                   language=language, state=state, description=description)

    def import_actors_csv(self, path: str | Path) -> ImportReport:
        """Add or update registry actors from a CSV (see docs/native-format.md)."""
        return ingest.import_actors_csv(self, Path(path))

    # ----------------------------------------------------------------- reading

    def documents(self, **filters: Any) -> list[DocumentSummary]:
        """Documents without their texts; filters: annotator, status, language, batch_id,
        search, sort, descending, limit, offset."""
        annotator = filters.pop("annotator", None)
        if annotator:
            filters["annotator_id"] = self._known(annotator)
        return self.repo.list_documents(**filters)

    def count_documents(self, **filters: Any) -> int:
        annotator = filters.pop("annotator", None)
        if annotator:
            filters["annotator_id"] = self._known(annotator)
        return self.repo.count_documents(**filters)

    def document(self, doc_id: DocId) -> Document:
        return self.repo.document(doc_id)

    def text(self, doc_id: DocId) -> str:
        return self.repo.document_text(doc_id)

    def search(self, query: str, limit: int = 200) -> list[DocumentSummary]:
        return self.repo.list_documents(search=query, limit=limit)

    def annotators(self, include_gold: bool = False) -> list[str]:
        return self.repo.annotators() if include_gold else self.repo.annotators("human")

    def spans(self, doc_id: DocId | None = None, annotator: str | None = None) -> list[Span]:
        return self.repo.spans(doc_id, self._known(annotator))

    def claims(self, doc_id: DocId | None = None, annotator: str | None = None) -> list[Claim]:
        return self.repo.claims(doc_id, self._known(annotator))

    def values(self, doc_id: DocId, annotator: str) -> dict[str, Any]:
        known = self._known(annotator)
        return {} if known is None else self.repo.values(doc_id, known)

    def status(self, doc_id: DocId, annotator: str) -> Status:
        known = self._known(annotator)
        return Status.NOT_STARTED if known is None else self.repo.status(doc_id, known)

    def actors(self) -> list[Actor]:
        return self.repo.actors()

    def actor(self, actor_id: ActorId) -> Actor:
        return self.repo.actor(actor_id)

    def languages(self) -> list[str]:
        """The languages of the project's documents, sorted."""
        return self.repo.languages()

    def batches(self) -> list[dict[str, Any]]:
        """The import batches (id, start time, description, document count), oldest first."""
        return self.repo.batches()

    def read_only_reason(self) -> str | None:
        """Why the project file cannot be written (None when it can or was merely opened so)."""
        return read_only_reason(self.path)

    def info(self) -> dict[str, Any]:
        counts = self.repo.counts()
        counts["codebook"] = {"name": self.codebook.name, "version": self.codebook.version}
        counts["path"] = str(self.path)
        return counts

    def history(self, doc_id: DocId | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        return self.repo.history(doc_id, limit)

    def _known(self, annotator: str | None) -> Any:
        if annotator is None:
            return None
        if annotator not in self.repo.annotators():
            return -1  # matches nothing
        return self.repo.annotator_id(annotator, create=False)

    def _annotator(self, name: str) -> Any:
        return rules.annotator_id(self.repo, name)

    # ------------------------------------------------------------------- spans

    def add_span(
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
        """Mark ``text[start:end]`` with ``layer``; returns Changes whose ``after`` is the Span."""
        span = Span(SpanId(0), new_uid(), doc_id, annotator, layer, start, end,
                    actor_id=actor_id, attributes=dict(attributes or {}),
                    provenance=dict(provenance or {}))
        return self.restore_span(span, _operation="add")

    def restore_span(self, span: Span, *, _operation: str = "restore") -> Changes[Span]:
        """Insert a span as given (undo of a removal keeps its id and uid)."""
        text = self.text(span.doc_id)
        span = dataclasses.replace(span, text=rules.check_span(span, text, self.codebook,
                                                               self.repo))
        with self.repo.write():
            annotator_id = self._annotator(span.annotator)
            keep = span.id != 0
            span_id = self.repo.insert_span(span, annotator_id, keep_id=keep)
            stored = self.repo.span(span_id)
            self._touch(span.doc_id, annotator_id)
            self.repo.log(span.annotator, _operation, "span", span_id, span.doc_id, None,
                          _plain(stored))
        return Changes(ChangeKind.SPANS, (span.doc_id,), (span_id,), None, stored)

    def update_span(self, span_id: SpanId, annotator: str, **changes: Any) -> Changes[Span]:
        """Change layer, start, end, actor_id or attributes of one of ``annotator``'s spans."""
        before = self.repo.span(span_id)
        self._check_owner(before.annotator, annotator, "span")
        allowed = {"layer", "start", "end", "actor_id", "attributes", "provenance"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationError(f"spans have no field {', '.join(sorted(unknown))}")
        after = dataclasses.replace(before, **changes)
        after = dataclasses.replace(after, text=rules.check_span(
            after, self.text(after.doc_id), self.codebook, self.repo))
        with self.repo.write():
            self.repo.update_span(after)
            stored = self.repo.span(span_id)
            self.repo.log(annotator, "update", "span", span_id, before.doc_id, _plain(before),
                          _plain(stored))
        return Changes(ChangeKind.SPANS, (before.doc_id,), (span_id,), before, stored)

    def remove_span(self, span_id: SpanId, annotator: str) -> Changes[Span]:
        """Delete a span; claims keep working (the span leaves their demand list)."""
        before = self.repo.span(span_id)
        self._check_owner(before.annotator, annotator, "span")
        with self.repo.write():
            self.repo.delete_span(span_id)
            self.repo.log(annotator, "remove", "span", span_id, before.doc_id, _plain(before),
                          None)
        return Changes(ChangeKind.SPANS, (before.doc_id,), (span_id,), before, None)

    @staticmethod
    def _check_owner(owner: str, annotator: str, what: str) -> None:
        if owner != annotator:
            raise ValidationError(f"this {what} belongs to {owner!r}, not {annotator!r}")

    # ------------------------------------------------------------------ claims

    def add_claim(self, doc_id: DocId, annotator: str, **fields: Any) -> Changes[Claim]:
        """A new demand frame; fields as in :data:`CLAIM_FIELDS`."""
        claim = Claim(ClaimId(0), new_uid(), doc_id, annotator)
        claim = rules.claim_with(claim, fields)
        return self.restore_claim(claim, _operation="add")

    def restore_claim(self, claim: Claim, *, _operation: str = "restore") -> Changes[Claim]:
        rules.check_claim(claim, self.codebook, self.repo)
        with self.repo.write():
            annotator_id = self._annotator(claim.annotator)
            claim_id = self.repo.insert_claim(claim, annotator_id, keep_id=claim.id != 0)
            stored = self.repo.claim(claim_id)
            self._touch(claim.doc_id, annotator_id)
            self.repo.log(claim.annotator, _operation, "claim", claim_id, claim.doc_id, None,
                          _plain(stored))
        return Changes(ChangeKind.CLAIMS, (claim.doc_id,), (claim_id,), None, stored)

    def update_claim(self, claim_id: ClaimId, annotator: str, **fields: Any) -> Changes[Claim]:
        before = self.repo.claim(claim_id)
        self._check_owner(before.annotator, annotator, "claim")
        after = rules.claim_with(before, fields)
        rules.check_claim(after, self.codebook, self.repo)
        with self.repo.write():
            self.repo.update_claim(after)
            stored = self.repo.claim(claim_id)
            self.repo.log(annotator, "update", "claim", claim_id, before.doc_id,
                          _plain(before), _plain(stored))
        return Changes(ChangeKind.CLAIMS, (before.doc_id,), (claim_id,), before, stored)

    def remove_claim(self, claim_id: ClaimId, annotator: str) -> Changes[Claim]:
        before = self.repo.claim(claim_id)
        self._check_owner(before.annotator, annotator, "claim")
        with self.repo.write():
            self.repo.delete_claim(claim_id)
            self.repo.log(annotator, "remove", "claim", claim_id, before.doc_id,
                          _plain(before), None)
        return Changes(ChangeKind.CLAIMS, (before.doc_id,), (claim_id,), before, None)

    # ------------------------------------------------------- document values

    def set_value(self, doc_id: DocId, annotator: str, field: str, value: Any,
                  provenance: dict[str, Any] | None = None) -> Changes[object]:
        """Set (or with None/'' clear) one document-level field for ``annotator``."""
        rules.check_value(self.codebook, field, value)
        self.repo.document(doc_id)
        with self.repo.write():
            annotator_id = self._annotator(annotator)
            before = self.repo.values(doc_id, annotator_id).get(field)
            self.repo.set_value(doc_id, annotator_id, field, value, provenance)
            self._touch(doc_id, annotator_id)
            self.repo.log(annotator, "set", "value", field, doc_id, before, value)
        return Changes(ChangeKind.VALUES, (doc_id,), (), before, value)

    def set_document_fields(self, doc_id: DocId, annotator: str,
                            **fields: str) -> Changes[dict[str, str]]:
        """Correct document metadata (language, publication date, title, ...)."""
        before_doc = self.repo.document(doc_id)
        before = {k: getattr(before_doc, k) for k in fields}
        if "published" in fields and fields["published"]:
            from annotator.core.timex import parse_value

            try:
                parse_value(fields["published"][:10])
            except ValueError as exc:
                raise ValidationError(f"publication date: {exc}") from None
        with self.repo.write():
            try:
                self.repo.update_document(doc_id, fields)
            except KeyError as exc:
                raise ValidationError(str(exc).strip('"')) from None
            self.repo.log(annotator, "update", "document", doc_id, doc_id, before, fields)
        return Changes(ChangeKind.DOCUMENTS, (doc_id,), (doc_id,), before, fields)

    def set_status(self, doc_id: DocId, annotator: str, status: Status | str) -> Changes[Status]:
        status = Status(status)
        self.repo.document(doc_id)
        with self.repo.write():
            annotator_id = self._annotator(annotator)
            before = self.repo.status(doc_id, annotator_id)
            self.repo.set_status(doc_id, annotator_id, status)
            self.repo.log(annotator, "set", "status", doc_id, doc_id, before.value, status.value)
        return Changes(ChangeKind.STATUS, (doc_id,), (), before, status)

    def _touch(self, doc_id: DocId, annotator_id: Any) -> None:
        """The first edit of a document moves it from 'not started' to 'in progress'."""
        if self.repo.status(doc_id, annotator_id) is Status.NOT_STARTED:
            self.repo.set_status(doc_id, annotator_id, Status.IN_PROGRESS)

    # ------------------------------------------------------------------ actors

    def add_actor(self, canonical_name: str, *, aliases: Sequence[Alias | str] = (),
                  key: str = "", **fields: str) -> Changes[Actor]:
        """A new registry actor; ``key`` defaults to a slug of the name."""
        name = rules.canonical_name(canonical_name)
        key = key or rules.unique_key(self.repo, canonical_name)
        if self.repo.actor_by_key(key) is not None:
            raise ValidationError(f"an actor with key {key!r} already exists")
        actor = Actor(ActorId(0), key, name, rules.aliases(aliases),
                      **rules.actor_fields(fields))
        with self.repo.write():
            actor_id = self.repo.insert_actor(actor)
            stored = self.repo.actor(actor_id)
            self.repo.log("", "add", "actor", actor_id, None, None, _plain(stored))
        return Changes(ChangeKind.ACTORS, (), (actor_id,), None, stored)

    def update_actor(self, actor_id: ActorId, **fields: Any) -> Changes[Actor]:
        before = self.repo.actor(actor_id)
        if "aliases" in fields:
            fields["aliases"] = rules.aliases(fields["aliases"])
        after = dataclasses.replace(before, **fields)
        rules.canonical_name(after.canonical_name)
        with self.repo.write():
            self.repo.update_actor(after)
            self.repo.log("", "update", "actor", actor_id, None, _plain(before), _plain(after))
        return Changes(ChangeKind.ACTORS, (), (actor_id,), before, after)

    def delete_actor(self, actor_id: ActorId) -> Changes[Actor]:
        """Delete an actor nobody points to; refused with the count otherwise."""
        before = self.repo.actor(actor_id)
        mentions = self.repo.actor_mentions(actor_id)
        if mentions:
            raise ValidationError(
                f"{before.canonical_name} is used by {mentions} annotation(s); "
                "merge it into another actor instead")
        with self.repo.write():
            self.repo.delete_actor(actor_id)
            self.repo.log("", "remove", "actor", actor_id, None, _plain(before), None)
        return Changes(ChangeKind.ACTORS, (), (actor_id,), before, None)

    def merge_actors(self, keep: ActorId, drop: ActorId) -> Changes[Actor]:
        """Fold ``drop`` into ``keep``: its names become aliases, its mentions follow."""
        if keep == drop:
            raise ValidationError("cannot merge an actor into itself")
        kept, dropped = self.repo.actor(keep), self.repo.actor(drop)
        names = [*kept.aliases, Alias(dropped.canonical_name), *dropped.aliases]
        merged = dataclasses.replace(kept, aliases=rules.aliases(names),
                                     qid=kept.qid or dropped.qid,
                                     country=kept.country or dropped.country,
                                     sector=kept.sector or dropped.sector,
                                     actor_type=kept.actor_type or dropped.actor_type,
                                     title=kept.title or dropped.title)
        with self.repo.write():
            self.repo.repoint_actor(drop, keep)
            self.repo.update_actor(merged)
            self.repo.delete_actor(drop)
            self.repo.log("", "merge", "actor", keep, None,
                          {"keep": _plain(kept), "drop": _plain(dropped)}, _plain(merged))
        return Changes(ChangeKind.ACTORS, (), (keep, drop), dropped, merged)

    def restore_actor(self, actor: Actor) -> Changes[Actor]:
        """Put a deleted actor back as it was, with its id and key (undo of a deletion)."""
        self._check_restorable(actor)
        with self.repo.write():
            actor_id = self.repo.insert_actor(actor, keep_id=True)
            stored = self.repo.actor(actor_id)
            self.repo.log("", "restore", "actor", actor_id, None, None, _plain(stored))
        return Changes(ChangeKind.ACTORS, (), (actor_id,), None, stored)

    def actor_references(self, actor_id: ActorId) -> ActorReferences:
        """The spans and claim roles that point to an actor: what a merge moves."""
        return self.repo.actor_references(actor_id)

    def unmerge_actors(self, kept: Actor, dropped: Actor,
                       moved: ActorReferences) -> Changes[Actor]:
        """Undo :meth:`merge_actors`: ``kept`` as it was before, ``dropped`` back with its
        id, and the ``moved`` references pointing to it again (one transaction)."""
        self._check_restorable(dropped)
        with self.repo.write():
            self.repo.insert_actor(dropped, keep_id=True)
            self.repo.update_actor(kept)
            self.repo.point_references(moved, dropped.id)
            self.repo.log("", "unmerge", "actor", kept.id, None, None,
                          {"keep": _plain(kept), "drop": _plain(dropped)})
        return Changes(ChangeKind.ACTORS, (), (kept.id, dropped.id), None,
                       self.repo.actor(kept.id))

    def _check_restorable(self, actor: Actor) -> None:
        if self.repo.actors(ids=[actor.id]) or self.repo.actor_by_key(actor.key) is not None:
            raise ValidationError(f"{actor.canonical_name} cannot come back: another actor "
                                  f"now has its id or its key {actor.key!r}")

    # --------------------------------------------------------------- checking

    def check(self) -> list[str]:
        """Integrity, foreign keys and every document's text hash; [] when all is well."""
        problems = self.repo.integrity_problems()
        for doc_id, text, digest in self.repo.iter_texts():
            if sha256(text) != digest:
                problems.append(f"document {doc_id}: text does not match its SHA-256")
        for span in self.repo.spans():
            text = self.repo.document_text(span.doc_id)
            if text[span.start:span.end] != span.text:
                problems.append(f"span {span.id}: offsets no longer match its text")
        return problems


def _tool_version() -> str:
    return __version__


def _plain(record: Any) -> Any:
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return dataclasses.asdict(record)
    return record
