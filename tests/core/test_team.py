"""The offline team workflow: assignment, packages, the round trip, merge refusals, progress.

Every refusal case checks that the master's native export (without timestamp)
and its package log are exactly what they were before the attempt.
"""

from __future__ import annotations

import json
import shutil
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main
from annotator.core import Project, Status, team
from annotator.core.errors import PackageError
from annotator.core.exporters import native
from annotator.core.models import DocId, SpanId
from annotator.core.team.package import (
    CHECKSUM,
    CODEBOOK,
    DELETIONS,
    DOCUMENTS,
    MANIFEST,
    REGISTRY,
    PackageLimits,
    read_package,
    write_package,
)
from annotator.core.text import sha256
from tests.storage import stored

TEXTS = [
    "Chancellor Olaf Scholz urged President Vladimir Putin to withdraw his troops. "
    f"The call took place on day {i}, according to Die Zeit."
    for i in range(1, 9)
]


# ------------------------------------------------------------------ helpers


def _build_master(path: Path) -> Project:
    source = path.with_name("articles.jsonl")
    source.write_text("".join(json.dumps({"text": t, "title": f"Article {i}", "language": "en",
                                          "published": "2022-02-15"}) + "\n"
                              for i, t in enumerate(TEXTS, start=1)), encoding="utf-8")
    project = Project.create(path)
    assert not project.import_paths([source]).rejected
    project.add_actor("Olaf Scholz", key="olaf-scholz", country="DEU")
    project.add_actor("Vladimir Putin", key="vladimir-putin", country="RUS")
    return project


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Built once: a fresh master, and a master with alice's return package for it.

    Tests copy these files (closed, so the WAL is checkpointed into them).
    """
    fresh = tmp_path_factory.mktemp("fresh")
    _build_master(fresh / "master.annotator").close()
    with_return = tmp_path_factory.mktemp("with-return")
    shutil.copy(fresh / "master.annotator", with_return / "master.annotator")
    with Project.open(with_return / "master.annotator") as project:
        package = _alice_return(project, with_return, work=_annotate)
    return {"fresh": fresh / "master.annotator", "with_return": with_return / "master.annotator",
            "returned": package}


@pytest.fixture()
def master(templates: dict[str, Path], tmp_path: Path,
           request: pytest.FixtureRequest) -> Iterator[Project]:
    """A copy of the master; the one alice's package was made from when a test also asks
    for ``returned``."""
    source = templates["with_return" if "returned" in request.fixturenames else "fresh"]
    shutil.copy(source, tmp_path / "master.annotator")
    project = Project.open(tmp_path / "master.annotator")
    yield project
    project.close()


@pytest.fixture()
def returned(templates: dict[str, Path], tmp_path: Path) -> Path:
    """alice's return package (she annotated with :func:`_annotate`) for ``master``."""
    return Path(shutil.copy(templates["returned"], tmp_path / "alice-return.annpkg"))


def _at(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _span(project: Project, doc_id: DocId, annotator: str, layer: str, needle: str,
          **kwargs: Any) -> int:
    start, end = _at(project.text(doc_id), needle)
    return project.add_span(doc_id, annotator, layer, start, end, **kwargs).after.id


def _export(project: Project, tmp_path: Path) -> str:
    out = tmp_path / "export.jsonl"
    project.exports.native(out, timestamp=False, force=True)
    return out.read_text(encoding="utf-8")


def _stored_codebook(project: Project) -> str:
    """The codebook text stored in the project file."""
    with stored(project.path) as repo:
        return repo.codebook_text() or ""


def _info(project: Project, key: str) -> str:
    with stored(project.path) as repo:
        return repo.info(key)


def _span_id(project: Project, uid: str) -> SpanId | None:
    """The id of the span with ``uid`` in ``project``, or None."""
    return next((s.id for s in project.spans() if s.uid == uid), None)


def _ids(project: Project) -> list[DocId]:
    return [d.id for d in project.documents()]


def _alice_return(master: Project, tmp_path: Path, *, work: Callable[[Project], None] | None
                  = None, docs: list[DocId] | None = None) -> Path:
    """Assign to alice, open her package, let ``work`` annotate, return the package."""
    info = master.team.make_package("alice", tmp_path / "alice.annpkg", docs or _ids(master)[:3])
    local = Project.from_package(info.path, tmp_path / "alice-local.annotator", "alice")
    try:
        if work is not None:
            work(local)
        return local.team.return_package(tmp_path / "alice-return.annpkg").path
    finally:
        local.close()


def _annotate(local: Project) -> None:
    doc_id = _ids(local)[0]
    scholz = next(a.id for a in local.actors() if a.key == "olaf-scholz")
    putin = next(a.id for a in local.actors() if a.key == "vladimir-putin")
    _span(local, doc_id, "alice", "ACTOR", "Olaf Scholz", actor_id=scholz)
    demand = _span(local, doc_id, "alice", "DEMAND", "withdraw his troops",
                   attributes={"gloss": "withdraw troops"})
    local.add_claim(doc_id, "alice", claimant_id=scholz, addressee_id=putin,
                    demand_span_ids=[demand], event_type="REQUEST", position=1)
    local.set_value(doc_id, "alice", "relevance", "yes")
    local.set_status(doc_id, "alice", Status.DONE)


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _rezip(path: Path, members: dict[str, bytes], infos: dict[str, zipfile.ZipInfo] | None
           = None) -> Path:
    """Write members as given: no checksum is recomputed (a tampered package)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr((infos or {}).get(name, name), data)
    return path


def _remake(source: Path, target: Path, change: Callable[[dict[str, Any], dict[str, bytes]],
                                                           None]) -> Path:
    """A package with ``change`` applied and every checksum recomputed (well-formed)."""
    members = _members(source)
    manifest = json.loads(members[MANIFEST])
    contents = {n: members[n] for n in (CODEBOOK, REGISTRY, DOCUMENTS, DELETIONS)}
    change(manifest, contents)
    write_package(target, manifest, contents)
    return target


def _edit_documents(edit: Callable[[dict[str, Any]], None]
                    ) -> Callable[[dict[str, Any], dict[str, bytes]], None]:
    def change(_manifest: dict[str, Any], contents: dict[str, bytes]) -> None:
        lines = [json.loads(x) for x in contents[DOCUMENTS].decode().splitlines()]
        for record in lines:
            if record.get("type") == "document":
                edit(record)
        contents[DOCUMENTS] = "".join(json.dumps(x) + "\n" for x in lines).encode()
    return change


def _assert_refused(master: Project, tmp_path: Path, package: Path, match: str,
                    **kwargs: Any) -> None:
    before = _export(master, tmp_path)
    with pytest.raises(PackageError, match=match):
        master.team.merge(package, **kwargs)
    assert _export(master, tmp_path) == before
    assert master.team.packages("in") == []


# --------------------------------------------------------------- assignment


def test_split_shares_the_overlap_with_everyone_and_deals_the_rest() -> None:
    plan = team.split_assignment(range(1, 21), ["alice", "bob"], 0.1, seed=7)
    shared = set(plan["alice"]) & set(plan["bob"])
    assert len(shared) == 2
    assert len(plan["alice"]) == len(plan["bob"]) == 11
    assert set(plan["alice"]) | set(plan["bob"]) == set(range(1, 21))
    assert plan == team.split_assignment(range(1, 21), ["alice", "bob"], 0.1, seed=7)
    assert team.split_assignment(range(1, 6), ["a", "b"], 0.1)["a"] != []


def test_split_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        team.split_assignment([1, 2], ["alice"], 1.5)
    with pytest.raises(ValueError, match="adjudicated"):
        team.split_assignment([1, 2], ["gold"], 0.5)
    with pytest.raises(ValueError, match="at least one"):
        team.split_assignment([1, 2], [], 0.5)


def test_assign_stores_assignments_and_progress_counts_them(master: Project) -> None:
    ids = _ids(master)
    plan = master.team.assign(ids, ["alice", "bob"], overlap=0.25, seed=1)
    assert master.team.assignments() == plan
    master.set_status(plan["alice"][0], "alice", Status.DONE)
    _span(master, plan["alice"][1], "alice", "ACTOR", "Olaf Scholz")
    rows = {r.annotator: r for r in master.team.progress()}
    alice = rows["alice"]
    assert (alice.assigned, alice.done, alice.in_progress) == (len(plan["alice"]), 1, 1)
    assert alice.not_started == alice.assigned - 2
    assert rows["bob"].not_started == rows["bob"].assigned == len(plan["bob"])
    with pytest.raises(KeyError, match="999"):
        master.team.assign([999], ["alice"])


# ----------------------------------------------------------------- packages


def test_package_holds_manifest_codebook_registry_and_only_that_annotators_work(
        master: Project, tmp_path: Path) -> None:
    doc_id = _ids(master)[0]
    _span(master, doc_id, "bob", "ACTOR", "Olaf Scholz")
    _span(master, doc_id, "alice", "ACTOR", "Vladimir Putin")
    info = master.team.make_package("alice", tmp_path / "alice.annpkg", [doc_id])
    package = read_package(info.path)
    manifest = package.manifest
    assert manifest["format"] == "annotator-package" and manifest["format_version"] == 1
    assert manifest["kind"] == "assignment" and manifest["annotator"] == "alice"
    assert manifest["codebook"] == {"name": master.codebook.name,
                                    "version": master.codebook.version,
                                    "sha256": sha256(_stored_codebook(master))}
    assert manifest["project"]["uid"] == _info(master, "project_uid")
    assert {f["path"] for f in manifest["files"]} == {CODEBOOK, REGISTRY, DOCUMENTS, DELETIONS}
    records = [json.loads(x) for x in package.text(DOCUMENTS).splitlines()]
    assert records[0]["type"] == "header"
    assert [r["sha256"] for r in records[1:]] == [master.document(doc_id).sha256]
    assert set(records[1]["annotations"]) == {"alice"}
    assert {json.loads(x)["key"] for x in package.text(REGISTRY).splitlines()} == \
        {"olaf-scholz", "vladimir-putin"}
    assert [p["package_uid"] for p in master.team.packages("out")] == [info.package_uid]


def test_write_packages_writes_one_file_per_annotator(master: Project, tmp_path: Path) -> None:
    plan = master.team.assign(_ids(master), ["alice", "bob"], overlap=0.0)
    infos = master.team.write_packages(tmp_path / "out", plan)
    assert sorted(i.path.name for i in infos) == ["master-alice.annpkg", "master-bob.annpkg"]
    assert {i.annotator: i.documents for i in infos} == {k: len(v) for k, v in plan.items()}
    assert {r.annotator: r.packages_out for r in master.team.progress()} == \
        {"alice": 1, "bob": 1}


def test_opening_a_package_makes_a_local_project_with_the_same_codebook(
        master: Project, tmp_path: Path) -> None:
    info = master.team.make_package("alice", tmp_path / "alice.annpkg", _ids(master)[:2])
    with pytest.raises(PackageError, match="made for 'alice', not 'bob'"):
        Project.from_package(info.path, tmp_path / "bob.annotator", "bob")
    assert not (tmp_path / "bob.annotator").exists()
    with Project.from_package(info.path, tmp_path / "local.annotator") as local:
        assert _stored_codebook(local) == _stored_codebook(master)
        assert [d.sha256 for d in local.documents()] == \
            [master.document(d).sha256 for d in _ids(master)[:2]]
        assert [r.assigned for r in local.team.progress()] == [2]
    with pytest.raises(PackageError, match="already exists"):
        Project.from_package(info.path, tmp_path / "local.annotator")


def test_return_needs_a_project_opened_from_a_package(master: Project, tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="not opened from a package"):
        master.team.return_package(tmp_path / "x.annpkg")


# --------------------------------------------------------------- round trip


def _layer(project: Project, annotator: str) -> dict[str, Any]:
    """annotator's records per document text hash, as the native format writes them."""
    keys = {a.id: a.key for a in project.actors()}
    out = {}
    for doc_id in _ids(project):
        record = native.document_record(project, doc_id, [annotator], keys)
        out[record["sha256"]] = record.get("annotations", {}).get(annotator)
    return out


def test_round_trip_brings_the_annotations_home_and_a_second_merge_changes_nothing(
        master: Project, tmp_path: Path) -> None:
    first = _ids(master)[0]
    kept = _span(master, first, "alice", "SOURCE", "according to Die Zeit")
    dropped = _span(master, first, "alice", "DATE", "day 1")
    kept_uid, dropped_uid = (master.span(s).uid for s in (kept, dropped))
    _span(master, first, "bob", "ACTOR", "Olaf Scholz")

    def work(local: Project) -> None:
        _annotate(local)
        span_id = _span_id(local, kept_uid)
        start, end = _at(local.text(_ids(local)[0]), "Die Zeit")
        local.update_span(span_id, "alice", start=start, end=end)
        local.remove_span(_span_id(local, dropped_uid), "alice")
        local_layer.update(_layer(local, "alice"))

    local_layer: dict[str, Any] = {}
    returned = _alice_return(master, tmp_path, work=work)
    bob_before = _layer(master, "bob")
    report = master.team.merge(returned)
    assert (report.added, report.updated, report.deleted, report.statuses) == (4, 1, 1, 1)
    assert report.kept == [] and not report.already_merged
    master_layer = _layer(master, "alice")
    assert {k: v for k, v in master_layer.items() if k in local_layer} == local_layer
    assert master.span(kept).text == "Die Zeit"
    assert _span_id(master, dropped_uid) is None
    assert _layer(master, "bob") == bob_before
    assert master.check() == []

    before = _export(master, tmp_path)
    again = master.team.merge(returned)
    assert again.already_merged
    assert _export(master, tmp_path) == before
    assert len(master.team.packages("in")) == 1
    progress = {r.annotator: r for r in master.team.progress()}["alice"]
    assert (progress.assigned, progress.done, progress.packages_in) == (3, 1, 1)


def test_a_new_return_with_the_same_content_changes_nothing(master: Project,
                                                            tmp_path: Path) -> None:
    info = master.team.make_package("alice", tmp_path / "alice.annpkg", _ids(master)[:2])
    with Project.from_package(info.path, tmp_path / "local.annotator") as local:
        _annotate(local)
        first = local.team.return_package(tmp_path / "r1.annpkg").path
        second = local.team.return_package(tmp_path / "r2.annpkg").path
    master.team.merge(first)
    before = _export(master, tmp_path)
    report = master.team.merge(second)
    assert (report.added, report.updated, report.deleted) == (0, 0, 0)
    assert report.unchanged == 4
    assert _export(master, tmp_path) == before


def test_a_later_return_from_the_same_local_project_wins(master: Project,
                                                         tmp_path: Path) -> None:
    info = master.team.make_package("alice", tmp_path / "alice.annpkg", _ids(master)[:2])
    with Project.from_package(info.path, tmp_path / "local.annotator") as local:
        doc_id = _ids(local)[0]
        span_id = _span(local, doc_id, "alice", "ACTOR", "Olaf Scholz")
        local.set_value(doc_id, "alice", "relevance", "unsure")
        first = local.team.return_package(tmp_path / "r1.annpkg").path
        uid = local.span(span_id).uid
        local.remove_span(span_id, "alice")
        local.set_value(doc_id, "alice", "relevance", None)
        _span(local, doc_id, "alice", "ACTOR", "Vladimir Putin")
        second = local.team.return_package(tmp_path / "r2.annpkg").path
    master.team.merge(first)
    report = master.team.merge(second)
    assert (report.added, report.deleted) == (1, 2)
    assert _span_id(master, uid) is None
    assert master.values(_ids(master)[0], "alice") == {}
    before = _export(master, tmp_path)
    _assert_older_refused(master, first, tmp_path)
    assert _export(master, tmp_path) == before


def _assert_older_refused(master: Project, older: Path, tmp_path: Path) -> None:
    # the first return has not been merged under this id yet only if remade; merging the
    # same file again is a no-op, so remake it as a distinct (older) package
    def new_uid(manifest: dict[str, Any], _contents: dict[str, bytes]) -> None:
        manifest["package_uid"] = "0" * 32

    remade = _remake(older, tmp_path / "older.annpkg", new_uid)
    with pytest.raises(PackageError, match="older than a package"):
        master.team.merge(remade)


def test_a_master_edit_made_while_the_package_was_out_is_kept(master: Project,
                                                               tmp_path: Path) -> None:
    doc_id = _ids(master)[0]
    span_id = _span(master, doc_id, "alice", "ACTOR", "Olaf Scholz")
    info = master.team.make_package("alice", tmp_path / "alice.annpkg", [doc_id])
    with Project.from_package(info.path, tmp_path / "local.annotator") as local:
        uid = master.span(span_id).uid
        start, end = _at(local.text(_ids(local)[0]), "Scholz")
        local.update_span(_span_id(local, uid), "alice", start=start, end=end)
        start, end = _at(master.text(doc_id), "Chancellor Olaf Scholz")
        master.update_span(span_id, "alice", start=start, end=end)
        returned = local.team.return_package(tmp_path / "r.annpkg").path
    report = master.team.merge(returned)
    assert len(report.kept) == 1 and uid in report.kept[0]
    assert master.span(span_id).text == "Chancellor Olaf Scholz"


def test_dry_run_reports_and_changes_nothing(master: Project, returned: Path,
                                             tmp_path: Path) -> None:
    before = _export(master, tmp_path)
    report = master.team.merge(returned, dry_run=True)
    assert report.dry_run and (report.added, report.statuses) == (4, 1)
    assert _export(master, tmp_path) == before
    assert master.team.packages("in") == []


# ----------------------------------------------------------------- refusals


def test_refuses_an_assignment_package(master: Project, tmp_path: Path) -> None:
    info = master.team.make_package("alice", tmp_path / "alice.annpkg", _ids(master)[:1])
    _assert_refused(master, tmp_path, info.path, "assignment package")


def test_refuses_another_codebook_version(master: Project, returned: Path,
                                          tmp_path: Path) -> None:
    text = _stored_codebook(master).replace('version = "1.0.0"', 'version = "1.1.0"')
    newer = tmp_path / "codebook-1.1.toml"
    newer.write_text(text, encoding="utf-8")
    master.set_codebook(newer)
    _assert_refused(master, tmp_path, returned, "made for codebook news-demands 1.0.0, but "
                    "this project uses news-demands 1.1.0")


def test_refuses_the_same_version_with_a_different_codebook_text(
        master: Project, returned: Path, tmp_path: Path) -> None:
    edited = tmp_path / "codebook-edited.toml"
    edited.write_text(_stored_codebook(master) + "\n# edited\n", encoding="utf-8")
    master.set_codebook(edited)
    _assert_refused(master, tmp_path, returned, "different text of codebook")


def test_refuses_a_tampered_member(master: Project, returned: Path, tmp_path: Path) -> None:
    members = _members(returned)
    members[DOCUMENTS] = members[DOCUMENTS].replace(b'"relevance":"yes"', b'"relevance":"no"')
    bad = _rezip(tmp_path / "tampered.annpkg", members)
    _assert_refused(master, tmp_path, bad, "documents.jsonl does not match the checksum")


def test_refuses_a_tampered_manifest(master: Project, returned: Path, tmp_path: Path) -> None:
    members = _members(returned)
    members[MANIFEST] = members[MANIFEST].replace(b'"annotator": "alice"',
                                                  b'"annotator": "bob"')
    bad = _rezip(tmp_path / "tampered.annpkg", members)
    _assert_refused(master, tmp_path, bad, "manifest.json does not match its checksum")


def test_refuses_a_truncated_package(master: Project, returned: Path, tmp_path: Path) -> None:
    data = returned.read_bytes()
    bad = tmp_path / "truncated.annpkg"
    bad.write_bytes(data[: len(data) // 2])
    _assert_refused(master, tmp_path, bad, "damaged or truncated")


def test_refuses_a_file_that_is_not_a_zip(master: Project, tmp_path: Path) -> None:
    bad = tmp_path / "notes.annpkg"
    bad.write_text("just some text", encoding="utf-8")
    _assert_refused(master, tmp_path, bad, "damaged or truncated")


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (0o120777 << 16)
    return info


@pytest.mark.parametrize(("name", "info", "match"), [
    ("/etc/evil", None, "absolute path"),
    ("../evil.txt", None, r"leaves the package \('..'\)"),
    ("docs/../../evil.txt", None, r"leaves the package"),
    ("C:\\evil.txt", None, "absolute path"),
    ("link", _symlink("link"), "symbolic link"),
    ("extra.txt", None, "unexpected member 'extra.txt'"),
])
def test_refuses_unsafe_or_unexpected_members(master: Project, returned: Path, tmp_path: Path,
                                              name: str, info: zipfile.ZipInfo | None,
                                              match: str) -> None:
    members = {**_members(returned), name: b"/etc/passwd"}
    bad = _rezip(tmp_path / "unsafe.annpkg", members, {name: info} if info else None)
    _assert_refused(master, tmp_path, bad, match)


def test_refuses_a_symlink_in_place_of_a_member(master: Project, returned: Path,
                                                tmp_path: Path) -> None:
    bad = _rezip(tmp_path / "unsafe.annpkg", _members(returned),
                 {DOCUMENTS: _symlink(DOCUMENTS)})
    _assert_refused(master, tmp_path, bad, "symbolic link")


def _patch_sizes(path: Path, member: str, size: int) -> None:
    """Overwrite the uncompressed size of ``member`` in its local and central headers."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    local = data.find(b"PK\x03\x04")
    while local != -1:
        name_len = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30: local + 30 + name_len] == name:
            struct.pack_into("<I", data, local + 22, size)
            break
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46: central + 46 + name_len] == name:
            struct.pack_into("<I", data, central + 24, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_refuses_a_member_declaring_a_huge_size(master: Project, returned: Path,
                                                tmp_path: Path) -> None:
    bad = tmp_path / "bomb.annpkg"
    bad.write_bytes(returned.read_bytes())
    _patch_sizes(bad, DOCUMENTS, 0xFFFF_0000)
    _assert_refused(master, tmp_path, bad, "declares 4294901760 bytes, more than the limit")


def test_refuses_a_member_larger_than_it_declares(master: Project, returned: Path,
                                                  tmp_path: Path) -> None:
    bad = tmp_path / "liar.annpkg"
    bad.write_bytes(returned.read_bytes())
    _patch_sizes(bad, DOCUMENTS, 10)
    _assert_refused(master, tmp_path, bad, "larger than it declares|damaged or truncated")


def test_refuses_members_over_the_configured_limits(master: Project, returned: Path,
                                                    tmp_path: Path) -> None:
    _assert_refused(master, tmp_path, returned, "more than the limit of 1000",
                    limits=PackageLimits(max_member_bytes=1000))
    _assert_refused(master, tmp_path, returned, "in all, more than the limit",
                    limits=PackageLimits(max_total_bytes=2000))
    _assert_refused(master, tmp_path, returned, "compression ratio",
                    limits=PackageLimits(max_ratio=1))


def test_zip_bomb_of_zeros_is_refused_by_its_size(master: Project, returned: Path,
                                                  tmp_path: Path) -> None:
    members = {**_members(returned), DOCUMENTS: bytes(3 * 1024 * 1024)}
    bad = _rezip(tmp_path / "zeros.annpkg", members)
    _assert_refused(master, tmp_path, bad, "more than the limit of 1048576",
                    limits=PackageLimits(max_member_bytes=1024 * 1024))


def test_refuses_an_unknown_format_version(master: Project, returned: Path,
                                           tmp_path: Path) -> None:
    def future(manifest: dict[str, Any], _contents: dict[str, bytes]) -> None:
        manifest["format_version"] = 2

    bad = _remake(returned, tmp_path / "future.annpkg", future)
    _assert_refused(master, tmp_path, bad, "package format version 2")


def test_refuses_documents_whose_text_is_not_in_the_master(master: Project, returned: Path,
                                                           tmp_path: Path) -> None:
    def foreign(record: dict[str, Any]) -> None:
        record["text"] += " A sentence the master never saw."
        record["sha256"] = sha256(record["text"])
        record.pop("annotations", None)

    bad = _remake(returned, tmp_path / "foreign.annpkg", _edit_documents(foreign))
    _assert_refused(master, tmp_path, bad, r"3 document\(s\) whose text is not in this project")


def test_refuses_a_text_that_does_not_match_its_hash(master: Project, returned: Path,
                                                     tmp_path: Path) -> None:
    def altered(record: dict[str, Any]) -> None:
        record["text"] = record["text"].replace("troops", "tanks")

    bad = _remake(returned, tmp_path / "altered.annpkg", _edit_documents(altered))
    _assert_refused(master, tmp_path, bad, "does not match its sha256")


def test_refuses_annotations_of_another_annotator(master: Project, returned: Path,
                                                  tmp_path: Path) -> None:
    def as_bob(record: dict[str, Any]) -> None:
        if "alice" in record.get("annotations", {}):
            record["annotations"]["bob"] = record["annotations"]["alice"]

    bad = _remake(returned, tmp_path / "bob.annpkg", _edit_documents(as_bob))
    _assert_refused(master, tmp_path, bad, "carries annotations by 'bob'")


def test_refuses_uids_that_belong_to_another_annotator(master: Project, returned: Path,
                                                       tmp_path: Path) -> None:
    bob_span = _span(master, _ids(master)[0], "bob", "ACTOR", "Vladimir Putin")
    bob_uid = master.span(bob_span).uid

    def steal(_manifest: dict[str, Any], contents: dict[str, bytes]) -> None:
        contents[DELETIONS] = json.dumps({"spans": [bob_uid]}).encode()

    bad = _remake(returned, tmp_path / "steal.annpkg", steal)
    _assert_refused(master, tmp_path, bad, "not alice's")

    def collide(record: dict[str, Any]) -> None:
        for span in record.get("annotations", {}).get("alice", {}).get("spans", []):
            if span["layer"] == "ACTOR":
                span["uid"] = bob_uid

    bad = _remake(returned, tmp_path / "collide.annpkg", _edit_documents(collide))
    _assert_refused(master, tmp_path, bad, "another annotator's")


def test_a_bad_record_late_in_the_package_leaves_nothing_merged(
        master: Project, returned: Path, tmp_path: Path) -> None:
    def late(record: dict[str, Any]) -> None:
        if record["title"] == "Article 3":
            record["annotations"] = {"alice": {"status": "in_progress", "spans": [
                {"uid": "f" * 32, "layer": "NOPE", "start": 0, "end": 4}]}}

    bad = _remake(returned, tmp_path / "late.annpkg", _edit_documents(late))
    _assert_refused(master, tmp_path, bad, "unknown layer 'NOPE'")


def test_refuses_a_package_reusing_a_merged_packages_id(master: Project, returned: Path,
                                                        tmp_path: Path) -> None:
    master.team.merge(returned)
    before = _export(master, tmp_path)

    def alter(_manifest: dict[str, Any], contents: dict[str, bytes]) -> None:
        contents[DELETIONS] = b'{"spans": [], "claims": [], "values": []}'

    bad = _remake(returned, tmp_path / "same-id.annpkg", alter)
    with pytest.raises(PackageError, match="same id was merged"):
        master.team.merge(bad)
    assert _export(master, tmp_path) == before


def test_refuses_a_missing_checksum_member(master: Project, returned: Path,
                                           tmp_path: Path) -> None:
    members = _members(returned)
    del members[CHECKSUM]
    bad = _rezip(tmp_path / "nochecksum.annpkg", members)
    _assert_refused(master, tmp_path, bad, "manifest.sha256 missing")


# ---------------------------------------------------------------------- CLI


def test_cli_assign_merge_progress(master: Project, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = str(master.path)
    master.close()
    out = tmp_path / "packages"
    assert main(["assign", path, "--annotator", "alice", "--annotator", "bob", "--docs", "1-4",
                 "--overlap", "0.5", "--out", str(out)]) == 0
    assert "master-alice.annpkg for alice (3 documents)" in capsys.readouterr().out
    with Project.from_package(out / "master-alice.annpkg",
                                   tmp_path / "a.annotator") as local:
        _annotate(local)
        returned = local.team.return_package(tmp_path / "back.annpkg").path
    assert main(["merge", path, str(returned)]) == 0
    assert "merged alice's package (3 documents): 4 added" in capsys.readouterr().out
    assert main(["merge", path, str(returned)]) == 0
    assert "already merged" in capsys.readouterr().out
    assert main(["progress", path, "--json"]) == 0
    rows = {r["annotator"]: r for r in json.loads(capsys.readouterr().out)}
    assert (rows["alice"]["done"], rows["bob"]["not_started"]) == (1, 3)
    assert main(["progress", path]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("annotator")
    (tmp_path / "broken.annpkg").write_bytes(returned.read_bytes()[:100])
    assert main(["merge", path, str(tmp_path / "broken.annpkg")]) == 3
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "damaged or truncated" in err
    assert main(["assign", path, "--annotator", "carol", "--out", str(out)]) == 1
    assert "nothing is assigned to carol" in capsys.readouterr().err
