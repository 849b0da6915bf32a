"""UIMA CAS XMI: loads in dkpro-cassis with its type system, and round-trips exactly."""

from __future__ import annotations

import re
from pathlib import Path

from cassis import load_cas_from_xmi, load_typesystem

from annotator.core import Project
from annotator.core.exporters import export
from tests.interop.conftest import native_snapshot

EMOJI_TEXT = "Vollmer 😀 ringde Putin i går.\nHon krävde att trupperna dras tillbaka."


def test_every_cas_loads_in_cassis(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "xmi"
    export(sample, "xmi", out)
    ts = load_typesystem((out / "TypeSystem.xml").read_text(encoding="utf-8"))
    files = sorted(out.glob("*/*.xmi"))
    assert len(files) == 35
    claims = spans = 0
    for path in files:
        cas = load_cas_from_xmi(path.read_text(encoding="utf-8"), typesystem=ts)
        text = cas.sofa_string
        for layer in sample.codebook.layer_names():
            for fs in cas.select(f"webanno.custom.{layer}"):
                assert fs.get_covered_text() == text[fs.begin:fs.end] and fs.uid
                spans += 1
        for fs in cas.select("webanno.custom.CLAIM"):
            assert all(link.role and link.target is not None for link in fs.roles.elements)
            claims += 1
        meta = cas.get_document_annotation()  # the only one, as INCEpTION expects
        assert meta.type.name.endswith("DocumentMetaData") and meta.documentTitle
        assert len(cas.select("uima.tcas.DocumentAnnotation")) == 1
    assert spans == len(sample.spans()) - len(sample.spans(annotator="gold"))
    assert claims == len(sample.claims()) - len(sample.claims(annotator="gold"))


def test_sample_round_trip_is_exact(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "xmi"
    export(sample, "xmi", out)
    with Project.create(tmp_path / "again.annotator") as again:
        report = again.import_paths([out])
        assert not report.rejected, report.rejected
        assert native_snapshot(again, tmp_path) == native_snapshot(sample, tmp_path)


def test_offsets_are_utf16_in_the_file(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(EMOJI_TEXT, encoding="utf-8")
    with Project.create(tmp_path / "p.annotator") as project:
        assert not project.import_paths([source]).rejected
        doc = project.documents()[0].id
        start = EMOJI_TEXT.index("Putin")
        project.add_span(doc, "alice", "ACTOR", start, start + 5)
        export(project, "xmi", tmp_path / "xmi")
    xmi = next((tmp_path / "xmi").glob("*/*.xmi")).read_text(encoding="utf-8")
    begin = int(re.search(r'<custom:ACTOR [^>]*begin="(\d+)"', xmi)[1])  # type: ignore[index]
    assert begin == start + 1  # the emoji is two UTF-16 units
    with Project.create(tmp_path / "again.annotator") as again:
        assert not again.import_paths([tmp_path / "xmi"]).rejected
        assert [s.text for s in again.spans()] == ["Putin"]
