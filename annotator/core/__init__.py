"""The Qt-free core of annotator: usable from scripts, notebooks and the CLI.

    from annotator.core import Project
"""

from __future__ import annotations

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

__all__ = [
    "GOLD", "Actor", "Alias", "AnnotatorError", "BackupError", "Cancelled", "Changes", "Claim",
    "Codebook", "CodebookError", "DamagedProjectError", "DiskFullError", "Document",
    "DocumentSummary", "ExportError", "ImportReport", "MissingDependency", "OutputRefusedError",
    "PackageError", "Project", "ProjectBusyError", "ProjectFileError", "ReadOnlyProjectError",
    "SchemaTooNewError", "SelectionError", "Span", "Status", "StorageError", "StorageIOError",
    "SuggesterUnavailable", "TaskState", "ValidationError", "load_codebook",
]
