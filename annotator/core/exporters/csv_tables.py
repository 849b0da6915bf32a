"""CSV export: a folder with documents.csv, spans.csv, claims.csv, actors.csv,
codebook.json and manifest.json.

UTF-8 with a header row, RFC 4180 quoting (``csv`` module defaults), LF line
ends; texts keep their line breaks inside quoted cells. See docs/export-formats.md.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is a formula to a spreadsheet program that opens the file. With
``spreadsheet_safe`` such cells get a leading apostrophe (which spreadsheets
hide and read as "text"); without it they are written as they are, and the
export warns how many cells in which columns would be read as formulas.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
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
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GLUE = "\x1f"
_MARKS = tuple(_GLUE + start for start in FORMULA_STARTS)
"""A row's cells joined by the unit separator, each led by it: a cell starting with a formula
character leaves one of these in the joined text (a separator inside a cell can only add a
false alarm, which the cell-by-cell check then clears)."""


class Cells:
    """Finds (and with ``safe``, defuses) the text cells a spreadsheet would run as formulas."""

    def __init__(self, safe: bool) -> None:
        self.safe = safe
        self.found: Counter[str] = Counter()

    def rows(self, table: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
             ) -> Iterable[Sequence[Any]]:
        for row in rows:
            joined = _GLUE + _GLUE.join(map(str, row))
            if not any(mark in joined for mark in _MARKS):
                yield row  # the common case, decided in C: no cell can start with one
                continue
            cells = list(row)
            for index, cell in enumerate(cells):
                if type(cell) is str and cell.startswith(FORMULA_STARTS):
                    self.found[f"{table}.{header[index]}"] += 1
                    if self.safe:
                        cells[index] = "'" + cell
            yield cells

    def warnings(self) -> list[str]:
        if not self.found:
            return []
        columns = ", ".join(f"{name} ({count})" for name, count in sorted(self.found.items()))
        done = "were prefixed with ' (spreadsheet-safe)" if self.safe else \
            ("would be run as formulas by a spreadsheet; pass --spreadsheet-safe (in the "
             "window: tick Spreadsheet-safe cells) to prefix them")
        return [f"{sum(self.found.values())} cells start with = + - @, a tab or a carriage "
                f"return and {done}: {columns}"]


def export(project: Project, path: Path, selection: Selection, state: TaskState, *,
           spreadsheet_safe: bool = False) -> ExportResult:
    """Write the tables into the folder ``path`` (replaced whole when finished)."""
    the_plan = plan(project, selection)
    layout = Layout.of(project.codebook)
    actors = actor_index(project)
    result = ExportResult(FORMAT_NAME, path)
    hashes: list[tuple[int, str]] = []
    cells = Cells(spreadsheet_safe)
    headers = {"documents": layout.documents, "spans": layout.spans, "claims": layout.claims}
    with output() as out:
        folder = out.directory(path)
        handles = {name: (folder / f"{name}.csv").open("w", encoding="utf-8", newline="")
                   for name in TABLES}
        try:
            writers = {name: _Guarded(csv.writer(h, lineterminator="\n"), cells, name,
                                      headers[name]) for name, h in handles.items()}
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
        write_actors(folder / "actors.csv", project, cells)
        result.warnings = cells.warnings()
        write_companions(folder, project, selection, the_plan, hashes, FORMAT_NAME,
                         warnings=result.warnings, spreadsheet_safe=spreadsheet_safe)
    result.documents = len(hashes)
    result.files = [path / f"{t}.csv" for t in TABLES]
    return result


class _Guarded:
    """A csv writer whose data rows pass through :class:`Cells` (the header row does not)."""

    def __init__(self, writer: Any, cells: Cells, table: str, header: Sequence[str]) -> None:
        self.writer, self.cells, self.table, self.header = writer, cells, table, header

    def writerow(self, row: Sequence[Any]) -> None:
        self.writer.writerow(row)

    def writerows(self, rows: Iterable[Sequence[Any]]) -> None:
        self.writer.writerows(self.cells.rows(self.table, self.header, rows))


def _flush(writers: dict[str, Any], *tables: list[Sequence[Any]]) -> None:
    for name, rows in zip(TABLES, tables, strict=True):
        if rows:
            writers[name].writerows(rows)
            rows.clear()


def write_companions(folder: Path, project: Project, selection: Selection, the_plan: Plan,
                     hashes: list[tuple[int, str]], export_format: str, **extra: Any) -> None:
    """actors.csv (unless written already), codebook.json and a manifest listing them
    after the ``TABLES`` files.

    The CSV and Parquet folders share this layout; ``export_format`` is also the
    extension of their table files; ``extra`` goes into the manifest.
    """
    if not (folder / "actors.csv").exists():
        write_actors(folder / "actors.csv", project, Cells(safe=False))
    write_json(folder / "codebook.json", codebook_document(project))
    write_json(folder / "manifest.json", manifest(
        project, selection, export_format, annotators=the_plan.names, hashes=hashes,
        files=[*(f"{t}.{export_format}" for t in TABLES), "actors.csv", "codebook.json"],
        **extra))


def write_actors(path: Path, project: Project, cells: Cells, lineterminator: str = "\n"
                 ) -> None:
    """The registry in the same columns the registry import reads."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator=lineterminator)
        writer.writerow(ACTOR_CSV_COLUMNS)
        writer.writerows(cells.rows("actors", ACTOR_CSV_COLUMNS, (
            [actor.key, actor.canonical_name, format_aliases(actor.aliases), actor.qid,
             actor.country, actor.sector, actor.actor_type, actor.title]
            for actor in sorted(project.actors(), key=lambda a: a.key))))
