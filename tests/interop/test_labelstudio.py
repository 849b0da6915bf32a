"""Label Studio: exact round trips, through edits shaped like Label Studio's own export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core import Project
from annotator.core.exporters import export
from tests.interop.conftest import native_snapshot


def _import(tmp_path: Path, path: Path, name: str = "again", **options: Any) -> Project:
    project = Project.create(tmp_path / f"{name}.annotator")
    report = project.import_paths([path], **options)
    assert not report.rejected, report.rejected
    return project


def test_sample_round_trip_is_exact(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "tasks.json"
    export(sample, "labelstudio", out)
    with _import(tmp_path, out) as again:
        assert native_snapshot(again, tmp_path) == native_snapshot(sample, tmp_path)


def _tasks(path: Path) -> list[dict[str, Any]]:
    tasks: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return tasks


def _write(path: Path, tasks: list[dict[str, Any]]) -> None:
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")


def test_the_sample_has_what_used_to_be_lost(sample: Project) -> None:
    """Objects without a mention and claims sharing a demand span exist in the sample."""
    claims = sample.claims()
    shared = [c for c in claims for d in claims
              if c.id < d.id and set(c.demand_span_ids) & set(d.demand_span_ids)]
    mentioned = {(s.annotator, s.doc_id, s.actor_id) for s in sample.spans()}
    unmentioned = [c for c in claims if c.object_id is not None
                   and (c.annotator, c.doc_id, c.object_id) not in mentioned]
    assert shared and unmentioned
    assert any(not c.demand_span_ids for c in claims)


def _as_label_studio_exports_it(tasks: list[dict[str, Any]], users: dict[str, int]) -> None:
    """What Label Studio's JSON export makes of our tasks after two or more people
    annotated them: numeric ``completed_by``, ids, no identity result of ours."""
    for number, item in enumerate(tasks, start=1):
        item["id"] = number
        for index, entry in enumerate(item["annotations"], start=1):
            name = next(r["value"]["text"][0] for r in entry["result"]
                        if r.get("from_name") == "annotator_name")
            entry["result"] = [r for r in entry["result"]
                               if r.get("from_name") != "annotator_name"]
            entry.update({"id": number * 100 + index, "completed_by": users[name],
                          "was_cancelled": False, "lead_time": 12.5, "task": number})


def test_label_studio_edits_round_trip_exactly(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "tasks.json"
    export(sample, "labelstudio", out)
    tasks = _tasks(out)
    users = {"anna": 7, "ben": 12, "carla": 31}
    _as_label_studio_exports_it(tasks, users)
    victim = next(t for t in tasks if len(t["annotations"]) == 3)
    deleted = victim["annotations"].pop(0)  # deleted in Label Studio
    _write(out, tasks)
    (tmp_path / "tasks.users.json").write_text(json.dumps({"users": [
        {"annotator": name, "id": number, "email": f"{name}@example.org"}
        for name, number in users.items()]}), encoding="utf-8")
    expected = native_snapshot(sample, tmp_path)
    gone = next(n for n, i in users.items() if i == deleted["completed_by"])
    del expected["documents"][victim["data"]["sha256"]]["annotations"][gone]
    with _import(tmp_path, out) as again:
        assert native_snapshot(again, tmp_path) == expected
        assert set(again.annotators()) == set(users)


def test_completed_by_as_email_and_unmapped_ids(tmp_path: Path, sample: Project) -> None:
    out = tmp_path / "tasks.json"
    export(sample, "labelstudio", out)
    tasks = _tasks(out)[:2]
    _as_label_studio_exports_it(tasks, {"anna": 7, "ben": 12, "carla": 31})
    for item in tasks:
        for entry in item["annotations"]:
            if entry["completed_by"] == 7:
                entry["completed_by"] = {"id": 7, "email": "Anna@Example.org"}
    _write(out, tasks)
    (tmp_path / "labelstudio.users.json").write_text(json.dumps(
        {"users": [{"annotator": "anna", "email": "anna@example.org"}]}), encoding="utf-8")
    with _import(tmp_path, out) as again:
        assert set(again.annotators()) == {"anna", "labelstudio-user-12",
                                           "labelstudio-user-31"}


def test_two_annotations_of_one_user_are_refused(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "tasks.json"
    export(sample, "labelstudio", out)
    tasks = _tasks(out)[:1]
    _as_label_studio_exports_it(tasks, {"anna": 7, "ben": 7, "carla": 7})
    _write(out, tasks)
    with Project.create(tmp_path / "p.annotator") as project:
        report = project.import_paths([out])
        assert "annotations 1 and 2 are both by 'labelstudio-user-7'" in str(report.rejected)
        assert project.documents() == []


TEXT = "Kanslern ringde Putin i går. \nHon krävde att trupperna dras tillbaka.  \r\n\nSlut."


def _task(text: str, results: list[dict[str, Any]]) -> dict[str, Any]:
    return {"data": {"text": text}, "annotations": [
        {"id": 1, "completed_by": 3, "result": results}]}


def _region(rid: str, text: str, words: str, label: str) -> dict[str, Any]:
    start = text.index(words)
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": start + len(words), "text": words,
                      "labels": [label]}}


def test_texts_that_need_cleaning_keep_every_span_on_its_words(tmp_path: Path) -> None:
    results = [_region("a1", TEXT, "Putin i går. ", "ACTOR"),
               _region("a2", TEXT, "trupperna dras tillbaka.  \r", "DEMAND"),
               _region("a3", TEXT, "Slut", "DATE")]
    path = tmp_path / "ls.json"
    _write(path, [_task(TEXT, results)])
    with _import(tmp_path, path) as project:
        doc = project.documents()[0].id
        text = project.text(doc)
        assert "\r" not in text and " \n" not in text
        spans = sorted((s.start, s.text) for s in project.spans())
        assert [t for _, t in spans] == ["Putin i går.", "trupperna dras tillbaka.", "Slut"]
        assert all(text[s.start:s.end] == s.text for s in project.spans())
        assert project.status(doc, "labelstudio-user-3").value == "done"


def test_unknown_choices_are_reported_up_front_or_kept(tmp_path: Path) -> None:
    results = [_region("a1", TEXT, "Putin", "ACTOR"),
               {"id": "a1", "from_name": "actor_reliability", "to_name": "text",
                "type": "choices", "value": {"start": 16, "end": 21, "choices": ["B"]}},
               {"id": "r", "from_name": "reliability", "to_name": "text", "type": "choices",
                "value": {"choices": ["high"]}},
               {"id": "v", "from_name": "relevance", "to_name": "text", "type": "choices",
                "value": {"choices": ["maybe"]}},
               _region("p1", TEXT, "Slut", "PLACE")]
    path = tmp_path / "ls.json"
    _write(path, [_task(TEXT, results)] * 3)
    with Project.create(tmp_path / "p.annotator") as project:
        report = project.import_paths([path])
        reason = str(report.rejected[0])
        for what in ("ACTOR attribute 'actor_reliability' (3x)", "document field "
                     "'reliability' (3x)", "document field 'relevance' value 'maybe' (3x)",
                     "label 'PLACE' (3x)", "--unknown metadata", "--unknown add"):
            assert what in reason, reason
        assert project.documents() == []
    with _import(tmp_path, path, "kept", unknown="metadata") as project:
        doc = project.document(project.documents()[0].id)
        kept = doc.metadata["labelstudio_unknown"]["labelstudio-user-3"]
        assert {r["from_name"] for r in kept} == {"actor_reliability", "reliability",
                                                  "relevance", "label"}
        assert [s.text for s in project.spans()] == ["Putin"]


@pytest.mark.parametrize("predictions", [False, True])
def test_predictions_and_annotations_both_round_trip(sample: Project, tmp_path: Path,
                                                     predictions: bool) -> None:
    out = tmp_path / "tasks.json"
    export(sample, "labelstudio", out, predictions=predictions)
    with _import(tmp_path, out) as again:
        assert set(again.annotators()) == set(sample.annotators())
        assert len(again.spans()) == len(sample.spans())
        assert len(again.claims()) == len(sample.claims())


def test_unknown_labels_and_choices_can_be_added_to_the_codebook(tmp_path: Path) -> None:
    results = [_region("a1", TEXT, "Putin", "ACTOR"),
               {"id": "a1", "from_name": "actor_reliability", "to_name": "text",
                "type": "choices", "value": {"start": 16, "end": 21, "choices": ["B"]}},
               {"id": "r", "from_name": "reliability", "to_name": "text", "type": "choices",
                "value": {"choices": ["high"]}},
               {"id": "m", "from_name": "memo", "to_name": "text", "type": "textarea",
                "value": {"text": ["check the date"]}},
               {"id": "v", "from_name": "relevance", "to_name": "text", "type": "choices",
                "value": {"choices": ["maybe"]}},
               _region("p1", TEXT, "Slut", "PLACE")]
    path = tmp_path / "ls.json"
    _write(path, [_task(TEXT, results)])
    with _import(tmp_path, path, "added", unknown="add") as project:
        book = project.codebook
        assert book.version == "1.0.0+import.1"
        assert "PLACE" in book.layer_names()
        assert book.vocabulary("relevance").codes()[-1] == "maybe"
        assert book.vocabulary(book.document_field("reliability").vocabulary).codes() == ["high"]
        assert book.document_field("memo").type == "text"
        doc = project.documents()[0].id
        assert project.values(doc, "labelstudio-user-3") == {
            "reliability": "high", "memo": "check the date", "relevance": "maybe"}
        spans = {s.layer: s for s in project.spans()}
        assert spans["ACTOR"].attributes == {"reliability": "B"}
        assert spans["PLACE"].text == "Slut"
    with Project.open(tmp_path / "added.annotator") as reopened:
        assert reopened.codebook.version == "1.0.0+import.1"


def test_cleaning_keeps_every_character_on_its_origin() -> None:
    """clean_with_map gives clean_text's text, and maps every raw span onto the same
    characters (less what cleaning removes: BOM, NUL, CR, spaces at line ends)."""
    import random
    import unicodedata

    from annotator.core.text import clean_text, clean_with_map

    def visible(text: str) -> str:
        kept = unicodedata.normalize("NFC", text.replace("\ufeff", "").replace("\x00", ""))
        return "".join(kept.split())

    rng = random.Random(7)
    for alphabet in ("ab \r\n\té", "ab \r\ne\u0301\ufeff\x00"):  # line ends only; all steps
        for _ in range(2000):
            raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
            cleaned, offsets = clean_with_map(raw)
            assert cleaned == clean_text(raw), repr(raw)
            cuts = [i for i in range(len(raw) + 1) if i == len(raw) or not (
                unicodedata.combining(raw[i]) or raw[i] in "\ufeff\x00")]
            i, j = sorted(rng.sample(cuts, 2)) if len(cuts) > 1 else (0, len(raw))
            a, b = offsets.span(i, j)
            assert visible(cleaned[a:b]) == visible(raw[i:j]), (repr(raw), i, j)


def test_a_folder_of_exports_imports_without_their_sidecars(sample: Project,
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    export(sample, "labelstudio", folder / "tasks.json")
    export(sample, "qdpx", folder / "p.qdpx")
    with Project.create(tmp_path / "again.annotator") as again:
        report = again.import_paths([folder])
        assert not report.rejected, report.rejected
        assert len(report.files_accepted) == 2


def test_a_task_file_is_parsed_once_and_not_kept(sample: Project, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core.importers import labelstudio

    out = tmp_path / "tasks.json"
    export(sample, "labelstudio", out)
    parsed: list[int] = []
    real = labelstudio.loads_json

    def counting(text: Any, *args: Any) -> Any:
        parsed.append(len(text))
        return real(text, *args)

    monkeypatch.setattr(labelstudio, "loads_json", counting)
    with Project.create(tmp_path / "again.annotator") as again:
        report = again.import_paths([out])
        assert not report.rejected and len(report.imported) == len(sample.documents())
    whole = len(out.read_text(encoding="utf-8"))
    # the dispatch, the scan for unknown labels and the reader share one parse of the file
    assert parsed.count(whole) == 1, parsed[:3]
    assert not labelstudio._LAST_LOADED  # and nothing of it stays in memory afterwards
