"""Team menu and the package items of the File menu: the offline round trip in dialogs.

* :class:`AssignDialog` (Team › Assign and write packages…): annotators, split
  with an overlap or not, output folder → ``Project.assign`` + ``write_packages``;
* :class:`OpenPackageDialog` (File › Open annotator package…): a package → a new
  local project (``team.project_from_package``), then opened in the window;
* :class:`ReturnPackageDialog` (File › Write return package…): ``team.return_package``;
* :class:`MergeDialog` (Team › Merge returned packages…): ``Project.merge_package``
  per file, each file's MergeReport or its one-line refusal;
* :class:`ProgressDashboard` (Team › Progress dashboard): a row per annotator.

Every job runs on a worker thread over its own Project connection.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import team
from annotator.core.errors import PackageError
from annotator.core.project import Project
from annotator.core.tasks import TaskState
from annotator.core.team.package import SUFFIX, read_package
from annotator.gui.dialogs.basic import valid_name
from annotator.gui.dialogs.task_dialog import EXPECTED_ERRORS, TaskDialog, path_row

PACKAGE_FILTER = f"Annotator packages (*{SUFFIX});;All files (*)"


def _line(accessible: str, text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setAccessibleName(accessible)
    return edit


# ------------------------------------------------------------------ assign


def assign_job(project_path: Path, names: list[str], everything: bool,
               overlap: float | None, seed: int, out_dir: Path) -> Any:
    def run(state: TaskState) -> list[team.PackageInfo]:
        with Project.open(project_path) as project:
            state.progress(0, 2, "assigning documents")
            if everything:
                doc_ids = [d.id for d in project.documents()]
                plan = project.assign(doc_ids, names, overlap=overlap, seed=seed)
            else:
                assigned = team.assignments(project)
                plan = {name: assigned.get(name, []) for name in names}
                empty = [name for name, docs in plan.items() if not docs]
                if empty:
                    raise PackageError(f"nothing is assigned to {', '.join(empty)} yet; "
                                       "choose “every document”")
            state.check()
            state.progress(1, 2, "writing packages")
            infos = project.write_packages(out_dir, plan)
            state.progress(2, 2, "done")
            return infos
    return run


class AssignDialog(TaskDialog):
    """Choose annotators, how to deal the documents, and the folder for the packages."""

    def __init__(self, project: Project, pool: QThreadPool | None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Assign and write packages", "&Write packages", pool, parent)
        self.project_path = project.path
        self.setMinimumWidth(560)
        self.annotators = QListWidget()
        self.annotators.setAccessibleName("Annotators to assign to")
        self.annotators.setMaximumHeight(130)
        for name in project.annotators():
            self.add_annotator(name, checked=False)
        self.new_name = _line("New annotator name")
        self.new_name.setPlaceholderText("Another annotator's name, then Add")
        self.add_button = QPushButton("A&dd")
        self.add_button.setAccessibleName("Add the annotator")
        add_row = QWidget()
        row = QHBoxLayout(add_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        self.every = QRadioButton(f"&Every document ({project.count_documents()})")
        self.every.setAccessibleName("Assign every document")
        self.already = QRadioButton("Only what is &already assigned to them")
        self.already.setAccessibleName("Only documents already assigned")
        self.every.setChecked(True)
        self.split = QCheckBox("&Split the documents between the annotators")
        self.split.setAccessibleName("Split the documents between the annotators")
        self.overlap = QDoubleSpinBox()
        self.overlap.setAccessibleName("Overlap shared by all, percent")
        self.overlap.setRange(0.0, 100.0)
        self.overlap.setDecimals(0)
        self.overlap.setSuffix(" % shared by all")
        self.overlap.setValue(10.0)
        self.seed = QSpinBox()
        self.seed.setAccessibleName("Random seed of the split")
        self.seed.setRange(0, 999_999)
        self.out_dir = _line("Output folder", str(project.path.with_name(
            project.path.stem + "-packages")))
        out_row, _ = path_row(self.out_dir, "&Browse…", "Choose the output folder",
                              self._on_browse_clicked)
        self.written = QLabel("")
        self.written.setAccessibleName("Packages written")
        self.written.setWordWrap(True)
        self.written.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow("A&nnotators:", self.annotators)
        self.form.addRow("", add_row)
        self.form.addRow("Documents:", self.every)
        self.form.addRow("", self.already)
        self.form.addRow("", self.split)
        self.form.addRow("&Overlap:", self.overlap)
        self.form.addRow("S&eed:", self.seed)
        self.form.addRow("Output &folder:", out_row)
        self.extra.addWidget(self.written)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.new_name.returnPressed.connect(self._on_add_button_clicked)
        self.split.toggled.connect(self._on_split_toggled)
        self.every.toggled.connect(self._on_split_toggled)
        self._on_split_toggled()

    def add_annotator(self, name: str, checked: bool = True) -> None:
        found = self.annotators.findItems(name, Qt.MatchFlag.MatchExactly)
        item = found[0] if found else QListWidgetItem(name, self.annotators)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [self.annotators.item(i).text() for i in range(self.annotators.count())
                if self.annotators.item(i).checkState() == Qt.CheckState.Checked]

    def run(self) -> None:
        names = self.chosen()
        if not names:
            self.say("Tick at least one annotator (or add one).", error=True)
            return
        out = self.out_dir.text().strip()
        if not out:
            self.say("Choose a folder for the packages.", error=True)
            return
        overlap = self.overlap.value() / 100.0 if self.split.isChecked() else None
        self.written.clear()
        self.start_task(assign_job(self.project_path, names, self.every.isChecked(), overlap,
                                   self.seed.value(), Path(out).expanduser()),
                        "writing packages", "Assigning and writing packages…")

    def task_done(self, result: list[team.PackageInfo]) -> str:
        self.written.setText("\n".join(f"{info.annotator}: {info.documents} documents → "
                                       f"{info.path}" for info in result))
        return f"Wrote {len(result)} package(s); send each annotator their file."

    def _on_add_button_clicked(self) -> None:
        name = self.new_name.text().strip()
        if not valid_name(name) or name == "gold":
            self.say("Use 1-64 letters, digits, spaces or . @ ' - for a name "
                     "(not “gold”).", error=True)
            return
        self.add_annotator(name)
        self.new_name.clear()
        self.say("")

    def _on_split_toggled(self, *_args: Any) -> None:
        self.split.setEnabled(self.every.isChecked() and not self.running)
        enabled = self.split.isChecked() and self.split.isEnabled()
        self.overlap.setEnabled(enabled)
        self.seed.setEnabled(enabled)

    def _set_running(self, running: bool) -> None:
        super()._set_running(running)
        if not running and hasattr(self, "split"):
            self._on_split_toggled()

    def _on_browse_clicked(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Folder for the packages",
                                                self.out_dir.text())
        if path:
            self.out_dir.setText(path)


# ------------------------------------------------------------ open package


def open_package_job(package: Path, dest: Path, annotator: str) -> Any:
    def run(state: TaskState) -> Path:
        state.progress(0, 0, f"reading {package.name}")
        project = team.project_from_package(package, dest, annotator or None)
        project.close()  # the window opens its own connection on the GUI thread
        return dest
    return run


class OpenPackageDialog(TaskDialog):
    """A package file and the new local project to create from it."""

    sig_project_created = Signal(str, str)
    """The local project was created: its path and the annotator to work as."""

    def __init__(self, pool: QThreadPool | None, parent: QWidget | None = None) -> None:
        super().__init__("Open annotator package", "&Create and open", pool, parent)
        self.setMinimumWidth(600)
        self.package = _line("Package file")
        pkg_row, _ = path_row(self.package, "&Browse…", "Choose the package file",
                              self._on_browse_package_clicked)
        self.annotator = _line("Annotator the package was made for")
        self.annotator.setReadOnly(True)
        self.dest = _line("New local project file")
        dest_row, _ = path_row(self.dest, "B&rowse…", "Choose the new local project file",
                               self._on_browse_dest_clicked)
        self.form.addRow("&Package:", pkg_row)
        self.form.addRow("Made &for:", self.annotator)
        self.form.addRow("&Local project:", dest_row)
        self.package.editingFinished.connect(self._on_package_editing_finished)

    def set_package(self, path: str) -> None:
        self.package.setText(path)
        self._on_package_editing_finished()

    def run(self) -> None:
        package = Path(self.package.text().strip()).expanduser()
        dest = Path(self.dest.text().strip()).expanduser()
        if not package.is_file():
            self.say("Choose the package file you received.", error=True)
            return
        if not self.dest.text().strip():
            self.say("Choose a file for the new local project.", error=True)
            return
        self.start_task(open_package_job(package, dest, self.annotator.text()),
                        "opening the package", f"Creating {dest.name} from {package.name}…")

    def task_done(self, result: Path) -> str:
        self.sig_project_created.emit(str(result), self.annotator.text())
        return f"Created {result}; it is open in the window."

    def _on_package_editing_finished(self) -> None:
        text = self.package.text().strip()
        if not text:
            return
        path = Path(text).expanduser()
        try:
            manifest = read_package(path).manifest
        except EXPECTED_ERRORS as exc:
            self.annotator.clear()
            self.say(f"Not a usable package: {exc}", error=True)
            return
        owner = str(manifest.get("annotator") or "")
        self.annotator.setText(owner)
        if not self.dest.text().strip():
            self.dest.setText(str(path.with_name(f"{path.stem}.annotator")))
        self.say(f"{manifest.get('documents', '?')} documents for {owner}.")

    def _on_browse_package_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open annotator package", "",
                                              PACKAGE_FILTER)
        if path:
            self.set_package(path)

    def _on_browse_dest_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New local project", self.dest.text(),
                                              "Annotator projects (*.annotator)")
        if path:
            self.dest.setText(path)


# ---------------------------------------------------------- return package


def return_job(project_path: Path, out: Path) -> Any:
    def run(state: TaskState) -> team.PackageInfo:
        state.progress(0, 0, "writing the return package")
        with Project.open(project_path, read_only=True) as project:
            return team.return_package(project, out)
    return run


class ReturnPackageDialog(TaskDialog):
    """Where to write the return package of this local project."""

    def __init__(self, project: Project, pool: QThreadPool | None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Write return package", "&Write", pool, parent)
        self.project_path = project.path
        self.setMinimumWidth(600)
        owner = project.repo.info(team.INFO_ANNOTATOR)
        self.out = _line("Return package file", str(project.path.with_name(
            f"{project.path.stem}-return{SUFFIX}")))
        out_row, _ = path_row(self.out, "&Browse…", "Choose the return package file",
                              self._on_browse_clicked)
        self.form.addRow("Annotator:", QLabel(owner or "(this project was not opened from a "
                                                       "package)"))
        self.form.addRow("&Package:", out_row)
        if not owner:
            self.run_button.setEnabled(False)
            self.say(f"{project.path.name} was not opened from a package, so there is "
                     "nothing to return.", error=True)

    def run(self) -> None:
        text = self.out.text().strip()
        if not text:
            self.say("Choose where to write the return package.", error=True)
            return
        self.start_task(return_job(self.project_path, Path(text).expanduser()),
                        "writing the return package", "Writing the return package…")

    def task_done(self, result: team.PackageInfo) -> str:
        return (f"Wrote {result.path} ({result.documents} documents by {result.annotator}); "
                "send it back to the reviewer.")

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Write return package", self.out.text(),
                                              PACKAGE_FILTER)
        if path:
            self.out.setText(path)


# ------------------------------------------------------------------- merge


def merge_job(project_path: Path, paths: list[Path], dry_run: bool) -> Any:
    def run(state: TaskState) -> list[tuple[Path, Any]]:
        results: list[tuple[Path, Any]] = []
        with Project.open(project_path) as project:
            for index, path in enumerate(paths):
                state.check()  # between packages: each merge is one transaction
                state.progress(index, len(paths), path.name)
                try:
                    results.append((path, project.merge_package(path, dry_run=dry_run)))
                except PackageError as exc:
                    results.append((path, f"refused: {exc}"))
            state.progress(len(paths), len(paths), "done")
        return results
    return run


class MergeDialog(TaskDialog):
    """Returned package files, merged one by one; a row of results per file."""

    def __init__(self, project: Project, pool: QThreadPool | None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Merge returned packages", "&Merge", pool, parent)
        self.project_path = project.path
        self.setMinimumSize(760, 480)
        self.files = QListWidget()
        self.files.setAccessibleName("Package files to merge")
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.files.setMaximumHeight(120)
        self.add_button = QPushButton("&Add files…")
        self.add_button.setAccessibleName("Add package files")
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setAccessibleName("Remove the selected files")
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.dry_run = QCheckBox("&Dry run: report only, change nothing")
        self.dry_run.setAccessibleName("Dry run")
        self.results = QTableWidget(0, 3)
        self.results.setAccessibleName("Merge results")
        self.results.setHorizontalHeaderLabels(["Package", "Result", "Details"])
        self.results.verticalHeader().hide()
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setWordWrap(True)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.results.setColumnWidth(1, 300)
        self.form.addRow("&Packages:", self.files)
        self.form.addRow("", buttons)
        self.form.addRow("", self.dry_run)
        self.extra.addWidget(self.results)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)

    def add_files(self, paths: list[str]) -> None:
        present = {self.files.item(i).text() for i in range(self.files.count())}
        for path in paths:
            if path not in present:
                self.files.addItem(path)

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def run(self) -> None:
        paths = self.paths()
        if not paths:
            self.say("Add the package files the annotators sent back.", error=True)
            return
        self.results.setRowCount(0)
        self.start_task(merge_job(self.project_path, paths, self.dry_run.isChecked()),
                        "merge", "Merging…")

    def task_done(self, result: list[tuple[Path, Any]]) -> str:
        refused = 0
        for path, outcome in result:
            row = self.results.rowCount()
            self.results.insertRow(row)
            if isinstance(outcome, str):
                refused += 1
                cells = (path.name, outcome, "")
            else:
                details = [*outcome.warnings, *(f"kept {k}" for k in outcome.kept)]
                cells = (path.name, outcome.summary(), "\n".join(details))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if isinstance(outcome, str):
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.results.setItem(row, column, item)
        self.results.resizeRowsToContents()
        merged = len(result) - refused
        verb = "Checked" if self.dry_run.isChecked() else "Merged"
        text = f"{verb} {merged} package(s)"
        return text + (f"; refused {refused} (see the table)." if refused else ".")

    def _on_add_button_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Returned packages", "", PACKAGE_FILTER)
        self.add_files(paths)

    def _on_remove_button_clicked(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))


# -------------------------------------------------------------- dashboard


class ProgressDashboard(QDialog):
    """Per annotator: assigned, not started, in progress, done, with a progress bar."""

    COLUMNS = ("Annotator", "Assigned", "Not started", "In progress", "Done", "Progress",
               "Packages sent", "Returned", "Last merged")

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle("Progress dashboard")
        self.setAccessibleName("Progress dashboard")
        self.setMinimumSize(900, 360)
        self.summary = QLabel()
        self.summary.setAccessibleName("Progress summary")
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setAccessibleName("Progress per annotator")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.refresh_button = buttons.addButton("&Refresh", QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.setAccessibleName("Refresh the dashboard")
        self.refresh_button.setShortcut("F5")
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        rows = self.project.progress_by_annotator()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = (row.annotator, row.assigned, row.not_started, row.in_progress, row.done,
                      None, row.packages_out, row.packages_in, row.last_merged[:16])
            for column, value in enumerate(values):
                if column == 5:
                    bar = QProgressBar()
                    bar.setRange(0, max(row.assigned, 1))
                    bar.setValue(row.done)
                    bar.setFormat(f"{row.fraction_done:.0%} done")
                    bar.setAccessibleName(f"{row.annotator}: {row.done} of {row.assigned} done")
                    self.table.setCellWidget(index, column, bar)
                    continue
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(index, column, item)
        done = sum(r.done for r in rows)
        assigned = sum(r.assigned for r in rows)
        self.summary.setText(
            f"{len(rows)} annotator(s); {done} of {assigned} assigned documents done."
            if rows else "No documents are assigned yet: Team › Assign and write packages…")

    def row_values(self, row: int) -> list[str]:
        """The texts of a row (the progress bar's format for its column)."""
        values = []
        for column in range(self.table.columnCount()):
            widget = self.table.cellWidget(row, column)
            if isinstance(widget, QProgressBar):
                values.append(widget.text())
            else:
                item = self.table.item(row, column)
                values.append(item.text() if item else "")
        return values

    def _on_refresh_button_clicked(self) -> None:
        self.refresh()
