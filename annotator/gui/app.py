"""The composition root: QApplication, style, icon, settings, session and the main window.

:func:`run_gui` is what `annotator open` calls (:func:`start_window` runs the
first-run dialog and picks the project), :func:`run_review` what
`annotator review` calls; :func:`render_scene` draws the main, review or agreement
window offscreen for the README, docs and bug reports (`annotator screenshot`).
Nothing else in the package creates a QApplication or wires these together.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QStandardPaths, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from annotator.core.models import DocId
from annotator.core.outputs import atomic_file, check_target
from annotator.core.project import Project
from annotator.core.sample import build_sample_project
from annotator.gui import i18n
from annotator.gui.compat import guard_none_refcount
from annotator.gui.dialogs.first_run import SAMPLE_ANNOTATOR, ask_first_run
from annotator.gui.session import Session
from annotator.gui.settings import Settings
from annotator.gui.workspace.main_window import MainWindow
from annotator.resources import ICON_NAME, icon_path

STYLE = """
QLabel#articleMeta { color: #5f6368; padding: 2px 2px 0 2px; }
QLabel#claimLine { background: #fff8e1; border: 1px solid #f0d48a; border-radius: 4px;
                   padding: 6px 8px; }
QLabel#spanHeader { padding: 4px 0; }
QLabel#fieldError { color: #b3261e; }
QLabel#fieldHint { color: #6b6b6b; font-style: italic; }
QLabel#listCount { color: #5f6368; }
QPlainTextEdit { background: #ffffff; border: 1px solid #d0d0d0; padding: 6px;
                 selection-background-color: #9ec5fe; selection-color: #000000; }
QTableView { selection-background-color: #d2e3fc; selection-color: #000000; }
QListView { selection-background-color: #d2e3fc; selection-color: #000000; }
QTabBar::tab { padding: 6px 14px; }
QStatusBar QProgressBar { max-height: 16px; }
"""


def _application() -> QApplication:
    guard_none_refcount()
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        from annotator.gui.display import require_display  # Qt would abort instead of saying why

        require_display()
        app = QApplication(sys.argv[:1])
        app.setApplicationName("annotator")
        app.setOrganizationName("annotator")
        app.setStyle("Fusion")
        app.setStyleSheet(STYLE)
    # every top-level window without an icon of its own shows this one
    app.setWindowIcon(application_icon())
    # Wayland compositors match the window to annotator.desktop (desktop-install) by this name
    QGuiApplication.setDesktopFileName(ICON_NAME)
    return app


def application_icon() -> QIcon:
    """The application icon, drawn from the package's SVG at every size asked for."""
    return QIcon(str(icon_path()))


def sample_project_path() -> Path:
    """Where the first run builds the bundled sample: the user's data folder for annotator."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) / "sample.annotator"


def create_window(settings: Settings, project_path: str | Path | None = None,
                  annotator: str | None = None) -> MainWindow:
    """A main window over a new session, on ``project_path`` when given."""
    session = Session(annotator if annotator is not None else settings.annotator_name)
    window = MainWindow(session, settings)
    if project_path is not None:
        window.open_project(project_path)
    return window


def run_gui(project_path: str | None) -> int:
    """Open the window (on ``project_path``, else on the most recent project)."""
    app = _application()
    settings = Settings()
    i18n.set_language(i18n.chosen_language(settings.language))
    window = start_window(settings, project_path)
    if window is None:
        return 1
    window.show()
    return int(app.exec())


def start_window(settings: Settings, project_path: str | Path | None,
                 sample_path: Path | None = None) -> MainWindow | None:
    """The first window: on the first run asks for the name, or opens the sample as anna.

    Without a name in the settings the first-run dialog explains blind
    annotation; a name is kept, while a look at the sample (built at
    ``sample_path``, by default in the user's data folder) keeps none, so the
    next start asks again. None when the dialog is cancelled.
    """
    annotator = None
    if not settings.annotator_name:
        choice = ask_first_run(None)
        if choice is None:
            return None
        if choice.try_sample:
            annotator = SAMPLE_ANNOTATOR
            target = sample_path or sample_project_path()
            target.parent.mkdir(parents=True, exist_ok=True)
            project_path = build_sample_project(target)
        else:
            settings.annotator_name = choice.name
    if project_path is None:
        recent = [p for p in settings.recent_projects if Path(p).exists()]
        project_path = recent[0] if recent else None
    return create_window(settings, project_path, annotator)


def run_review(project_path: str | Path, reviewer: str = "") -> int:
    """Open the review window on its own on ``project_path``; returns when it is closed.

    ``reviewer`` defaults to the annotator name in the settings.
    """
    # imported here: the main window opens the review windows only on demand
    from annotator.gui.review.launch import open_review_window

    app = _application()
    settings = Settings()
    i18n.set_language(i18n.chosen_language(settings.language))
    window = open_review_window(Path(project_path), None, reviewer=reviewer,
                                settings=settings)
    window.raise_()
    return int(app.exec())


SCREENSHOT_WINDOWS = ("main", "review", "agreement")
LOAD_TIMEOUT_MS = 120_000


@dataclass(frozen=True)
class Scene:
    """What :func:`render_scene` draws: which window, on what, at which size.

    The main window shows ``doc_id`` (default: the first document) with the
    annotations of ``annotator`` (default: the first annotator of the project
    who annotated the document); the review window opens on the first open
    disagreement with ``annotator`` as reviewer; the agreement view shows the
    computed report.
    """

    window: str = "main"
    doc_id: int | None = None
    annotator: str | None = None
    size: tuple[int, int] = (1440, 860)
    language: str = "en"
    """The interface language (en, sv, nb, de); English unless asked, whatever the locale."""


def render_scene(project_path: str | Path, out_png: str | Path, scene: Scene, *,
                 force: bool = False) -> Path:
    """Render the window of ``scene`` offscreen into ``out_png``.

    The user's settings are left alone. ``out_png`` is guarded like every
    output (never the project or a backup); an existing file is replaced only
    with ``force``.
    """
    window = scene.window
    if window not in SCREENSHOT_WINDOWS:
        raise ValueError(f"no window {window!r} to render; choose one of "
                         f"{', '.join(SCREENSHOT_WINDOWS)}")
    out = check_target(out_png, kind="file", project=project_path, force=force)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    flash_time = app.cursorFlashTime()
    app.setCursorFlashTime(0)  # a steady text cursor: the same picture on every run
    language = i18n.current_language()
    i18n.set_language(scene.language)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(Path(tmp) / "screenshot.ini")
        if window == "main":
            shown = _main_scene(settings, Path(project_path), scene.doc_id, scene.annotator)
        elif window == "review":
            shown = _review_scene(settings, Path(project_path), scene.annotator)
        else:
            shown = _agreement_scene(settings, Path(project_path))
        shown.resize(*scene.size)
        for _ in range(5):
            app.processEvents()
        with atomic_file(out) as tmp_png:
            if not shown.grab().save(str(tmp_png), "PNG"):
                raise OSError(f"cannot write {out}")
        if isinstance(shown, MainWindow):
            shown.session.close_project()
        shown.close()
        app.processEvents()
    app.setCursorFlashTime(flash_time)
    i18n.set_language(language)
    return out


def _main_scene(settings: Settings, project_path: Path, doc_id: int | None,
                annotator: str | None) -> QWidget:
    if annotator is None:
        with Project.open(project_path, read_only=True) as project:
            annotator = _first_annotator(project, doc_id)
    window = create_window(settings, None, annotator)
    window.open_project(project_path)
    if doc_id is not None:
        window.show_document(doc_id)
    window.show()
    _select_first_span(window)
    return window


def _review_scene(settings: Settings, project_path: Path, reviewer: str | None) -> QWidget:
    # imported here, as in run_review: the review windows load only on demand
    from annotator.gui.review.launch import open_review_window

    window = open_review_window(project_path, None, reviewer=reviewer or "reviewer",
                                settings=settings)
    if window.model.rowCount() == 0:
        _wait_for(window.sig_loaded, "the review window did not find the disagreements")
    return window


def _agreement_scene(settings: Settings, project_path: Path) -> QWidget:
    from annotator.gui.review.launch import open_agreement_view

    view = open_agreement_view(project_path, None, settings=settings)
    if view.report is None:
        _wait_for(view.sig_report_ready, "the agreement report was not computed")
    return view


def _wait_for(signal: Any, failure: str) -> None:
    """Run the event loop until ``signal`` fires; TimeoutError after LOAD_TIMEOUT_MS."""
    loop = QEventLoop()
    fired: list[bool] = []
    signal.connect(lambda *_: (fired.append(True), loop.quit()))
    QTimer.singleShot(LOAD_TIMEOUT_MS, loop.quit)
    loop.exec()
    if not fired:
        raise TimeoutError(f"{failure} within {LOAD_TIMEOUT_MS // 1000} s")


def _first_annotator(project: Project, doc_id: int | None) -> str:
    names = project.annotators()
    if doc_id is not None:
        with_spans = {s.annotator for s in project.spans(DocId(doc_id))}
        names = [n for n in names if n in with_spans] or names
    return names[0] if names else "screenshot"


def _select_first_span(window: MainWindow) -> None:
    """Show a span's attributes in the form, as an annotator at work would see it."""
    spans = window.view.spans
    chosen = next((s for s in spans if s.actor_id is not None), spans[0] if spans else None)
    if chosen is not None:
        window.view.select_span(int(chosen.id), scroll=False)
        window.form.select_span(int(chosen.id))
