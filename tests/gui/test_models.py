"""Every item model passes pytest-qt's qtmodeltester; the document list pages, filters and sorts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from annotator.core import Project
from annotator.core.models import Status
from annotator.gui.models.item_models import (
    ClaimListModel,
    DocumentListModel,
    RowsModel,
    SpanListModel,
)
from annotator.gui.models.roles import ROLE_ID
from annotator.gui.workspace.actor_picker import ActorListModel
from tests.gui.conftest import ANNOTATOR


@pytest.fixture()
def project(project_path: Path) -> Any:
    with Project.open(project_path) as opened:
        yield opened


def test_document_list_model(qtmodeltester: Any, project: Any,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DocumentListModel, "PAGE", 2)
    model = DocumentListModel()
    model.set_project(project, ANNOTATOR)
    assert model.rowCount() == 2 and model.canFetchMore(QModelIndex())
    assert model.total == 3
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 3 and not model.canFetchMore(QModelIndex())
    assert [model.index(r, 1).data() for r in range(3)] == ["en", "en", "en"]
    qtmodeltester.check(model)


def test_document_list_filters_search_sort(project: Any) -> None:
    model = DocumentListModel()
    model.set_project(project, ANNOTATOR)
    first = model.doc_id_at(0)
    project.set_status(first, ANNOTATOR, Status.DONE)
    model.set_filters(status="done")
    assert [model.doc_id_at(r) for r in range(model.rowCount())] == [first]
    model.set_filters(search="Peskov")
    assert model.rowCount() == 1 and "Kremlin" in model.index(0, 2).data()
    model.set_filters(search="")
    model.sort(2, Qt.SortOrder.DescendingOrder)  # by title, re-queried
    titles = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.casefold, reverse=True)
    model.set_filters(annotator="nobody")
    assert {model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
            for r in range(model.rowCount())} == {"not started"}
    assert model.first_unfinished() == model.doc_id_at(0)


def test_span_claim_actor_and_rows_models(qtmodeltester: Any, project: Any) -> None:
    doc_id = project.documents()[0].id
    project.add_span(doc_id, ANNOTATOR, "ACTOR", 4, 13)
    project.add_span(doc_id, ANNOTATOR, "DEMAND", 40, 50)
    spans = project.spans(doc_id)
    labels = {layer.name: (layer.label, layer.color) for layer in project.codebook.layers}
    span_model = SpanListModel(labels, str)
    span_model.set_rows(spans)
    qtmodeltester.check(span_model)
    checkable = SpanListModel(labels, str, checkable=True)
    checkable.set_rows(spans)
    qtmodeltester.check(checkable)
    assert checkable.setData(checkable.index(1), Qt.CheckState.Checked.value,
                             Qt.ItemDataRole.CheckStateRole)
    assert checkable.checked() == [spans[1].id]

    actors = ActorListModel()
    actors.set_actors(project.actors())
    actors.set_first([project.actors()[0].id])
    qtmodeltester.check(actors)
    assert [a.key for a in actors.find("selenskyj")] == ["zelenskyy"]
    assert actors.index(0).data().startswith("★")

    project.add_claim(doc_id, ANNOTATOR, claimant_id=actors.find("Scholz")[0].id)
    claims = ClaimListModel(lambda i: actors.actor(i).canonical_name)
    claims.set_rows(project.claims(doc_id))
    qtmodeltester.check(claims)
    assert claims.index(0).data() == "REQUEST Olaf Scholz"
    assert claims.index(0).data(ROLE_ID) == project.claims(doc_id)[0].id

    rows = RowsModel(("Result", "File", "Reason"), [("rejected", "x.bin", "binary")])
    qtmodeltester.check(rows)
