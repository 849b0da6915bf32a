"""The table formats through their consumers: DuckDB on Parquet, datasets, pandas on CSV."""

from __future__ import annotations

from pathlib import Path

import datasets
import duckdb
import pandas as pd

from annotator.core import Project
from annotator.core.exporters import export


def test_duckdb_slices_every_span_from_its_document(sample: Project, tmp_path: Path) -> None:
    export(sample, "parquet", tmp_path / "pq")
    folder = (tmp_path / "pq").as_posix()
    con = duckdb.connect()
    total, wrong = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE substr(d.text, s.start + 1, s.\"end\" - s.start)"
        f" <> s.text) FROM '{folder}/spans.parquet' s JOIN (SELECT DISTINCT doc_id, text FROM "
        f"'{folder}/documents.parquet') d USING (doc_id)").fetchone()
    assert (total, wrong) == (len(sample.spans()), 0)
    claims = con.execute(f"SELECT count(*) FROM '{folder}/claims.parquet'").fetchone()
    assert claims == (len(sample.claims()),)


def test_datasets_and_pandas_read_the_spans(sample: Project, tmp_path: Path) -> None:
    export(sample, "hf", tmp_path / "hf")
    data = datasets.load_from_disk(str(tmp_path / "hf"))
    rows = data if isinstance(data, datasets.Dataset) else next(iter(data.values()))
    checked = 0
    for row in rows:
        for span in row["spans"]:
            assert row["text"][span["start"]:span["end"]] == span["text"]
            checked += 1
    assert checked == len(sample.spans())
    export(sample, "csv", tmp_path / "csv")
    spans = pd.read_csv(tmp_path / "csv" / "spans.csv", keep_default_na=False)
    docs = pd.read_csv(tmp_path / "csv" / "documents.csv", keep_default_na=False)
    text = dict(zip(docs.doc_id, docs.text, strict=False))
    assert all(text[d][a:b] == t for d, a, b, t in
               zip(spans.doc_id, spans.start, spans.end, spans.text, strict=True))
