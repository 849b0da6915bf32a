"""Label Studio JSON import: tasks with annotations or predictions become documents
with annotations.

Reads what :mod:`annotator.core.exporters.labelstudio` writes and Label
Studio's own JSON export: ``labels`` regions become spans (layer = the label),
per-region results with the region's id become its actor (``actor``) and
attributes (``LAYER_name``) or, on a demand region, its claim's fields
(``claim_*``); ``relation`` results from a demand region make the claim's
roles; results without offsets become document fields. Offsets are code
points; offsets counted in UTF-16 (as a browser does) are recognised by the
region text and converted. Annotator names come from ``data.annotators``
(our export), ``model_version`` (predictions) or ``completed_by``; otherwise
"labelstudio". A ``NAME.actors.jsonl`` beside the file supplies the registry.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from annotator.core.errors import FileRejected, LimitExceeded
from annotator.core.importers import ImportOptions, ParsedFile, Record, read_bytes, read_text
from annotator.core.limits import loads_json
from annotator.core.models import NewDocument, Rejection
from annotator.core.text import clean_text, detect_language, language_of_record, sha256

DEFAULT_ANNOTATOR = "labelstudio"
_ROLES = {"Claimant": "claimant", "Addressee": "addressee", "Object": "object"}
COMPANIONS = (".actors.jsonl", ".manifest.json")


def is_companion(path: Path) -> bool:
    """A sidecar of our Label Studio export (``NAME.actors.jsonl``, ``NAME.manifest.json``)."""
    for suffix in COMPANIONS:
        if path.name.endswith(suffix):
            return path.with_name(path.name.removesuffix(suffix) + ".json").exists()
    return False


def load(path: Path) -> Any:
    try:
        return loads_json(read_text(path))
    except LimitExceeded as exc:
        raise FileRejected(str(exc)) from None
    except json.JSONDecodeError as exc:
        raise FileRejected(f"line {exc.lineno}: invalid JSON ({exc.msg})") from None


def looks_like_tasks(data: Any) -> bool:
    """A Label Studio task list: objects with a ``data`` object (and usually results)."""
    items = data if isinstance(data, list) else [data]
    return bool(items) and all(isinstance(t, dict) and isinstance(t.get("data"), dict)
                               for t in items[:20])


def sniff(path: Path) -> bool:
    """True for a .json file holding Label Studio tasks (for the importer dispatch)."""
    try:
        return looks_like_tasks(load(path))
    except (FileRejected, OSError):
        return False


def read(path: Path, options: ImportOptions) -> ParsedFile:
    data = load(path)
    if not looks_like_tasks(data):
        raise FileRejected("not Label Studio tasks (a list of objects with 'data')")
    parsed = ParsedFile(source=str(path), header={"format": "labelstudio"})
    keys: set[str] = set()
    for number, item in enumerate(data if isinstance(data, list) else [data], start=1):
        try:
            record, used = _task(item, number, path, options)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
            parsed.problems.append(Rejection(str(path), f"task {number}: {exc}", number))
            continue
        parsed.records.append(record)
        keys |= used
    parsed.actors = _actors(path, keys)
    return parsed


def _actors(path: Path, keys: set[str]) -> list[dict[str, Any]]:
    registry = path.with_name(f"{path.stem}.actors.jsonl")
    actors: dict[str, dict[str, Any]] = {}
    if registry.exists():
        for number, line in enumerate(read_bytes(registry).decode("utf-8").splitlines(), 1):
            if line.strip():
                item = loads_json(line)
                if not isinstance(item, dict) or "key" not in item:
                    raise FileRejected(f"{registry.name} line {number}: not an actor record")
                actors[str(item["key"])] = item
    for key in sorted(keys - set(actors)):
        actors[key] = {"type": "actor", "key": key, "canonical_name": key}
    return list(actors.values())


def _meta(data: dict[str, Any], key: str) -> str:
    return str(data.get(key) or "")


def _task(item: dict[str, Any], number: int, path: Path, options: ImportOptions
          ) -> tuple[Record, set[str]]:
    data = item["data"]
    text = data.get(options.text_column, data.get("text"))
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"data has no text in {options.text_column!r}")
    entries = _entries(item)
    if clean_text(text) != text and any(e[1] for e in entries):
        raise ValueError("text with annotations must be stored text (NFC, LF, trimmed)")
    text = clean_text(text) if clean_text(text) != text else text
    doc = NewDocument(
        text=text, language=options.language or language_of_record(data)
        or detect_language(text), source_file=str(data.get("source_file") or
                                                  f"{path.name}:{number}"),
        title=_meta(data, "title"), outlet=_meta(data, "outlet"), url=_meta(data, "url"),
        byline=_meta(data, "byline"), published=_meta(data, "published"),
        claim=_meta(data, "claim"))
    digest = sha256(text)
    annotations: dict[str, Any] = {}
    used: set[str] = set()
    for name, result in entries:
        payload = _payload(result, text, digest, name)
        used |= {s["actor"] for s in payload.get("spans", []) if "actor" in s}
        used |= {c[r] for c in payload.get("claims", []) for r in _ROLES.values() if r in c}
        if payload:
            annotations.setdefault(name, {"spans": [], "claims": [], "values": {}})
            for key in ("spans", "claims"):
                annotations[name][key] += payload.get(key, [])
            annotations[name]["values"].update(payload.get("values", {}))
    return Record(doc, annotations, digest, number), used


def _entries(item: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    names = item["data"].get("annotators") or []
    out = []
    for index, entry in enumerate(item.get("annotations") or []):
        if entry.get("was_cancelled"):
            continue
        name = names[index] if index < len(names) else _user(entry.get("completed_by"))
        out.append((str(name), list(entry.get("result") or [])))
    for entry in item.get("predictions") or []:
        out.append((str(entry.get("model_version") or f"{DEFAULT_ANNOTATOR}-predictions"),
                    list(entry.get("result") or [])))
    return out


def _user(completed_by: Any) -> str:
    if isinstance(completed_by, dict) and completed_by.get("email"):
        return str(completed_by["email"])[:64]
    return DEFAULT_ANNOTATOR


def _code_points(text: str, start: int, end: int, shown: Any) -> tuple[int, int]:
    """Offsets as code points; converts UTF-16 offsets recognised by the region text."""
    if not isinstance(shown, str) or text[start:end] == shown:
        return start, end
    encoded = text.encode("utf-16-le")
    try:
        a = len(encoded[:2 * start].decode("utf-16-le"))
        b = len(encoded[:2 * end].decode("utf-16-le"))
    except UnicodeDecodeError:
        a = b = -1
    if text[a:b] == shown:
        return a, b
    raise ValueError(f"region {start}-{end} {shown!r} does not match the text "
                     f"({text[start:end]!r})")


def _payload(result: list[dict[str, Any]], text: str, digest: str, annotator: str
             ) -> dict[str, Any]:
    spans: dict[str, dict[str, Any]] = {}
    extras: dict[str, list[dict[str, Any]]] = {}
    relations: list[dict[str, Any]] = []
    values: dict[str, Any] = {}
    for res in result:
        value = res.get("value") or {}
        if res.get("type") == "relation":
            relations.append(res)
        elif res.get("type") in ("labels", "hypertextlabels") and "start" in value:
            spans[str(res["id"])] = _span(res, value, text, digest, annotator)
        elif "start" in value:
            extras.setdefault(str(res.get("id")), []).append(res)
        elif res.get("from_name"):
            values[str(res["from_name"])] = _first(value)
    fields = _apply_extras(spans, extras)
    claims = _claims(spans, fields, relations, digest, annotator)
    out: dict[str, Any] = {}
    if spans:
        out["spans"] = list(spans.values())
    if claims:
        out["claims"] = claims
    if values:
        out["values"] = values
    return out


def _first(value: dict[str, Any]) -> Any:
    for key in ("choices", "text", "taxonomy", "labels"):
        if key in value:
            items = value[key]
            return items[0] if isinstance(items, list) and len(items) == 1 else items
    return value


def _span(res: dict[str, Any], value: dict[str, Any], text: str, digest: str,
          annotator: str) -> dict[str, Any]:
    start, end = _code_points(text, int(value["start"]), int(value["end"]), value.get("text"))
    labels = value.get("labels") or value.get("hypertextlabels") or []
    if len(labels) != 1:
        raise ValueError(f"region {res['id']} needs exactly one label, has {labels}")
    uid = str(res["id"])
    if len(uid) < 16:  # Label Studio's own short ids: make them unique across projects
        uid = hashlib.sha256(f"{digest}:{annotator}:{uid}".encode()).hexdigest()[:32]
    return {"uid": uid, "layer": labels[0], "start": start, "end": end,
            "text": text[start:end]}


def _apply_extras(spans: dict[str, dict[str, Any]], extras: dict[str, list[dict[str, Any]]]
                  ) -> dict[str, dict[str, Any]]:
    """Actor and attributes onto their regions; returns claim fields by demand region."""
    claims: dict[str, dict[str, Any]] = {}
    for rid, results in extras.items():
        if rid not in spans:
            continue
        span = spans[rid]
        for res in results:
            name, value = str(res.get("from_name")), _first(res.get("value") or {})
            if name == "actor":
                span["actor"] = value
            elif name.startswith("claim_"):
                field = name.removeprefix("claim_")
                claims.setdefault(rid, {})[field] = int(value) if field == "position" else value
            else:
                prefix = f"{span['layer'].lower()}_"
                span.setdefault("attributes", {})[name.removeprefix(prefix)] = value
    return claims


def _claims(spans: dict[str, dict[str, Any]], fields: dict[str, dict[str, Any]],
            relations: list[dict[str, Any]], digest: str, annotator: str
            ) -> list[dict[str, Any]]:
    for rel in relations:
        source, target = str(rel.get("from_id")), str(rel.get("to_id"))
        if source not in spans or target not in spans:
            continue
        claim = fields.setdefault(source, {})
        for label in rel.get("labels") or []:
            if label in _ROLES and spans[target].get("actor"):
                claim[_ROLES[label]] = spans[target]["actor"]
            elif label in ("Date", "Source"):
                claim[f"{label.lower()}_span"] = spans[target]["uid"]
            elif label == "Demand":
                claim.setdefault("extra_demand", []).append(spans[target]["uid"])
    out = []
    for rid, claim in sorted(fields.items()):
        if rid not in spans:
            continue
        demand = [spans[rid]["uid"], *claim.pop("extra_demand", [])]
        uid = hashlib.sha256(f"{digest}:{annotator}:claim:{rid}".encode()).hexdigest()[:32]
        out.append({"uid": uid, "demand_spans": demand, **claim})
    return out
