"""brat and Label Studio exports: format checks, and import back into a new project."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core import Project, importers
from annotator.core.exporters import Selection, export
from annotator.core.importers import ImportOptions, expand_paths, read_file
from annotator.core.importers import brat as brat_reader
from annotator.core.importers import ingest as ingest_module
from annotator.core.importers import labelstudio as ls_reader
from annotator.core.models import GOLD
from tests.core.test_export_fixtures import build_project, span_keys


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with build_project(tmp_path) as built:
        yield built


@pytest.fixture
def dispatch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The importer dispatch the lead adds to importers/__init__.py (see the handover)."""
    original_expand = importers.expand_paths

    def expand(paths: Iterable[str | Path], skipped: Any = None, unknown: Any = None
               ) -> Iterator[Path]:
        for path in original_expand(paths, skipped, unknown):
            if not (brat_reader.is_companion(path) or ls_reader.is_companion(path)):
                yield path

    def read(path: Path, options: ImportOptions):  # type: ignore[no-untyped-def]
        if path.suffix.lower() == ".ann":
            return brat_reader.read(path, options)
        if path.suffix.lower() == ".json" and ls_reader.sniff(path):
            return ls_reader.read(path, options)
        return read_file(path, options)

    monkeypatch.setattr(importers, "SUFFIXES", (*importers.SUFFIXES, ".ann"))
    monkeypatch.setattr(ingest_module, "expand_paths", expand)
    monkeypatch.setattr(ingest_module, "read_file", read)


def _fresh(tmp_path: Path, name: str) -> Project:
    return Project.create(tmp_path / f"{name}.annotator")


def _values(project: Project) -> set[tuple[str, str, str, str]]:
    sha = {d.id: d.sha256 for d in project.documents()}
    return {(name, sha[d], field, str(value)) for d in sha
            for name in project.annotators(include_gold=True)
            for field, value in project.values(d, name).items()}


def _claims(project: Project) -> set[tuple[str, str, str, str, str, int | None, str]]:
    keys = {a.id: a.key for a in project.actors()}
    sha = {d.id: d.sha256 for d in project.documents()}
    out = set()
    for claim in project.claims():
        demand = tuple(project.span(s).text for s in claim.demand_span_ids)
        out.add((claim.annotator, sha[claim.doc_id], keys.get(claim.claimant_id or -1, ""),
                 keys.get(claim.addressee_id or -1, ""), "|".join(demand), claim.position,
                 f"{claim.event_type}/{claim.source_reliability}/{claim.gloss}/"
                 f"{claim.date_value}/{claim.note}"))
    return out


# ------------------------------------------------------------------------ brat


def test_brat_offsets_match_the_txt(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "brat"
    export(project, "brat", out)
    conf = (out / "annotation.conf").read_text()
    assert "[entities]\nACTOR" in conf and "Claim\tClaimant?:ACTOR" in conf
    assert "claim_source_reliability\tArg:Claim, Value:A|B|C|D|E|F" in conf
    anns = sorted((out / "alice").glob("*.ann"))
    assert len(anns) == 3
    lines_seen = 0
    for ann in anns:
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        for line in ann.read_text(encoding="utf-8").splitlines():
            if not line.startswith("T") or "\tClaim " in line:
                continue
            _tid, body, shown = line.split("\t")
            offsets = body.split(" ", 1)[1]
            pieces = [tuple(map(int, p.split())) for p in offsets.split(";")]
            assert " ".join(text[a:b] for a, b in pieces) == shown
            assert all("\n" not in text[a:b] for a, b in pieces)
            lines_seen += 1
    assert lines_seen == len(project.spans(annotator="alice"))
    sv = (out / "alice" / anns[0].name).read_text(encoding="utf-8")
    assert "Reference T1 Registry:olaf_scholz\tOlaf Scholz" in sv
    assert "Wikidata:Q567" in sv
    assert " Demand:T4 Claimant:T1 Addressee:T2" in sv
    assert "claim_position E1 1" in sv and "AnnotatorNotes E1\tgloss: withdraw troops" in sv
    en = (out / "alice" / anns[1].name).read_text(encoding="utf-8")
    assert ";" in next(line for line in en.splitlines() if "\tDEMAND " in line)  # fragments


def test_brat_round_trip(project: Project, tmp_path: Path, dispatch: None) -> None:
    out = tmp_path / "brat"
    export(project, "brat", out)
    with _fresh(tmp_path, "brat") as again:
        report = again.import_paths([out])
        assert not report.rejected, report.rejected
        assert len(again.documents()) == 3
        assert span_keys(again) == span_keys(project)
        assert {s.uid for s in again.spans()} == {s.uid for s in project.spans()}
        assert _values(again) == _values(project)
        assert _claims(again) == _claims(project)
        assert {d.sha256 for d in again.documents()} == {d.sha256 for d in project.documents()}
        assert again.document(again.documents()[0].id).outlet == "Riksnytt"
        assert again.status(again.documents()[0].id, "alice").value == "done"


def test_plain_brat_without_sidecars(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = "Olaf Scholz rang Vladimir Putin 😀 yesterday."
    (folder / "a.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "a.ann").write_text(
        "T1\tACTOR 0 11\tOlaf Scholz\nT2\tACTOR 17 31\tVladimir Putin\n"
        "N1\tReference T2 Wikidata:Q7747\tVladimir Putin\n"
        "T3\tDATE 34 43\tyesterday\nA1\tprecision T3 day\n"
        "#1\tAnnotatorNotes T3\tvalue: 2024-11-17\n",
        encoding="utf-8")
    parsed = brat_reader.read(folder / "a.ann", ImportOptions())
    spans = parsed.records[0].annotations["brat"]["spans"]
    assert [(s["layer"], text[s["start"]:s["end"]]) for s in spans] == \
        [("ACTOR", "Olaf Scholz"), ("ACTOR", "Vladimir Putin"), ("DATE", "yesterday")]
    assert spans[1]["actor"] == "wikidata-q7747"
    assert spans[2]["attributes"] == {"precision": "day", "value": "2024-11-17"}
    assert parsed.actors[0]["canonical_name"] == "Vladimir Putin"


# ---------------------------------------------------------------- Label Studio

RESULT_KEYS = {"id", "from_name", "to_name", "type", "value"}


def _check_task_format(task: dict) -> None:
    """The documented task shape: data object, then annotations/predictions with results."""
    assert set(task) <= {"data", "annotations", "predictions"}
    assert isinstance(task["data"], dict) and isinstance(task["data"]["text"], str)
    text = task["data"]["text"]
    for entry in task.get("annotations", []) + task.get("predictions", []):
        assert isinstance(entry["result"], list)
        for res in entry["result"]:
            if res["type"] == "relation":
                assert set(res) == {"from_id", "to_id", "type", "direction", "labels"}
                continue
            assert set(res) == RESULT_KEYS and res["to_name"] == "text"
            value = res["value"]
            if res["type"] == "labels":
                assert set(value) == {"start", "end", "text", "labels"}
                assert isinstance(value["start"], int) and isinstance(value["labels"], list)
                assert text[value["start"]:value["end"]] == value["text"]
            elif res["type"] == "choices":
                assert isinstance(value["choices"], list)
            else:
                assert res["type"] == "textarea" and isinstance(value["text"], list)


def test_labelstudio_tasks_follow_the_documented_format(project: Project,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "tasks.json"
    export(project, "labelstudio", out)
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(tasks, list) and len(tasks) == 3
    for task in tasks:
        _check_task_format(task)
    sv = tasks[0]
    assert sv["data"]["annotators"] == ["alice", "bob", GOLD]
    assert [a["ground_truth"] for a in sv["annotations"]] == [False, False, True]
    first = sv["annotations"][0]["result"]
    scholz = next(r for r in first if r["type"] == "labels")
    assert scholz["value"]["text"] == "Olaf Scholz"
    assert sv["data"]["text"].index("Olaf Scholz") == scholz["value"]["start"]  # after emoji
    relevance = next(r for r in first if r.get("from_name") == "relevance")
    assert relevance["value"] == {"choices": ["yes"]}
    config = (tmp_path / "tasks.label_config.xml").read_text()
    assert '<Labels name="label" toName="text">' in config
    assert '<Choice value="Olaf Scholz" alias="olaf-scholz"/>' in config
    predicted = tmp_path / "pred.json"
    export(project, "labelstudio", predicted, Selection("annotator", "bob"), predictions=True)
    for task in json.loads(predicted.read_text()):
        _check_task_format(task)
        assert [p["model_version"] for p in task["predictions"]] in ([], ["bob"])


def test_labelstudio_round_trip(project: Project, tmp_path: Path, dispatch: None) -> None:
    out = tmp_path / "tasks.json"
    export(project, "labelstudio", out)
    with _fresh(tmp_path, "ls") as again:
        report = again.import_paths([tmp_path])  # the whole folder, sidecars included
        assert not report.rejected, report.rejected
        assert span_keys(again) == span_keys(project)
        assert _values(again) == _values(project)
        assert _claims(again) == _claims(project)
        attrs = {(s.layer, s.text): s.attributes for s in again.spans(annotator="alice")}
        assert attrs[("DATE", "i går")] == {"value": "2022-02-14", "precision": "day"}


def test_labelstudio_utf16_offsets_are_converted(tmp_path: Path) -> None:
    text = "😀 Olaf Scholz called."
    task = {"data": {"text": text}, "annotations": [{"result": [
        {"id": "abc", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 3, "end": 14, "text": "Olaf Scholz", "labels": ["ACTOR"]}}]}]}
    path = tmp_path / "browser.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    parsed = ls_reader.read(path, ImportOptions())
    span = parsed.records[0].annotations["labelstudio"]["spans"][0]
    assert (span["start"], span["end"]) == (2, 13)
    assert not ls_reader.sniff(tmp_path / "missing.json")


def test_native_json_is_not_taken_for_label_studio(tmp_path: Path) -> None:
    path = tmp_path / "plain.json"
    path.write_text(json.dumps([{"text": "Ett dokument om Putin."}]), encoding="utf-8")
    assert not ls_reader.sniff(path)
    assert list(expand_paths([path])) == [path]


# ----------------------------------------------------------------- reliability


def test_reliability_matrices(project: Project, tmp_path: Path) -> None:
    import pandas as pd

    out = tmp_path / "rel"
    export(project, "reliability", out)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["coders"] == ["alice", "bob"]  # gold is not a coder
    relevance = pd.read_csv(out / "doc_relevance.csv", keep_default_na=False, dtype=str)
    assert list(relevance.columns) == ["unit", "alice", "bob"]
    # doc 3 is alice's only: not every coder worked on it, so it is no unit (the report's rule)
    assert relevance.values.tolist() == [["doc:1", "yes", "yes"], ["doc:2", "yes", "unsure"]]
    assert manifest["variables"]["doc_outlet_reliability"]["level"] == "ordinal"
    assert manifest["variables"]["doc_outlet_reliability"]["missing"] == ["F"]
    reliability = pd.read_csv(out / "claim_source_reliability.csv", keep_default_na=False,
                              dtype=str)
    assert reliability.values.tolist()[0] == ["doc:1:claim:0", "B", "C"]
    claimant = pd.read_csv(out / "claim_claimant.csv", keep_default_na=False, dtype=str)
    assert claimant.values.tolist()[0][1:] == ["olaf-scholz", "olaf-scholz"]
    actors = pd.read_csv(out / "span_ACTOR_actor.csv", keep_default_na=False, dtype=str)
    assert len(actors) == len({(s.doc_id, s.start, s.end) for s in project.spans()
                               if s.layer == "ACTOR" and s.annotator != GOLD
                               and s.doc_id != 3})
    demand = pd.read_csv(out / "tokens_DEMAND.csv", keep_default_na=False, dtype=str)
    sv = demand[demand.unit.str.startswith("doc:1:")]
    assert (sv.alice == "1").sum() == 4 and (sv.bob == "1").sum() == 2
    assert not demand.unit.str.startswith("doc:3:").any()
