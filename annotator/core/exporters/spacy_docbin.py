"""spaCy DocBin (``.spacy``): one ``Doc`` per document and annotator (needs the ``spacy`` extra).

Tokens come from ``spacy.blank(lang)`` (no model is ever downloaded), split
further wherever a span starts or ends inside a token, so that every span maps
exactly onto tokens and ``span.text`` equals the stored slice. Spans go to
``doc.spans[LAYER]`` (label = layer, ``kb_id`` = registry key of the actor,
``id`` = span uid); the non-overlapping ones (longest first) also become
``doc.ents``. ``doc.user_data`` carries the document metadata, the annotator,
the document fields and the claims as native records.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core import native
from annotator.core.codebook import Codebook
from annotator.core.errors import ExportError
from annotator.core.exporters.base import (
    ExportResult,
    manifest,
    manifest_sidecar,
    output,
    require,
    write_json,
)
from annotator.core.exporters.rows import Bundle, View, iter_bundles, plan
from annotator.core.exporters.selection import Selection
from annotator.core.exporters.tokenize import aligned_words, base_language, spacy_blank, tokens
from annotator.core.models import ActorId
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "spacy"


def cats(book: Codebook, values: dict[str, Any]) -> dict[str, float]:
    """``doc.cats`` for the document fields with a vocabulary: ``FIELD=CODE`` is 1.0 for
    the chosen code and 0.0 for the others; a field the annotator left empty has no
    labels (missing, which spaCy's text classifiers skip)."""
    out: dict[str, float] = {}
    for attr in book.document_fields:
        value = values.get(attr.name)
        if not attr.vocabulary or attr.vocabulary not in book.vocabularies \
                or value in (None, ""):
            continue
        for code in book.vocabulary(attr.vocabulary).codes():
            out[f"{attr.name}={code}"] = 1.0 if str(value) == code else 0.0
    return out


def make_doc(bundle: Bundle, view: View, keys: dict[ActorId, str], book: Codebook) -> Any:
    """The spaCy Doc of one annotator's view of a document."""
    from spacy.tokens import Doc
    from spacy.util import filter_spans

    text = bundle.doc.text
    nlp = spacy_blank(base_language(bundle.doc.language))
    toks = tokens(text, bundle.doc.language, use_spacy=True)
    words, spaces = aligned_words(text, toks, [(s.start, s.end) for s in view.spans])
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    if doc.text != text:
        raise ExportError(f"document {bundle.doc.id}: tokens do not rebuild the text")
    groups: dict[str, list[Any]] = {}
    for span in view.spans:
        kb_id = keys.get(span.actor_id, "") if span.actor_id is not None else ""
        item = doc.char_span(span.start, span.end, label=span.layer, kb_id=kb_id,
                             span_id=span.uid, alignment_mode="expand")
        groups.setdefault(span.layer, []).append(item)
    for layer, items in groups.items():
        doc.spans[layer] = items
    doc.ents = filter_spans([s for items in groups.values() for s in items])
    doc.user_data.update(_user_data(bundle, view, keys))
    doc.cats = cats(book, view.values)
    return doc


def _user_data(bundle: Bundle, view: View, keys: dict[ActorId, str]) -> dict[str, Any]:
    doc = bundle.doc
    uids = {s.id: s.uid for s in view.spans}
    return {
        "doc_id": doc.id, "sha256": doc.sha256, "title": doc.title, "outlet": doc.outlet,
        "url": doc.url, "language": doc.language, "published": doc.published,
        "claim": doc.claim, "annotator": view.annotator, "status": view.status.value,
        "values": dict(view.values),
        "claims": [native.claim_record(c, keys, uids) for c in view.claims],
        "span_attributes": {s.uid: s.attributes for s in view.spans if s.attributes},
    }


def export(project: Project, path: Path, selection: Selection, state: TaskState
           ) -> ExportResult:
    """Write a DocBin with one Doc per document view to ``path``."""
    require("spacy", "spacy", "spaCy")
    from spacy.tokens import DocBin

    the_plan = plan(project, selection)
    keys = {a.id: a.key for a in project.actors()}
    docbin = DocBin(store_user_data=True)
    hashes: list[tuple[int, str]] = []
    order: list[dict[str, object]] = []
    for bundle in iter_bundles(project, the_plan, state):
        if bundle.views:
            hashes.append((bundle.doc.id, bundle.doc.sha256))
        for view in bundle.views:
            docbin.add(make_doc(bundle, view, keys, project.codebook))
            order.append({"doc_id": bundle.doc.id, "annotator": view.annotator})
    state.check()
    with output() as out:
        docbin.to_disk(out.file(path))
        write_json(out.file(manifest_sidecar(path)), manifest(
            project, selection, FORMAT_NAME, annotators=the_plan.names, hashes=hashes,
            docs=order, spacy_version=_spacy_version()))
    return ExportResult(FORMAT_NAME, path, len(hashes), [path])


def _spacy_version() -> str:
    from spacy.about import __version__

    return str(__version__)
