"""The events window, driven by clicks and keys: create, merge, split, rename events,
accept a suggested grade, and accept the stance suggested beside a claim line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from annotator.core import Project
from annotator.core.models import ClaimId
from annotator.core.sample import build_sample_project
from annotator.gui.events.window import EventsWindow
from annotator.gui.models.record_table import RecordTableModel
from annotator.gui.session import Session
from benchmarks import eval_events

ME = "alice"


@pytest.fixture()
def coded(tmp_path: Path) -> Iterator[tuple[Project, dict[str, ClaimId]]]:
    truth = json.loads((eval_events.CLUSTER / "truth.json").read_text(encoding="utf-8"))
    path = build_sample_project(tmp_path / "events.annotator", data_dir=eval_events.CLUSTER)
    project = Project.open(path)
    claims = eval_events.code(project, truth, ME)
    yield project, claims
    project.close()


@pytest.fixture()
def window(qtbot: Any, coded: tuple[Project, dict[str, ClaimId]]) -> EventsWindow:
    session = Session(ME)
    session.attach(coded[0], owns=False)
    widget = EventsWindow(session)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _click(qtbot: Any, view: QTableView, model: RecordTableModel, key: object, *,
           add: bool = False) -> None:
    row = model.find_row(key)  # type: ignore[arg-type]
    assert row is not None, f"{key} not shown"
    view.scrollTo(model.index(row, 0))
    rect = view.visualRect(model.index(row, 0))
    modifier = Qt.KeyboardModifier.ControlModifier if add else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _press(qtbot: Any, window: EventsWindow, key: str) -> None:
    button = window.buttons[key]
    assert button.isEnabled(), f"{key} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _create(qtbot: Any, window: EventsWindow, claims: list[ClaimId]) -> int:
    for i, claim in enumerate(claims):
        _click(qtbot, window.loose_view, window.loose, claim, add=i > 0)
    _press(qtbot, window, "create")
    [event] = window.selected_events()
    return event.id


def test_create_merge_split_and_undo(qtbot: Any, window: EventsWindow,
                                     coded: tuple[Project, dict[str, ClaimId]]) -> None:
    project, claims = coded
    assert window.loose.rowCount() == 9 and window.events.rowCount() == 0
    first = _create(qtbot, window, [claims["e01"], claims["e02"]])
    assert project.events.get(first).claim_ids == (claims["e01"], claims["e02"])  # type: ignore[arg-type]
    assert window.loose.rowCount() == 7
    assert "2 reports in 2 documents, 2 independent outlets" in window.summary.text()
    second = _create(qtbot, window, [claims["e03"]])
    _click(qtbot, window.event_view, window.events, first)
    _click(qtbot, window.event_view, window.events, second, add=True)
    _press(qtbot, window, "merge")
    assert window.events.rowCount() == 1
    assert window.reports.rowCount() == 3
    assert "3 reports in 3 documents, 2 independent outlets" in window.summary.text()
    # split the repost off again: select its report row, Split off
    _click(qtbot, window.report_view, window.reports, claims["e03"])
    _press(qtbot, window, "split")
    assert window.events.rowCount() == 2
    assert sorted(len(e.links) for e in project.events.all(ME)) == [1, 2]
    window.undo_action.trigger()  # undo the split
    assert [len(e.links) for e in project.events.all(ME)] == [3]
    window.undo_action.trigger()  # undo the merge
    assert sorted(len(e.links) for e in project.events.all(ME)) == [1, 2]
    window.redo_action.trigger()
    assert [len(e.links) for e in project.events.all(ME)] == [3]
    assert window.events.rowCount() == 1


def test_rename_with_the_label_field_and_enter(qtbot: Any, window: EventsWindow,
                                               coded: tuple[Project, dict[str, ClaimId]]
                                               ) -> None:
    project, claims = coded
    event_id = _create(qtbot, window, [claims["e05"], claims["e06"]])
    window.label_edit.selectAll()
    qtbot.keyClicks(window.label_edit, "Kalnins on GPS jamming")
    qtbot.keyClick(window.label_edit, Qt.Key.Key_Return)
    assert project.events.get(event_id).label == "Kalnins on GPS jamming"  # type: ignore[arg-type]
    assert window.events.data(window.events.index(0, 1)) == "Kalnins on GPS jamming"
    qtbot.keyClicks(window.place_edit, "Brussels")
    _press(qtbot, window, "rename")
    assert project.events.get(event_id).place == "Brussels"  # type: ignore[arg-type]
    window.undo_action.trigger()
    assert project.events.get(event_id).place == ""  # type: ignore[arg-type]
    assert project.events.get(event_id).label == "Kalnins on GPS jamming"  # type: ignore[arg-type]


def test_suggested_event_and_accepting_a_suggested_grade(
        qtbot: Any, window: EventsWindow, coded: tuple[Project, dict[str, ClaimId]]) -> None:
    project, claims = coded
    event_id = _create(qtbot, window, [claims["e05"], claims["e06"], claims["e07"]])
    _click(qtbot, window.loose_view, window.loose, claims["e08"])
    assert "same claimant and addressee, dates overlap 14-14 Mar 2025" in window.hint.text()
    _press(qtbot, window, "suggested")
    assert project.events.of_claim(claims["e08"], ME).id == event_id  # type: ignore[union-attr]
    _click(qtbot, window.event_view, window.events, event_id)
    _click(qtbot, window.report_view, window.reports, claims["e05"])
    [report] = window.selected_reports()
    assert report["suggested_credibility"] == "1"
    _press(qtbot, window, "grade")
    [claim] = [c for c in project.claims(annotator=ME) if c.id == claims["e05"]]
    assert claim.info_credibility == "1"
    assert project.events.corroboration(claims["e05"], ME).grade == "1"
    window.undo_action.trigger()
    [claim] = [c for c in project.claims(annotator=ME) if c.id == claims["e05"]]
    assert claim.info_credibility == ""


def test_contradicting_report_is_shown_against_the_first(
        qtbot: Any, window: EventsWindow, coded: tuple[Project, dict[str, ClaimId]]) -> None:
    _project, claims = coded
    _create(qtbot, window, [claims["e01"], claims["e02"], claims["e04"]])
    verdicts = {r["claim_id"]: r["versus_first_report"] for r in window.reports.rows()}
    assert verdicts[claims["e04"]] == "contradicts"
    assert "1 contradicting the first report" in window.summary.text()


def test_evidence_tab_accepts_the_suggested_stance(qtbot: Any, window: EventsWindow,
                                                   coded: tuple[Project, dict[str, ClaimId]]
                                                   ) -> None:
    project, _claims = coded
    window.tabs.setCurrentIndex(1)
    panel = window.evidence
    assert panel.documents.count() == 1
    assert panel.claim_line.text().startswith("Claim to check: Kalniņš demanded")
    outlets = {row[1] for row in panel.model.rows()[:5]}
    assert {"Eurodesk Wire", "Hanseatische Rundschau", "Riksnytt"} <= outlets
    assert "SUPPORTS" in panel.stance.text()
    assert "Kalniņš krevde fredag" in panel.preview.toPlainText()  # the evidence of the stance
    qtbot.mouseClick(panel.accept, Qt.MouseButton.LeftButton)
    doc_id = panel.documents.currentData()
    assert project.values(doc_id, ME)["stance"] == "SUPPORTS"
    assert not panel.accept.isEnabled()


def test_a_reviewer_sees_every_annotators_events_and_edits_as_gold(
        qtbot: Any, coded: tuple[Project, dict[str, ClaimId]]) -> None:
    project, claims = coded
    project.events.create(ME, "alice's call", [claims["e01"], claims["e02"]])
    session = Session("ben")
    session.attach(project, owns=False)
    annotator_view = EventsWindow(session)
    qtbot.addWidget(annotator_view)
    assert annotator_view.events.rowCount() == 0  # ben does not see alice's events
    assert annotator_view.loose.rowCount() == 0  # nor her claims
    review = EventsWindow(session, reviewer=True)
    qtbot.addWidget(review)
    review.show()
    qtbot.waitExposed(review)
    assert [e.label for e in review.events.rows()] == ["alice's call"]
    _click(qtbot, review.event_view, review.events, review.events.rows()[0].id)
    _click(qtbot, review.loose_view, review.loose, claims["e03"])
    _press(qtbot, review, "link")
    event = project.events.of_claim(claims["e03"])
    assert event is not None and event.label == "alice's call"
    assert {link.linked_by for link in event.links} == {ME, "gold"}
    assert not review.buttons["grade"].isEnabled()


def test_the_window_models_pass_the_model_tester(qtbot: Any, qtmodeltester: Any,
                                                 window: EventsWindow,
                                                 coded: tuple[Project, dict[str, ClaimId]]
                                                 ) -> None:
    _project, claims = coded
    event_id = _create(qtbot, window, [claims["e05"], claims["e06"]])
    _click(qtbot, window.event_view, window.events, event_id)
    window.tabs.setCurrentIndex(1)
    for model in (window.events, window.reports, window.loose, window.evidence.model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_the_agreement_view_shows_event_identity(qtbot: Any, tmp_path: Path,
                                                 coded: tuple[Project, dict[str, ClaimId]]
                                                 ) -> None:
    from annotator.gui.review.agreement_view import AgreementView

    project, claims = coded
    truth = json.loads((eval_events.CLUSTER / "truth.json").read_text(encoding="utf-8"))
    bens = eval_events.code(project, truth, "ben")
    project.events.create(ME, "call", [claims["e05"], claims["e06"]])
    project.events.create("ben", "call", [bens["e05"], bens["e06"]])
    report = project.review.agreement_report([ME, "ben"], bootstrap=0)
    view = AgreementView(project.path)
    qtbot.addWidget(view)
    view.show()
    view.set_report(report)
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    view.tabs.setCurrentIndex(len(titles) - 1)  # the events group comes last
    view.select_entry(1)
    entry = view.current_entry()
    assert entry is not None and entry["field"] == "event identity"
    assert entry["coefficient"] == "B-cubed F1" and entry["value"] == 1.0
    assert "event identity" in view.pair_title.text()
