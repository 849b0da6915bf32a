"""The native JSONL format for a selection, read in bulk.

Same records as :mod:`annotator.core.exporters.native` (and so importable
again), but restricted to a :class:`Selection` and built from bulk reads: for
the selection "all" without filters the output equals ``native.export`` line
for line. The header carries the export metadata (selection, text hashes).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.exporters import native
from annotator.core.exporters.base import ExportResult, manifest, output
from annotator.core.exporters.rows import Bundle, View, iter_bundles, plan
from annotator.core.exporters.selection import Selection
from annotator.core.models import Status
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "jsonl"


def view_entry(view: View, keys: dict[int, str], uids: dict[int, str]) -> dict[str, Any]:
    """One annotator's entry of a native document record."""
    entry: dict[str, Any] = {"status": view.status.value}
    if view.spans:
        entry["spans"] = [native.span_record(s, keys) for s in view.spans]
    if view.claims:
        entry["claims"] = [native.claim_record(c, keys, uids)
                           for c in sorted(view.claims, key=lambda c: c.uid)]
    if view.values:
        entry["values"] = view.values
        if view.provenance:
            entry["provenance"] = view.provenance
    return entry


def document_record(bundle: Bundle, keys: dict[int, str]) -> dict[str, Any]:
    doc = bundle.doc
    record: dict[str, Any] = {
        "type": "document", "sha256": doc.sha256, "text": doc.text, "title": doc.title,
        "outlet": doc.outlet, "url": doc.url, "byline": doc.byline, "language": doc.language,
        "published": doc.published, "claim": doc.claim, "metadata": doc.metadata,
        "source_file": doc.source_file,
    }
    uids = {s.id: s.uid for v in bundle.views for s in v.spans}
    annotations = {
        v.annotator: view_entry(v, keys, uids) for v in bundle.views
        if v.spans or v.claims or v.values or v.status is not Status.NOT_STARTED
    }
    if annotations:
        record["annotations"] = annotations
    return record


def export(project: Project, path: Path, selection: Selection, state: TaskState,
           *, timestamp: bool = True) -> ExportResult:
    """Write the selection as native JSONL to ``path`` (one file, atomic)."""
    the_plan = plan(project, selection)
    actors = sorted(project.actors(), key=lambda a: a.key)
    keys = {a.id: a.key for a in actors}
    header = native_header(project, selection, the_plan.names, len(the_plan.doc_ids),
                           len(actors), timestamp)
    result = ExportResult(FORMAT_NAME, path, files=[path])
    dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
    count = 0
    with output() as out, out.file(path).open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(dumps(header) + "\n")
        for actor in actors:
            handle.write(dumps(native.actor_record(actor)) + "\n")
        for bundle in iter_bundles(project, the_plan, state):
            handle.write(dumps(document_record(bundle, keys)) + "\n")
            count += 1
    result.documents = count
    return result


def native_header(project: Project, selection: Selection, names: list[str], documents: int,
                  actors: int, timestamp: bool) -> dict[str, Any]:
    """The native header, plus the selection when it is not the whole project."""
    header: dict[str, Any] = {
        "type": "header", "format": native.FORMAT, "format_version": native.FORMAT_VERSION,
        "tool_version": native._version(),
        "codebook": {"name": project.codebook.name, "version": project.codebook.version},
        "annotators": names, "documents": documents, "actors": actors,
    }
    if timestamp:
        header["exported_at"] = manifest(project, selection, FORMAT_NAME, annotators=names,
                                         hashes=[])["exported_at"]
    if selection != Selection():
        header["selection"] = selection.describe()
    return header
