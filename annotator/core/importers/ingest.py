"""Writing parsed files into a project: documents, native annotations, registry CSV.

One import run is one batch. Files are written in chunks of transactions, each
file inside its own savepoint: a file whose records fail is rolled back whole
and reported, the others stay. Re-importing a text already in the project is a
no-op for the document (its annotations, if any, are still merged by uid).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.boilerplate import RepeatCounter
from annotator.core.errors import FileRejected, RecordError, UnreadableText
from annotator.core.events.records import Event, EventId, EventLink, Participant
from annotator.core.importers import ImportOptions, ParsedFile, Record, expand_paths, read_file
from annotator.core.models import (
    Actor,
    ActorId,
    Alias,
    DocId,
    ImportReport,
    NewDocument,
    Rejection,
    Status,
)
from annotator.core.native import (
    Decoder,
    actor_from_record,
    read_entry,
    read_event,
    record_uid,
    span_uid,
)
from annotator.core.outlets import OutletIndex, read_outlets_csv
from annotator.core.project import rules
from annotator.core.tasks import TaskState
from annotator.core.text import decode_bytes

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.core.store.repository import Repository


@dataclass(frozen=True, slots=True)
class IngestTarget:
    """What an import writes into: the project's store, checked against its codebook.

    The façade hands this over instead of itself, so ingest can reach the
    store and the rules but no other part of the façade.
    """

    repo: Repository
    codebook: Codebook

COMMIT_EVERY_SECONDS = 1.0


def import_paths(target: IngestTarget, paths: list[str | Path], *, options: ImportOptions,
                 state: TaskState, description: str) -> ImportReport:
    skipped: list[Rejection] = []
    report = ImportReport()
    files = list(expand_paths(paths, skipped, report.skipped))
    report.rejected.extend(skipped)
    options = dataclasses.replace(options, codebook=target.codebook)
    repo = target.repo
    with repo.write():
        report.batch_id = repo.new_batch(description or ", ".join(str(p) for p in paths)[:500])
    last_commit = time.monotonic()
    repeats = _seeded(repo)
    outlets = OutletIndex(repo.outlets())
    repo.conn.execute("BEGIN IMMEDIATE")
    try:
        for index, path in enumerate(files):
            state.progress(index, len(files), path.name)
            if state.cancelled:
                report.cancelled = True
                break
            _import_one(target, path, options, report, repeats, outlets)
            if time.monotonic() - last_commit > COMMIT_EVERY_SECONDS:
                repo.conn.execute("COMMIT")
                repo.conn.execute("BEGIN IMMEDIATE")
                last_commit = time.monotonic()
        repo.set_boilerplate({DocId(k): v for k, v in repeats.ranges().items()})
        repo.set_batch_report(report.batch_id, {
            "imported": len(report.imported), "duplicates": len(report.duplicates),
            "rejected": [str(r) for r in report.rejected], "cancelled": report.cancelled})
        repo.conn.execute("COMMIT")
    except BaseException:
        if repo.conn.in_transaction:
            repo.conn.execute("ROLLBACK")
        raise
    state.progress(len(files), len(files), report.summary())
    return report


def _import_one(target: IngestTarget, path: Path, options: ImportOptions,  # noqa: PLR0913
                report: ImportReport, repeats: RepeatCounter, outlets: OutletIndex) -> None:
    try:
        parsed = read_file(path, options)
    except FileRejected as exc:
        report.rejected.append(Rejection(str(path), str(exc)))
        return
    except (OSError, UnicodeError, ValueError) as exc:
        report.rejected.append(Rejection(str(path), f"cannot read: {exc}"))
        return
    if parsed.problems:  # the file is refused whole: each bad line says so, the file counts once
        report.rejected.extend(Rejection(p.source, f"{p.reason} (file not imported)", p.line)
                               for p in parsed.problems)
        return
    if outlets:
        _name_outlets(parsed, outlets)
    before = (len(report.imported), len(report.duplicates), report.annotations, report.actors)
    try:
        pending = _mark_repeats(parsed, repeats)
        with target.repo.write():
            fresh = _write_file(target, parsed, report)
    except (RecordError, KeyError, ValueError, TypeError, AttributeError, OverflowError,
            RecursionError, sqlite3.InterfaceError, sqlite3.ProgrammingError) as exc:
        del report.imported[before[0]:]
        del report.duplicates[before[1]:]
        report.annotations, report.actors = before[2], before[3]
        report.rejected.append(Rejection(str(path), f"file not imported: {exc}"))
        return
    report.files_accepted.append(str(path))
    if not (fresh or report.annotations > before[2] or report.actors > before[3]
            or not parsed.records):
        report.files_unchanged.append(str(path))  # listed as its duplicates only
    for doc_id, doc in fresh:
        repeats.remember(doc_id, doc.boilerplate, pending.get(id(doc), []))


RECOUNTED_DOCUMENTS = 500
"""How many of the project's last documents a new batch counts lines with (and may re-mark):
a line repeated across small batches is still found, and the work stays bounded."""


def _seeded(repo: Repository) -> RepeatCounter:
    """A repetition counter that already counts the lines of the project's last documents;
    those whose boilerplate no one edited by hand get lines the batch makes repeated."""
    repeats = RepeatCounter()
    for doc in repo.recent_documents(RECOUNTED_DOCUMENTS):
        lines = repeats.count(doc.text, doc.boilerplate, (doc.title,), doc.byline)
        repeats.remember(int(doc.id), doc.boilerplate, lines)
    return repeats


def _mark_repeats(parsed: ParsedFile, repeats: RepeatCounter
                  ) -> dict[int, list[tuple[int, int, int]]]:
    """Count the lines of the file's documents and mark those already repeated often enough
    in the batch before they are written; per document (by ``id``), the lines still
    short of it (:meth:`RepeatCounter.ranges` settles them at the end of the batch)."""
    pending: dict[int, list[tuple[int, int, int]]] = {}
    for index, record in enumerate(parsed.records):
        if record.annotations:  # stored text with its annotations: taken as it comes
            continue
        doc = record.document
        lines = repeats.count(doc.text, doc.boilerplate, (doc.title,), doc.byline)
        ranges, left = repeats.settle(doc.boilerplate, lines)
        if ranges != doc.boilerplate:
            doc = dataclasses.replace(doc, boilerplate=ranges)
            parsed.records[index] = dataclasses.replace(record, document=doc)
        if left:
            pending[id(doc)] = left
    return pending


def _name_outlets(parsed: ParsedFile, outlets: OutletIndex) -> None:
    """Documents of an outlet in the project's list carry its name."""
    for index, record in enumerate(parsed.records):
        doc = record.document
        found = outlets.match(doc.outlet, doc.url, doc.text)
        if found is not None and found.name != doc.outlet:
            parsed.records[index] = dataclasses.replace(
                record, document=dataclasses.replace(doc, outlet=found.name))


def _write_file(target: IngestTarget, parsed: ParsedFile, report: ImportReport
                ) -> list[tuple[DocId, NewDocument]]:
    """Write one parsed file; the documents that are new to the project."""
    repo = target.repo
    for item in parsed.actors:
        if upsert_actor(target.repo, actor_from_record(item)):
            report.actors += 1
    shas = [record.sha256 or _sha(record) for record in parsed.records]
    new_ids = repo.insert_documents(
        [(record.document, sha) for record, sha in zip(parsed.records, shas, strict=True)],
        report.batch_id)
    decoder = Decoder(target.codebook, repo)
    fresh: list[tuple[DocId, NewDocument]] = []
    for record, sha, new_id in zip(parsed.records, shas, new_ids, strict=True):
        if new_id is not None:
            doc_id = new_id
            report.imported.append(doc_id)
            fresh.append((doc_id, record.document))
        else:
            doc_id = repo.doc_id_by_sha(sha)  # type: ignore[assignment]
            report.duplicates.append(record.document.source_file or sha[:12])
        if record.annotations:
            try:
                report.annotations += _write_annotations(target, decoder, doc_id, record)
            except RecordError as exc:
                raise RecordError(f"line {record.line}: {exc}") from None
    report.annotations += _write_events(repo, decoder, parsed.events)
    return fresh


def _write_events(repo: Repository, decoder: Decoder, items: list[dict[str, Any]]) -> int:
    """The native event records not in the project yet (matched by uid); how many.

    Links name claims by uid (of this file or already in the project); a claim already
    in another event stays there (a claim is in one event). Participants and the date
    range are taken as recorded, or follow the links when the record has none."""
    written = 0
    for item in items:
        entry = read_event(item)
        if repo.event_by_uid(entry.uid) is not None:
            continue
        links = []
        for claim_uid, linked_by in entry.links:
            claim_id = repo.claim_id_by_uid(claim_uid)
            if claim_id is None:
                raise RecordError(f"event {entry.uid} links claim {claim_uid!r}, which is "
                                  "neither in the file nor in the project")
            if repo.event_link(claim_id) is None:
                links.append(EventLink(claim_id, linked_by))
        fields = entry.fields
        event = Event(EventId(0), entry.uid, fields["label"], entry.created_by,
                      event_type=fields["event_type"], place=fields["place"],
                      note=fields["note"], earliest=entry.dates[0], latest=entry.dates[1],
                      links=tuple(sorted(links, key=lambda k: k.claim_id)))
        if entry.participants is None:
            from annotator.core.events.derive import derived  # loads rapidfuzz: only if needed

            event = derived(event, repo.claim_frames(event.claim_ids))
        else:
            found = {Participant(_actor(decoder, key, entry.uid), role)
                     for key, role in entry.participants}
            event = dataclasses.replace(event, participants=tuple(sorted(
                found, key=lambda p: (p.role, p.actor_id))))
        repo.put_event(event, keep_id=False)
        written += 1
    return written


def _actor(decoder: Decoder, key: str, event_uid: str) -> ActorId:
    actor_id = decoder.actor(key)
    if actor_id is None:
        raise RecordError(f"event {event_uid} names a participant without a key")
    return actor_id


def _sha(record: Record) -> str:
    from annotator.core.text import sha256

    return sha256(record.document.text)


def upsert_actor(repo: Repository, actor: Actor) -> bool:
    """Add ``actor`` by key (keeping its id when that is free), or add the names it brings
    to the actor that already has the key; True when it was added."""
    existing = repo.actor_by_key(actor.key)
    if existing is not None:
        merged = tuple(dict.fromkeys((*existing.aliases, *actor.aliases)))
        if merged != existing.aliases:
            repo.update_actor(dataclasses.replace(existing, aliases=merged))
        return False
    repo.insert_actor(actor, keep_id=bool(actor.id) and not _actor_exists(repo, actor.id))
    return True


def _actor_exists(repo: Repository, actor_id: ActorId) -> bool:
    try:
        repo.actor(actor_id)
    except KeyError:
        return False
    return True


def _write_annotations(target: IngestTarget, decoder: Decoder, doc_id: DocId,
                       record: Record) -> int:
    """The annotations of one record not in the project yet (matched by uid); how many."""
    repo = target.repo
    written = 0
    text = record.document.text
    for annotator, payload in sorted(record.annotations.items()):
        entry = read_entry(payload, annotator)
        annotator_id = rules.annotator_id(repo, annotator)
        for item in entry.spans:
            if repo.span_id_by_uid(span_uid(item, text)) is None:
                repo.insert_span(decoder.span(item, doc_id, annotator, text), annotator_id)
                written += 1
        for item in entry.claims:
            if repo.claim_id_by_uid(record_uid(item, "claim")) is None:
                repo.insert_claim(decoder.claim(item, doc_id, annotator), annotator_id)
                written += 1
        for field, value in sorted(entry.values.items()):
            decoder.value(field, value)
            if field not in repo.values(doc_id, annotator_id):
                repo.set_value(doc_id, annotator_id, field, value,
                               entry.value_provenance(field))
                written += 1
        if entry.status is not None:
            order = list(Status)
            if order.index(entry.status) > order.index(repo.status(doc_id, annotator_id)):
                repo.set_status(doc_id, annotator_id, entry.status)
    return written


# ------------------------------------------------------------------ registry

ACTOR_CSV_COLUMNS = ("key", "canonical_name", "aliases", "qid", "country", "sector", "type",
                     "title")


def parse_aliases(cell: str) -> tuple[Alias, ...]:
    """'sv:Zelenskyj|en:Zelenskyy|*:Volodymyr Zelenskyy' -> aliases with languages."""
    out = []
    for part in (cell or "").split("|"):
        part = part.strip()
        if not part:
            continue
        lang, sep, alias = part.partition(":")
        if sep and (lang == "*" or (lang.isalpha() and len(lang) <= 3)):
            out.append(Alias(alias.strip(), lang))
        else:
            out.append(Alias(part, "*"))
    return tuple(out)


def format_aliases(aliases: tuple[Alias, ...]) -> str:
    return "|".join(f"{a.lang or '*'}:{a.alias}" for a in aliases)


def _decoded(path: Path, report: ImportReport) -> str | None:
    """The text of a CSV file in any encoding; None, with the file's rejection in
    ``report``, when it cannot be read."""
    try:
        return decode_bytes(path.read_bytes())
    except (OSError, UnreadableText) as exc:
        report.rejected.append(Rejection(str(path), str(exc)))
        return None


def import_actors_csv(target: IngestTarget, path: Path) -> ImportReport:
    """Registry CSV with columns key,canonical_name,aliases,qid,country,sector,type,title."""
    report = ImportReport()
    raw = _decoded(path, report)
    if raw is None:
        return report
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    missing = {"canonical_name"} - set(reader.fieldnames or [])
    if missing:
        report.rejected.append(Rejection(str(path), "the registry CSV needs a canonical_name "
                                         f"column (has: {', '.join(reader.fieldnames or [])})"))
        return report
    items: list[dict[str, Any]] = []
    problems: list[Rejection] = []
    for row in reader:
        name = (row.get("canonical_name") or "").strip()
        if not name:
            problems.append(Rejection(str(path), "empty canonical_name", reader.line_num))
            continue
        items.append({
            "key": (row.get("key") or "").strip(), "canonical_name": name,
            "aliases": [{"alias": a.alias, "lang": a.lang}
                        for a in parse_aliases(row.get("aliases") or "")],
            "qid": (row.get("qid") or "").strip(), "country": (row.get("country") or "").strip(),
            "sector": (row.get("sector") or "").strip(),
            "actor_type": (row.get("type") or row.get("actor_type") or "").strip(),
            "title": (row.get("title") or "").strip(),
        })
    if problems:
        report.rejected.extend(problems)
        return report
    with target.repo.write():
        for item in items:
            item["key"] = item["key"] or rules.unique_key(target.repo, item["canonical_name"])
            if upsert_actor(target.repo, actor_from_record(item)):
                report.actors += 1
        target.repo.log("", "import", "actors", str(path), None, None, {"added": report.actors})
    report.files_accepted.append(str(path))
    return report


def import_outlets_csv(target: IngestTarget, path: Path) -> ImportReport:
    """The outlet list from a CSV with columns name, domains, signatures, grade; an outlet
    of a name already listed is replaced. All rows or none."""
    report = ImportReport()
    raw = _decoded(path, report)
    if raw is None:
        return report
    outlets, problems = read_outlets_csv(raw, str(path))
    if problems:
        report.rejected.extend(problems)
        return report
    with target.repo.write():
        for outlet in outlets:
            target.repo.upsert_outlet(outlet)
        target.repo.log("", "import", "outlets", str(path), None, None,
                        {"outlets": len(outlets)})
    report.outlets = len(outlets)
    report.files_accepted.append(str(path))
    return report
