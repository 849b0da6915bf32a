"""SQL for team work: assignments, the package log, progress and record timestamps.

Part of the repository layer (with :mod:`annotator.core.store.repository`): plain
functions taking a :class:`~annotator.core.store.repository.Repository`, so that the
tables ``assignments`` and ``packages`` (schema v2) are named only here. Writes
must run inside the caller's ``repo.write()``.

Merging compares a package's creation time with ``updated_at`` of the records
it touches; :func:`stamp` sets that column to the time the merged content was
made instead of the time of the merge (see docs/team-workflow.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from annotator.core.models import AnnotatorId, DocId, Status
from annotator.core.store.base import now
from annotator.core.store.repository import Repository

_STAMPED = {
    "span": ("spans", "id = ?"),
    "claim": ("claims", "id = ?"),
    "value": ("doc_values", "doc_id = ? AND annotator_id = ? AND field = ?"),
    "status": ("doc_status", "doc_id = ? AND annotator_id = ?"),
    "event": ("events", "id = ?"),
}


# --------------------------------------------------------------- assignments


def add_assignments(repo: Repository, pairs: Iterable[tuple[DocId, AnnotatorId]]) -> int:
    """Assign documents to annotators; pairs already assigned are left alone."""
    at = now()
    before = repo.conn.total_changes
    repo.conn.executemany(
        "INSERT OR IGNORE INTO assignments(doc_id, annotator_id, assigned_at) VALUES (?,?,?)",
        [(doc_id, annotator_id, at) for doc_id, annotator_id in pairs])
    return repo.conn.total_changes - before


def remove_assignments(repo: Repository, doc_ids: Iterable[DocId],
                       annotator_id: AnnotatorId) -> int:
    before = repo.conn.total_changes
    repo.conn.executemany("DELETE FROM assignments WHERE doc_id = ? AND annotator_id = ?",
                          [(doc_id, annotator_id) for doc_id in doc_ids])
    return repo.conn.total_changes - before


def assigned_doc_ids(repo: Repository, annotator: str) -> list[DocId]:
    rows = repo.conn.execute(
        "SELECT x.doc_id FROM assignments x JOIN annotators a ON a.id = x.annotator_id "
        "WHERE a.name = ? ORDER BY x.doc_id", (annotator,))
    return [DocId(r[0]) for r in rows]


def assignments(repo: Repository) -> dict[str, list[DocId]]:
    """Every annotator with assignments -> their document ids, in id order."""
    out: dict[str, list[DocId]] = {}
    for name, doc_id in repo.conn.execute(
            "SELECT a.name, x.doc_id FROM assignments x JOIN annotators a "
            "ON a.id = x.annotator_id ORDER BY a.name, x.doc_id"):
        out.setdefault(name, []).append(DocId(doc_id))
    return out


def progress_rows(repo: Repository) -> list[tuple[str, int, int, int, int]]:
    """(annotator, assigned, not started, in progress, done) over assigned documents."""
    rows = repo.conn.execute(
        "SELECT a.name, COUNT(*), "
        "SUM(COALESCE(s.status, 'not_started') = 'not_started'), "
        "SUM(COALESCE(s.status, '') = 'in_progress'), SUM(COALESCE(s.status, '') = 'done') "
        "FROM assignments x JOIN annotators a ON a.id = x.annotator_id "
        "LEFT JOIN doc_status s ON s.doc_id = x.doc_id AND s.annotator_id = x.annotator_id "
        "GROUP BY a.name ORDER BY a.name")
    return [(r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows]


# ------------------------------------------------------------------ packages


def record_package(repo: Repository, package_uid: str, direction: str, annotator: str,
                   checksum: str, summary: dict[str, Any]) -> None:
    repo.conn.execute(
        "INSERT INTO packages(package_uid, direction, annotator, checksum, at, summary) "
        "VALUES (?,?,?,?,?,?)",
        (package_uid, direction, annotator, checksum, now(),
         json.dumps(summary, ensure_ascii=False, sort_keys=True)))


def packages(repo: Repository, direction: str | None = None,
             annotator: str | None = None) -> list[dict[str, Any]]:
    """The package log, oldest first; ``summary`` decoded."""
    where, params = [], []
    if direction:
        where.append("direction = ?")
        params.append(direction)
    if annotator:
        where.append("annotator = ?")
        params.append(annotator)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    keys = ("id", "package_uid", "direction", "annotator", "checksum", "at", "summary")
    out = []
    for row in repo.conn.execute(
            f"SELECT {', '.join(keys)} FROM packages{clause} ORDER BY id", params):
        item = dict(zip(keys, row, strict=True))
        item["summary"] = json.loads(item["summary"])
        out.append(item)
    return out


# -------------------------------------------------- annotator's own records


def record_by_uid(repo: Repository, kind: str, uid: str) -> tuple[int, DocId, int, str] | None:
    """(id, doc id, annotator id, updated_at) of any span or claim with ``uid``."""
    table = {"span": "spans", "claim": "claims"}[kind]
    row = repo.conn.execute(f"SELECT id, doc_id, annotator_id, updated_at FROM {table} "
                            "WHERE uid = ?", (uid,)).fetchone()
    return None if row is None else (int(row[0]), DocId(row[1]), int(row[2]), row[3])


def value_stamps(repo: Repository, doc_id: DocId, annotator_id: AnnotatorId
                 ) -> dict[str, tuple[Any, dict[str, Any], str]]:
    """field -> (value, provenance, updated_at) for one annotator on one document."""
    rows = repo.conn.execute("SELECT field, value, provenance, updated_at FROM doc_values "
                             "WHERE doc_id = ? AND annotator_id = ?", (doc_id, annotator_id))
    return {r[0]: (json.loads(r[1]), json.loads(r[2]), r[3]) for r in rows}


def status_stamp(repo: Repository, doc_id: DocId, annotator_id: AnnotatorId
                 ) -> tuple[Status, str] | None:
    row = repo.conn.execute("SELECT status, updated_at FROM doc_status WHERE doc_id = ? AND "
                            "annotator_id = ?", (doc_id, annotator_id)).fetchone()
    return None if row is None else (Status(row[0]), row[1])


def stamp(repo: Repository, kind: str, key: tuple[Any, ...], at: str) -> None:
    """Set ``updated_at`` of one span, claim, value, status or event row to ``at``."""
    table, where = _STAMPED[kind]
    repo.conn.execute(f"UPDATE {table} SET updated_at = ? WHERE {where}", (at, *key))


# ---------------------------------------------------- deletions from history


def removed_uids(repo: Repository, entity: str, annotator: str) -> list[str]:
    """uids of ``annotator``'s spans, claims or events removed and not restored since."""
    table = {"span": "spans", "claim": "claims", "event": "events"}[entity]
    rows = repo.conn.execute(
        "SELECT DISTINCT json_extract(h.before, '$.uid') AS uid FROM history h "
        "WHERE h.entity = ? AND h.operation = 'remove' AND h.annotator = ? "
        f"AND json_extract(h.before, '$.uid') NOT IN (SELECT uid FROM {table}) ORDER BY uid",
        (entity, annotator))
    return [r[0] for r in rows if r[0]]


def cleared_values(repo: Repository, annotator: str) -> list[tuple[DocId, str]]:
    """(document, field) pairs ``annotator`` set once and has cleared since."""
    rows = repo.conn.execute(
        "SELECT DISTINCT h.doc_id, h.entity_id FROM history h "
        "JOIN annotators a ON a.name = h.annotator "
        "WHERE h.entity = 'value' AND h.operation = 'set' AND h.annotator = ? "
        "AND h.doc_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM doc_values v "
        "WHERE v.doc_id = h.doc_id AND v.annotator_id = a.id AND v.field = h.entity_id) "
        "ORDER BY h.doc_id, h.entity_id", (annotator,))
    return [(DocId(r[0]), r[1]) for r in rows]
