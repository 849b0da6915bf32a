"""The Qt-free core of annotator: usable from scripts, notebooks and the CLI.

    from annotator.core import Project
"""

from __future__ import annotations

from annotator.core.codebook import Codebook, CodebookError, load_codebook
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
from annotator.core.project import Project, ValidationError
from annotator.core.store.db import ProjectFileError
from annotator.core.tasks import Cancelled, TaskState

__all__ = [
    "GOLD", "Actor", "Alias", "Cancelled", "Changes", "Claim", "Codebook", "CodebookError",
    "Document", "DocumentSummary", "ImportReport", "Project", "ProjectFileError", "Span",
    "Status", "TaskState", "ValidationError", "load_codebook",
]
