"""The native JSONL export of a whole project (or of some annotators): lossless, importable.

Line 1 is a header, then one line per registry actor, then one line per
document with every annotator's spans, claims, values and status, then one line
per event (its claims named by uid); output is
sorted so that export -> import into an empty project -> export is identical.
The records and their encoding are :mod:`annotator.core.native`'s (the
``jsonl`` exporter writes the same ones from bulk reads of a selection); this
module reads the project one document at a time, which team packages reuse
through :func:`document_record`. The format is documented in docs/native-format.md.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.exporters.rows import View
from annotator.core.models import ActorId, DocId
from annotator.core.native import document_record as record_of
from annotator.core.native import event_record, header_record, write_file
from annotator.core.native import timestamp as exported_at
from annotator.core.outputs import atomic_file
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project


def document_record(project: Project, doc_id: DocId, annotators: Sequence[str],
                    keys: Mapping[ActorId, str]) -> dict[str, Any]:
    """The native record of one document with the entries of ``annotators``."""
    return record_of(project.document(doc_id), (_view(project, doc_id, name)
                                                for name in annotators), keys)


def event_records(project: Project, creators: Collection[str] | None,
                  wanted: Callable[[str, DocId], bool]) -> list[dict[str, Any]]:
    """The native records of the events of ``creators`` (None: everyone's), in uid order,
    with the links to the claims ``wanted(annotator, document)`` takes; an event whose
    links all point elsewhere is left out (one without any links stays)."""
    events = [e for e in project.events.all() if creators is None or e.created_by in creators]
    refs = project.events.claim_refs(c for e in events for c in e.claim_ids)
    claims = {c: uid for c, (uid, name, doc_id) in refs.items() if wanted(name, doc_id)}
    keys = {a.id: a.key for a in project.actors()}
    return [event_record(e, claims, keys) for e in sorted(events, key=lambda e: e.uid)
            if not e.links or any(k.claim_id in claims for k in e.links)]


def _view(project: Project, doc_id: DocId, annotator: str) -> View:
    values = project.values(doc_id, annotator)
    provenance: dict[str, Any] = project.value_provenance(doc_id, annotator) if values else {}
    return View(annotator, project.status(doc_id, annotator), project.spans(doc_id, annotator),
                project.claims(doc_id, annotator), values, provenance)


def export(project: Project, path: Path, *, state: TaskState,
           annotators: Sequence[str] | None = None, timestamp: bool = True) -> int:
    """Write the whole project (or some annotators) to ``path``; atomic replace.

    ``path`` must already have passed :func:`annotator.core.outputs.check_target`.
    """
    names = list(annotators) if annotators is not None else project.annotators(include_gold=True)
    actors = project.actors()
    keys = {a.id: a.key for a in actors}
    doc_ids = project.document_ids()
    chosen = set(names)
    events = event_records(project, None if annotators is None else chosen,
                           lambda name, _doc: name in chosen)
    header = header_record(project.codebook, names, len(doc_ids), len(actors))
    if events:  # absent when none, so older exports stay byte-identical
        header["events"] = len(events)
    if timestamp:
        header["exported_at"] = exported_at()

    def documents() -> Iterator[dict[str, Any]]:
        for index, doc_id in enumerate(doc_ids):
            if index % 200 == 0:
                state.check()
                state.progress(index, len(doc_ids), "exporting")
            yield document_record(project, doc_id, names, keys)

    with atomic_file(path) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as out:
        write_file(out, header, actors, documents(), events)
    state.progress(len(doc_ids), len(doc_ids), f"wrote {path}")
    return len(doc_ids)
