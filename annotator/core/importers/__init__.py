"""Importers: one module per input format, each turning one file into records.

An importer reads a whole file and returns a :class:`ParsedFile`; it never
touches the database. If any record of a file is bad, the file's problems are
listed and the project imports none of it (all or nothing per file).

Hostile files are this module's concern too: only regular files are opened
(a FIFO or device is refused before it could block), a folder import skips
symbolic links that lead outside the folder, and :func:`read_file` turns any
error of a parser into that file's rejection, so one bad file never ends the
run. The size limits come from :mod:`annotator.core.limits`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.core.codebook import Codebook
from annotator.core.errors import FileRejected, LimitExceeded, UnreadableText
from annotator.core.limits import MAX_IMPORT_FILE_BYTES, check_document_length
from annotator.core.models import NewDocument, Rejection
from annotator.core.text import decode_bytes

MAX_FILE_BYTES = MAX_IMPORT_FILE_BYTES
SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".html", ".htm",
            ".ann", ".xmi", ".qdpx")


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
    events: list[dict[str, Any]] = field(default_factory=list)
    """Native event records (they link claims of the file or the project by uid)."""
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
    codebook: Codebook | None = None
    """The project's codebook, for formats that check their labels against it first."""
    unknown: str = "refuse"
    """What to do with labels, fields and choices the codebook lacks: "refuse" the
    file (listing them all before any work), or keep them as document "metadata"."""


@lru_cache(maxsize=64)
def _basename(source: str) -> str:
    return Path(source).name


def expand_paths(paths: Iterable[str | Path], skipped: list[Rejection] | None = None,
                 unknown: list[Rejection] | None = None) -> Iterator[Path]:
    """Files to import: the given files, and every importable file below given folders.

    Below a folder, special files (FIFOs, devices, sockets) and symbolic links
    that lead outside the folder are left out; each is added to ``skipped``
    with the reason, when a list is given. Files of a type no importer reads
    (a .png) are added to ``unknown``, when a list is given.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            for child in sorted(path.rglob("*")):
                if child.suffix.lower() not in SUFFIXES:
                    if unknown is not None and child.is_file() and not _hidden(child, path):
                        unknown.append(Rejection(str(child), "unknown file type "
                                                 f"{child.suffix or '(none)'}, not read"))
                    continue
                if _export_companion(child):
                    continue
                reason = _skip_reason(child, root)
                if reason is None:
                    yield child
                elif reason and skipped is not None:
                    skipped.append(Rejection(str(child), f"skipped: {reason}"))
        else:
            yield path


def _hidden(child: Path, root: Path) -> bool:
    """A dot-file or a file inside a dot-folder (.git, .DS_Store): not worth a report line."""
    return any(part.startswith(".") for part in child.relative_to(root).parts)


def _skip_reason(child: Path, root: Path) -> str | None:
    """Why a file found below ``root`` is not imported ('' for a folder), or None."""
    try:
        if child.is_symlink() and not child.resolve().is_relative_to(root):
            return "a symbolic link to a file outside the imported folder"
        mode = os.stat(child).st_mode
    except (OSError, RuntimeError):  # a dangling link, or a loop of links
        return "a broken symbolic link"
    if stat.S_ISDIR(mode):
        return ""
    return None if stat.S_ISREG(mode) else _special(mode)


def _special(mode: int) -> str:
    kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else \
        "a socket" if stat.S_ISSOCK(mode) else "a device or other special file"
    return f"{kind}, not a regular file"


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_FILE_BYTES`.

    The file is opened non-blocking and checked on its open descriptor, so a
    FIFO named in its place is refused at once instead of hanging the import
    (which holds the project's write lock).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise FileRejected("file not found") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRejected(_special(info.st_mode))
        if info.st_size > MAX_FILE_BYTES:
            raise FileRejected(f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        return handle.read(MAX_FILE_BYTES + 1)


def read_text(path: Path) -> str:
    """:func:`read_bytes`, decoded as article text (any trouble is a FileRejected)."""
    try:
        return decode_bytes(read_bytes(path))
    except UnreadableText as exc:
        raise FileRejected(str(exc)) from None


def _export_companion(path: Path) -> bool:
    """Files that belong to a brat, Label Studio or XMI export read through another file."""
    from annotator.core.importers import brat, labelstudio, xmi

    return brat.is_companion(path) or labelstudio.is_companion(path) or xmi.is_companion(path)


Reader = Callable[[Path, ImportOptions], ParsedFile]


def read_file(path: Path, options: ImportOptions) -> ParsedFile:
    """Parse one file by its suffix; raises FileRejected for a file that is unusable whole.

    Whatever goes wrong inside a parser (a malformed record it did not expect,
    nesting too deep, an unreadable file) becomes a FileRejected naming the
    cause, so the import goes on with the next file.
    """
    try:
        parsed = _reader(path)(path, options)
    except FileRejected:
        raise
    except LimitExceeded as exc:
        raise FileRejected(str(exc)) from None
    except RecursionError:
        raise FileRejected("nested too deeply to read") from None
    except UnicodeError as exc:
        raise FileRejected(f"not readable as text ({exc})") from None
    except OSError as exc:
        raise FileRejected(f"cannot read: {exc.strerror or exc}") from None
    except (KeyError, IndexError, TypeError, ValueError, AttributeError, OverflowError,
            MemoryError) as exc:
        raise FileRejected(f"malformed {path.suffix or 'file'} ({type(exc).__name__}: "
                           f"{exc})") from None
    _check_lengths(parsed)
    return parsed


def _reader(path: Path) -> Reader:
    from annotator.core.importers import (
        brat,
        csv_file,
        html_file,
        json_file,
        labelstudio,
        qdpx,
        text_file,
        xmi,
    )

    suffix = path.suffix.lower()
    if suffix == ".json" and labelstudio.sniff(path):
        return labelstudio.read
    readers: dict[str, Reader] = {
        ".txt": text_file.read, ".text": text_file.read,
        ".jsonl": json_file.read_jsonl, ".ndjson": json_file.read_jsonl,
        ".json": json_file.read_json,
        ".csv": csv_file.read, ".tsv": csv_file.read,
        ".html": html_file.read, ".htm": html_file.read,
        ".ann": brat.read, ".xmi": xmi.read, ".qdpx": qdpx.read,
    }
    reader = readers.get(suffix)
    if reader is None:
        raise FileRejected(
            f"unsupported file type {suffix or '(none)'}; use .txt, .jsonl, .json, .csv, .html, "
            ".ann, .xmi or .qdpx")
    return reader


def _check_lengths(parsed: ParsedFile) -> None:
    """Records longer than the document limit become problems of the file."""
    kept = []
    for record in parsed.records:
        try:
            check_document_length(record.document.text)
        except LimitExceeded as exc:
            parsed.problems.append(Rejection(parsed.source, str(exc), record.line))
        else:
            kept.append(record)
    parsed.records = kept
