"""File › Restore from backup…, and the offer to restore when a project file is damaged.

:class:`RestoreDialog` lists the backups of the open project (newest first,
the latest good one preselected) and restores the chosen one on a worker
thread over its own connection (``Project.restore``: the current content is
backed up first); the window then reopens the project.

:func:`offer_restore_if_damaged` is what the window calls when opening a
file failed: if the file is damaged it says so in plain words and offers the
latest good backup (``backup.restore_file``, which keeps the damaged file).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from annotator.core import backup
from annotator.core.errors import ProjectFileError, StorageError
from annotator.core.project import Project
from annotator.core.tasks import TaskState
from annotator.gui.dialogs.task_dialog import TaskDialog
from annotator.gui.models.record_table import Cell, Column, RecordTableModel
from annotator.gui.models.roles import DISPLAY, TOOLTIP
from annotator.gui.text.plain import ask, plain, warn

if TYPE_CHECKING:
    from annotator.gui.workspace.main_window import MainWindow

REASONS = {"open": "automatic (on opening)", "manual": "manual",
           "before-restore": "before a restore", "damaged": "damaged file, kept",
           "suspect": "failed its quick check"}


def _when(info: backup.BackupInfo) -> str:
    return info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _reason(info: backup.BackupInfo) -> str:
    if info.reason.startswith("before-v"):
        return f"before the upgrade to schema {info.reason[8:]}"
    return REASONS.get(info.reason, info.reason)


def _backup_column(key: str, header: str, text: Cell) -> Column:
    return Column(key, header, cells={DISPLAY: text, TOOLTIP: lambda info: str(info.path)})


BACKUP_COLUMNS = (_backup_column("taken", "Taken", _when),
                  _backup_column("kind", "Kind", _reason),
                  _backup_column("file", "File", lambda info: info.path.name))
"""A backup per row; every cell's tooltip is the backup's full path."""


def restore_job(project_path: Path, source: Path) -> Any:
    def run(state: TaskState) -> tuple[Path, Path]:
        state.progress(0, 0, f"restoring {source.name}")
        with Project.open(project_path) as project:
            return project.backups.restore(source)
    return run


class RestoreDialog(TaskDialog):
    """The project's backups; Restore replaces the content with the chosen one."""

    sig_restored = Signal(str, str)
    """Restored: the backup used and the copy of what it replaced."""

    def __init__(self, project: Project, pool: QThreadPool | None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Restore from backup", "&Restore", pool, parent)
        self.project_path = project.path
        self.setMinimumSize(760, 420)
        self.backups = backup.list_backups(project.path)
        self.rows = RecordTableModel(BACKUP_COLUMNS, parent=self)
        self.rows.set_rows(self.backups)
        self.table = QTableView()
        self.table.setModel(self.rows)
        self.table.setAccessibleName("Backups, newest first")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        intro = plain(QLabel(f"Backups of {project.path.name} "
                             f"(in {backup.backup_dir(project.path)}):"))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.extra.addWidget(self.table)
        if self.backups:
            good = next((i for i, info in enumerate(self.backups)
                         if info.reason != backup.SUSPECT), 0)
            self.table.selectRow(good)
            self.say("The current content is backed up before it is replaced, so a restore "
                     "can itself be undone.")
        else:
            self.run_button.setEnabled(False)
            self.say(f"No backups yet in {backup.backup_dir(project.path)}.", error=True)
        self.table.doubleClicked.connect(self._on_table_double_clicked)

    def chosen(self) -> backup.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows.record(rows[0].row()) if rows else None

    def run(self) -> None:
        info = self.chosen()
        if info is None:
            self.say("Choose a backup.", error=True)
            return
        if not ask(self, "Restore from backup",
                   f"Replace the content of {self.project_path.name} with the backup taken "
                   f"{_when(info)} ({_reason(info)})?\n\nThe current content is backed up "
                   "first."):
            return
        self.start_task(restore_job(self.project_path, info.path), "restore",
                        f"Restoring {info.path.name}…")

    def task_done(self, result: tuple[Path, Path]) -> str:
        chosen, saved = result
        self.sig_restored.emit(str(chosen), str(saved))
        return f"Restored from {chosen.name}; the replaced content is kept as {saved.name}."

    def _on_table_double_clicked(self, *_args: Any) -> None:
        if not self.running:
            self.run()


# ---------------------------------------------------------------- damaged files


def damage(path: Path) -> str | None:
    """Why an existing project file is damaged, or None when it is not (or does not exist)."""
    if not path.is_file():
        return None
    reason = backup.probe(path)
    if reason is not None:
        return reason
    problems = backup.verify_backup(path)  # the same full check, on the project file itself
    return problems[0] if problems else None


def offer_restore_if_damaged(window: MainWindow, path: str | Path, exc: BaseException) -> bool:
    """After opening ``path`` failed with ``exc``: if the file is damaged, tell the user and
    offer the latest good backup (then open the restored project). True when handled."""
    path = Path(path)
    if not isinstance(exc, ProjectFileError | StorageError | sqlite3.DatabaseError):
        return False
    reason = damage(path)
    if reason is None:
        return False
    good = backup.latest_good_backup(path)
    if good is None:
        warn(window, "Damaged project",
             f"{path.name} is damaged and cannot be opened ({reason}).\n\n"
             f"{backup.damage_offer(path)}.")
        return True
    if not ask(window, "Damaged project",
               f"{path.name} is damaged and cannot be opened:\n{reason}\n\n"
               f"The latest good backup was taken {_when(good)} ({_reason(good)}).\n"
               "Restore it and open the project? The damaged file is kept in "
               f"{backup.backup_dir(path).name}.", default_yes=True):
        return True
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        chosen, saved = backup.restore_file(path, good.path)
    except (backup.BackupError, OSError, sqlite3.Error) as err:
        QApplication.restoreOverrideCursor()
        warn(window, "Damaged project", f"The restore failed: {err}")
        return True
    QApplication.restoreOverrideCursor()
    if window.open_project(path) is not None:
        window.statusBar().showMessage(
            f"Restored {path.name} from {chosen.name}; the damaged file is kept as "
            f"{saved.name}.", 10000)
    return True
