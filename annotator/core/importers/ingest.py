"""Writing parsed files into a project: documents, native annotations, registry CSV.

One import run is one batch. Files are written in chunks of transactions, each
file inside its own savepoint: a file whose records fail is rolled back whole
and reported, the others stay. Re-importing a text already in the project is a
no-op for the document (its annotations, if any, are still merged by uid).
"""

from __future__ import annotations

import csv
import io
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.errors import FileRejected, UnreadableText
from annotator.core.importers import ImportOptions, ParsedFile, Record, expand_paths, read_file
from annotator.core.models import (
    Actor,
    ActorId,
    Alias,
    AnnotatorId,
    Claim,
    ClaimId,
    DocId,
    ImportReport,
    Rejection,
    Span,
    SpanId,
    Status,
)
from annotator.core.tasks import TaskState
from annotator.core.text import decode_bytes

if TYPE_CHECKING:
    from annotator.core.project import Project

COMMIT_EVERY_SECONDS = 1.0


class RecordError(ValueError):
    """A record whose annotations do not fit the project."""


def import_paths(project: Project, paths: list[str | Path], *, text_column: str,
                 language: str, state: TaskState, description: str) -> ImportReport:
    files = list(expand_paths(paths))
    report = ImportReport()
    options = ImportOptions(text_column=text_column, language=language)
    repo = project.repo
    with repo.write():
        report.batch_id = repo.new_batch(description or ", ".join(str(p) for p in paths)[:500])
    last_commit = time.monotonic()
    repo.conn.execute("BEGIN IMMEDIATE")
    try:
        for index, path in enumerate(files):
            state.progress(index, len(files), path.name)
            if state.cancelled:
                report.cancelled = True
                break
            _import_one(project, path, options, report)
            if time.monotonic() - last_commit > COMMIT_EVERY_SECONDS:
                repo.conn.execute("COMMIT")
                repo.conn.execute("BEGIN IMMEDIATE")
                last_commit = time.monotonic()
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


def _import_one(project: Project, path: Path, options: ImportOptions,
                report: ImportReport) -> None:
    try:
        parsed = read_file(path, options)
    except FileRejected as exc:
        report.rejected.append(Rejection(str(path), str(exc)))
        return
    except (OSError, UnicodeError, ValueError) as exc:
        report.rejected.append(Rejection(str(path), f"cannot read: {exc}"))
        return
    if parsed.problems:
        report.rejected.extend(parsed.problems)
        report.rejected.append(Rejection(str(path), "file not imported: fix the lines above"))
        return
    before = (len(report.imported), len(report.duplicates), report.annotations, report.actors)
    try:
        with project.repo.write():
            _write_file(project, parsed, report)
    except (RecordError, KeyError, ValueError, TypeError, AttributeError, OverflowError,
            sqlite3.InterfaceError, sqlite3.ProgrammingError) as exc:
        del report.imported[before[0]:]
        del report.duplicates[before[1]:]
        report.annotations, report.actors = before[2], before[3]
        report.rejected.append(Rejection(str(path), f"file not imported: {exc}"))
        return
    report.files_accepted.append(str(path))


def _write_file(project: Project, parsed: ParsedFile, report: ImportReport) -> None:
    repo = project.repo
    for item in parsed.actors:
        if _upsert_actor(project, item):
            report.actors += 1
    shas = [record.sha256 or _sha(record) for record in parsed.records]
    new_ids = repo.insert_documents(
        [(record.document, sha) for record, sha in zip(parsed.records, shas, strict=True)],
        report.batch_id)
    for record, sha, new_id in zip(parsed.records, shas, new_ids, strict=True):
        if new_id is not None:
            doc_id = new_id
            report.imported.append(doc_id)
        else:
            doc_id = repo.doc_id_by_sha(sha)  # type: ignore[assignment]
            report.duplicates.append(record.document.source_file or sha[:12])
        if record.annotations:
            report.annotations += _write_annotations(project, doc_id, record)


def _sha(record: Record) -> str:
    from annotator.core.text import sha256

    return sha256(record.document.text)


def _upsert_actor(project: Project, item: dict[str, Any]) -> bool:
    """Add an actor by key, or add the names it brings to the existing one."""
    aliases = tuple(Alias(str(a.get("alias", "")), str(a.get("lang", "*")))
                    for a in item.get("aliases", []) if a.get("alias"))
    existing = project.repo.actor_by_key(str(item["key"]))
    if existing is not None:
        merged = tuple(dict.fromkeys((*existing.aliases, *aliases)))
        if merged != existing.aliases:
            from dataclasses import replace

            project.repo.update_actor(replace(existing, aliases=merged))
        return False
    fields = {k: str(item.get(k) or "") for k in
              ("qid", "country", "sector", "actor_type", "title")}
    actor = Actor(ActorId(int(item.get("id") or 0)), str(item["key"]),
                  str(item["canonical_name"]), aliases, **fields)
    keep = bool(item.get("id")) and not project.repo.conn.execute(
        "SELECT 1 FROM actors WHERE id = ?", (actor.id,)).fetchone()
    project.repo.insert_actor(actor, keep_id=keep)
    return True


def _actor_ref(project: Project, key: Any) -> ActorId | None:
    if key in (None, ""):
        return None
    actor = project.repo.actor_by_key(str(key))
    if actor is None:
        raise RecordError(f"unknown actor {key!r} (not in the registry or the file)")
    return actor.id


def _write_annotations(project: Project, doc_id: DocId, record: Record) -> int:
    written = 0
    text = record.document.text
    for annotator, payload in sorted(record.annotations.items()):
        _check_shape(payload, annotator, record.line)
        annotator_id = project._annotator(annotator)
        span_ids = {}
        for item in payload.get("spans", []):
            span_ids[item.get("uid")], added = _write_span(project, doc_id, annotator_id,
                                                           annotator, item, text, record.line)
            written += added
        for item in payload.get("claims", []):
            written += _write_claim(project, doc_id, annotator_id, annotator, item, span_ids,
                                    record.line)
        for field, value in sorted((payload.get("values") or {}).items()):
            _check_value(project, field, value, record.line)
            if field not in project.repo.values(doc_id, annotator_id):
                project.repo.set_value(doc_id, annotator_id, field, value,
                                       (payload.get("provenance") or {}).get(field))
                written += 1
        status = payload.get("status")
        if status:
            current = project.repo.status(doc_id, annotator_id)
            new = Status(status)
            order = list(Status)
            if order.index(new) > order.index(current):
                project.repo.set_status(doc_id, annotator_id, new)
    return written


def _check_shape(payload: Any, annotator: str, line: int | None) -> None:
    """Refuse annotations whose JSON types are not the native format's."""
    where = f"line {line}: annotations of {annotator!r}"
    if not isinstance(payload, dict):
        raise RecordError(f"{where} must be an object")
    for key in ("spans", "claims"):
        items = payload.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise RecordError(f"{where}: '{key}' must be a list of objects")
    for key in ("values", "provenance"):
        if not isinstance(payload.get(key) or {}, dict):
            raise RecordError(f"{where}: '{key}' must be an object")
    uids = [str(i.get("uid")) for i in payload.get("spans", [])]
    if len(uids) != len(set(uids)):
        raise RecordError(f"{where}: a span uid appears twice")
    for item in payload.get("spans", []) + payload.get("claims", []):
        for key, value in item.items():
            if key in ("attributes", "provenance"):
                if not isinstance(value, dict):
                    raise RecordError(f"{where}: '{key}' must be an object")
            elif isinstance(value, dict | float) or (isinstance(value, int)
                                                       and abs(value) > 2**62):
                raise RecordError(f"{where}: {key!r} has a value of the wrong type")


def _check_value(project: Project, field: str, value: Any, line: int | None) -> None:
    try:
        attr = project.codebook.document_field(field)
    except KeyError:
        raise RecordError(f"line {line}: unknown document field {field!r}") from None
    if not isinstance(value, str | int | bool) and value is not None:
        raise RecordError(f"line {line}: {field} must be text")
    if attr.vocabulary and value not in (None, "") and \
            str(value) not in project.codebook.vocabulary(attr.vocabulary).codes():
        raise RecordError(f"line {line}: {field} {value!r} is not one of "
                          f"{', '.join(project.codebook.vocabulary(attr.vocabulary).codes())}")


def _write_span(project: Project, doc_id: DocId, annotator_id: AnnotatorId, annotator: str,
                item: dict[str, Any], text: str, line: int | None) -> tuple[SpanId, int]:
    uid = str(item.get("uid") or "")
    if not uid:
        raise RecordError(f"line {line}: a span has no uid")
    start, end, layer = item.get("start"), item.get("end"), item.get("layer")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        raise RecordError(f"line {line}: span {uid} has offsets {start}-{end} outside the text")
    existing = project.repo.span_id_by_uid(uid)
    if existing is not None:
        return existing, 0
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        raise RecordError(f"line {line}: span {uid} has offsets {start}-{end} outside the text")
    if layer not in project.codebook.layer_names():
        raise RecordError(f"line {line}: span {uid} has unknown layer {layer!r}")
    if "text" in item and item["text"] != text[start:end]:
        raise RecordError(f"line {line}: span {uid} text {item['text']!r} does not match "
                          f"the document ({text[start:end]!r})")
    span = Span(SpanId(0), uid, doc_id, annotator, layer, start, end, text[start:end],
                _actor_ref(project, item.get("actor")), dict(item.get("attributes") or {}),
                dict(item.get("provenance") or {}))
    return project.repo.insert_span(span, annotator_id), 1


def _write_claim(project: Project, doc_id: DocId, annotator_id: AnnotatorId, annotator: str,
                 item: dict[str, Any], span_ids: dict[Any, SpanId], line: int | None) -> int:
    uid = str(item.get("uid") or "")
    if not uid:
        raise RecordError(f"line {line}: a claim has no uid")
    if project.repo.claim_id_by_uid(uid) is not None:
        return 0

    def span_ref(ref: Any) -> SpanId | None:
        if ref in (None, ""):
            return None
        found = span_ids.get(ref) or project.repo.span_id_by_uid(str(ref))
        if found is None:
            raise RecordError(f"line {line}: claim {uid} points to unknown span {ref!r}")
        return found

    fields = {k: item.get(k, "") or "" for k in
              ("gloss", "factuality", "form", "date_value", "date_precision", "date_mod",
               "source", "source_reliability", "info_credibility", "note")}
    claim = Claim(
        ClaimId(0), uid, doc_id, annotator,
        claimant_id=_actor_ref(project, item.get("claimant")),
        addressee_id=_actor_ref(project, item.get("addressee")),
        object_id=_actor_ref(project, item.get("object")),
        demand_span_ids=tuple(s for s in (span_ref(r) for r in item.get("demand_spans", []))
                              if s is not None),
        event_type=item.get("event_type") or "REQUEST",
        position=item.get("position"),
        date_span_id=span_ref(item.get("date_span")),
        source_span_id=span_ref(item.get("source_span")),
        provenance=dict(item.get("provenance") or {}),
        **fields,
    )
    try:
        project._validate_claim(claim)
    except ValueError as exc:
        raise RecordError(f"line {line}: claim {uid}: {exc}") from None
    project.repo.insert_claim(claim, annotator_id)
    return 1


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


def import_actors_csv(project: Project, path: Path) -> ImportReport:
    """Registry CSV with columns key,canonical_name,aliases,qid,country,sector,type,title."""
    report = ImportReport()
    try:
        raw = decode_bytes(path.read_bytes())
    except (OSError, UnreadableText) as exc:
        report.rejected.append(Rejection(str(path), str(exc)))
        return report
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    missing = {"canonical_name"} - set(reader.fieldnames or [])
    if missing:
        report.rejected.append(Rejection(str(path), "the registry CSV needs a canonical_name "
                                         f"column (has: {', '.join(reader.fieldnames or [])})"))
        return report
    items, problems = [], []
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
    from annotator.core.project import _unique_key

    with project.repo.write():
        for item in items:
            item["key"] = item["key"] or _unique_key(project, item["canonical_name"])
            if _upsert_actor(project, item):
                report.actors += 1
        project.repo.log("", "import", "actors", str(path), None, None, {"added": report.actors})
    report.files_accepted.append(str(path))
    return report

