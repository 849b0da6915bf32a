"""The realistic benchmark corpus (benchmarks/corpus_realistic.py): deterministic, and every
kind of it imports whole, with the spans it claims to carry."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from annotator.core import Project
from benchmarks import corpus_realistic as corpus


def test_articles_are_deterministic_and_carry_their_spans() -> None:
    first = list(corpus.articles(60))
    assert first == list(corpus.articles(60))
    assert corpus.article(59) == first[59]  # article i does not depend on n
    assert corpus.article(3, seed=1) != first[3]
    assert {a.language for a in first} == {"sv", "nb", "en", "de"}
    assert len({a.outlet for a in first}) > 20
    assert any(a.claim for a in first) and any(not a.claim for a in first)
    for art in first:
        assert unicodedata.is_normalized("NFC", art.text)
        assert "language" not in corpus.jsonl_record(art)
        layers = [layer for layer, _, _ in art.spans]
        assert sorted(layers) == ["ACTOR", "ACTOR", "DATE", "DEMAND", "SOURCE"]
        for _, start, end in art.spans:
            assert art.text[start:end] and art.text[start:end].strip() == art.text[start:end]


@pytest.mark.parametrize("kind", corpus.KINDS)
def test_every_kind_imports_whole(tmp_path: Path, kind: str) -> None:
    n = 24
    target = corpus.write(kind, tmp_path / kind, n)
    with Project.create(tmp_path / "p.annotator") as project:
        report = project.import_paths([target])
        assert (len(report.imported), len(report.rejected)) == (n, 0)
        expected = {"labelstudio": 6 * n, "brat": 5 * n}.get(kind, 0)
        assert report.annotations == expected


def test_labelstudio_tasks_are_one_list(tmp_path: Path) -> None:
    path = corpus.write_labelstudio(tmp_path / "tasks.json", 5)
    tasks = json.loads(path.read_text(encoding="utf-8"))
    assert len(tasks) == 5
    result = tasks[0]["annotations"][0]["result"]
    assert [r["type"] for r in result] == ["labels"] * 5 + ["choices"]
    for region in result[:5]:
        value = region["value"]
        assert tasks[0]["data"]["text"][value["start"]:value["end"]] == value["text"]


@pytest.mark.parametrize("with_actor", [False, True])
def test_labelstudio_config_has_no_empty_choices(tmp_path: Path, with_actor: bool) -> None:
    """Label Studio refuses a <Choices> without a <Choice> ("'Choice' is a required
    property"), which an empty registry used to produce for the actor control."""
    import xml.etree.ElementTree as ET

    from annotator.core.exporters import export

    with Project.create(tmp_path / "p.annotator") as project:
        project.import_paths([corpus.write_labelstudio(tmp_path / "tasks.json", 3)])
        if with_actor:
            project.add_actor("Katrin Vollmer", key="vollmer")
        export(project, "labelstudio", tmp_path / "out.json")
    config = ET.fromstring((tmp_path / "out.label_config.xml").read_text(encoding="utf-8"))
    choices = config.findall("Choices")
    assert choices and all(c.findall("Choice") for c in choices)
    assert any(c.get("name") == "actor" for c in choices) is with_actor
