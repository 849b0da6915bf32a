"""CSV export: a folder with documents.csv, spans.csv, claims.csv, actors.csv,
codebook.json and manifest.json.

UTF-8 with a header row, RFC 4180 quoting (``csv`` module defaults), LF line
ends; texts keep their line breaks inside quoted cells. See docs/export-formats.md.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.exporters.base import ExportResult, manifest, output, write_json
from annotator.core.exporters.codebook_json import codebook_document
from annotator.core.exporters.rows import Plan, actor_index, iter_bundles, plan
from annotator.core.exporters.selection import Selection
from annotator.core.exporters.tables import Layout, claim_rows, document_rows, span_rows
from annotator.core.importers.ingest import ACTOR_CSV_COLUMNS, format_aliases
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "csv"
TABLES = ("documents", "spans", "claims")
BATCH = 200
"""Documents whose rows are written together."""


def export(project: Project, path: Path, selection: Selection, state: TaskState
           ) -> ExportResult:
    """Write the tables into the folder ``path`` (replaced whole when finished)."""
    the_plan = plan(project, selection)
    layout = Layout.of(project.codebook)
    actors = actor_index(project)
    result = ExportResult(FORMAT_NAME, path)
    hashes: list[tuple[int, str]] = []
    with output() as out:
        folder = out.directory(path)
        handles = {name: (folder / f"{name}.csv").open("w", encoding="utf-8", newline="")
                   for name in TABLES}
        try:
            writers = {name: csv.writer(h, lineterminator="\n") for name, h in handles.items()}
            writers["documents"].writerow(layout.documents)
            writers["spans"].writerow(layout.spans)
            writers["claims"].writerow(layout.claims)
            # rows are gathered for BATCH documents and written with one writerows each
            documents: list[Sequence[Any]] = []
            spans: list[Sequence[Any]] = []
            claims: list[Sequence[Any]] = []
            for index, bundle in enumerate(iter_bundles(project, the_plan, state), 1):
                hashes.append((bundle.doc.id, bundle.doc.sha256))
                documents.extend(document_rows(bundle, layout))
                spans.extend(span_rows(bundle, layout, actors))
                if bundle.views:
                    claims.extend(claim_rows(bundle, layout, actors))
                if index % BATCH == 0:
                    _flush(writers, documents, spans, claims)
            _flush(writers, documents, spans, claims)
        finally:
            for handle in handles.values():
                handle.close()
        write_companions(folder, project, selection, the_plan, hashes, FORMAT_NAME)
    result.documents = len(hashes)
    result.files = [path / f"{t}.csv" for t in TABLES]
    return result


def _flush(writers: dict[str, Any], *tables: list[Sequence[Any]]) -> None:
    for name, rows in zip(TABLES, tables, strict=True):
        if rows:
            writers[name].writerows(rows)
            rows.clear()


def write_companions(folder: Path, project: Project, selection: Selection, the_plan: Plan,
                     hashes: list[tuple[int, str]], export_format: str) -> None:
    """actors.csv, codebook.json and a manifest listing them after the ``TABLES`` files.

    The CSV and Parquet folders share this layout; ``export_format`` is also the
    extension of their table files.
    """
    write_actors(folder / "actors.csv", project)
    write_json(folder / "codebook.json", codebook_document(project))
    write_json(folder / "manifest.json", manifest(
        project, selection, export_format, annotators=the_plan.names, hashes=hashes,
        files=[*(f"{t}.{export_format}" for t in TABLES), "actors.csv", "codebook.json"]))


def write_actors(path: Path, project: Project) -> None:
    """The registry in the same columns the registry import reads."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(ACTOR_CSV_COLUMNS)
        for actor in sorted(project.actors(), key=lambda a: a.key):
            writer.writerow([actor.key, actor.canonical_name, format_aliases(actor.aliases),
                             actor.qid, actor.country, actor.sector, actor.actor_type,
                             actor.title])
