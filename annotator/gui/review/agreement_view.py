"""The agreement report view: coefficients per group, annotator pairs, confusion, a chart, exports.

The report is :func:`~annotator.core.agreement.report.agreement_report`,
computed on a worker thread over its own read-only connection, with progress
and Cancel. A table per group (document fields, spans, span attributes,
claims) lists each coefficient with its bootstrap interval; selecting an entry
shows the matrix of annotator pairs, the confusion table and highlights its
bar. Enter or a double-click on an entry, a bar, a pair or a confusion cell
emits ``sig_review_requested`` with the disagreements behind it;
:func:`annotator.gui.review.open_agreement_view` connects that to a review
window. Saving the report as HTML or CSV is
:mod:`annotator.gui.review.agreement_export`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.project import Project
from annotator.core.review.compare import entry_filter
from annotator.gui.models.roles import ROLE_ENTRY
from annotator.gui.review.agreement_export import export_with_dialog
from annotator.gui.review.background import start_kept
from annotator.gui.review.chart import Bar, BarChart
from annotator.gui.review.report_models import (
    ConfusionModel,
    EntryTableModel,
    GroupProxy,
    PairMatrixModel,
)
from annotator.gui.text.plain import escape, plain
from annotator.gui.workers import Task

GROUP_TITLES = {"document": "Document fields", "spans": "Spans",
                "span attributes": "Span attributes", "claims": "Claims"}


class AgreementView(QWidget):
    """Computes and shows the agreement report of one project file."""

    sig_review_requested = Signal(object)
    """Review the disagreements behind a cell: a ReviewFilter."""
    sig_report_ready = Signal(object)
    """A report was computed (the dict from agreement_report)."""

    def __init__(self, project_path: str | Path, *, pool: QThreadPool | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(project_path)
        self.report: dict[str, Any] | None = None
        self._pool = pool
        self._task: Task | None = None
        self._tables: list[QTableView] = []
        self.review_opener: Any = None
        """Set by open_agreement_view: the ReviewOpener behind sig_review_requested."""
        self.setWindowTitle(f"Agreement — {self.path.name}")
        self.setAccessibleName("Agreement report")
        self._build()
        self._connect()
        self._set_running(False)
        self.resize(1300, 820)

    # --------------------------------------------------------------- build

    def _build(self) -> None:
        bar = self._build_bar()
        self.entries = EntryTableModel(self)
        splitter = self._build_panes()
        hint = QLabel("Enter or double-click on an entry, a bar, a pair or a cell reviews the "
                      "disagreements behind it.")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        layout.addWidget(hint)

    def _build_bar(self) -> QHBoxLayout:
        """The run/cancel/export bar; also the summary label shown under it."""
        self.run_button = self._push("Compute", "Compute the agreement report (F5)")
        self.bootstrap = QSpinBox()
        self.bootstrap.setRange(0, 5000)
        self.bootstrap.setSingleStep(100)
        self.bootstrap.setValue(200)
        self.bootstrap.setMinimumWidth(90)
        self.bootstrap.setAccessibleName("Bootstrap samples for the confidence intervals")
        self.bootstrap.setToolTip("Bootstrap samples for the 95% intervals (0: none)")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Report progress")
        self.progress.setMinimumWidth(260)
        self.cancel_button = self._push("Cancel", "Cancel the computation (Esc)")
        self.export_html_button = self._push("Export HTML…", "Export the report as HTML")
        self.export_csv_button = self._push("Export CSV…", "Export the report as CSV")
        self.status = plain(QLabel())
        self.status.setAccessibleName("Report summary")
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.run_button)
        bar.addWidget(QLabel("Bootstrap"))
        bar.addWidget(self.bootstrap)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        bar.addStretch(1)
        bar.addWidget(self.export_html_button)
        bar.addWidget(self.export_csv_button)
        return bar

    def _build_panes(self) -> QSplitter:
        """The coefficient tabs and chart above, the pair and confusion tables below."""
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Coefficient groups")
        self.chart = BarChart()
        self.pairs = PairMatrixModel(self)
        self.pair_view = self._view(self.pairs, "Annotator pairs")
        self.pair_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.confusion = ConfusionModel(self)
        self.confusion_view = self._view(self.confusion, "Confusion table")
        self.pair_title = QLabel("<b>Annotator pairs</b>")
        self.confusion_title = QLabel("<b>Confusion</b> (rows: first annotator of a pair, "
                                      "columns: second)")
        self.confusion_title.setWordWrap(True)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.tabs)
        top.addWidget(self.chart)
        top.setSizes([780, 480])
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(_titled(self.pair_title, self.pair_view))
        bottom.addWidget(_titled(self.confusion_title, self.confusion_view))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([500, 300])
        return splitter

    def _push(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        return button

    def _view(self, model: Any, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        return view

    def _connect(self) -> None:
        self.run_button.clicked.connect(self._on_run_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.export_html_button.clicked.connect(self._on_export_html_clicked)
        self.export_csv_button.clicked.connect(self._on_export_csv_clicked)
        self.tabs.currentChanged.connect(self._on_tabs_changed)
        self.chart.sig_selected.connect(self._on_chart_selected)
        self.chart.sig_activated.connect(self._on_chart_activated)
        self.pair_view.activated.connect(self._on_pair_view_activated)
        self.confusion_view.activated.connect(self._on_confusion_view_activated)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self._on_run_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._on_cancel_clicked)

    # ------------------------------------------------------------- running

    def run(self) -> None:
        """Compute the report on a worker thread (its own read-only connection)."""
        if self._task is not None:
            return
        path, bootstrap = self.path, self.bootstrap.value()

        def compute(state: Any) -> dict[str, Any]:
            with Project.open(path, read_only=True) as project:
                return project.review.agreement_report(bootstrap=bootstrap, state=state)

        self._task = Task(compute, "agreement report")
        self._task.signals.sig_progress.connect(self._on_task_progress)
        self._task.signals.sig_finished.connect(self._on_task_finished)
        self._task.signals.sig_failed.connect(self._on_task_failed)
        self._task.signals.sig_cancelled.connect(self._on_task_cancelled)
        self._set_running(True)
        self.status.setText("Computing agreement…")
        start_kept(self._task, self._pool)

    @property
    def running(self) -> bool:
        return self._task is not None

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        has_report = self.report is not None and not running
        self.export_html_button.setEnabled(has_report)
        self.export_csv_button.setEnabled(has_report)

    def _on_run_clicked(self) -> None:
        self.run()

    def _on_cancel_clicked(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.status.setText("Cancelling…")

    def _on_task_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(message or "%p%")

    def _on_task_finished(self, report: dict[str, Any]) -> None:
        self._task = None
        self.set_report(report)
        self._set_running(False)
        self.sig_report_ready.emit(report)

    def _on_task_failed(self, message: str) -> None:
        self._task = None
        self._set_running(False)
        self.status.setText(message)

    def _on_task_cancelled(self) -> None:
        self._task = None
        self._set_running(False)
        self.status.setText("Cancelled; the previous report (if any) is still shown.")

    # --------------------------------------------------------------- show

    def set_report(self, report: dict[str, Any]) -> None:
        self.report = report
        self.entries.set_entries(report["entries"])
        self.status.setText(
            f"Annotators: {', '.join(report['annotators'])} · documents coded by all: "
            f"{report['documents']} · alpha ≥ 0.8 is usually taken as reliable, ≥ 0.667 as "
            "enough for tentative conclusions")
        self.tabs.blockSignals(True)
        self.tabs.clear()
        self._tables = []
        for group in self.entries.groups():
            proxy = GroupProxy(group, self)
            proxy.setSourceModel(self.entries)
            table = self._view(proxy, f"{GROUP_TITLES.get(group, group)} coefficients")
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().hide()
            table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
            table.activated.connect(self._on_table_activated)
            self.tabs.addTab(table, GROUP_TITLES.get(group, group.capitalize()))
            self._tables.append(table)
        self.tabs.blockSignals(False)
        self._on_tabs_changed(self.tabs.currentIndex())

    def current_table(self) -> QTableView | None:
        index = self.tabs.currentIndex()
        return self._tables[index] if 0 <= index < len(self._tables) else None

    def current_entry(self) -> dict[str, Any] | None:
        table = self.current_table()
        if table is None or not table.currentIndex().isValid():
            return None
        return table.currentIndex().data(ROLE_ENTRY)

    def select_entry(self, row: int) -> None:
        table = self.current_table()
        if table is None or not 0 <= row < table.model().rowCount():
            return
        table.selectionModel().setCurrentIndex(
            table.model().index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _on_tabs_changed(self, _index: int) -> None:
        table = self.current_table()
        if table is None:
            self.chart.set_bars([])
            self._show_entry(None)
            return
        model = table.model()
        bars = []
        for row in range(model.rowCount()):
            entry = model.index(row, 0).data(ROLE_ENTRY)
            bars.append(Bar(entry["field"], entry["value"], *entry["ci"]))
        self.chart.set_bars(bars)
        if not table.currentIndex().isValid():
            self.select_entry(0)
        else:
            self._show_entry(self.current_entry())

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.chart.select(current.row())
        self._show_entry(current.data(ROLE_ENTRY) if current.isValid() else None)

    def _show_entry(self, entry: dict[str, Any] | None) -> None:
        names = list(self.report["annotators"]) if self.report else []
        self.pairs.set_entry(names, entry)
        self.confusion.set_entry(entry)
        field = escape(entry["field"]) if entry else ""
        kind = "F1" if entry and "F1" in entry["coefficient"] else "Cohen's kappa"
        self.pair_title.setText(f"<b>Annotator pairs</b> — {field} ({kind})" if entry
                                else "<b>Annotator pairs</b>")
        self.confusion_title.setText(
            f"<b>Confusion</b> — {field} (rows: first annotator of a pair, columns: second)"
            if entry and entry["confusion"] else "<b>Confusion</b> — none for this entry")

    # ------------------------------------------------------------ reviewing

    def _request(self, entry: dict[str, Any] | None, annotators: tuple[str, ...] = (),
                 cell: str = "") -> None:
        if entry is None:
            return
        review_filter = entry_filter(entry, annotators, cell)
        if review_filter.pairs == ():
            self.status.setText(f"No disagreements behind “{entry['field']}”.")
            return
        self.sig_review_requested.emit(review_filter)

    def _on_table_activated(self, index: QModelIndex) -> None:
        self._request(index.data(ROLE_ENTRY))

    def _on_chart_selected(self, index: int) -> None:
        self.select_entry(index)

    def _on_chart_activated(self, index: int) -> None:
        self.select_entry(index)
        self._request(self.current_entry())

    def _on_pair_view_activated(self, index: QModelIndex) -> None:
        pair = self.pairs.pair(index.row(), index.column())
        if pair is not None:
            self._request(self.current_entry(), pair)

    def _on_confusion_view_activated(self, index: QModelIndex) -> None:
        labels = self.confusion.labels()
        cell = f"{labels[index.row()]} vs {labels[index.column()]}"
        self._request(self.current_entry(), (), cell)

    # -------------------------------------------------------------- export

    def _on_export_html_clicked(self) -> None:
        self._export("html")

    def _on_export_csv_clicked(self) -> None:
        self._export("csv")

    def _export(self, kind: str) -> None:
        if self.report is None:
            return
        message = export_with_dialog(self, self.report, self.path, kind)
        if message is not None:
            self.status.setText(message)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self._task.cancel()
        super().closeEvent(event)


def _titled(title: QLabel, view: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(title)
    layout.addWidget(view, 1)
    return box
