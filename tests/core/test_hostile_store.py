"""Hostile project files and forged values: one case per finding of issue #20 that the store owns.

A project file can come from anyone, so each case builds the attack with plain
``sqlite3`` (as an adversary would), then proves that annotator refuses or
reports it, that nothing outside its own files changed (every file around the
project compared by size, modification time and content), and that no edit
acknowledged before the attack was lost.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main
from annotator.core import Project, backup
from annotator.core.codebook import default_codebook_path, parse_codebook
from annotator.core.errors import (
    CodebookError,
    PackageError,
    ProjectFileError,
    ReadOnlyProjectError,
    SchemaTooNewError,
    ValidationError,
)
from annotator.core.project import rules
from annotator.core.store import db, maintenance, migrations
from annotator.core.team.package import CONTENT_MEMBERS, DOCUMENTS, MANIFEST, write_package

TEXT = ("Chancellor Olaf Scholz urged President Vladimir Putin to withdraw his troops "
        "on Monday, according to Die Zeit.")
WIPE = ("CREATE TRIGGER wipe AFTER INSERT ON spans BEGIN "
        "DELETE FROM spans WHERE annotator_id != new.annotator_id; END")
FORGED = "day\nT99\tACTOR 0 5\tinjected"
NEWER = migrations.SCHEMA_VERSION + 1


# ------------------------------------------------------------------ helpers


def _files(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file under ``folder``: size, modification time and content hash."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns,
                                         hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _spans(path: Path) -> set[tuple[str, str, int, int]]:
    with Project.open(path, read_only=True) as project:
        return {(s.uid, s.annotator, s.start, s.end) for s in project.spans()}


def _raw(path: Path, *statements: str) -> None:
    """What an adversary does to a file: plain SQL, no annotator involved."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def project_path(tmp_path: Path) -> Iterator[Path]:
    """A project with one document, two spans of alice, one of bob and alice's claim."""
    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps({"text": TEXT, "language": "en"}) + "\n", encoding="utf-8")
    path = tmp_path / "news.annotator"
    with Project.create(path) as project:
        project.import_paths([source])
        doc = project.documents()[0].id
        demand = project.add_span(doc, "alice", "DEMAND", 27, 37).after
        project.add_span(doc, "alice", "DATE", 81, 87,
                         attributes={"value": "2024-11-18", "precision": "day"})
        project.add_span(doc, "bob", "ACTOR", 11, 22)
        project.add_claim(doc, "alice", demand_span_ids=[demand.id])
    source.unlink()
    yield path


def _doc(path: Path) -> int:
    with Project.open(path, read_only=True) as project:
        return int(project.documents()[0].id)


# ------------------------------------------------- hostile schema objects


def test_every_connection_has_trusted_schema_off(project_path: Path) -> None:
    database = db.open_db(project_path)  # the connection a Project works on
    try:
        assert database.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    finally:
        database.close()
    for conn in (db.connect(project_path), db.connect(project_path, read_only=True),
                 maintenance.open_file(project_path)):
        try:
            assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        finally:
            conn.close()


def test_a_trigger_deleting_other_annotators_spans_is_refused_reported_and_repaired(
        project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    acknowledged = _spans(project_path)
    _raw(project_path, WIPE)
    doc = _doc(project_path)

    with Project.open(project_path) as project:  # asked for writing: opened read-only
        assert project.read_only
        reason = project.read_only_reason() or ""
        assert "trigger 'wipe' foreign" in reason and "annotator check --repair" in reason
        with pytest.raises(ReadOnlyProjectError):
            project.add_span(doc, "alice", "ACTOR", 0, 10)
    assert _spans(project_path) == acknowledged  # the trigger never ran
    assert backup.list_backups(project_path) == []  # no rolling copy of a hostile file

    code, out, _ = _cli(capsys, "check", str(project_path))
    assert code != 0
    assert "schema: trigger 'wipe' was not created by annotator" in out.splitlines()
    assert "--repair" in out

    code, out, _ = _cli(capsys, "check", "--repair", str(project_path))
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].startswith(f"backed up {project_path} to ")
    assert "dropped foreign trigger 'wipe'" in lines
    assert lines[-1] == f"{project_path}: ok"
    [copy] = backup.list_backups(project_path)
    assert copy.reason == "before-repair"
    conn = maintenance.open_file(copy.path)  # the backup holds the file as it was
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    assert "wipe" in names

    with Project.open(project_path) as project:
        assert not project.read_only and project.read_only_reason() is None
        added = project.add_span(doc, "alice", "ACTOR", 0, 10).after
        assert project.check() == []
    assert _spans(project_path) == acknowledged | {(added.uid, "alice", 0, 10)}


def test_a_disarmed_history_trigger_and_a_dropped_index_are_recreated(
        project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _raw(project_path, "DROP TRIGGER history_no_delete",
         "CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT 1; END",
         "DROP INDEX documents_title")
    code, out, _ = _cli(capsys, "check", str(project_path))
    assert code != 0
    assert "schema: trigger 'history_no_delete' differs from the one annotator creates" in out
    assert "schema: index 'documents_title', which annotator creates, is missing" in out

    done = Project.repair(project_path)
    assert "dropped changed trigger 'history_no_delete'" in done
    assert "recreated trigger 'history_no_delete' as annotator creates it" in done
    assert "recreated index 'documents_title' as annotator creates it" in done
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        _raw(project_path, "DELETE FROM history")
    with Project.open(project_path) as project:
        assert not project.read_only and project.check() == []


def test_a_foreign_view_and_table_are_dropped_and_our_rows_kept(project_path: Path) -> None:
    conn = maintenance.open_file(project_path)
    counts = maintenance.table_counts(conn)
    conn.close()
    _raw(project_path, "CREATE TABLE loot(x)", "CREATE VIEW peek AS SELECT text FROM spans",
         "CREATE INDEX spans_peek ON spans(text)")
    with Project.open(project_path) as project:
        problems = project.check()
    assert {"schema: table 'loot' was not created by annotator",
            "schema: view 'peek' was not created by annotator",
            "schema: index 'spans_peek' was not created by annotator"} <= set(problems)
    done = Project.repair(project_path)
    assert {"dropped foreign table 'loot'", "dropped foreign view 'peek'",
            "dropped foreign index 'spans_peek'"} <= set(done)
    assert Project.repair(project_path) == []  # nothing left: no second backup either
    assert len(backup.list_backups(project_path)) == 1
    conn = maintenance.open_file(project_path)
    try:
        assert maintenance.table_counts(conn) == counts
    finally:
        conn.close()


def test_a_changed_table_stays_read_only_until_a_restore(
        project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    acknowledged = _spans(project_path)
    with Project.open(project_path) as project:
        project.backups.take()
    _raw(project_path, "ALTER TABLE spans ADD COLUMN evil TEXT", WIPE)
    done = Project.repair(project_path)
    assert "dropped foreign trigger 'wipe'" in done
    with Project.open(project_path) as project:
        assert project.read_only  # a table cannot be rebuilt without its rows
        assert project.check()[0] == "schema: table 'spans' differs from the one annotator creates"
    # The repair's backup holds the hostile file, so it is no good backup to restore.
    assert any(p.startswith("schema:") for p in backup.verify_backup(
        next(i.path for i in backup.list_backups(project_path) if i.reason == "before-repair")))
    code, out, _ = _cli(capsys, "restore", str(project_path), "--latest")
    assert code == 0 and "-manual" in out.splitlines()[0]
    with Project.open(project_path) as project:
        assert not project.read_only and project.check() == []
    assert _spans(project_path) == acknowledged


# ------------------------------------------------------- a newer schema


def test_a_file_from_a_newer_annotator_is_refused_by_check_export_and_open(
        project_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import annotator.gui.app

    monkeypatch.setattr(annotator.gui.app, "run_gui",
                        lambda *_a: pytest.fail("the window was started on a newer file"))
    _raw(project_path, f"PRAGMA user_version = {NEWER}")
    folder = project_path.parent
    before = _files(folder)
    expected = (f"{project_path} was made by a newer annotator (schema {NEWER}); this tool "
                f"knows up to schema {migrations.SCHEMA_VERSION}; upgrade")
    for argv in (["check", str(project_path)], ["check", "--repair", str(project_path)],
                 ["export", str(project_path), "--out", str(folder / "out.jsonl")],
                 ["open", str(project_path)]):
        code, out, err = _cli(capsys, *argv)
        assert code != 0 and not out, argv
        assert err.count("\n") == 1 and expected in err, (argv, err)
    for read_only in (False, True):
        with pytest.raises(SchemaTooNewError, match="made by a newer annotator"):
            Project.open(project_path, read_only=read_only)
    assert _files(folder) == before  # no backup, no -wal, no export


# ------------------------------------------- files that are no project


def _foreign_sqlite(path: Path, *, wal: bool) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.close()


@pytest.mark.parametrize("kind", ["empty", "text", "sqlite", "sqlite-wal"])
def test_a_file_that_is_no_project_is_left_byte_identical(
        tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "given.annotator"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_bytes(b"my notes, not a database\n" * 40)
    else:
        _foreign_sqlite(path, wal=kind == "sqlite-wal")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    before = _files(tmp_path)
    for read_only in (False, True):
        with pytest.raises(ProjectFileError, match="not an annotator project"):
            Project.open(path, read_only=read_only)
    for argv in (["import", str(path), str(article)], ["check", str(path)],
                 ["check", "--repair", str(path)], ["info", str(path)],
                 ["export", str(path), "--out", str(tmp_path / "out.jsonl")]):
        code, _out, _err = _cli(capsys, *argv)
        assert code != 0, argv
    assert _files(tmp_path) == before
    assert not list(tmp_path.glob("given.annotator?*"))  # no -wal, -shm, -journal, .backups


# ------------------------------------------------ values on every way in


def _native_with(project_path: Path, tmp_path: Path, edit: Any) -> Path:
    """The project's native export with ``edit`` applied to its document record."""
    out = tmp_path / "export.jsonl"
    with Project.open(project_path, read_only=True) as project:
        project.exports.native(out, timestamp=False, force=True)
    header, record = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    edit(record)
    forged = tmp_path / "forged.jsonl"
    forged.write_text(json.dumps(header) + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    return forged


def _import_refused(tmp_path: Path, forged: Path, reason: str) -> None:
    """Importing ``forged`` into a fresh project is refused with file, line and reason."""
    fresh = tmp_path / "fresh.annotator"
    with Project.create(fresh) as project:
        report = project.import_paths([forged])
        assert report.imported == [] and project.count_documents() == 0
        assert project.spans() == [] and project.claims() == []
    [rejection, *_] = report.rejected
    assert rejection.source == str(forged)
    assert "line 2" in rejection.reason and reason in rejection.reason, rejection.reason


def _set_precision(record: dict[str, Any], value: Any) -> None:
    for span in record["annotations"]["alice"]["spans"]:
        if span["layer"] == "DATE":
            span["attributes"]["precision"] = value


def test_a_forged_attribute_value_is_refused_by_the_api(project_path: Path) -> None:
    doc, acknowledged = _doc(project_path), _spans(project_path)
    with Project.open(project_path) as project:
        for attributes in ({"precision": FORGED}, {"precision": 3}, {"value": "2024-11-18\n"},
                           {"value": "not a date"}, {"bad\nname": "x"}):
            with pytest.raises(ValidationError):
                project.add_span(doc, "alice", "DATE", 81, 87, attributes=attributes)
        date = next(s for s in project.spans(annotator="alice") if s.layer == "DATE")
        with pytest.raises(ValidationError, match="is not one of"):
            project.update_span(date.id, "alice", attributes={"precision": FORGED})
        assert project.span(date.id).attributes["precision"] == "day"
    assert _spans(project_path) == acknowledged


def test_a_date_precision_timex_derives_is_accepted_beyond_the_vocabulary(
        project_path: Path) -> None:
    """A datetime's precision is not in the codebook's list, but the tool writes it itself."""
    with Project.open(project_path) as project:
        span = project.add_span(_doc(project_path), "alice", "DATE", 81, 87, attributes={
            "value": "2024-11-18T10:00", "precision": "datetime", "mod": "APPROX"}).after
        assert span.attributes["precision"] == "datetime"
        with pytest.raises(ValidationError, match="is not one of"):
            project.update_span(span.id, "alice", attributes={"precision": "datetime\n"})


def test_a_forged_attribute_value_is_refused_on_import(project_path: Path,
                                                        tmp_path: Path) -> None:
    forged = _native_with(project_path, tmp_path, lambda r: _set_precision(r, FORGED))
    _import_refused(tmp_path, forged, "attribute 'precision'")


def test_a_span_past_the_text_end_is_refused_on_import_and_by_the_api(
        project_path: Path, tmp_path: Path) -> None:
    def stretch(record: dict[str, Any]) -> None:
        span = record["annotations"]["alice"]["spans"][0]
        span["end"] = len(record["text"]) + 5
        span.pop("text")

    _import_refused(tmp_path, _native_with(project_path, tmp_path, stretch), "outside the text")
    with Project.open(project_path) as project, \
            pytest.raises(ValidationError, match="outside the text"):
        project.add_span(_doc(project_path), "alice", "ACTOR", 90, len(TEXT) + 1)


def test_a_claim_on_another_annotators_span_is_refused_on_import_and_by_the_api(
        project_path: Path, tmp_path: Path) -> None:
    def borrow(record: dict[str, Any]) -> None:
        annotations = record["annotations"]
        carol = annotations.pop("alice")
        carol["claims"][0]["demand_spans"] = [annotations["bob"]["spans"][0]["uid"]]
        annotations["carol"] = carol  # read after bob's, so bob's span is there to point at

    _import_refused(tmp_path, _native_with(project_path, tmp_path, borrow),
                    "a claim may only point at spans of its own annotator")
    with Project.open(project_path) as project:
        doc = _doc(project_path)
        bob_span = project.spans(annotator="bob")[0]
        with pytest.raises(ValidationError, match="belongs to 'bob', not 'alice'"):
            project.add_claim(doc, "alice", demand_span_ids=[bob_span.id])
        claim = project.claims(annotator="alice")[0]
        with pytest.raises(ValidationError, match="own annotator"):
            project.update_claim(claim.id, "alice", source_span_id=bob_span.id)
        assert project.claims() == [claim]


def test_colours_layer_and_annotator_names_must_match_whole() -> None:
    text = default_codebook_path().read_text(encoding="utf-8")
    for old, new in (('color = "#4e79a7"', 'color = "#4e79a7\\n"'),
                     ('name = "ACTOR"', 'name = "ACTOR\\n"')):
        assert old in text
        with pytest.raises(CodebookError):
            parse_codebook(text.replace(old, new, 1))
    with pytest.raises(ValidationError, match="annotator name"):
        rules.check_annotator_name("alice\n")


# ------------------------------------------------------- team merges


@pytest.fixture()
def returned(project_path: Path, tmp_path: Path) -> Iterator[tuple[Path, dict[str, bytes]]]:
    """A return package from alice's local project (members by name) against the master."""
    import zipfile

    with Project.open(project_path) as master:
        info = master.team.make_package("alice", tmp_path / "alice.annpkg",
                                        [d.id for d in master.documents()])
    with Project.from_package(info.path, tmp_path / "local.annotator", "alice") as local:
        local.add_span(local.documents()[0].id, "alice", "ACTOR", 0, 10)
        good = local.team.return_package(tmp_path / "return.annpkg").path
    with zipfile.ZipFile(good) as archive:
        yield good, {name: archive.read(name) for name in archive.namelist()}


def _forged_package(members: dict[str, bytes], folder: Path, edit: Any) -> Path:
    """The return package with ``edit`` applied to alice's entry, checksums recomputed."""
    lines = members[DOCUMENTS].decode().splitlines()
    record = json.loads(lines[1])
    edit(record["annotations"]["alice"])
    lines[1] = json.dumps(record)
    manifest = json.loads(members[MANIFEST])
    manifest.pop("files")
    contents = {name: members[name] for name in CONTENT_MEMBERS}
    contents[DOCUMENTS] = ("\n".join(lines) + "\n").encode()
    path = folder / "forged.annpkg"
    write_package(path, manifest, contents)
    return path


def _bob_uid(project_path: Path) -> str:
    with Project.open(project_path, read_only=True) as project:
        return project.spans(annotator="bob")[0].uid


@pytest.mark.parametrize("attack", ["attribute", "past the end", "claim on bob's span"])
def test_a_forged_package_is_refused_and_the_master_unchanged(
        project_path: Path, tmp_path: Path, returned: tuple[Path, dict[str, bytes]],
        attack: str) -> None:
    _good, members = returned
    bob = _bob_uid(project_path)

    def edit(entry: dict[str, Any]) -> None:
        if attack == "attribute":
            _set_precision({"annotations": {"alice": entry}}, FORGED)
        elif attack == "past the end":
            entry["spans"][0]["end"] = len(TEXT) + 3
            entry["spans"][0].pop("text")
        else:
            entry["claims"][0]["demand_spans"] = [bob]

    forged = _forged_package(members, tmp_path, edit)
    before = _native_with(project_path, tmp_path, lambda _r: None).read_bytes()
    with Project.open(project_path) as master:
        with pytest.raises(PackageError, match="nothing was merged") as refused:
            master.team.merge(forged)
    reason = {"attribute": "attribute 'precision'", "past the end": "outside the text",
              "claim on bob's span": "own annotator"}[attack]
    assert forged.name in str(refused.value) and reason in str(refused.value)
    assert _native_with(project_path, tmp_path, lambda _r: None).read_bytes() == before


# ------------------------------------------ check finds what is stored


def test_check_reports_stored_values_offsets_and_claims_one_line_each(
        project_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Project.open(project_path, read_only=True) as project:
        date = next(s for s in project.spans(annotator="alice") if s.layer == "DATE")
        bob = project.spans(annotator="bob")[0]
        claim = project.claims(annotator="alice")[0]
    _raw(project_path,
         f"UPDATE spans SET attributes = '{json.dumps({'precision': FORGED})}' "
         f"WHERE id = {date.id}",
         f'UPDATE spans SET "end" = {len(TEXT) + 40} WHERE id = {bob.id}',
         f"INSERT INTO claim_spans(claim_id, span_id, position) VALUES ({claim.id}, {bob.id}, 1)")
    code, out, _ = _cli(capsys, "check", str(project_path))
    assert code != 0
    lines = out.splitlines()
    assert any(line.startswith(f"span {date.id} (alice, document {date.doc_id}): attribute "
                               "'precision'") for line in lines), lines
    assert any(line.startswith(f"span {bob.id} (bob, ") and "outside the text" in line
               for line in lines), lines
    assert any(line.startswith(f"claim {claim.id} (alice, ") and "own annotator" in line
               for line in lines), lines
    assert all("\n" not in line for line in lines)  # the forged newline is shown escaped
