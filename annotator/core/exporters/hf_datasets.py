"""A Hugging Face ``datasets`` dataset saved to disk (needs the ``hf`` extra).

One row per document and annotator (a document nobody in the selection
annotated gives one row with an empty annotator): the text and metadata, the
status, every document field of the codebook, the spans (offsets, layer, text,
registry actor, attributes as JSON) and the claims. Load it with
``datasets.load_from_disk(PATH)``; manifest.json and codebook.json sit beside
the data files.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.exporters.base import ExportResult, manifest, output, require, write_json
from annotator.core.exporters.codebook_json import codebook_document
from annotator.core.exporters.rows import Bundle, View, iter_bundles, plan
from annotator.core.exporters.selection import Selection
from annotator.core.exporters.tables import DOC_META
from annotator.core.models import CLAIM_TEXT_FIELDS, Actor, ActorId
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "hf"
CLAIM_TEXT = ("event_type", *CLAIM_TEXT_FIELDS)


def features(datasets: Any, doc_fields: tuple[str, ...]) -> Any:
    string, int64 = datasets.Value("string"), datasets.Value("int64")
    # datasets >= 4 has List (a list of structs); older ones only Sequence (a struct of lists).
    many = getattr(datasets, "List", datasets.Sequence)
    span = {"uid": string, "layer": string, "start": int64, "end": int64, "text": string,
            "actor_key": string, "actor_qid": string, "attributes": string}
    claim = {"uid": string, "claimant_key": string, "addressee_key": string,
             "object_key": string, "demand_span_uids": many(string),
             "position": int64, **dict.fromkeys(CLAIM_TEXT, string)}
    return datasets.Features({
        "doc_id": int64, "sha256": string, "text": string,
        **dict.fromkeys(DOC_META, string), "annotator": string, "status": string,
        **dict.fromkeys(doc_fields, string),
        "spans": many(span), "claims": many(claim),
    })


def rows(bundle: Bundle, doc_fields: tuple[str, ...], actors: dict[ActorId, Actor]
         ) -> Iterator[dict[str, Any]]:
    doc = bundle.doc
    head = {"doc_id": doc.id, "sha256": doc.sha256, "text": doc.text,
            **{m: getattr(doc, m) for m in DOC_META}}
    views: Sequence[View | None] = bundle.views or [None]
    for view in views:
        yield {**head, **_view_fields(view, doc_fields, actors)}


def _view_fields(view: View | None, doc_fields: tuple[str, ...], actors: dict[ActorId, Actor]
                 ) -> dict[str, Any]:
    if view is None:
        return {"annotator": "", "status": "", **dict.fromkeys(doc_fields),
                "spans": [], "claims": []}
    key: dict[int, str] = {a_id: a.key for a_id, a in actors.items()}
    uids = {s.id: s.uid for s in view.spans}
    return {
        "annotator": view.annotator, "status": view.status.value,
        **{f: _text(view.values.get(f)) for f in doc_fields},
        "spans": [{"uid": s.uid, "layer": s.layer, "start": s.start, "end": s.end,
                   "text": s.text, "actor_key": key.get(s.actor_id or -1, ""),
                   "actor_qid": actors[s.actor_id].qid if s.actor_id in actors else "",
                   "attributes": json.dumps(s.attributes, ensure_ascii=False, sort_keys=True)}
                  for s in view.spans],
        "claims": [{"uid": c.uid, "claimant_key": key.get(c.claimant_id or -1, ""),
                    "addressee_key": key.get(c.addressee_id or -1, ""),
                    "object_key": key.get(c.object_id or -1, ""),
                    "demand_span_uids": [uids[s] for s in c.demand_span_ids if s in uids],
                    "position": c.position, **{f: getattr(c, f) for f in CLAIM_TEXT}}
                   for c in view.claims],
    }


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@contextlib.contextmanager
def _quiet(datasets: Any) -> Iterator[None]:
    enabled = datasets.is_progress_bar_enabled()
    datasets.disable_progress_bars()
    try:
        yield
    finally:
        if enabled:
            datasets.enable_progress_bars()


def export(project: Project, path: Path, selection: Selection, state: TaskState
           ) -> ExportResult:
    """Build the dataset and ``save_to_disk`` it into the folder ``path``."""
    datasets = require("datasets", "hf", "Hugging Face datasets")
    the_plan = plan(project, selection)
    doc_fields = tuple(f.name for f in project.codebook.document_fields)
    actors = {a.id: a for a in project.actors()}
    records: list[dict[str, Any]] = []
    hashes: list[tuple[int, str]] = []
    for bundle in iter_bundles(project, the_plan, state):
        hashes.append((bundle.doc.id, bundle.doc.sha256))
        records.extend(rows(bundle, doc_fields, actors))
    info = manifest(project, selection, FORMAT_NAME, annotators=the_plan.names, hashes=hashes)
    with _quiet(datasets):
        schema = features(datasets, doc_fields)
        dataset = datasets.Dataset.from_list(records, features=schema, info=datasets.DatasetInfo(
            description=_description(info), features=schema))
        state.check()
        with output() as out:
            folder = out.directory(path)
            dataset.save_to_disk(str(folder))
            write_json(folder / "manifest.json", info)
            write_json(folder / "codebook.json", codebook_document(project))
    return ExportResult(FORMAT_NAME, path, len(hashes), [path])


def _description(info: dict[str, Any]) -> str:
    book = info["codebook"]
    return (f"Exported by annotator {info['tool_version']} on {info['exported_at']} "
            f"(codebook {book['name']} {book['version']}; selection "
            f"{json.dumps(info['selection'])}); text hashes in manifest.json.")
