"""The Qt-free core of annotator: usable from scripts, notebooks and the CLI.

    from annotator.core import Project

The names below load on first use (PEP 562), so that importing one part of the
core (the export registry for the command line's format names, say) does not
load the whole façade and the store with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook, load_codebook
    from annotator.core.errors import (
        AnnotatorError,
        BackupError,
        CodebookError,
        DamagedProjectError,
        DiskFullError,
        ExportError,
        MissingDependency,
        OutputRefusedError,
        PackageError,
        ProjectBusyError,
        ProjectFileError,
        ReadOnlyProjectError,
        SchemaTooNewError,
        SelectionError,
        StorageError,
        StorageIOError,
        SuggesterUnavailable,
        ValidationError,
    )
    from annotator.core.models import (
        GOLD,
        Actor,
        Alias,
        Changes,
        Claim,
        Document,
        DocumentSummary,
        ImportReport,
        Span,
        Status,
    )
    from annotator.core.project import Project
    from annotator.core.tasks import Cancelled, TaskState

_HOMES = {
    "Codebook": "codebook", "load_codebook": "codebook", "Project": "project",
    "Cancelled": "tasks", "TaskState": "tasks",
    **dict.fromkeys(("GOLD", "Actor", "Alias", "Changes", "Claim", "Document",
                     "DocumentSummary", "ImportReport", "Span", "Status"), "models"),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name, "errors" if name in __all__ else None)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"annotator.core.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "GOLD", "Actor", "Alias", "AnnotatorError", "BackupError", "Cancelled", "Changes", "Claim",
    "Codebook", "CodebookError", "DamagedProjectError", "DiskFullError", "Document",
    "DocumentSummary", "ExportError", "ImportReport", "MissingDependency", "OutputRefusedError",
    "PackageError", "Project", "ProjectBusyError", "ProjectFileError", "ReadOnlyProjectError",
    "SchemaTooNewError", "SelectionError", "Span", "Status", "StorageError", "StorageIOError",
    "SuggesterUnavailable", "TaskState", "ValidationError", "load_codebook",
]
