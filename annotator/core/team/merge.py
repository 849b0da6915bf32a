"""Merging a returned annotator package into the master project.

Everything that can be checked before writing is checked first (package
structure here, kind, codebook, every document's text hash and annotator names in
:mod:`annotator.core.team.merge_checks`); the writing is one transaction, so any
refusal found later still leaves the master exactly as it was. Records are matched by ``uid``.

Which version wins when a record differs (docs/team-workflow.md): the package
holds the annotator's own layer, so the returned version replaces the master's
copy unless the master's copy changed after the last synchronisation with the
annotator's local project (the creation of the package they started from, or the
last return from it already merged). Then the master's copy is kept and the
report lists the conflict. Merged records are stamped with the package's
creation time, which is what makes a later return from the same local project
win over them.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.errors import PackageError
from annotator.core.events.records import Event, EventId, EventLink
from annotator.core.importers.ingest import upsert_actor
from annotator.core.models import Claim, ClaimId, DocId, Span, SpanId, Status
from annotator.core.native import Decoder, EventEntry, actor_from_record, read_entry
from annotator.core.project import rules
from annotator.core.store import team as rt
from annotator.core.team.merge_checks import (
    already_merged,
    check_codebook,
    check_manifest,
    foreign_origin,
    future_warnings,
    matched_documents,
    parse_time,
    sync_point,
)
from annotator.core.team.package import (
    DEFAULT_LIMITS,
    Package,
    PackageLimits,
    deletion_lists,
    event_records,
    read_package,
    registry_records,
)
from annotator.core.wording import count

if TYPE_CHECKING:
    from annotator.core.team.target import TeamTarget

@dataclass(slots=True)
class MergeReport:
    """What a merge did (or, with ``dry_run``, would do)."""

    path: str
    package_uid: str
    annotator: str
    documents: int = 0
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    statuses: int = 0
    """Document statuses (not started, in progress, done) the merge changed."""
    actors_added: int = 0
    events_added: int = 0
    events_updated: int = 0
    events_deleted: int = 0
    events_unchanged: int = 0
    links_added: int = 0
    """Claims the merged events link that were in none of them before."""
    links_removed: int = 0
    """Claims the annotator took out of an event (or its deletion) since the last sync."""
    kept: list[str] = field(default_factory=list)
    """Records whose master copy changed since the last synchronisation and was kept."""
    warnings: list[str] = field(default_factory=list)
    already_merged: bool = False
    dry_run: bool = False

    def summary(self) -> str:
        if self.already_merged:
            return f"{Path(self.path).name}: already merged, nothing changed"
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.deleted} deleted",
                 f"{self.unchanged} unchanged"]
        if self.statuses:
            parts.append(f"{self.statuses} statuses changed")
        if self.kept:
            parts.append(f"{len(self.kept)} kept (changed in the master meanwhile)")
        if self.actors_added:
            parts.append(f"{count(self.actors_added, 'actor')} added")
        events = (self.events_added, self.events_updated, self.events_deleted,
                  self.events_unchanged)
        if any(events) or self.links_added or self.links_removed:
            parts.append(f"events: {events[0]} added, {events[1]} updated, {events[2]} "
                         f"deleted, {events[3]} unchanged, {count(self.links_added, 'link')} "
                         f"added, {self.links_removed} removed")
        verb = "would merge" if self.dry_run else "merged"
        return (f"{verb} {self.annotator}'s package ({count(self.documents, 'document')}): "
                + ", ".join(parts))

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class _Kind:
    """The store calls that add, read and replace one kind of record (span or claim)."""

    insert: Callable[[Any, Any], Any]
    get: Callable[[Any], Any]
    update: Callable[[Any], Any]
    describe: Callable[[Any], str]
    """How the report names a kept master copy."""


def _describe_span(span: Span) -> str:
    return f"{span.layer} {span.text!r}"


def _describe_claim(claim: Claim) -> str:
    return claim.event_type


class _DryRun(Exception):
    """Raised at the end of a dry run to roll the transaction back."""


@dataclass(frozen=True, slots=True)
class _Content:
    actors: list[dict[str, Any]]
    documents: list[tuple[DocId, dict[str, Any]]]
    deletions: dict[str, list[Any]]
    events: list[EventEntry] = field(default_factory=list)


def merge_package(target: TeamTarget, path: str | Path, *, limits: PackageLimits = DEFAULT_LIMITS,
                  dry_run: bool = False) -> MergeReport:
    """Merge a returned package; raises :class:`PackageError` and merges nothing on refusal."""
    try:
        return _merge_package(target, path, limits=limits, dry_run=dry_run)
    except PackageError:
        raise
    except (TypeError, AttributeError) as exc:  # a forged manifest or member of the wrong shape
        raise PackageError(f"{Path(path).name}: malformed package ({exc}); nothing was merged"
                           ) from None


def _merge_package(target: TeamTarget, path: str | Path, *, limits: PackageLimits,
                   dry_run: bool) -> MergeReport:
    package = read_package(path, limits)
    manifest = package.manifest
    annotator = check_manifest(package)
    report = MergeReport(str(path), str(manifest["package_uid"]), annotator, dry_run=dry_run)
    report.warnings.extend(future_warnings(package))
    if already_merged(target, package):
        report.already_merged = True
        return report
    check_codebook(target, package)
    base = sync_point(target, package)
    content = _Content(registry_records(package), matched_documents(target, package, annotator),
                       deletion_lists(package), event_records(package))
    report.documents = len(content.documents)
    if foreign_origin(target, package):
        report.warnings.append("the package was made from another project; documents were "
                               "matched by their text")
    try:
        with target.repo.write():
            _Merger(target, package, base, report).run(content)
            if dry_run:
                raise _DryRun
            _record(target, package, report)
    except _DryRun:
        pass
    except PackageError:
        raise
    except (KeyError, ValueError) as exc:
        message = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
        raise PackageError(f"{package.path.name}: {message}; nothing was merged") from None
    except (TypeError, AttributeError, OverflowError, sqlite3.InterfaceError,
            sqlite3.ProgrammingError) as exc:
        raise PackageError(f"{package.path.name}: malformed annotations ({exc}); "
                           "nothing was merged") from None
    return report


def _record(target: TeamTarget, package: Package, report: MergeReport) -> None:
    manifest = package.manifest
    summary = {"created_at": manifest["created_at"],
               "parent": manifest.get("parent_package_uid", ""), "path": report.path,
               "added": report.added, "updated": report.updated, "deleted": report.deleted,
               "kept": len(report.kept), "statuses": report.statuses,
               "documents": report.documents}
    if report.events_added or report.events_updated or report.events_deleted:
        summary["events"] = {"added": report.events_added, "updated": report.events_updated,
                             "deleted": report.events_deleted,
                             "links_added": report.links_added,
                             "links_removed": report.links_removed}
    rt.record_package(target.repo, report.package_uid, "in", report.annotator,
                      package.checksum, summary)
    target.repo.log(report.annotator, "merge", "package", report.package_uid, None, None,
                    summary)


# --------------------------------------------------------------- writing


class _Merger:
    """Applies one package's records inside the caller's transaction."""

    def __init__(self, target: TeamTarget, package: Package, base: datetime,
                 report: MergeReport) -> None:
        self.repo = target.repo
        self.annotator = report.annotator
        self.annotator_id = rules.annotator_id(target.repo, report.annotator)
        self.decoder = Decoder(target.codebook, target.repo)
        self.stamp_at = str(package.manifest["created_at"])
        self.base = base
        self.report = report
        self.spans = _Kind(self.repo.insert_span, self.repo.span, self.repo.update_span,
                           _describe_span)
        self.claims = _Kind(self.repo.insert_claim, self.repo.claim, self.repo.update_claim,
                            _describe_claim)

    def run(self, content: _Content) -> None:
        for item in content.actors:
            added = upsert_actor(self.repo, actor_from_record(item))
            self.report.actors_added += int(added)
        for doc_id, record in content.documents:
            entry = (record.get("annotations") or {}).get(self.annotator)
            if entry is not None:
                self._document(doc_id, record["text"], entry)
        merger = _EventMerger(self, {doc_id for doc_id, _ in content.documents})
        merger.upsert(content.events)
        merger.delete(content.deletions["events"])
        merger.note_claims(content.deletions["claims"])
        self._delete_records("claim", content.deletions["claims"])
        self._delete_records("span", content.deletions["spans"])
        self._delete_values(content.deletions["values"])
        merger.rederive()

    def _wins(self, master_updated_at: str) -> bool:
        """The returned version replaces a master copy unchanged since the sync point."""
        return parse_time(master_updated_at, "the project") <= self.base

    def _document(self, doc_id: DocId, text: str, payload: Any) -> None:
        entry = read_entry(payload, self.annotator)
        for item in entry.spans:
            self._upsert("span", self.decoder.span(item, doc_id, self.annotator, text),
                         self.spans)
        for item in entry.claims:
            self._upsert("claim", self.decoder.claim(item, doc_id, self.annotator), self.claims)
        for name, value in sorted(entry.values.items()):
            self._value(doc_id, name, self.decoder.value(name, value),
                        entry.value_provenance(name))
        if entry.status is not None:
            self._status(doc_id, entry.status)

    # ------------------------------------------------------ spans, claims

    def _upsert(self, kind: str, record: Any, calls: _Kind) -> None:
        """Add the annotator's record, or replace the master copy with the same uid if it wins."""
        found = self._owned(kind, record.uid, record.doc_id)
        if found is None:
            self._added(kind, (calls.insert(record, self.annotator_id),))
            return
        current = calls.get(found[0])
        incoming = dataclasses.replace(record, id=current.id)
        if incoming == current:
            self.report.unchanged += 1
        elif self._wins(found[3]):
            calls.update(incoming)
            self._updated(kind, (current.id,))
        else:
            self.report.kept.append(f"{kind} {record.uid} ({calls.describe(current)})")

    # ---------------------------------------------------- values, status

    def _value(self, doc_id: DocId, name: str, value: Any, provenance: dict[str, Any]) -> None:
        current = rt.value_stamps(self.repo, doc_id, self.annotator_id).get(name)
        key = (doc_id, self.annotator_id, name)
        if current is None:
            self.repo.set_value(doc_id, self.annotator_id, name, value, provenance)
            self._added("value", key)
        elif (current[0], current[1]) == (value, provenance):
            self.report.unchanged += 1
        elif self._wins(current[2]):
            self.repo.set_value(doc_id, self.annotator_id, name, value, provenance)
            self._updated("value", key)
        else:
            self.report.kept.append(f"document {doc_id} field {name}")

    def _status(self, doc_id: DocId, status: Status) -> None:
        current = rt.status_stamp(self.repo, doc_id, self.annotator_id)
        if (current[0] if current else Status.NOT_STARTED) == status:
            return
        if current is None or self._wins(current[1]):
            self.repo.set_status(doc_id, self.annotator_id, status)
            rt.stamp(self.repo, "status", (doc_id, self.annotator_id), self.stamp_at)
            self.report.statuses += 1
        else:
            self.report.kept.append(f"document {doc_id} status {current[0].value}")

    # --------------------------------------------------------- deletions

    def _delete_records(self, kind: str, uids: list[Any]) -> None:
        for uid in uids:
            found = rt.record_by_uid(self.repo, kind, str(uid))
            if found is None:
                continue
            if found[2] != self.annotator_id:
                raise PackageError(f"the package deletes {kind} {uid}, which is not "
                                   f"{self.annotator}'s")
            if not self._wins(found[3]):
                self.report.kept.append(f"{kind} {uid} (deleted in the package)")
                continue
            if kind == "span":
                self.repo.delete_span(SpanId(found[0]))
            else:
                self.repo.delete_claim(ClaimId(found[0]))
            self.report.deleted += 1

    def _delete_values(self, items: list[Any]) -> None:
        for item in items:
            doc_id = self.repo.doc_id_by_sha(str((item or {}).get("sha256", "")))
            name = str((item or {}).get("field", ""))
            if doc_id is None:
                continue
            current = rt.value_stamps(self.repo, doc_id, self.annotator_id).get(name)
            if current is None:
                continue
            if self._wins(current[2]):
                self.repo.set_value(doc_id, self.annotator_id, name, None)
                self.report.deleted += 1
            else:
                self.report.kept.append(f"document {doc_id} field {name} (cleared in the "
                                        "package)")

    # ----------------------------------------------------------- helpers

    def _owned(self, kind: str, uid: str, doc_id: DocId) -> tuple[int, DocId, int, str] | None:
        """The master record with ``uid``, refused unless it is this annotator's on this doc."""
        found = rt.record_by_uid(self.repo, kind, uid)
        if found is not None and (found[1], found[2]) != (doc_id, self.annotator_id):
            raise PackageError(f"{kind} {uid} in the package is another annotator's or "
                               "another document's in this project")
        return found

    def _added(self, kind: str, key: tuple[Any, ...]) -> None:
        rt.stamp(self.repo, kind, key, self.stamp_at)
        self.report.added += 1

    def _updated(self, kind: str, key: tuple[Any, ...]) -> None:
        rt.stamp(self.repo, kind, key, self.stamp_at)
        self.report.updated += 1


# ---------------------------------------------------------------- events


class _EventMerger:
    """The annotator's events of one package, upserted by uid inside the merge.

    An event that wins (its master copy unchanged since the sync point) takes the
    package's label, type, place and note and the package's links; the master keeps
    its links to claims of documents the package does not hold and links made by
    others. Participants and the date range are derived from the links afterwards,
    as an event edit derives them. Links name the annotator's own claims by uid."""

    def __init__(self, merger: _Merger, doc_ids: set[DocId]) -> None:
        self.m = merger
        self.repo = merger.repo
        self.doc_ids = doc_ids
        self.touched: set[EventId] = set()
        """Events whose links changed: their derived fields are recomputed at the end."""

    def upsert(self, entries: list[EventEntry]) -> None:
        seen: set[str] = set()
        claimed: set[str] = set()
        for entry in entries:
            if entry.uid in seen:
                raise PackageError(f"event {entry.uid} appears twice in the package")
            seen.add(entry.uid)
            if entry.created_by != self.m.annotator:
                raise PackageError(f"event {entry.uid} in the package was created by "
                                   f"{entry.created_by!r}, not {self.m.annotator!r}")
            twice = claimed & {uid for uid, _ in entry.links}
            if twice:
                raise PackageError(f"claim {sorted(twice)[0]} is linked to two events in "
                                   "the package")
            claimed |= {uid for uid, _ in entry.links}
            self._one(entry, self._claims(entry))

    def _claims(self, entry: EventEntry) -> list[tuple[ClaimId, str]]:
        """The master ids of the claims the event links, refused unless each is this
        annotator's own claim, linked by them."""
        out = []
        for claim_uid, linked_by in entry.links:
            if linked_by != self.m.annotator:
                raise PackageError(f"event {entry.uid} carries a link made by {linked_by!r}; "
                                   f"a package from {self.m.annotator!r} holds only theirs")
            found = rt.record_by_uid(self.repo, "claim", claim_uid)
            if found is None:
                raise PackageError(f"event {entry.uid} links claim {claim_uid}, which is not "
                                   "in this project")
            if found[2] != self.m.annotator_id:
                raise PackageError(f"event {entry.uid} links claim {claim_uid}, which is not "
                                   f"{self.m.annotator}'s")
            out.append((ClaimId(found[0]), claim_uid))
        return out

    def _one(self, entry: EventEntry, claims: list[tuple[ClaimId, str]]) -> None:
        current = self.repo.event_by_uid(entry.uid)
        if current is not None and current.created_by != self.m.annotator:
            raise PackageError(f"event {entry.uid} in the package is {current.created_by!r}'s "
                               "in this project")
        if current is not None and not self.m._wins(self.repo.event_updated_at(current.id)):
            self.m.report.kept.append(f"event {entry.uid} ({current.label})")
            return
        own = current.id if current is not None else EventId(0)
        incoming = [EventLink(c, self.m.annotator) for c, uid in claims
                    if self._may_take(c, uid, own)]
        kept: list[EventLink] = []
        dropped = 0
        if current is not None:
            refs = self.repo.claim_refs(current.claim_ids)
            taking = {k.claim_id for k in incoming}
            for link in current.links:
                doc_id = refs[link.claim_id][2] if link.claim_id in refs else None
                if link.claim_id in taking:
                    continue
                if link.linked_by != self.m.annotator or doc_id not in self.doc_ids:
                    kept.append(link)
                else:
                    dropped += 1
        links = tuple(sorted((*kept, *incoming), key=lambda k: k.claim_id))
        base = current or Event(EventId(0), entry.uid, entry.fields["label"],
                                self.m.annotator)
        fields = entry.fields
        event = self._derive(dataclasses.replace(
            base, links=links, label=fields["label"], event_type=fields["event_type"],
            place=fields["place"], note=fields["note"]))
        if current is not None and event == current:
            self.m.report.events_unchanged += 1
            return
        before = set(current.claim_ids) if current is not None else set()
        if current is not None:
            self.repo.delete_event(current.id)
        event_id = self.repo.put_event(event, keep_id=current is not None)
        rt.stamp(self.repo, "event", (event_id,), self.m.stamp_at)
        self.m.report.links_added += len(set(event.claim_ids) - before)
        self.m.report.links_removed += dropped
        if current is None:
            self.m.report.events_added += 1
        else:
            self.m.report.events_updated += 1

    def _may_take(self, claim_id: ClaimId, uid: str, event_id: EventId) -> bool:
        """Whether the package may put the claim in its event: a claim in another event
        moves when the annotator linked it there, and stays when someone else did."""
        link = self.repo.event_link(claim_id)
        if link is None or link[0] == event_id:
            return True
        if link[1] != self.m.annotator:
            other = self.repo.event(link[0])
            self.m.report.kept.append(f"claim {uid} stays in event {other.uid} "
                                      f"({other.label}, linked there by {link[1]})")
            return False
        self.touched.add(link[0])
        return True

    def delete(self, uids: list[Any]) -> None:
        for uid in uids:
            event = self.repo.event_by_uid(str(uid))
            if event is None:
                continue
            if event.created_by != self.m.annotator:
                raise PackageError(f"the package deletes event {uid}, which is not "
                                   f"{self.m.annotator}'s")
            if not self.m._wins(self.repo.event_updated_at(event.id)):
                self.m.report.kept.append(f"event {uid} (deleted in the package)")
                continue
            self.repo.delete_event(event.id)
            self.touched.discard(event.id)
            self.m.report.events_deleted += 1
            self.m.report.links_removed += len(event.links)

    def note_claims(self, uids: list[Any]) -> None:
        """Remember the events that lose a claim the package deletes."""
        for uid in uids:
            claim_id = self.repo.claim_id_by_uid(str(uid))
            link = None if claim_id is None else self.repo.event_link(claim_id)
            if link is not None:
                self.touched.add(link[0])

    def rederive(self) -> None:
        """Recompute participants and dates of the events that lost claims meanwhile."""
        for event_id in sorted(self.touched):
            try:
                event = self.repo.event(event_id)
            except KeyError:
                continue
            fresh = self._derive(event)
            if fresh != event:
                self.repo.delete_event(event.id)
                self.repo.put_event(fresh, keep_id=True)
                rt.stamp(self.repo, "event", (event.id,), self.m.stamp_at)

    def _derive(self, event: Event) -> Event:
        from annotator.core.events.derive import derived  # loads rapidfuzz: only if needed

        return derived(event, self.repo.claim_frames(event.claim_ids))
