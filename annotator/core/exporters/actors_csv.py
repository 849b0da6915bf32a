"""The actor registry as CSV, the same columns the registry import reads."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.importers.ingest import ACTOR_CSV_COLUMNS, format_aliases
from annotator.core.outputs import atomic_file, check_target

if TYPE_CHECKING:
    from annotator.core.project import Project


def export_actors_csv(project: Project, path: str | Path, *, force: bool = False) -> int:
    """Write the registry to ``path`` (guarded, atomic); returns the number of actors."""
    target = check_target(path, kind="file", project=project.path, force=force)
    actors = project.actors()
    with atomic_file(target) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ACTOR_CSV_COLUMNS)
        for actor in sorted(actors, key=lambda a: a.key):
            writer.writerow([actor.key, actor.canonical_name, format_aliases(actor.aliases),
                             actor.qid, actor.country, actor.sector, actor.actor_type,
                             actor.title])
    return len(actors)
