"""The bundled files: found through importlib.resources inside the package, and all shipped."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import annotator
from annotator.core.codebook import default_codebook_path, load_codebook
from annotator.core.sample import build_sample_project
from annotator.resources import (
    codebook_path,
    desktop_entry_path,
    icon_path,
    mime_info_path,
    resource_path,
    sample_data_dir,
)

PACKAGE = Path(annotator.__file__).resolve().parent
ROOT = PACKAGE.parent


def test_every_resource_lies_inside_the_package() -> None:
    for path in (codebook_path(), sample_data_dir(), icon_path(), desktop_entry_path(),
                 mime_info_path()):
        assert path.exists(), path
        assert path.resolve().is_relative_to(PACKAGE / "resources"), path
    assert default_codebook_path() == codebook_path()


def test_the_default_codebook_and_the_sample_load_from_the_package(tmp_path: Path) -> None:
    book = load_codebook()
    assert {layer.name for layer in book.layers} >= {"ACTOR", "DATE", "DEMAND", "SOURCE"}
    project = build_sample_project(tmp_path / "sample.annotator")
    from annotator.core import Project

    with Project.open(project, read_only=True) as opened:
        assert len(opened.documents()) == 12
        assert {"anna", "ben", "carla"} <= set(opened.annotators())


def test_package_data_ships_every_resource_file() -> None:
    """A file added under annotator/resources/ that the wheel would leave out fails here."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["annotator.resources"]
    base = resource_path()
    files = [p.relative_to(base).as_posix() for p in base.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"]
    assert len(files) > 15
    unshipped = [f for f in files if not any(fnmatch.fnmatchcase(f, pat) for pat in patterns)]
    assert unshipped == []


def test_the_source_tree_keeps_no_second_copy() -> None:
    """One codebook: the old top-level copy would shadow the package's in a checkout."""
    assert not (ROOT / "resources" / "codebook.toml").exists()
    assert not (ROOT / "sample_data" / "annotations.jsonl").exists()
