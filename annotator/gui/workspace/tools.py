"""The main window's Tools, Review and Team menus, and its export/package/backup File items.

:class:`WindowTools` opens the finished components from the window's menus
(the actor registry, the review and agreement windows, the export, team and
backup dialogs), keeps one of each, enables the actions that need a project
(or a writable one), refreshes the window after a registry change, a merge
or a restore, and says in the title and status bar when a project is open
read-only. It holds no domain logic: the dialogs run the core functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from annotator.core.project import Project
from annotator.gui.actions import Slot
from annotator.gui.dialogs.backup_dialog import RestoreDialog
from annotator.gui.dialogs.export_dialog import ExportDialog
from annotator.gui.dialogs.team.assign import AssignDialog
from annotator.gui.dialogs.team.dashboard import ProgressDashboard
from annotator.gui.dialogs.team.merge import MergeDialog
from annotator.gui.dialogs.team.open_package import OpenPackageDialog
from annotator.gui.dialogs.team.return_package import ReturnPackageDialog
from annotator.gui.registry.window import ActorRegistryWindow
from annotator.gui.text.plain import tip, warn

if TYPE_CHECKING:
    from annotator.gui.workspace.main_window import MainWindow

MESSAGE_MS = 8000
FILE_ITEMS = ("export", "open_package", "write_return_package", "restore_backup")
"""File menu actions of this module, placed after "Export native JSONL…"."""
NEEDS_PROJECT = ("export", "write_return_package", "restore_backup", "actor_registry",
                 "agreement_report", "adjudicate", "assign_packages", "merge_packages",
                 "progress_dashboard", "outlet_list")
NEEDS_WRITABLE = ("restore_backup", "actor_registry", "adjudicate", "assign_packages",
                  "merge_packages", "outlet_list")


class WindowTools(QObject):
    """Opens the window's tool dialogs and windows; one instance per main window."""

    @staticmethod
    def menu_slots(window: MainWindow) -> dict[str, Slot]:
        """This module's menu actions, built before the tools (``window.tools``) are."""
        return {
            "export": lambda: window.tools.open_export(),
            "open_package": lambda: window.tools.open_package(),
            "write_return_package": lambda: window.tools.write_return_package(),
            "restore_backup": lambda: window.tools.restore_backup(),
            "actor_registry": lambda: window.tools.open_actor_registry(),
            "events": lambda: window.tools.open_events(),
            "events_review": lambda: window.tools.open_events(reviewer=True),
            "outlet_list": lambda: window.tools.open_outlet_list(),
            "agreement_report": lambda: window.tools.open_agreement_report(),
            "adjudicate": lambda: window.tools.open_adjudication(),
            "assign_packages": lambda: window.tools.assign_packages(),
            "merge_packages": lambda: window.tools.merge_packages(),
            "progress_dashboard": lambda: window.tools.progress_dashboard(),
        }

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.settings = window.settings
        self.registry: ActorRegistryWindow | None = None
        self.dialogs: dict[str, QWidget] = {}
        self.read_only = ""
        self.read_only_label = QLabel("Read-only")
        self.read_only_label.setAccessibleName("The project is open read-only")
        self.read_only_label.setStyleSheet("color: #b3261e; font-weight: bold")
        self.read_only_label.hide()
        window.statusBar().addPermanentWidget(self.read_only_label)
        self._place_file_actions()
        self.session.sig_project_opened.connect(self._on_session_project_opened)
        self.session.sig_project_closed.connect(self._on_session_project_closed)
        self.session.sig_annotator_changed.connect(self._on_session_annotator_changed)
        self._on_session_project_opened(self.session.project)

    # ------------------------------------------------------------ set-up

    def _place_file_actions(self) -> None:
        """Move this module's File items (appended after Quit) up beside the export."""
        actions = self.window.menu_actions
        native = actions.get("export_native")
        menu = next((w for w in (native.associatedObjects() if native else [])
                     if isinstance(w, QMenu)), None)
        if menu is None:
            return
        items = menu.actions()
        after = items.index(native) + 1
        anchor = items[after] if after < len(items) else None
        if anchor is None:
            return
        menu.insertAction(anchor, actions["export"])
        menu.insertSeparator(anchor)
        for name in FILE_ITEMS[1:]:
            menu.insertAction(anchor, actions[name])

    def _action(self, name: str) -> QAction | None:
        return self.window.menu_actions.get(name)

    def _update_actions(self) -> None:
        project = self.session.project
        for name in NEEDS_PROJECT:
            action = self._action(name)
            if action is not None:
                action.setEnabled(project is not None
                                  and not (self.read_only and name in NEEDS_WRITABLE))

    def _show_read_only(self) -> None:
        project = self.session.project
        self.read_only_label.setVisible(bool(self.read_only))
        self.read_only_label.setToolTip(tip(self.read_only))
        if project is not None and self.read_only:
            self.window.setWindowTitle(f"{project.path.name} [read-only] — annotator")
            self.window.statusBar().showMessage(
                f"Opened read-only: {self.read_only}. Edits cannot be saved.", MESSAGE_MS)

    def _project(self) -> Project | None:
        project = self.session.project
        if project is None:
            self.window.statusBar().showMessage("Open a project first.", MESSAGE_MS)
        return project

    def _show(self, name: str, dialog: QWidget, modal: bool = False) -> QWidget:
        old = self.dialogs.pop(name, None)
        if old is not None:
            old.close()
            old.deleteLater()
        if modal:
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialogs[name] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _reuse(self, name: str) -> QWidget | None:
        """The open dialog ``name`` raised, when it is still on screen."""
        dialog = self.dialogs.get(name)
        if dialog is not None and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        return None

    def _refresh_after_external_change(self) -> None:
        """Another connection changed the project: reload the list and the document."""
        self.session.external_change("merge")  # commands may no longer match the stored data
        if self.window.doc is not None:
            self.window.show_document(self.window.doc.id)
        dashboard = self.dialogs.get("progress_dashboard")
        if isinstance(dashboard, ProgressDashboard) and dashboard.isVisible():
            dashboard.refresh()

    # ------------------------------------------------------------- tools

    def open_actor_registry(self) -> ActorRegistryWindow | None:
        project = self._project()
        if project is None:
            return None
        if self.registry is None:
            registry = ActorRegistryWindow(self.session, self.window)
            registry.setWindowFlag(Qt.WindowType.Window)
            registry.resize(1100, 600)
            self.registry = registry
        self.registry.show()
        self.registry.raise_()
        self.registry.activateWindow()
        return self.registry

    def open_events(self, *, reviewer: bool = False) -> QWidget | None:
        """The events window (events across documents, corroboration, evidence): the
        annotator's own events, or every annotator's for a reviewer."""
        from annotator.gui.events.window import EventsWindow

        if self._project() is None:
            return None
        name = "events_review" if reviewer else "events"
        found = self.dialogs.get(name)
        if not isinstance(found, EventsWindow):
            found = EventsWindow(self.session, reviewer=reviewer, parent=self.window)
            found.setWindowFlag(Qt.WindowType.Window)
            found.resize(1300, 700)
            self.dialogs[name] = found
        found.show()
        found.raise_()
        found.activateWindow()
        return found
    def open_outlet_list(self) -> QWidget | None:
        from annotator.gui.dialogs.outlets import OutletListDialog

        project = self._project()
        if project is None:
            return None
        return self._show("outlet_list", OutletListDialog(project, self.window))

    def open_agreement_report(self) -> Any:
        from annotator.gui.review import open_agreement_view

        if self._project() is None:
            return None
        try:
            return open_agreement_view(self.session, self.window, settings=self.settings)
        except (ValueError, OSError) as exc:
            warn(self.window, "Agreement report", str(exc))
            return None

    def open_adjudication(self) -> Any:
        from annotator.gui.review import open_review_window

        if self._project() is None:
            return None
        try:
            return open_review_window(self.session, self.window, settings=self.settings)
        except (ValueError, OSError) as exc:
            warn(self.window, "Adjudicate disagreements", str(exc))
            return None

    # ------------------------------------------------------------ export

    def open_export(self) -> ExportDialog | None:
        reused = self._reuse("export")
        if isinstance(reused, ExportDialog):
            return reused
        project = self._project()
        if project is None:
            return None
        self.window.form.flush()  # the worker reads what is saved
        dialog = ExportDialog(project, self.session.annotator, self.session.thread_pool,
                              self.window)
        dialog.sig_task_finished.connect(self._on_export_dialog_task_finished)
        self._show("export", dialog)
        return dialog

    # -------------------------------------------------------------- team

    def open_package(self) -> OpenPackageDialog:
        dialog = OpenPackageDialog(self.session.thread_pool, self.window)
        dialog.sig_project_created.connect(self._on_open_package_project_created)
        self._show("open_package", dialog, modal=True)
        return dialog

    def write_return_package(self) -> ReturnPackageDialog | None:
        project = self._project()
        if project is None:
            return None
        self.window.form.flush()
        dialog = ReturnPackageDialog(project, self.session.thread_pool, self.window)
        self._show("write_return_package", dialog, modal=True)
        return dialog

    def assign_packages(self) -> AssignDialog | None:
        project = self._project()
        if project is None:
            return None
        dialog = AssignDialog(project, self.session.thread_pool, self.window)
        dialog.sig_task_finished.connect(self._on_assign_dialog_task_finished)
        self._show("assign_packages", dialog, modal=True)
        return dialog

    def merge_packages(self) -> MergeDialog | None:
        project = self._project()
        if project is None:
            return None
        self.window.form.flush()
        dialog = MergeDialog(project, self.session.thread_pool, self.window)
        dialog.sig_task_finished.connect(self._on_merge_dialog_task_finished)
        self._show("merge_packages", dialog, modal=True)
        return dialog

    def progress_dashboard(self) -> ProgressDashboard | None:
        reused = self._reuse("progress_dashboard")
        if isinstance(reused, ProgressDashboard):
            reused.refresh()
            return reused
        project = self._project()
        if project is None:
            return None
        return self._show("progress_dashboard", ProgressDashboard(project, self.window))  # type: ignore[return-value]

    # ----------------------------------------------------------- backups

    def restore_backup(self) -> RestoreDialog | None:
        project = self._project()
        if project is None:
            return None
        self.window.form.flush()
        dialog = RestoreDialog(project, self.session.thread_pool, self.window)
        dialog.sig_restored.connect(self._on_restore_dialog_restored)
        self._show("restore_backup", dialog, modal=True)
        return dialog

    # ----------------------------------------------------------- handlers

    def _on_session_project_opened(self, project: Project | None) -> None:
        self.read_only = ""
        if project is not None:
            reason = project.read_only_reason()
            self.read_only = reason or ("opened read-only" if project.read_only else "")
            self._close_dialogs(lambda d: getattr(d, "project_path", project.path)
                                != project.path)
        self._show_read_only()
        self._update_actions()

    def _on_session_project_closed(self) -> None:
        if self.registry is not None:
            self.registry.close()
            self.registry.deleteLater()
            self.registry = None
        # the dashboard and the events window read through the closed connection; task
        # dialogs keep a path only
        events = {self.dialogs.get("events"), self.dialogs.get("events_review")} - {None}
        self._close_dialogs(lambda d: isinstance(d, ProgressDashboard) or d in events)
        self.read_only = ""
        self._show_read_only()
        self._update_actions()

    def _close_dialogs(self, which: Any) -> None:
        for name in [n for n, d in self.dialogs.items()
                     if which(d) and not getattr(d, "running", False)]:
            dialog = self.dialogs.pop(name)
            dialog.close()
            dialog.deleteLater()

    def _on_session_annotator_changed(self, _name: str) -> None:
        self._show_read_only()  # the window rewrote its title

    def _on_export_dialog_task_finished(self, result: Any) -> None:
        self.window.statusBar().showMessage(result.summary(), MESSAGE_MS)

    def _on_assign_dialog_task_finished(self, result: Any) -> None:
        self.window.statusBar().showMessage(f"Wrote {len(result)} annotator package(s).",
                                            MESSAGE_MS)

    def _on_merge_dialog_task_finished(self, results: Any) -> None:
        dialog = self.dialogs.get("merge_packages")
        if isinstance(dialog, MergeDialog) and not dialog.dry_run.isChecked():
            self._refresh_after_external_change()
        merged = sum(1 for _path, outcome in results if not isinstance(outcome, str))
        self.window.statusBar().showMessage(f"Merged {merged} of {len(results)} package(s).",
                                            MESSAGE_MS)

    def _on_open_package_project_created(self, path: str, annotator: str) -> None:
        if annotator and annotator != self.session.annotator:
            self.session.set_annotator(annotator)
        if self.window.open_project(path) is not None:
            self.window.statusBar().showMessage(
                f"Opened {Path(path).name}: annotating as {self.session.annotator}. "
                "File › Write return package… when you are done.", MESSAGE_MS)

    def _on_restore_dialog_restored(self, chosen: str, saved: str) -> None:
        path = self.session.path
        if path is not None and self.window.open_project(path) is not None:
            self.window.statusBar().showMessage(
                f"Restored from {Path(chosen).name}; the replaced content is kept as "
                f"{Path(saved).name}.", MESSAGE_MS)
