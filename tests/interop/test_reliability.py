"""Reliability matrices, read by the krippendorff package, give what `annotator agreement` says."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import krippendorff
import numpy as np
import pandas as pd
import pytest

from annotator.core import Project
from annotator.core.exporters import export

# report entry -> matrix file (the same variable under the two names)
PAIRS = {
    "relevance": "doc_relevance",
    "outlet_reliability": "doc_outlet_reliability",
    "actor identity": "span_ACTOR_actor",
    "date precision": "span_DATE_precision",
    "source reliability (span)": "span_SOURCE_source_reliability",
    "claim event_type": "claim_event_type",
    "claim claimant_id": "claim_claimant",
    "claim position": "claim_position",
    "claim source_reliability": "claim_source_reliability",
    "claim info_credibility": "claim_info_credibility",
}


@pytest.fixture(scope="module")
def skipped(sample_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with one document that one coder never worked on."""
    folder = tmp_path_factory.mktemp("skipped")
    native = folder / "sample.jsonl"
    with Project.open(sample_file) as sample:
        export(sample, "jsonl", native)
    lines = native.read_text(encoding="utf-8").splitlines()
    dropped = False
    for index, line in enumerate(lines):
        record = json.loads(line)
        if record.get("type") == "document" and not dropped and "ben" in record["annotations"]:
            del record["annotations"]["ben"]
            lines[index] = json.dumps(record, ensure_ascii=False)
            dropped = True
    native.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = folder / "skipped.annotator"
    with Project.create(path) as project:
        assert not project.import_paths([native]).rejected
    return path


def _alpha(folder: Path, name: str) -> float:
    """The matrix through the krippendorff package, as its manifest says to read it."""
    variable = json.loads((folder / "manifest.json").read_text())["variables"][name]
    table = pd.read_csv(folder / variable["file"], keep_default_na=False, dtype=str)
    coders = [c for c in table.columns if c != "unit"]
    values = sorted({v for c in coders for v in table[c] if v})
    if variable["level"] == "ordinal":
        order = [v for v in variable["domain"] if v not in variable["missing"]]
    else:
        order = variable["domain"] or values
    code = {v: i for i, v in enumerate(order)}
    data = np.array([[code.get(v, np.nan) if v else np.nan for v in table[c]] for c in coders],
                    dtype=float)
    pairable = (~np.isnan(data)).sum(axis=0) >= 2
    if not pairable.any():
        return math.nan
    data = data[:, pairable]
    if len({x for x in data.flatten() if not np.isnan(x)}) < 2:
        return math.nan
    return float(krippendorff.alpha(reliability_data=data, value_domain=list(range(len(order))),
                                    level_of_measurement=variable["level"]))


def _report(project: Project) -> dict[str, Any]:
    return {e["field"]: e for e in project.review.agreement_report(bootstrap=0)["entries"]}


@pytest.mark.parametrize("which", ["sample", "skipped"])
def test_matrices_reproduce_the_report(which: str, sample_file: Path, skipped: Path,
                                       tmp_path: Path) -> None:
    path = sample_file if which == "sample" else skipped
    with Project.open(path) as project:
        report = _report(project)
        out = tmp_path / "rel"
        export(project, "reliability", out)
    checked = 0
    for field, matrix in PAIRS.items():
        ours, theirs = report[field]["value"], _alpha(out, matrix)
        if ours is None:
            assert math.isnan(theirs), field
            continue
        assert theirs == pytest.approx(ours, abs=1e-4), field
        checked += 1
    assert checked >= 8


def test_the_rules_are_the_same(sample_file: Path) -> None:
    with Project.open(sample_file) as project:
        report = _report(project)
    assert report["date precision"]["coefficient"] == "alpha ordinal"
    assert report["source reliability (span)"]["coefficient"] == \
        "alpha ordinal (F/6 as missing)"
    assert "source reliability (span) judgeable" in report
