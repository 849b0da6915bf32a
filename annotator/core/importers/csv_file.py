"""CSV/TSV tables: one row, one document; the text column is named by the user."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from annotator.core.errors import FileRejected
from annotator.core.importers import ImportOptions, ParsedFile, Record, read_text
from annotator.core.importers.text_file import document_from_text
from annotator.core.models import Rejection

KNOWN = ("title", "outlet", "url", "byline", "language", "published", "claim")

csv.field_size_limit(256 * 1024 * 1024)


def read(path: Path, options: ImportOptions) -> ParsedFile:
    raw = read_text(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _sniff(raw)
    reader = csv.DictReader(io.StringIO(raw, newline=""), delimiter=delimiter)
    columns = reader.fieldnames or []
    if options.text_column not in columns:
        shown = ", ".join(columns[:12]) or "none"
        raise FileRejected(
            f"no column named {options.text_column!r} (columns: {shown}); "
            "name the text column with --text-column")
    parsed = ParsedFile(source=str(path))
    try:
        for row in reader:
            line = reader.line_num
            _add_row(parsed, row, line, path, options)
    except csv.Error as exc:
        raise FileRejected(f"line {reader.line_num}: malformed CSV ({exc})") from None
    if not parsed.records and not parsed.problems:
        raise FileRejected("the table has no rows")
    return parsed


def _add_row(parsed: ParsedFile, row: dict[str, str | None], line: int, path: Path,
             options: ImportOptions) -> None:
    if None in row:
        parsed.problems.append(Rejection(str(path), "more fields than the header has", line))
        return
    text = row.get(options.text_column) or ""
    if not text.strip():
        parsed.problems.append(Rejection(str(path), "empty text", line))
        return
    meta = {k: (row.get(k) or "").strip() for k in KNOWN if row.get(k)}
    extra = {k: v for k, v in row.items() if k not in KNOWN and k != options.text_column and v}
    try:
        doc = document_from_text(text, f"{path.name}:{line}", options, **meta)
    except FileRejected as exc:
        parsed.problems.append(Rejection(str(path), str(exc), line))
        return
    doc.metadata.update(extra)
    parsed.records.append(Record(doc, line=line))


def _sniff(raw: str) -> str:
    try:
        return csv.Sniffer().sniff(raw[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        return ","
