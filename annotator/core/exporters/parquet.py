"""Parquet export: the CSV tables as typed Parquet files (needs the ``parquet`` extra).

Integer columns (ids, offsets, position) are nullable int64, all others UTF-8
strings; tables are written in row groups as documents are read, so memory
stays flat. The folder also holds actors.csv, codebook.json and manifest.json.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.exporters.base import ExportResult, output, require
from annotator.core.exporters.csv_tables import TABLES, write_companions
from annotator.core.exporters.rows import actor_index, iter_bundles, plan
from annotator.core.exporters.selection import Selection
from annotator.core.exporters.tables import (
    INT_COLUMNS,
    Layout,
    claim_rows,
    document_rows,
    span_rows,
)
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "parquet"
ROW_GROUP = 50_000


def _schema(pa: Any, columns: tuple[str, ...]) -> Any:
    return pa.schema([(c, pa.int64() if c in INT_COLUMNS else pa.string()) for c in columns])


class _TableWriter:
    """Buffers rows of one table and flushes them as row groups."""

    def __init__(self, pa: Any, pq: Any, path: Path, columns: tuple[str, ...]) -> None:
        self.pa, self.columns = pa, columns
        self.schema = _schema(pa, columns)
        self.writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")
        self.rows: list[list[Any]] = []

    def add(self, rows: Any) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        arrays = []
        for index, name in enumerate(self.columns):
            column = [r[index] for r in self.rows]
            if name in INT_COLUMNS:
                column = [None if v in ("", None) else int(v) for v in column]
            else:
                column = [None if v is None else str(v) for v in column]
            arrays.append(self.pa.array(column, type=self.schema.field(name).type))
        self.writer.write_table(self.pa.Table.from_arrays(arrays, schema=self.schema))
        self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def export(project: Project, path: Path, selection: Selection, state: TaskState
           ) -> ExportResult:
    """Write documents/spans/claims.parquet into the folder ``path``."""
    pa = require("pyarrow", "parquet", "Parquet")
    pq = require("pyarrow.parquet", "parquet", "Parquet")
    the_plan = plan(project, selection)
    layout = Layout.of(project.codebook)
    actors = actor_index(project)
    hashes: list[tuple[int, str]] = []
    with output() as out:
        folder = out.directory(path)
        tables = {"documents": _TableWriter(pa, pq, folder / "documents.parquet",
                                            layout.documents),
                  "spans": _TableWriter(pa, pq, folder / "spans.parquet", layout.spans),
                  "claims": _TableWriter(pa, pq, folder / "claims.parquet", layout.claims)}
        try:
            for bundle in iter_bundles(project, the_plan, state):
                hashes.append((bundle.doc.id, bundle.doc.sha256))
                tables["documents"].add(document_rows(bundle, layout))
                tables["spans"].add(span_rows(bundle, layout, actors))
                tables["claims"].add(claim_rows(bundle, layout, actors))
        finally:
            for table in tables.values():
                table.close()
        write_companions(folder, project, selection, the_plan, hashes, FORMAT_NAME)
    return ExportResult(FORMAT_NAME, path, len(hashes),
                        [path / f"{t}.parquet" for t in TABLES])
