"""Opening the review window and the agreement view on a path, a Project or a Session.

These are the entry points the main window and `annotator.gui.app.run_review` use (also
exported by :mod:`annotator.gui.review`). With a path a window opens, and on
closing closes, its own connection; with a Session it uses the session's
project and thread pool and closes itself when the session closes the project.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from annotator.core.project import Project
from annotator.core.review.compare import ReviewFilter
from annotator.gui.review.agreement_view import AgreementView
from annotator.gui.review.review_window import ReviewWindow
from annotator.gui.session import Session


def open_review_window(source: Any, parent: QWidget | None = None, *,
                       review_filter: ReviewFilter | None = None, reviewer: str = "",
                       settings: Any = None) -> ReviewWindow:
    """Open, show and load a review window on a project path, a Project or a Session.

    With a path the window opens (and on closing closes) its own connection; with
    the main window's Session it uses the session's project and thread pool, its
    undo stack joins the session's group, and it closes itself when the session
    closes the project; otherwise it writes through a session of its own. The
    reviewer name defaults to the session's annotator, then to the annotator name
    in the settings.
    """
    pool = None
    if isinstance(source, Session):
        if source.project is None:
            raise ValueError("no project is open")
        session, owns, pool = source, False, source.thread_pool
        reviewer = reviewer or source.annotator
    else:  # a window of its own: its own session, on the Project or a connection it opens
        session, owns = Session(), True
        if isinstance(source, Project):
            session.attach(source, owns=False)
        else:
            session.attach(Project.open(Path(source)))
    if not reviewer and settings is not None:
        reviewer = settings.annotator_name
    window = ReviewWindow(session, reviewer=reviewer, review_filter=review_filter,
                          owns_session=owns, pool=pool, parent=parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if owns:
        session.setParent(window)
    else:
        source.sig_project_closed.connect(window.close)
    window.show()
    window.reload()
    return window


class ReviewOpener:
    """Opens one review window for an agreement view and re-filters it on later requests."""

    def __init__(self, source: Any, settings: Any = None,
                 parent: QWidget | None = None) -> None:
        self.source = source
        self.settings = settings
        self.parent = parent
        self.window: ReviewWindow | None = None

    def open(self, review_filter: ReviewFilter) -> ReviewWindow:
        if self.window is None:
            self.window = open_review_window(self.source, self.parent,
                                             review_filter=review_filter,
                                             settings=self.settings)
            self.window.sig_closed.connect(self._on_window_closed)
        else:
            self.window.set_review_filter(review_filter)
            self.window.raise_()
            self.window.activateWindow()
        return self.window

    def _on_window_closed(self) -> None:
        self.window = None


def open_agreement_view(source: Any, parent: QWidget | None = None, *, settings: Any = None,
                        run: bool = True) -> AgreementView:
    """Open (and start computing) the agreement view on a path, a Project or a Session.

    Enter or a double-click on any entry or cell opens a review window on the same
    source, filtered to the disagreements behind it (one window, re-filtered).
    """
    pool = None
    if isinstance(source, Session):
        if source.path is None:
            raise ValueError("no project is open")
        path, pool = source.path, source.thread_pool
    elif isinstance(source, Project):
        path = source.path
    else:
        path = Path(source)
    view = AgreementView(path, pool=pool, parent=parent)
    view.setWindowFlag(Qt.WindowType.Window)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    opener = ReviewOpener(source, settings, parent)
    view.review_opener = opener
    view.sig_review_requested.connect(opener.open)
    if isinstance(source, Session):
        source.sig_project_closed.connect(view.close)
    view.show()
    if run:
        view.run()
    return view
