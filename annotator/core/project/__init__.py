"""The Project façade: every operation the GUI, the CLI and scripts perform.

Each editing method is one transaction, appends one entry to the history,
and returns a :class:`~annotator.core.models.Changes` describing what changed
(with the record before and after, which undo uses).

    >>> from annotator.core import Project
    >>> project = Project.create("news.annotator")
    >>> report = project.import_paths(["articles/"])
    >>> doc = project.documents()[0]
    >>> project.add_span(doc.id, "alice", "ACTOR", 0, 5)

:class:`Project` is put together from parts that each own one concern: the
open store and codebook (:mod:`~annotator.core.project.base`), editing
annotations (:mod:`~annotator.core.project.editing`) and the registry
(:mod:`~annotator.core.project.registry`), and the sub-façades
``project.backups``, ``project.team``, ``project.suggestions`` and
``project.exports`` (:mod:`~annotator.core.project.facades`). Validation rules
live in :mod:`~annotator.core.project.rules`, undoable commands in
:mod:`~annotator.core.project.commands`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator import __version__
from annotator.core import backup
from annotator.core.codebook import load_codebook
from annotator.core.errors import CodebookError, ValidationError
from annotator.core.models import (
    Actor,
    ActorId,
    ChangeKind,
    Changes,
    Claim,
    DocId,
    Document,
    DocumentSummary,
    ImportReport,
    Outlet,
    Span,
    SpanId,
    Status,
)
from annotator.core.project import rules
from annotator.core.project.editing import AnnotationEditing
from annotator.core.project.events import Events
from annotator.core.project.facades import Backups, Exports, Review, Suggestions, Team
from annotator.core.project.registry import RegistryEditing
from annotator.core.query import Result as QueryResult
from annotator.core.query import parse as parse_query
from annotator.core.query import scope_of
from annotator.core.store import schema_check
from annotator.core.store.db import connect, inspect, read_only_reason
from annotator.core.tasks import NULL_STATE, TaskState
from annotator.core.text import sha256

if TYPE_CHECKING:
    from annotator.core.live import ChangeWatch
    from annotator.core.team.package import PackageLimits


class Project(AnnotationEditing, RegistryEditing):
    """One annotation project stored in one SQLite file."""

    def __init__(self, path: str | Path, *, read_only: bool = False,
                 _create: bool = False, defer_backup: bool = False) -> None:
        super().__init__(path, read_only=read_only, _create=_create, defer_backup=defer_backup)
        if self._db.forced_read_only is not None:
            self.read_only = True  # the store opened it so: no rolling backup, no restore into it
        self.backups = Backups(self)
        """Copies of the project file and restoring them."""
        self.team = Team(self)
        """Assignments, packages out and back, progress per annotator."""
        self.review = Review(self)
        """Adjudication into the gold layer; the agreement report."""
        self.suggestions = Suggestions(self)
        """Actor and date suggestions; accepting and rejecting them."""
        self.exports = Exports(self)
        """Datasets in every format, and the lossless native JSONL."""
        self.events = Events(self)
        """Events across documents: edits, suggestions, corroboration, evidence."""

    # ---------------------------------------------------------------- life cycle

    @classmethod
    def create(cls, path: str | Path, codebook: str | Path | None = None) -> Project:
        """A new, empty project using ``codebook`` (the default one when None)."""
        book = load_codebook(codebook)
        project = cls(path, _create=True)
        with project._repo.write():
            project._repo.install_codebook(book.name, book.version, book.source_text)
            project._repo.set_info("created_with", __version__)
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
                     limits: PackageLimits | None = None) -> Project:
        """Create an annotator's local project from a package; returns it open.

        ``annotator``, when given, must be the one the package was made for. The
        local project gets the package's exact codebook text, its registry, its
        documents (with that annotator's existing annotations) and assignments,
        and remembers where it came from for ``team.return_package``.
        """
        from annotator.core.project import local
        from annotator.core.team.package import DEFAULT_LIMITS

        return local.create_from_package(cls, package_path, dest_project_path, annotator,
                                         limits=limits or DEFAULT_LIMITS)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def set_codebook(self, path: str | Path) -> Changes[None]:
        """Install a new codebook version (the old ones stay in the file)."""
        book = load_codebook(path)
        with self._repo.write():
            self._repo.install_codebook(book.name, book.version, book.source_text)
            self._repo.log("", "install", "codebook", book.version, None, None,
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
        unknown: str = "refuse",
    ) -> ImportReport:
        """Import files and folders; each file all or nothing; returns the report.

        ``unknown``: labels, fields and choices a Label Studio file holds that the
        codebook lacks refuse the file ("refuse", listed before any work), are
        kept in each document's metadata ("metadata"), or are added to a new
        codebook version installed first ("add")."""
        from annotator.core.importers import ImportOptions, ingest

        paths = list(paths)
        if unknown == "add":
            self._extend_codebook(paths)
            unknown = "refuse"
        target = ingest.IngestTarget(self._repo, self.codebook)
        options = ImportOptions(text_column=text_column, language=language, unknown=unknown)
        return ingest.import_paths(target, list(paths), options=options, state=state,
                                   description=description)

    def _extend_codebook(self, paths: list[str | Path]) -> None:
        """Install the codebook version that knows what the Label Studio files use."""
        from annotator.core.codebook import parse_codebook
        from annotator.core.codebook_extend import extended
        from annotator.core.importers import expand_paths, labelstudio

        additions = labelstudio.additions(list(expand_paths(paths)), self.codebook)
        if not additions:
            return
        book = parse_codebook(extended(self.codebook, additions), "the extended codebook")
        with self._repo.write():
            self._repo.install_codebook(book.name, book.version, book.source_text)
            self._repo.log("", "install", "codebook", book.version, None, None,
                           {"name": book.name, "version": book.version, "reason": "import"})
        self._codebook = book

    def import_actors_csv(self, path: str | Path) -> ImportReport:
        """Add or update registry actors from a CSV (see docs/native-format.md)."""
        from annotator.core.importers import ingest

        return ingest.import_actors_csv(ingest.IngestTarget(self._repo, self.codebook), Path(path))

    def import_outlets_csv(self, path: str | Path) -> ImportReport:
        """Add or replace outlets of the project's list from a CSV (name, domains,
        signatures, grade; see README)."""
        from annotator.core.importers import ingest

        return ingest.import_outlets_csv(ingest.IngestTarget(self._repo, self.codebook),
                                         Path(path))

    def outlets(self) -> list[Outlet]:
        """The project's outlet list, by name."""
        return self._repo.outlets()

    # ----------------------------------------------------------------- reading

    def documents(self, **filters: Any) -> list[DocumentSummary]:
        """Documents without their texts; filters: annotator, status, language, batch_id,
        search, sort, descending, limit, offset."""
        annotator = filters.pop("annotator", None)
        if annotator:
            filters["annotator_id"] = self._known(annotator)
        return self._repo.list_documents(**filters)

    def count_documents(self, **filters: Any) -> int:
        annotator = filters.pop("annotator", None)
        if annotator:
            filters["annotator_id"] = self._known(annotator)
        return self._repo.count_documents(**filters)

    def document(self, doc_id: DocId) -> Document:
        return self._repo.document(doc_id)

    def search(self, query: str, limit: int = 200) -> list[DocumentSummary]:
        return self._repo.list_documents(search=query, limit=limit)

    def find_annotations(self, query: str, *, viewer: str | None = None,
                         limit: int = 500) -> QueryResult:
        """Spans matching ``query`` (docs/query.md); ``viewer`` limits them to that annotator's own.

        Raises QuerySyntaxError naming the position of the first problem.
        """
        scope = scope_of(self.codebook)
        return self._repo.find_spans(parse_query(query, scope.field_names()), scope,
                                    viewer=viewer, limit=limit)

    def annotators(self, include_gold: bool = False) -> list[str]:
        return self._repo.annotators() if include_gold else self._repo.annotators("human")

    def spans(self, doc_id: DocId | None = None, annotator: str | None = None) -> list[Span]:
        return self._repo.spans(doc_id, self._known(annotator))

    def claims(self, doc_id: DocId | None = None, annotator: str | None = None) -> list[Claim]:
        return self._repo.claims(doc_id, self._known(annotator))

    def values(self, doc_id: DocId, annotator: str) -> dict[str, Any]:
        known = self._known(annotator)
        return {} if known is None else self._repo.values(doc_id, known)

    def value_provenance(self, doc_id: DocId, annotator: str) -> dict[str, dict[str, Any]]:
        """Where each of ``annotator``'s document values came from (fields without it left out)."""
        known = self._known(annotator)
        return {} if known is None else self._repo.value_provenances(doc_id, known)

    def span(self, span_id: SpanId) -> Span:
        """One span by id (``KeyError`` when there is none)."""
        return self._repo.span(span_id)

    def actor_by_key(self, key: str) -> Actor | None:
        """The registry actor with ``key``, or None."""
        return self._repo.actor_by_key(key)

    def annotators_of(self, doc_id: DocId) -> list[str]:
        """The annotators (gold included) with any span, claim, value or status on a document."""
        return self._repo.annotators_of(doc_id)

    def document_ids(self) -> list[DocId]:
        """Every document id, ascending (cheap: no titles, no texts)."""
        return self._repo.document_ids()

    def decisions(self, doc_id: DocId | None = None) -> list[dict[str, Any]]:
        """The reviewer's recorded adjudication decisions (of one document, or all)."""
        return self._repo.decisions(doc_id)

    def status(self, doc_id: DocId, annotator: str) -> Status:
        known = self._known(annotator)
        return Status.NOT_STARTED if known is None else self._repo.status(doc_id, known)

    def actors(self) -> list[Actor]:
        return self._repo.actors()

    def actor(self, actor_id: ActorId) -> Actor:
        return self._repo.actor(actor_id)

    def languages(self) -> list[str]:
        """The languages of the project's documents, sorted."""
        return self._repo.languages()

    def batches(self) -> list[dict[str, Any]]:
        """The import batches (id, start time, description, document count), oldest first."""
        return self._repo.batches()

    def read_only_reason(self) -> str | None:
        """Why the project file cannot be written (None when it can or was merely opened so)."""
        return read_only_reason(self.path)

    def info(self) -> dict[str, Any]:
        counts = self._repo.counts()
        counts["codebook"] = {"name": self.codebook.name, "version": self.codebook.version}
        counts["path"] = str(self.path)
        return counts

    def history(self, doc_id: DocId | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        return self._repo.history(doc_id, limit)

    def change_watch(self) -> ChangeWatch:
        """What other windows and processes write to this file from now on."""
        from annotator.core.live import ChangeWatch

        return ChangeWatch(self._repo.conn)

    # --------------------------------------------------------------- checking

    def check(self) -> list[str]:
        """Everything wrong with the file, one line each; [] when all is well.

        The schema against the migrations', integrity, foreign keys, every
        document's text hash, and every span and claim against the rules an
        edit, import or merge applies (attribute values, offsets within the
        text, claims pointing only at their own annotator's spans).
        """
        problems = [diff.describe() for diff in schema_check.differences(self._repo.conn)]
        problems += self._repo.integrity_problems()
        for doc_id, text, digest in self._repo.iter_texts():
            if sha256(text) != digest:
                problems.append(f"document {doc_id}: text does not match its SHA-256")
        try:
            book = self.codebook
        except (CodebookError, sqlite3.DatabaseError) as exc:
            return [*problems, f"stored codebook: {exc}"]
        for span in self._repo.spans():
            found = rules.stored_span_problem(span, self._repo.document_text(span.doc_id), book,
                                              self._repo)
            problems += [found] if found else []
        for claim in self._repo.claims():
            found = rules.stored_claim_problem(claim, book, self._repo)
            problems += [found] if found else []
        return problems

    def spans_in_boilerplate(self) -> int:
        """How many spans lie (partly) inside their document's boilerplate: allowed, and
        counted by ``annotator check`` so that a coder sees them."""
        from annotator.core.boilerplate import overlaps

        ranges = self._repo.boilerplate_by_document()
        if not ranges:
            return 0
        return sum(1 for span in self._repo.spans()
                   if span.doc_id in ranges and overlaps(ranges[span.doc_id], span.start,
                                                         span.end))

    @staticmethod
    def refuse_unusable(path: str | Path) -> None:
        """Raise the error opening ``path`` would meet because it is no project of ours or
        was made by a newer annotator, writing nothing (a damaged file may still pass)."""
        inspect(Path(path))

    @staticmethod
    def repair(path: str | Path) -> list[str]:
        """Give ``path`` exactly the schema the migrations create; what was done, one line each.

        Takes a ``before-repair`` backup first, then drops schema objects
        annotator did not create and recreates the indexes and triggers it
        did. A missing or changed table is left (restore a backup): the
        schema lines of :meth:`check` still name it.
        """
        path = Path(path)
        inspect(path)  # refuses what is no project of ours, writing nothing
        conn = connect(path)
        try:
            if not schema_check.differences(conn):
                return []
            copy = backup.take_backup(conn, path, "before-repair")
            done, _left = schema_check.repair(conn)
        finally:
            conn.close()
        return [f"backed up {path} to {copy}", *done]


__all__ = ["Project", "ValidationError"]
