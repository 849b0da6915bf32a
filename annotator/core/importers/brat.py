"""brat standoff import: a ``.ann`` file with its ``.txt`` becomes a document with annotations.

Reads what :mod:`annotator.core.exporters.brat` writes, and plain brat
corpora: ``T`` lines become spans (fragments are joined: the span runs from
the first fragment's start to the last one's end), ``A`` lines and
``name: value`` AnnotatorNotes become attributes, ``N`` lines
``Registry:key`` (or ``Wikidata:QID``) the actor link, and ``E`` lines whose
trigger is a demand span become claims. When the folder has our
``documents.jsonl`` (metadata, annotator, uids) and the export root our
``actors.jsonl``, the round trip is exact; otherwise annotations belong to the
annotator "brat" and actors are made from the names on the N lines.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.core.errors import FileRejected
from annotator.core.importers import ImportOptions, ParsedFile, Record, read_bytes, read_text
from annotator.core.limits import loads_json
from annotator.core.models import NewDocument
from annotator.core.text import clean_text, detect_language, sha256

DEFAULT_ANNOTATOR = "brat"
EVENT = "Claim"
"""The event type of claims in our export; its trigger T lines are no spans."""
SPAN_PREFIX = "span_"
_ROLE_FIELDS = {"Claimant": "claimant", "Addressee": "addressee", "Object": "object"}
_NOTE = re.compile(r"^(\w+): (.*)$", re.DOTALL)


def unescape_note(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), text)


SIDECARS = ("documents.jsonl", "actors.jsonl", "manifest.json", "codebook.json")


def is_brat_text(path: Path) -> bool:
    """A ``.txt`` that is the text half of a brat pair (import its ``.ann`` instead)."""
    return path.suffix.lower() == ".txt" and path.with_suffix(".ann").exists()


def is_companion(path: Path) -> bool:
    """A file a folder import must skip: the .txt of a pair, or a sidecar of our brat export."""
    if is_brat_text(path):
        return True
    return path.name in SIDECARS and any(
        (folder / "annotation.conf").exists() for folder in (path.parent, path.parent.parent))


@dataclass(slots=True)
class _Ann:
    """The parsed lines of one .ann file."""

    spans: dict[str, dict[str, Any]] = field(default_factory=dict)
    attributes: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    refs: dict[str, dict[str, str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    events: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def parse_ann(text: str, length: int) -> _Ann:
    """Parse .ann text; raises ValueError naming the line for anything malformed."""
    ann = _Ann()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            _parse_line(ann, line, length)
        except (ValueError, IndexError) as exc:
            raise ValueError(f"line {number}: {exc} ({line[:60]!r})") from None
    _lift_to_triggers(ann)
    return ann


def _lift_to_triggers(ann: _Ann) -> None:
    """Drop the ``Claim`` trigger T lines (no spans); for files whose events are
    triggered by a demand span instead, give that span back what was written on its
    first event (attributes not named ``claim_*``, ``span_NAME: value`` notes, ``N``
    lines), as brat lets only events refer to a trigger."""
    lifted: set[str] = set()
    for eid, args in ann.events.items():
        trigger = args[0][1] if args and len(args[0]) == 2 else ""
        if args and args[0][0] == EVENT:
            ann.spans.pop(trigger, None)  # a claim's own trigger, no span
            continue
        if trigger not in ann.spans or trigger in lifted:
            continue
        lifted.add(trigger)
        attributes = ann.attributes.get(eid, {})
        for name in [n for n in attributes if not n.startswith("claim_")]:
            ann.attributes.setdefault(trigger, {})[name] = attributes.pop(name)
        notes = ann.notes.get(eid, [])
        for note in [n for n in notes if n.startswith(SPAN_PREFIX)]:
            notes.remove(note)
            ann.notes.setdefault(trigger, []).append(note.removeprefix(SPAN_PREFIX))
        if eid in ann.refs:
            ann.refs.setdefault(trigger, {}).update(ann.refs.pop(eid))
            if eid in ann.names:
                ann.names[trigger] = ann.names.pop(eid)


def _parse_line(ann: _Ann, line: str, length: int) -> None:
    ident, _, rest = line.partition("\t")
    kind = ident[:1]
    body, _, tail = rest.partition("\t")
    if kind == "T":
        layer, _, offsets = body.partition(" ")
        pairs = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
        start, end = min(p[0] for p in pairs), max(p[1] for p in pairs)
        if not 0 <= start < end <= length:
            raise ValueError(f"offsets {start}-{end} outside the text (length {length})")
        ann.spans[ident] = {"layer": layer, "start": start, "end": end}
    elif kind in ("A", "M"):
        parts = body.split()
        ann.attributes.setdefault(parts[1], {})[parts[0]] = parts[2] if len(parts) > 2 else True
    elif kind == "#":
        target = body.split()[1]
        ann.notes.setdefault(target, []).append(unescape_note(tail))
    elif kind == "N":
        _, target, ref = body.split()
        db, _, key = ref.partition(":")
        ann.refs.setdefault(target, {})[db] = key
        if tail:
            ann.names[target] = unescape_note(tail)
    elif kind == "E":
        ann.events[ident] = [tuple(arg.split(":", 1)) for arg in body.split()]  # type: ignore[misc]
    elif kind not in ("R", "*"):
        raise ValueError(f"unknown annotation kind {ident!r}")


# ------------------------------------------------------------------- sidecars


@lru_cache(maxsize=32)
def _sidecar(folder: str, mtime: float) -> dict[str, dict[str, Any]]:
    entries = _json_lines(Path(folder) / "documents.jsonl")
    return {str(e["file"]): e for e in entries if isinstance(e, dict)}


def _json_lines(path: Path) -> list[Any]:
    """The records of one of our JSON Lines sidecars (a regular file, bounded nesting)."""
    try:
        lines = read_bytes(path).decode("utf-8").splitlines()
        return [loads_json(line) for line in lines if line.strip()]
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FileRejected(f"{path.name} is not valid JSON Lines ({exc})") from None


def sidecar_entry(path: Path) -> dict[str, Any]:
    side = path.parent / "documents.jsonl"
    if not side.exists():
        return {}
    return _sidecar(str(path.parent), side.stat().st_mtime).get(path.stem, {})


def registry(path: Path) -> list[dict[str, Any]]:
    """Actor records from ``actors.jsonl`` in the folder or the one above it."""
    for folder in (path.parent, path.parent.parent):
        candidate = folder / "actors.jsonl"
        if candidate.exists():
            return [item for item in _json_lines(candidate) if isinstance(item, dict)]
    return []


# ---------------------------------------------------------------------- read


def read(path: Path, options: ImportOptions) -> ParsedFile:
    """Parse ``NAME.ann`` and ``NAME.txt`` (a ``.txt`` path of a pair works too)."""
    path = path.with_suffix(".ann")
    text = _text(path.with_suffix(".txt"))
    try:
        ann = parse_ann(read_bytes(path).decode("utf-8"), len(text))
    except UnicodeDecodeError:
        raise FileRejected(f"{path.name} is not UTF-8 text") from None
    except ValueError as exc:
        raise FileRejected(f"{path.name}: {exc}") from None
    entry = sidecar_entry(path)
    doc = _document(text, path, entry, options)
    actors = _actors(path, ann)
    known = {a["key"] for a in actors}
    annotator = str(entry.get("annotator") or DEFAULT_ANNOTATOR)
    digest = sha256(text)
    uids = _Uids(dict(entry.get("ids") or {}), digest, annotator)
    spans = [_span(ann, tid, text, uids) for tid in ann.spans]
    layer_of = {s["uid"]: s["layer"] for s in spans}
    claims = [_claim(ann, eid, args, uids, layer_of) for eid, args in ann.events.items()]
    claims += list(entry.get("claims") or [])
    unknown = {s["actor"] for s in spans if s.get("actor")} - known
    if unknown:
        raise FileRejected(f"{path.name}: N lines point to unknown registry keys "
                           f"{', '.join(sorted(unknown))}")
    payload: dict[str, Any] = {"spans": spans}
    if claims:
        payload["claims"] = claims
    if entry.get("values"):
        payload["values"] = entry["values"]
    if entry.get("status"):
        payload["status"] = entry["status"]
    record = Record(doc, {annotator: payload}, digest, 1)
    return ParsedFile(str(path), [record], actors, header={"format": "brat"})


def _text(path: Path) -> str:
    if not path.exists():
        raise FileRejected(f"{path.name} is missing: a .ann needs its .txt beside it")
    raw = read_text(path)
    cleaned = clean_text(raw)
    if raw != cleaned and raw.rstrip("\n") != cleaned:
        raise FileRejected(f"{path.name} is not stored text (NFC, LF line ends, no trailing "
                           "spaces); its offsets would shift if it were cleaned")
    return cleaned


def _document(text: str, path: Path, entry: dict[str, Any], options: ImportOptions
              ) -> NewDocument:
    if entry and entry.get("sha256") not in (None, sha256(text)):
        raise FileRejected(f"{path.name}: the .txt does not match its sha256 in documents.jsonl")
    meta: dict[str, Any] = {k: str(entry.get(k) or "") for k in
            ("title", "outlet", "url", "byline", "published", "claim")}
    if not meta["title"]:
        meta["title"] = next((line.strip() for line in text.split("\n") if line.strip()),
                             "")[:300]
    language = options.language or str(entry.get("language") or "") or detect_language(text)
    return NewDocument(text=text, language=language, metadata=dict(entry.get("metadata") or {}),
                       source_file=str(entry.get("source_file") or path.with_suffix(".txt").name),
                       **meta)


def _resolve_keys(ann: _Ann, actors: dict[str, dict[str, Any]]) -> None:
    """``Registry:`` ids back to registry keys (the export writes ``-`` as ``_``).

    An id names the registry actor whose key it is, else the one whose key reads
    as that id with ``-`` for ``_``; an id no registry knows becomes a key with
    ``_`` read as ``-`` (keys are slugs of ``a-z0-9-``)."""
    by_ref: dict[str, str] = {}
    for key in actors:
        by_ref.setdefault(re.sub(r"\W", "_", key, flags=re.ASCII), key)
    for refs in ann.refs.values():
        ref = refs.get("Registry")
        if ref and ref not in actors:
            refs["Registry"] = by_ref.get(ref, ref.replace("_", "-"))


def _actors(path: Path, ann: _Ann) -> list[dict[str, Any]]:
    actors = {str(a["key"]): a for a in registry(path)}
    _resolve_keys(ann, actors)
    for target, refs in ann.refs.items():
        key = refs.get("Registry") or (f"wikidata-{refs['Wikidata'].lower()}"
                                       if "Wikidata" in refs else "")
        if key and key not in actors:
            actors[key] = {"type": "actor", "key": key,
                           "canonical_name": ann.names.get(target) or key,
                           "qid": refs.get("Wikidata", "")}
    return list(actors.values())


@dataclass(frozen=True, slots=True)
class _Uids:
    """Uids for one file's records: the sidecar's when it has one, else a stable hash."""

    ids: dict[str, str]
    """brat id -> uid, from documents.jsonl."""
    digest: str
    annotator: str

    def of(self, ident: str, *parts: object) -> str:
        if ident in self.ids:
            return self.ids[ident]
        key = ":".join(str(p) for p in (self.digest, self.annotator, *parts))
        return hashlib.sha256(key.encode()).hexdigest()[:32]


def _actor_key(refs: dict[str, str]) -> str:
    if "Registry" in refs:
        return refs["Registry"]
    return f"wikidata-{refs['Wikidata'].lower()}" if "Wikidata" in refs else ""


def _span(ann: _Ann, tid: str, text: str, uids: _Uids) -> dict[str, Any]:
    item = ann.spans[tid]
    uid = uids.of(tid, item["layer"], item["start"], item["end"])
    span: dict[str, Any] = {"uid": uid, **item, "text": text[item["start"]:item["end"]]}
    attributes = dict(ann.attributes.get(tid, {}))
    for note in ann.notes.get(tid, []):
        match = _NOTE.match(note)
        if match:
            attributes[match[1]] = match[2]
        else:
            attributes["note"] = "\n".join(filter(None, [attributes.get("note"), note]))
    if attributes:
        span["attributes"] = attributes
    key = _actor_key(ann.refs.get(tid, {}))
    if key:
        span["actor"] = key
    return span


def _claim(ann: _Ann, eid: str, args: list[tuple[str, str]], uids: _Uids,
           layer_of: dict[str, str]) -> dict[str, Any]:
    span_uid = {tid: uids.of(tid, s["layer"], s["start"], s["end"])
                for tid, s in ann.spans.items()}
    claim: dict[str, Any] = {"uid": uids.of(eid, eid, *args[0])}
    demand = [] if args[0][0] == EVENT else [span_uid[args[0][1]]]
    for role, target in args[1:]:
        base = role.rstrip("0123456789")
        if base in _ROLE_FIELDS:
            key = _actor_key(ann.refs.get(target, {}))
            if key:
                claim[_ROLE_FIELDS[base]] = key
        elif base == "Demand":
            demand.append(span_uid[target])
        elif base in ("Date", "Source"):
            claim[f"{base.lower()}_span"] = span_uid[target]
    claim["demand_spans"] = [u for u in demand if layer_of.get(u)]
    for name, value in ann.attributes.get(eid, {}).items():
        if name.startswith("claim_"):
            field_name = name.removeprefix("claim_")
            claim[field_name] = int(value) if field_name == "position" else value
    for note in ann.notes.get(eid, []):
        match = _NOTE.match(note)
        if match and match[1] in _ROLE_FIELDS.values():
            claim[match[1]] = match[2].removeprefix("Registry:")
        elif match:
            claim[match[1]] = match[2]
    return claim

