"""Offline team work: assignments, annotator packages, the round trip and progress.

The round trip (docs/team-workflow.md tells it step by step):

1. the reviewer assigns documents (:func:`assign`, :func:`split_assignment`) and
   writes one package per annotator (:func:`write_packages`);
2. the annotator opens the package as a local project (:meth:`annotator.core.Project.from_package`),
   works offline, and writes a return package (:func:`return_package`);
3. the reviewer merges it (:func:`merge_package`, in :mod:`annotator.core.team.merge`).

Every function takes a :class:`~annotator.core.team.target.TeamTarget` (the store,
the codebook and the project's path), which ``project.team`` hands over. The file
format itself lives in :mod:`annotator.core.team.package`, the SQL in
:mod:`annotator.core.store.team`.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from annotator import __version__
from annotator.core.codebook import parse_codebook
from annotator.core.errors import PackageError
from annotator.core.filenames import unique_stems
from annotator.core.models import GOLD, ActorId, DocId, new_uid
from annotator.core.native import actor_record, event_record, header_record, line
from annotator.core.project import rules
from annotator.core.store import team as rt
from annotator.core.store.base import now
from annotator.core.team.merge import MergeReport, merge_package
from annotator.core.team.package import (
    CODEBOOK,
    DELETIONS,
    DOCUMENTS,
    EVENTS,
    FORMAT,
    FORMAT_VERSION,
    REGISTRY,
    SUFFIX,
    Package,
    PackageLimits,
    read_package,
    sha256_bytes,
    write_package,
)
from annotator.core.team.target import TeamTarget
from annotator.core.text import sha256

__all__ = [
    "AnnotatorProgress", "MergeReport", "PackageError", "PackageInfo", "PackageLimits",
    "TeamTarget",
    "assign", "assignments", "make_package", "merge_package", "packages", "progress",
    "read_package", "return_package", "split_assignment", "unassign",
    "write_packages",
]

# project_info keys: the master's identity, and in a local project where it came from
INFO_PROJECT_UID = "project_uid"
INFO_PARENT = "team.package_uid"
INFO_PARENT_CREATED = "team.package_created_at"
INFO_ANNOTATOR = "team.annotator"
INFO_ORIGIN_UID = "team.origin_project_uid"
INFO_ORIGIN_NAME = "team.origin_project_name"


@dataclass(frozen=True, slots=True)
class PackageInfo:
    """A package just written."""

    path: Path
    package_uid: str
    annotator: str
    documents: int
    checksum: str


@dataclass(frozen=True, slots=True)
class AnnotatorProgress:
    """One row of the progress dashboard (counts over the assigned documents)."""

    annotator: str
    assigned: int
    not_started: int
    in_progress: int
    done: int
    packages_out: int = 0
    packages_in: int = 0
    last_merged: str = ""

    @property
    def fraction_done(self) -> float:
        return self.done / self.assigned if self.assigned else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "fraction_done": round(self.fraction_done, 4)}


# --------------------------------------------------------------- assignment


def split_assignment(doc_ids: Iterable[DocId], annotators: Sequence[str], overlap: float = 0.0,
                     *, seed: int | None = 0) -> dict[str, list[DocId]]:
    """Deal documents to annotators; a random ``overlap`` fraction goes to every one of them.

    With overlap 0.1 and 100 documents, 10 (drawn at random) are shared by all
    annotators for agreement and the other 90 are dealt out one by one in a random
    order, so each annotator gets about the same number. ``seed`` makes the draw
    repeatable (None: a different draw each time).
    """
    names = _annotator_names(annotators)
    if not 0.0 <= overlap <= 1.0:
        raise ValueError(f"overlap must be between 0 and 1, not {overlap}")
    docs = sorted(set(doc_ids))
    order = list(docs)
    random.Random(seed).shuffle(order)
    shared_count = int(overlap * len(order) + 0.5)
    if overlap > 0 and order and shared_count == 0:
        shared_count = 1
    shared, rest = order[:shared_count], order[shared_count:]
    plan: dict[str, list[DocId]] = {name: list(shared) for name in names}
    for index, doc_id in enumerate(rest):
        plan[names[index % len(names)]].append(doc_id)
    return {name: sorted(ids) for name, ids in plan.items()}


def assign(target: TeamTarget, doc_ids: Iterable[DocId], annotators: Sequence[str], *,
           overlap: float | None = None, seed: int | None = 0) -> dict[str, list[DocId]]:
    """Store assignments: every document to every annotator, or split with ``overlap``.

    Returns annotator -> the documents this call assigned (already assigned ones
    included); one transaction.
    """
    docs = sorted(set(doc_ids))
    names = _annotator_names(annotators)
    known = set(target.repo.document_ids()) if docs else set()
    unknown = [d for d in docs if d not in known]
    if unknown:
        raise KeyError(f"no document with id {', '.join(map(str, unknown[:5]))}")
    plan = {n: list(docs) for n in names} if overlap is None else \
        split_assignment(docs, names, overlap, seed=seed)
    with target.repo.write():
        for name, ids in plan.items():
            annotator_id = rules.annotator_id(target.repo, name)
            rt.add_assignments(target.repo, ((d, annotator_id) for d in ids))
    return plan


def unassign(target: TeamTarget, doc_ids: Iterable[DocId], annotator: str) -> int:
    """Take documents back from an annotator (their annotations stay); returns how many."""
    if annotator not in target.repo.annotators():
        return 0
    with target.repo.write():
        annotator_id = target.repo.annotator_id(annotator, create=False)
        return rt.remove_assignments(target.repo, doc_ids, annotator_id)


def assignments(target: TeamTarget) -> dict[str, list[DocId]]:
    return rt.assignments(target.repo)


def packages(target: TeamTarget, direction: str) -> list[dict[str, Any]]:
    """The packages written (``"out"``) or merged (``"in"``), oldest first."""
    return rt.packages(target.repo, direction)


def _annotator_names(annotators: Sequence[str]) -> list[str]:
    names = list(dict.fromkeys(annotators))
    if not names:
        raise ValueError("name at least one annotator")
    if GOLD in names:
        raise ValueError(f"{GOLD!r} is the adjudicated layer, not an annotator to assign to")
    return names


# ----------------------------------------------------------- writing packages


def make_package(target: TeamTarget, annotator: str, out_path: str | Path,
                 doc_ids: Iterable[DocId] | None = None) -> PackageInfo:
    """Write the package for ``annotator``: ``doc_ids`` (assigned now) or all assigned."""
    repo = target.repo
    chosen = None if doc_ids is None else sorted(set(doc_ids))
    with repo.write():
        rules.annotator_id(repo, annotator)
        if chosen is not None:
            assign(target, chosen, [annotator])
        if not repo.info(INFO_PROJECT_UID):
            repo.set_info(INFO_PROJECT_UID, new_uid())
    docs = chosen if chosen is not None else rt.assigned_doc_ids(repo, annotator)
    if not docs:
        raise PackageError(f"no documents are assigned to {annotator!r}")
    identity = {"uid": repo.info(INFO_PROJECT_UID), "name": _project_name(target)}
    lineage = _Lineage("assignment", ("", ""), identity, _no_deletions())
    return _write(target, Path(out_path), annotator, docs, lineage)


def write_packages(target: TeamTarget, out_dir: str | Path,
                   plan: Mapping[str, Sequence[DocId]] | None = None) -> list[PackageInfo]:
    """One package per annotator into ``out_dir``: the documents of ``plan``
    (e.g. what :func:`assign` returned) or, without a plan, everything assigned."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    chosen = dict(plan) if plan is not None else dict(rt.assignments(target.repo))
    if not chosen:
        raise PackageError("nothing is assigned yet: assign documents first")
    stem = _safe(_project_name(target))
    # Names that map to one file name ("x y", "x_y", case variants) get distinct ones.
    files = unique_stems(chosen, "annotator")
    return [make_package(target, name, folder / f"{stem}-{files.of[name]}{SUFFIX}", docs)
            for name, docs in chosen.items()]


def return_package(target: TeamTarget, out_path: str | Path) -> PackageInfo:
    """The annotator's package back to the reviewer: their annotations on every document
    of this local project, and what they deleted."""
    repo = target.repo
    parent = (repo.info(INFO_PARENT), repo.info(INFO_PARENT_CREATED))
    annotator = repo.info(INFO_ANNOTATOR)
    if not parent[0] or not annotator:
        raise PackageError(f"{target.path.name} was not opened from a package, so there is "
                           "nothing to return")
    identity = {"uid": repo.info(INFO_ORIGIN_UID), "name": repo.info(INFO_ORIGIN_NAME)}
    deletions = {
        "spans": rt.removed_uids(repo, "span", annotator),
        "claims": rt.removed_uids(repo, "claim", annotator),
        "events": rt.removed_uids(repo, "event", annotator),
        "values": [{"sha256": target.repo.document(doc_id).sha256, "field": name}
                   for doc_id, name in rt.cleared_values(repo, annotator)],
    }
    lineage = _Lineage("return", parent, identity, deletions)
    return _write(target, Path(out_path), annotator, repo.document_ids(), lineage)


@dataclass(frozen=True, slots=True)
class _Lineage:
    """What an outgoing package says besides its documents: which way it goes, the
    package it answers, the project it belongs to and what the annotator deleted."""

    kind: str  # "assignment" | "return"
    parent: tuple[str, str]  # (package uid, created at); empty for an assignment
    identity: dict[str, str]  # the reviewer's project: uid and name
    deletions: dict[str, Any]


def _write(target: TeamTarget, path: Path, annotator: str, doc_ids: Sequence[DocId],
           lineage: _Lineage) -> PackageInfo:
    kind, parent = lineage.kind, lineage.parent
    book_text = target.repo.codebook_text() or target.codebook.source_text
    contents, actors = _contents(target, annotator, doc_ids, book_text)
    contents[DELETIONS] = _json_bytes(lineage.deletions)
    package_uid = new_uid()
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "kind": kind,
        "package_uid": package_uid, "parent_package_uid": parent[0],
        "parent_created_at": parent[1], "project": lineage.identity,
        "annotator": annotator, "created_at": now(), "tool_version": __version__,
        "codebook": {"name": target.codebook.name, "version": target.codebook.version,
                     "sha256": sha256(book_text)},
        "documents": len(doc_ids), "actors": actors,
    }
    checksum = write_package(path, manifest, contents)
    with target.repo.write():
        rt.record_package(target.repo, package_uid, "out", annotator, checksum,
                          {"kind": kind, "path": str(path), "documents": len(doc_ids),
                           "created_at": manifest["created_at"], "parent": parent[0]})
    return PackageInfo(path, package_uid, annotator, len(doc_ids), checksum)


def _contents(target: TeamTarget, annotator: str, doc_ids: Sequence[DocId], book_text: str
              ) -> tuple[dict[str, bytes], int]:
    actors = sorted(target.repo.actors(), key=lambda a: a.key)
    keys = {a.id: a.key for a in actors}
    header = header_record(target.codebook, [annotator], len(doc_ids), len(actors),
                           with_tool_version=False)
    lines = [line(header)]
    lines.extend(line(target.document_record(d, [annotator], keys)) for d in doc_ids)
    registry = "".join(line(actor_record(a)) for a in actors)
    contents = {CODEBOOK: book_text.encode("utf-8"), REGISTRY: registry.encode("utf-8"),
                DOCUMENTS: "".join(lines).encode("utf-8")}
    events = _event_lines(target, annotator, doc_ids, keys)
    if events:  # absent without events, so such a package still reads in older versions
        contents[EVENTS] = events.encode("utf-8")
    return contents, len(actors)


def _event_lines(target: TeamTarget, annotator: str, doc_ids: Sequence[DocId],
                 keys: Mapping[ActorId, str]) -> str:
    """The annotator's own events, with their own links to their own claims on the
    package's documents (blind annotation: nobody else's events or links travel)."""
    repo = target.repo
    events = repo.events(created_by=annotator)
    docs = set(doc_ids)
    refs = repo.claim_refs(k.claim_id for e in events for k in e.links
                           if k.linked_by == annotator)
    claims = {c: uid for c, (uid, name, doc_id) in refs.items()
              if name == annotator and doc_id in docs}
    return "".join(line(event_record(e, claims, keys, updated_at=repo.event_updated_at(e.id)))
                   for e in sorted(events, key=lambda e: e.uid))


def _no_deletions() -> dict[str, list[Any]]:
    return {"spans": [], "claims": [], "events": [], "values": []}


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode()


def _project_name(target: TeamTarget) -> str:
    return target.repo.info("name") or target.path.stem or "project"


def _safe(name: str) -> str:
    return re.sub(r"[^\w.@-]+", "_", name).strip("._") or "package"


# --------------------------------------------------------- opening a package


def check_codebook_member(package: Package) -> str:
    """The package's codebook text, after checking it is the one the manifest names."""
    text = package.text(CODEBOOK)
    stated = package.manifest.get("codebook") or {}
    if sha256_bytes(package.members[CODEBOOK]) != stated.get("sha256"):
        raise PackageError(f"{package.path.name}: codebook.toml is not the codebook the "
                           "manifest names")
    book = parse_codebook(text, f"{package.path.name}:{CODEBOOK}")
    if (book.name, book.version) != (stated.get("name"), stated.get("version")):
        raise PackageError(f"{package.path.name}: codebook.toml is {book.name} {book.version}, "
                           f"the manifest says {stated.get('name')} {stated.get('version')}")
    return text


# ------------------------------------------------------------------ progress


def progress(target: TeamTarget) -> list[AnnotatorProgress]:
    """Per annotator with assignments: assigned, not started, in progress, done, packages."""
    sent = rt.packages(target.repo, "out")
    merged = rt.packages(target.repo, "in")
    rows = []
    for name, assigned, not_started, in_progress, done in rt.progress_rows(target.repo):
        mine = [p for p in merged if p["annotator"] == name]
        rows.append(AnnotatorProgress(
            name, assigned, not_started, in_progress, done,
            packages_out=sum(1 for p in sent if p["annotator"] == name),
            packages_in=len(mine), last_merged=mine[-1]["at"] if mine else ""))
    return rows
