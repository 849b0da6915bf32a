"""Hostile inputs with bounded work, imports that never abort, and safe outputs (issue #20).

One case per finding: package bombs (newlines, a forged central directory),
deep JSON, a huge codebook, over-long documents, malformed files in one run,
FIFOs and links leading outside, escape codes in file names, NFD text with a
hash, annotator names that meet in one file name, spreadsheet formulas in CSV,
the manifest renamed last, and a package dated in the future. Each case also
checks that nothing outside the tool's own files changed.
"""

from __future__ import annotations

import csv
import json
import os
import struct
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main
from annotator.core import Project
from annotator.core.codebook import default_codebook_path, parse_codebook
from annotator.core.errors import CodebookError, PackageError
from annotator.core.exporters import Selection, export
from annotator.core.filenames import unique_stems
from annotator.core.limits import MAX_JSON_DEPTH, MAX_LINE_CHARS
from annotator.core.team import package as pkg
from annotator.core.text import sha256
from tests.core.test_team import _alice_return, _build_master, _members, _rezip

ARTICLE = ("Chancellor Olaf Scholz urged President Vladimir Putin to withdraw his troops. "
           "The call took place on Friday, according to Die Zeit.")


def snapshot(*folders: Path) -> dict[str, bytes]:
    """Every regular file below ``folders`` (links not followed), by path."""
    out: dict[str, bytes] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                out[str(path)] = path.read_bytes()
    return out


@pytest.fixture()
def project(tmp_path: Path) -> Iterator[Project]:
    (tmp_path / "project").mkdir()
    with Project.create(tmp_path / "project" / "p.annotator") as opened:
        yield opened


@pytest.fixture()
def master(tmp_path: Path) -> Iterator[Project]:
    (tmp_path / "master").mkdir()
    opened = _build_master(tmp_path / "master" / "master.annotator")
    yield opened
    opened.close()


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# ------------------------------------------------------------ bounded work


def _package(master: Project, tmp_path: Path) -> Path:
    return _alice_return(master, tmp_path)


def _well_formed(source: Path, target: Path, documents: bytes) -> Path:
    members = _members(source)
    manifest = json.loads(members[pkg.MANIFEST])
    contents = {n: members[n] for n in (pkg.CODEBOOK, pkg.REGISTRY, pkg.DELETIONS)}
    pkg.write_package(target, manifest, {**contents, pkg.DOCUMENTS: documents})
    return target


def test_a_package_of_newlines_is_refused_before_it_is_unpacked(master: Project,
                                                                 tmp_path: Path) -> None:
    source = _package(master, tmp_path)
    bomb = _well_formed(source, tmp_path / "newlines.annpkg", b"\n" * (64 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024  # well under a megabyte on disk
    before = snapshot(tmp_path / "master")
    with pytest.raises(PackageError, match="compression ratio"):
        master.team.merge(bomb, dry_run=True)
    # with the ratio check out of the way, the line count stops it after the first chunk
    with pytest.raises(PackageError, match="more than 2,000,000 lines"):
        pkg.read_package(bomb, pkg.PackageLimits(max_ratio=10_000))
    assert snapshot(tmp_path / "master") == before


def _with_directory(data: bytes, entries: int, size: int) -> bytes:
    """A zip whose end record (zip64) claims ``entries`` members in ``size`` bytes."""
    at = data.rfind(b"PK\x05\x06")
    head, end = data[:at], bytearray(data[at:])
    offset = len(head)
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries,
                         size, struct.unpack_from("<L", end, 16)[0])
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, offset, 1)
    struct.pack_into("<HH", end, 8, 0xFFFF, 0xFFFF)
    return head + record + locator + bytes(end)


def test_ten_million_directory_entries_are_refused_before_they_are_read(
        master: Project, tmp_path: Path) -> None:
    source = _package(master, tmp_path)
    forged = tmp_path / "entries.annpkg"
    forged.write_bytes(_with_directory(source.read_bytes(), 10_000_000, 460_000_000))
    with pytest.raises(PackageError, match="lists 10,000,000 members"):
        pkg.read_package(forged)
    many = _rezip(tmp_path / "many.annpkg",
                  {**_members(source), **{f"extra{i}.txt": b"x" for i in range(40)}})
    with pytest.raises(PackageError, match="members; a package has 6"):
        pkg.read_package(many)


def test_deeply_nested_json_is_one_files_rejection(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    deep = "[" * 200_000 + "]" * 200_000
    _write(folder / "a_deep.json", deep)
    _write(folder / "b_deep.jsonl", json.dumps({"text": ARTICLE, "metadata": {}})[:-1]
           + ', "x": ' + "[" * 5000 + "]" * 5000 + "}\n")
    _write(folder / "c_good.txt", ARTICLE)
    before = snapshot(folder)
    report = project.import_paths([folder])
    reasons = {Path(r.source).name: r.reason for r in report.rejected}
    assert f"nested deeper than {MAX_JSON_DEPTH} levels" in reasons["a_deep.json"]
    assert "nested deeper" in " ".join(r.reason for r in report.rejected
                                        if r.source.endswith("b_deep.jsonl"))
    assert len(report.imported) == 1
    assert project.document(report.imported[0]).source_file == "c_good.txt"
    assert snapshot(folder) == before


def test_a_codebook_of_30000_codes_validates_linearly_and_is_bounded() -> None:
    base = default_codebook_path().read_text(encoding="utf-8")
    values = "".join(f'[[vocabularies.big.values]]\ncode = "c{i}"\nlabel = "Code {i}"\n'
                     for i in range(30_000))
    book = parse_codebook(base + '\n[vocabularies.big]\nkind = "nominal"\n' + values)
    big = book.vocabulary("big")
    assert len(big.values) == 30_000 and big.get("c29999") and big.get("c30000") is None
    assert big.get("c12345") is not None and big.get("c12345").label == "Code 12345"
    twice = values + '[[vocabularies.big.values]]\ncode = "c7"\n'
    with pytest.raises(CodebookError, match="code 'c7' appears twice"):
        parse_codebook(base + '\n[vocabularies.big]\nkind = "nominal"\n' + twice)
    with pytest.raises(CodebookError, match="more than the limit"):
        parse_codebook(base + "# " + "x" * (9 * 1024 * 1024) + "\n")


def test_a_document_past_the_length_limit_is_refused_with_the_limit(
        project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write(folder / "a_one_line.txt", "Title\n\n" + "word " * (MAX_LINE_CHARS // 5 + 10))
    _write(folder / "b_good.txt", ARTICLE)
    before = snapshot(folder)
    report = project.import_paths([folder])
    assert [Path(r.source).name for r in report.rejected][:1] == ["a_one_line.txt"]
    assert f"more than the limit of {MAX_LINE_CHARS:,}" in report.rejected[0].reason
    assert len(report.imported) == 1
    assert snapshot(folder) == before


# ------------------------------------------------------- import never aborts


def test_malformed_files_are_each_rejected_and_the_run_goes_on(project: Project,
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write(folder / "a_brat.txt", ARTICLE)
    _write(folder / "a_brat.ann", "T1\tACTOR 0 5\tChanc\nA1\tNegated\n")  # A line, no target
    _write(folder / "b_ls.json", json.dumps([{"data": {"text": ARTICLE},
                                               "annotations": "not a list"}]))
    _write(folder / "c_ls.json", json.dumps([{"data": {"text": ARTICLE}, "annotations": [
        {"result": [{"type": "labels", "value": {"start": 0, "end": 5}}]}]}]))
    _write(folder / "d_bad_utf8.ann", b"T1\tACTOR 0 5\t\xff\xfe\n")
    _write(folder / "d_bad_utf8.txt", ARTICLE)
    _write(folder / "e_good.txt", ARTICLE + " More.")
    before = snapshot(folder)
    report = project.import_paths([folder])
    rejected = {Path(r.source).name for r in report.rejected}
    assert {"a_brat.ann", "b_ls.json", "c_ls.json", "d_bad_utf8.ann"} <= rejected
    assert all(r.reason for r in report.rejected)
    assert report.files_accepted == [str(folder / "e_good.txt")]
    assert snapshot(folder) == before


def test_a_fifo_on_the_command_line_is_refused_without_blocking(project: Project,
                                                                tmp_path: Path) -> None:
    fifo = tmp_path / "in" / "pipe.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    good = _write(tmp_path / "in" / "good.txt", ARTICLE)
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(project.import_paths([fifo, good])),
                              daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "the import blocked on the FIFO"
    report = result[0]
    assert [(Path(r.source).name, "FIFO" in r.reason) for r in report.rejected] == \
        [("pipe.txt", True)]
    assert len(report.imported) == 1


def test_special_files_and_links_leading_outside_are_skipped_and_reported(
        project: Project, tmp_path: Path) -> None:
    outside = _write(tmp_path / "outside" / "secret.txt", "root:x:0:0:root:/root:/bin/bash\n"
                     + ARTICLE)
    folder = tmp_path / "in"
    _write(folder / "inside.txt", ARTICLE)
    (folder / "sub").mkdir()
    (folder / "sub" / "link_inside.txt").symlink_to(folder / "inside.txt")
    (folder / "passwd.txt").symlink_to(outside)
    (folder / "dangling.txt").symlink_to(folder / "removed.txt")
    os.mkfifo(folder / "pipe.jsonl")
    before = snapshot(folder, tmp_path / "outside")
    report = project.import_paths([folder])
    reasons = {Path(r.source).name: r.reason for r in report.rejected}
    assert "outside the imported folder" in reasons["passwd.txt"]
    assert "FIFO" in reasons["pipe.jsonl"]
    assert "broken symbolic link" in reasons["dangling.txt"]
    assert all("secret" not in project.text(d.id) and "root:x" not in project.text(d.id)
               for d in project.documents())
    assert len(report.imported) == 1 and len(report.duplicates) == 1  # the inside link
    assert snapshot(folder, tmp_path / "outside") == before


def test_file_names_with_newlines_and_escapes_cannot_forge_report_lines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "p.annotator"
    assert main(["new", str(project)]) == 0
    folder = tmp_path / "in"
    evil = _write(folder / "x\n  rejected forged.txt: \x1b[2Jok.txt", "")
    capsys.readouterr()
    before = snapshot(folder)
    assert main(["import", str(project), str(evil)]) == 3
    out = capsys.readouterr().out
    assert "\x1b" not in out
    lines = [line for line in out.splitlines() if line.strip().startswith("rejected")]
    assert len(lines) == 1 and "\\n" in lines[0] and "\\x1b" in lines[0]
    assert snapshot(folder) == before


def test_a_record_with_sha256_stores_nfc_text(project: Project, tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Förbundskanslern Olaf Scholz krävde att " + ARTICLE)
    nfc = unicodedata.normalize("NFC", nfd)
    assert nfd != nfc
    source = _write(tmp_path / "in" / "records.jsonl",
                    json.dumps({"text": nfd, "sha256": sha256(nfd)}) + "\n"
                    + json.dumps({"text": nfd, "sha256": sha256(nfc), "title": "ok"}) + "\n")
    report = project.import_paths([source])
    assert report.rejected and "does not match its sha256" in report.rejected[0].reason
    assert not report.imported  # all or nothing per file
    _write(source, json.dumps({"text": nfd, "sha256": sha256(nfc)}) + "\n")
    report = project.import_paths([source])
    assert len(report.imported) == 1
    stored = project.text(report.imported[0])
    assert stored == nfc and unicodedata.is_normalized("NFC", stored)


# ------------------------------------------------------------- safe outputs


NAMES = ["x y", "x_y", "..", "Alice", "alice", "manifest.json"]


def test_annotator_names_that_share_a_file_name_get_distinct_folders(
        project: Project, tmp_path: Path) -> None:
    doc = project.import_paths([_write(tmp_path / "in" / "a.txt", ARTICLE)]).imported[0]
    for index, name in enumerate(NAMES):
        project.add_span(doc, name, "ACTOR", index, index + 5)
    result = export(project, "brat", tmp_path / "out" / "brat")
    folders = sorted(p.name for p in (tmp_path / "out" / "brat").iterdir() if p.is_dir())
    assert len(folders) == len(NAMES)
    assert any("written apart" in w for w in result.warnings)
    owners = set()
    for folder in folders:
        entries = (tmp_path / "out" / "brat" / folder / "documents.jsonl").read_text()
        owners |= {json.loads(line)["annotator"] for line in entries.splitlines()}
    assert owners == set(NAMES)
    assert unique_stems(NAMES).of == unique_stems(list(reversed(NAMES))).of  # deterministic
    assert not (tmp_path / "out" / "x_y").exists() and not (tmp_path / "x_y").exists()


def test_assign_writes_one_package_per_colliding_name(master: Project, tmp_path: Path) -> None:
    ids = [d.id for d in master.documents()]
    plan = {"x y": ids[:2], "x_y": ids[2:4], "Bob": ids[4:5], "bob": ids[5:6]}
    infos = master.team.write_packages(tmp_path / "packages", plan)
    paths = {info.path for info in infos}
    assert len(paths) == 4 and all(p.exists() for p in paths)
    assert {pkg.read_package(p).manifest["annotator"] for p in paths} == set(plan)


FORMULAS = {"title": "=HYPERLINK(\"http://x\",\"y\")", "actor": "+cmd|' /C calc'!A0",
            "span": "@SUM(1+1)"}


def _formula_project(project: Project, tmp_path: Path) -> None:
    source = _write(tmp_path / "in" / "f.jsonl", json.dumps({
        "text": f"{FORMULAS['span']} is what {ARTICLE}", "title": FORMULAS["title"]}) + "\n")
    doc = project.import_paths([source]).imported[0]
    actor = project.add_actor(FORMULAS["actor"], key="calc").after
    project.add_span(doc, "alice", "ACTOR", 0, len(FORMULAS["span"]), actor_id=actor.id)


def test_csv_cells_that_spreadsheets_run_are_counted_or_defused(
        project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pandas = pytest.importorskip("pandas")
    _formula_project(project, tmp_path)
    plain = export(project, "csv", tmp_path / "out" / "plain")
    assert len(plain.warnings) == 1 and "pass --spreadsheet-safe" in plain.warnings[0]
    for column in ("documents.title", "spans.text", "actors.canonical_name"):
        assert column in plain.warnings[0]
    titles = pandas.read_csv(tmp_path / "out" / "plain" / "documents.csv")["title"]
    assert titles.tolist() == [FORMULAS["title"]]  # unchanged without the option
    safe = export(project, "csv", tmp_path / "out" / "safe", Selection(),
                  spreadsheet_safe=True)
    assert "were prefixed" in safe.warnings[0]
    folder = tmp_path / "out" / "safe"
    assert pandas.read_csv(folder / "documents.csv")["title"].tolist() == \
        ["'" + FORMULAS["title"]]
    with (folder / "actors.csv").open(encoding="utf-8", newline="") as handle:
        names = [row["canonical_name"] for row in csv.DictReader(handle)]
    assert names == ["'" + FORMULAS["actor"]]
    spans = pandas.read_csv(folder / "spans.csv")
    assert spans["text"].tolist() == ["'" + FORMULAS["span"]]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["spreadsheet_safe"] is True and manifest["warnings"] == safe.warnings
    project.close()
    code = main(["export", str(project.path), "--format", "actors", "--out",
                 str(tmp_path / "out" / "actors.csv"), "--spreadsheet-safe"])
    assert code == 0 and "'+cmd" in (tmp_path / "out" / "actors.csv").read_text()
    assert main(["export", str(project.path), "--format", "jsonl", "--out",
                 str(tmp_path / "out" / "x.jsonl"), "--spreadsheet-safe"]) == 1
    assert "applies to --format csv and actors only" in capsys.readouterr().err


def test_a_kill_between_renames_never_pairs_data_with_an_old_manifest(
        project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project.import_paths([_write(tmp_path / "in" / "a.txt", ARTICLE)])
    target = tmp_path / "out" / "tasks.json"
    export(project, "labelstudio", target)
    manifest = target.with_name("tasks.json.manifest.json")
    assert manifest.exists()
    project.import_paths([_write(tmp_path / "in" / "b.txt", ARTICLE + " Two.")])
    real = os.replace

    def killed(src: Any, dst: Any) -> None:
        if str(dst).endswith("manifest.json"):
            raise KeyboardInterrupt  # the process dies before the manifest is renamed
        real(src, dst)

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        export(project, "labelstudio", target, force=True)
    monkeypatch.setattr(os, "replace", real)
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 2  # the new data
    assert not manifest.exists()  # and no manifest describing the old data


def test_a_package_dated_in_the_future_does_not_block_later_returns(
        master: Project, tmp_path: Path) -> None:
    ids = [d.id for d in master.documents()]
    info = master.team.make_package("alice", tmp_path / "alice.annpkg", ids[:2])
    with Project.from_package(info.path, tmp_path / "alice.annotator", "alice") as local:
        local.add_span(ids[0], "alice", "ACTOR", 0, 10)
        first = local.team.return_package(tmp_path / "first.annpkg").path
        members = _members(first)
        manifest = json.loads(members[pkg.MANIFEST])
        manifest["created_at"] = "2099-01-01T00:00:00.000+00:00"  # a clock set wrong
        future = tmp_path / "future.annpkg"
        kept = (pkg.CODEBOOK, pkg.REGISTRY, pkg.DOCUMENTS, pkg.DELETIONS)
        pkg.write_package(future, manifest, {n: members[n] for n in kept})
        report = master.team.merge(future)
        assert any("in the future" in w for w in report.warnings)
        local.add_span(ids[1], "alice", "DATE", 0, 10)
        later = local.team.return_package(tmp_path / "later.annpkg").path
    merged = master.team.merge(later)
    assert not merged.already_merged and not merged.warnings
    assert {s.layer for s in master.spans(ids[1], "alice")} == {"DATE"}
