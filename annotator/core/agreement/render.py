"""The agreement report as files: CSV (one row per entry, a column per annotator pair)
and a self-contained HTML page.

Both take the dictionary :func:`annotator.core.agreement.report.agreement_report` returns.
"""

from __future__ import annotations

import csv
import html
import io
from typing import Any


def report_csv(report: dict[str, Any]) -> str:
    """Every entry as a row; the per-pair values in one column per annotator pair."""
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
