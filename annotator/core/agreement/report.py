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
import csv
import functools
import gc
import html
import io
import json
import math
from collections import Counter, namedtuple
from collections.abc import Callable, Iterator, Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Any

from annotator.core.agreement.coefficients import (
    bootstrap_alpha,
    cohen_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from annotator.core.agreement.spans import (
    _alpha,
    _expected_disagreement,
    _overlap_count_places,
    accumulate_tilings,
    span_groups,
)
from annotator.core.models import GOLD, DocId
from annotator.core.tasks import NULL_STATE, TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

Rows = list[list[Any]]


def _entry(name: str, group: str, coefficient: str, rows: Rows, names: Sequence[str],
           level: str = "nominal", domain: Sequence[Any] | None = None, *,
           keys: Sequence[tuple[int, str]] = (), bootstrap: int = 1000) -> dict[str, Any]:
    """One line of the report: alpha with a bootstrap interval, pairs and confusion."""

    def stat(sample: list[Any]) -> float:
        return krippendorff_alpha(sample, level=level, domain=domain)

    value = stat(rows) if rows else math.nan
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
        "group": group, "field": name, "coefficient": coefficient, "value": _num(value),
        "ci": [_num(low), _num(high)], "n_units": len(rows),
        "percent_agreement": _num(percent_agreement(rows)) if rows else None,
        "pairs": {k: _num(v) for k, v in pairs.items()},
        "confusion": [[a, b, n] for (a, b), n in sorted(confusion.items())],
        "disagreements": [list(k) for k in keys],
    }


def _num(value: float) -> float | None:
    return None if value is None or math.isnan(value) else round(float(value), 4)


# a lean span: (doc_id, annotator, layer, start, end, actor_id, attributes as JSON text)
SpanRow = tuple[DocId, str, str, int, int, Any, str]
_DOC, _NAME, _LAYER, _START, _END, _ACTOR, _ATTRS = range(7)


def _attributes(row: SpanRow, memo: dict[str, dict[str, Any]] | None = None
                ) -> dict[str, Any]:
    """The span's attributes; with ``memo``, equal JSON texts share one (read-only) dict."""
    text = row[_ATTRS]
    if text == "{}":
        return {}
    if memo is None:
        return json.loads(text)
    found = memo.get(text)
    if found is None:
        found = memo[text] = json.loads(text)
    return found


@functools.cache
def _lean_claim() -> Any:
    """A named tuple of what review._claim_items and _claims read of a claim."""
    from annotator.core.review import CLAIM_COMPARED  # review imports this package

    return namedtuple("LeanClaim", ("uid", *CLAIM_COMPARED))


class _Data:
    """Everything the report needs, loaded in a few bulk queries."""

    def __init__(self, project: Project, names: Sequence[str]) -> None:
        self.names = list(names)
        # units: documents that every selected annotator worked on
        self.docs = project.repo.docs_coded_by_all(self.names)
        rows = project.repo.bulk_span_rows(self.docs, self.names)
        claims = project.repo.bulk_claim_rows(self.docs, self.names, _lean_claim()._fields[1:])
        values = project.repo.bulk_value_rows(self.docs, self.names)
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
        # what review._claim_items and _claims read of a claim, without Claim objects
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
        self.lengths = project.repo.doc_lengths(self.docs)


def agreement_report(project: Project, annotators: Sequence[str] | None = None, *,
                     bootstrap: int = 1000, state: TaskState = NULL_STATE) -> dict[str, Any]:
    names = [n for n in (annotators or project.annotators()) if n != GOLD]
    if len(names) < 2:
        raise ValueError("agreement needs at least two annotators; the project has "
                         f"{len(names)}")
    with _no_gc():
        return _report(project, names, bootstrap, state)


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


def _report(project: Project, names: list[str], bootstrap: int, state: TaskState
            ) -> dict[str, Any]:
    data = _Data(project, names)
    entries: list[dict[str, Any]] = []
    steps: list[Callable[[], list[dict[str, Any]]]] = [
        lambda: _document_fields(project, data, bootstrap),
        lambda: _span_layers(project, data),
        lambda: _span_attributes(data, bootstrap),
        lambda: _claims(project, data, bootstrap),
    ]
    for index, step in enumerate(steps):
        state.check()
        state.progress(index, len(steps), "computing agreement")
        entries += step()
    state.progress(len(steps), len(steps), "done")
    return {"annotators": names, "documents": len(data.docs), "entries": entries}


def _document_fields(project: Project, data: _Data, bootstrap: int) -> list[dict[str, Any]]:
    out = []
    for attr in project.codebook.document_fields:
        if not attr.vocabulary:
            continue
        vocab = project.codebook.vocabulary(attr.vocabulary)
        raw = [[data.values.get((d, n), {}).get(attr.name) for n in data.names]
               for d in data.docs]
        keep = [(d, r) for d, r in zip(data.docs, raw, strict=True)
                if sum(v is not None for v in r) >= 2]
        rows = [r for _, r in keep]
        keys = [(d, f"value:{attr.name}") for d, r in keep if len(set(r)) > 1]
        if vocab.kind == "ordinal" and vocab.missing:
            scale = vocab.scale()
            ordinal = [[v if v in scale else None for v in r] for r in rows]
            out.append(_entry(attr.name, "document", "alpha ordinal (F/6 as missing)", ordinal,
                              data.names, "ordinal", scale, keys=keys, bootstrap=bootstrap))
            judgeable = [[None if v is None else v not in vocab.missing for v in r]
                         for r in rows]
            differ = [(d, f"value:{attr.name}") for (d, _), r in zip(keep, judgeable,
                                                                     strict=True)
                      if len({v for v in r if v is not None}) > 1]
            out.append(_entry(f"{attr.name} judgeable", "document", "alpha nominal",
                              judgeable, data.names, keys=differ, bootstrap=bootstrap))
        else:
            out.append(_entry(attr.name, "document", "alpha nominal", rows, data.names,
                              "nominal", vocab.codes(), keys=keys, bootstrap=bootstrap))
    return out


def _span_disagreements(data: _Data) -> dict[str, list[tuple[int, str]]]:
    """Review items (groups of overlapping spans) that differ, by layer.

    The items and their keys are those of :func:`annotator.core.review._span_items` (both
    group with :func:`span_groups`); :func:`_group_differs` mirrors review's checks on
    lean span rows.
    """
    found: dict[str, list[tuple[int, str]]] = {}
    names = data.names
    for d in data.docs:
        by_name = data.spans.get(d)
        if by_name is None:
            continue
        flat = [row for rows in by_name for row in rows]
        for key, layers in _differing_span_groups(flat, names):
            for layer in layers:
                found.setdefault(layer, []).append((d, key))
    return found


def _differing_span_groups(flat: list[SpanRow], names: list[str]
                           ) -> list[tuple[str, list[str]]]:
    """(item key, sorted layers) of the span items of one document that have a disagreement:
    the items review builds (same grouping, :func:`span_groups`), on lean rows."""
    groups = span_groups([(r[_START], r[_END]) for r in flat], [r[_LAYER] for r in flat])
    out = [(f"span:{'+'.join(layers)}:{start}-{end}", layers)
           for members, layers, start, end in groups
           if _group_differs([flat[i] for i in members], names)]
    out.sort(key=lambda item: item[0])
    return out


def _group_differs(members: list[SpanRow], names: list[str]) -> bool:
    """Whether review._span_disagreement finds any disagreement among these spans."""
    count = len(members)
    if count < len(names):
        return True  # someone has no span here: span_missing
    if count == len(names) and len({r[_NAME] for r in members}) == count:
        # one span each (members follow the order of names): compare them directly
        first = members[0]
        head = first[_LAYER:_ATTRS]  # layer, start, end, actor
        if any(r[_LAYER:_ATTRS] != head for r in members):
            return True
        text = first[_ATTRS]
        if "NaN" not in text and all(r[_ATTRS] == text for r in members):
            return False
        parsed = sorted(_attributes(first).items())
        return any(sorted(_attributes(r).items()) != parsed for r in members)
    versions = [[r for r in members if r[_NAME] == n] for n in names]
    if any(not v for v in versions):
        return True  # span_missing
    first = versions[0]
    # label and boundary: the layers and the (layer, start, end) shapes of each version
    shape = sorted((r[_LAYER], r[_START], r[_END]) for r in first)
    if any(sorted((r[_LAYER], r[_START], r[_END]) for r in v) != shape for v in versions[1:]):
        return True
    # actor, then every attribute check: all pass exactly when the ordered actors and the
    # ordered attribute dicts are equal across versions
    actors = [r[_ACTOR] for r in first]
    if any([r[_ACTOR] for r in v] != actors for v in versions[1:]):
        return True
    texts = [r[_ATTRS] for r in first]
    if all([r[_ATTRS] for r in v] == texts for v in versions[1:]) \
            and not any("NaN" in t for t in texts):
        return False  # the same JSON text parses to equal dicts
    parsed = [tuple(sorted(_attributes(r).items())) for r in first]
    return any([tuple(sorted(_attributes(r).items())) for r in v] != parsed
               for v in versions[1:])


def _span_layers(project: Project, data: _Data) -> list[dict[str, Any]]:
    out = []
    behind = _span_disagreements(data)
    names = data.names
    m = len(names)
    pairs = list(combinations(range(m), 2))
    lengths = data.lengths
    for layer in project.codebook.layer_names():
        by_doc = data.layers.get(layer, {})
        # per pair: [documents compared, exact tp, overlap tp, spans of i, spans of j]
        sums = [[0, 0, 0, 0, 0] for _ in pairs]
        count = 0
        # alpha_U as _disagreements_by_position, in the same pass over the documents
        observed = 0
        total = 0
        units: list[int] = []
        gaps: list[int] = []
        for d in data.docs:
            length = lengths[d]
            total += length
            lists = by_doc.get(d)
            if lists is None:
                if length > 0:
                    gaps += [length] * m  # nobody marked anything: one gap per coder
                continue
            places = [[(r[_START], r[_END]) for r in rows] for rows in lists]
            count += sum(map(len, places))
            for (i, j), acc in zip(pairs, sums, strict=True):
                a, b = places[i], places[j]
                if not a and not b:
                    continue
                tp = len(set(a) & set(b))
                acc[0] += 1
                acc[1] += tp
                acc[3] += len(a)
                acc[4] += len(b)
                if tp == len(a) == len(b):
                    acc[2] += tp  # identical spans: overlap matching finds the same
                else:
                    acc[2] += _overlap_count_places(a, b)  # span_f1 "overlap", no labels
            observed += _add_unitizing(places, length, units, gaps)
        exact, overlap = {}, {}
        for (i, j), (n, tp_exact, tp_overlap, len_a, len_b) in zip(pairs, sums, strict=True):
            key = f"{names[i]}|{names[j]}"
            exact[key] = _f1(tp_exact, len_a, len_b) if n else math.nan
            overlap[key] = _f1(tp_overlap, len_a, len_b) if n else math.nan
        if data.docs:
            if total <= 0:
                raise ValueError("the continuum is empty")
            alpha_u = _alpha(observed / (m * (m - 1) * total**2),
                             _expected_disagreement(units, gaps, m, total))
        else:
            alpha_u = math.nan
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


def _add_unitizing(places: list[list[tuple[int, int]]], length: int, units: list[int],
                   gaps: list[int]) -> int:
    """One document of spans._disagreements_by_position: adds its unit and gap lengths,
    returns its observed disagreement (summed over ordered coder pairs)."""
    return accumulate_tilings([_tiling(p, length) for p in places], length, units, gaps)


def _tiling(places: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """spans._unit_tiling of one coder's (start, end) pairs: sorted, overlaps merged."""
    places = sorted(places)  # already in order from the repository: a cheap check
    merged: list[tuple[int, int]] = []
    for start, end in places:
        if end <= start:
            raise ValueError(f"a span needs end > start, got [{start}, {end})")
        if start < 0 or end > length:
            raise ValueError(f"span [{start}, {end}) outside the continuum 0..{length}")
        if merged and start < merged[-1][1]:
            last_start, last_end = merged.pop()
            start, end = last_start, max(last_end, end)
        merged.append((start, end))
    return merged


def _f1(tp: int, len_a: int, len_b: int) -> float:
    """F1 of summed counts, as combine_f1 of per-document F1Result.from_counts."""
    fp, fn = len_b - tp, len_a - tp
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else math.nan


def _mean(values: Any) -> float:
    finite = [v for v in values if v is not None and not math.isnan(v)]
    return sum(finite) / len(finite) if finite else math.nan


def _span_attributes(data: _Data, bootstrap: int) -> list[dict[str, Any]]:
    """Alpha on what identically placed spans say: linked actor, date value, grades."""
    getters: dict[str, tuple[str, Callable[[SpanRow, dict[str, Any]], Any]]] = {
        "actor identity": ("ACTOR", lambda s, _a: s[_ACTOR]),
        "date value": ("DATE", lambda _s, a: a.get("value")),
        "date precision": ("DATE", lambda _s, a: a.get("precision")),
        "source reliability (span)": ("SOURCE", lambda _s, a: a.get("source_reliability")),
    }
    memo: dict[str, dict[str, Any]] = {}
    empty: dict[str, Any] = {}
    docs = set(data.docs)
    names = data.names
    # per layer: the places where two or more annotators put a span, as
    # (document, start, end, {annotator: their (last) span there}), and the span count
    matches: dict[str, tuple[list[tuple[DocId, int, int, dict[str, SpanRow]]], int]] = {}
    for layer in {layer for layer, _ in getters.values()}:
        found: list[tuple[DocId, int, int, dict[str, SpanRow]]] = []
        total = 0
        for d, by_name in data.layers.get(layer, {}).items():
            if d not in docs:
                continue
            places: dict[tuple[int, int], dict[str, SpanRow]] = {}
            for rows in by_name:
                total += len(rows)
                for s in rows:
                    place = (s[_START], s[_END])
                    by = places.get(place)
                    if by is None:
                        places[place] = {s[_NAME]: s}
                    else:
                        by[s[_NAME]] = s
            found += [(d, start, end, by) for (start, end), by in places.items()
                      if len(by) >= 2]
        matches[layer] = (found, total)
    out = []
    for name, (layer, get) in getters.items():
        rows, keys, matched = [], [], 0
        found, total = matches[layer]
        for d, start, end, by in found:
            matched += len(by)
            row = [None if (s := by.get(n)) is None else
                   get(s, empty if layer == "ACTOR" else _attributes(s, memo)) for n in names]
            rows.append(row)
            if len({v for v in row if v is not None}) > 1:
                keys.append((d, f"span:{layer}:{start}-{end}"))
        entry = _entry(name, "span attributes", "alpha nominal", rows, names,
                       keys=keys, bootstrap=bootstrap)
        entry["match_rate"] = _num(matched / total) if total else None
        out.append(entry)
    return out


def _claims(project: Project, data: _Data, bootstrap: int) -> list[dict[str, Any]]:
    from annotator.core.review import CLAIM_COMPARED, _claim_items

    by_doc = data.claims
    rows: dict[str, Rows] = {f: [] for f in CLAIM_COMPARED}
    keys: dict[str, list[tuple[int, str]]] = {f: [] for f in CLAIM_COMPARED}
    matched = units = 0
    for d in data.docs:
        items = _claim_items(d, data.names, {n: by_doc.get((d, n), []) for n in data.names})
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
        level = "ordinal" if field in ("position", "source_reliability", "info_credibility") \
            else "nominal"
        domain = None
        if field in ("source_reliability", "info_credibility"):
            domain = project.codebook.vocabulary(field).scale()
            rows[field] = [[v if v in domain else None for v in r] for r in rows[field]]
        elif field == "position":
            domain = [-1, 0, 1]
        entry = _entry(f"claim {field}", "claims", f"alpha {level}", rows[field], data.names,
                       level, domain, keys=keys[field], bootstrap=bootstrap)
        entry["match_rate"] = _num(matched / units) if units else None
        out.append(entry)
    return out


# ------------------------------------------------------------------ output


def report_csv(report: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    pair_names = sorted({p for e in report["entries"] for p in e["pairs"]})
    writer.writerow(["group", "field", "coefficient", "value", "ci_low", "ci_high", "n_units",
                     "percent_agreement", "match_rate", "disagreements", *pair_names])
    for e in report["entries"]:
        writer.writerow([e["group"], e["field"], e["coefficient"], e["value"], e["ci"][0],
                         e["ci"][1], e["n_units"], e.get("percent_agreement"),
                         e.get("match_rate"), len(e["disagreements"]),
                         *[e["pairs"].get(p) for p in pair_names]])
    return buffer.getvalue()


def report_html(report: dict[str, Any], title: str = "Agreement report") -> str:
    """A self-contained page (no scripts, no remote resources) with bars for the values."""
    rows = []
    for e in report["entries"]:
        value = e["value"]
        width = 0 if value is None else max(0, min(100, int(value * 100)))
        colour = "#59a14f" if (value or 0) >= 0.8 else "#f28e2b" if (value or 0) >= 0.667 \
            else "#e15759"
        ci = "" if e["ci"][0] is None else f"[{e['ci'][0]:.3f}, {e['ci'][1]:.3f}]"
        shown = "n/a" if value is None else f"{value:.3f}"
        pairs = ", ".join(f"{k.replace('|', '–')}: {'n/a' if v is None else f'{v:.2f}'}"
                          for k, v in e["pairs"].items())
        rows.append(
            f"<tr><td>{html.escape(e['group'])}</td><td>{html.escape(e['field'])}</td>"
            f"<td>{html.escape(e['coefficient'])}</td><td class=num>{shown}</td>"
            f"<td><div class=bar style='width:{width}px;background:{colour}'></div></td>"
            f"<td>{ci}</td><td class=num>{e['n_units']}</td>"
            f"<td class=num>{len(e['disagreements'])}</td><td>{html.escape(pairs)}</td></tr>")
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>"
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}"
        ".num{text-align:right}.bar{height:10px}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p>Annotators: "
        f"{html.escape(', '.join(report['annotators']))}; documents coded by all: "
        f"{report['documents']}. Alpha of 0.8 or more is usually taken as reliable, "
        "0.667 as the lowest for tentative conclusions.</p><table><tr><th>group</th>"
        "<th>field</th><th>coefficient</th><th>value</th><th></th><th>95% CI</th>"
        "<th>units</th><th>disagreements</th><th>annotator pairs</th></tr>"
        + "".join(rows) + "</table></body></html>")
