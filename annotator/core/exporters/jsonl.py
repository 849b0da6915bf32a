"""The native JSONL format for a selection, read in bulk.

Same records as :mod:`annotator.core.exporters.native` (both are written by
:mod:`annotator.core.native`, and so importable again), but restricted to a
:class:`Selection` and built from bulk reads: for the selection "all" without
filters the output equals ``native.export`` line for line. The header carries
the export metadata (selection).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.exporters.base import ExportResult, output
from annotator.core.exporters.native import event_records
from annotator.core.exporters.rows import iter_bundles, plan
from annotator.core.exporters.selection import Selection
from annotator.core.native import document_record, header_record, write_file
from annotator.core.native import timestamp as exported_at
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "jsonl"


def export(project: Project, path: Path, selection: Selection, state: TaskState,
           *, timestamp: bool = True) -> ExportResult:
    """Write the selection as native JSONL to ``path`` (one file, atomic)."""
    the_plan = plan(project, selection)
    actors = project.actors()
    keys = {a.id: a.key for a in actors}
    views = the_plan.annotators
    events = event_records(project, None if selection == Selection() else the_plan.names,
                           lambda name, doc_id: name in views.get(doc_id, ()))
    header = header_record(project.codebook, the_plan.names, len(the_plan.doc_ids),
                           len(actors))
    if events:
        header["events"] = len(events)
    if timestamp:
        header["exported_at"] = exported_at()
    if selection != Selection():
        header["selection"] = selection.describe()
    result = ExportResult(FORMAT_NAME, path, files=[path])

    def documents() -> Iterator[dict[str, Any]]:
        for bundle in iter_bundles(project, the_plan, state):
            yield document_record(bundle.doc, bundle.views, keys)

    with output() as out, out.file(path).open("w", encoding="utf-8", newline="\n") as handle:
        result.documents = write_file(handle, header, actors, documents(), events)
    return result
