"""The actor registry as CSV, the same columns the registry import reads."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.ingest import ACTOR_CSV_COLUMNS, format_aliases

if TYPE_CHECKING:
    from annotator.core.project import Project


def export_actors_csv(project: Project, path: Path) -> int:
    actors = project.actors()
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ACTOR_CSV_COLUMNS)
        for actor in sorted(actors, key=lambda a: a.key):
            writer.writerow([actor.key, actor.canonical_name, format_aliases(actor.aliases),
                             actor.qid, actor.country, actor.sector, actor.actor_type,
                             actor.title])
    os.replace(tmp, path)
    return len(actors)
