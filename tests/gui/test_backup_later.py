"""Opening in the window defers the rolling backup to a worker: the first paint never waits."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotator.core import Project  # noqa: E402
from annotator.gui.session import Session  # noqa: E402


def test_open_defers_the_rolling_backup_to_a_worker(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.annotator"
    Project.create(path).close()
    backups = tmp_path / "p.annotator.backups"
    assert not backups.exists()
    Project.open(path, defer_backup=True).close()
    assert not backups.exists()  # deferring really skips it
    session = Session()
    session.open_project(path)
    qtbot.waitUntil(lambda: backups.exists() and any(backups.glob("*open*")), timeout=10000)
    session.close_project()
    session.thread_pool.waitForDone(5000)
