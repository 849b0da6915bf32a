"""CoNLL, spaCy DocBin and Hugging Face datasets exports, read back by their real consumers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import datasets
import pytest
import spacy
from spacy.tokens import DocBin

from annotator.core import Project
from annotator.core.exporters import Selection, export
from annotator.core.exporters.conll import bio_tags, non_overlapping
from annotator.core.exporters.tokenize import regex_tokens, sentences
from annotator.core.models import GOLD, DocId, Span, SpanId
from tests.core.test_export_fixtures import build_project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with build_project(tmp_path) as built:
        yield built


def _read_conll(path: Path) -> list[list[tuple[str, str]]]:
    docs: list[list[tuple[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            docs.append([])
        elif line.strip():
            parts = line.split()
            assert len(parts) == 4, line
            docs[-1].append((parts[0], parts[-1]))
    return docs


def test_conll_bio_per_document(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "alice.conll"
    result = export(project, "conll", out, Selection("annotator", "alice"))
    docs = _read_conll(out)
    assert len(docs) == result.documents == 3
    sv = docs[0]
    tags = dict(sv)
    assert ("Olaf", "B-ACTOR") in sv and ("Scholz", "I-ACTOR") in sv
    assert tags["😀"] == "O"
    demand = [t for t, tag in sv if tag.endswith("DEMAND")]
    assert demand == ["drar", "tillbaka", "sina", "trupper"]
    assert [tag for _, tag in sv if tag.endswith("DEMAND")][0] == "B-DEMAND"
    manifest = json.loads((tmp_path / "alice.conll.manifest.json").read_text())
    assert [d["annotator"] for d in manifest["docstart_order"]] == ["alice"] * 3
    assert manifest["tokenizer"] in ("spacy.blank", "annotator-regex")


def test_bio_keeps_the_earlier_longer_span_where_spans_overlap() -> None:
    text = "Bundeskanzler Olaf Scholz rief an"
    toks = regex_tokens(text, "de")
    spans = [Span(SpanId(1), "a", DocId(1), "x", "ACTOR", 0, 25),
             Span(SpanId(2), "b", DocId(1), "x", "DEMAND", 14, 29)]
    kept, dropped = non_overlapping(spans)
    assert [s.uid for s in kept] == ["a"] and [s.uid for s in dropped] == ["b"]
    assert bio_tags(toks, kept) == ["B-ACTOR", "I-ACTOR", "I-ACTOR", "O", "O"]


def test_regex_tokenizer_knows_the_languages() -> None:
    text = "Kremlin -sjefen sa bl.a. att U.S. styrkor 😀 drar sig tillbaka. – Nej!"
    words = [text[a:b] for a, b in regex_tokens(text, "sv")]
    assert words == ["Kremlin", "-sjefen", "sa", "bl.a.", "att", "U.S.", "styrkor", "😀",
                     "drar", "sig", "tillbaka", ".", "–", "Nej", "!"]
    assert len(sentences(text, regex_tokens(text, "sv"))) == 2
    german = "Er sagte z.B. am 24.02.2022, dass Selenskyj -Gespräche ablehnt."
    assert "z.B." in [german[a:b] for a, b in regex_tokens(german, "de")]
    assert "24.02.2022" in [german[a:b] for a, b in regex_tokens(german, "de")]


def test_spacy_docbin_spans_equal_the_stored_text(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "all.spacy"
    export(project, "spacy", out)
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("xx").vocab))
    views = [(d.user_data["doc_id"], d.user_data["annotator"]) for d in docs]
    assert len(docs) == len({(s.doc_id, s.annotator) for s in project.spans()})
    keys = {a.id: a.key for a in project.actors()}
    for doc, (doc_id, annotator) in zip(docs, views, strict=True):
        text = project.text(DocId(doc_id))
        assert doc.text == text
        stored = project.spans(DocId(doc_id), annotator)
        got = sorted((s.start_char, s.end_char, s.label_, s.text, s.kb_id_)
                     for key in doc.spans for s in doc.spans[key])
        assert got == sorted((s.start, s.end, s.layer, text[s.start:s.end],
                              keys.get(s.actor_id or -1, "")) for s in stored)
        for ent in doc.ents:
            assert ent.text == text[ent.start_char:ent.end_char]
        assert len(doc.ents) >= 1
    sv_alice = docs[views.index((1, "alice"))]
    assert sv_alice.user_data["values"]["relevance"] == "yes"
    assert sv_alice.user_data["claims"][0]["claimant"] == "olaf-scholz"


def test_hf_dataset_rows(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "hf"
    export(project, "hf", out, Selection("gold-fallback", "bob"))
    dataset = datasets.load_from_disk(str(out))
    rows = list(dataset)
    assert [(r["doc_id"], r["annotator"]) for r in rows] == [(1, GOLD), (2, "bob"), (3, GOLD)]
    for row in rows:
        text = project.text(DocId(row["doc_id"]))
        assert row["text"] == text
        stored = project.spans(DocId(row["doc_id"]), row["annotator"])
        spans = row["spans"]
        if isinstance(spans, dict):  # older datasets return a dict of lists
            spans = [dict(zip(spans, v, strict=True)) for v in zip(*spans.values(), strict=True)]
        assert [(s["layer"], s["start"], s["end"], s["text"]) for s in spans] == \
            [(s.layer, s.start, s.end, s.text) for s in stored]
    assert rows[1]["relevance"] == "unsure"
    assert "annotator" in json.loads((out / "manifest.json").read_text())["tool"]
