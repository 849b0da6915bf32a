"""The components wired into the main window's menus, driven through their QActions and widgets.

Export (csv, Cancel, a missing optional library), the team round trip
(assign → package → local project → return → merge), the progress dashboard,
restore from a backup, the offer to restore a damaged file, and the read-only note.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from annotator.core import Project, backup
from annotator.core.errors import MissingDependency
from annotator.core.project.actor_commands import AddActor
from annotator.core.tasks import TaskState
from annotator.gui.dialogs import export_dialog
from annotator.gui.dialogs.backup_dialog import RestoreDialog
from annotator.gui.dialogs.export_dialog import ExportDialog
from annotator.gui.dialogs.team.assign import AssignDialog
from annotator.gui.dialogs.team.dashboard import ProgressDashboard
from annotator.gui.dialogs.team.merge import MergeDialog
from annotator.gui.dialogs.team.open_package import OpenPackageDialog
from annotator.gui.dialogs.team.return_package import ReturnPackageDialog
from annotator.gui.events.window import EventsWindow
from annotator.gui.registry.window import ActorRegistryWindow
from annotator.gui.review.agreement_view import AgreementView
from annotator.gui.review.review_window import ReviewWindow
from tests.gui.conftest import ANNOTATOR

NEW_ACTIONS = ("export", "open_package", "write_return_package", "restore_backup",
               "actor_registry", "events", "events_review", "agreement_report", "adjudicate",
               "assign_packages", "merge_packages", "progress_dashboard")


def _top_level(kind: type) -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _run(qtbot: Any, dialog: Any, timeout: int = 15000) -> None:
    dialog.run_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=timeout)


# ----------------------------------------------------------------- menus


def test_every_new_action_is_in_a_menu_and_opens_its_window(qtbot: Any, window: Any) -> None:
    actions = window.menu_actions
    for name in NEW_ACTIONS:
        assert actions[name].isEnabled(), name
    file_menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&File")
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("export") == names.index("export_native") + 1
    assert names.index("restore_backup") < names.index("quit")
    titles = [a.text() for a in window.menuBar().actions()]
    assert {"&Tools", "&Review", "&Team"} <= set(titles)
    assert titles.index("&Team") < titles.index("&Help")

    actions["actor_registry"].trigger()
    assert isinstance(window.tools.registry, ActorRegistryWindow)
    assert window.tools.registry.isVisible()
    actions["events"].trigger()
    assert isinstance(window.tools.dialogs["events"], EventsWindow)
    assert window.tools.dialogs["events"].isVisible()
    actions["events_review"].trigger()
    assert window.tools.dialogs["events_review"].reviewer
    assert window.tools.dialogs["events_review"].viewer is None
    actions["agreement_report"].trigger()
    views = _top_level(AgreementView)
    assert views
    qtbot.waitUntil(lambda: not views[0].running, timeout=20000)
    actions["adjudicate"].trigger()
    reviews = _top_level(ReviewWindow)
    assert reviews
    qtbot.waitUntil(lambda: not reviews[0].loading, timeout=20000)
    expected = {"export": ExportDialog, "open_package": OpenPackageDialog,
                "write_return_package": ReturnPackageDialog, "restore_backup": RestoreDialog,
                "assign_packages": AssignDialog, "merge_packages": MergeDialog,
                "progress_dashboard": ProgressDashboard}
    for name, kind in expected.items():
        actions[name].trigger()
        dialog = window.tools.dialogs[name]
        assert isinstance(dialog, kind) and dialog.isVisible(), name
        assert dialog.accessibleName()
        dialog.close()
    for widget in (*views, *reviews):
        widget.close()


def test_registry_change_reaches_the_form(qtbot: Any, window: Any) -> None:
    window.menu_actions["actor_registry"].trigger()
    registry = window.tools.registry
    # what the registry does for an edit: a command on its own stack, through the session
    window.session.execute(AddActor("Ursula von der Leyen", key="vdl"), registry.undo_stack)
    assert "Ursula von der Leyen" in window.view._actor_names.values()
    window.session.close_project()
    assert window.tools.registry is None  # bound to the closed project


# ---------------------------------------------------------------- export


def _export_dialog(window: Any) -> ExportDialog:
    window.menu_actions["export"].trigger()
    dialog = window.tools.dialogs["export"]
    assert isinstance(dialog, ExportDialog)
    return dialog


def test_export_csv_through_the_dialog(qtbot: Any, window: Any, tmp_path: Path) -> None:
    dialog = _export_dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    out = tmp_path / "out" / "tables"
    dialog.destination.setText(str(out))
    with qtbot.waitSignal(dialog.sig_task_finished, timeout=15000):
        dialog.run_button.click()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert "wrote 3 documents as csv" in dialog.message.text().lower()
    for name in ("documents.csv", "spans.csv", "claims.csv", "manifest.json"):
        assert (out / name).is_file(), name
    with (out / "documents.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 4  # header + 3 documents
    assert "csv" in window.statusBar().currentMessage()


def test_export_qdpx_through_the_dialog(qtbot: Any, window: Any, tmp_path: Path) -> None:
    import zipfile

    dialog = _export_dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("qdpx"))
    assert dialog.default_destination().endswith("-qdpx.qdpx")
    out = tmp_path / "out" / "project.qdpx"
    dialog.destination.setText(str(out))
    with qtbot.waitSignal(dialog.sig_task_finished, timeout=15000):
        dialog.run_button.click()
    assert "wrote 3 documents as qdpx" in dialog.message.text().lower()
    with zipfile.ZipFile(out) as archive:
        assert "project.qde" in archive.namelist()
        assert len([n for n in archive.namelist() if n.startswith("Sources/")]) == 3


def test_export_dialog_refuses_the_projects_folder_and_replaces_only_on_yes(
        qtbot: Any, window: Any, project_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _export_dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    before = sorted(p.name for p in project_path.parent.iterdir())
    dialog.destination.setText(str(project_path.parent))
    dialog.run_button.click()
    assert "Not exported" in dialog.message.text()
    assert "holds the project file" in dialog.message.text()
    assert sorted(p.name for p in project_path.parent.iterdir()) == before
    out = tmp_path / "again"
    dialog.destination.setText(str(out))
    with qtbot.waitSignal(dialog.sig_task_finished, timeout=15000):
        dialog.run_button.click()
    asked = _answer_yes(monkeypatch)
    (out / "documents.csv").write_text("stale", encoding="utf-8")
    with qtbot.waitSignal(dialog.sig_task_finished, timeout=15000):
        dialog.run_button.click()
    assert asked and "Replace" in asked[0]
    assert (out / "documents.csv").read_text(encoding="utf-8") != "stale"


def test_export_cancel_leaves_no_output(qtbot: Any, window: Any, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    real = export_dialog.export

    def slow(project: Any, name: str, path: Any, selection: Any, state: TaskState,
             **options: Any) -> Any:
        state.progress(0, 3, "waiting for Cancel")
        deadline = time.monotonic() + 10
        while not state.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(project, name, path, selection, state, **options)  # raises Cancelled

    monkeypatch.setattr(export_dialog, "export", slow)
    dialog = _export_dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    out = tmp_path / "cancelled"
    dialog.destination.setText(str(out))
    dialog.run_button.click()
    qtbot.waitUntil(lambda: "waiting" in dialog.message.text(), timeout=5000)
    assert dialog.cancel_button.isEnabled() and not dialog.close_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_task_cancelled, timeout=10000):
        dialog.cancel_button.click()
    assert not out.exists() and not (tmp_path / "cancelled.part").exists()
    assert list(tmp_path.glob("*cancelled*")) == []
    assert "Cancelled" in dialog.message.text()


def test_export_shows_install_message_and_selection_errors(
        qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(*_args: Any, **_options: Any) -> Any:
        raise MissingDependency("Parquet export needs pyarrow: pip install 'annotator[parquet]'")

    monkeypatch.setattr(export_dialog, "export", missing)
    dialog = _export_dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("parquet"))
    dialog.destination.setText(str(tmp_path / "pq"))
    with qtbot.waitSignal(dialog.sig_task_failed, timeout=10000):
        dialog.run_button.click()
    assert "pip install 'annotator[parquet]'" in dialog.message.text()
    dialog.source.setCurrentIndex(dialog.source.findData("annotator"))
    dialog.annotator.clear()  # no annotator to choose
    dialog.run_button.click()
    assert "needs an annotator" in dialog.message.text()


# ------------------------------------------------------------------ team


def test_team_round_trip_through_the_dialogs(qtbot: Any, window: Any, project_path: Path,
                                             tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _answer_yes(monkeypatch)
    master = project_path
    packages = tmp_path / "packages"
    # Team › Assign and write packages… for bob and carol, split with an overlap
    window.menu_actions["assign_packages"].trigger()
    assign = window.tools.dialogs["assign_packages"]
    for name in ("bob", "carol"):
        assign.new_name.setText(name)
        assign.add_button.click()
    assert assign.chosen() == ["bob", "carol"]
    assign.split.setChecked(True)
    assign.overlap.setValue(50)
    assign.out_dir.setText(str(packages))
    _run(qtbot, assign)
    files = sorted(packages.glob("*.annpkg"))
    assert len(files) == 2, assign.message.text()
    bob_package = next(f for f in files if f.stem.endswith("bob"))
    assign.close()

    # Team › Progress dashboard: a row per annotator with a progress bar
    window.menu_actions["progress_dashboard"].trigger()
    dashboard = window.tools.dialogs["progress_dashboard"]
    assert dashboard.table.model().rowCount() == 2
    bob_row = dashboard.row_values(0)
    assert bob_row[0] == "bob" and int(bob_row[1]) >= 1 and bob_row[5] == "0% done"
    dashboard.close()

    # File › Open annotator package… as bob, into a new local project
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_a, **_k: (str(bob_package), "")))
    window.menu_actions["open_package"].trigger()
    opener = window.tools.dialogs["open_package"]
    opener._on_browse_package_clicked()
    assert opener.annotator.text() == "bob"
    local = tmp_path / "bob-local.annotator"
    opener.dest.setText(str(local))
    _run(qtbot, opener)
    assert window.session.path == local, opener.message.text()
    assert window.session.annotator == "bob"
    opener.close()

    # bob annotates (through the façade), then File › Write return package…
    project = window.session.project
    doc = project.documents()[0]
    text = project.text(doc.id)
    start = text.index("Olaf Scholz") if "Olaf Scholz" in text else 0
    project.add_span(doc.id, "bob", "ACTOR", start, start + 5)
    window.menu_actions["write_return_package"].trigger()
    returner = window.tools.dialogs["write_return_package"]
    back = tmp_path / "bob-return.annpkg"
    returner.out.setText(str(back))
    _run(qtbot, returner)
    assert back.is_file(), returner.message.text()
    returner.close()

    # back to the master: Team › Merge returned packages…
    window.session.set_annotator(ANNOTATOR)
    assert window.open_project(master) is not None
    window.menu_actions["merge_packages"].trigger()
    merger = window.tools.dialogs["merge_packages"]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *_a, **_k: ([str(back), str(bob_package)], "")))
    merger.add_button.click()
    _run(qtbot, merger)
    assert merger.results.model().rowCount() == 2
    assert "merged" in merger.results.model().index(0, 1).data().lower()
    assert merger.results.model().index(1, 1).data().startswith("refused:")  # an assignment package
    assert "refused 1" in merger.message.text()
    with Project.open(master, read_only=True) as check:
        spans = check.spans(doc.id, annotator="bob")
    assert [(s.start, s.end) for s in spans] == [(start, start + 5)]


def test_return_package_refused_for_a_master_project(qtbot: Any, window: Any,
                                                     tmp_path: Path) -> None:
    window.menu_actions["write_return_package"].trigger()
    dialog = window.tools.dialogs["write_return_package"]
    dialog.out.setText(str(tmp_path / "r.annpkg"))
    assert "not opened from a package" in dialog.message.text()
    assert not dialog.run_button.isEnabled()
    dialog.run()  # the core refuses too, in one line
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert "not opened from a package" in dialog.message.text()
    assert not (tmp_path / "r.annpkg").exists()


# --------------------------------------------------------------- backups


def test_restore_from_a_backup_through_the_dialog(qtbot: Any, window: Any, project_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _answer_yes(monkeypatch)
    # taken on a worker shortly after the window opened the project
    qtbot.waitUntil(lambda: bool(backup.list_backups(project_path)), timeout=10000)
    window.session.project.add_actor("Added after the backup", key="late")
    window.menu_actions["restore_backup"].trigger()
    dialog = window.tools.dialogs["restore_backup"]
    assert dialog.table.model().rowCount() >= 1 and dialog.chosen() is not None
    with qtbot.waitSignal(dialog.sig_restored, timeout=15000):
        dialog.run_button.click()
    assert asked and "backed up first" in asked[0]
    names = {a.canonical_name for a in window.session.project.actors()}
    assert "Added after the backup" not in names and "Olaf Scholz" in names
    reasons = {info.reason for info in backup.list_backups(project_path)}
    assert "before-restore" in reasons
    assert "Restored from" in window.statusBar().currentMessage()


def test_damaged_file_offers_the_latest_good_backup(qtbot: Any, qapp: Any, settings: Any,
                                                    project_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.gui.app import create_window

    Project.open(project_path).close()  # a rolling backup, as every opening makes
    data = bytearray(project_path.read_bytes())
    data[0:100] = b"\x00" * 100  # the SQLite header is gone
    project_path.write_bytes(bytes(data))
    asked = _answer_yes(monkeypatch)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *_a: warned.append(text)))
    win = create_window(settings, None)
    qtbot.addWidget(win)
    opened = win.open_project(project_path)
    assert asked and "damaged" in asked[0] and "latest good backup" in asked[0]
    assert not warned  # no traceback, no generic error box
    assert opened is not None and opened.count_documents() == 3
    assert "Restored" in win.statusBar().currentMessage()
    assert any(i.reason == "damaged" for i in backup.list_backups(project_path))
    win.session.close_project()


def test_read_only_project_is_said_in_title_and_status_bar(
        qtbot: Any, window: Any, project_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Project, "read_only_reason", lambda _self: f"{project_path} is read-only")
    window.open_project(project_path)
    assert "[read-only]" in window.windowTitle()
    assert window.tools.read_only_label.isVisible()
    assert "read-only" in window.statusBar().currentMessage()
    assert not window.menu_actions["merge_packages"].isEnabled()
    assert window.menu_actions["export"].isEnabled()


def test_spreadsheet_safe_checkbox_defuses_formula_cells(qtbot: Any, window: Any,
                                                         tmp_path: Path) -> None:
    project = window.session.project
    doc = project.documents(limit=1)[0]
    actor = project.add_actor("=HYPERLINK(\"http://x\",\"y\")", key="formula").after
    project.add_span(doc.id, ANNOTATOR, "ACTOR", 0, 4, actor_id=actor.id)
    dialog = _export_dialog(window)
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    assert not dialog.spreadsheet_safe.isEnabled()  # only CSV cells reach a spreadsheet
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.spreadsheet_safe.isEnabled()
    dialog.spreadsheet_safe.setFocus()
    qtbot.keyClick(dialog.spreadsheet_safe, Qt.Key.Key_Space)
    assert dialog.spreadsheet_safe.isChecked()
    out = tmp_path / "safe"
    dialog.destination.setText(str(out))
    with qtbot.waitSignal(dialog.sig_task_finished, timeout=15000):
        dialog.run_button.click()
    with (out / "actors.csv").open(encoding="utf-8", newline="") as handle:
        names = {row["key"]: row["canonical_name"] for row in csv.DictReader(handle)}
    assert names["formula"] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert "prefixed" in dialog.warnings.toPlainText()


def test_questions_show_hostile_names_literally(qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    from annotator.gui.text.plain import ask

    shown: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    hostile = '<img src="/dev/zero"> <b>x</b>'
    assert ask(None, "Export", f"{hostile} exists. Replace it?") is False
    # Qt would render the text as HTML and load the image; the escaped form shows it as typed
    assert "<img" not in shown[0] and "&lt;img" in shown[0]
    assert QTextDocumentFragment.fromHtml(shown[0]).toPlainText().startswith(hostile)
