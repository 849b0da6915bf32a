"""Suggestions in the workspace: computed off the GUI thread, accepted or rejected with undo.

The :class:`SuggestionController` owns the suggestions of the document on
screen. They are computed on the session's thread pool (a worker opens its own
read-only :class:`~annotator.core.project.Project`, as SQLite requires), for the
session annotator only (blind annotation: the façade hides what *they* already
marked or rejected), and recomputed, debounced, on a document switch, after
edits, undo/redo and registry changes. A result for an older request is dropped.

When the project has a learned model (Assist › Train suggestions) its suggestions
come first, then the registry's and the date rules'. Every suggestion has a
confidence (:attr:`Suggestion.score`); those below :attr:`SuggestionController.threshold`
are hidden, and :attr:`SuggestionController.sig_shown` hands what is on screen to the
learned-suggestions pane, which lists it by confidence with its source.

Accepting pushes :class:`~annotator.core.project.commands.AddSpan` with the
suggestion's actor link and date attributes on the session's undo stack
(accept-all: one macro, so one Ctrl+Z). Rejecting pushes
:class:`RejectSuggestion`, remembered in the project; undo shows it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from annotator.core.assist.base import Suggestion, overlaps
from annotator.core.assist.registry import DEFAULT_SUGGESTERS, LEARNED
from annotator.core.assist.workflow import span_fields
from annotator.core.errors import SuggesterUnavailable
from annotator.core.models import ChangeKind, Changes, DocId, Span
from annotator.core.project import Project, commands
from annotator.gui import workers
from annotator.gui.actions import Slot

if TYPE_CHECKING:
    from annotator.gui.workspace.main_window import MainWindow

REFRESH_DELAY_MS = 40
"""Edits in a burst (accept-all, undo of a macro) cause one recomputation."""


class RejectSuggestion(commands.Command):
    """Hide a suggestion from the annotator for good; revert shows it again."""

    def __init__(self, doc_id: DocId, annotator: str, suggestion: Suggestion) -> None:
        self.doc_id = doc_id
        self.annotator = annotator
        self.suggestion = suggestion
        self.text = f"reject {suggestion.layer} suggestion"

    def apply(self, project: Project) -> list[Changes]:
        return [project.suggestions.reject(self.doc_id, self.annotator, self.suggestion)]

    def revert(self, project: Project) -> list[Changes]:
        return [project.suggestions.unreject(self.doc_id, self.annotator, self.suggestion)]


def compute(path: Path, doc_id: DocId, annotator: str, learned: bool = True
            ) -> list[Suggestion]:
    """What ``annotator`` is shown for ``doc_id``, through a connection of this thread: the
    learned model's suggestions (when ``learned`` and the project has a usable model) and
    the default suggesters'."""
    with Project.open(path, read_only=True) as project:
        if learned:
            try:
                return project.suggestions.find(
                    doc_id, annotator, suggesters=[LEARNED, *DEFAULT_SUGGESTERS])
            except SuggesterUnavailable:
                pass  # no model (yet), or unreadable: the pane says why
        return project.suggestions.find(doc_id, annotator)


def preview(suggestion: Suggestion) -> str:
    """What accepting ``suggestion`` would make: layer, text and the actor or value it assigns."""
    what = f"{suggestion.layer} “{suggestion.text}”"
    if suggestion.layer == "ACTOR" and suggestion.actor_name:
        others = f" (or {len(suggestion.alternatives)} other)" if suggestion.alternatives else ""
        return f"{what} → {suggestion.actor_name}{others}"
    value = suggestion.attributes.get("value")
    if value:
        precision = suggestion.attributes.get("precision")
        return f"{what} → {value}" + (f" ({precision})" if precision else "")
    return what


def visible(suggestions: Sequence[Suggestion], spans: Sequence[Span]) -> list[Suggestion]:
    """``suggestions`` less those overlapping a span of the same layer (accepted already)."""
    return [s for s in suggestions
            if not any(p.layer == s.layer and overlaps(p.start, p.end, s.start, s.end)
                       for p in spans)]


class SuggestionController(QObject):
    """Suggestions of the window's current document: show, step through, accept, reject."""

    sig_ready = Signal(int)
    """Fresh suggestions of this document are on screen."""
    sig_shown = Signal(object)
    """The suggestions now on screen (a list, in text order)."""

    @staticmethod
    def menu_slots(window: MainWindow) -> dict[str, Slot]:
        """The Assist menu's actions, built before the controller (``window.suggest``) is."""
        return {
            "suggest_toggle": lambda: window.suggest.toggle(),
            "suggest_next": lambda: window.suggest.step(+1),
            "suggest_previous": lambda: window.suggest.step(-1),
            "suggest_accept": lambda: window.suggest.accept_current(),
            "suggest_reject": lambda: window.suggest.reject_current(),
            "suggest_all_actor": lambda: window.suggest.accept_all("ACTOR"),
            "suggest_all_date": lambda: window.suggest.accept_all("DATE"),
            "suggest_all_demand": lambda: window.suggest.accept_all("DEMAND"),
            "suggest_all_source": lambda: window.suggest.accept_all("SOURCE"),
        }

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.view = window.view
        self.enabled = False
        self.threshold = 0.0
        """Suggestions with a lower confidence are hidden."""
        self.use_learned = True
        self._computed: list[Suggestion] = []
        self._doc_id: DocId | None = None
        self._generation = 0
        self._running: dict[int, workers.Task] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Suggestions in this document")
        self.count_label.hide()
        window.statusBar().addPermanentWidget(self.count_label)
        toggle = window.menu_actions.get("suggest_toggle")
        if toggle is not None:
            toggle.setCheckable(True)
        window.sig_document_shown.connect(self._on_window_document_shown)
        self.session.sig_project_closed.connect(self._on_session_project_closed)
        self.session.sig_changed.connect(self._on_session_changed)
        self.view.sig_suggestion_clicked.connect(self._on_view_suggestion_clicked)
        self.view.sig_suggestion_accept_requested.connect(self.accept_current)
        self.view.sig_suggestion_reject_requested.connect(self.reject_current)
        self._update_actions()

    # ------------------------------------------------------------ showing

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        toggle = self.window.menu_actions.get("suggest_toggle")
        if toggle is not None and toggle.isChecked() != enabled:
            toggle.setChecked(enabled)
        self.count_label.setVisible(enabled)
        if enabled:
            self.refresh()
        else:
            self._generation += 1  # results on their way are dropped
            self.view.set_suggestions([])
            self.sig_shown.emit([])
        self._update_actions()

    def toggle(self) -> None:
        toggle = self.window.menu_actions.get("suggest_toggle")
        self.set_enabled(toggle.isChecked() if toggle is not None else not self.enabled)

    def refresh(self) -> None:
        """Recompute soon (debounced)."""
        if self.enabled and self._doc_id is not None:
            self._timer.start()

    def _start(self) -> None:
        path, doc_id = self.session.path, self._doc_id
        if not self.enabled or path is None or doc_id is None:
            return
        self._generation += 1
        generation, annotator = self._generation, self.session.annotator
        learned = self.use_learned
        task = workers.Task(lambda _state: compute(path, doc_id, annotator, learned),
                            "suggestions")
        task.signals.sig_finished.connect(
            lambda result, g=generation, d=doc_id: self._on_task_finished(g, d, result))
        task.signals.sig_failed.connect(
            lambda message, g=generation: self._on_task_failed(g, message))
        self._running[generation] = task
        workers.start(task, self.session.thread_pool)

    @property
    def pending(self) -> bool:
        """A recomputation is scheduled or running for the shown document."""
        return self._timer.isActive() or self._generation in self._running

    def set_threshold(self, threshold: float) -> None:
        """Hide suggestions whose confidence is below ``threshold`` (0..1)."""
        self.threshold = threshold
        if self.enabled:
            self._show(self._computed)

    def set_use_learned(self, on: bool) -> None:
        self.use_learned = on
        self.refresh()

    def _show(self, suggestions: Sequence[Suggestion]) -> None:
        current = self.view.current_suggestion
        self._computed = list(suggestions)
        shown = [s for s in visible(suggestions, self.view.spans) if s.score >= self.threshold]
        self.view.set_suggestions(shown)
        if current is not None and current in shown:
            self.view.select_suggestion(shown.index(current), scroll=False)
        self.count_label.setText(f"{len(shown)} suggestion{'' if len(shown) == 1 else 's'}")
        self._update_actions()
        self.sig_shown.emit(shown)

    def _update_actions(self) -> None:
        on = self.enabled and self._doc_id is not None
        for name, action in self.window.menu_actions.items():
            if name.startswith("suggest_") and name != "suggest_toggle":
                action.setEnabled(on)

    # ---------------------------------------------------------- stepping

    def step(self, delta: int = 1) -> Suggestion | None:
        """Make the next (previous) suggestion current, wrapping around."""
        items = self.view.suggestions
        if not items:
            self._say("No suggestions here." if self.enabled else
                      "Suggestions are off: Assist › Show suggestions.")
            return None
        current = self.view.current_index
        if current is None:
            index = 0 if delta > 0 else len(items) - 1
        else:
            index = (current + delta) % len(items)
        self.view.select_suggestion(index)
        self.view.edit.setFocus()
        self._say(f"Suggestion {index + 1} of {len(items)}: {preview(items[index])} "
                  f"({items[index].score:.2f}, {items[index].source}) — "
                  "Return accepts, Delete rejects")
        return items[index]

    # ------------------------------------------------------------ editing

    def accept_current(self) -> Span | None:
        """The current suggestion becomes the annotator's span (undoable); the next one
        becomes current."""
        suggestion = self.view.current_suggestion
        if suggestion is None or self._doc_id is None:
            self._say("No suggestion selected: F8 goes to the next one.")
            return None
        index = self.view.current_index
        command = self._add_command(suggestion)
        if self.session.execute(command) is None:
            return None
        self._select_near(index)
        return command.span

    def reject_current(self) -> bool:
        suggestion = self.view.current_suggestion
        if suggestion is None or self._doc_id is None:
            self._say("No suggestion selected: F8 goes to the next one.")
            return False
        index = self.view.current_index
        if self.session.execute(RejectSuggestion(self._doc_id, self.session.annotator,
                                                 suggestion)) is None:
            return False
        self._select_near(index)
        return True

    def accept_all(self, layer: str) -> list[Span]:
        """Accept every suggestion of ``layer`` in the document: one undo step."""
        project, doc_id = self.session.project, self._doc_id
        if project is None or doc_id is None:
            return []
        if layer not in project.codebook.layer_names():
            self._say(f"The codebook has no {layer} layer.")
            return []
        if self.enabled and not self.pending:
            items = [s for s in self.view.suggestions if s.layer == layer]
        else:  # not computed yet: an explicit request may wait for it
            items = visible(project.suggestions.find(doc_id, self.session.annotator, [layer]),
                            self.view.spans)
        if not items:
            self._say(f"No {layer} suggestions to accept.")
            return []
        spans: list[Span] = []
        self.session.begin_macro(f"accept {len(items)} {layer} suggestions")
        try:
            for suggestion in items:
                command = self._add_command(suggestion)
                if self.session.execute(command) is not None and command.span is not None:
                    spans.append(command.span)
        finally:
            self.session.end_macro()
        self._say(f"Accepted {len(spans)} {layer} suggestion{'' if len(spans) == 1 else 's'}.")
        return spans

    def _add_command(self, suggestion: Suggestion) -> commands.AddSpan:
        assert self._doc_id is not None
        return commands.AddSpan(self._doc_id, self.session.annotator, suggestion.layer,
                                suggestion.start, suggestion.end, **span_fields(suggestion))

    def _select_near(self, index: int | None) -> None:
        """After the current suggestion went away: the one now at its place, if any."""
        items = self.view.suggestions
        if index is not None and items:
            self.view.select_suggestion(min(index, len(items) - 1))

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 6000)

    # ---------------------------------------------------------- handlers

    def _on_window_document_shown(self, doc_id: int) -> None:
        if self._doc_id != doc_id:
            self.view.set_suggestions([])
            self._computed = []
            self.sig_shown.emit([])
        self._doc_id = DocId(doc_id)
        self._update_actions()
        self.refresh()

    def _on_session_project_closed(self) -> None:
        self._doc_id = None
        self._generation += 1
        self._timer.stop()
        self.view.set_suggestions([])
        self._update_actions()

    def _on_session_changed(self, changes: Changes) -> None:
        if self._doc_id is None or not self.enabled:
            return
        if not changes.touches(ChangeKind.SPANS | ChangeKind.ACTORS | ChangeKind.DOCUMENTS |
                               ChangeKind.SUGGESTIONS):
            return
        if changes.doc_ids and self._doc_id not in changes.doc_ids:
            return
        rejected = changes.before if changes.kind is ChangeKind.SUGGESTIONS \
            and changes.after is None else None
        # hide at once what was just accepted or rejected; the worker confirms
        self._show([s for s in self._computed if s != rejected])
        self.refresh()

    def _on_timer_timeout(self) -> None:
        self._start()

    def _on_task_finished(self, generation: int, doc_id: DocId, result: object) -> None:
        self._running.pop(generation, None)
        if generation != self._generation or doc_id != self._doc_id or not self.enabled:
            return
        assert isinstance(result, list)
        self._show(result)
        self.sig_ready.emit(int(doc_id))

    def _on_task_failed(self, generation: int, message: str) -> None:
        self._running.pop(generation, None)
        if generation == self._generation:
            self._say(message)

    def _on_view_suggestion_clicked(self, index: int) -> None:
        """A click makes a suggestion current; a click on the current one accepts it."""
        if index == self.view.current_index:
            self.accept_current()
        else:
            self.view.select_suggestion(index, scroll=False)
