"""Build the bundled sample project from the package's ``resources/sample_data/``.

The articles, their metadata table, the actor registry and the annotators'
native annotations are plain files shipped in the package; this module puts them
into a fresh project so that `make run` opens something real.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from annotator.core.errors import OutputRefusedError
from annotator.core.outputs import is_sqlite_file, temporary_sibling
from annotator.core.project import Project
from annotator.resources import sample_data_dir


def build_sample_project(path: Path, *, force: bool = False,
                         data_dir: Path | None = None) -> Path:
    """Create the sample project at ``path`` unless it exists (``force`` rebuilds).

    The new project is built beside ``path`` and renamed into place only when
    it is complete. ``force`` replaces only an annotator project, and only after
    copying it into its backup folder (reason ``before-sample``); any other
    existing file or folder is refused (:class:`OutputRefusedError`).
    """
    data = data_dir or sample_data_dir()
    if path.exists() and not force:
        return path
    if path.exists():
        _refuse_foreign(path)
    tmp = temporary_sibling(path)  # an empty file, which Project.create accepts
    try:
        with Project.create(tmp) as project:
            registry = data / "actors.csv"
            if registry.exists():
                _raise_on_rejects(project.import_actors_csv(registry).rejected)
            annotations = data / "annotations.jsonl"
            if annotations.exists():
                _raise_on_rejects(project.import_paths([annotations]).rejected)
            else:
                _import_articles(project, data)
        if path.exists():
            # defer_backup: no rolling copy as well, the before-sample copy is the one kept
            with Project.open(path, defer_backup=True) as existing:
                existing.backups.take("before-sample")
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, path)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    return path


def _refuse_foreign(path: Path) -> None:
    if not path.is_file() or not is_sqlite_file(path):
        raise OutputRefusedError(f"{path} exists and is not an annotator project; the sample "
                                 "is never built over it, so choose another path")
    try:
        with Project.open(path, read_only=True):
            pass
    except Exception as exc:
        raise OutputRefusedError(f"{path} is not an annotator project this tool can open "
                                 f"({exc}); the sample is never built over it") from exc


def _import_articles(project: Project, data: Path) -> None:
    report = project.import_paths([data / "articles"], description="sample articles")
    _raise_on_rejects(report.rejected)
    meta_path = data / "articles_meta.csv"
    if not meta_path.exists():
        return
    by_file = {d.source_file: d.id for d in
               (project.document(s.id) for s in project.documents())}
    with meta_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            doc_id = by_file.get(row["file"])
            if doc_id is None:
                continue
            fields = {k: row[k] for k in ("title", "outlet", "url", "language", "published")
                      if row.get(k)}
            project.set_document_fields(doc_id, "sample", **fields)


def _raise_on_rejects(rejected: list) -> None:  # type: ignore[type-arg]
    if rejected:
        raise ValueError("sample data rejected: " + "; ".join(str(r) for r in rejected))
