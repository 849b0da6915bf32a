"""Label Studio JSON import: tasks with annotations or predictions become documents
with annotations.

Reads what :mod:`annotator.core.exporters.labelstudio` writes and Label
Studio's own JSON export: ``labels`` regions become spans (layer = the label),
``CLAIM`` regions claims (their per-region ``claim_*`` results the fields and
roles, their ``relation`` results the demand, date and source spans);
per-region results with a span region's id become its actor (``actor``) and
attributes (``LAYER_name``); results without offsets become document fields.
Files of earlier versions, whose claim fields sit on the demand region, still
read. Offsets are code points; offsets counted in UTF-16 (as a browser does) are
recognised by the region text and converted.

Texts that are not stored text (a space at a line end, CR LF, not NFC) are
cleaned, and every region's offsets mapped onto the cleaned text.

Whose annotation is whose, in this order: the ``annotator_name`` result written
by our export; else ``completed_by`` (a user id, ``{"id", "email"}`` or an
e-mail) looked up in the user table (``NAME.users.json`` beside the file, or
``labelstudio.users.json`` in its folder); else the e-mail itself, or
``labelstudio-user-ID``; a file without any ``completed_by`` (never through
Label Studio) may name them in ``data.annotators`` by position. Two annotations
of one task by one annotator reject the task. Predictions belong to their
``model_version``. The registry comes from the tasks' ``data.registry``, from
``NAME.actors.jsonl`` beside the file, and otherwise as stubs named by key.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.codebook import Attribute, Codebook
from annotator.core.codebook_extend import Additions
from annotator.core.errors import FileRejected, LimitExceeded
from annotator.core.importers import ImportOptions, ParsedFile, Record, read_bytes, read_text
from annotator.core.limits import loads_json
from annotator.core.models import CLAIM_FIELDS, NewDocument, Rejection
from annotator.core.text import (
    OffsetMap,
    clean_text,
    clean_with_map,
    detect_language,
    language_of_record,
    sha256,
)

DEFAULT_ANNOTATOR = "labelstudio"
CLAIM_LABEL = "CLAIM"
"""The label of a claim's own region."""
ANNOTATOR_NAME = "annotator_name"
ANNOTATION_STATUS = "annotation_status"
RESERVED = (ANNOTATOR_NAME, ANNOTATION_STATUS)
"""Controls of every annotation that are no document field: who made it, its status."""
STATUSES = ("not_started", "in_progress", "done")
_ROLES = {"Claimant": "claimant", "Addressee": "addressee", "Object": "object"}
COMPANIONS = (".actors.jsonl", ".users.json", ".manifest.json")


def is_companion(path: Path) -> bool:
    """A sidecar of our Label Studio export: ``NAME.actors.jsonl``, ``NAME.users.json``,
    ``NAME.json.manifest.json`` (``NAME.manifest.json`` from earlier versions), or
    the folder's user table ``labelstudio.users.json``."""
    name = path.name
    if name == "labelstudio.users.json":
        return True
    if name.endswith(".manifest.json") and \
            path.with_name(name.removesuffix(".manifest.json")).exists():
        return True  # FILE.manifest.json beside the FILE of any single-file export
    for suffix in COMPANIONS:
        if name.endswith(suffix):
            return path.with_name(name.removesuffix(suffix) + ".json").exists()
    return False


_LAST_LOADED: dict[tuple[str, int, int], Any] = {}
"""The task file the dispatch (:func:`sniff`) and the up-front scan for unknown labels
parsed, by path, mtime and size, for :func:`read` to take: a large task file took about
a second to parse each time."""


def load(path: Path, *, keep: bool = False) -> Any:
    """The parsed JSON of ``path``; ``keep`` leaves it for the next call (one file at most),
    without it a kept copy is taken out."""
    try:
        stat = path.stat()
        key: tuple[str, int, int] | None = (str(path.resolve()), stat.st_mtime_ns,
                                            stat.st_size)
    except OSError:
        key = None
    if key is not None and key in _LAST_LOADED:
        return _LAST_LOADED[key] if keep else _LAST_LOADED.pop(key)
    try:
        data = loads_json(read_text(path))
    except LimitExceeded as exc:
        raise FileRejected(str(exc)) from None
    except json.JSONDecodeError as exc:
        raise FileRejected(f"line {exc.lineno}: invalid JSON ({exc.msg})") from None
    if keep and key is not None:
        _LAST_LOADED.clear()  # one file at a time: never a second copy kept
        _LAST_LOADED[key] = data
    return data


def looks_like_tasks(data: Any) -> bool:
    """A Label Studio task list: objects with a ``data`` object (and usually results)."""
    items = data if isinstance(data, list) else [data]
    return bool(items) and all(isinstance(t, dict) and isinstance(t.get("data"), dict)
                               for t in items[:20])


def sniff(path: Path) -> bool:
    """True for a .json file holding Label Studio tasks (for the importer dispatch)."""
    try:
        tasks = looks_like_tasks(load(path, keep=True))
    except (FileRejected, OSError):
        return False
    if not tasks:
        _LAST_LOADED.clear()  # another importer reads it: keep no copy
    return tasks


_ROLE_CHOICES = ("claimant", "addressee", "object")


class Unknown:
    """What a task file holds that the codebook lacks: labels, fields, choice values."""

    def __init__(self, book: Codebook) -> None:
        self.book = book
        self.found: Counter[str] = Counter()
        self.additions = Additions()
        """What a new codebook version needs to know all of it."""
        self.unaddable: set[str] = set()
        """What no codebook can add (claim fields are fixed)."""
        self._layers = {*book.layer_names(), CLAIM_LABEL}
        self._attributes = {layer.name: {a.name: a for a in layer.attributes}
                            for layer in book.layers}
        self._claim = {a.name.removesuffix("_id"): a for a in book.claim_fields}
        self._document = {a.name: a for a in book.document_fields}

    def __bool__(self) -> bool:
        return bool(self.found)

    def describe(self) -> str:
        listed = "; ".join(f"{what} ({n}x)" for what, n in sorted(self.found.items()))
        return (f"the codebook lacks {listed}. Import with --unknown add to add them to a "
                "new codebook version, or --unknown metadata to keep them in each "
                "document's metadata (labelstudio_unknown)")

    def classify(self, result: list[dict[str, Any]]) -> list[str]:
        """Per result, what the codebook lacks ('' when it knows it)."""
        layer_of: dict[str, str] = {}
        for res in result:
            value = res.get("value") or {}
            if res.get("type") in ("labels", "hypertextlabels") and "start" in value:
                labels = value.get("labels") or value.get("hypertextlabels") or []
                layer_of[str(res.get("id"))] = str(labels[0]) if len(labels) == 1 else ""
        out = []
        for res in result:
            rid = str(res.get("id"))
            if res.get("type") == "relation":
                bad = [layer_of.get(str(res.get(k)), "") for k in ("from_id", "to_id")]
                out.append(next((f"label {b!r}" for b in bad if b and b not in self._layers),
                                ""))
            elif rid in layer_of and res.get("type") in ("labels", "hypertextlabels"):
                label = layer_of[rid]
                out.append("" if label in self._layers else f"label {label!r}")
                if label not in self._layers and label:
                    self.additions.layers.add(label)
            else:
                out.append(self._field(res, layer_of.get(rid)))
        return out

    def _field(self, res: dict[str, Any], layer: str | None) -> str:
        name = str(res.get("from_name") or "")
        value = _first(res.get("value") or {})
        if name in RESERVED or name == "actor":
            return ""
        if layer is not None and layer not in self._layers:
            return f"label {layer!r}"
        if layer is None:
            declared = self._document.get(name)
            where = "document field"
        elif name.startswith("claim_"):
            field = name.removeprefix("claim_")
            if field in _ROLE_CHOICES:
                return ""
            declared = self._claim.get(field)
            where = "claim field"
            if declared is None and field in CLAIM_FIELDS:  # fields every claim has
                declared = Attribute(field, "choice" if field in self.book.vocabularies
                                     else "text", field)
        else:
            declared = self._attributes.get(layer, {}).get(
                name.removeprefix(f"{layer.lower()}_"))
            where = f"{layer} attribute"
        if declared is None:
            self._add_field(layer, name, value if res.get("type") == "choices" else None)
            return f"{where} {name!r}"
        vocabulary = declared.vocabulary or (declared.name if declared.type in
                                             ("choice", "ordinal") else "")
        if vocabulary in self.book.vocabularies and res.get("type") == "choices":
            codes = self.book.vocabulary(vocabulary).codes()
            values = value if isinstance(value, list) else [value]
            missing = [str(v) for v in values if str(v) not in codes]
            if missing:
                self.additions.codes.setdefault(vocabulary, set()).update(missing)
                return f"{where} {name!r} value {missing[0]!r}"
        return ""

    def _add_field(self, layer: str | None, name: str, value: Any) -> None:
        if layer is None:
            self.additions.field(self.additions.document_fields, name, value)
        elif name.startswith("claim_"):
            self.unaddable.add(f"claim field {name!r}")
        else:
            self.additions.field(self.additions.attributes,
                                 (layer, name.removeprefix(f"{layer.lower()}_")), value)

    def split(self, result: list[dict[str, Any]]
              ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(results the codebook knows, the others)."""
        kinds = self.classify(result)
        return ([r for r, k in zip(result, kinds, strict=True) if not k],
                [r for r, k in zip(result, kinds, strict=True) if k])


def additions(paths: list[Path], book: Codebook) -> Additions:
    """What the Label Studio files among ``paths`` use and ``book`` lacks, as additions
    for a new codebook version; raises FileRejected naming what no codebook can add."""
    found = Additions()
    for path in paths:
        if path.suffix.lower() != ".json" or not sniff(path):
            continue
        data = load(path, keep=True)
        unknown = find_unknown(data if isinstance(data, list) else [data], book)
        if unknown.unaddable:
            raise FileRejected(f"{path.name}: no codebook can add "
                               f"{', '.join(sorted(unknown.unaddable))}")
        found.merge(unknown.additions)
    return found


def find_unknown(items: list[Any], book: Codebook) -> Unknown:
    """One pass over every task's results, before any is read into records."""
    unknown = Unknown(book)
    for item in items:
        if not isinstance(item, dict):
            continue
        for key in ("annotations", "predictions"):
            for entry in item.get(key) or []:
                if isinstance(entry, dict) and isinstance(entry.get("result"), list):
                    unknown.found.update(k for k in unknown.classify(
                        [r for r in entry["result"] if isinstance(r, dict)]) if k)
    return unknown


@dataclass(frozen=True, slots=True)
class _Context:
    """What every task of one file is read with."""

    path: Path
    options: ImportOptions
    users: dict[str, str]
    """Label Studio user id or e-mail -> annotator."""
    unknown: Unknown | None = None
    """What the file holds that the codebook lacks, when it is kept as metadata."""


def read(path: Path, options: ImportOptions) -> ParsedFile:
    data = load(path)
    if not looks_like_tasks(data):
        raise FileRejected("not Label Studio tasks (a list of objects with 'data')")
    items = data if isinstance(data, list) else [data]
    unknown = None
    if options.codebook is not None:
        unknown = find_unknown(items, options.codebook)
        if unknown and options.unknown != "metadata":
            raise FileRejected(unknown.describe())
    context = _Context(path, options, user_table(path), unknown or None)
    parsed = ParsedFile(source=str(path), header={"format": "labelstudio"})
    keys: set[str] = set()
    registry: dict[str, dict[str, Any]] = {}
    for number, item in enumerate(items, start=1):
        try:
            record, used = _task(item, number, context)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
            parsed.problems.append(Rejection(str(path), f"task {number}: {exc}", number))
            continue
        parsed.records.append(record)
        keys |= used
        for actor in item["data"].get("registry") or []:
            if isinstance(actor, dict) and actor.get("key"):
                registry.setdefault(str(actor["key"]), actor)
    parsed.actors = _actors(path, keys, registry)
    return parsed


def user_table(path: Path) -> dict[str, str]:
    """The user table: ``{"users": [{"annotator", "id", "email"}, ...]}`` in
    ``NAME.users.json`` beside the tasks and ``labelstudio.users.json`` in the folder
    (the first wins where both map a user). Ids and e-mails match case-blind."""
    out: dict[str, str] = {}
    for candidate in (path.with_name("labelstudio.users.json"),
                      path.with_name(f"{path.stem}.users.json")):
        if candidate.exists():
            out.update(_users(candidate))
    return out


def _users(candidate: Path) -> dict[str, str]:
    table = load(candidate)
    users = table.get("users") if isinstance(table, dict) else None
    if not isinstance(users, list):
        raise FileRejected(f"{candidate.name}: needs {{\"users\": [{{\"annotator\", \"id\", "
                           "\"email\"}, ...]}")
    out: dict[str, str] = {}
    for user in users:
        if not isinstance(user, dict) or not user.get("annotator"):
            raise FileRejected(f"{candidate.name}: every user needs an 'annotator'")
        for key in ("id", "email"):
            if user.get(key) not in (None, ""):
                out[str(user[key]).lower()] = str(user["annotator"])
    return out


def _actors(path: Path, keys: set[str], registry: dict[str, dict[str, Any]]
            ) -> list[dict[str, Any]]:
    side = path.with_name(f"{path.stem}.actors.jsonl")
    actors: dict[str, dict[str, Any]] = dict(registry)
    if side.exists():
        for number, line in enumerate(read_bytes(side).decode("utf-8").splitlines(), 1):
            if line.strip():
                item = loads_json(line)
                if not isinstance(item, dict) or "key" not in item:
                    raise FileRejected(f"{side.name} line {number}: not an actor record")
                actors.setdefault(str(item["key"]), item)
    for key in sorted(keys - set(actors)):
        actors[key] = {"type": "actor", "key": key, "canonical_name": key}
    return list(actors.values())


def _meta(data: dict[str, Any], key: str) -> str:
    return str(data.get(key) or "")


class _Text:
    """A task's text as stored, and where a region's raw offsets land in it."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        cleaned = clean_text(raw)
        self.map: OffsetMap | None = None
        self.text = cleaned
        if cleaned != raw:
            self.text, self.map = clean_with_map(raw)

    def locate(self, start: int, end: int, shown: Any) -> tuple[int, int]:
        a, b = _code_points(self.raw, start, end, shown)
        if self.map is None:
            return a, b
        c, d = self.map.span(a, b)
        if c >= d:
            raise ValueError(f"region {start}-{end} {self.raw[a:b]!r} holds nothing but "
                             "what cleaning the text removed")
        if "".join(unicodedata.normalize("NFC", self.raw[a:b]).split()) != \
                "".join(self.text[c:d].split()):
            raise ValueError(f"region {start}-{end} does not map onto the cleaned text")
        return c, d


def _task(item: dict[str, Any], number: int, context: _Context) -> tuple[Record, set[str]]:
    data = item["data"]
    options = context.options
    raw = data.get(options.text_column, data.get("text"))
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError(f"data has no text in {options.text_column!r}")
    text = _Text(raw)
    entries = _entries(item, context.users)
    metadata = dict(data.get("metadata") or {}) if isinstance(data.get("metadata"), dict) \
        else {}
    doc = NewDocument(
        text=text.text, language=options.language or language_of_record(data)
        or detect_language(text.text), source_file=str(data.get("source_file") or
                                                       f"{context.path.name}:{number}"),
        title=_meta(data, "title"), outlet=_meta(data, "outlet"), url=_meta(data, "url"),
        byline=_meta(data, "byline"), published=_meta(data, "published"),
        claim=_meta(data, "claim"), metadata=metadata)
    digest = sha256(text.text)
    annotations: dict[str, Any] = {}
    used: set[str] = set()
    kept: dict[str, list[dict[str, Any]]] = {}
    for name, result, status in entries:
        if context.unknown is not None:
            result, left = context.unknown.split(result)
            if left:
                kept[name] = left
        payload = _payload(result, text, digest, name)
        used |= {s["actor"] for s in payload.get("spans", []) if "actor" in s}
        used |= {c[r] for c in payload.get("claims", []) for r in _ROLES.values() if r in c}
        if status:
            payload["status"] = status
        if payload:
            annotations[name] = payload
    if kept:
        doc.metadata["labelstudio_unknown"] = kept
    return Record(doc, annotations, digest, number), used


def _entries(item: dict[str, Any], users: dict[str, str]
             ) -> list[tuple[str, list[dict[str, Any]], str]]:
    """(annotator, results, status) per annotation and prediction of a task."""
    annotations = [e for e in item.get("annotations") or [] if not e.get("was_cancelled")]
    names = item["data"].get("annotators") or []
    by_position = (len(names) == len(item.get("annotations") or [])
                   and not any("completed_by" in e for e in item.get("annotations") or []))
    out: list[tuple[str, list[dict[str, Any]], str]] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(item.get("annotations") or [], start=1):
        if entry not in annotations:
            continue
        result = list(entry.get("result") or [])
        name = _named(result) or (str(names[index - 1]) if by_position else "") \
            or _user(entry.get("completed_by"), users)
        if name in seen:
            raise ValueError(f"annotations {seen[name]} and {index} are both by {name!r}; "
                             "map Label Studio users to annotators in the user table "
                             "(NAME.users.json)")
        seen[name] = index
        out.append((name, result, _status_of(result) or "done"))
    for entry in item.get("predictions") or []:
        result = list(entry.get("result") or [])
        name = _named(result) or str(entry.get("model_version") or
                                     f"{DEFAULT_ANNOTATOR}-predictions")
        out.append((name, result, _status_of(result)))
    return out


def _named(result: list[dict[str, Any]]) -> str:
    for res in result:
        if res.get("from_name") == ANNOTATOR_NAME:
            value = _first(res.get("value") or {})
            return str(value).strip() if isinstance(value, str) else ""
    return ""


def _status_of(result: list[dict[str, Any]]) -> str:
    for res in result:
        if res.get("from_name") == ANNOTATION_STATUS:
            value = _first(res.get("value") or {})
            return str(value) if value in STATUSES else ""
    return ""


def _user(completed_by: Any, users: dict[str, str]) -> str:
    """An annotator for Label Studio's ``completed_by`` (id, e-mail or both)."""
    if isinstance(completed_by, dict):
        ident, email = completed_by.get("id"), completed_by.get("email")
    elif isinstance(completed_by, str) and "@" in completed_by:
        ident, email = None, completed_by
    else:
        ident, email = completed_by, None
    for key in (ident, email):
        if key not in (None, "") and str(key).lower() in users:
            return users[str(key).lower()]
    if email:
        return str(email)[:64]
    if ident not in (None, ""):
        return f"{DEFAULT_ANNOTATOR}-user-{ident}"
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


def _payload(result: list[dict[str, Any]], text: _Text, digest: str, annotator: str
             ) -> dict[str, Any]:
    spans: dict[str, dict[str, Any]] = {}
    claim_regions: set[str] = set()
    extras: dict[str, list[dict[str, Any]]] = {}
    relations: list[dict[str, Any]] = []
    values: dict[str, Any] = {}
    for res in result:
        value = res.get("value") or {}
        if res.get("type") == "relation":
            relations.append(res)
        elif res.get("type") in ("labels", "hypertextlabels") and "start" in value:
            if (value.get("labels") or value.get("hypertextlabels")) == [CLAIM_LABEL]:
                claim_regions.add(str(res["id"]))
            else:
                spans[str(res["id"])] = _span(res, value, text, digest, annotator)
        elif "start" in value:
            extras.setdefault(str(res.get("id")), []).append(res)
        elif res.get("from_name") and res["from_name"] not in RESERVED:
            values[str(res["from_name"])] = _first(value)
    fields = _apply_extras(spans, extras)
    claims = [_claim(rid, extras.get(rid, []), relations, spans, digest, annotator)
              for rid in sorted(claim_regions)]
    claims += _old_claims(spans, fields, relations, digest, annotator)
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


def _uid(rid: str, digest: str, annotator: str, kind: str = "") -> str:
    """A region's id as our uid; Label Studio's own short ids are made unique."""
    if len(rid) >= 16:
        return rid
    return hashlib.sha256(f"{digest}:{annotator}:{kind}{rid}".encode()).hexdigest()[:32]


def _span(res: dict[str, Any], value: dict[str, Any], text: _Text, digest: str,
          annotator: str) -> dict[str, Any]:
    start, end = text.locate(int(value["start"]), int(value["end"]), value.get("text"))
    labels = value.get("labels") or value.get("hypertextlabels") or []
    if len(labels) != 1:
        raise ValueError(f"region {res['id']} needs exactly one label, has {labels}")
    return {"uid": _uid(str(res["id"]), digest, annotator), "layer": labels[0],
            "start": start, "end": end, "text": text.text[start:end]}


def _apply_extras(spans: dict[str, dict[str, Any]], extras: dict[str, list[dict[str, Any]]]
                  ) -> dict[str, dict[str, Any]]:
    """Actor and attributes onto their regions; returns claim fields found on span
    regions (files of earlier versions) by region."""
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


def _claim(rid: str, results: list[dict[str, Any]], relations: list[dict[str, Any]],
           spans: dict[str, dict[str, Any]], digest: str, annotator: str) -> dict[str, Any]:
    """A claim from its CLAIM region: per-region fields and roles, relations to spans."""
    claim: dict[str, Any] = {"uid": _uid(rid, digest, annotator, "claim:")}
    for res in results:
        name, value = str(res.get("from_name")), _first(res.get("value") or {})
        if name.startswith("claim_"):
            field = name.removeprefix("claim_")
            claim[field] = int(value) if field == "position" else value
    demand: list[str] = []
    for rel in relations:
        target = str(rel.get("to_id"))
        if str(rel.get("from_id")) != rid or target not in spans:
            continue
        for label in rel.get("labels") or []:
            if label == "Demand":
                demand.append(spans[target]["uid"])
            elif label in ("Date", "Source"):
                claim[f"{label.lower()}_span"] = spans[target]["uid"]
            elif label in _ROLES and _ROLES[label] not in claim and spans[target].get("actor"):
                claim[_ROLES[label]] = spans[target]["actor"]
    claim["demand_spans"] = demand
    return claim


def _old_claims(spans: dict[str, dict[str, Any]], fields: dict[str, dict[str, Any]],
                relations: list[dict[str, Any]], digest: str, annotator: str
                ) -> list[dict[str, Any]]:
    """Claims anchored on their demand region, as files of earlier versions wrote them."""
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
