"""The import report adds up: each file once, as accepted, duplicate, rejected or skipped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core import Project

ARTICLE = ("Nytt samtal om Ukraina\n\nUtrikesministern sa på fredagen att regeringen inte "
           "tänker ändra sin hållning i frågan om sanktionerna.")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.annotator") as proj:
        yield proj


def test_reimported_file_is_a_duplicate_not_also_accepted(project: Project, tmp_path: Path
                                                          ) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, "utf-8")
    first = project.import_paths([path])
    assert first.files_accepted == [str(path)] and len(first.imported) == 1
    again = project.import_paths([path])
    assert again.files_unchanged == [str(path)] and again.duplicates == ["a.txt"]
    assert again.rows() == [("duplicate", "a.txt", "already in the project")]
    assert "0 documents imported, 1 already present, 0 rejected" in again.summary()


def test_file_with_one_bad_line_counts_once(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": ARTICLE}) + "\n{broken\n", "utf-8")
    report = project.import_paths([path])
    assert len(report.rejected) == 1 and report.rejected[0].line == 2
    assert "file not imported" in report.rejected[0].reason
    assert report.rejected_files == 1 and "1 rejected" in report.summary()
    assert [row[0] for row in report.rows()] == ["rejected"]
    two_bad = tmp_path / "b.jsonl"
    two_bad.write_text("{x\n{y\n", "utf-8")
    report = project.import_paths([two_bad])
    assert len(report.rejected) == 2 and report.rejected_files == 1


def test_unknown_file_type_in_a_folder_is_reported(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, "utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n")
    (folder / ".DS_Store").write_bytes(b"\x00")
    report = project.import_paths([folder])
    assert len(report.imported) == 1 and not report.rejected
    assert [(Path(r.source).name, r.reason) for r in report.skipped] == [
        ("photo.png", "unknown file type .png, not read")]
    assert "1 skipped" in report.summary()
    assert [row[0] for row in report.rows()] == ["accepted", "skipped"]
