"""REFI-QDA project exchange (``.qdpx``) for QualCoder, MAXQDA, ATLAS.ti and NVivo.

A ``.qdpx`` is a zip holding ``project.qde`` (XML in the namespace
``urn:QDA-XML:project:1.0``, elements in the order the REFI-QDA project schema
prescribes) and ``Sources/GUID.txt``, one plain-text file per document. In it:

- ``Users``: one user per annotator (the coder of every selection);
- ``CodeBook``: one code per layer, with its colour and definition; under a layer,
  a code per attribute with a vocabulary and under that a code per value (with its
  definition); under ACTOR a code per registry actor (its key, QID, country,
  sector, type, title and aliases in the description);
- ``Variables``: the document metadata (``title``, ``outlet``, ...) and, per
  annotator, ``ANNOTATOR/status`` and ``ANNOTATOR/FIELD`` for each document field;
- ``Sources``: one ``TextSource`` per document (``plainTextPath`` internal), with
  one ``PlainTextSelection`` per span (``startPosition``/``endPosition`` in code
  points, ``creatingUser`` its annotator, guid its uid), coded with its layer,
  attribute values and actor; free-text attributes are ``name: value`` lines of
  its description; the variable values of the document;
- ``Notes``: one note per claim (``field: value`` lines: annotator, uid, roles as
  registry keys, demand spans as selection guids, fields), referred to from its
  first demand selection (or the source) by ``NoteRef``.
"""

from __future__ import annotations

import json
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

from annotator.core import native
from annotator.core.codebook import Codebook
from annotator.core.exporters.base import (
    ExportResult,
    manifest,
    manifest_sidecar,
    output,
    write_json,
)
from annotator.core.exporters.rows import Bundle, View, iter_bundles, plan
from annotator.core.exporters.selection import Selection
from annotator.core.models import Actor, ActorId, Claim
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "qdpx"
NS = "urn:QDA-XML:project:1.0"
GUIDS = uuid.UUID("5b0d6f2e-8a71-4c1e-9d55-2f0b7e3c9a14")
"""The namespace our deterministic GUIDs are made in (uuid5)."""
META = ("title", "outlet", "url", "byline", "language", "published", "claim", "source_file",
        "sha256", "metadata")
CLAIM_NOTE = "Claim"


def guid(kind: str, *parts: object) -> str:
    """A stable GUID for one thing of ``kind`` (same input, same GUID)."""
    return str(uuid.uuid5(GUIDS, ":".join([kind, *(str(p) for p in parts)])))


def selection_guid(uid: str) -> str:
    """A span's selection GUID: its uid when that is 32 hex digits, else one made from it."""
    try:
        if len(uid) == 32:
            return str(uuid.UUID(hex=uid))
    except ValueError:
        pass
    return guid("span", uid)


def _el(parent: ET.Element, tag: str, **attrs: Any) -> ET.Element:
    return ET.SubElement(parent, f"{{{NS}}}{tag}",
                         {k: str(v) for k, v in attrs.items() if v not in (None, "")})


def _describe(parent: ET.Element, text: str) -> None:
    if text:
        _el(parent, "Description").text = text


def _lines(pairs: list[tuple[str, Any]]) -> str:
    """``name: value`` lines; a value that is no plain one-line string as ``name:= JSON``."""
    out = []
    for name, value in pairs:
        if isinstance(value, str) and "\n" not in value and value == value.strip():
            out.append(f"{name}: {value}")
        else:
            out.append(f"{name}:= {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(out)


class Codes:
    """The codebook as REFI codes, and the GUID of each code by what it stands for."""

    def __init__(self, book: Codebook, actors: list[Actor]) -> None:
        self.book, self.actors = book, actors

    @staticmethod
    def layer(name: str) -> str:
        return guid("layer", name)

    @staticmethod
    def value(layer: str, attribute: str, code: str) -> str:
        return guid("value", layer, attribute, code)

    @staticmethod
    def actor(key: str) -> str:
        return guid("actor", key)

    def write(self, project: ET.Element) -> None:
        codes = _el(_el(project, "CodeBook"), "Codes")
        for layer in self.book.layers:
            code = _el(codes, "Code", guid=self.layer(layer.name), name=layer.name,
                       isCodable="true", color=layer.color)
            _describe(code, f"{layer.label}. {layer.description}".strip())
            for attr in layer.attributes:
                if attr.vocabulary not in self.book.vocabularies:
                    continue
                group = _el(code, "Code", guid=guid("attribute", layer.name, attr.name),
                            name=attr.name, isCodable="false")
                _describe(group, attr.label)
                for value in self.book.vocabulary(attr.vocabulary).values:
                    item = _el(group, "Code", guid=self.value(layer.name, attr.name, value.code),
                               name=value.code, isCodable="true")
                    _describe(item, f"{value.label}. {value.definition}".strip(". ")
                              if value.definition else value.label)
            if any(a.type == "actor" for a in layer.attributes) or layer.name == "ACTOR":
                for actor in self.actors:
                    item = _el(code, "Code", guid=self.actor(actor.key),
                               name=actor.canonical_name, isCodable="true")
                    record = native.actor_record(actor)
                    _describe(item, _lines([(k, record[k]) for k in
                                            ("key", "qid", "country", "sector", "actor_type",
                                             "title", "aliases") if record[k]]))


class Writer:
    """Builds ``project.qde`` while documents stream by."""

    def __init__(self, project: Project, names: list[str]) -> None:
        self.book = project.codebook
        self.actors = sorted(project.actors(), key=lambda a: a.key)
        self.keys: dict[ActorId, str] = {a.id: a.key for a in self.actors}
        self.codes = Codes(self.book, self.actors)
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        self.root = ET.Element(f"{{{NS}}}Project", {
            "name": project.path.stem, "origin": "annotator", "creationDateTime": now})
        self.users = {n: guid("user", n) for n in names}
        if self.users:
            users = _el(self.root, "Users")
            for name, user in self.users.items():
                _el(users, "User", guid=user, name=name, id=name)
        self.codes.write(self.root)
        self.variables = _el(self.root, "Variables")
        self.variable_guids: dict[str, str] = {}
        self.sources = _el(self.root, "Sources")
        self.notes: list[ET.Element] = []

    def variable(self, name: str) -> str:
        if name not in self.variable_guids:
            self.variable_guids[name] = guid("variable", name)
            _el(self.variables, "Variable", guid=self.variable_guids[name], name=name,
                typeOfVariable="Text")
        return self.variable_guids[name]

    def source(self, bundle: Bundle) -> tuple[str, str]:
        """Add a document's TextSource; returns its GUID and the zip path of its text."""
        doc = bundle.doc
        source_guid = guid("source", doc.sha256)
        source = _el(self.sources, "TextSource", guid=source_guid,
                     name=doc.title or doc.source_file or f"document {doc.id}",
                     plainTextPath=f"internal://{source_guid}.txt")
        notes: list[str] = []
        for view in bundle.views:
            notes += self._selections(source, view, doc.text)
        for note in notes:
            _el(source, "NoteRef", targetGUID=note)
        values: list[tuple[str, str]] = []
        for name in META:
            value = getattr(doc, name)
            if name == "metadata":
                value = json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
            values.append((name, value))
        for view in bundle.views:
            values.append((f"{view.annotator}/status", view.status.value))
            for field, value in sorted(view.values.items()):
                values.append((f"{view.annotator}/{field}", value if isinstance(value, str)
                               else json.dumps(value, ensure_ascii=False)))
        for name, value in values:
            if value:
                item = _el(source, "VariableValue")
                _el(item, "VariableRef", targetGUID=self.variable(name))
                _el(item, "TextValue").text = value
        return source_guid, f"Sources/{source_guid}.txt"

    def _selections(self, source: ET.Element, view: View, text: str) -> list[str]:
        """One selection per span; returns the claim notes no selection refers to."""
        anchor_of: dict[Any, list[str]] = {}
        for claim in view.claims:
            note = self._claim_note(claim, view)
            first = next((s for s in (*claim.demand_span_ids, claim.source_span_id,
                                      claim.date_span_id) if s is not None), None)
            anchor_of.setdefault(first, []).append(note)
        user = self.users[view.annotator]
        for span in view.spans:
            selection = _el(source, "PlainTextSelection", guid=selection_guid(span.uid),
                            name=f"{span.layer}: {text[span.start:span.end]}"[:200],
                            startPosition=span.start, endPosition=span.end, creatingUser=user)
            _describe(selection, self._description(span))
            for code in self._span_codes(span):
                coding = _el(selection, "Coding", guid=guid("coding", span.uid, code),
                             creatingUser=user)
                _el(coding, "CodeRef", targetGUID=code)
            for note in anchor_of.pop(span.id, []):
                _el(selection, "NoteRef", targetGUID=note)
        return [n for notes in anchor_of.values() for n in notes]

    def _span_codes(self, span: Any) -> list[str]:
        codes = [self.codes.layer(span.layer)]
        for name, value in sorted(span.attributes.items()):
            if self._coded(span.layer, name, value):
                codes.append(self.codes.value(span.layer, name, str(value)))
        if span.actor_id is not None and span.actor_id in self.keys:
            codes.append(self.codes.actor(self.keys[span.actor_id]))
        return codes

    def _coded(self, layer: str, name: str, value: Any) -> bool:
        """Whether an attribute value is written as a code (a value of its vocabulary)."""
        attr = next((a for a in self.book.layer(layer).attributes if a.name == name), None) \
            if layer in self.book.layer_names() else None
        return (attr is not None and attr.vocabulary in self.book.vocabularies
                and isinstance(value, str) and value in self.book.vocabulary(
                    attr.vocabulary).codes())

    def _description(self, span: Any) -> str:
        pairs: list[tuple[str, Any]] = []
        if selection_guid(span.uid).replace("-", "") != span.uid:
            pairs.append(("uid", span.uid))
        pairs += [(k, v) for k, v in sorted(span.attributes.items())
                  if not self._coded(span.layer, k, v) and v not in (None, "")]
        if span.provenance:
            pairs.append(("provenance", span.provenance))
        return _lines(pairs)

    def _claim_note(self, claim: Claim, view: View) -> str:
        uids = {s.id: s.uid for s in view.spans}
        record = native.claim_record(claim, self.keys, uids)
        for key in ("demand_spans",):
            if key in record:
                record[key] = " ".join(selection_guid(u) for u in record[key])
        for key in ("date_span", "source_span"):
            if key in record:
                record[key] = selection_guid(record[key])
        pairs: list[tuple[str, Any]] = [("annotator", view.annotator),
                                        *sorted(record.items())]
        note_guid = guid("claim", view.annotator, claim.uid)
        note = ET.Element(f"{{{NS}}}Note", {
            "guid": note_guid, "creatingUser": self.users[view.annotator],
            "name": f"{CLAIM_NOTE}: {record.get('claimant', '?')} → "
                    f"{record.get('addressee', '?')}: {claim.gloss or claim.event_type}"[:200]})
        _el(note, "PlainTextContent").text = _lines(pairs)
        self.notes.append(note)
        return note_guid

    def finish(self) -> bytes:
        if len(self.variables) == 0:
            self.root.remove(self.variables)
        if len(self.sources) == 0:
            self.root.remove(self.sources)
        if self.notes:
            notes = _el(self.root, "Notes")
            notes.extend(self.notes)
        ET.register_namespace("", NS)
        data: bytes = ET.tostring(self.root, encoding="utf-8", xml_declaration=True)
        return data


def export(project: Project, path: Path, selection: Selection, state: TaskState
           ) -> ExportResult:
    """Write the ``.qdpx`` file ``path`` (and ``path.manifest.json``)."""
    the_plan = plan(project, selection)
    writer = Writer(project, the_plan.names)
    hashes: list[tuple[int, str]] = []
    with output() as out:
        with zipfile.ZipFile(out.file(path), "w", zipfile.ZIP_DEFLATED) as archive:
            for bundle in iter_bundles(project, the_plan, state):  # unannotated ones too
                hashes.append((bundle.doc.id, bundle.doc.sha256))
                _guid, member = writer.source(bundle)
                archive.writestr(member, bundle.doc.text.encode("utf-8"))
            archive.writestr("project.qde", writer.finish())
        write_json(out.file(manifest_sidecar(path)), manifest(
            project, selection, FORMAT_NAME, annotators=the_plan.names, hashes=hashes))
    return ExportResult(FORMAT_NAME, path, len(hashes), [path])
