"""The learned-suggestions pane: training in the background, the ranked suggestions, proposals.

Assist › Train suggestions (or the pane's button) trains a new model version on
the session's thread pool; a worker opens its own read-only project, so editing
goes on meanwhile, and Cancel stops it without storing anything. With
"Retrain after N finished documents" on, marking the N-th new document done
starts training by itself. The pane lists the suggestions on screen ranked by
confidence, with where each came from (registry, rule, learned model vN), and a
threshold below which they are hidden; the form shows the model's values for
the document fields and the selected claim's event type as proposals, each
with a button that applies it as a normal, undoable edit. "Least sure first"
makes Document › Next unfinished open the unstarted document the model is
least sure about, and says why.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.assist.base import Suggestion
from annotator.core.errors import SuggesterUnavailable
from annotator.core.models import ChangeKind, Changes, DocId, Status
from annotator.core.project import Project
from annotator.core.tasks import TaskState
from annotator.gui import workers
from annotator.gui.workspace.suggestions import preview

if TYPE_CHECKING:
    from annotator.gui.workspace.main_window import MainWindow

RETRAIN_AFTER = 10
"""Newly finished documents that start a retraining, by default."""


def describe(meta: dict[str, Any]) -> str:
    """One paragraph about a model: version, what it learned from, held-out F1."""
    training = meta.get("training", {})
    evaluation = meta.get("evaluation", {})
    scores = ", ".join(f"{layer} {f['learned']['f1']:.2f}"
                       for layer, f in evaluation.get("layers", {}).items())
    held = evaluation.get("held_out_documents", 0)
    quality = f"held-out F1 ({held} documents): {scores}" if scores and held else \
        "too few finished documents to hold any out"
    return (f"Learned model v{meta.get('version')} ({meta.get('engine')}, "
            f"{str(meta.get('trained_at', ''))[:16].replace('T', ' ')}): "
            f"{len(training.get('documents', ()))} documents; {quality}.")


def train_project(path: Path, state: TaskState) -> dict[str, Any]:
    """Train on a connection of the worker's own; returns the new model's record."""
    with Project.open(path, read_only=True) as project:
        return project.suggestions.train(state=state).meta


def model_state(path: Path) -> tuple[dict[str, Any] | None, str, int]:
    """The newest model's record (None and the reason when there is none) and how many
    finished documents it has not seen."""
    with Project.open(path, read_only=True) as project:
        fresh = project.suggestions.new_finished()
        try:
            return project.suggestions.model().meta, "", fresh
        except SuggesterUnavailable as exc:
            return None, str(exc), fresh


def proposals_for(path: Path, doc_id: DocId, annotator: str) -> dict[str, Any] | None:
    """The model's document-field proposals and claim event types for one document."""
    with Project.open(path, read_only=True) as project:
        try:
            fields = project.suggestions.proposals(doc_id)
        except SuggesterUnavailable:
            return None
        claims = {}
        if annotator in project.annotators():
            for claim in project.claims(doc_id, annotator):
                claims[int(claim.id)] = project.suggestions.claim_type(doc_id, claim)
        return {"doc_id": int(doc_id), "fields": fields, "claims": claims}


def least_sure(path: Path, annotator: str) -> list[tuple[DocId, float, str]]:
    with Project.open(path, read_only=True) as project:
        return project.suggestions.least_certain(annotator)


class LearningPane(QWidget):
    """The pane's widgets; :class:`LearningController` drives them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel("No project open.")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Learned model")
        self.train_button = QPushButton("&Train now")
        self.train_button.setAccessibleName("Train suggestions from finished documents")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel training")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Training progress")
        self.progress.hide()
        self.auto_retrain = QCheckBox("Retrain after")
        self.auto_retrain.setChecked(True)
        self.retrain_after = QSpinBox()
        self.retrain_after.setRange(1, 10_000)
        self.retrain_after.setValue(RETRAIN_AFTER)
        self.retrain_after.setAccessibleName("Newly finished documents before retraining")
        self.use_learned = QCheckBox("Show the learned model's suggestions")
        self.use_learned.setChecked(True)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setAccessibleName("Hide suggestions below this confidence")
        self.list = QListWidget()
        self.list.setAccessibleName("Suggestions by confidence")
        self.active = QCheckBox("Next unfinished: the one the model is least sure of")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName("Why this document")
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.train_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        retrain = QHBoxLayout()
        retrain.addWidget(self.auto_retrain)
        retrain.addWidget(self.retrain_after)
        retrain.addWidget(QLabel("newly finished documents"))
        retrain.addStretch(1)
        form = QFormLayout()
        form.addRow("Hide below confidence", self.threshold)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addLayout(retrain)
        layout.addWidget(self.use_learned)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.active)
        layout.addWidget(self.reason)


class LearningController(QObject):
    """Training, the ranked list, form proposals and least-sure-first for one window."""

    sig_model_changed = Signal(object)
    """A model was trained or found (its record), or None."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.pane = LearningPane()
        self.dock = QDockWidget("Learned suggestions", window)
        self.dock.setObjectName("learning_dock")
        self.dock.setWidget(self.pane)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.meta: dict[str, Any] | None = None
        self.training: workers.Task | None = None
        self.fresh = 0
        """Finished documents the newest model has not learned from."""
        self.ranked: list[Suggestion] = []
        self._generation = 0
        self._connect()

    def _connect(self) -> None:
        pane = self.pane
        pane.train_button.clicked.connect(self._on_train_button_clicked)
        pane.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        pane.threshold.valueChanged.connect(self._on_threshold_value_changed)
        pane.use_learned.toggled.connect(self._on_use_learned_toggled)
        pane.list.itemActivated.connect(self._on_list_item_activated)
        pane.list.itemClicked.connect(self._on_list_item_activated)
        self.window.suggest.sig_shown.connect(self._on_suggest_shown)
        self.window.sig_document_shown.connect(self._on_window_document_shown)
        self.session.sig_project_opened.connect(self._on_session_project_opened)
        self.session.sig_project_closed.connect(self._on_session_project_closed)
        self.session.sig_changed.connect(self._on_session_changed)

    # ------------------------------------------------------------ training

    def train(self) -> workers.Task | None:
        """Start training in the background (one at a time); returns the task."""
        path = self.session.path
        if path is None or self.training is not None:
            return None
        task = workers.Task(lambda state: train_project(path, state), "training")
        task.signals.sig_progress.connect(self._on_task_progress)
        task.signals.sig_finished.connect(self._on_task_finished)
        task.signals.sig_failed.connect(self._on_task_failed)
        task.signals.sig_cancelled.connect(self._on_task_cancelled)
        self.training = task
        self.pane.train_button.setEnabled(False)
        self.pane.cancel_button.setEnabled(True)
        self.pane.progress.setRange(0, 0)
        self.pane.progress.show()
        self.dock.show()
        workers.start(task, self.session.thread_pool)
        return task

    def cancel(self) -> None:
        if self.training is not None:
            self.training.cancel()

    def _training_over(self, message: str) -> None:
        self.training = None
        self.pane.train_button.setEnabled(self.session.project is not None)
        self.pane.cancel_button.setEnabled(False)
        self.pane.progress.hide()
        self.window.statusBar().showMessage(message, 8000)

    def _check_model(self) -> None:
        path = self.session.path
        if path is None:
            return
        task = workers.Task(lambda _state: model_state(path), "reading the learned model")
        task.signals.sig_finished.connect(self._on_check_finished)
        workers.start(task, self.session.thread_pool)

    def _set_model(self, meta: dict[str, Any] | None, reason: str = "") -> None:
        self.meta = meta
        self.pane.status.setText(describe(meta) if meta else reason)
        self.sig_model_changed.emit(meta)

    # ------------------------------------------------------ suggestion list

    def _fill_list(self, shown: list[Suggestion]) -> None:
        self.ranked = sorted(shown, key=lambda s: (-s.score, s.start))
        self.pane.list.clear()
        for suggestion in self.ranked:
            item = QListWidgetItem(f"{suggestion.score:.2f}  {suggestion.source} · "
                                   f"{preview(suggestion)}")
            item.setToolTip(f"{suggestion.source}, rule {suggestion.rule}")
            self.pane.list.addItem(item)

    # ------------------------------------------------------------ proposals

    def _ask_proposals(self) -> None:
        path, doc = self.session.path, self.window.doc
        if path is None or doc is None or self.meta is None:
            self._apply_proposals(None)
            return
        self._generation += 1
        generation, annotator, doc_id = self._generation, self.session.annotator, doc.id
        task = workers.Task(lambda _state: proposals_for(path, doc_id, annotator),
                            "learned proposals")
        task.signals.sig_finished.connect(
            lambda result, g=generation: self._on_proposals_finished(g, result))
        workers.start(task, self.session.thread_pool)

    def _apply_proposals(self, result: dict[str, Any] | None) -> None:
        form = self.window.form
        if form.document_panel is not None:
            form.document_panel.set_proposals(result["fields"] if result else [])
        if form.claim_panel is not None:
            form.claim_panel.set_proposals(result["claims"] if result else {})

    # --------------------------------------------------- least sure first

    def next_document(self) -> bool:
        """Open the unstarted document the model is least sure of (in the background);
        False when that option is off or there is no model, so the caller goes on."""
        path = self.session.path
        if not self.pane.active.isChecked() or path is None or self.meta is None:
            return False
        annotator = self.session.annotator
        task = workers.Task(lambda _state: least_sure(path, annotator), "least sure")
        task.signals.sig_finished.connect(self._on_least_sure_finished)
        task.signals.sig_failed.connect(self._on_task_failed)
        workers.start(task, self.session.thread_pool)
        return True

    # ------------------------------------------------------------ handlers

    def _on_train_button_clicked(self) -> None:
        self.train()

    def _on_cancel_button_clicked(self) -> None:
        self.cancel()

    def _on_threshold_value_changed(self, value: float) -> None:
        self.window.suggest.set_threshold(value)

    def _on_use_learned_toggled(self, on: bool) -> None:
        self.window.suggest.set_use_learned(on)

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        row = self.pane.list.row(item)
        if not 0 <= row < len(self.ranked):
            return
        items = self.window.view.suggestions
        if self.ranked[row] in items:
            self.window.view.select_suggestion(items.index(self.ranked[row]))

    def _on_suggest_shown(self, shown: object) -> None:
        assert isinstance(shown, list)
        self._fill_list(shown)

    def _on_task_progress(self, done: int, total: int, message: str) -> None:
        self.pane.progress.setRange(0, max(total, 1))
        self.pane.progress.setValue(done)
        self.pane.progress.setFormat(f"{message} (%p%)")

    def _on_task_finished(self, meta: object) -> None:
        assert isinstance(meta, dict)
        self.fresh = 0
        self._set_model(meta)
        self._training_over(f"Learned model v{meta['version']} trained.")
        self.window.suggest.refresh()
        self._ask_proposals()

    def _on_task_failed(self, message: str) -> None:
        self._training_over(message)
        if self.meta is None:
            self.pane.status.setText(message)

    def _on_task_cancelled(self) -> None:
        self._training_over("Training cancelled; the previous model stays.")

    def _on_check_finished(self, result: object) -> None:
        assert isinstance(result, tuple)
        meta, reason, self.fresh = result
        self._set_model(meta, reason)
        self._ask_proposals()

    def _on_proposals_finished(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        found = result if isinstance(result, dict) else None
        if found is not None and (self.window.doc is None
                                  or self.window.doc.id != found["doc_id"]):
            return
        self._apply_proposals(found)

    def _on_least_sure_finished(self, ranked: object) -> None:
        assert isinstance(ranked, list)
        if not ranked:
            self.pane.reason.setText("Every document is started: nothing left to rank.")
            self.window.go_next_unfinished(least_sure=False)
            return
        doc_id, score, reason = ranked[0]
        self.pane.reason.setText(f"Document {doc_id} (uncertainty {score:.2f}): {reason}")
        self.window.statusBar().showMessage(f"Least sure first: {reason}", 8000)
        self.window.show_document(doc_id)

    def _on_window_document_shown(self, _doc_id: int) -> None:
        self._ask_proposals()

    def _on_session_project_opened(self, _project: Project) -> None:
        self.pane.train_button.setEnabled(True)
        self.pane.status.setText("Looking for a learned model…")
        self._check_model()

    def _on_session_project_closed(self) -> None:
        self.cancel()
        self.meta = None
        self.pane.train_button.setEnabled(False)
        self.pane.status.setText("No project open.")
        self.pane.list.clear()
        self.ranked = []

    def _on_session_changed(self, changes: Changes) -> None:
        if changes.kind is ChangeKind.STATUS and changes.after == Status.DONE:
            self.fresh += len(changes.doc_ids) or 1
            if self.pane.auto_retrain.isChecked() \
                    and self.fresh >= self.pane.retrain_after.value():
                self.train()
        elif changes.kind & (ChangeKind.CLAIMS | ChangeKind.VALUES | ChangeKind.SPANS) \
                and self.window.doc is not None and self.window.doc.id in changes.doc_ids:
            self._ask_proposals()


def install(window: MainWindow) -> LearningController:
    """The pane of ``window`` (hidden until Assist › Learned suggestions)."""
    return LearningController(window)
