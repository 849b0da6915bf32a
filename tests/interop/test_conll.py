"""CoNLL: every sentence is strict IOB2 as seqeval reads it; manifests of two formats coexist."""

from __future__ import annotations

import json
from pathlib import Path

from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import IOB2, Tokens

from annotator.core import Project
from annotator.core.exporters import Selection, export

TEXT = ("Kanslern krävde att trupperna\ndras tillbaka. Kreml svarade att Nato måste\n"
        "lova att aldrig växa.\n")


def _sentences(path: Path) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-") or not line.strip():
            if out[-1]:
                out.append([])
            continue
        out[-1].append(line.split(" ")[-1])
    return [s for s in out if s]


def _assert_strict(sentences: list[list[str]]) -> int:
    """Each sentence valid strict IOB2; returns the number of chunks."""
    chunks = 0
    for tags in sentences:
        strict = [(e.tag, e.start, e.end - 1) for e in Tokens(tags, scheme=IOB2).entities]
        lenient = get_entities(tags)
        assert sorted(strict) == sorted(lenient), tags
        assert not tags[0].startswith("I-"), tags
        for before, tag in zip(tags, tags[1:], strict=False):
            if tag.startswith("I-"):
                assert before[2:] == tag[2:] and before[:2] in ("B-", "I-"), tags
        chunks += len(strict)
    return chunks


def _project(tmp_path: Path) -> Project:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    project = Project.create(tmp_path / "p.annotator")
    assert not project.import_paths([source]).rejected
    doc = project.documents()[0].id
    text = project.text(doc)
    start = text.index("trupperna")
    project.add_span(doc, "alice", "DEMAND", start, text.index(" tillbaka") + 9)
    project.add_span(doc, "alice", "DEMAND", text.index("måste"), text.index("växa") + 4)
    return project


def test_a_span_across_a_line_break_restarts_with_b(tmp_path: Path) -> None:
    with _project(tmp_path) as project:
        out = tmp_path / "data.conll"
        result = export(project, "conll", out, Selection("annotator", "alice"))
        sentences = _sentences(out)
        assert _assert_strict(sentences) == 4  # two spans, each cut once by a line break
        assert sentences[1][:2] == ["B-DEMAND", "I-DEMAND"]  # "dras tillbaka"
        assert any("2 spans cross a sentence break" in w for w in result.warnings)


def test_every_sample_sentence_is_strict_iob2(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "sample.conll"
    export(sample, "conll", out)
    sentences = _sentences(out)
    assert len(sentences) > 100
    assert _assert_strict(sentences) > 200


def test_conll_and_spacy_in_one_folder_keep_their_own_manifests(
        sample: Project, tmp_path: Path) -> None:
    export(sample, "conll", tmp_path / "data.conll")
    export(sample, "spacy", tmp_path / "data.spacy")
    conll = json.loads((tmp_path / "data.conll.manifest.json").read_text(encoding="utf-8"))
    spacy = json.loads((tmp_path / "data.spacy.manifest.json").read_text(encoding="utf-8"))
    assert (conll["export_format"], spacy["export_format"]) == ("conll", "spacy")
    assert "docstart_order" in conll
