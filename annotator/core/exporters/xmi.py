"""UIMA CAS XMI for INCEpTION and WebAnno, written through dkpro-cassis.

Layout of the export folder::

    TypeSystem.xml                  the type system every .xmi uses (import it with them)
    actors.jsonl, codebook.json, manifest.json
    SET/                            one folder per annotator ("all"), else one for the selection
        000001_article.xmi          one CAS per document: its text and annotations

The type system follows INCEpTION's conventions for custom layers
(``webanno.custom.*``):

- one span type per layer, ``webanno.custom.LAYER`` (``webanno.custom.ACTOR``
  ...), with the features ``uid``, one string feature per attribute of the layer,
  ``actorKey``/``actorName``/``actorQid`` (the registry link) and ``extra`` (JSON:
  attributes that are not strings or not in the codebook, and provenance);
- claims are ``webanno.custom.CLAIM`` annotations over their first demand span
  (else their date or source span, a mention of the claimant, the first word)
  with their fields as string features (``claimant``, ``addressee``, ``object`` are
  registry keys) and a link feature ``roles``: an array of
  ``webanno.custom.CLAIMRolesLink`` (``role``, ``target``), INCEpTION's slot form,
  pointing to the demand spans (role ``Demand``, in order), the ``Date`` and
  ``Source`` spans and the nearest mention of each role's actor;
- the document is DKPro's ``DocumentMetaData`` (title, id, language) and a
  ``webanno.custom.DOCUMENT`` (document metadata, a ``uima.cas.AnnotationBase``)
  with the annotator, status, our metadata and one ``field_NAME`` per document field.

Offsets in the files are UTF-16 code units, as UIMA (Java) counts them; cassis
converts them from and to the code points the project stores. Needs
``pip install 'annotator[xmi]'``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core import native
from annotator.core.codebook import Codebook
from annotator.core.exporters.base import (
    ExportResult,
    doc_file_stem,
    manifest,
    output,
    require,
    write_json,
)
from annotator.core.exporters.brat import set_name
from annotator.core.exporters.codebook_json import codebook_document
from annotator.core.exporters.labelstudio import claim_anchor
from annotator.core.exporters.rows import Bundle, View, iter_bundles, plan
from annotator.core.exporters.selection import Selection
from annotator.core.filenames import unique_stems
from annotator.core.models import CLAIM_TEXT_FIELDS, Actor, ActorId
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "xmi"
NAMESPACE = "webanno.custom."
CLAIM_TYPE = NAMESPACE + "CLAIM"
LINK_TYPE = NAMESPACE + "CLAIMRolesLink"
DOCUMENT_TYPE = NAMESPACE + "DOCUMENT"
METADATA_TYPE = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
TYPESYSTEM = "TypeSystem.xml"
SPAN_FEATURES = ("uid", "actorKey", "actorName", "actorQid", "extra")
CLAIM_FEATURES = ("uid", "claimant", "addressee", "object", "position", "event_type",
                  *CLAIM_TEXT_FIELDS, "extra")
DOCUMENT_FEATURES = ("annotator", "status", "sha256", "title", "outlet", "url", "byline",
                     "published", "claim", "sourceFile", "metadata", "extra")
ROLES = (("Claimant", "claimant_id"), ("Addressee", "addressee_id"), ("Object", "object_id"))
_ROOT_FILES = (TYPESYSTEM, "actors.jsonl", "codebook.json", "manifest.json")


def type_system(book: Codebook) -> Any:
    """The cassis type system for a codebook."""
    cassis = require("cassis", "xmi", "UIMA CAS XMI")
    ts = cassis.TypeSystem()
    string = "uima.cas.String"
    for layer in book.layers:
        span = ts.create_type(NAMESPACE + layer.name, description=layer.label)
        names = [*SPAN_FEATURES[:4], *(a.name for a in layer.attributes if a.type != "actor"),
                 SPAN_FEATURES[4]]
        for name in dict.fromkeys(names):
            ts.create_feature(span, name, string)
    link = ts.create_type(LINK_TYPE, "uima.cas.TOP")
    ts.create_feature(link, "role", string)
    ts.create_feature(link, "target", "uima.tcas.Annotation")
    claim = ts.create_type(CLAIM_TYPE, description="A claim: who demands what of whom")
    for name in CLAIM_FEATURES:
        ts.create_feature(claim, name, string)
    ts.create_feature(claim, "roles", "uima.cas.FSArray", elementType=LINK_TYPE)
    document = ts.create_type(DOCUMENT_TYPE, "uima.cas.AnnotationBase",
                              description="Document metadata, status and fields")
    for name in (*DOCUMENT_FEATURES, *(f"field_{a.name}" for a in book.document_fields)):
        ts.create_feature(document, name, string)
    meta = ts.create_type(METADATA_TYPE, "uima.tcas.DocumentAnnotation")
    for name in ("documentTitle", "documentId", "documentUri", "collectionId"):
        ts.create_feature(meta, name, string)
    return ts


def _strings(record: dict[str, Any], names: tuple[str, ...]) -> tuple[dict[str, str],
                                                                      dict[str, Any]]:
    """(features that are strings, everything else for ``extra``)."""
    plain = {k: v for k, v in record.items() if k in names and isinstance(v, str) and v}
    return plain, {k: v for k, v in record.items() if k not in plain}


class CasWriter:
    """One annotator's view of one document as a CAS."""

    def __init__(self, ts: Any, book: Codebook, actors: dict[ActorId, Actor]) -> None:
        self.ts, self.book, self.actors = ts, book, actors
        self.keys = {a_id: a.key for a_id, a in actors.items()}

    def cas(self, bundle: Bundle, view: View) -> Any:
        from cassis import Cas

        doc = bundle.doc
        cas = Cas(typesystem=self.ts)
        cas.sofa_string = doc.text
        meta = self.ts.get_type(METADATA_TYPE)
        cas.add(meta(begin=0, end=len(doc.text), documentTitle=doc.title,
                     documentId=doc_file_stem(doc.id, doc.source_file),
                     documentUri=doc.url or doc.source_file, collectionId=view.annotator,
                     language=doc.language or "x-unspecified"))
        by_uid: dict[str, Any] = {}
        for span in view.spans:
            by_uid[span.uid] = self._span(cas, span)
        spans = view.span_by_id()
        for claim in view.claims:
            self._claim(cas, claim, view, spans, by_uid, doc.text)
        self._document(cas, bundle, view)
        return cas

    def _span(self, cas: Any, span: Any) -> Any:
        record = native.span_record(span, self.keys)
        kind = self.ts.get_type(NAMESPACE + span.layer)
        names = tuple(f.name for f in kind.all_features)
        attributes = record.pop("attributes", {})
        plain, extra = _strings(attributes, names)
        features: dict[str, Any] = {"uid": span.uid, **plain}
        actor = self.actors.get(span.actor_id) if span.actor_id is not None else None
        if actor is not None:
            features.update(actorKey=actor.key, actorName=actor.canonical_name,
                            actorQid=actor.qid or None)
        rest = {k: v for k, v in record.items()
                if k not in ("uid", "layer", "start", "end", "text", "actor")}
        if extra or rest:
            features["extra"] = json.dumps({"attributes": extra, **rest}, ensure_ascii=False,
                                           sort_keys=True)
        annotation = kind(begin=span.start, end=span.end,
                          **{k: v for k, v in features.items() if v is not None})
        cas.add(annotation)
        return annotation

    def _claim(self, cas: Any, claim: Any, view: View, spans: dict[Any, Any],
               by_uid: dict[str, Any], text: str) -> None:
        record = native.claim_record(claim, self.keys, {s.id: s.uid for s in view.spans})
        start, end = claim_anchor(claim, view, spans, text)
        link = self.ts.get_type(LINK_TYPE)
        links = [link(role="Demand", target=by_uid[u]) for u in record.pop("demand_spans", [])]
        for role, key in (("Date", "date_span"), ("Source", "source_span")):
            if key in record:
                links.append(link(role=role, target=by_uid[record.pop(key)]))
        anchor = spans[claim.demand_span_ids[0]].start if claim.demand_span_ids else start
        for role, field_name in ROLES:
            actor_id = getattr(claim, field_name)
            mentions = [s for s in view.spans if actor_id is not None and s.actor_id == actor_id]
            if mentions:
                near = min(mentions, key=lambda s: (abs(s.start - anchor), s.start))
                links.append(link(role=role, target=by_uid[near.uid]))
        if "position" in record:
            record["position"] = str(record["position"])
        plain, extra = _strings(record, CLAIM_FEATURES)
        features: dict[str, Any] = dict(plain)
        extra.pop("uid", None)
        if extra:
            features["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True)
        array = self.ts.get_type("uima.cas.FSArray")
        cas.add(self.ts.get_type(CLAIM_TYPE)(begin=start, end=end, roles=array(elements=links),
                                             **features))

    def _document(self, cas: Any, bundle: Bundle, view: View) -> None:
        doc = bundle.doc
        fields = {f"field_{k}": v for k, v in view.values.items() if isinstance(v, str)}
        extra: dict[str, Any] = {}
        other = {k: v for k, v in view.values.items() if not isinstance(v, str)}
        if other:
            extra["values"] = other
        if view.provenance:
            extra["value_provenance"] = view.provenance
        features = {"annotator": view.annotator, "status": view.status.value,
                    "sha256": doc.sha256, "title": doc.title, "outlet": doc.outlet,
                    "url": doc.url, "byline": doc.byline, "published": doc.published,
                    "claim": doc.claim, "sourceFile": doc.source_file,
                    "metadata": json.dumps(doc.metadata, ensure_ascii=False, sort_keys=True)
                    if doc.metadata else "", **fields}
        if extra:
            features["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True)
        cas.add(self.ts.get_type(DOCUMENT_TYPE)(**{k: v for k, v in features.items() if v}))


def export(project: Project, path: Path, selection: Selection, state: TaskState
           ) -> ExportResult:
    """Write the XMI folder ``path`` (replaced whole when finished)."""
    the_plan = plan(project, selection)
    book = project.codebook
    ts = type_system(book)
    actors = {a.id: a for a in project.actors()}
    writer = CasWriter(ts, book, actors)
    hashes: list[tuple[int, str]] = []
    shown = {*the_plan.names, *(n for names in the_plan.annotators.values() for n in names)}
    folders = unique_stems(sorted({set_name(selection, n) for n in shown}), "annotator",
                           reserved=_ROOT_FILES)
    made: set[str] = set()
    with output() as out:
        root = out.directory(path)
        for bundle in iter_bundles(project, the_plan, state):
            if bundle.views:
                hashes.append((bundle.doc.id, bundle.doc.sha256))
            for view in bundle.views:
                name = folders.of[set_name(selection, view.annotator)]
                if name not in made:
                    (root / name).mkdir()
                    made.add(name)
                stem = doc_file_stem(bundle.doc.id, bundle.doc.source_file)
                writer.cas(bundle, view).to_xmi(root / name / f"{stem}.xmi")
        (root / TYPESYSTEM).write_text(ts.to_xml(), encoding="utf-8")
        with (root / "actors.jsonl").open("w", encoding="utf-8", newline="\n") as handle:
            for actor in sorted(actors.values(), key=lambda a: a.key):
                handle.write(json.dumps(native.actor_record(actor), ensure_ascii=False) + "\n")
        warnings = folders.warnings("annotator")
        write_json(root / "codebook.json", codebook_document(project))
        write_json(root / "manifest.json", manifest(
            project, selection, FORMAT_NAME, annotators=the_plan.names, hashes=hashes,
            warnings=warnings, sets=sorted(made), typesystem=TYPESYSTEM))
    return ExportResult(FORMAT_NAME, path, len(hashes), [path], warnings)
