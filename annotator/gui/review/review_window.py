"""The review and adjudication window: the disagreement queue, annotators side by side, decisions.

Left, the queue (most severe first, filterable by kind); centre, the article
once per annotator with the item under review emphasised and a table
comparing the versions (with the gold version as it stands); right, the
decision panel. One key each: 1-9 accept that annotator's version, A accept
every agreement of the document, E edit a version then accept it, R reject;
Ctrl+Z / Ctrl+Shift+Z undo and redo this window's decisions. Every decision is
a command from :mod:`annotator.core.project.review_commands` (one transaction
each, an edit included) that :class:`~annotator.gui.review.commands.ReviewDecisions`
runs through the window's :class:`~annotator.gui.session.Session` on the
window's own undo stack.

Open it with :func:`annotator.gui.review.open_review_window` on a project
path, a Project or the main window's Session.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QToolBar,
    QToolButton,
    QWidget,
)

from annotator.core.project import Project
from annotator.core.project.review_commands import Decision
from annotator.core.review import KINDS, Item, compare
from annotator.core.review.compare import QueueData, ReviewFilter
from annotator.gui import i18n
from annotator.gui.review.background import start_kept
from annotator.gui.review.commands import ReviewDecisions
from annotator.gui.review.decision_panel import DecisionPanel
from annotator.gui.review.edit_dialog import GoldEditDialog
from annotator.gui.review.item_pane import ItemPane
from annotator.gui.review.live import ReviewRefresh
from annotator.gui.review.models import (
    ROLE_DECIDED,
    ROLE_ITEM,
    QueueFilterProxy,
    QueueModel,
)
from annotator.gui.session import Session
from annotator.gui.text.plain import plain
from annotator.gui.workers import Task


class ReviewWindow(QMainWindow):
    """Adjudicate the disagreements of one project into its gold layer."""

    sig_loaded = Signal(int)
    """The queue is loaded: the number of disagreements."""
    sig_decided = Signal(int)
    """A decision (or its undo/redo) changed the gold layer of this document."""
    sig_closed = Signal()
    """The window was closed."""

    def __init__(self, session: Session, *, reviewer: str = "",
                 review_filter: ReviewFilter | None = None, owns_session: bool = False,
                 pool: QThreadPool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if session.project is None:
            raise ValueError("no project is open")
        self.session = session
        self.project: Project = session.project
        self._owns_session = owns_session
        self._pool = pool
        self._task: Task | None = None
        self._dialog: GoldEditDialog | None = None
        self.undo_stack = session.add_stack("review", self)
        self.setWindowTitle(f"Review disagreements — {Path(str(self.project.path)).name}")
        self.setAccessibleName("Review and adjudication")
        self._build()
        self._build_actions()
        self._connect()
        self.decisions = ReviewDecisions(self)
        self.live = ReviewRefresh(self)
        self.panel.reviewer.setText(reviewer)
        self.proxy.set_review_filter(review_filter or ReviewFilter())
        self._show_filter()
        self.resize(1500, 900)

    # --------------------------------------------------------------- build

    def _build(self) -> None:
        self.model = QueueModel(self)
        self.proxy = QueueFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.queue = QTableView()
        self.queue.setModel(self.proxy)
        self.queue.setAccessibleName("Disagreement queue")
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue.setWordWrap(False)
        self.queue.verticalHeader().hide()
        self.queue.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.queue.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((24, 44, 230, 190)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Show disagreements of kind")
        self.show_decided = QCheckBox("Show decided")
        self.show_decided.setChecked(True)
        self.show_decided.setAccessibleName("Show decided items")
        self.filter_label = plain(QLabel())
        self.filter_label.setAccessibleName("Filter from the agreement report")
        self.clear_filter = QToolButton()
        self.clear_filter.setText("Show all")
        self.clear_filter.setAccessibleName("Clear the agreement filter")
        self.pane = ItemPane(self.project)
        self.columns = self.pane.columns
        self.versions = self.pane.versions
        self.panel = DecisionPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.queue)
        self.splitter.addWidget(self.pane)
        self.splitter.addWidget(self.panel)
        self.splitter.setSizes([600, 640, 280])
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.statusBar().setAccessibleName("Status")

    def _build_actions(self) -> None:
        bar = QToolBar("Review")
        bar.setObjectName("reviewToolbar")
        bar.setAccessibleName("Review tools")
        self.addToolBar(bar)
        bar.addWidget(QLabel(" Kind "))
        bar.addWidget(self.kind)
        bar.addWidget(self.show_decided)
        self.undo_action = self.undo_stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "Redo")
        self.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo),
                                       QKeySequence("Ctrl+Shift+Z")])
        self.reload_action = QAction("Reload", self)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_action.setToolTip("Find the disagreements again (F5)")
        for action in (self.undo_action, self.redo_action, self.reload_action):
            bar.addAction(action)
        bar.addSeparator()
        # widgets in a tool bar are shown and hidden through their actions
        self._filter_actions = (bar.addWidget(self.filter_label),
                                bar.addWidget(self.clear_filter))
        keyed = self.panel.add_key_actions(self)
        self._build_menus(keyed)

    def _build_menus(self, keyed: dict[str, QAction]) -> None:
        """The menu bar: every action of the window with its key, and the keys that close it."""
        close = QAction("&Close window", self)
        close.setShortcuts([QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Ctrl+W"),
                            QKeySequence(Qt.Key.Key_Escape)])
        close.triggered.connect(self.close)
        quit_all = QAction("&Quit annotator", self)
        quit_all.setShortcut(QKeySequence("Ctrl+Q"))
        quit_all.triggered.connect(_quit_application)
        menus = {"&File": (close, quit_all), "&Edit": (self.undo_action, self.redo_action),
                 "&View": (self.reload_action,), "&Decide": tuple(keyed.values())}
        for title, actions in menus.items():
            menu = self.menuBar().addMenu(title)
            for action in actions:
                menu.addAction(action)

    def _connect(self) -> None:
        self.queue.selectionModel().currentRowChanged.connect(self._on_queue_current_changed)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.show_decided.toggled.connect(self._on_show_decided_toggled)
        self.clear_filter.clicked.connect(self._on_clear_filter_clicked)
        self.reload_action.triggered.connect(self.reload)
        self.panel.sig_edit_requested.connect(self._on_panel_edit)

    # -------------------------------------------------------------- loading

    @property
    def loading(self) -> bool:
        return self._task is not None

    def reload(self) -> None:
        """Find the disagreements again (on a worker thread for a project file)."""
        if self._task is not None:
            return
        self.statusBar().showMessage("Finding disagreements…")
        path = self.project.path
        if str(path) == ":memory:":
            self._on_task_finished(compare.load_queue(self.project))
            return

        def load(state: Any) -> QueueData:
            with Project.open(path, read_only=True) as own:  # SQLite: one connection a thread
                return compare.load_queue(own, state)

        self._task = Task(load, "finding disagreements")
        self._task.signals.sig_progress.connect(self._on_task_progress)
        self._task.signals.sig_finished.connect(self._on_task_finished)
        self._task.signals.sig_failed.connect(self._on_task_failed)
        self._task.signals.sig_cancelled.connect(self._on_task_failed)
        start_kept(self._task, self._pool)

    def _on_task_progress(self, done: int, total: int, _message: str) -> None:
        self.statusBar().showMessage(f"Finding disagreements… {done} of {total} documents")

    def _on_task_finished(self, data: QueueData) -> None:
        self._task = None
        self.pane.reset()
        self.model.set_items(data.items, data.titles, data.decisions)
        self._fill_kinds()
        self.update_progress()
        self.statusBar().showMessage(f"{len(data.items)} disagreements", 4000)
        self._select_first_open()
        self.sig_loaded.emit(len(data.items))

    def _on_task_failed(self, message: str = "cancelled") -> None:
        self._task = None
        self.statusBar().showMessage(message)

    def _fill_kinds(self) -> None:
        current = self.kind.currentData()
        counts = self.model.kind_counts()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(f"All kinds ({sum(counts.values())})", "")
        for code, (_severity, label) in KINDS.items():
            if counts.get(code):
                self.kind.addItem(f"{label} ({counts[code]})", code)
        self.kind.setCurrentIndex(max(self.kind.findData(current), 0))
        self.kind.blockSignals(False)
        self.proxy.set_kind(str(self.kind.currentData() or ""))

    # ------------------------------------------------------------ selection

    def current_item(self) -> Item | None:
        index = self.queue.currentIndex()
        return index.data(ROLE_ITEM) if index.isValid() else None

    def select(self, doc_id: int, key: str) -> bool:
        row = self.model.row_of(doc_id, key)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.queue.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.queue.scrollTo(index)
        return True

    def _select_first_open(self) -> None:
        rows = range(self.proxy.rowCount())
        target = next((r for r in rows if self.proxy.index(r, 0).data(ROLE_DECIDED) is None),
                      0 if self.proxy.rowCount() else None)
        if target is None:
            self.show_item(None)
            return
        item = self.proxy.index(target, 0).data(ROLE_ITEM)
        self.select(item.doc_id, item.key)

    def select_next_open(self, item: Item) -> None:
        """After deciding ``item``: the next undecided row below it (wrapping round)."""
        count = self.proxy.rowCount()
        row = self.model.row_of(item.doc_id, item.key) or 0
        for step in range(1, self.model.rowCount() + 1):
            source = self.model.index((row + step) % self.model.rowCount(), 0)
            index = self.proxy.mapFromSource(source)
            if index.isValid() and index.data(ROLE_DECIDED) is None:
                self.select(index.data(ROLE_ITEM).doc_id, index.data(ROLE_ITEM).key)
                return
        if count and not self.select(item.doc_id, item.key):
            self._select_first_open()
        self.statusBar().showMessage("Everything shown here is adjudicated", 5000)

    def _on_queue_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.show_item(current.data(ROLE_ITEM) if current.isValid() else None)

    def show_item(self, item: Item | None) -> None:
        self.pane.show_item(item, self.model.title(item.doc_id) if item else "")
        self.panel.set_versions([] if item is None else
                                [(v.annotator, self.pane.describe(item, v))
                                 for v in item.versions])
        self.panel.set_enabled(item is not None)
        self.panel.set_decision(None if item is None else self.model.decision(item))

    # ------------------------------------------------------------ editing

    def _on_panel_edit(self) -> None:
        item, reviewer = self.current_item(), self.decisions.reviewer()
        if item is None or not reviewer or self._dialog is not None:
            return
        if all(v.empty for v in item.versions):
            return
        text, _spans = self.pane.document(item)
        self._dialog = GoldEditDialog(item, text, i18n.localized(self.project.codebook),
                                      self.project.actors(), self)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.finished.connect(self._on_dialog_finished)
        self._dialog.open()

    def _on_dialog_finished(self, result: int) -> None:
        dialog, self._dialog = self._dialog, None
        if dialog is None:
            return
        dialog.deleteLater()
        reviewer = self.panel.reviewer.text().strip()
        if result != GoldEditDialog.DialogCode.Accepted or not reviewer:
            return
        self.decisions.decide(dialog.item, Decision(
            "accept", reviewer, dialog.annotator(), self.panel.reason_code(),
            self.panel.note.text().strip(), dialog.changes()))

    def update_progress(self) -> None:
        done, total = self.model.progress()
        self.panel.set_progress(done, total)

    # ------------------------------------------------------------- filters

    def set_review_filter(self, review_filter: ReviewFilter) -> None:
        self.proxy.set_review_filter(review_filter)
        self._show_filter()
        self._select_first_open()

    def _show_filter(self) -> None:
        active = self.proxy.review_filter
        self.filter_label.setText(f"  Showing: {active.title or 'filtered items'}  "
                                  if not active.empty else "")
        for action in self._filter_actions:
            action.setVisible(not active.empty)

    def _on_kind_changed(self, _index: int) -> None:
        self.proxy.set_kind(str(self.kind.currentData() or ""))
        self._select_first_open()

    def _on_show_decided_toggled(self, checked: bool) -> None:
        item = self.current_item()
        self.proxy.set_show_decided(checked)
        if item is None or not self.select(item.doc_id, item.key):
            self._select_first_open()

    def _on_clear_filter_clicked(self) -> None:
        self.set_review_filter(ReviewFilter())

    # ------------------------------------------------------------- closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self._task.cancel()
        if self._owns_session:
            self._owns_session = False
            self.session.close_project()
        self.sig_closed.emit()
        super().closeEvent(event)


def _quit_application() -> None:
    """Ctrl+Q: close every window (each saves as it closes), which ends the application."""
    QApplication.closeAllWindows()
