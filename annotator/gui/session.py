"""The session: owns the open Project, the undo stack, the thread pool and the annotator's name.

Widgets never call the Project to write: they ask the session, which runs a
Qt-free command from :mod:`annotator.core.project.commands` (one transaction), pushes
it on the ``QUndoStack`` and announces what changed with ``sig_changed``.
Undo and redo replay the same commands, also after the user moved on to
another document; ``sig_revisit`` then names the document the undone edit
belongs to, so the window can show it.

Reading is blind: the ``my_*`` helpers return only the session annotator's
own annotations.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.errors import StorageError
from annotator.core.models import Changes, Claim, DocId, Span, Status
from annotator.core.project import Project, commands
from annotator.gui import workers

UNDO_LIMIT = 1000


class _UndoCommand(QUndoCommand):
    """A QUndoCommand replaying one core command through the session."""

    def __init__(self, session: Session, command: commands.Command) -> None:
        super().__init__(command.text)
        self._session = session
        self._command = command
        self._first = True  # the session applied it already, before pushing

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._session._replay(self, self._command.apply)

    def undo(self) -> None:
        self._session._replay(self, self._command.revert)


class Session(QObject):
    """The one owner of the open project for the GUI."""

    sig_project_opened = Signal(object)
    """A project was opened (the Project)."""
    sig_project_closed = Signal()
    """The project was closed; views clear themselves."""
    sig_changed = Signal(object)
    """An edit, undo or redo changed data (a :class:`Changes`)."""
    sig_revisit = Signal(int)
    """Undo or redo changed this document; the window should show it."""
    sig_annotator_changed = Signal(str)
    """The annotator name changed (views reload: annotation is blind)."""
    sig_error = Signal(str)
    """An edit was refused or failed; the message says why."""

    def __init__(self, annotator: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._annotator = annotator
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.thread_pool = QThreadPool(self)
        self.thread_pool.setMaxThreadCount(2)

    # ----------------------------------------------------------- life cycle

    @property
    def project(self) -> Project | None:
        return self._project

    @property
    def path(self) -> Path | None:
        return None if self._project is None else self._project.path

    def open_project(self, path: str | Path, *, create: bool = False) -> Project:
        """Open (or create) ``path``; raises ProjectFileError with a readable reason."""
        project = Project.create(path) if create else Project.open(path, defer_backup=True)
        self.close_project()
        self._project = project
        self.sig_project_opened.emit(project)
        if not create:
            self._backup_later(Path(path))
        return project

    def _backup_later(self, path: Path) -> None:
        """The rolling backup of a large project can take seconds: after the first paint,
        on a worker with its own connection, never in the annotator's way."""

        def run(_state: object) -> object:
            with Project.open(path, defer_backup=True) as project:
                return project.backup_if_due()

        self._backup_task = workers.Task(run, "backup")
        self._backup_task.signals.sig_failed.connect(self.sig_error.emit)
        QTimer.singleShot(0, lambda: workers.start(self._backup_task, self.thread_pool))

    def close_project(self) -> None:
        if self._project is None:
            return
        self.undo_stack.clear()
        self._project.close()
        self._project = None
        self.sig_project_closed.emit()

    @property
    def annotator(self) -> str:
        return self._annotator

    def set_annotator(self, name: str) -> None:
        if name == self._annotator:
            return
        self._annotator = name
        self.undo_stack.clear()  # undoing another annotator's edits would be refused
        self.sig_annotator_changed.emit(name)

    # -------------------------------------------------------------- editing

    def execute(self, command: commands.Command) -> list[Changes] | None:
        """Apply ``command`` (one transaction) and push it for undo; None when refused."""
        if self._project is None:
            return None
        try:
            changes = command.apply(self._project)
        except (ValueError, KeyError, StorageError) as exc:
            self.sig_error.emit(_message(exc))
            return None
        self.undo_stack.push(_UndoCommand(self, command))
        for item in changes:
            self.sig_changed.emit(item)
        return changes

    def _replay(self, wrapper: _UndoCommand, step: Any) -> None:
        if self._project is None:
            return
        try:
            changes = step(self._project)
        except StorageError as exc:  # a full disk is temporary: keep the step for later
            self.sig_error.emit("cannot undo/redo now: " + _message(exc))
            return
        except (ValueError, KeyError) as exc:
            wrapper.setObsolete(True)  # the stack drops what can no longer be replayed
            self.sig_error.emit("cannot undo/redo: " + _message(exc))
            return
        for item in changes:
            self.sig_changed.emit(item)
        doc_ids = [d for item in changes for d in item.doc_ids]
        if doc_ids:
            self.sig_revisit.emit(int(doc_ids[0]))

    def add_span(self, doc_id: DocId, layer: str, start: int, end: int) -> Span | None:
        command = commands.AddSpan(doc_id, self._annotator, layer, start, end)
        return command.span if self.execute(command) else None

    def update_span(self, span: Span, **changes: Any) -> bool:
        return self.execute(commands.UpdateSpan(span.id, self._annotator, **changes)) is not None

    def remove_span(self, span: Span) -> bool:
        return self.execute(commands.RemoveSpan(span.id, self._annotator)) is not None

    def add_claim(self, doc_id: DocId, **fields: Any) -> Claim | None:
        command = commands.AddClaim(doc_id, self._annotator, **fields)
        return command.claim if self.execute(command) else None

    def update_claim(self, claim: Claim, **fields: Any) -> bool:
        return self.execute(commands.UpdateClaim(claim.id, self._annotator, **fields)) \
            is not None

    def remove_claim(self, claim: Claim) -> bool:
        return self.execute(commands.RemoveClaim(claim.id, self._annotator)) is not None

    def set_value(self, doc_id: DocId, field: str, value: Any) -> bool:
        return self.execute(commands.SetValue(doc_id, self._annotator, field, value)) \
            is not None

    def set_status(self, doc_id: DocId, status: Status) -> bool:
        return self.execute(commands.SetStatus(doc_id, self._annotator, status)) is not None

    def set_document_fields(self, doc_id: DocId, **fields: str) -> bool:
        return self.execute(commands.SetDocumentFields(doc_id, self._annotator, **fields)) \
            is not None

    def add_actor(self, name: str) -> int | None:
        """A new registry actor; returns its id (None when refused)."""
        command = commands.AddActor(name)
        return command.actor.id if self.execute(command) and command.actor else None

    def begin_macro(self, text: str) -> None:
        """Group the next edits into one undo step (e.g. a new actor and its link)."""
        self.undo_stack.beginMacro(text)

    def end_macro(self) -> None:
        self.undo_stack.endMacro()

    # ------------------------------------------------------- blind reading

    def my_spans(self, doc_id: DocId) -> list[Span]:
        assert self._project is not None
        return self._project.spans(doc_id, annotator=self._annotator)

    def my_claims(self, doc_id: DocId) -> list[Claim]:
        assert self._project is not None
        return self._project.claims(doc_id, annotator=self._annotator)

    def my_values(self, doc_id: DocId) -> dict[str, Any]:
        assert self._project is not None
        return self._project.values(doc_id, self._annotator)

    def my_status(self, doc_id: DocId) -> Status:
        assert self._project is not None
        return self._project.status(doc_id, self._annotator)


def _message(exc: BaseException) -> str:
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    return str(exc) or type(exc).__name__
