"""JSON Lines and JSON: one document per record, optionally with annotations.

Both plain records (``{"text": ..., "title": ...}``) and the native format
(see docs/native-format.md: a header line, actor lines and document lines)
are read here; a record may carry ``annotations`` in the native shape.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from annotator.core.errors import FileRejected, LimitExceeded
from annotator.core.importers import ImportOptions, ParsedFile, Record, read_text
from annotator.core.importers.text_file import document_from_text
from annotator.core.limits import loads_json
from annotator.core.models import NewDocument, Rejection
from annotator.core.native import FORMAT as NATIVE_FORMAT
from annotator.core.native import boilerplate_ranges
from annotator.core.text import clean_text, language_of_record, sha256

_META = ("title", "outlet", "url", "byline", "language", "published", "claim")


def read_jsonl(path: Path, options: ImportOptions) -> ParsedFile:
    parsed = ParsedFile(source=str(path))
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = loads_json(line)
        except json.JSONDecodeError as exc:
            parsed.problems.append(Rejection(str(path), f"invalid JSON ({exc.msg})", number))
            continue
        except LimitExceeded as exc:
            parsed.problems.append(Rejection(str(path), str(exc), number))
            continue
        _add_item(parsed, item, number, options)
    if not (parsed.records or parsed.actors or parsed.events or parsed.problems):
        raise FileRejected("no records in the file")
    return parsed


def read_json(path: Path, options: ImportOptions) -> ParsedFile:
    try:
        data = loads_json(read_text(path))
    except json.JSONDecodeError as exc:
        raise FileRejected(f"line {exc.lineno}: invalid JSON ({exc.msg})") from None
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    elif isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not data:
        raise FileRejected("expected a JSON object, a list of objects or {\"documents\": [...]}")
    parsed = ParsedFile(source=str(path))
    for index, item in enumerate(data, start=1):
        _add_item(parsed, item, index, options)
    return parsed


def _add_item(parsed: ParsedFile, item: Any, line: int, options: ImportOptions) -> None:
    where = str(parsed.source)
    if not isinstance(item, dict):
        parsed.problems.append(Rejection(where, "a record must be a JSON object", line))
        return
    kind = item.get("type", "document")
    if kind == "header":
        if item.get("format") != NATIVE_FORMAT:
            parsed.problems.append(Rejection(where, f"unknown format {item.get('format')!r}",
                                             line))
        parsed.header = item
    elif kind == "actor":
        if not item.get("key") or not item.get("canonical_name"):
            parsed.problems.append(Rejection(where, "an actor needs key and canonical_name",
                                             line))
        else:
            parsed.actors.append(item)
    elif kind == "event":
        parsed.events.append(item)
    elif kind == "document":
        try:
            parsed.records.append(_record(item, line, parsed, options))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            parsed.problems.append(Rejection(where, str(exc), line))
    else:
        parsed.problems.append(Rejection(where, f"unknown record type {kind!r}", line))


def _record(item: dict[str, Any], line: int, parsed: ParsedFile, options: ImportOptions
            ) -> Record:
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("the record has no 'text'")
    for key in (*_META, "source_file"):
        if key in item and not isinstance(item[key], str):
            raise ValueError(f"'{key}' must be a string")
    metadata = item.get("metadata", {})
    if not isinstance(metadata, dict):
        raise ValueError("'metadata' must be an object")
    annotations = item.get("annotations", {})
    if not isinstance(annotations, dict):
        raise ValueError("'annotations' must be an object keyed by annotator")
    source = item.get("source_file") or f"{parsed.name}:{line}"
    if "sha256" in item or annotations:
        # Stored text travels verbatim, since the offsets of its annotations point into
        # it; it is normalised first and the hash checked on what would be stored, so
        # an NFD text with the hash of its NFD bytes can never be stored as it is.
        stored = clean_text(text)
        if "sha256" in item and sha256(stored) != item["sha256"]:
            raise ValueError("the text does not match its sha256 (the hash of the stored "
                             "text: NFC, LF line ends, trimmed)")
        if stored != text and annotations:
            raise ValueError("text with annotations must be stored text (NFC, LF, trimmed)")
        doc = NewDocument(
            text=stored, metadata=dict(metadata), source_file=source,
            boilerplate=boilerplate_ranges(item.get("boilerplate"), stored),
            language=options.language or language_of_record(item),
            **{k: item.get(k, "") for k in _META if k != "language"},
        )
    else:
        meta = {k: item[k] for k in _META if item.get(k)}
        if named := language_of_record(item):
            meta["language"] = named
        doc = document_from_text(text, source, options, **meta)
        doc.metadata.update(metadata)
        if "boilerplate" in item:  # ranges into the text as given: only when it is stored text
            if clean_text(text) != text:
                raise ValueError("'boilerplate' ranges need the stored text (NFC, LF, trimmed)")
            doc = dataclasses.replace(doc, boilerplate=boilerplate_ranges(
                item["boilerplate"], doc.text))
    return Record(doc, annotations, sha256(doc.text), line)
