"""What the review window compares and filters, kept free of Qt so it is tested on plain data.

:class:`ReviewFilter` says which queue items a review window shows when it is
opened from a cell of the agreement report (the ``(doc_id, item_key)`` pairs
behind an entry, a span layer, or the pairs where two given annotators
differ). :func:`version_rows` lays the annotators' versions of one item out as
rows of comparable strings, which the comparison table shows and
:func:`versions_differ` uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from annotator.core import review
from annotator.core.models import DocId, Span
from annotator.core.review import Item, Version
from annotator.core.review.reads import QueueReads, ReviewReads
from annotator.core.tasks import NULL_STATE, TaskState

CLAIM_ROWS = ("claimant_id", "addressee_id", "object_id", "event_type", "position",
              "factuality", "form", "date_value", "date_precision", "date_mod", "source",
              "source_reliability", "info_credibility", "gloss", "note")
ACTOR_FIELDS = ("claimant_id", "addressee_id", "object_id")
EMPTY = "—"
_SPAN_KEY = re.compile(r"^span:([^:]*):(\d+)-(\d+)$")

ActorName = Callable[[Any], str]


@dataclass(frozen=True)
class ReviewFilter:
    """Which disagreements a review window lists; the empty filter lists all."""

    title: str = ""
    pairs: tuple[tuple[int, str], ...] | None = None
    """(doc_id, item_key) pairs from an agreement entry; None: no restriction."""
    layer: str = ""
    """Only span items touching this layer."""
    kinds: tuple[str, ...] = ()
    """Only these disagreement kinds."""
    annotators: tuple[str, ...] = ()
    """Only items on which these annotators' versions differ."""

    @classmethod
    def from_pairs(cls, title: str, pairs: Iterable[Sequence[Any]],
                   annotators: Sequence[str] = ()) -> ReviewFilter:
        return cls(title, tuple((int(p[0]), str(p[1])) for p in pairs),
                   annotators=tuple(annotators))

    @property
    def empty(self) -> bool:
        return self.pairs is None and not self.layer and not self.kinds \
            and not self.annotators

    @cached_property
    def _keys_by_doc(self) -> dict[int, list[str]]:
        """The pairs by document, so matching a long queue stays linear."""
        found: dict[int, list[str]] = {}
        for doc_id, key in self.pairs or ():
            found.setdefault(doc_id, []).append(key)
        return found

    def matches(self, item: Item) -> bool:
        if self.kinds and item.disagreement not in self.kinds:
            return False
        if self.layer and (item.kind != "span" or self.layer not in item.layer.split("+")):
            return False
        if self.pairs is not None and not any(
                _same_item(item, key) for key in self._keys_by_doc.get(int(item.doc_id), ())):
            return False
        if len(self.annotators) == 2:
            names = {v.annotator for v in item.versions}
            if not set(self.annotators) <= names:
                return False
            return versions_differ(item, *self.annotators)
        return True


def _same_item(item: Item, key: str) -> bool:
    """Exact key, or (for spans, whose report keys name one placement) overlapping range."""
    if item.key == key:
        return True
    wanted, have = _SPAN_KEY.match(key), _SPAN_KEY.match(item.key)
    if not (wanted and have):
        return False
    layers = set(have.group(1).split("+"))
    start, end = int(wanted.group(2)), int(wanted.group(3))
    return wanted.group(1) in layers and int(have.group(2)) < end and start < int(have.group(3))


# ------------------------------------------------------------------ loading


@dataclass(slots=True)
class QueueData:
    """Everything the review window lists, loaded in one go (on a worker thread)."""

    items: list[Item]
    titles: dict[int, str]
    decisions: list[dict[str, Any]]


def load_queue(project: QueueReads, state: TaskState = NULL_STATE) -> QueueData:
    """The whole queue in review.queue() order, document titles and recorded decisions."""
    summaries = project.documents()
    found: list[Item] = []
    for number, summary in enumerate(summaries):
        if number % 25 == 0:
            state.check()
            state.progress(number, len(summaries), "finding disagreements")
        found += review.queue(project, doc_ids=[summary.id])
    found.sort(key=lambda i: (-i.severity, i.doc_id, i.key))
    state.progress(len(summaries), len(summaries), "done")
    return QueueData(found, {int(s.id): s.title for s in summaries}, decisions(project))


def decisions(project: ReviewReads, doc_id: int | None = None) -> list[dict[str, Any]]:
    """The recorded adjudication decisions (of one document, or all)."""
    return project.decisions(None if doc_id is None else DocId(doc_id))


# ------------------------------------------------------------ comparison rows


def version_rows(item: Item, versions: Sequence[Version], actor_name: ActorName,
                 span_text: Callable[[int], str] | None = None
                 ) -> list[tuple[str, list[str]]]:
    """(field label, one display string per version) for the comparison table.

    ``span_text`` gives the text of a span id (a claim's demand spans); without
    it claims list no demand row.
    """
    if item.kind == "span":
        return _span_rows(versions, actor_name)
    if item.kind == "claim":
        rows = _claim_rows(versions, actor_name)
        if span_text is not None:
            demands = [EMPTY if v.claim is None else
                       " | ".join(span_text(i) for i in v.claim.demand_span_ids) or EMPTY
                       for v in versions]
            if any(d != EMPTY for d in demands):
                rows.insert(2, ("demand", demands))
        return rows
    return [(item.layer, [_plain(v.value) for v in versions])]


def differing_first(rows: list[tuple[str, list[str]]], compared: int
                    ) -> list[tuple[str, list[str]]]:
    """The rows where the first ``compared`` versions differ, then the others (stable)."""
    return sorted(rows, key=lambda row: len(set(row[1][:compared])) <= 1)


def versions_differ(item: Item, first: str, second: str) -> bool:
    by_name = {v.annotator: v for v in item.versions}
    pair = [by_name[first], by_name[second]]
    return any(len(set(values)) > 1 for _, values in version_rows(item, pair, str))


def _span_rows(versions: Sequence[Version], actor_name: ActorName
               ) -> list[tuple[str, list[str]]]:
    def join(version: Version, get: Callable[[Any], Any]) -> str:
        if not version.spans:
            return EMPTY
        return " | ".join(_plain(get(s)) for s in version.spans)

    rows = [
        ("layer", [join(v, lambda s: s.layer) for v in versions]),
        ("text", [join(v, lambda s: s.text) for v in versions]),
        ("offsets", [join(v, lambda s: f"{s.start}–{s.end}") for v in versions]),
    ]
    if any(s.actor_id is not None for v in versions for s in v.spans):
        rows.append(("actor", [join(v, lambda s: actor_name(s.actor_id)
                                    if s.actor_id is not None else None) for v in versions]))
    names = sorted({k for v in versions for s in v.spans for k in s.attributes})
    for name in names:
        rows.append((name, [join(v, _attribute_getter(name)) for v in versions]))
    return rows


def _claim_rows(versions: Sequence[Version], actor_name: ActorName
                ) -> list[tuple[str, list[str]]]:
    rows = []
    for field in CLAIM_ROWS:
        values = []
        for version in versions:
            claim = version.claim
            if claim is None:
                values.append(EMPTY)
                continue
            raw = getattr(claim, field)
            values.append(actor_name(raw) if field in ACTOR_FIELDS and raw is not None
                          else _plain(raw))
        if any(v != EMPTY for v in values):
            rows.append((field.removesuffix("_id"), values))
    return rows


def _plain(value: Any) -> str:
    if value is None or value == "":
        return EMPTY
    return str(value)


def describe_version(item: Item, version: Version, actor_name: ActorName) -> str:
    """One line summing up a version for the column header."""
    if version.empty:
        return "not annotated"
    if item.kind == "span":
        parts = []
        for span in version.spans:
            extra = actor_name(span.actor_id) if span.actor_id is not None else \
                span.attributes.get("value", "")
            parts.append(f"{span.layer} “{_short(span.text)}”" + (f" → {extra}" if extra
                                                                   else ""))
        return "; ".join(parts)
    if item.kind == "claim" and version.claim is not None:
        claim = version.claim
        who = actor_name(claim.claimant_id) if claim.claimant_id is not None else "?"
        whom = actor_name(claim.addressee_id) if claim.addressee_id is not None else "?"
        return f"{who} → {whom}: {claim.event_type}"
    return f"{item.layer} = {version.value}"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


SPAN_PRESENCE_KINDS = ("span_missing", "label", "boundary")


def entry_filter(entry: dict[str, Any], annotators: Sequence[str] = (),
                 cell: str = "") -> ReviewFilter:
    """The disagreements behind one agreement report entry (optionally between two annotators).

    Entries list their disagreements as (doc_id, item_key); the span F1 and alpha_U
    entries list none, so they open the span items of their layer whose annotators
    marked different stretches.
    """
    title = entry["field"] + (f" — {' vs '.join(annotators)}" if annotators else "") \
        + (f" — {cell}" if cell else "")
    if entry["disagreements"]:
        return ReviewFilter.from_pairs(title, entry["disagreements"], annotators)
    if entry["group"] == "spans":
        layer = str(entry["field"]).split(" ", 1)[0]
        return ReviewFilter(title, layer=layer, kinds=SPAN_PRESENCE_KINDS,
                            annotators=tuple(annotators))
    return ReviewFilter(title, pairs=())


def _attribute_getter(name: str) -> Callable[[Span], Any]:
    """A function reading attribute ``name`` of a span (one per row of the comparison)."""
    return lambda span: span.attributes.get(name)
