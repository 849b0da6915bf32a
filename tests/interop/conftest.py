"""Fixtures of the interop suite: the sample project, a scraped-style one, native snapshots."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core import Project
from annotator.core.exporters import export
from annotator.core.sample import build_sample_project


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample project, built once (tests open it read-only or copy it)."""
    return build_sample_project(tmp_path_factory.mktemp("sample") / "sample.annotator")


@pytest.fixture
def sample(sample_file: Path) -> Iterator[Project]:
    with Project.open(sample_file) as project:
        yield project


def native_snapshot(project: Project, folder: Path) -> dict[str, Any]:
    """What a lossless export says of each document (by text hash) and of the registry."""
    path = folder / f"snapshot-{len(list(folder.glob('snapshot-*')))}.jsonl"
    export(project, "jsonl", path)
    documents: dict[str, Any] = {}
    actors: dict[str, Any] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("type") == "document":
            documents[record["sha256"]] = record
        elif record.get("type") == "actor":
            actors[record["key"]] = record
    return {"documents": documents, "actors": actors}


@pytest.fixture(scope="session")
def scraped_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project of scraped-style articles (benchmarks/corpus_realistic.py: boilerplate,
    emoji, dialogue dashes, four languages), annotated through its brat corpus."""
    from benchmarks import corpus_realistic

    folder = tmp_path_factory.mktemp("scraped")
    corpus = corpus_realistic.write("brat", folder / "brat", 40)
    path = folder / "scraped.annotator"
    with Project.create(path) as project:
        report = project.import_paths([corpus])
        assert not report.rejected, report.rejected
    return path


@pytest.fixture
def scraped(scraped_file: Path) -> Iterator[Project]:
    with Project.open(scraped_file) as project:
        yield project
