"""REFI-QDA project import (``.qdpx``): what :mod:`annotator.core.exporters.qdpx` writes,
and text projects of QualCoder, MAXQDA, ATLAS.ti or NVivo.

Every ``TextSource`` becomes a document (its text from ``Sources/`` in the zip or
``PlainTextContent``); every ``PlainTextSelection`` a span of the layer its top-level
code names, by the user who created it (their ``name``), with the attribute values
and the actor its other codes stand for and the ``name: value`` lines of its
description; claim notes (``Claim: ...``) become claims; the variables
``ANNOTATOR/FIELD`` document fields and ``ANNOTATOR/status`` the status.
Selections of codes that are no layer of ours take the code's name as layer, which
the import then refuses unless the codebook has it.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from annotator.core.errors import FileRejected
from annotator.core.importers import ImportOptions, ParsedFile, Record
from annotator.core.limits import MAX_IMPORT_FILE_BYTES
from annotator.core.models import NewDocument
from annotator.core.text import clean_text, detect_language, sha256

NS = "{urn:QDA-XML:project:1.0}"
DEFAULT_ANNOTATOR = "qda"
META = ("title", "outlet", "url", "byline", "language", "published", "claim", "source_file")


def parse_lines(text: str) -> dict[str, Any]:
    """``name: value`` and ``name:= JSON`` lines (as the exporter writes them)."""
    out: dict[str, Any] = {}
    for line in (text or "").split("\n"):
        name, sep, value = line.partition(":")
        if not sep or not name or " " in name:
            continue
        if value.startswith("= "):
            out[name] = json.loads(value[2:])
        else:
            out[name] = value.removeprefix(" ")
    return out


class _Codes:
    """What each code stands for: a layer, a value of a layer's attribute, an actor."""

    def __init__(self, root: ET.Element) -> None:
        self.layer: dict[str, str] = {}
        self.value: dict[str, tuple[str, str, str]] = {}
        self.actor: dict[str, str] = {}
        self.actors: list[dict[str, Any]] = []
        codes = root.find(f"{NS}CodeBook/{NS}Codes")
        for top in codes if codes is not None else []:
            layer = top.get("name", "")
            self.layer[top.get("guid", "")] = layer
            for child in top.findall(f"{NS}Code"):
                grandchildren = child.findall(f"{NS}Code")
                if grandchildren and child.get("isCodable") == "false":
                    for value in grandchildren:
                        self.value[value.get("guid", "")] = (layer, child.get("name", ""),
                                                             value.get("name", ""))
                else:
                    self._actor(child)

    def _actor(self, code: ET.Element) -> None:
        described = parse_lines(code.findtext(f"{NS}Description") or "")
        key = str(described.get("key") or code.get("name", ""))
        self.actor[code.get("guid", "")] = key
        record = {"type": "actor", "key": key, "canonical_name": code.get("name", key)}
        for name in ("qid", "country", "sector", "actor_type", "title", "aliases"):
            if name in described:
                record[name] = described[name]
        self.actors.append(record)


def read(path: Path, options: ImportOptions) -> ParsedFile:
    if path.stat().st_size > MAX_IMPORT_FILE_BYTES:
        raise FileRejected(f"{path.name} is larger than {MAX_IMPORT_FILE_BYTES} bytes")
    try:
        with zipfile.ZipFile(path) as archive:
            root = ET.fromstring(archive.read("project.qde"))
            texts = {name: archive.read(name) for name in archive.namelist()
                     if name.startswith("Sources/")}
    except (zipfile.BadZipFile, KeyError) as exc:
        raise FileRejected(f"{path.name} is not a REFI-QDA project ({exc})") from None
    except ET.ParseError as exc:
        raise FileRejected(f"{path.name}: project.qde is not XML ({exc})") from None
    if root.tag != f"{NS}Project":
        raise FileRejected(f"{path.name}: project.qde is no REFI-QDA Project")
    project = _Project(
        path, options, texts, _Codes(root),
        {u.get("guid", ""): u.get("name") or u.get("id") or DEFAULT_ANNOTATOR
         for u in root.iter(f"{NS}User")},
        {v.get("guid", ""): v.get("name", "") for v in root.iter(f"{NS}Variable")},
        {n.get("guid", ""): n for n in root.iter(f"{NS}Note")})
    parsed = ParsedFile(str(path), header={"format": "qdpx"}, actors=project.codes.actors)
    for number, source in enumerate(root.iter(f"{NS}TextSource"), start=1):
        parsed.records.append(_source(project, source, number))
    return parsed


@dataclass(frozen=True, slots=True)
class _Project:
    """What every source of one project file is read with."""

    path: Path
    options: ImportOptions
    texts: dict[str, bytes]
    codes: _Codes
    users: dict[str, str]
    """User GUID -> annotator."""
    variables: dict[str, str]
    """Variable GUID -> name."""
    notes: dict[str, ET.Element]


def _text(source: ET.Element, texts: dict[str, bytes]) -> str:
    where = source.get("plainTextPath", "")
    if where.startswith("internal://"):
        member = "Sources/" + where.removeprefix("internal://")
        if member not in texts:
            raise FileRejected(f"source {source.get('name')!r}: {member} is not in the zip")
        return texts[member].decode("utf-8-sig")
    return source.findtext(f"{NS}PlainTextContent") or ""


def _source(project: _Project, source: ET.Element, number: int) -> Record:
    text = _text(source, project.texts)
    codes, users, notes = project.codes, project.users, project.notes
    options, path = project.options, project.path
    if clean_text(text) != text:
        raise FileRejected(f"source {source.get('name')!r} is not stored text (NFC, LF line "
                           "ends, no trailing spaces); its offsets would shift if cleaned")
    values: dict[str, str] = {}
    for item in source.findall(f"{NS}VariableValue"):
        ref = item.find(f"{NS}VariableRef")
        name = project.variables.get(ref.get("targetGUID", "") if ref is not None else "", "")
        values[name] = item.findtext(f"{NS}TextValue") or ""
    annotations: dict[str, dict[str, Any]] = {}
    by_guid: dict[str, str] = {}
    for selection in source.findall(f"{NS}PlainTextSelection"):
        annotator = users.get(selection.get("creatingUser", ""), DEFAULT_ANNOTATOR)
        span = _span(selection, text, codes)
        by_guid[selection.get("guid", "").lower()] = span["uid"]
        annotations.setdefault(annotator, {}).setdefault("spans", []).append(span)
    refs = [r.get("targetGUID", "") for r in source.iter(f"{NS}NoteRef")]
    for note_guid in dict.fromkeys(refs):
        note = notes.get(note_guid)
        if note is not None and (note.get("name") or "").startswith("Claim"):
            claim = parse_lines(note.findtext(f"{NS}PlainTextContent") or "")
            annotator = str(claim.pop("annotator", "") or users.get(
                note.get("creatingUser", ""), DEFAULT_ANNOTATOR))
            annotations.setdefault(annotator, {}).setdefault("claims", []).append(
                _claim(claim, by_guid))
    for name, value in values.items():
        who, sep, field = name.partition("/")
        if not sep:
            continue
        entry = annotations.setdefault(who, {})
        if field == "status":
            entry["status"] = value
        else:
            entry.setdefault("values", {})[field] = value
    metadata = json.loads(values["metadata"]) if values.get("metadata") else {}
    doc = NewDocument(
        text=text, language=options.language or values.get("language") or detect_language(text),
        title=values.get("title") or source.get("name") or "", outlet=values.get("outlet", ""),
        url=values.get("url", ""), byline=values.get("byline", ""),
        published=values.get("published", ""), claim=values.get("claim", ""),
        metadata=metadata, source_file=values.get("source_file") or f"{path.name}:{number}")
    return Record(doc, annotations, sha256(text), number)


def _span(selection: ET.Element, text: str, codes: _Codes) -> dict[str, Any]:
    start, end = int(selection.get("startPosition", "0")), int(selection.get("endPosition", "0"))
    if not 0 <= start < end <= len(text):
        raise FileRejected(f"selection {selection.get('guid')} {start}-{end} is outside its "
                           f"text (length {len(text)})")
    described = parse_lines(selection.findtext(f"{NS}Description") or "")
    uid = str(described.pop("uid", "") or selection.get("guid", "").replace("-", "").lower())
    span: dict[str, Any] = {"uid": uid, "start": start, "end": end, "text": text[start:end]}
    attributes: dict[str, Any] = {}
    for coding in selection.findall(f"{NS}Coding"):
        ref = coding.find(f"{NS}CodeRef")
        code = ref.get("targetGUID", "") if ref is not None else ""
        if code in codes.layer:
            span["layer"] = codes.layer[code]
        elif code in codes.value:
            _layer, name, value = codes.value[code]
            attributes[name] = value
        elif code in codes.actor:
            span["actor"] = codes.actor[code]
    if "provenance" in described:
        span["provenance"] = described.pop("provenance")
    attributes.update(described)
    if attributes:
        span["attributes"] = attributes
    if "layer" not in span:
        raise FileRejected(f"selection {selection.get('guid')} has no code of a layer")
    return span


def _claim(claim: dict[str, Any], by_guid: dict[str, str]) -> dict[str, Any]:
    if "demand_spans" in claim:
        claim["demand_spans"] = [by_guid.get(g.lower(), g) for g in
                                 str(claim["demand_spans"]).split()]
    for key in ("date_span", "source_span"):
        if key in claim:
            claim[key] = by_guid.get(str(claim[key]).lower(), claim[key])
    if "position" in claim:
        claim["position"] = int(claim["position"])
    return claim
