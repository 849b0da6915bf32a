"""JSONL, codebook JSON, CSV and Parquet exports, read back with json and pandas."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from annotator.core import Project, TaskState
from annotator.core.errors import ExportError, MissingDependency
from annotator.core.exporters import Selection, export, get_format
from annotator.core.exporters import native as native_module
from annotator.core.exporters.base import require
from annotator.core.importers import ImportOptions
from annotator.core.importers.json_file import read_jsonl
from annotator.core.models import GOLD
from tests.core.test_export_fixtures import build_project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with build_project(tmp_path) as built:
        yield built


def _jsonl_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_equals_native_export(project: Project, tmp_path: Path) -> None:
    native_module.export(project, tmp_path / "native.jsonl", state=TaskState(), timestamp=False)
    export(project, "jsonl", tmp_path / "bulk.jsonl", timestamp=False)
    assert (tmp_path / "bulk.jsonl").read_text() == (tmp_path / "native.jsonl").read_text()


def test_jsonl_selection_is_importable(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "alice.jsonl"
    result = export(project, "jsonl", out, Selection("annotator", "alice", status="done"))
    lines = _jsonl_lines(out)
    assert lines[0]["selection"]["annotator"] == "alice"
    docs = [x for x in lines if x["type"] == "document"]
    assert result.documents == len(docs) == 2
    assert all(set(d["annotations"]) == {"alice"} for d in docs)
    assert not read_jsonl(out, ImportOptions()).problems


def test_codebook_json_has_full_domains(project: Project, tmp_path: Path) -> None:
    export(project, "codebook", tmp_path / "codebook.json")
    data = json.loads((tmp_path / "codebook.json").read_text())
    assert data["version"] == project.codebook.version
    codes = [v["code"] for v in data["vocabularies"]["source_reliability"]["values"]]
    assert codes == ["A", "B", "C", "D", "E", "F"]
    assert data["vocabularies"]["source_reliability"]["missing"] == ["F"]


def _check_tables(project: Project, frames: dict[str, pd.DataFrame]) -> None:
    spans = frames["spans"]
    every = project.spans()
    assert len(spans) == len(every)
    texts = {d.id: project.text(d.id) for d in project.documents()}
    for row in spans.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    assert set(zip(spans.annotator, spans.layer, spans.start, spans.end, strict=True)) == {
        (s.annotator, s.layer, s.start, s.end) for s in every}
    scholz = spans[spans.text == "Olaf Scholz"]
    assert set(scholz.actor_qid) == {"Q567"} and set(scholz.actor_key) == {"olaf-scholz"}
    claims = frames["claims"]
    assert len(claims) == len(project.claims())
    sv = claims[(claims.annotator == "alice") & (claims.doc_language == "sv")].iloc[0]
    assert (sv.claimant_name, sv.claimant_qid, sv.addressee_qid) == \
        ("Olaf Scholz", "Q567", "Q7747")
    assert sv.demand_text == "drar tillbaka sina trupper"
    assert (sv.source_reliability, sv.info_credibility, sv.date_value) == ("B", "2", "2022-02-14")
    assert sv.doc_outlet_reliability == "A" and sv.doc_outlet == "Riksnytt"
    documents = frames["documents"]
    assert set(documents.annotator) == {"alice", "bob", GOLD}
    assert set(documents.sha256) == {d.sha256 for d in project.documents()}
    assert set(documents.text) == {project.text(d.id) for d in project.documents()}
    assert sv.date_earliest == sv.date_latest == "2022-02-14"  # annotator.core.timex bounds


def test_csv_tables_read_with_pandas(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    result = export(project, "csv", out)
    frames = {t: pd.read_csv(out / f"{t}.csv", keep_default_na=False) for t in
              ("documents", "spans", "claims")}
    _check_tables(project, frames)
    multiline = frames["spans"][frames["spans"].text.str.contains("\n")]
    assert len(multiline) == 2  # the en DEMAND span crossing a line break survives quoting
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["codebook"]["version"] == project.codebook.version
    assert manifest["tool_version"] and manifest["exported_at"]
    assert len(manifest["text_sha256"]) == result.documents == 3
    actors = pd.read_csv(out / "actors.csv", keep_default_na=False)
    assert set(actors.key) == {"olaf-scholz", "vladimir-putin", "nato"}
    assert not list(tmp_path.glob("*.part"))


def test_parquet_tables_read_with_pandas(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    export(project, "parquet", out)
    frames = {t: _blank_nulls(pd.read_parquet(out / f"{t}.parquet")) for t in
              ("documents", "spans", "claims")}
    _check_tables(project, frames)
    spans = pd.read_parquet(out / "spans.parquet")
    assert str(spans.start.dtype) == "int64"


def _blank_nulls(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(object).where(frame.notna(), "")


def test_gold_fallback_tables(project: Project, tmp_path: Path) -> None:
    export(project, "csv", tmp_path / "gf", Selection("gold-fallback", "bob"))
    spans = pd.read_csv(tmp_path / "gf" / "spans.csv", keep_default_na=False)
    by_doc = spans.groupby("doc_id").annotator.unique()
    assert {k: list(v) for k, v in by_doc.items()} == {1: [GOLD], 2: ["bob"], 3: [GOLD]}


def test_missing_library_message() -> None:
    with pytest.raises(MissingDependency, match=r"pip install 'annotator\[parquet\]'"):
        require("pyarrow_not_installed_here", "parquet", "Parquet")


def test_unknown_format() -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        get_format("xlsx")
    assert get_format("datasets").name == "hf"
