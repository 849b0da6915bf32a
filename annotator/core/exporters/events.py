"""The event ledger export: events.csv, claims.csv, crosswalk.csv and events.json in a folder.

The tables are :mod:`annotator.core.events.ledger`'s (PLOVER field names
where PLOVER has the field); the JSON holds the same three tables, and the
manifest the usual metadata. The selection's source names whose events are
written: one annotator's (their own events and links, as blind annotation
shows them), or everyone's.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.events import ledger
from annotator.core.exporters.base import ExportResult, manifest, output, write_json
from annotator.core.exporters.selection import ANNOTATOR, Selection
from annotator.core.models import DocId
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "events"
_TABLES = {"events": ledger.EVENT_COLUMNS, "claims": ledger.CLAIM_COLUMNS,
           "crosswalk": ledger.CROSSWALK_COLUMNS}


def _write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def export(project: Project, path: Path, selection: Selection, state: TaskState,
           **_options: Any) -> ExportResult:
    """Write the ledger of the events the selection's annotator sees (everyone's by default)."""
    viewer = selection.annotator if selection.source == ANNOTATOR else None
    events = project.events.all(viewer)
    found = ledger.Ledger()
    state.progress(0, len(events), "reading events")
    for done, event in enumerate(events):
        state.check()
        ledger.add_event(project, event, found, viewer)
        state.progress(done + 1, len(events), "reading events")
    state.progress(len(events), len(events), "writing the ledger")
    state.check()
    tables = found.as_dict()
    docs = sorted({DocId(r["doc_id"]) for r in found.crosswalk})
    hashes: list[tuple[int, str]] = [(d, project.document(d).sha256) for d in docs]
    with output() as out:
        folder = out.directory(path)
        for name, columns in _TABLES.items():
            _write_csv(folder / f"{name}.csv", columns, tables[name])
        write_json(folder / "events.json", tables)
        write_json(folder / "manifest.json", manifest(
            project, selection, FORMAT_NAME, annotators=[viewer] if viewer else [],
            hashes=hashes, events=len(found.events)))
    return ExportResult(FORMAT_NAME, path, len(docs),
                        [path / f"{n}.csv" for n in _TABLES] + [path / "events.json"])
