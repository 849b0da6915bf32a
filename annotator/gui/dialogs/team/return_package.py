"""File › Write return package…: the annotator's work in a local project, packed to send back.

Only a project opened from a package has an annotator to return for; the
package is written by ``team.return_package`` on a worker thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from annotator.core import team
from annotator.core.project import Project
from annotator.core.tasks import TaskState
from annotator.core.team.package import SUFFIX
from annotator.core.wording import count
from annotator.gui.dialogs.task_dialog import TaskDialog, line_edit, path_row
from annotator.gui.dialogs.team import PACKAGE_FILTER
from annotator.gui.text.plain import plain


def return_job(project_path: Path, out: Path) -> Any:
    def run(state: TaskState) -> team.PackageInfo:
        state.progress(0, 0, "writing the return package")
        with Project.open(project_path, read_only=True) as project:
            return project.team.return_package(out)
    return run


class ReturnPackageDialog(TaskDialog):
    """Where to write the return package of this local project."""

    def __init__(self, project: Project, pool: QThreadPool | None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Write return package", "&Write", pool, parent)
        self.project_path = project.path
        self.setMinimumWidth(600)
        owner = project.team.local_annotator()
        self.out = line_edit("Return package file", str(project.path.with_name(
            f"{project.path.stem}-return{SUFFIX}")))
        out_row, _ = path_row(self.out, "&Browse…", "Choose the return package file",
                              self._on_browse_clicked)
        self.form.addRow("Annotator:", plain(QLabel(owner or "(this project was not opened "
                                                             "from a package)")))
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
        return (f"Wrote {result.path} ({count(result.documents, 'document')} by "
                f"{result.annotator}); "
                "send it back to the reviewer.")

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Write return package", self.out.text(),
                                              PACKAGE_FILTER)
        if path:
            self.out.setText(path)
