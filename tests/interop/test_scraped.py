"""The interop suite on a project of scraped-style articles (not only the sample)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from cassis import load_cas_from_xmi, load_typesystem

from annotator.core import Project
from annotator.core.exporters import export
from tests.interop.brat_check import check_folder
from tests.interop.conftest import native_snapshot
from tests.interop.qdpx_check import problems
from tests.interop.test_conll import _assert_strict, _sentences


def _round_trip(project: Project, tmp_path: Path, fmt: str, target: str) -> None:
    out = tmp_path / target
    export(project, fmt, out)
    with Project.create(tmp_path / f"again-{fmt}.annotator") as again:
        report = again.import_paths([out])
        assert not report.rejected, report.rejected
        assert native_snapshot(again, tmp_path) == native_snapshot(project, tmp_path), fmt


def test_scraped_round_trips_are_exact(scraped: Project, tmp_path: Path) -> None:
    assert len(scraped.documents()) == 40 and len(scraped.spans()) == 200
    for fmt, target in (("brat", "brat"), ("labelstudio", "tasks.json"), ("xmi", "xmi"),
                        ("qdpx", "p.qdpx"), ("jsonl", "native.jsonl")):
        _round_trip(scraped, tmp_path, fmt, target)


def test_scraped_exports_pass_their_consumers(scraped: Project, tmp_path: Path) -> None:
    export(scraped, "brat", tmp_path / "brat")
    assert check_folder(tmp_path / "brat") == {}
    export(scraped, "conll", tmp_path / "data.conll")
    assert _assert_strict(_sentences(tmp_path / "data.conll")) >= 200
    export(scraped, "xmi", tmp_path / "xmi")
    ts = load_typesystem((tmp_path / "xmi" / "TypeSystem.xml").read_text(encoding="utf-8"))
    for path in (tmp_path / "xmi").glob("*/*.xmi"):
        cas = load_cas_from_xmi(path.read_text(encoding="utf-8"), typesystem=ts)
        for fs in cas.select("webanno.custom.ACTOR"):
            assert fs.get_covered_text() == cas.sofa_string[fs.begin:fs.end]
    export(scraped, "qdpx", tmp_path / "p.qdpx")
    with zipfile.ZipFile(tmp_path / "p.qdpx") as archive:
        root = ET.fromstring(archive.read("project.qde"))
    assert problems(root) == []
