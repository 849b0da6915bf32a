"""The Project's sub-façades: backups, team work, review, suggestions and exports.

Each groups one subsystem's calls under one attribute of :class:`Project`
(``project.backups``, ``project.team``, ``project.review``,
``project.suggestions``, ``project.exports``), the way Anki's collection
composes its managers. They hold no state of their own: each call hands the
service module that does the work (:mod:`annotator.core.backup`,
:mod:`annotator.core.team`, :mod:`annotator.core.review`,
:mod:`annotator.core.agreement.report`, :mod:`annotator.core.assist.workflow`,
:mod:`annotator.core.exporters`) what it needs of the project explicitly: the
store, the codebook, the path. The store is the project's private one; only
this package passes it on. The team, review, agreement, suggestion and export
services are imported by the calls that use them, so that opening a project for
a command that needs none of them does not load them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core import backup
from annotator.core.errors import SuggesterUnavailable, ValidationError
from annotator.core.exporters import export as run_export
from annotator.core.models import ChangeKind, Changes, DocId, Span
from annotator.core.store.export import ExportRepository
from annotator.core.tasks import NULL_STATE, TaskState

if TYPE_CHECKING:
    from annotator.core.assist.base import Suggestion
    from annotator.core.assist.learn.model import LearnedModel, Proposal
    from annotator.core.assist.learn.train import TrainResult
    from annotator.core.exporters import ExportResult, Selection
    from annotator.core.models import Claim
    from annotator.core.project import Project
    from annotator.core.review import GoldEdit, Item, Verdict
    from annotator.core.team import AnnotatorProgress, MergeReport, PackageInfo
    from annotator.core.team.package import PackageLimits
    from annotator.core.team.target import TeamTarget


class Backups:
    """``project.backups``: copies of the project file and restoring them."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def take(self, reason: str = "manual") -> Path:
        """Copy the project into its backup folder now; returns the copy's path."""
        return backup.take_backup(self._project._repo.conn, self._project.path, reason)

    def take_if_due(self) -> Path | None:
        """The rolling backup that opening takes, if one is due; the copy's path or None."""
        project = self._project
        if project.read_only or str(project.path) == ":memory:":
            return None
        return backup.backup_on_open(project._repo.conn, project.path,
                                     backup.BackupPolicy.from_env())

    def list(self) -> list[backup.BackupInfo]:
        """The project's backups, newest first."""
        return backup.list_backups(self._project.path)

    def restore(self, source: str | Path | None = None) -> tuple[Path, Path]:
        """Replace the content with a backup (default: the latest good one).

        Exclusive and safe against other writers (see :func:`backup.restore_into_open`):
        the current content is copied first under the write lock, so a restore
        can itself be undone by restoring that copy. Returns (restored from,
        copy of what was replaced); every view must reload everything
        afterwards, and undo history is void.
        """
        project = self._project
        if project.read_only:
            raise ValidationError("a project opened read-only cannot be restored")
        result = backup.restore_into_open(project._repo.conn, project.path,
                                          Path(source) if source is not None else None)
        project._codebook = None
        return result


class Team:
    """``project.team``: assignments, packages out and back, progress."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def _target(self) -> TeamTarget:
        from annotator.core.exporters import native
        from annotator.core.team.target import TeamTarget

        project = self._project
        return TeamTarget(project._repo, project.codebook, project.path,
                          functools.partial(native.document_record, project))

    def assign(self, doc_ids: Iterable[DocId], annotators: Sequence[str], *,
               overlap: float | None = None, seed: int | None = 0) -> dict[str, list[DocId]]:
        """Assign documents: each to every annotator, or split with an ``overlap``
        fraction shared by all (see :func:`annotator.core.team.split_assignment`)."""
        from annotator.core import team

        return team.assign(self._target(), doc_ids, annotators, overlap=overlap, seed=seed)

    def assignments(self) -> dict[str, list[DocId]]:
        """Annotator -> the documents assigned to them."""
        from annotator.core import team

        return team.assignments(self._target())

    def make_package(self, annotator: str, out_path: str | Path,
                     doc_ids: Iterable[DocId] | None = None) -> PackageInfo:
        """Write ``annotator``'s package: ``doc_ids`` (assigned now) or all assigned."""
        from annotator.core import team

        return team.make_package(self._target(), annotator, out_path, doc_ids)

    def write_packages(self, out_dir: str | Path,
                       plan: dict[str, list[DocId]] | None = None) -> list[PackageInfo]:
        """One package per annotator of ``plan`` (what :meth:`assign` returned) or of
        every assignment, into ``out_dir``."""
        from annotator.core import team

        return team.write_packages(self._target(), out_dir, plan)

    def return_package(self, out_path: str | Path) -> PackageInfo:
        """In a local project: the annotator's work as a package back to the reviewer."""
        from annotator.core import team

        return team.return_package(self._target(), out_path)

    def merge(self, path: str | Path, *, dry_run: bool = False,
              limits: PackageLimits | None = None) -> MergeReport:
        """Merge a returned package (one transaction; twice is a no-op); raises
        :class:`~annotator.core.errors.PackageError` and merges nothing on refusal."""
        from annotator.core import team
        from annotator.core.team.package import DEFAULT_LIMITS

        return team.merge_package(self._target(), path, limits=limits or DEFAULT_LIMITS,
                                  dry_run=dry_run)

    def local_annotator(self) -> str:
        """The annotator a project made from a package belongs to ("" for a master project)."""
        from annotator.core import team

        return self._project._repo.info(team.INFO_ANNOTATOR)

    def packages(self, direction: str) -> list[dict[str, Any]]:
        """The packages written (``"out"``) or merged (``"in"``), oldest first."""
        from annotator.core import team

        return team.packages(self._target(), direction)

    def progress(self) -> list[AnnotatorProgress]:
        """Assigned, not started, in progress and done per annotator (the dashboard)."""
        from annotator.core import team

        return team.progress(self._target())


class Review:
    """``project.review``: adjudication into the gold layer, and the agreement report.

    The queue itself (:func:`annotator.core.review.items`, ``queue``,
    ``progress``) reads through the project's public calls; what writes or reads
    in bulk goes through here.
    """

    def __init__(self, project: Project) -> None:
        self._project = project

    def decide(self, item: Item, verdict: Verdict) -> GoldEdit:
        """Accept one annotator's version of ``item`` into gold, or reject it (one
        transaction); :meth:`undo` reverts the returned edit."""
        from annotator.core import review

        return review.decide(self._project._repo, item, verdict)

    def undo(self, edit: GoldEdit) -> None:
        """Revert one decision exactly: gold records and the decision record."""
        from annotator.core import review

        review.undo(self._project._repo, edit)

    def accept_agreements(self, doc_id: DocId, reviewer: str) -> list[GoldEdit]:
        """Copy every item all annotators of the document agree on into gold (one
        transaction; items already decided are left alone)."""
        from annotator.core import review

        project = self._project
        with project._repo.write():
            return review.accept_agreements(project._repo, review.items(project, doc_id),
                                            reviewer)

    def agreement_report(self, annotators: Sequence[str] | None = None, *,
                         bootstrap: int = 1000, state: TaskState = NULL_STATE,
                         keep_boilerplate: bool = False) -> dict[str, Any]:
        """Agreement per field with intervals (see :mod:`annotator.core.agreement.report`);
        spans in boilerplate are left out unless ``keep_boilerplate``."""
        from annotator.core.agreement.report import agreement_report

        project = self._project
        report = agreement_report(project._repo, project.codebook, annotators,
                                  bootstrap=bootstrap, state=state,
                                  keep_boilerplate=keep_boilerplate)
        report["entries"] += project.events.identity_entries(report["annotators"])
        return report


class Suggestions:
    """``project.suggestions``: actor and date suggestions, accepting and rejecting them."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def find(self, doc_id: DocId, annotator: str | None,
             layers: Iterable[str] | None = None, *,
             suggesters: Sequence[str] | None = None) -> list[Suggestion]:
        """Suggestions for ``annotator`` (None: unfiltered), hiding those overlapping
        their own spans of the same layer and those they rejected."""
        from annotator.core.assist import workflow

        project = self._project
        return workflow.suggestions(project._repo, project.codebook, doc_id, annotator, layers,
                                    suggesters, models=self.models_folder())

    # ------------------------------------------------------- the learned model

    def models_folder(self) -> Path | None:
        """Where this project's learned models are kept (None for a project in memory)."""
        from annotator.core.assist.learn.model import models_dir

        path = self._project.path
        return None if str(path) == ":memory:" else models_dir(path)

    def train(self, *, engine: str = "crf", state: TaskState = NULL_STATE) -> TrainResult:
        """Train a new model version from the finished documents (see
        :mod:`annotator.core.assist.learn.train`); it only reads the project."""
        from annotator.core.assist.learn import train
        from annotator.core.store.suggest import SuggestRepository

        project = self._project
        rejections = SuggestRepository(project._repo).all_rejections()
        return train.train(project, project.path, rejections=rejections, engine=engine,
                           state=state)

    def model(self) -> LearnedModel:
        """The newest learned model; :class:`~annotator.core.errors.ModelUnavailable` (or
        SuggesterUnavailable without the libraries) says why there is none."""
        from annotator.core.assist import workflow
        from annotator.core.errors import ModelUnavailable

        folder = self.models_folder()
        if folder is None:
            raise ModelUnavailable("a project in memory has no learned model")
        return workflow.learned_suggester(folder).model  # type: ignore[no-any-return]

    def model_history(self) -> list[dict[str, Any]]:
        """The held-out evaluation of every model version trained, oldest first."""
        from annotator.core.assist.learn.model import history

        folder = self.models_folder()
        return history(folder) if folder is not None else []

    def new_finished(self) -> int:
        """Documents finished (done or gold) that the newest model has not learned from
        (all of them when there is no model): what retraining would add."""
        from annotator.core.assist.learn.train import finished

        try:
            meta = self.model().meta
        except (SuggesterUnavailable, ValueError):
            meta = {}
        seen = {*meta.get("training", {}).get("documents", ()),
                *meta.get("training", {}).get("held_out", ())}
        return len({int(doc_id) for doc_id, _names in finished(self._project)} - seen)

    def proposals(self, doc_id: DocId) -> list[Proposal]:
        """The learned model's values for the document's choice fields."""
        doc = self._project.document(doc_id)
        return self.model().document_fields(doc.title, doc.outlet, doc.language, doc.text)

    def claim_type(self, doc_id: DocId, claim: Claim) -> Proposal | None:
        """The learned model's event type for ``claim`` (None when it has no claim model)."""
        from annotator.core.assist.learn.train import claim_words

        project = self._project
        spans = {s.id: s for s in project.spans(doc_id, claim.annotator or None)}
        return self.model().claim_type(claim_words(project.text(doc_id), claim, spans))

    def least_certain(self, annotator: str, *, limit: int = 300
                      ) -> list[tuple[DocId, float, str]]:
        """Unstarted documents of ``annotator`` the model is least sure about, most unsure
        first: (document, uncertainty 0..1, the reason); at most ``limit`` are scored."""
        from annotator.core.models import Status

        model = self.model()
        project = self._project
        scored: list[tuple[DocId, float, str]] = []
        known = annotator in project.annotators()
        for summary in project.documents(**({"annotator": annotator} if known else {})):
            if len(scored) >= limit:
                break
            if known and (summary.status != Status.NOT_STARTED
                          or project.spans(summary.id, annotator)):
                continue
            doc = project.document(summary.id)
            score, reason = model.uncertainty(doc.title, doc.outlet, doc.language, doc.text)
            scored.append((summary.id, score, reason))
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored

    def accept(self, doc_id: DocId, annotator: str, suggestion: Suggestion) -> Changes[Span]:
        """The annotator's own span with the actor or date filled in; undo: remove_span."""
        from annotator.core.assist import workflow

        project = self._project
        workflow.check_current(project.text(doc_id), suggestion)
        return project.add_span(doc_id, annotator, suggestion.layer, suggestion.start,
                                suggestion.end, **workflow.span_fields(suggestion))

    def accept_all(self, doc_id: DocId, annotator: str, layer: str
                   ) -> Changes[tuple[Span, ...]]:
        """Accept every suggestion shown for ``layer`` in one transaction; ``after`` holds
        the new spans."""
        shown = self.find(doc_id, annotator, [layer])
        spans: list[Span] = []
        with self._project._repo.write():
            for suggestion in shown:
                span = self.accept(doc_id, annotator, suggestion).after
                if span is not None:
                    spans.append(span)
        return Changes(ChangeKind.SPANS, (doc_id,), tuple(s.id for s in spans), None,
                       tuple(spans))

    def reject(self, doc_id: DocId, annotator: str, suggestion: Suggestion
               ) -> Changes[Suggestion]:
        """Hide a suggestion from ``annotator`` for good; undo: :meth:`unreject`."""
        from annotator.core.assist import workflow

        return workflow.reject(self._project._repo, doc_id, annotator, suggestion)

    def unreject(self, doc_id: DocId, annotator: str, suggestion: Suggestion
                 ) -> Changes[Suggestion]:
        """Show a rejected suggestion again."""
        from annotator.core.assist import workflow

        return workflow.unreject(self._project._repo, doc_id, annotator, suggestion)


class Exports:
    """``project.exports``: datasets in every format, and the lossless native JSONL."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def write(self, format_name: str, path: str | Path, selection: Selection | None = None, *,
              state: TaskState = NULL_STATE, **options: Any) -> ExportResult:
        """Export ``selection`` (default: everything) as ``format_name``.

        The target is guarded (:func:`annotator.core.outputs.check_target`);
        ``force=True`` replaces an existing file or an earlier export.
        """
        return run_export(self._project, format_name, path, selection, state, **options)

    def reader(self) -> ExportRepository:
        """The bulk, streaming reads the table exporters merge, over this project's store
        (:mod:`annotator.core.exporters.rows`); they only read."""
        return ExportRepository(self._project._repo)

    def native(self, path: str | Path, *, state: TaskState = NULL_STATE,
               annotators: Sequence[str] | None = None,
               timestamp: bool = True, force: bool = False) -> int:
        """Write the lossless native JSONL; returns the number of documents written.

        ``path`` is guarded like every export (never the project, a backup or
        an SQLite file); an existing file is replaced only with ``force``.
        """
        from annotator.core.exporters import jsonl, native
        from annotator.core.exporters.selection import Selection
        from annotator.core.outputs import check_target

        project = self._project
        target = check_target(path, kind="file", project=project.path, force=force)
        if annotators is None:
            # The whole project: the bulk reads of the jsonl format write the same lines
            # (a fifth faster at 100,000 documents than one document at a time).
            return jsonl.export(project, target, Selection(), state,
                                timestamp=timestamp).documents
        return native.export(project, target, state=state, annotators=annotators,
                             timestamp=timestamp)
