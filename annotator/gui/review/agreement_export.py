"""Saving the agreement report as HTML or CSV: the writers and the save-dialog flow.

The view (:mod:`annotator.gui.review.agreement_view`) owns the buttons; this module
owns the file side: the default name next to the project, the suffix the chosen
name gets, the output guard and the status text the view shows afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from annotator.core.agreement.render import report_csv, report_html
from annotator.core.errors import OutputRefusedError
from annotator.core.outputs import atomic_file, check_target

FORMATS = {"html": ("HTML (*.html)", ".html"), "csv": ("CSV (*.csv)", ".csv")}
"""Export kind -> (save-dialog pattern, file suffix)."""


def write_html(report: dict[str, Any], project_path: Path, path: str | Path) -> Path:
    """Write ``report`` as HTML to ``path``, refusing the project and its siblings."""
    target = check_target(path, kind="file", project=project_path, force=True)
    with atomic_file(target) as tmp:
        tmp.write_text(report_html(report, f"Agreement report — {project_path.name}"),
                       encoding="utf-8")
    return target


def write_csv(report: dict[str, Any], project_path: Path, path: str | Path) -> Path:
    """Write ``report`` as CSV to ``path``, refusing the project and its siblings."""
    target = check_target(path, kind="file", project=project_path, force=True)
    with atomic_file(target) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        handle.write(report_csv(report))
    return target


WRITERS = {"html": write_html, "csv": write_csv}


def export_with_dialog(parent: QWidget, report: dict[str, Any], project_path: Path,
                       kind: str) -> str | None:
    """Ask where to save and write the report; the status text, or None when cancelled."""
    pattern, suffix = FORMATS[kind]
    default = str(project_path.with_name(project_path.stem + "-agreement" + suffix))
    name, _ = QFileDialog.getSaveFileName(parent, "Export the agreement report", default,
                                          pattern)
    if not name:
        return None
    try:
        # The save dialog has asked before replacing; the guard still refuses
        # the project, its backups and any SQLite file.
        written = WRITERS[kind](report, project_path,
                                name if name.endswith(suffix) else name + suffix)
    except (OSError, OutputRefusedError) as exc:
        return f"Could not write {name}: {exc}"
    return f"Exported {written}"
