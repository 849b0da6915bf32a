"""The validation rules every way into a project applies: edits, imports and package merges.

Each rule is a plain function of the codebook, the document text and, where a
record points elsewhere, a small read protocol the repository satisfies; none
knows about :class:`~annotator.core.project.Project` or Qt. A broken rule raises
:class:`~annotator.core.errors.ValidationError` with a message for the person at
the keyboard; callers that read files add where the record came from.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from annotator.core.codebook import Attribute, Codebook
from annotator.core.errors import ValidationError
from annotator.core.models import (
    CLAIM_FIELDS,
    CLAIM_TEXT_FIELDS,
    GOLD,
    Actor,
    ActorId,
    Alias,
    AnnotatorId,
    Claim,
    Span,
    SpanId,
)
from annotator.core.timex import MODS, Precision, parse_value

ANNOTATOR_NAME = re.compile(r"^[\w .@'-]{1,64}$")
"""What an annotator may be called: it ends up in file names and package manifests."""

ACTOR_FIELDS = ("qid", "country", "sector", "actor_type", "title")
"""The optional text fields of a registry actor."""

CLAIM_VOCABULARIES: Mapping[str, str] = {
    "event_type": "event_type", "factuality": "factuality", "form": "form",
    "source_reliability": "source_reliability", "info_credibility": "info_credibility",
    "date_mod": "date_mod",
}
"""Claim field -> the codebook vocabulary its value must come from (when the codebook has it)."""

_QID = re.compile(r"Q\d+")
_PRECISIONS = tuple(p.value for p in Precision)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class AnnotatorIds(Protocol):
    """Where annotator names become ids (the repository)."""

    def annotator_id(self, name: str, *, create: bool = True, kind: str = "human"
                     ) -> AnnotatorId: ...


class Records(Protocol):
    """The reads the rules need to check what a record points to (the repository).

    Both raise ``KeyError`` for an id that does not exist.
    """

    def actor(self, actor_id: ActorId) -> Actor: ...

    def span(self, span_id: SpanId) -> Span: ...


class ActorKeys(Protocol):
    """Registry lookup by key (the repository)."""

    def actor_by_key(self, key: str) -> Actor | None: ...


# ---------------------------------------------------------------- annotators


def check_annotator_name(name: str) -> str:
    """``name`` if it is a usable annotator name."""
    if not name or not ANNOTATOR_NAME.fullmatch(name):
        raise ValidationError(
            f"annotator name {name!r} must be 1-64 letters, digits, spaces or . @ ' -")
    return name


def annotator_id(store: AnnotatorIds, name: str) -> AnnotatorId:
    """The id of annotator ``name``, created on first use (``gold`` as the gold layer)."""
    check_annotator_name(name)
    return store.annotator_id(name, kind="gold" if name == GOLD else "human")


# --------------------------------------------------------------------- spans


def check_layer(book: Codebook, layer: Any) -> None:
    if layer not in book.layer_names():
        raise ValidationError(
            f"unknown layer {layer!r}; the codebook has {', '.join(book.layer_names())}")


def offsets_fit(start: int, end: int, text: str) -> bool:
    """Whether ``start``-``end`` selects at least one character of ``text``."""
    return 0 <= start < end <= len(text)


def check_offsets(start: int, end: int, text: str) -> None:
    if not offsets_fit(start, end, text):
        raise ValidationError(
            f"span {start}-{end} is outside the text (length {len(text)}) or empty")


def check_span(span: Span, text: str, book: Codebook, records: Records) -> str:
    """The text ``span`` covers, once its layer, offsets, attributes and actor are valid.

    The one span rule of every way in: edits, imports and package merges (through
    :class:`annotator.core.native.Decoder`), and ``check`` on what is stored.
    """
    check_layer(book, span.layer)
    check_offsets(span.start, span.end, text)
    check_attributes(book, span.layer, span.attributes)
    if span.actor_id is not None:
        records.actor(span.actor_id)  # raises KeyError for an unknown actor
    return text[span.start:span.end]


def check_attributes(book: Codebook, layer: str, attributes: Any) -> None:
    """Span attributes the codebook allows.

    A declared choice or ordinal attribute holds a code of its vocabulary, a
    boolean one ``true``/``false``, a date one a TIMEX3 value, a text one text;
    names are text without control characters. Undeclared attributes (notes an
    importer keeps, a suggester's evidence) may hold any value: exporters write
    them only as escaped notes.
    """
    if not isinstance(attributes, Mapping):
        raise ValidationError("span attributes must map names to values")
    declared = {attr.name: attr for attr in book.layer(layer).attributes}
    derived = _derived_codes(declared.values())
    for name, value in attributes.items():
        if not isinstance(name, str) or not name or _CONTROL.search(name):
            raise ValidationError(f"attribute name {name!r} must be text without control "
                                  "characters")
        attr = declared.get(name)
        if attr is not None and value not in (None, ""):
            _check_attribute_value(book, attr, value, derived.get(name, ()))


def _derived_codes(attributes: Iterable[Attribute]) -> dict[str, tuple[str, ...]]:
    """The precision and mod that go with a date attribute ``<prefix>value`` are derived
    from the TIMEX3 value (a datetime, a century), so they may also be any TIMEX3 code."""
    out: dict[str, tuple[str, ...]] = {}
    for attr in attributes:
        if attr.type == "date":
            prefix = attr.name.removesuffix("value") if attr.name.endswith("value") \
                else f"{attr.name}_"
            out[f"{prefix}precision"], out[f"{prefix}mod"] = _PRECISIONS, MODS
    return out


def _check_attribute_value(book: Codebook, attr: Attribute, value: Any,
                           derived: tuple[str, ...]) -> None:
    where = f"attribute {attr.name!r}"
    if attr.type in ("choice", "ordinal"):
        codes = book.vocabulary(attr.vocabulary).codes()
        if not isinstance(value, str) or (value not in codes and value not in derived):
            raise ValidationError(f"{where}: {value!r} is not one of {', '.join(codes)}")
    elif attr.type == "boolean" and not isinstance(value, bool):
        raise ValidationError(f"{where}: {value!r} is not true or false")
    elif attr.type == "date":
        if not isinstance(value, str) or _CONTROL.search(value):
            raise ValidationError(f"{where}: {value!r} is not a date value")
        check_date(value)
    elif attr.type == "text" and not isinstance(value, str):
        raise ValidationError(f"{where}: {value!r} is not text")


# -------------------------------------------------------------------- claims


def claim_with(claim: Claim, fields: Mapping[str, Any]) -> Claim:
    """``claim`` with ``fields`` changed; None clears a text field."""
    unknown = set(fields) - set(CLAIM_FIELDS) - {"provenance"}
    if unknown:
        raise ValidationError(f"claims have no field {', '.join(sorted(unknown))}")
    changed = dict(fields)
    if "demand_span_ids" in changed:
        changed["demand_span_ids"] = tuple(changed["demand_span_ids"] or ())
    for key in CLAIM_TEXT_FIELDS:
        if key in changed and changed[key] is None:
            changed[key] = ""
    return dataclasses.replace(claim, **changed)


def check_claim(claim: Claim, book: Codebook, records: Records) -> None:
    """Coded fields from the codebook, a valid position and date, and every actor and
    span it points to existing (the spans in the claim's own document)."""
    for field_name, vocab in CLAIM_VOCABULARIES.items():
        value = getattr(claim, field_name)
        if value and vocab in book.vocabularies and \
                value not in book.vocabulary(vocab).codes():
            raise ValidationError(
                f"{field_name} {value!r} is not one of "
                f"{', '.join(book.vocabulary(vocab).codes())}")
    if claim.position not in (None, -1, 0, 1):
        raise ValidationError("position must be -1, 0 or +1")
    for actor_id in (claim.claimant_id, claim.addressee_id, claim.object_id):
        if actor_id is not None:
            records.actor(actor_id)
    for span_id in (*claim.demand_span_ids, claim.date_span_id, claim.source_span_id):
        if span_id is None:
            continue
        span = records.span(span_id)
        if span.doc_id != claim.doc_id:
            raise ValidationError(f"span {span_id} belongs to another document")
        if span.annotator != claim.annotator:
            raise ValidationError(f"span {span_id} belongs to {span.annotator!r}, not "
                                  f"{claim.annotator!r}: a claim may only point at spans of "
                                  "its own annotator")
    if claim.date_value:
        check_date(claim.date_value, claim.date_mod)


def check_date(value: str, mod: str = "") -> None:
    """A TIMEX3-style date value (and modifier) the tool can read back."""
    try:
        parse_value(value, mod or None)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


# ------------------------------------------------------------ document values


def check_value(book: Codebook, field: str, value: Any) -> None:
    """A value for document field ``field``: a code of its vocabulary, or None/'' to clear."""
    try:
        attr = book.document_field(field)
    except KeyError as exc:
        raise ValidationError(str(exc).strip('"')) from None
    vocabulary = book.vocabularies.get(attr.vocabulary) if attr.vocabulary else None
    if vocabulary is not None and value not in (None, "") and \
            str(value) not in vocabulary.codes():
        raise ValidationError(f"{field} {value!r} is not one of {', '.join(vocabulary.codes())}")


# -------------------------------------------------------------------- actors


def canonical_name(name: str) -> str:
    """The actor's name as stored: stripped, and not empty."""
    if not name.strip():
        raise ValidationError("an actor needs a canonical name")
    return name.strip()


def aliases(items: Iterable[Alias | str | dict[str, str]]) -> tuple[Alias, ...]:
    """Aliases from strings, dicts or Alias values: stripped, empty and repeated ones dropped."""
    out: dict[tuple[str, str], Alias] = {}
    for item in items:
        if isinstance(item, str):
            alias = Alias(item.strip())
        elif isinstance(item, dict):
            alias = Alias(str(item.get("alias", "")).strip(), str(item.get("lang", "*")))
        else:
            alias = item
        if alias.alias:
            out.setdefault((alias.alias, alias.lang), alias)
    return tuple(out.values())


def actor_fields(fields: Mapping[str, Any]) -> dict[str, str]:
    """The optional actor fields as text; unknown names and malformed QIDs are refused."""
    unknown = set(fields) - set(ACTOR_FIELDS)
    if unknown:
        raise ValidationError(f"actors have no field {', '.join(sorted(unknown))}")
    qid = fields.get("qid", "")
    if qid and not _QID.fullmatch(qid):
        raise ValidationError(f"{qid!r} is not a Wikidata QID (Q followed by digits)")
    return {k: str(v or "") for k, v in fields.items()}


def unique_key(keys: ActorKeys, name: str) -> str:
    """A registry key from ``name`` (ASCII slug) that no actor has yet."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "actor"
    key, number = base, 2
    while keys.actor_by_key(key) is not None:
        key, number = f"{base}-{number}", number + 1
    return key


# ------------------------------------------------------------ stored records


def stored_span_problem(span: Span, text: str, book: Codebook, records: Records) -> str | None:
    """Why a span already in the project breaks :func:`check_span` (None when it keeps it)."""
    try:
        covered = check_span(span, text, book, records)
    except ValidationError as exc:
        return f"span {span.id} ({span.annotator}, document {span.doc_id}): {exc}"
    except KeyError:
        return f"span {span.id}: its actor {span.actor_id} is not in the registry"
    if covered != span.text:
        return f"span {span.id}: offsets no longer match its text"
    return None


def stored_claim_problem(claim: Claim, book: Codebook, records: Records) -> str | None:
    """Why a claim already in the project breaks :func:`check_claim` (None when it keeps it)."""
    try:
        check_claim(claim, book, records)
    except ValidationError as exc:
        return f"claim {claim.id} ({claim.annotator}, document {claim.doc_id}): {exc}"
    except KeyError as exc:
        return f"claim {claim.id}: it points at a record that does not exist ({exc})"
    return None
