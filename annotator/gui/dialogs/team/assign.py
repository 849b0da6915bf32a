"""Team › Assign and write packages…: choose annotators, deal the documents, write a package each.

The annotators ticked (or added) get every document, split between them with
an overlap shared by all or not, or only what is already assigned to them;
``Project.assign`` and ``write_packages`` run on a worker thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from annotator.core import team
from annotator.core.errors import PackageError
from annotator.core.project import Project
from annotator.core.tasks import TaskState
from annotator.core.wording import count
from annotator.gui.dialogs.basic import valid_name
from annotator.gui.dialogs.task_dialog import TaskDialog, line_edit, path_row
from annotator.gui.text.plain import plain


def assign_job(project_path: Path, names: list[str], everything: bool,
               overlap: float | None, seed: int, out_dir: Path) -> Any:
    def run(state: TaskState) -> list[team.PackageInfo]:
        with Project.open(project_path) as project:
            state.progress(0, 2, "assigning documents")
            if everything:
                doc_ids = [d.id for d in project.documents()]
                plan = project.team.assign(doc_ids, names, overlap=overlap, seed=seed)
            else:
                assigned = project.team.assignments()
                plan = {name: assigned.get(name, []) for name in names}
                empty = [name for name, docs in plan.items() if not docs]
                if empty:
                    raise PackageError(f"nothing is assigned to {', '.join(empty)} yet; "
                                       "choose “every document”")
            state.check()
            state.progress(1, 2, "writing packages")
            infos = project.team.write_packages(out_dir, plan)
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
        add_row = self._build_annotators(project)
        self._build_dealing(project)
        out_row = self._build_output(project)
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

    def _build_annotators(self, project: Project) -> QWidget:
        """The annotator list and the row that adds a new name; returns that row."""
        self.annotators = QListWidget()
        self.annotators.setAccessibleName("Annotators to assign to")
        self.annotators.setMaximumHeight(130)
        for name in project.annotators():
            self.add_annotator(name, checked=False)
        self.new_name = line_edit("New annotator name")
        self.new_name.setPlaceholderText("Another annotator's name, then Add")
        self.add_button = QPushButton("A&dd")
        self.add_button.setAccessibleName("Add the annotator")
        add_row = QWidget()
        row = QHBoxLayout(add_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        return add_row

    def _build_dealing(self, project: Project) -> None:
        """Which documents go out and how they are split between the annotators."""
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

    def _build_output(self, project: Project) -> QWidget:
        """The output folder row (returned) and the label listing what was written."""
        self.out_dir = line_edit("Output folder", str(project.path.with_name(
            project.path.stem + "-packages")))
        out_row, _ = path_row(self.out_dir, "&Browse…", "Choose the output folder",
                              self._on_browse_clicked)
        self.written = plain(QLabel(""))
        self.written.setAccessibleName("Packages written")
        self.written.setWordWrap(True)
        self.written.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return out_row

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
        self.written.setText("\n".join(f"{info.annotator}: {count(info.documents, 'document')} → "
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
