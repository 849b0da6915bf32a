"""The composition root: QApplication, style, settings, session and the main window.

:func:`run_gui` is what `annotator open` calls, :func:`run_review` what
`annotator review` calls; :func:`render_screenshot` draws the window offscreen
on one document for the README, docs and bug reports (`annotator screenshot`).
Nothing else in the package creates a QApplication or wires these together.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from annotator.core.models import DocId
from annotator.core.outputs import atomic_file, check_target
from annotator.core.project import Project
from annotator.gui.compat import guard_none_refcount
from annotator.gui.dialogs.basic import ask_annotator_name
from annotator.gui.session import Session
from annotator.gui.settings import Settings
from annotator.gui.workspace.main_window import MainWindow

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
    return app


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
    if not settings.annotator_name:
        name = ask_annotator_name(None)
        if not name:
            return 1
        settings.annotator_name = name
    if project_path is None:
        recent = [p for p in settings.recent_projects if Path(p).exists()]
        project_path = recent[0] if recent else None
    window = create_window(settings, project_path)
    window.show()
    return int(app.exec())


def run_review(project_path: str | Path, reviewer: str = "") -> int:
    """Open the review window on its own on ``project_path``; returns when it is closed.

    ``reviewer`` defaults to the annotator name in the settings.
    """
    # imported here: the main window opens the review windows only on demand
    from annotator.gui.review.launch import open_review_window

    app = _application()
    window = open_review_window(Path(project_path), None, reviewer=reviewer,
                                settings=Settings())
    window.raise_()
    return int(app.exec())


def render_screenshot(project_path: str | Path, out_png: str | Path,
                      doc_id: int | None = None, *, annotator: str | None = None,
                      size: tuple[int, int] = (1440, 860), force: bool = False) -> Path:
    """Render the main window offscreen on ``doc_id`` (default: the first document).

    Shows the annotations of ``annotator`` (default: the first annotator of the
    project who annotated the document) and leaves the user's settings alone.
    ``out_png`` is guarded like every output (never the project or a backup);
    an existing file is replaced only with ``force``.
    """
    out = check_target(out_png, kind="file", project=project_path, force=force)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    if annotator is None:
        with Project.open(project_path, read_only=True) as project:
            annotator = _first_annotator(project, doc_id)
    with tempfile.TemporaryDirectory() as tmp:
        window = create_window(Settings(Path(tmp) / "screenshot.ini"), None, annotator)
        window.resize(*size)
        window.open_project(project_path)
        if doc_id is not None:
            window.show_document(doc_id)
        window.show()
        _select_first_span(window)
        for _ in range(5):
            app.processEvents()
        with atomic_file(out) as tmp:
            if not window.grab().save(str(tmp), "PNG"):
                raise OSError(f"cannot write {out}")
        window.session.close_project()
        window.close()
    return out


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
