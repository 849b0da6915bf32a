"""The agreement report of a project: which coefficient for which field, with intervals.

Follows the table in the domain guide: nominal alpha and percent agreement for
document labels; ordinal alpha for the Admiralty grades with F/6 treated as
missing, plus nominal alpha on "judgeable or not"; pairwise F1 (exact and
overlap) and alpha_U per span layer; alpha on the linked actor and on date
values of spans placed identically; claims aligned, then alpha per attribute.
Every entry lists the disagreements behind it as (document, item key) pairs,
which the review window opens.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import math
from collections import Counter, namedtuple
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Any

from annotator.core.agreement.coefficients import (
    Level,
    bootstrap_alpha,
    cohen_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from annotator.core.agreement.span_rows import (
    ACTOR,
    END,
    NAME,
    START,
    SpanRow,
    attributes,
    differing_items,
)
from annotator.core.agreement.spans import F1Result, overlap_count_places
from annotator.core.agreement.unitizing import UnitizingSums, tiling
from annotator.core.boilerplate import overlaps
from annotator.core.models import GOLD, DocId
from annotator.core.review import CLAIM_COMPARED, claim_items
from annotator.core.tasks import NULL_STATE, TaskState

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.core.store.repository import Repository

Rows = list[list[Any]]


@dataclass(frozen=True)
class _Field:
    """What one line of the report measures, and with which alpha."""

    name: str
    group: str
    coefficient: str
    level: Level = "nominal"
    domain: Sequence[Any] | None = None


def _entry(field: _Field, rows: Rows, names: Sequence[str], *,
           keys: Sequence[tuple[int, str]] = (), bootstrap: int = 1000) -> dict[str, Any]:
    """One line of the report: alpha with a bootstrap interval, pairs and confusion."""
    level, domain = field.level, field.domain
    value = krippendorff_alpha(rows, level=level, domain=domain) if rows else math.nan
    low, high = bootstrap_alpha(rows, level, domain, n=bootstrap, seed=0) \
        if bootstrap and rows else (math.nan, math.nan)
    pairs = {}
    confusion: Counter[tuple[str, str]] = Counter()
    for i, j in combinations(range(len(names)), 2):
        a = [r[i] for r in rows if r[i] is not None and r[j] is not None]
        b = [r[j] for r in rows if r[i] is not None and r[j] is not None]
        pairs[f"{names[i]}|{names[j]}"] = cohen_kappa(a, b) if len(set(a) | set(b)) > 1 \
            else (1.0 if a else math.nan)
        confusion.update((str(x), str(y)) for x, y in zip(a, b, strict=True))
    return {
        "group": field.group, "field": field.name, "coefficient": field.coefficient,
        "value": _num(value),
        "ci": [_num(low), _num(high)], "n_units": len(rows),
        "percent_agreement": _num(percent_agreement(rows)) if rows else None,
        "pairs": {k: _num(v) for k, v in pairs.items()},
        "confusion": [[a, b, n] for (a, b), n in sorted(confusion.items())],
        "disagreements": [list(k) for k in keys],
    }


def _num(value: float) -> float | None:
    return None if value is None or math.isnan(value) else round(float(value), 4)


@functools.cache
def _lean_claim() -> Any:
    """A named tuple of what review.claim_items and _claims read of a claim."""
    return namedtuple("LeanClaim", ("uid", *CLAIM_COMPARED))


class _Data:
    """Everything the report needs, loaded in a few bulk queries."""

    def __init__(self, repo: Repository, names: Sequence[str], keep_boilerplate: bool = False
                 ) -> None:
        self.names = list(names)
        # units: documents that every selected annotator worked on
        self.docs = repo.docs_coded_by_all(self.names)
        rows = repo.bulk_span_rows(self.docs, self.names)
        if not keep_boilerplate:  # spans in site chrome are not compared
            chrome = repo.boilerplate_by_document()
            if chrome:
                rows = [r for r in rows
                        if r[0] not in chrome or not overlaps(chrome[r[0]], r[3], r[4])]
        claims = repo.bulk_claim_rows(self.docs, self.names, _lean_claim()._fields[1:])
        values = repo.bulk_value_rows(self.docs, self.names)
        # document -> the spans of each annotator (in the order of names), in the
        # repository's order; and layer -> document -> the same, for one layer
        self.spans: dict[DocId, list[list[SpanRow]]] = {}
        self.layers: dict[str, dict[DocId, list[list[SpanRow]]]] = {}
        index = {n: i for i, n in enumerate(self.names)}
        count = len(self.names)
        spans, layers = self.spans, self.layers
        current = None
        by_name: list[list[SpanRow]] = []
        by_layer: dict[str, list[list[SpanRow]]] = {}
        for row in rows:
            doc, layer = row[0], row[2]
            if doc != current:
                current = doc
                by_name = spans[doc] = [[] for _ in range(count)]
                by_layer = {}
            position = index[row[1]]
            by_name[position].append(row)
            lists = by_layer.get(layer)
            if lists is None:
                lists = by_layer[layer] = [[] for _ in range(count)]
                layers.setdefault(layer, {})[doc] = lists
            lists[position].append(row)
        # what review.claim_items and _claims read of a claim, without Claim objects
        self.claims: dict[tuple[DocId, str], list[Any]] = {}
        by_owner = self.claims
        make = _lean_claim()._make
        for claim in claims:
            owner = (claim[0], claim[1])
            found = by_owner.get(owner)
            if found is None:
                found = by_owner[owner] = []
            found.append(make(claim[2:]))
        self.values: dict[tuple[DocId, str], dict[str, Any]] = {}
        for doc_id, name, field, value in values:
            self.values.setdefault((doc_id, name), {})[field] = value
        self.lengths = repo.doc_lengths(self.docs)


def agreement_report(repo: Repository, codebook: Codebook,
                     annotators: Sequence[str] | None = None, *,
                     bootstrap: int = 1000, state: TaskState = NULL_STATE,
                     keep_boilerplate: bool = False) -> dict[str, Any]:
    """The report over ``annotators`` (default: every human annotator), read from the
    store in bulk; ``project.review.agreement_report`` is the way in. Spans inside a
    document's boilerplate are left out unless ``keep_boilerplate``."""
    names = [n for n in (annotators or repo.annotators("human")) if n != GOLD]
    if len(names) < 2:
        raise ValueError("agreement needs at least two annotators; the project has "
                         f"{len(names)}")
    with _no_gc():
        return _report(repo, codebook, names, bootstrap, state, keep_boilerplate)


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: the report allocates millions of small,
    acyclic objects (reference counting frees them), and the collections this triggers
    walk the whole heap again and again (about a tenth of the time on 10,000 documents)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _report(repo: Repository, codebook: Codebook, names: list[str], bootstrap: int,
            state: TaskState, keep_boilerplate: bool) -> dict[str, Any]:
    data = _Data(repo, names, keep_boilerplate)
    entries: list[dict[str, Any]] = []
    steps: list[Callable[[], list[dict[str, Any]]]] = [
        lambda: _document_fields(codebook, data, bootstrap),
        lambda: _span_layers(codebook, data),
        lambda: _span_attributes(codebook, data, bootstrap),
        lambda: _claims(codebook, data, bootstrap),
    ]
    for index, step in enumerate(steps):
        state.check()
        state.progress(index, len(steps), "computing agreement")
        entries += step()
    state.progress(len(steps), len(steps), "done")
    _name_actors(entries, {int(a.id): a.canonical_name for a in repo.actors()})
    return {"annotators": names, "documents": len(data.docs), "entries": entries}


_ACTOR_FIELDS = {"actor identity", "claim claimant_id", "claim addressee_id", "claim object_id"}
"""Report entries whose values are actor ids: their confusion tables show the actors' names."""


def _name_actors(entries: list[dict[str, Any]], names: dict[int, str]) -> None:
    """Label actor-valued confusion cells with canonical names (an id only if the actor is gone)."""
    def label(value: Any) -> str:
        return names.get(int(value), str(value)) if str(value).isdigit() else str(value)

    for entry in entries:
        if entry.get("field") in _ACTOR_FIELDS:
            entry["confusion"] = sorted([label(a), label(b), n] for a, b, n in entry["confusion"])


def _document_fields(codebook: Codebook, data: _Data, bootstrap: int) -> list[dict[str, Any]]:
    out = []
    for attr in codebook.document_fields:
        if not attr.vocabulary:
            continue
        vocab = codebook.vocabulary(attr.vocabulary)
        raw = [[data.values.get((d, n), {}).get(attr.name) for n in data.names]
               for d in data.docs]
        keep = [(d, r) for d, r in zip(data.docs, raw, strict=True)
                if sum(v is not None for v in r) >= 2]
        out += _coded(attr.name, "document",
                      [((d, f"value:{attr.name}"), r, len(set(r)) > 1) for d, r in keep],
                      vocab, data.names, bootstrap)
    return out


_Cell = tuple[tuple[int, str], list[Any], bool]
"""A unit of a variable: its (document, item key), the values by coder, and whether
the review lists it as a disagreement."""


def _coded(name: str, group: str, cells: list[_Cell],
           vocab: Any, names: Sequence[str], bootstrap: int) -> list[dict[str, Any]]:
    """The entries of a variable with a vocabulary, by its kind: nominal alpha over the
    codes; ordinal alpha over the scale, the 'cannot be judged' codes (F, 6) missing on
    it and a second, nominal entry on judgeable or not."""
    units = [u for u, _r, _d in cells]
    rows = [r for _u, r, _d in cells]
    keys = [u for u, _r, differs in cells if differs]
    if vocab is None or vocab.kind != "ordinal":
        domain = vocab.codes() if vocab is not None else None
        return [_entry(_Field(name, group, "alpha nominal", "nominal", domain), rows, names,
                       keys=keys, bootstrap=bootstrap)]
    scale = vocab.scale()
    ordinal = [[v if v in scale else None for v in r] for r in rows]
    if not vocab.missing:
        return [_entry(_Field(name, group, "alpha ordinal", "ordinal", scale), ordinal, names,
                       keys=keys, bootstrap=bootstrap)]
    out = [_entry(_Field(name, group, "alpha ordinal (F/6 as missing)", "ordinal", scale),
                  ordinal, names, keys=keys, bootstrap=bootstrap)]
    judgeable = [[None if v is None else v not in vocab.missing for v in r] for r in rows]
    differ = [u for u, r in zip(units, judgeable, strict=True)
              if len({v for v in r if v is not None}) > 1]
    out.append(_entry(_Field(f"{name} judgeable", group, "alpha nominal"), judgeable, names,
                      keys=differ, bootstrap=bootstrap))
    return out


def _span_layers(codebook: Codebook, data: _Data) -> list[dict[str, Any]]:
    out = []
    behind = differing_items(data.docs, data.spans, data.names)
    for layer in codebook.layer_names():
        exact, overlap, count, alpha_u = _layer_agreement(data, data.layers.get(layer, {}))
        base = {"group": "spans", "n_units": count, "ci": [None, None], "confusion": [],
                "percent_agreement": None,
                "disagreements": [list(k) for k in behind.get(layer, [])]}
        out.append({**base, "field": f"{layer} exact F1", "coefficient": "pairwise F1 exact",
                    "value": _num(_mean(exact.values())),
                    "pairs": {k: _num(v) for k, v in exact.items()}})
        out.append({**base, "field": f"{layer} overlap F1",
                    "coefficient": "pairwise F1 overlap", "value": _num(_mean(overlap.values())),
                    "pairs": {k: _num(v) for k, v in overlap.items()}})
        out.append({**base, "field": f"{layer} alpha_U", "coefficient": "unitizing alpha",
                    "value": _num(alpha_u), "pairs": {}})
    return out


def _layer_agreement(data: _Data, by_doc: dict[DocId, list[list[SpanRow]]]
                     ) -> tuple[dict[str, float], dict[str, float], int, float]:
    """Pairwise exact and overlap F1 (micro-averaged over documents), the span count and
    alpha_U of one layer, in one pass over the documents."""
    names = data.names
    pairs = list(combinations(range(len(names)), 2))
    # per pair: [documents compared, exact tp, overlap tp, spans of i, spans of j]
    sums = [[0, 0, 0, 0, 0] for _ in pairs]
    count = 0
    unitizing = UnitizingSums(len(names))
    for d in data.docs:
        length = data.lengths[d]
        lists = by_doc.get(d)
        if lists is None:
            unitizing.add_unmarked(length)
            continue
        places = [[(r[START], r[END]) for r in rows] for rows in lists]
        count += sum(map(len, places))
        for (i, j), acc in zip(pairs, sums, strict=True):
            _add_pair_counts(acc, places[i], places[j])
        unitizing.add([tiling(p, length) for p in places], length)
    exact, overlap = {}, {}
    for (i, j), (n, tp_exact, tp_overlap, len_a, len_b) in zip(pairs, sums, strict=True):
        key = f"{names[i]}|{names[j]}"
        exact[key] = F1Result.from_counts(tp_exact, len_b - tp_exact, len_a - tp_exact).f1 \
            if n else math.nan
        overlap[key] = F1Result.from_counts(tp_overlap, len_b - tp_overlap,
                                            len_a - tp_overlap).f1 if n else math.nan
    alpha_u = unitizing.alpha() if data.docs else math.nan
    return exact, overlap, count, alpha_u


def _add_pair_counts(acc: list[int], a: list[tuple[int, int]], b: list[tuple[int, int]]
                     ) -> None:
    """Add one document's F1 counts of two annotators' spans (``(start, end)``) to ``acc``."""
    if not a and not b:
        return
    tp = len(set(a) & set(b))
    acc[0] += 1
    acc[1] += tp
    acc[3] += len(a)
    acc[4] += len(b)
    if tp == len(a) == len(b):
        acc[2] += tp  # identical spans: overlap matching finds the same
    else:
        acc[2] += overlap_count_places(a, b)  # span_f1 "overlap", no labels


def _mean(values: Any) -> float:
    finite = [v for v in values if v is not None and not math.isnan(v)]
    return sum(finite) / len(finite) if finite else math.nan


def _span_attributes(codebook: Codebook, data: _Data, bootstrap: int
                     ) -> list[dict[str, Any]]:
    """Alpha on what identically placed spans say: linked actor, date value, grades.

    The level follows the attribute's vocabulary, as in the reliability matrices:
    date precision is ordinal, the span's source grade ordinal with F missing (and
    nominal on judgeable)."""
    getters: dict[str, tuple[str, str, Callable[[SpanRow, dict[str, Any]], Any]]] = {
        "actor identity": ("ACTOR", "", lambda s, _a: s[ACTOR]),
        "date value": ("DATE", "", lambda _s, a: a.get("value")),
        "date precision": ("DATE", "precision", lambda _s, a: a.get("precision")),
        "source reliability (span)": ("SOURCE", "source_reliability",
                                      lambda _s, a: a.get("source_reliability")),
    }
    memo: dict[str, dict[str, Any]] = {}
    empty: dict[str, Any] = {}
    names = data.names
    matches = {layer: _shared_places(data, layer) for layer in {g[0] for g in getters.values()}}
    out = []
    for name, (layer, attribute, get) in getters.items():
        cells: list[_Cell] = []
        matched = 0
        found, total = matches[layer]
        for d, start, end, by in found:
            matched += len(by)
            row = [None if (s := by.get(n)) is None else
                   get(s, empty if layer == "ACTOR" else attributes(s, memo)) for n in names]
            cells.append(((d, f"span:{layer}:{start}-{end}"), row,
                          len({v for v in row if v is not None}) > 1))
        entries = _coded(name, "span attributes", cells,
                         _vocabulary_of(codebook, layer, attribute), names, bootstrap)
        for entry in entries:
            entry["match_rate"] = _num(matched / total) if total else None
        out += entries
    return out


def _vocabulary_of(codebook: Codebook, layer: str, attribute: str) -> Any:
    """The vocabulary of a layer's attribute (None for a free value or an actor)."""
    if not attribute or layer not in codebook.layer_names():
        return None
    attr = next((a for a in codebook.layer(layer).attributes if a.name == attribute), None)
    if attr is None or attr.vocabulary not in codebook.vocabularies:
        return None
    return codebook.vocabulary(attr.vocabulary)


_Shared = tuple[DocId, int, int, dict[str, SpanRow]]


def _shared_places(data: _Data, layer: str) -> tuple[list[_Shared], int]:
    """The places where two or more annotators put a span of ``layer``, as (document,
    start, end, {annotator: their (last) span there}), and the layer's span count."""
    docs = set(data.docs)
    found: list[_Shared] = []
    total = 0
    for d, by_name in data.layers.get(layer, {}).items():
        if d not in docs:
            continue
        places: dict[tuple[int, int], dict[str, SpanRow]] = {}
        for coder_rows in by_name:
            total += len(coder_rows)
            for span in coder_rows:
                place = (span[START], span[END])
                by = places.get(place)
                if by is None:
                    places[place] = {span[NAME]: span}
                else:
                    by[span[NAME]] = span
        found += [(d, start, end, by) for (start, end), by in places.items() if len(by) >= 2]
    return found, total


def _claims(codebook: Codebook, data: _Data, bootstrap: int) -> list[dict[str, Any]]:
    by_doc = data.claims
    rows: dict[str, Rows] = {f: [] for f in CLAIM_COMPARED}
    keys: dict[str, list[tuple[int, str]]] = {f: [] for f in CLAIM_COMPARED}
    matched = units = 0
    for d in data.docs:
        items = claim_items(d, data.names, {n: by_doc.get((d, n), []) for n in data.names})
        units += len(items)
        for item in items:
            if any(v.claim is None for v in item.versions):
                continue
            matched += 1
            for field in CLAIM_COMPARED:
                row = [getattr(v.claim, field) for v in item.versions]
                rows[field].append([None if x in ("", None) else x for x in row])
                if len(set(row)) > 1:
                    keys[field].append((d, item.key))
    out = []
    for field in CLAIM_COMPARED:
        level: Level = "ordinal" \
            if field in ("position", "source_reliability", "info_credibility") else "nominal"
        domain: list[Any] | None = None
        if field in ("source_reliability", "info_credibility"):
            domain = codebook.vocabulary(field).scale()
            rows[field] = [[v if v in domain else None for v in r] for r in rows[field]]
        elif field == "position":
            domain = [-1, 0, 1]
        entry = _entry(_Field(f"claim {field}", "claims", f"alpha {level}", level, domain),
                       rows[field], data.names, keys=keys[field], bootstrap=bootstrap)
        entry["match_rate"] = _num(matched / units) if units else None
        out.append(entry)
    return out
