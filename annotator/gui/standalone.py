"""Opening one tool window on its own, for development: ``python -m`` on its module.

The window gets a session on the project named on the command line, or on the
bundled sample (built under ``sample_project/`` when missing), and the event loop
runs until it is closed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from annotator.gui.session import Session


def run(make: Callable[[Session], QWidget], size: tuple[int, int],
        argv: Sequence[str] | None = None, *, annotator: str = "") -> int:
    """Show ``make(session)`` at ``size`` on the project of ``argv`` (default: the sample)."""
    args = sys.argv[1:] if argv is None else list(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    session = Session(annotator=annotator)
    if args:
        session.open_project(args[0])
    else:
        from annotator.core.sample import build_sample_project

        session.open_project(build_sample_project(Path("sample_project/sample.annotator")))
    window = make(session)
    window.resize(*size)
    window.show()
    code = app.exec()
    session.close_project()
    return int(code)
