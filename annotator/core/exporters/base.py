"""What every exporter shares: all-or-nothing output, the manifest, optional libraries.

Output goes to hidden, uniquely named temporary files and folders beside the
target first (never a name a user's file could already have); only a finished
export renames them into place (``os.replace``), so a cancelled or failed export
leaves nothing half-written behind and never clobbers a previous export midway.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from annotator.core.errors import ExportError, MissingDependency
from annotator.core.exporters.selection import Selection
from annotator.core.outputs import temporary_sibling
from annotator.core.wording import count

if TYPE_CHECKING:
    from annotator.core.project import Project

MANIFEST_FORMAT = "annotator-export"
MANIFEST_VERSION = 1


@dataclass(slots=True)
class ExportResult:
    """What an export wrote."""

    format: str
    path: Path
    documents: int = 0
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"wrote {count(self.documents, 'document')} as {self.format} to {self.path}"
        if self.warnings:
            text += f" ({len(self.warnings)} warnings, see the manifest)"
        return text


def require(module: str, extra: str, what: str) -> ModuleType:
    """Import an optional library or raise :class:`MissingDependency` naming the extra."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependency(
            f"{what} export needs {module}: pip install 'annotator[{extra}]'") from None


# ------------------------------------------------------------------- output


class Output:
    """Temporary files and folders that replace the real ones only on :meth:`commit`."""

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []

    def file(self, path: Path) -> Path:
        """A temporary path to write instead of ``path``."""
        tmp = temporary_sibling(path)
        self._pending.append((tmp, path))
        return tmp

    def directory(self, path: Path) -> Path:
        """An empty temporary folder to fill instead of ``path``."""
        if path.exists() and not path.is_dir():
            raise ExportError(f"{path} exists and is not a folder")
        tmp = temporary_sibling(path, folder=True)
        self._pending.append((tmp, path))
        return tmp

    def commit(self) -> None:
        """Rename everything into place, manifests last.

        A manifest already at a final name is removed first, so a kill between
        two renames leaves data with no manifest, never a manifest describing
        other data than the file beside it.
        """
        pending = sorted(self._pending, key=lambda item: _is_manifest(item[1]))
        if len(pending) > 1:
            for _tmp, final in pending:
                if _is_manifest(final) and final.is_file():
                    final.unlink()
        for tmp, final in pending:
            if tmp.is_dir():
                old = None
                if final.exists():
                    old = temporary_sibling(final, folder=True)
                    old.rmdir()
                    final.rename(old)
                tmp.rename(final)
                if old is not None:
                    _remove(old)
            else:
                os.replace(tmp, final)
        self._pending.clear()

    def discard(self) -> None:
        for tmp, _final in self._pending:
            _remove(tmp)
        self._pending.clear()


def _is_manifest(path: Path) -> bool:
    return path.name.endswith("manifest.json")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


@contextlib.contextmanager
def output() -> Iterator[Output]:
    """Everything written through the yielded :class:`Output` appears at once, or not at all."""
    out = Output()
    try:
        yield out
    except BaseException:
        out.discard()
        raise
    out.commit()


# ----------------------------------------------------------------- manifest


def tool_version() -> str:
    from annotator import __version__

    return __version__


def manifest(project: Project, selection: Selection, export_format: str, *,
             annotators: list[str], hashes: list[tuple[int, str]],
             warnings: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    """The metadata every export carries: tool, codebook, time, selection, annotators, hashes."""
    book = project.codebook
    data: dict[str, Any] = {
        "format": MANIFEST_FORMAT, "format_version": MANIFEST_VERSION,
        "export_format": export_format, "tool": "annotator", "tool_version": tool_version(),
        "codebook": {"name": book.name, "version": book.version},
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "selection": selection.describe(), "annotators": annotators,
        "documents": len(hashes),
        "text_sha256": [{"doc_id": doc_id, "sha256": sha} for doc_id, sha in hashes],
    }
    data.update(extra)
    data["warnings"] = list(warnings or [])
    return data


def write_json(path: Path, data: Any) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(_indented(data))
        handle.write("\n")


_HASHES = "text_sha256"
_PLACEHOLDER = "\x00text_sha256\x00"


def _indented(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, with a fast path for a manifest.

    An indented dump runs the pure-Python encoder, which costs a noticeable part
    of a large export on the per-document hash list alone; that list (ints and
    hex digests) is formatted directly, byte for byte as the encoder would.
    """
    hashes = data.get(_HASHES) if isinstance(data, dict) else None
    if not hashes or not all(type(h) is dict and list(h) == ["doc_id", "sha256"]
                             and type(h["doc_id"]) is int and type(h["sha256"]) is str
                             and h["sha256"].isalnum() and h["sha256"].isascii()
                             for h in hashes):
        return json.dumps(data, ensure_ascii=False, indent=2)
    text = json.dumps({**data, _HASHES: _PLACEHOLDER}, ensure_ascii=False, indent=2)
    quoted = json.dumps(_PLACEHOLDER)
    items = ",\n".join(f'    {{\n      "doc_id": {h["doc_id"]},\n      "sha256": "{h["sha256"]}"'
                       "\n    }" for h in hashes)
    return text.replace(quoted, f"[\n{items}\n  ]", 1)


def sidecar(path: Path, suffix: str) -> Path:
    """``tasks.json`` -> ``tasks.actors.jsonl`` (the other files of a single-file format)."""
    return path.with_name(f"{path.stem}{suffix}")


def manifest_sidecar(path: Path) -> Path:
    """``data.conll`` -> ``data.conll.manifest.json``: the manifest of a single-file export.

    Named after the whole file name, so exports of two formats into one folder
    (``data.conll`` and ``data.spacy``) each keep their own manifest."""
    return path.with_name(f"{path.name}.manifest.json")


# -------------------------------------------------------------------- helpers


@functools.lru_cache(maxsize=4096)
def date_bounds(value: str, mod: str = "") -> tuple[str, str]:
    """Earliest and latest ISO dates a TIMEX3 value covers ('' when unknown).

    Uses :func:`annotator.core.timex.parse_value`; until that module is
    installed, or for values it cannot bound, both are empty.
    """
    if not value:
        return "", ""
    try:
        from annotator.core.timex import parse_value
    except ImportError:
        return "", ""
    try:
        parsed = parse_value(value, mod or None)
    except (ValueError, TypeError):
        return "", ""
    return _iso(getattr(parsed, "earliest", None)), _iso(getattr(parsed, "latest", None))


def _iso(value: Any) -> str:
    if value is None:
        return ""
    isoformat = getattr(value, "isoformat", None)
    return str(isoformat()) if callable(isoformat) else str(value)


def slug(text: str, limit: int = 40) -> str:
    """A file-name-safe ASCII form of ``text``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-")


def doc_file_stem(doc_id: int, source_file: str) -> str:
    """``000042_01-sv-riksnytt-samtal``: sorts by id, still says which article it was."""
    stem = slug(Path(source_file.split(":")[0]).stem) if source_file else ""
    return f"{doc_id:06d}_{stem}" if stem else f"{doc_id:06d}"
