"""The native record codec: model objects to native JSONL records and back.

A native file (docs/native-format.md) is a header line, one line per registry
actor and one line per document; a document line holds, per annotator, an
entry with spans, claims, document values and a status. Records name actors
by ``key`` and spans by ``uid``, never by the integer ids of one project file.

Writing (:func:`actor_record`, :func:`document_record`, :func:`line`, ...) is
what every native writer uses, so the exporters and team packages produce the
same bytes. Reading (:func:`read_entry`, :class:`Decoder`) checks each record's
JSON shape here and its content through :mod:`annotator.core.project.rules`,
and raises :class:`~annotator.core.errors.RecordError` for anything that does
not fit; the importer and the package merge decide what to do with the result.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol, TextIO

from annotator.core import limits as bounds
from annotator.core.codebook import Codebook
from annotator.core.errors import RecordError, ValidationError
from annotator.core.events.records import ROLES, Event
from annotator.core.models import (
    CLAIM_TEXT_FIELDS,
    Actor,
    ActorId,
    Alias,
    Claim,
    ClaimId,
    DocId,
    Document,
    Span,
    SpanId,
    Status,
)
from annotator.core.project import rules

FORMAT = "annotator-native"
FORMAT_VERSION = 1

DOCUMENT_FIELDS = ("sha256", "text", "title", "outlet", "url", "byline", "language",
                   "published", "claim", "metadata", "source_file")
"""The document attributes a document record carries (besides its annotations and its
``boilerplate``: a list of ``[start, end]`` code-point ranges into ``text``)."""


def boilerplate_ranges(value: Any, text: str) -> tuple[tuple[int, int], ...]:
    """The ``boilerplate`` of a document record, checked against its text."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ValueError("'boilerplate' must be a list of [start, end] ranges")
    out = []
    for item in value:
        if (not isinstance(item, list) or len(item) != 2
                or not all(isinstance(x, int) and not isinstance(x, bool) for x in item)
                or not 0 <= item[0] < item[1] <= len(text)):
            raise ValueError(f"boilerplate range {item!r} is not [start, end] inside the text "
                             f"(0..{len(text)})")
        out.append((item[0], item[1]))
    return tuple(sorted(out))

_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
_BIGGEST_INT = 2**62  # SQLite integers are 64-bit; larger numbers in a record are forged


def line(record: dict[str, Any]) -> str:
    """One record as one line of a native file: compact JSON, sorted keys, text unescaped."""
    return _ENCODE(record) + "\n"


def write_file(handle: TextIO, header: dict[str, Any], actors: Iterable[Actor],
               documents: Iterable[dict[str, Any]],
               events: Iterable[dict[str, Any]] = ()) -> int:
    """A native file: the header, the actors in key order, the document records, then
    the event records; returns how many documents were written."""
    handle.write(line(header))
    for actor in sorted(actors, key=lambda a: a.key):
        handle.write(line(actor_record(actor)))
    count = 0
    for record in documents:
        handle.write(line(record))
        count += 1
    for record in events:
        handle.write(line(record))
    return count


def timestamp() -> str:
    """The ``exported_at`` of a header: now, UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


# ------------------------------------------------------------------ writing


class Layer(Protocol):
    """One annotator's annotations of one document, as a document record writes them."""

    @property
    def annotator(self) -> str: ...

    @property
    def status(self) -> Status: ...

    @property
    def spans(self) -> Sequence[Span]: ...

    @property
    def claims(self) -> Sequence[Claim]: ...

    @property
    def values(self) -> dict[str, Any]: ...

    @property
    def provenance(self) -> dict[str, Any]: ...


def header_record(book: Codebook, annotators: Sequence[str], documents: int, actors: int,
                  *, with_tool_version: bool = True) -> dict[str, Any]:
    """The first line of a native file."""
    header: dict[str, Any] = {
        "type": "header", "format": FORMAT, "format_version": FORMAT_VERSION,
        "codebook": {"name": book.name, "version": book.version},
        "annotators": list(annotators), "documents": documents, "actors": actors,
    }
    if with_tool_version:
        from annotator import __version__

        header["tool_version"] = __version__
    return header


def actor_record(actor: Actor) -> dict[str, Any]:
    return {
        "type": "actor", "key": actor.key, "canonical_name": actor.canonical_name,
        "aliases": [{"alias": a.alias, "lang": a.lang} for a in actor.aliases],
        "qid": actor.qid, "country": actor.country, "sector": actor.sector,
        "actor_type": actor.actor_type, "title": actor.title,
    }


def span_record(span: Span, keys: Mapping[ActorId, str]) -> dict[str, Any]:
    """A span; ``keys`` maps actor ids to registry keys."""
    out: dict[str, Any] = {"uid": span.uid, "layer": span.layer, "start": span.start,
                           "end": span.end, "text": span.text}
    if span.actor_id is not None:
        out["actor"] = keys[span.actor_id]
    if span.attributes:
        out["attributes"] = span.attributes
    if span.provenance:
        out["provenance"] = span.provenance
    return out


def claim_record(claim: Claim, keys: Mapping[ActorId, str], uids: Mapping[SpanId, str]
                 ) -> dict[str, Any]:
    """A claim; ``keys`` maps actor ids to registry keys, ``uids`` span ids to span uids."""
    out: dict[str, Any] = {"uid": claim.uid, "event_type": claim.event_type}
    for name, actor_id in (("claimant", claim.claimant_id), ("addressee", claim.addressee_id),
                           ("object", claim.object_id)):
        if actor_id is not None:
            out[name] = keys[actor_id]
    if claim.demand_span_ids:
        out["demand_spans"] = [uids[s] for s in claim.demand_span_ids]
    for name, span_id in (("date_span", claim.date_span_id),
                          ("source_span", claim.source_span_id)):
        if span_id is not None:
            out[name] = uids[span_id]
    if claim.position is not None:
        out["position"] = claim.position
    for name in CLAIM_TEXT_FIELDS:
        value = getattr(claim, name)
        if value:
            out[name] = value
    if claim.provenance:
        out["provenance"] = claim.provenance
    return out


def is_blank(layer: Layer) -> bool:
    """Nothing to write: no annotations and not started (such entries are left out)."""
    return not (layer.spans or layer.claims or layer.values
                or layer.status is not Status.NOT_STARTED)


def entry_record(layer: Layer, keys: Mapping[ActorId, str], uids: Mapping[SpanId, str]
                 ) -> dict[str, Any]:
    """One annotator's entry of a document record; claims in uid order."""
    entry: dict[str, Any] = {"status": layer.status.value}
    if layer.spans:
        entry["spans"] = [span_record(s, keys) for s in layer.spans]
    if layer.claims:
        entry["claims"] = [claim_record(c, keys, uids)
                           for c in sorted(layer.claims, key=lambda c: c.uid)]
    if layer.values:
        entry["values"] = layer.values
        if layer.provenance:
            entry["provenance"] = layer.provenance
    return entry


def document_record(doc: Document, layers: Iterable[Layer], keys: Mapping[ActorId, str]
                    ) -> dict[str, Any]:
    """A document with the entries of every layer that is not blank."""
    record: dict[str, Any] = {"type": "document"}
    for name in DOCUMENT_FIELDS:
        record[name] = getattr(doc, name)
    if doc.boilerplate:  # absent when none, so older exports stay byte-identical
        record["boilerplate"] = [[start, end] for start, end in doc.boilerplate]
    shown = [layer for layer in layers if not is_blank(layer)]
    uids = {s.id: s.uid for layer in shown for s in layer.spans}
    if shown:
        record["annotations"] = {layer.annotator: entry_record(layer, keys, uids)
                                 for layer in shown}
    return record


EVENT_TEXT_FIELDS = ("label", "event_type", "place", "note")
"""The fields of an event record a person wrote."""
EVENT_DATE_FIELDS = ("earliest", "latest")
"""The date range an event record carries (ISO dates or '')."""


def event_record(event: Event, claims: Mapping[ClaimId, str], keys: Mapping[ActorId, str],
                 *, updated_at: str = "") -> dict[str, Any]:
    """An event with its links by claim uid; ``claims`` maps the ids of the claims the
    record may name to their uids (links to other claims are left out), ``keys`` actor ids
    to registry keys."""
    record: dict[str, Any] = {"type": "event", "uid": event.uid, "created_by": event.created_by}
    for name in (*EVENT_TEXT_FIELDS, *EVENT_DATE_FIELDS):
        record[name] = getattr(event, name)
    record["participants"] = sorted(
        ({"actor": keys[p.actor_id], "role": p.role} for p in event.participants),
        key=lambda p: (p["role"], p["actor"]))
    record["links"] = sorted(({"claim": claims[k.claim_id], "linked_by": k.linked_by}
                              for k in event.links if k.claim_id in claims),
                             key=lambda k: k["claim"])
    if updated_at:
        record["updated_at"] = updated_at
    return record


# ------------------------------------------------------------------ reading


class RecordStore(rules.Records, rules.ActorKeys, Protocol):
    """What decoding reads from the project (the repository): actors by key, spans by uid."""

    def span_id_by_uid(self, uid: str) -> SpanId | None: ...


@dataclass(frozen=True, slots=True)
class Entry:
    """One annotator's entry of a document record, its JSON shape checked."""

    spans: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    values: dict[str, Any]
    provenance: dict[str, Any]
    status: Status | None

    def value_provenance(self, field: str) -> dict[str, Any]:
        """Where document value ``field`` came from ({} when the entry does not say)."""
        found = self.provenance.get(field) or {}
        if not isinstance(found, dict):
            raise RecordError(f"the provenance of {field} must be an object")
        return dict(found)


def read_entry(payload: Any, annotator: str) -> Entry:
    """``annotator``'s entry of a document record, refused unless it has the native shape."""
    where = f"annotations of {annotator!r}"
    if not isinstance(payload, dict):
        raise RecordError(f"{where} must be an object")
    for key in ("spans", "claims"):
        items = payload.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise RecordError(f"{where}: '{key}' must be a list of objects")
    for key in ("values", "provenance"):
        if not isinstance(payload.get(key) or {}, dict):
            raise RecordError(f"{where}: '{key}' must be an object")
    spans, claims = payload.get("spans", []), payload.get("claims", [])
    uids = [str(i.get("uid")) for i in spans]
    if len(uids) != len(set(uids)):
        raise RecordError(f"{where}: a span uid appears twice")
    for item in spans + claims:
        _check_item_types(item, where)
    return Entry(spans, claims, dict(payload.get("values") or {}),
                 dict(payload.get("provenance") or {}), _status(payload.get("status"), where))


def _check_item_types(item: dict[str, Any], where: str) -> None:
    for key, value in item.items():
        if key in ("attributes", "provenance"):
            if not isinstance(value, dict):
                raise RecordError(f"{where}: '{key}' must be an object")
        elif isinstance(value, dict | float) or (isinstance(value, int)
                                                   and abs(value) > _BIGGEST_INT):
            raise RecordError(f"{where}: {key!r} has a value of the wrong type")


def _status(value: Any, where: str) -> Status | None:
    if not value:
        return None
    try:
        return Status(value)
    except (ValueError, TypeError):
        raise RecordError(f"{where}: unknown status {value!r} (one of "
                          f"{', '.join(s.value for s in Status)})") from None


def record_uid(item: Mapping[str, Any], kind: str) -> str:
    """The ``uid`` of a span or claim record (every one must have one)."""
    uid = str(item.get("uid") or "")
    if not uid:
        raise RecordError(f"a {kind} has no uid")
    return uid


def span_uid(item: Mapping[str, Any], text: str) -> str:
    """The uid of a span record whose offsets fit ``text``: what holds before any lookup."""
    uid = record_uid(item, "span")
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        raise RecordError(f"span {uid} has offsets {start!r}-{end!r}, not whole numbers")
    if not rules.offsets_fit(start, end, text):
        raise RecordError(f"span {uid} has offsets {start}-{end} outside the text "
                          f"(length {len(text)}) or empty")
    return uid


def actor_from_record(item: Mapping[str, Any]) -> Actor:
    """A registry actor from its record; ``id`` (0 when absent) is the id it had."""
    key, name = item.get("key"), item.get("canonical_name")
    if not key or not name:
        raise RecordError("an actor needs key and canonical_name")
    items = item.get("aliases", [])
    if not isinstance(items, list) or not all(isinstance(a, dict) for a in items):
        raise RecordError(f"actor {key}: 'aliases' must be a list of objects")
    aliases = tuple(Alias(str(a.get("alias", "")), str(a.get("lang", "*")))
                    for a in items if a.get("alias"))
    fields = {k: str(item.get(k) or "") for k in rules.ACTOR_FIELDS}
    return Actor(ActorId(int(item.get("id") or 0)), str(key), str(name), aliases, **fields)


@dataclass(frozen=True, slots=True)
class Decoder:
    """Turns the records of one project's documents into model objects, checked."""

    codebook: Codebook
    store: RecordStore

    def span(self, item: Mapping[str, Any], doc_id: DocId, annotator: str, text: str
             ) -> Span:
        """A new span (id 0) of ``annotator`` on the document with ``text``."""
        uid = span_uid(item, text)
        start, end, layer = int(item["start"]), int(item["end"]), item.get("layer")
        try:
            rules.check_layer(self.codebook, layer)
            rules.check_attributes(self.codebook, str(layer), item.get("attributes") or {})
        except ValidationError as exc:
            raise RecordError(f"span {uid}: {exc}") from None
        covered = text[start:end]
        if "text" in item and item["text"] != covered:
            raise RecordError(f"span {uid} text {item['text']!r} does not match the document "
                              f"({covered!r})")
        return Span(SpanId(0), uid, doc_id, annotator, str(layer), start, end, covered,
                    self.actor(item.get("actor")), dict(item.get("attributes") or {}),
                    dict(item.get("provenance") or {}))

    def claim(self, item: Mapping[str, Any], doc_id: DocId, annotator: str) -> Claim:
        """A new claim (id 0) of ``annotator``; the spans it names must be in the project."""
        uid = record_uid(item, "claim")
        demand = item.get("demand_spans", [])
        if not isinstance(demand, list):
            raise RecordError(f"claim {uid}: 'demand_spans' must be a list")
        claim = Claim(
            ClaimId(0), uid, doc_id, annotator,
            claimant_id=self.actor(item.get("claimant")),
            addressee_id=self.actor(item.get("addressee")),
            object_id=self.actor(item.get("object")),
            demand_span_ids=tuple(s for s in (self._span_ref(uid, r) for r in demand)
                                  if s is not None),
            event_type=item.get("event_type") or "REQUEST",
            position=item.get("position"),
            date_span_id=self._span_ref(uid, item.get("date_span")),
            source_span_id=self._span_ref(uid, item.get("source_span")),
            provenance=dict(item.get("provenance") or {}),
            **{name: _text(item, name, uid) for name in CLAIM_TEXT_FIELDS},
        )
        try:
            rules.check_claim(claim, self.codebook, self.store)
        except ValidationError as exc:
            raise RecordError(f"claim {uid}: {exc}") from None
        return claim

    def value(self, field: str, value: Any) -> Any:
        """``value`` for document field ``field``, once it is text of the right vocabulary."""
        if not isinstance(value, str | int | bool) and value is not None:
            raise RecordError(f"{field} must be text")
        try:
            rules.check_value(self.codebook, field, value)
        except ValidationError as exc:
            raise RecordError(str(exc)) from None
        return value

    def actor(self, key: Any) -> ActorId | None:
        """The id of the registry actor a record names by key (None when it names none)."""
        if key in (None, ""):
            return None
        actor = self.store.actor_by_key(str(key))
        if actor is None:
            raise RecordError(f"unknown actor {key!r} (not in the registry or the file)")
        return actor.id

    def _span_ref(self, claim_uid: str, ref: Any) -> SpanId | None:
        if ref in (None, ""):
            return None
        found = self.store.span_id_by_uid(str(ref))
        if found is None:
            raise RecordError(f"claim {claim_uid} points to unknown span {ref!r}")
        return found


@dataclass(frozen=True, slots=True)
class EventEntry:
    """An event record, its shape checked: links and participants still by uid and key."""

    uid: str
    created_by: str
    fields: dict[str, str]
    """label, event_type, place and note."""
    dates: tuple[str, str]
    """earliest, latest as recorded ('' when none)."""
    links: tuple[tuple[str, str], ...]
    """(claim uid, linked by), in the record's order."""
    participants: tuple[tuple[str, str], ...] | None
    """(actor key, role); None when the record has none (then they follow the links)."""
    updated_at: str = ""


def read_event(item: Mapping[str, Any]) -> EventEntry:
    """An event record, refused (:class:`RecordError`) unless every field has the native
    type and fits :mod:`annotator.core.limits`."""
    uid = _event_name(item, "uid", "an event")
    where = f"event {uid}"
    created_by = _event_name(item, "created_by", where)
    fields = {name: _event_text(item, name, where) for name in EVENT_TEXT_FIELDS}
    dates = tuple(_event_date(item, name, where) for name in EVENT_DATE_FIELDS)
    links = item.get("links", [])
    if not isinstance(links, list) or not all(isinstance(k, dict) for k in links):
        raise RecordError(f"{where}: 'links' must be a list of objects")
    if len(links) > bounds.MAX_EVENT_LINKS:
        raise RecordError(f"{where} has {len(links):,} links, more than the limit of "
                          f"{bounds.MAX_EVENT_LINKS:,}")
    pairs = tuple((_event_name(k, "claim", f"a link of {where}"),
                   _event_name(k, "linked_by", f"a link of {where}")) for k in links)
    if len({claim for claim, _ in pairs}) != len(pairs):
        raise RecordError(f"{where} links the same claim twice")
    participants: tuple[tuple[str, str], ...] | None = None
    if "participants" in item:
        found = item["participants"]
        if not isinstance(found, list) or not all(isinstance(p, dict) for p in found) \
                or len(found) > 3 * bounds.MAX_EVENT_LINKS:
            raise RecordError(f"{where}: 'participants' must be a list of objects")
        participants = tuple((_event_name(p, "actor", where), _event_role(p, where))
                             for p in found)
    updated_at = _event_name(item, "updated_at", where) if item.get("updated_at") else ""
    return EventEntry(uid, created_by, fields, (dates[0], dates[1]), pairs, participants,
                      updated_at)


def _event_name(item: Mapping[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RecordError(f"{where}: '{key}' must be non-empty text")
    if len(value) > bounds.MAX_EVENT_NAME_CHARS:
        raise RecordError(f"{where}: '{key}' is longer than {bounds.MAX_EVENT_NAME_CHARS} "
                          "characters")
    return value


def _event_text(item: Mapping[str, Any], key: str, where: str) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        raise RecordError(f"{where}: '{key}' must be text")
    if len(value) > bounds.MAX_EVENT_TEXT_CHARS:
        raise RecordError(f"{where}: '{key}' is longer than {bounds.MAX_EVENT_TEXT_CHARS:,} "
                          "characters")
    return value


def _event_date(item: Mapping[str, Any], key: str, where: str) -> str:
    value = item.get(key, "")
    if value == "":
        return ""
    try:
        return date.fromisoformat(value).isoformat() if isinstance(value, str) and \
            len(value) == 10 else _bad_date(where, key, value)
    except ValueError:
        return _bad_date(where, key, value)


def _bad_date(where: str, key: str, value: Any) -> str:
    raise RecordError(f"{where}: '{key}' must be an ISO date (YYYY-MM-DD) or empty, "
                      f"not {str(value)[:40]!r}")


def _event_role(item: Mapping[str, Any], where: str) -> str:
    role = item.get("role")
    if role not in ROLES:
        raise RecordError(f"{where}: a participant's role must be one of {', '.join(ROLES)}")
    return str(role)


def _text(item: Mapping[str, Any], name: str, uid: str) -> str:
    """A claim's text field: absent or empty is '', a whole number is written out."""
    value = item.get(name)
    if not value:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise RecordError(f"claim {uid}: {name} must be text")
