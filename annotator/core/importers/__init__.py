"""Importers: one module per input format, each turning one file into records.

An importer reads a whole file and returns a :class:`ParsedFile`; it never
touches the database. If any record of a file is bad, the file's problems are
listed and the project imports none of it (all or nothing per file).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.core.errors import FileRejected
from annotator.core.models import NewDocument, Rejection

MAX_FILE_BYTES = 512 * 1024 * 1024
SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".html", ".htm",
            ".ann")


@dataclass(frozen=True, slots=True)
class Record:
    """One document to import, with the annotations the format carried."""

    document: NewDocument
    annotations: dict[str, Any] = field(default_factory=dict)
    sha256: str = ""
    line: int | None = None


@dataclass(slots=True)
class ParsedFile:
    source: str
    records: list[Record] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Rejection] = field(default_factory=list)
    header: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return _basename(self.source)


@dataclass(frozen=True, slots=True)
class ImportOptions:
    text_column: str = "text"
    language: str = ""
    """Force this language instead of detecting it."""


@lru_cache(maxsize=64)
def _basename(source: str) -> str:
    return Path(source).name


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to import: the given files, and every importable file below given folders."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES \
                        and not _export_companion(child):
                    yield child
        else:
            yield path


def _export_companion(path: Path) -> bool:
    """Files that belong to a brat or Label Studio export read through another file."""
    from annotator.core.importers import brat, labelstudio

    return brat.is_companion(path) or labelstudio.is_companion(path)


def read_file(path: Path, options: ImportOptions) -> ParsedFile:
    """Parse one file by its suffix; raises FileRejected for a file that is unusable whole."""
    from annotator.core.importers import (
        brat,
        csv_file,
        html_file,
        json_file,
        labelstudio,
        text_file,
    )

    if not path.exists():
        raise FileRejected("file not found")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise FileRejected(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    suffix = path.suffix.lower()
    if suffix == ".json" and labelstudio.sniff(path):
        return labelstudio.read(path, options)
    readers = {
        ".txt": text_file.read, ".text": text_file.read,
        ".jsonl": json_file.read_jsonl, ".ndjson": json_file.read_jsonl,
        ".json": json_file.read_json,
        ".csv": csv_file.read, ".tsv": csv_file.read,
        ".html": html_file.read, ".htm": html_file.read,
        ".ann": brat.read,
    }
    reader = readers.get(suffix)
    if reader is None:
        raise FileRejected(
            f"unsupported file type {suffix or '(none)'}; use .txt, .jsonl, .json, .csv or .html")
    return reader(path, options)
