"""The review queue is found again after another connection wrote; the reviewer stays put."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core import Project
from tests.gui.test_review import _click_row, _open, core, project_path, template  # noqa: F401

REVIEWER = "rev"


def test_another_connections_edit_reaches_the_queue_and_the_selection_stays(
        qtbot: Any, project_path: Path, core: Project) -> None:  # noqa: F811
    window = _open(qtbot, project_path, reviewer=REVIEWER)
    rows = window.model.rowCount()
    item = window.model.item(min(1, rows - 1))
    _click_row(qtbot, window, item)
    doc = item.doc_id
    text = core.text(doc)
    others = [n for n in core.annotators() if n != REVIEWER]
    start = text.index(" ") + 1  # a span only one annotator marks: a new disagreement
    core.add_span(doc, others[0], "DATE", start, start + 3)
    qtbot.waitUntil(lambda: window.model.rowCount() > rows and not window.loading,
                    timeout=20000)
    assert window.current_item() == item  # the reviewer is where they were
