"""The review and adjudication window and the agreement view, driven through their real widgets.

Built on the three-annotator sample project (anna, ben, carla). Decisions go
through keys on the real window (1, R, E, A, Ctrl+Z), and every check reads the
gold layer back through the core, from its own connection.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QFileDialog

from annotator.core import GOLD, Project, review
from annotator.core.models import DocId, Span, SpanId
from annotator.core.review import Item, Version
from annotator.core.review.compare import ReviewFilter, entry_filter
from annotator.core.sample import build_sample_project, sample_data_dir
from annotator.gui.models.roles import ROLE_DECIDED, ROLE_ITEM, ROLE_VALUE
from annotator.gui.review import background, open_agreement_view, open_review_window
from annotator.gui.review.agreement_view import AgreementView
from annotator.gui.review.models import (
    QueueFilterProxy,
    QueueModel,
    VersionTableModel,
)
from annotator.gui.review.report_models import (
    ConfusionModel,
    EntryTableModel,
    PairMatrixModel,
)
from annotator.gui.review.review_window import ReviewWindow
from tests.storage import Connections

REVIEWER = "rita"


# ------------------------------------------------------------------ fixtures


def _code_three_annotators(path: Path) -> None:
    """Fallback when the sample has no annotations: three annotators who disagree."""
    with Project.open(path) as project:
        doc = next(d for d in project.documents() if d.language == "en")
        text = project.text(doc.id)
        actors = {a.key: a.id for a in project.actors()}

        def at(phrase: str) -> tuple[int, int]:
            start = text.index(phrase)
            return start, start + len(phrase)

        for name in ("anna", "ben", "carla"):
            project.add_span(doc.id, name, "ACTOR", *at("Vollmer"),
                             actor_id=actors["vollmer-katrin"])
            project.add_span(doc.id, name, "ACTOR", *at("Putin"), actor_id=actors[
                "kremlin" if name == "carla" else "putin-vladimir"])
            project.add_span(doc.id, name, "DEMAND", *at(
                "withdraw his troops" if name == "ben" else
                "withdraw his troops from Ukraine's borders"))
            project.set_value(doc.id, name, "relevance", "yes")
        project.add_span(doc.id, "anna", "SOURCE", *at("Jonas Albrecht"))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.annotator"
    build_sample_project(path)
    if not (sample_data_dir() / "annotations.jsonl").exists():
        _code_three_annotators(path)
    return path


@pytest.fixture
def project_path(template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "review.annotator"
    shutil.copy(template, target)
    return target


@pytest.fixture
def core(project_path: Path) -> Iterator[Project]:
    """The test's own connection, to read back what the window wrote."""
    with Project.open(project_path) as project:
        yield project


def _open(qtbot: Any, path: Path, **options: Any) -> ReviewWindow:
    window = open_review_window(path, None, reviewer=options.pop("reviewer", REVIEWER),
                                **options)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.loading and window.model.rowCount() > 0, timeout=20000)
    return window


def _click_row(qtbot: Any, window: ReviewWindow, item: Item) -> None:
    """Select the queue row of ``item`` by clicking it, as a reviewer would."""
    row = window.model.row_of(item.doc_id, item.key)
    assert row is not None
    index = window.proxy.mapFromSource(window.model.index(row, 2))
    assert index.isValid(), "the row is filtered out"
    window.queue.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
    rect = window.queue.visualRect(index)
    qtbot.mouseClick(window.queue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_item() == item


def _first(window: ReviewWindow, kind: str, *, skip: tuple[str, ...] = ()) -> Item:
    for row in range(window.model.rowCount()):
        item = window.model.item(row)
        if item.disagreement == kind and item.key not in skip and \
                window.model.decision(item) is None:
            return item
    raise AssertionError(f"the sample has no open {kind} disagreement")


def _gold_spans(core: Project, item: Item) -> list[Any]:
    return [s for s in core.spans(item.doc_id, GOLD) if s.provenance.get("item") == item.key]


def _decision(core: Project, item: Item) -> dict[str, Any] | None:
    found = [d for d in core.decisions(item.doc_id) if d["item_key"] == item.key]
    return found[0] if found else None


# ------------------------------------------------------------------ the review flow


def test_queue_matches_the_core_most_severe_first(qtbot: Any, project_path: Path,
                                                  core: Project) -> None:
    window = _open(qtbot, project_path)
    expected = review.queue(core)
    assert [window.model.item(r).key for r in range(window.model.rowCount())] == \
        [i.key for i in expected]
    severities = [window.proxy.index(r, 0).data(ROLE_ITEM).severity
                  for r in range(window.proxy.rowCount())]
    assert severities == sorted(severities, reverse=True)
    assert window.panel.progress.text() == f"0 of {len(expected)} adjudicated"
    # the first open item is selected and shown in one column per annotator
    item = window.current_item()
    assert item is not None
    assert window.columns.names() == [v.annotator for v in item.versions]
    assert {"anna", "ben", "carla"} <= set(core.annotators())
    # filter by kind with the combo, from the keyboard
    window.kind.setFocus()
    target = window.kind.findData("boundary")
    while window.kind.currentIndex() != target:
        qtbot.keyClick(window.kind, Qt.Key.Key_Down)
    kinds = {window.proxy.index(r, 0).data(ROLE_ITEM).disagreement
             for r in range(window.proxy.rowCount())}
    assert kinds == {"boundary"}
    assert window.current_item().disagreement == "boundary"


def test_accept_reject_edit_undo_agree_and_reopen(qtbot: Any, project_path: Path,
                                                  core: Project) -> None:
    window = _open(qtbot, project_path)
    total = window.model.rowCount()
    actor_item = _accept_with_key_1(qtbot, window, core)
    assert window.panel.progress.text() == f"1 of {total} adjudicated"
    missing = _reject_with_r(qtbot, window, core)
    _edit_then_undo(qtbot, window, core)
    assert window.panel.progress.text() == f"2 of {total} adjudicated"
    _accept_agreements_with_a(qtbot, window, core)
    assert window.panel.progress.text() == f"2 of {total} adjudicated"  # not disagreements

    # close and reopen on the same file: decisions, gold and progress are there
    gold_before = sorted((s.doc_id, s.start, s.end, s.layer) for s in core.spans(None, GOLD))
    window.close()
    again = _open(qtbot, project_path)
    assert again.panel.progress.text() == f"2 of {total} adjudicated"
    assert review.progress(core) == {"disagreements": total, "adjudicated": 2,
                                     "open": total - 2}
    assert again.model.index(again.model.row_of(actor_item.doc_id, actor_item.key), 0) \
        .data() == "✓"
    assert again.model.decision(missing)["decision"] == "reject"
    assert sorted((s.doc_id, s.start, s.end, s.layer) for s in core.spans(None, GOLD)) == \
        gold_before
    # the decided item shows its decision and the gold column
    _click_row(qtbot, again, actor_item)
    assert "accepted" in again.panel.current.text()
    assert REVIEWER in again.panel.current.text()
    gold_column = again.versions.columnCount() - 1
    assert again.versions.headerData(gold_column, Qt.Orientation.Horizontal) == "gold"
    assert any(again.versions.index(r, gold_column).data() != "—"
               for r in range(again.versions.rowCount()))


def _accept_with_key_1(qtbot: Any, window: ReviewWindow, core: Project) -> Item:
    """1 accepts annotator 1's version, with the reason code and the note."""
    item = _first(window, "actor")
    _click_row(qtbot, window, item)
    window.panel.reason.setCurrentIndex(window.panel.reason.findData("ambiguity"))
    qtbot.keyClicks(window.panel.note, "linked differently")
    window.queue.setFocus()
    qtbot.keyClick(window.queue, Qt.Key.Key_1)
    first = item.versions[0]
    gold = _gold_spans(core, item)
    assert [(s.start, s.end, s.actor_id) for s in gold] == \
        [(s.start, s.end, s.actor_id) for s in first.spans]
    assert gold[0].provenance["from_annotator"] == first.annotator
    assert gold[0].provenance["decided_by"] == REVIEWER
    assert gold[0].provenance["reason"] == "ambiguity"
    assert gold[0].provenance["note"] == "linked differently"
    row = window.model.row_of(item.doc_id, item.key)
    assert window.model.index(row, 0).data() == "✓"
    assert window.current_item() != item  # moved on to the next open item
    assert window.panel.note.text() == ""
    return item


def _reject_with_r(qtbot: Any, window: ReviewWindow, core: Project) -> Item:
    """R rejects: a decision, nothing in gold."""
    item = _first(window, "span_missing")
    _click_row(qtbot, window, item)
    qtbot.keyClick(window.queue, Qt.Key.Key_R)
    assert _decision(core, item)["decision"] == "reject"
    assert _gold_spans(core, item) == []
    assert window.model.index(window.model.row_of(item.doc_id, item.key), 0).data() == "✗"
    return item


def _edit_then_undo(qtbot: Any, window: ReviewWindow, core: Project) -> None:
    """E: start from a version, change the end offset, accept; Ctrl+Z undoes it all."""
    item = _first(window, "boundary")
    _click_row(qtbot, window, item)
    qtbot.keyClick(window.queue, Qt.Key.Key_E)
    dialog = window._dialog
    assert dialog is not None and dialog.isVisible()
    source = dialog.version().spans[0]
    end = dialog.fields["end"]
    end.setFocus()
    end.selectAll()
    qtbot.keyClicks(end, str(source.end - 1))
    assert "Covers" in dialog.preview.text()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._dialog is None)
    edited = _gold_spans(core, item)
    assert [(s.start, s.end) for s in edited] == [(source.start, source.end - 1)]
    assert edited[0].provenance["edited_by"] == REVIEWER
    assert edited[0].provenance["from_annotator"] == dialog.annotator()
    assert window.model.progress()[0] == 3
    # Ctrl+Z undoes the last decision: gold as before, the item open and selected again
    qtbot.keyClick(window.queue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _gold_spans(core, item) == []
    assert _decision(core, item) is None
    assert window.current_item() == item
    # redo decides again (the edit too), undo once more
    window.redo_action.trigger()
    assert [(s.start, s.end) for s in _gold_spans(core, item)] == \
        [(source.start, source.end - 1)]
    window.undo_action.trigger()
    assert _gold_spans(core, item) == []


def _accept_agreements_with_a(qtbot: Any, window: ReviewWindow, core: Project) -> None:
    """A accepts every agreement of the current document into gold."""
    doc_id = window.current_item().doc_id
    agreed = [i for i in review.items(core, doc_id) if i.disagreement is None]
    qtbot.keyClick(window.queue, Qt.Key.Key_A)
    decided = {d["item_key"] for d in core.decisions(doc_id)}
    assert {i.key for i in agreed} <= decided
    assert any(s.provenance.get("note") == "all annotators agree"
               for s in core.spans(doc_id, GOLD)) or not agreed


def test_accept_and_edit_is_one_undo_step_and_one_transaction(connections: Connections,
                                                               qtbot: Any, project_path: Path,
                                                               core: Project) -> None:
    window = _open(qtbot, project_path)
    item = _first(window, "boundary")
    _click_row(qtbot, window, item)
    qtbot.keyClick(window.queue, Qt.Key.Key_E)
    dialog = window._dialog
    assert dialog is not None
    source = dialog.version().spans[0]
    end = dialog.fields["end"]
    end.setFocus()
    end.selectAll()
    qtbot.keyClicks(end, str(source.end - 1))
    statements: list[str] = []
    conn = connections.of(window.project)
    conn.set_trace_callback(statements.append)
    try:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window._dialog is None)
    finally:
        conn.set_trace_callback(None)
    assert sum(s.startswith("BEGIN") for s in statements) == 1  # accept and edit together
    assert [(s.start, s.end) for s in _gold_spans(core, item)] == \
        [(source.start, source.end - 1)]
    assert window.undo_stack.count() == 1
    assert window.undo_action.text() == f"Undo edit {dialog.annotator()} (#{item.doc_id})"
    qtbot.keyClick(window.queue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _gold_spans(core, item) == [] and _decision(core, item) is None
    assert not window.undo_stack.canUndo()  # nothing of the edit was left behind


def test_keys_work_from_a_text_column_and_need_a_reviewer(qtbot: Any, project_path: Path,
                                                          core: Project) -> None:
    window = _open(qtbot, project_path, reviewer="")
    item = window.current_item()
    qtbot.keyClick(window.queue, Qt.Key.Key_2)
    assert _decision(core, item) is None  # no reviewer name yet
    assert window.panel.reviewer.hasFocus() or "reviewer" in window.statusBar().currentMessage()
    qtbot.keyClicks(window.panel.reviewer, "sam")
    column = window.columns.columns[1]
    column.text.setFocus()
    qtbot.keyClick(column.text, Qt.Key.Key_2)
    decision = _decision(core, item)
    assert decision is not None and decision["decided_by"] == "sam"
    assert decision["from_annotator"] == item.versions[1].annotator
    # typing digits into the note goes into the note, not into a decision
    window.panel.note.setFocus()
    qtbot.keyClicks(window.panel.note, "3")
    assert window.panel.note.text() == "3"
    assert window.model.progress()[0] == 1


def test_hide_decided_and_clear_agreement_filter(qtbot: Any, project_path: Path) -> None:
    window = _open(qtbot, project_path)
    decided = window.current_item()
    qtbot.keyClick(window.queue, Qt.Key.Key_R)
    shown = window.proxy.rowCount()
    qtbot.mouseClick(window.show_decided, Qt.MouseButton.LeftButton)
    assert not window.show_decided.isChecked()
    assert window.proxy.rowCount() == shown - 1
    assert all(window.proxy.index(r, 0).data(ROLE_DECIDED) is None
               for r in range(window.proxy.rowCount()))
    # a filter from the agreement report narrows the queue; "Show all" clears it
    keep = window.model.item(window.model.rowCount() - 1)
    window.set_review_filter(ReviewFilter.from_pairs("one item", [(keep.doc_id, keep.key)]))
    assert window.proxy.rowCount() == 1 and window.current_item() == keep
    qtbot.waitUntil(window.filter_label.isVisible)
    qtbot.mouseClick(window.clear_filter, Qt.MouseButton.LeftButton)
    assert window.proxy.rowCount() == shown - 1
    assert decided is not None


def test_edit_a_document_value_and_open_on_a_session(qtbot: Any, project_path: Path,
                                                     core: Project) -> None:
    from annotator.gui.session import Session

    session = Session(annotator="sam")
    session.open_project(project_path)
    window = open_review_window(session)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.loading and window.model.rowCount() > 0, timeout=20000)
    assert window.panel.reviewer.text() == "sam"  # the session's annotator reviews
    item = next((window.model.item(r) for r in range(window.model.rowCount())
                 if window.model.item(r).kind == "value"), None)
    if item is None:
        pytest.skip("the sample has no document-field disagreement")
    _click_row(qtbot, window, item)
    qtbot.keyClick(window.queue, Qt.Key.Key_E)
    dialog = window._dialog
    combo = dialog.fields["value"]
    codes = [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i)]
    wanted = next(c for c in reversed(codes)
                  if c not in {v.value for v in item.versions})  # nobody's version
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(wanted))
    qtbot.keyClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                   Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window._dialog is None)
    assert core.values(item.doc_id, GOLD)[item.layer] == wanted
    assert window.pane.gold_version(item).value == wanted
    qtbot.keyClick(window.queue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert core.values(item.doc_id, GOLD).get(item.layer) in (None, "")
    # closing the session's project closes the window
    with qtbot.waitSignal(window.sig_closed):
        session.close_project()


def test_every_control_has_an_accessible_name(qtbot: Any, project_path: Path) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QProgressBar,
        QTabWidget,
        QToolButton,
        QWidget,
    )

    window = _open(qtbot, project_path)
    view = _open_view(qtbot, project_path)
    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
             QProgressBar, QTabWidget)
    unnamed, checked = [], 0
    for top in (window, view):
        for widget in (w for w in top.findChildren(QWidget) if isinstance(w, kinds)):
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
                continue  # an editable combo's own line edit
            if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
                continue  # named by its action's text
            if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_") or \
                    (isinstance(widget, QAbstractItemView) and
                     widget.parent() is not None and
                     isinstance(widget.parent().parent(), QComboBox)):
                continue  # Qt's own internals
            checked += 1
            if not (widget.accessibleName() or getattr(widget, "text", lambda: "")()):
                unnamed.append(f"{type(widget).__name__} in {type(top).__name__}")
    assert unnamed == []
    assert checked > 25


# ------------------------------------------------------------------ filters (no Qt)


def test_review_filter_matches_report_keys_and_pairs(core: Project) -> None:
    items = review.queue(core)
    span = next(i for i in items if i.kind == "span" and "+" not in i.layer)
    start, end = (int(x) for x in span.key.rsplit(":", 1)[1].split("-"))
    # a report key naming one placement inside the item's range finds the item
    inner = f"span:{span.layer}:{start}-{max(start + 1, end - 1)}"
    assert ReviewFilter.from_pairs("x", [(span.doc_id, inner)]).matches(span)
    assert not ReviewFilter.from_pairs("x", [(span.doc_id + 1000, span.key)]).matches(span)
    assert not ReviewFilter.from_pairs("x", [(span.doc_id, "span:OTHER:0-1")]).matches(span)
    assert ReviewFilter().empty and ReviewFilter().matches(span)
    # two annotators: only items on which their versions differ
    def version(name: str, end: int) -> Version:
        return Version(name, (Span(SpanId(1), "u", DocId(1), name, "ACTOR", 0, end, "x"),))

    item = Item(DocId(1), "span", "span:ACTOR:0-9",
                (version("anna", 5), version("ben", 5), version("carla", 9)), "boundary")
    assert not ReviewFilter("p", annotators=("anna", "ben")).matches(item)
    assert ReviewFilter("p", annotators=("anna", "carla")).matches(item)
    assert not ReviewFilter("p", annotators=("anna", "zoe")).matches(item)
    layer_entry = {"field": f"{span.layer.split('+')[0]} exact F1", "group": "spans",
                   "disagreements": []}
    by_layer = entry_filter(layer_entry)
    assert by_layer.layer == span.layer.split("+")[0] and by_layer.pairs is None
    assert entry_filter({"field": "x", "group": "document", "disagreements": []}).pairs == ()


# ------------------------------------------------------------------ models


def test_models_pass_the_model_tester(qtmodeltester: Any, project_path: Path,
                                      core: Project) -> None:
    items = review.queue(core)
    queue = QueueModel()
    queue.set_items(items, {d.id: d.title for d in core.documents()}, [])
    qtmodeltester.check(queue)
    proxy = QueueFilterProxy()
    proxy.setSourceModel(queue)
    proxy.set_kind("boundary")
    qtmodeltester.check(proxy)
    versions = VersionTableModel()
    versions.set_rows(["1 anna", "2 ben", "gold"], [("layer", ["A", "B", "—"]),
                                                     ("text", ["x", "x", "—"])], 2)
    qtmodeltester.check(versions)
    assert versions.differs(0) and not versions.differs(1)
    report = core.review.agreement_report(bootstrap=0)
    entries = EntryTableModel()
    entries.set_entries(report["entries"])
    qtmodeltester.check(entries)
    entry = next(e for e in report["entries"] if e["confusion"])
    pairs = PairMatrixModel()
    pairs.set_entry(report["annotators"], entry)
    qtmodeltester.check(pairs)
    confusion = ConfusionModel()
    confusion.set_entry(entry)
    qtmodeltester.check(confusion)
    assert sum(confusion.index(r, c).data(ROLE_VALUE)
               for r in range(confusion.rowCount()) for c in range(confusion.columnCount())) \
        == sum(n for _a, _b, n in entry["confusion"])


# ------------------------------------------------------------------ agreement view


def _open_view(qtbot: Any, path: Path) -> AgreementView:
    view = open_agreement_view(path)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.report is not None and not view.running, timeout=30000)
    return view


def _double_click(qtbot: Any, view: QAbstractItemView, row: int, column: int) -> None:
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_agreement_view_runs_and_opens_the_review_filtered(qtbot: Any, project_path: Path,
                                                           core: Project) -> None:
    view = _open_view(qtbot, project_path)
    entries = view.report["entries"]
    groups = list(dict.fromkeys(e["group"] for e in entries))
    assert view.tabs.count() == len(groups)
    tab = next(i for i, g in enumerate(groups)
               if any(e["disagreements"] for e in entries if e["group"] == g))
    view.tabs.setCurrentIndex(tab)
    table = view.current_table()
    in_group = [e for e in entries if e["group"] == groups[tab]]
    assert table.model().rowCount() == len(in_group)
    assert [table.model().index(r, 0).data() for r in range(len(in_group))] == \
        [e["field"] for e in in_group]
    assert len(view.chart.bars) == len(in_group)
    row = next(r for r, e in enumerate(in_group) if e["disagreements"])
    entry = in_group[row]
    _double_click(qtbot, table, row, 0)
    assert view.current_entry() == entry
    assert view.pairs.rowCount() == len(view.report["annotators"])
    window = view.review_opener.window
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.loading and window.model.rowCount() > 0, timeout=20000)
    wanted = entry_filter(entry)
    shown = [window.proxy.index(r, 0).data(ROLE_ITEM) for r in range(window.proxy.rowCount())]
    assert shown and all(wanted.matches(i) for i in shown)
    pairs = {(int(d), str(k)) for d, k in entry["disagreements"]}
    assert {(int(i.doc_id), i.key) for i in shown} & pairs
    assert entry["field"] in window.filter_label.text()
    # a pair cell re-filters the same window to where those two annotators differ
    view.pair_view.setFocus()
    _double_click(qtbot, view.pair_view, 0, 1)
    assert view.review_opener.window is window
    first, second = view.report["annotators"][:2]
    assert window.proxy.review_filter.annotators == (first, second)


def test_agreement_view_exports_and_cancels(qtbot: Any, project_path: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    view = _open_view(qtbot, project_path)
    html, csv_path = tmp_path / "report.html", tmp_path / "report.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(html), "HTML (*.html)"))
    qtbot.mouseClick(view.export_html_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(csv_path), "CSV (*.csv)"))
    qtbot.mouseClick(view.export_csv_button, Qt.MouseButton.LeftButton)
    first = view.report["entries"][0]["field"]
    assert first in html.read_text(encoding="utf-8")
    assert csv_path.read_text(encoding="utf-8").startswith("group,field,coefficient")

    def slow(_review: Any, **kwargs: Any) -> dict[str, Any]:
        state = kwargs["state"]
        while not state.cancelled:
            state.progress(0, 1, "waiting")
        state.check()
        return {}

    monkeypatch.setattr("annotator.core.project.facades.Review.agreement_report", slow)
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    assert view.running and view.cancel_button.isEnabled()
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.running, timeout=10000)
    assert "Cancelled" in view.status.text()
    assert view.report is not None  # the previous report stays
    # closing the window while the report runs cancels it; the task outlives the window
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    assert view.running
    view.close()
    qtbot.waitUntil(lambda: background.running() == 0, timeout=10000)


def test_chart_keyboard_selects_entries(qtbot: Any, project_path: Path) -> None:
    view = _open_view(qtbot, project_path)
    view.chart.setFocus()
    qtbot.keyClick(view.chart, Qt.Key.Key_Down)
    assert view.current_table().currentIndex().row() == view.chart.selected == 1
    rect = view.chart.rect()
    qtbot.mouseClick(view.chart, Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.width() // 2, int(view.chart._plot().top()) + 3))
    assert view.chart.selected == 0


# ------------------------------------------------------------------ command line


def test_cmd_agreement_writes_json_html_csv_without_qt(project_path: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    from annotator.cli.review import add_parsers, cmd_agreement

    parser = argparse.ArgumentParser()
    add_parsers(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["agreement", str(project_path), "--json", "--bootstrap", "0",
                              "--html", str(tmp_path / "a.html"),
                              "--csv", str(tmp_path / "a.csv"), "--quiet"])
    assert args.func is cmd_agreement
    assert cmd_agreement(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"anna", "ben", "carla"} <= set(report["annotators"])
    assert (tmp_path / "a.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "a.csv").stat().st_size > 0
    code = ("import sys, argparse; import annotator.cli.review as c; "
            "c.cmd_agreement(argparse.Namespace(project=sys.argv[1], json=False, html=None, "
            "csv=None, annotator=None, bootstrap=0, quiet=True)); "
            "assert 'PySide6' not in sys.modules, 'Qt imported'")
    done = subprocess.run([sys.executable, "-c", code, str(project_path)], check=True,
                          capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert "annotators: " in done.stdout


@pytest.mark.parametrize("keys", [(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                                  (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)])
def test_the_review_window_has_menus_and_closes_from_the_keyboard(
        qtbot: Any, project_path: Path, keys: tuple[Qt.Key, Qt.KeyboardModifier]) -> None:
    window = _open(qtbot, project_path)
    window.show()
    qtbot.waitExposed(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Decide"]
    decide = window.menuBar().actions()[3].menu()
    assert "Reject" in [a.text() for a in decide.actions()]
    window.queue.setFocus()
    qtbot.keyClick(window.queue, *keys)
    assert not window.isVisible()
