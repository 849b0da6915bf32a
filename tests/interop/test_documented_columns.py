"""docs/export-formats.md lists the table columns as they are written; spaCy carries doc.cats."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from spacy.tokens import DocBin
from spacy.util import get_lang_class

from annotator.core import Project
from annotator.core.exporters import export

DOCS = Path(__file__).resolve().parents[2] / "docs" / "export-formats.md"


def documented(table: str) -> list[str]:
    """The column names of the table ``**TABLE**`` in the docs, in order."""
    text = DOCS.read_text(encoding="utf-8")
    start = text.index(f"**{table}** —")
    block = text[start:text.index("\n\n", text.index("|---|", start))]
    return re.findall(r"^\| `([^`]+)` \|", block, flags=re.MULTILINE)


def test_documented_columns_are_the_written_ones(sample: Project, tmp_path: Path) -> None:
    export(sample, "csv", tmp_path / "csv")
    export(sample, "parquet", tmp_path / "parquet")
    for table in ("documents", "spans", "claims"):
        columns = documented(table)
        assert len(columns) > 15, table
        csv = pd.read_csv(tmp_path / "csv" / f"{table}.csv", nrows=1)
        assert list(csv.columns) == columns, table
        assert pq.read_schema(tmp_path / "parquet" / f"{table}.parquet").names == columns


def test_the_attributes_column_holds_every_attribute(sample: Project, tmp_path: Path) -> None:
    export(sample, "csv", tmp_path / "csv")
    spans = pd.read_csv(tmp_path / "csv" / "spans.csv", keep_default_na=False, dtype=str)
    dates = spans[spans.layer == "DATE"]
    assert len(dates) and all('"value"' in cell for cell in dates.attributes)
    assert set(spans[spans.layer == "ACTOR"].attributes) <= {""}


def test_document_fields_are_doc_cats(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "data.spacy"
    export(sample, "spacy", out)
    docs = list(DocBin().from_disk(out).get_docs(get_lang_class("xx")().vocab))
    assert docs
    checked = 0
    for doc in docs:
        values = doc.user_data["values"]
        if values.get("relevance"):
            assert doc.cats[f"relevance={values['relevance']}"] == 1.0
            assert sum(v for k, v in doc.cats.items() if k.startswith("relevance=")) == 1.0
            assert {k for k in doc.cats if k.startswith("relevance=")} == \
                {"relevance=yes", "relevance=no", "relevance=unsure"}
            checked += 1
        else:
            assert not any(k.startswith("relevance=") for k in doc.cats)
    assert checked >= 10
