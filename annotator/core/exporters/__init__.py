"""Exporters: one module per output format, each a function taking a progress/cancel state.

Every format module has ``export(project, path, selection, state, **options)``
returning an :class:`~annotator.core.exporters.base.ExportResult`. This package
only knows the registry: :func:`export` looks a format up by name and imports
its module on first use, so optional libraries (spaCy, pyarrow, datasets) load
only for the formats that need them. The registry itself imports nothing else of
the core, so the command line lists the format names without loading the models
or the store; ``Selection``, ``ExportResult`` and ``parse_source`` load on first use.

    >>> from annotator.core.exporters import export, Selection
    >>> export(project, "csv", "out/", Selection("gold-fallback", "alice"))
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.errors import ExportError, MissingDependency, SelectionError
from annotator.core.tasks import NULL_STATE, TaskState

if TYPE_CHECKING:
    from annotator.core.exporters.base import ExportResult
    from annotator.core.exporters.selection import Selection, parse_source
    from annotator.core.project import Project

_LAZY = {"ExportResult": "base", "Selection": "selection", "parse_source": "selection"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    globals()[name] = value
    return value


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    module: str
    label: str
    target: str
    """"file" or "folder": what ``path`` names."""
    extra: str = ""
    """The optional dependency group it needs, if any."""


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("jsonl", "jsonl", "Native JSONL (lossless, importable)", "file"),
    Format("codebook", "codebook_json", "Codebook as JSON (full domains)", "file"),
    Format("csv", "csv_tables", "CSV tables: documents, spans, claims (PCA style)", "folder"),
    Format("parquet", "parquet", "Parquet tables: documents, spans, claims", "folder", "parquet"),
    Format("brat", "brat", "brat standoff (.txt + .ann, annotation.conf)", "folder"),
    Format("conll", "conll", "CoNLL-2003 style BIO per token", "file"),
    Format("spacy", "spacy_docbin", "spaCy DocBin (.spacy)", "file", "spacy"),
    Format("hf", "hf_datasets", "Hugging Face datasets (save_to_disk)", "folder", "hf"),
    Format("labelstudio", "labelstudio", "Label Studio JSON tasks", "file"),
    Format("reliability", "reliability", "Reliability matrices, units x coders (CSV)", "folder"),
    Format("events", "events", "Event ledger: events, claims, event-article crosswalk (CSV+JSON)",
           "folder"),
    Format("qdpx", "qdpx", "REFI-QDA project (.qdpx) for QualCoder, MAXQDA, ATLAS.ti, NVivo",
           "file"),
    Format("xmi", "xmi", "UIMA CAS XMI for INCEpTION / WebAnno (with TypeSystem.xml)", "folder",
           "xmi"),
)}
ALIASES = {"datasets": "hf", "huggingface": "hf", "label-studio": "labelstudio", "docbin": "spacy",
           "native": "jsonl", "uima": "xmi", "inception": "xmi", "refi-qda": "qdpx"}


def get_format(name: str) -> Format:
    key = ALIASES.get(name, name)
    if key not in FORMATS:
        raise ExportError(f"unknown export format {name!r}; use one of {', '.join(FORMATS)}")
    return FORMATS[key]


def export(project: Project, format_name: str, path: str | Path,
           selection: Selection | None = None, state: TaskState = NULL_STATE,
           **options: Any) -> ExportResult:
    """Export ``selection`` (default: all annotators, all documents) as ``format_name``.

    The target passes :func:`annotator.core.outputs.check_target` first: the
    project's own files and folders, SQLite files and foreign non-empty folders
    are refused; an existing file or earlier export is replaced only with
    ``force=True``.
    """
    from annotator.core.exporters.selection import Selection
    from annotator.core.outputs import check_target

    fmt = get_format(format_name)
    force = bool(options.pop("force", False))
    target = check_target(path, kind="file" if fmt.target == "file" else "folder",
                          project=project.path, force=force)
    module = importlib.import_module(f"annotator.core.exporters.{fmt.module}")
    result: ExportResult = module.export(project, target, selection or Selection(),
                                         state, **options)
    return result


__all__ = ["FORMATS", "ExportError", "ExportResult", "Format", "MissingDependency", "Selection",
           "SelectionError", "export", "get_format", "parse_source"]
