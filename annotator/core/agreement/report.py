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

import csv
import html
import io
import math
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Any

from annotator.core.agreement.coefficients import (
    bootstrap_alpha,
    cohen_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from annotator.core.agreement.spans import (
    F1Result,
    combine_f1,
    span_f1,
    unitizing_alpha_multi,
)
from annotator.core.models import GOLD, DocId, Span
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


class _Data:
    """Everything the report needs, loaded in a few bulk queries."""

    def __init__(self, project: Project, names: Sequence[str]) -> None:
        self.names = list(names)
        # units: documents that every selected annotator worked on
        self.docs = project.repo.docs_coded_by_all(self.names)
        spans, claims, values = project.repo.bulk_annotations(self.docs, self.names)
        self.spans: dict[tuple[DocId, str], list[Span]] = {}
        for span in spans:
            self.spans.setdefault((span.doc_id, span.annotator), []).append(span)
        self.claims: dict[tuple[DocId, str], list[Any]] = {}
        for claim in claims:
            self.claims.setdefault((claim.doc_id, claim.annotator), []).append(claim)
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
    """Review items (groups of overlapping spans) that differ, by layer."""
    from annotator.core.review import _span_items

    found: dict[str, list[tuple[int, str]]] = {}
    for d in data.docs:
        spans = {n: data.spans.get((d, n), []) for n in data.names}
        for item in _span_items(d, data.names, spans):
            if item.disagreement:
                for layer in item.layer.split("+"):
                    found.setdefault(layer, []).append((d, item.key))
    return found


def _span_layers(project: Project, data: _Data) -> list[dict[str, Any]]:
    out = []
    behind = _span_disagreements(data)
    by_layer: dict[tuple[DocId, str, str], list[tuple[int, int]]] = {}
    for (d, name), spans in data.spans.items():
        for s in spans:
            by_layer.setdefault((d, name, s.layer), []).append((s.start, s.end))
    for layer in project.codebook.layer_names():
        exact, overlap = {}, {}
        for i, j in combinations(data.names, 2):
            ex, ov = [], []
            for d in data.docs:
                a = by_layer.get((d, i, layer), [])
                b = by_layer.get((d, j, layer), [])
                if not a and not b:
                    continue
                tp = len(set(a) & set(b))
                ex.append(F1Result.from_counts(tp, len(b) - tp, len(a) - tp))
                if tp == len(a) == len(b):
                    ov.append(ex[-1])  # identical spans: overlap matching finds the same
                else:
                    ov.append(span_f1(a, b, "overlap", by_label=False))
            exact[f"{i}|{j}"] = combine_f1(ex).f1 if ex else math.nan
            overlap[f"{i}|{j}"] = combine_f1(ov).f1 if ov else math.nan
        per_doc = [(data.lengths[d], {n: by_layer.get((d, n, layer), []) for n in data.names})
                   for d in data.docs]
        alpha_u = unitizing_alpha_multi(per_doc) if per_doc else math.nan
        count = sum(len(v) for _, v2 in per_doc for v in v2.values())
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


def _mean(values: Any) -> float:
    finite = [v for v in values if v is not None and not math.isnan(v)]
    return sum(finite) / len(finite) if finite else math.nan


def _span_attributes(data: _Data, bootstrap: int) -> list[dict[str, Any]]:
    """Alpha on what identically placed spans say: linked actor, date value, grades."""
    getters: dict[str, tuple[str, Callable[[Span], Any]]] = {
        "actor identity": ("ACTOR", lambda s: s.actor_id),
        "date value": ("DATE", lambda s: s.attributes.get("value")),
        "date precision": ("DATE", lambda s: s.attributes.get("precision")),
        "source reliability (span)": ("SOURCE", lambda s: s.attributes.get("source_reliability")),
    }
    out = []
    for name, (layer, get) in getters.items():
        rows, keys, matched, total = [], [], 0, 0
        for d in data.docs:
            places: dict[tuple[int, int], dict[str, Any]] = {}
            for n in data.names:
                for s in data.spans.get((d, n), []):
                    if s.layer == layer:
                        places.setdefault((s.start, s.end), {})[n] = get(s)
                        total += 1
            for (start, end), by in places.items():
                if len(by) >= 2:
                    matched += len(by)
                    row = [by.get(n) for n in data.names]
                    rows.append(row)
                    if len({v for v in row if v is not None}) > 1:
                        keys.append((d, f"span:{layer}:{start}-{end}"))
        entry = _entry(name, "span attributes", "alpha nominal", rows, data.names,
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
