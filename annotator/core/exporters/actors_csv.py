"""The actor registry as CSV, the same columns the registry import reads."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.exporters.csv_tables import Cells, write_actors
from annotator.core.outputs import atomic_file, check_target

if TYPE_CHECKING:
    from annotator.core.project import Project


def export_actors_csv(project: Project, path: str | Path, *, force: bool = False,
                      spreadsheet_safe: bool = False, warnings: list[str] | None = None
                      ) -> int:
    """Write the registry to ``path`` (guarded, atomic); returns the number of actors.

    The warning about cells a spreadsheet would run as formulas (see
    :class:`~annotator.core.exporters.csv_tables.Cells`) is added to ``warnings``.
    """
    target = check_target(path, kind="file", project=project.path, force=force)
    cells = Cells(spreadsheet_safe)
    with atomic_file(target) as tmp:
        write_actors(tmp, project, cells, lineterminator="\r\n")
    if warnings is not None:
        warnings.extend(cells.warnings())
    return len(project.actors())
