"""File › Open annotator package…: a package file becomes a new local project, opened in the window.

The package's manifest names the annotator it was made for; the local project
is created on a worker thread (``Project.from_package``) and the window
opens it through :attr:`OpenPackageDialog.sig_project_created`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from annotator.core import Project
from annotator.core.tasks import TaskState
from annotator.core.team.package import read_package
from annotator.gui.dialogs.task_dialog import EXPECTED_ERRORS, TaskDialog, line_edit, path_row
from annotator.gui.dialogs.team import PACKAGE_FILTER


def open_package_job(package: Path, dest: Path, annotator: str) -> Any:
    def run(state: TaskState) -> Path:
        state.progress(0, 0, f"reading {package.name}")
        project = Project.from_package(package, dest, annotator or None)
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
        self.package = line_edit("Package file")
        pkg_row, _ = path_row(self.package, "&Browse…", "Choose the package file",
                              self._on_browse_package_clicked)
        self.annotator = line_edit("Annotator the package was made for")
        self.annotator.setReadOnly(True)
        self.dest = line_edit("New local project file")
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
