"""The learned-suggestions pane through real widgets: background training, cancel, the ranked
list with confidences and the threshold, form proposals, least-sure-first."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRunnable, Qt

from annotator.core import Project
from annotator.core.assist.learn.model import models_dir
from annotator.core.models import Status
from tests.core.test_learned import GLOSSES, make_project
from tests.gui.conftest import ANNOTATOR


@pytest.fixture()
def learn_project(tmp_path: Path) -> Path:
    project = make_project(tmp_path, done=8, total=12, annotator=ANNOTATOR)
    path = project.path
    project.close()
    return path


@pytest.fixture()
def win(qtbot: Any, qapp: Any, settings: Any, learn_project: Path) -> Iterator[Any]:
    from annotator.gui.app import STYLE, create_window

    qapp.setStyleSheet(STYLE)
    window = create_window(settings, learn_project)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: "Looking" not in window.learning.pane.status.text(), timeout=5000)
    yield window
    window.learning.cancel()
    window.session.thread_pool.waitForDone(20000)
    window.session.close_project()


def unfinished(window: Any) -> list[int]:
    project = window.session.project
    return [d for d in project.document_ids() if project.status(d, ANNOTATOR) != Status.DONE]


def train(qtbot: Any, window: Any) -> None:
    pane = window.learning.pane
    qtbot.mouseClick(pane.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.learning.meta is not None, timeout=20000)
    assert pane.train_button.isEnabled()


class _Blocker(QRunnable):
    """Holds the pool's threads until released, so a task queued behind it waits."""

    def __init__(self, release: threading.Event) -> None:
        super().__init__()
        self.release = release

    def run(self) -> None:
        self.release.wait(10)


def test_training_runs_in_the_background_while_editing_goes_on(qtbot: Any, win: Any) -> None:
    pane = win.learning.pane
    assert "no learned model" in pane.status.text()
    release = threading.Event()
    pool = win.session.thread_pool
    blockers = [_Blocker(release) for _ in range(pool.maxThreadCount())]
    for blocker in blockers:
        pool.start(blocker)
    qtbot.mouseClick(pane.train_button, Qt.MouseButton.LeftButton)
    assert win.learning.training is not None
    assert not pane.train_button.isEnabled() and pane.cancel_button.isEnabled()
    assert pane.progress.isVisible()
    # the window stays usable while the model trains: an edit goes through at once
    doc_id = unfinished(win)[0]
    win.show_document(doc_id)
    assert win.session.set_value(doc_id, "relevance", "no")
    assert win.session.project.values(doc_id, ANNOTATOR)["relevance"] == "no"
    release.set()
    qtbot.waitUntil(lambda: win.learning.meta is not None, timeout=20000)
    assert "Learned model v1" in pane.status.text()
    assert not pane.progress.isVisible()
    assert (models_dir(win.session.path) / "v1" / "model.json").is_file()


def test_cancel_stops_training_and_stores_nothing(qtbot: Any, win: Any) -> None:
    pane = win.learning.pane
    release = threading.Event()
    pool = win.session.thread_pool
    for _ in range(pool.maxThreadCount()):
        pool.start(_Blocker(release))
    qtbot.mouseClick(pane.train_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: win.learning.training is None, timeout=20000)
    assert "cancelled" in win.statusBar().currentMessage()
    assert win.learning.meta is None
    assert pane.train_button.isEnabled()
    folder = models_dir(win.session.path)
    assert not folder.exists() or not [p for p in folder.iterdir() if p.name.startswith("v")]


def test_suggestions_ranked_by_confidence_with_their_source_and_a_threshold(
        qtbot: Any, win: Any) -> None:
    train(qtbot, win)
    win.show_document(unfinished(win)[0])
    win.learning.dock.show()
    qtbot.keyClick(win.view.edit, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    pane = win.learning.pane
    qtbot.waitUntil(lambda: any("learned model v1" in pane.list.item(k).text()
                                for k in range(pane.list.count())), timeout=10000)
    rows = [pane.list.item(k).text() for k in range(pane.list.count())]
    scores = [float(row.split()[0]) for row in rows]
    assert scores == sorted(scores, reverse=True)
    assert any(row.split()[1] == "rule" for row in rows)  # the date rule's "i går" too
    learned = [s for s in win.view.suggestions if s.source == "learned model v1"]
    assert learned and learned[0].layer == "ACTOR"
    # the threshold hides what is less sure than it, in the article and in the list
    assert max(s.score for s in win.view.suggestions if s.source == "rule") < 0.65
    assert learned[0].score >= 0.65
    pane.threshold.setValue(0.65)
    assert all(s.score >= 0.65 for s in win.view.suggestions)
    assert not any(s.source == "rule" for s in win.view.suggestions)
    assert learned[0] in win.view.suggestions
    assert pane.list.count() == len(win.view.suggestions)
    pane.threshold.setValue(0.0)
    assert any(s.source == "rule" for s in win.view.suggestions)
    # a click in the list makes that suggestion current in the article
    pane.list.itemClicked.emit(pane.list.item(0))
    assert win.view.current_suggestion == win.learning.ranked[0]


def test_form_shows_field_and_claim_type_proposals(qtbot: Any, win: Any) -> None:
    train(qtbot, win)
    doc_id = unfinished(win)[0]
    win.show_document(doc_id)
    win.form.tabs.setCurrentIndex(2)
    panel = win.form.document_panel
    qtbot.waitUntil(lambda: "relevance" in panel.proposal_buttons, timeout=10000)
    button = panel.proposal_buttons["relevance"]
    proposed = panel._proposals[0].value
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.session.project.values(doc_id, ANNOTATOR)["relevance"] == proposed
    qtbot.waitUntil(lambda: not panel.proposal_buttons["relevance"].isEnabled(), timeout=5000)
    win.session.undo_stack.undo()
    assert "relevance" not in win.session.project.values(doc_id, ANNOTATOR)
    # a claim: its event type is proposed in the claim tab
    win.form.tabs.setCurrentIndex(1)
    claims = win.form.claim_panel
    qtbot.mouseClick(claims.new_button, Qt.MouseButton.LeftButton)
    claim = claims.claim
    assert claim is not None
    win.session.update_claim(claim, gloss=GLOSSES[True])
    qtbot.waitUntil(lambda: claims.proposal is not None
                    and claims.use_proposal.isVisible(), timeout=10000)
    assert claims.proposal.value == "CONSULT"
    assert "learned model v1" in claims.proposal_label.text()
    qtbot.mouseClick(claims.use_proposal, Qt.MouseButton.LeftButton)
    stored = win.session.project.claims(doc_id, ANNOTATOR)
    assert [c.event_type for c in stored] == ["CONSULT"]


def test_next_unfinished_opens_the_least_sure_document_with_the_reason(
        qtbot: Any, win: Any) -> None:
    train(qtbot, win)
    with Project.open(win.session.path, read_only=True) as project:
        expected = project.suggestions.least_certain(ANNOTATOR)[0]
    first = unfinished(win)[0]
    win.show_document(first)
    pane = win.learning.pane
    pane.active.setChecked(True)
    win.menu_actions["next_unfinished"].trigger()
    qtbot.waitUntil(lambda: bool(pane.reason.text()), timeout=10000)
    assert win.doc.id == expected[0]
    assert "relevance" in pane.reason.text() and f"Document {expected[0]}" in pane.reason.text()
    # with the option off, the list order again
    pane.active.setChecked(False)
    win.show_document(first)
    following = win.doc_list.next_unfinished()
    win.menu_actions["next_unfinished"].trigger()
    assert win.doc.id == following


def test_enough_finished_documents_start_a_retraining(qtbot: Any, win: Any) -> None:
    train(qtbot, win)
    pane = win.learning.pane
    pane.retrain_after.setValue(2)
    docs = unfinished(win)
    win.session.set_status(docs[0], Status.DONE)
    assert win.learning.training is None
    win.session.set_status(docs[1], Status.DONE)
    assert win.learning.training is not None
    qtbot.waitUntil(lambda: win.learning.meta is not None and win.learning.meta["version"] == 2,
                    timeout=20000)
    assert "Learned model v2" in pane.status.text()


def test_progress_dashboard_shows_held_out_quality_per_version(qtbot: Any, win: Any) -> None:
    from annotator.gui.dialogs.team.dashboard import ProgressDashboard

    empty = ProgressDashboard(win.session.project)
    qtbot.addWidget(empty)
    assert empty.quality.rowCount() == 0 and "No learned model" in empty.quality_summary.text()
    train(qtbot, win)
    qtbot.mouseClick(win.learning.pane.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.learning.meta is not None and win.learning.meta["version"] == 2,
                    timeout=20000)
    dashboard = ProgressDashboard(win.session.project)
    qtbot.addWidget(dashboard)
    rows = [[dashboard.quality.index(r, c).data() for c in range(dashboard.quality.columnCount())]
            for r in range(dashboard.quality.rowCount())]
    assert [row[0] for row in rows] == ["v1", "v2"]
    headers = [dashboard.quality.headerData(c, Qt.Orientation.Horizontal)
               for c in range(dashboard.quality.columnCount())]
    actor = headers.index("ACTOR F1")
    f1 = win.learning.meta["evaluation"]["layers"]["ACTOR"]["learned"]["f1"]
    assert rows[1][actor] == f"{f1:.2f}"
    assert "relevance" in rows[1][-1]
