"""REFI-QDA .qdpx: the project validates against the published schema; round trip exact."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from annotator.core import Project
from annotator.core.exporters import export
from tests.interop.conftest import native_snapshot

SCHEMA = Path(__file__).with_name("refi_qda") / "Project.xsd"  # the published schema
NS = {"q": "urn:QDA-XML:project:1.0"}


def _project(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def test_the_project_validates(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "sample.qdpx"
    export(sample, "qdpx", out)
    root = _project(out)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(root), schema.error_log
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        for source in root.iterfind(".//q:TextSource", NS):
            member = "Sources/" + source.get("plainTextPath").removeprefix("internal://")
            text = archive.read(member).decode("utf-8")
            for selection in source.iterfind("q:PlainTextSelection", NS):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                covered = selection.get("name").split(": ", 1)[1]
                assert text[start:end].startswith(covered) and covered
    assert len([n for n in names if n.startswith("Sources/")]) == 12
    codes = root.find("q:CodeBook/q:Codes", NS)
    assert [c.get("name") for c in codes] == sample.codebook.layer_names()
    assert all(c.get("color", "").startswith("#") for c in codes)
    users = {u.get("name") for u in root.iterfind(".//q:User", NS)}
    assert users == {"anna", "ben", "carla", "gold"} & set(sample.annotators(include_gold=True))
    notes = root.findall("q:Notes/q:Note", NS)
    assert len(notes) == len(sample.claims())


def test_a_broken_project_does_not_validate(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "sample.qdpx"
    export(sample, "qdpx", out)
    root = _project(out)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    selection = root.find(".//q:PlainTextSelection", NS)
    selection.insert(0, etree.Element("{urn:QDA-XML:project:1.0}Coding", guid="not-a-guid"))
    assert not schema.validate(root)


def test_sample_round_trip_is_exact(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "sample.qdpx"
    export(sample, "qdpx", out)
    with Project.create(tmp_path / "again.annotator") as again:
        report = again.import_paths([out])
        assert not report.rejected, report.rejected
        assert native_snapshot(again, tmp_path) == native_snapshot(sample, tmp_path)
