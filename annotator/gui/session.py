"""The session: owns the open Project, the undo history, the thread pool and the annotator's name.

Widgets never call the Project to write: they hand a Qt-free command (from
:mod:`annotator.core.project.commands` and its siblings) to :meth:`Session.execute`,
which applies it (one transaction), pushes it on an undo stack and announces
what changed with ``sig_changed``, each :class:`~annotator.core.models.Changes`
stamped with the ``initiator``: the name of the stack, that is the view, that
asked. The main window uses :attr:`Session.undo_stack`; every other window
that edits (the registry, the review) gets its own stack from
:meth:`Session.add_stack`, and all of them join :attr:`Session.undo_group`, so
Ctrl+Z in a window undoes that window's edits and no other's.

Undo and redo replay the same commands, also after the user moved on to
another document; ``sig_revisit`` then names the document a main-window
undo belongs to, so the window can show it. Work that changes the project
behind the commands' back (an import, a package merge) ends with
:meth:`Session.external_change`: every undo history is cleared and every
view reloads; opening a file (also after a restore) does the same.

Other windows and processes may write the same file. Every undo and redo step
checks that its record is still what it left (the commands raise
:class:`~annotator.core.errors.StaleEditError` otherwise); a refused or failed
replay becomes a message (``sig_refused``), never an exception, and leaves the
stack consistent. A short timer polls :class:`~annotator.core.live.ChangeWatch`
and announces what others wrote as ``sig_changed`` Changes whose initiator is
:data:`~annotator.core.live.EXTERNAL`; those leave the undo stacks alone. While
a project is open for editing the session announces itself in the project's
presence folder (:mod:`annotator.core.presence`), and ``sig_presence`` says who
else has the project open and whether its folder is unsafe.

Reading is blind: the ``my_*`` helpers return only the session annotator's
own annotations.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoCommand, QUndoGroup, QUndoStack, QWindow
from PySide6.QtWidgets import QWidget

from annotator.core.errors import StorageError
from annotator.core.models import ChangeKind, Changes, Claim, DocId, Span, Status
from annotator.core.project import Project, commands
from annotator.core.project.actor_commands import AddActor
from annotator.gui import workers
from annotator.gui.live import LiveLink

UNDO_LIMIT = 1000
MAIN = "main"
"""The initiator (and undo stack name) of the main window's edits."""
log = logging.getLogger(__name__)

Refused = Callable[[str], None]
"""Told why a command was refused, instead of the session's error signals."""


class _UndoCommand(QUndoCommand):
    """A QUndoCommand replaying one core command through the session."""

    def __init__(self, session: Session, command: commands.Command, initiator: str) -> None:
        super().__init__(command.text)
        self._session = session
        self._command = command
        self._initiator = initiator
        self.skip = True  # the session applied it already, before pushing

    def redo(self) -> None:
        if self.skip:  # pushed after applying, or putting the stack back after a failure
            self.skip = False
            return
        self._session._replay(self, self._command.apply, self._initiator, undoing=False)

    def undo(self) -> None:
        if self.skip:
            self.skip = False
            return
        self._session._replay(self, self._command.revert, self._initiator, undoing=True)


class Session(QObject):
    """The one owner of the open project for the GUI."""

    sig_project_opened = Signal(object)
    """A project was opened (the Project)."""
    sig_project_closed = Signal()
    """The project was closed; views clear themselves."""
    sig_changed = Signal(object)
    """An edit, undo or redo changed data (a :class:`Changes`)."""
    sig_revisit = Signal(int)
    """Undo or redo of a main-window edit changed this document; the window should show it."""
    sig_annotator_changed = Signal(str)
    """The annotator name changed (views reload: annotation is blind)."""
    sig_error = Signal(str)
    """A main-window edit was refused or failed, or a background step failed; why."""
    sig_refused = Signal(str, str)
    """An edit, undo or redo was refused: (initiator, why), for every window."""
    sig_presence = Signal(str)
    """Who else has the project open, and whether its folder is unsafe ('' when neither)."""

    def __init__(self, annotator: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._owns_project = True
        self._annotator = annotator
        self.undo_group = QUndoGroup(self)
        self.undo_stack = self._new_stack(MAIN, self)
        self.undo_group.setActiveStack(self.undo_stack)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._on_focus_window_changed)
        self.thread_pool = QThreadPool(self)
        self.thread_pool.setMaxThreadCount(2)
        self.live = LiveLink(self)
        """The change poll and the presence file of the open project."""
        self.live.sig_changed.connect(self.sig_changed.emit)
        self.live.sig_presence.connect(self.sig_presence.emit)

    # ----------------------------------------------------------- life cycle

    @property
    def project(self) -> Project | None:
        return self._project

    @property
    def path(self) -> Path | None:
        return None if self._project is None else self._project.path

    def open_project(self, path: str | Path, *, create: bool = False,
                     read_only: bool = False) -> Project:
        """Open (or create) ``path``; raises ProjectFileError with a readable reason."""
        project = Project.create(path) if create else \
            Project.open(path, defer_backup=True, read_only=read_only)
        self.attach(project)
        if not create and not project.read_only:
            self._backup_later(Path(path))
        return project

    def attach(self, project: Project, *, owns: bool = True) -> None:
        """Work on an already open ``project``; closing closes it only when ``owns``."""
        self.close_project()
        self._project = project
        self._owns_project = owns
        self.live.start(project, self._annotator)
        self.sig_project_opened.emit(project)
        if self.live.note:
            self.sig_presence.emit(self.live.note)

    def _backup_later(self, path: Path) -> None:
        """The rolling backup of a large project can take seconds: after the first paint,
        on a worker with its own connection, never in the annotator's way."""

        def run(_state: object) -> object:
            with Project.open(path, defer_backup=True) as project:
                return project.backups.take_if_due()

        self._backup_task = workers.Task(run, "backup")
        self._backup_task.signals.sig_failed.connect(self.sig_error.emit)
        QTimer.singleShot(0, lambda: workers.start(self._backup_task, self.thread_pool))

    def close_project(self) -> None:
        if self._project is None:
            return
        self.live.stop()
        self._clear_history()
        if self._owns_project:
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

    # ------------------------------------------------------------ undo stacks

    def add_stack(self, name: str, window: QObject) -> QUndoStack:
        """A new undo stack for ``window``'s edits, in the session's group.

        The stack lives as long as ``window``, is the group's active stack
        while the window has the focus, and its (unique) ``objectName`` is the
        initiator of the Changes its commands cause.
        """
        return self._new_stack(name, window)

    def _new_stack(self, name: str, parent: QObject) -> QUndoStack:
        taken = {s.objectName() for s in self.undo_group.stacks()}
        unique, number = name, 2
        while unique in taken:
            unique, number = f"{name}-{number}", number + 1
        stack = QUndoStack(parent)
        stack.setObjectName(unique)
        stack.setUndoLimit(UNDO_LIMIT)
        self.undo_group.addStack(stack)
        return stack

    def _on_focus_window_changed(self, focused: QWindow | None) -> None:
        active = next((stack for stack in self.undo_group.stacks()
                       if focused is not None and _window_of(stack) is focused),
                      self.undo_stack)
        self.undo_group.setActiveStack(active)

    def _clear_history(self) -> None:
        for stack in self.undo_group.stacks():
            stack.clear()

    def external_change(self, initiator: str, kind: ChangeKind = ChangeKind.ALL) -> None:
        """The project changed behind the commands' back (an import, a package merge):
        every undo history is void, and every view reloads what ``kind`` names."""
        self._clear_history()
        if self._project is not None:
            self.sig_changed.emit(Changes(kind, initiator=initiator))

    # -------------------------------------------------------------- editing

    def execute(self, command: commands.Command, stack: QUndoStack | None = None, *,
                refused: Refused | None = None) -> list[Changes[object]] | None:
        """Apply ``command`` (one transaction) and push it on ``stack`` (the main one by
        default) for undo; None when refused, and then ``refused`` (by default the
        error signals) is told why. A command that changed nothing is not pushed."""
        stack = stack if stack is not None else self.undo_stack
        initiator = stack.objectName()
        if self._project is None:
            return None
        try:
            changes = command.apply(self._project)
        except (ValueError, KeyError, StorageError) as exc:
            if refused is not None:
                refused(_message(exc))
            else:
                self._report(initiator, _message(exc))
            return None
        if changes:
            stack.push(_UndoCommand(self, command, initiator))
        stamped = [dataclasses.replace(item, initiator=initiator) for item in changes]
        for item in stamped:
            self.sig_changed.emit(item)
        return stamped

    def _replay(self, wrapper: _UndoCommand, step: Any, initiator: str, *,
                undoing: bool) -> None:
        if self._project is None:
            return
        what = f"{'undo' if undoing else 'redo'} \u201c{wrapper.text()}\u201d"
        try:
            changes = step(self._project)
        except StorageError as exc:  # a full disk is temporary: keep the step for later
            self._put_back(wrapper, initiator, undoing=undoing)
            self._report(initiator, f"cannot {what} now: {_message(exc)}")
            return
        except (ValueError, KeyError) as exc:  # StaleEditError: another writer was here
            wrapper.setObsolete(True)  # the stack drops what can no longer be replayed
            self._report(initiator, f"cannot {what}: {_message(exc)}")
            return
        except Exception as exc:  # noqa: BLE001 - no replay may end in a traceback
            log.debug("replay failed", exc_info=True)
            wrapper.setObsolete(True)
            self._report(initiator, f"cannot {what}: {_message(exc)}; nothing was changed")
            return
        for item in changes:
            self.sig_changed.emit(dataclasses.replace(item, initiator=initiator))
        doc_ids = [d for item in changes for d in item.doc_ids]
        if doc_ids and initiator == MAIN:
            self.sig_revisit.emit(int(doc_ids[0]))

    def _put_back(self, wrapper: _UndoCommand, initiator: str, *, undoing: bool) -> None:
        """The stack moved past a step that did not happen: move it back, without replaying
        (Qt lets no command stop the move from inside)."""
        stack = next((s for s in self.undo_group.stacks() if s.objectName() == initiator), None)
        if stack is None:
            return
        before = stack.index()  # Qt moves the index once the step returns
        at = before - 1 if undoing else before
        moved = at if undoing else at + 1
        wrapper.skip = True

        def restore() -> None:
            if stack.index() == moved and stack.command(at) is wrapper:
                stack.setIndex(before)  # replays nothing: the step skips once
            else:
                wrapper.skip = False

        QTimer.singleShot(0, restore)

    def _report(self, initiator: str, message: str) -> None:
        if initiator == MAIN:
            self.sig_error.emit(message)
        self.sig_refused.emit(initiator, message)

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

    def mark_boilerplate(self, doc_id: DocId, start: int, end: int, boilerplate: bool) -> bool:
        """Mark a stretch as boilerplate (or as article text): one undoable step."""
        return self.execute(commands.MarkBoilerplate(doc_id, self._annotator, start, end,
                                                     boilerplate)) is not None

    def add_actor(self, name: str) -> int | None:
        """A new registry actor; returns its id (None when refused)."""
        command = AddActor(name)
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


def _window_of(stack: QUndoStack) -> QWindow | None:
    """The native window of the window a stack belongs to (None for the main stack)."""
    owner = stack.parent()
    return owner.window().windowHandle() if isinstance(owner, QWidget) else None


def _message(exc: BaseException) -> str:
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    return str(exc) or type(exc).__name__
