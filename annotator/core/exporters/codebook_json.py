"""The codebook as JSON: every layer, attribute and vocabulary with its full domain.

Agreement tools and dataset users need the categories nobody used as well as
the ones that occur, and the version the annotations were made under.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.exporters.base import ExportResult, output, tool_version, write_json
from annotator.core.exporters.selection import Selection
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project


def codebook_document(project: Project) -> dict[str, Any]:
    data = project.codebook.to_dict()
    data["exported_with"] = {"tool": "annotator", "tool_version": tool_version()}
    return data


def export(project: Project, path: Path, selection: Selection, state: TaskState
           ) -> ExportResult:
    """Write the project's codebook to ``path`` (the selection does not apply)."""
    state.check()
    with output() as out:
        write_json(out.file(path), codebook_document(project))
    state.progress(1, 1, f"wrote {path}")
    return ExportResult("codebook", path, files=[path])
