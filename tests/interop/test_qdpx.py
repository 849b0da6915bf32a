"""REFI-QDA .qdpx: the project follows the standard's project rules; round trip exact.

The rules (children and their order, required attributes, value forms) are
restated from the published QDA-XML 1.0 project schema in tests/interop/qdpx_check.py.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from annotator.core import Project
from annotator.core.exporters import export
from tests.interop.conftest import native_snapshot
from tests.interop.qdpx_check import problems

NS = {"q": "urn:QDA-XML:project:1.0"}


def _project(path: Path) -> ET.Element:
    with zipfile.ZipFile(path) as archive:
        return ET.fromstring(archive.read("project.qde"))


def test_the_project_validates(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "sample.qdpx"
    export(sample, "qdpx", out)
    root = _project(out)
    assert problems(root) == []
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
    q = "{urn:QDA-XML:project:1.0}"
    root = _project(out)
    selection = root.find(".//q:PlainTextSelection", NS)
    assert selection is not None
    selection.insert(0, ET.Element(q + "Coding", guid="not-a-guid"))
    found = problems(root)
    assert any("guid='not-a-guid' is not a valid guid" in p for p in found), found
    assert any("needs 1 CodeRef" in p for p in found), found  # a Coding names its code
    root = _project(out)
    code = root.find("q:CodeBook/q:Codes/q:Code", NS)
    assert code is not None
    code.set("color", "red")
    del code.attrib["isCodable"]
    users = root.find("q:Users", NS)
    assert users is not None
    root.remove(users)
    root.append(users)  # Users after Sources: out of the standard's order
    found = problems(root)
    assert any("color='red' is not a valid rgb" in p for p in found), found
    assert any("isCodable attribute is required" in p for p in found), found
    assert any("Users is out of order" in p for p in found), found


def test_sample_round_trip_is_exact(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "sample.qdpx"
    export(sample, "qdpx", out)
    with Project.create(tmp_path / "again.annotator") as again:
        report = again.import_paths([out])
        assert not report.rejected, report.rejected
        assert native_snapshot(again, tmp_path) == native_snapshot(sample, tmp_path)
