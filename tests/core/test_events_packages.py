"""Events in team packages and in the native JSONL: the annotator's events and links go
out and come back, the merge upserts them by uid, and a forged package is refused."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.core import Project
from annotator.core.errors import PackageError
from annotator.core.events.records import Event
from annotator.core.models import ClaimId, DocId
from annotator.core.project import event_commands as ec
from annotator.core.team.package import (
    CODEBOOK,
    DELETIONS,
    DOCUMENTS,
    EVENTS,
    MANIFEST,
    REGISTRY,
    write_package,
)

TEXTS = [
    "Chancellor Katrin Vollmer phoned President Vladimir Putin on 15 November 2024 and urged "
    "him to withdraw the troops from the border.",
    "Vollmer urged Putin in a call on Friday to pull his troops back from the border, "
    "officials in Berlin said.",
    "Vollmer and Putin met in Helsinki on 3 December 2024; she asked him to release the "
    "detained reporters.",
]


def _master(tmp_path: Path) -> Project:
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps({"text": t, "title": f"Article {i}", "language": "en",
                                          "published": "2024-11-16"}) + "\n"
                              for i, t in enumerate(TEXTS, start=1)), encoding="utf-8")
    project = Project.create(tmp_path / "master.annotator")
    assert not project.import_paths([source]).rejected
    project.add_actor("Katrin Vollmer", key="vollmer", aliases=["Vollmer"])
    project.add_actor("Vladimir Putin", key="putin", aliases=["Putin"])
    return project


def _claim(project: Project, doc_id: DocId, who: str, date: str, gloss: str) -> ClaimId:
    vollmer, putin = project.actor_by_key("vollmer"), project.actor_by_key("putin")
    assert vollmer is not None and putin is not None
    changes = project.add_claim(doc_id, who, claimant_id=vollmer.id, addressee_id=putin.id,
                                gloss=gloss, date_value=date)
    return changes.after.id  # type: ignore[union-attr]


def _code(project: Project, who: str) -> list[ClaimId]:
    """One claim per document: the first two report the call, the third the meeting."""
    docs = [d.id for d in project.documents()]
    return [_claim(project, docs[0], who, "2024-11-15", "withdraw the troops"),
            _claim(project, docs[1], who, "2024-11", "pull the troops back"),
            _claim(project, docs[2], who, "2024-12-03", "release the reporters")]


def _create(project: Project, who: str, label: str, claims: list[ClaimId], **fields: str
            ) -> Event:
    edit = ec.create_event(who, label, claims, **fields)
    edit.apply(project)
    assert edit.created is not None
    return project.events.get(edit.created)


def _export(project: Project, path: Path) -> str:
    project.exports.native(path, timestamp=False, force=True)
    return path.read_text(encoding="utf-8")


def _state(project: Project) -> list[tuple[str, str, str, str, str, tuple[str, ...]]]:
    """Every event as (uid, label, creator, earliest, latest, linked claim uids)."""
    out = []
    for event in project.events.all():
        refs = project.events.claim_refs(event.claim_ids)
        out.append((event.uid, event.label, event.created_by, event.earliest, event.latest,
                    tuple(sorted(refs[c][0] for c in event.claim_ids))))
    return sorted(out)


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _remake(source: Path, target: Path,
            change: Callable[[dict[str, Any], dict[str, bytes]], None]) -> Path:
    """The package with ``change`` applied and every checksum recomputed (well formed)."""
    members = _members(source)
    manifest = json.loads(members[MANIFEST])
    contents = {n: members[n] for n in (CODEBOOK, REGISTRY, DOCUMENTS, DELETIONS, EVENTS)
                if n in members}
    change(manifest, contents)
    write_package(target, manifest, contents)
    return target


def _edit_events(edit: Callable[[list[dict[str, Any]]], None]
                 ) -> Callable[[dict[str, Any], dict[str, bytes]], None]:
    def change(_manifest: dict[str, Any], contents: dict[str, bytes]) -> None:
        records = [json.loads(x) for x in contents[EVENTS].decode().splitlines()]
        edit(records)
        contents[EVENTS] = "".join(json.dumps(x) + "\n" for x in records).encode()
    return change


@pytest.fixture()
def team(tmp_path: Path) -> dict[str, Any]:
    """A master where bob coded and clustered in the master, and alice in a local project
    made from her package: the call (two reports) and the meeting (one)."""
    master = _master(tmp_path)
    bob = _code(master, "bob")
    _create(master, "bob", "The call", bob[:2])
    _create(master, "bob", "The meeting", bob[2:])
    info = master.team.make_package("alice", tmp_path / "alice.annpkg",
                                    [d.id for d in master.documents()])
    local = Project.from_package(info.path, tmp_path / "alice.annotator", "alice")
    alice = _code(local, "alice")
    call = _create(local, "alice", "Vollmer phones Putin", alice[:2], place="Berlin",
                   note="two reports of one call")
    meeting = _create(local, "alice", "Helsinki meeting", alice[2:])
    back = local.team.return_package(tmp_path / "alice-back.annpkg").path
    return {"master": master, "local": local, "back": back, "call": call,
            "meeting": meeting, "alice": alice, "bob": bob, "tmp": tmp_path}


def test_returned_events_merge_with_their_links_and_agreement_sees_both(
        team: dict[str, Any]) -> None:
    master, local = team["master"], team["local"]
    assert EVENTS in _members(team["back"])
    report = master.team.merge(team["back"])
    assert (report.events_added, report.events_updated, report.links_added) == (2, 0, 3)
    assert "events: 2 added, 0 updated, 0 deleted, 0 unchanged, 3 links added" in \
        report.summary()
    mine = {e.uid: e for e in master.events.all("alice")}
    call = mine[team["call"].uid]
    assert (call.label, call.created_by, call.place, call.note) == (
        "Vollmer phones Putin", "alice", "Berlin", "two reports of one call")
    # the date range and participants are derived in the master as an edit derives them
    assert (call.earliest, call.latest) == ("2024-11-15", "2024-11-15")
    assert {p.role for p in call.participants} == {"claimant", "addressee"}
    refs = master.events.claim_refs(call.claim_ids)
    local_refs = local.events.claim_refs(team["call"].claim_ids)
    assert sorted(u for u, _, _ in refs.values()) == sorted(u for u, _, _ in local_refs.values())
    assert {name for _, name, _ in refs.values()} == {"alice"}
    assert all(k.linked_by == "alice" for k in call.links)
    # bob's events are untouched, and agreement on event identity sees both clusterings
    assert [e.label for e in master.events.all("bob")] == ["The call", "The meeting"]
    (pair,) = master.events.identity_agreement(["alice", "bob"])
    assert (pair.units, pair.pairwise_f1, pair.bcubed_f1) == (3, 1.0, 1.0)
    entries = [e for e in master.review.agreement_report(["alice", "bob"], bootstrap=0)
               ["entries"] if e["group"] == "events"]
    assert [e["value"] for e in entries] == [1.0, 1.0]


def test_merging_again_changes_nothing(team: dict[str, Any]) -> None:
    master, local, tmp = team["master"], team["local"], team["tmp"]
    master.team.merge(team["back"])
    before = _export(master, tmp / "before.jsonl")
    assert master.team.merge(team["back"]).already_merged
    newer = local.team.return_package(tmp / "alice-back-2.annpkg").path
    report = master.team.merge(newer)
    assert (report.events_added, report.events_updated, report.events_unchanged) == (0, 0, 2)
    assert _export(master, tmp / "after.jsonl") == before


def test_edits_and_deletions_in_the_local_project_reach_the_master(
        team: dict[str, Any]) -> None:
    master, local, tmp = team["master"], team["local"], team["tmp"]
    master.team.merge(team["back"])
    ec.rename_event(team["call"].id, "alice", "The phone call").apply(local)
    ec.unlink_claim(team["alice"][1], "alice").apply(local)
    ec.delete_event(team["meeting"].id, "alice").apply(local)
    report = master.team.merge(local.team.return_package(tmp / "second.annpkg").path)
    assert (report.events_updated, report.events_deleted, report.links_removed) == (1, 1, 2)
    (call,) = master.events.all("alice")
    assert call.label == "The phone call"
    assert [u for u, _, _ in master.events.claim_refs(call.claim_ids).values()] == \
        [local.events.claim_refs([team["alice"][0]])[team["alice"][0]][0]]
    assert (call.earliest, call.latest) == ("2024-11-15", "2024-11-15")
    assert len(master.events.all("bob")) == 2


def test_a_reviewer_edit_in_the_master_is_kept(team: dict[str, Any]) -> None:
    master, local, tmp = team["master"], team["local"], team["tmp"]
    master.team.merge(team["back"])
    event = next(e for e in master.events.all("alice") if e.uid == team["call"].uid)
    master.events.update(event.id, "gold", label="Corrected by the reviewer")
    ec.rename_event(team["call"].id, "alice", "Alice's new label").apply(local)
    report = master.team.merge(local.team.return_package(tmp / "second.annpkg").path)
    assert any(k.startswith(f"event {event.uid}") for k in report.kept)
    assert master.events.get(event.id).label == "Corrected by the reviewer"


def test_an_assignment_package_carries_the_annotators_own_events(team: dict[str, Any]
                                                                ) -> None:
    master, tmp = team["master"], team["tmp"]
    master.team.merge(team["back"])
    info = master.team.make_package("alice", tmp / "again.annpkg")
    lines = [json.loads(x) for x in _members(info.path)[EVENTS].decode().splitlines()]
    assert {r["created_by"] for r in lines} == {"alice"}
    assert {r["uid"] for r in lines} == {team["call"].uid, team["meeting"].uid}
    fresh = Project.from_package(info.path, tmp / "alice-2.annotator", "alice")
    try:
        assert _state(fresh) == [s for s in _state(master) if s[2] == "alice"]
        assert fresh.events.all("bob") == []
    finally:
        fresh.close()
    bob = master.team.make_package("bob", tmp / "bob.annpkg",
                                   [d.id for d in master.documents()])
    bob_lines = _members(bob.path)[EVENTS].decode().splitlines()
    assert {json.loads(x)["created_by"] for x in bob_lines} == {"bob"}


def _forgeries(team: dict[str, Any]) -> list[tuple[str, Callable[[list[dict[str, Any]]], None]]]:
    master = team["master"]
    bob_claim = master.events.claim_refs(team["bob"][:1])[team["bob"][0]][0]

    def unknown(records: list[dict[str, Any]]) -> None:
        records[0]["links"].append({"claim": "no-such-claim", "linked_by": "alice"})

    def others(records: list[dict[str, Any]]) -> None:
        records[0]["links"].append({"claim": bob_claim, "linked_by": "alice"})

    def oversized(records: list[dict[str, Any]]) -> None:
        records[0]["note"] = "x" * 20_000

    def wrong_type(records: list[dict[str, Any]]) -> None:
        records[0]["label"] = 7

    def creator(records: list[dict[str, Any]]) -> None:
        records[0]["created_by"] = "bob"

    def linker(records: list[dict[str, Any]]) -> None:
        records[0]["links"][0]["linked_by"] = "gold"

    def bobs_event(records: list[dict[str, Any]]) -> None:
        records[0]["uid"] = master.events.all("bob")[0].uid

    return [("not in this project", unknown), ("not alice's", others),
            ("longer than 10,000", oversized), ("must be text", wrong_type),
            ("created by 'bob'", creator), ("link made by 'gold'", linker),
            ("is 'bob''s", bobs_event)]


def test_a_forged_package_is_refused_and_the_master_unchanged(team: dict[str, Any]) -> None:
    master, tmp = team["master"], team["tmp"]
    before = _export(master, tmp / "before.jsonl")
    for number, (reason, edit) in enumerate(_forgeries(team)):
        forged = _remake(team["back"], tmp / f"forged-{number}.annpkg", _edit_events(edit))
        with pytest.raises(PackageError, match=reason):
            master.team.merge(forged)
        assert _export(master, tmp / "after.jsonl") == before
        assert master.team.packages("in") == []

    def delete_bobs(_manifest: dict[str, Any], contents: dict[str, bytes]) -> None:
        data = json.loads(contents[DELETIONS])
        data["events"] = [master.events.all("bob")[0].uid]
        contents[DELETIONS] = json.dumps(data).encode()

    with pytest.raises(PackageError, match="deletes event"):
        master.team.merge(_remake(team["back"], tmp / "deletes.annpkg", delete_bobs))
    assert _export(master, tmp / "after.jsonl") == before


def test_a_package_without_events_merges_as_before(team: dict[str, Any]) -> None:
    master, tmp = team["master"], team["tmp"]

    def older(_manifest: dict[str, Any], contents: dict[str, bytes]) -> None:
        del contents[EVENTS]
        data = json.loads(contents[DELETIONS])
        del data["events"]
        contents[DELETIONS] = json.dumps(data).encode()

    report = master.team.merge(_remake(team["back"], tmp / "older.annpkg", older))
    assert report.added == 3 and report.events_added == 0
    assert "events" not in report.summary()
    assert master.events.all("alice") == []


def test_native_jsonl_round_trip_with_events_is_exact(team: dict[str, Any]) -> None:
    master, tmp = team["master"], team["tmp"]
    master.team.merge(team["back"])
    first = _export(master, tmp / "first.jsonl")
    records = [json.loads(x) for x in first.splitlines()]
    events = [r for r in records if r["type"] == "event"]
    assert len(events) == 4 and records[0]["events"] == 4
    assert all(isinstance(k["claim"], str) for r in events for k in r["links"])
    copy = Project.create(tmp / "copy.annotator")
    try:
        assert not copy.import_paths([tmp / "first.jsonl"]).rejected
        assert _export(copy, tmp / "second.jsonl") == first
        assert _state(copy) == _state(master)
        assert copy.events.all("alice")[0].participants
    finally:
        copy.close()
    # the per-document writer (named annotators: everyone) writes the same lines
    master.exports.native(tmp / "named.jsonl", annotators=master.annotators(include_gold=True),
                          timestamp=False)
    assert (tmp / "named.jsonl").read_text(encoding="utf-8") == first


def test_a_native_file_without_event_lines_imports_as_before(team: dict[str, Any]) -> None:
    master, tmp = team["master"], team["tmp"]
    text = _export(master, tmp / "all.jsonl")
    lines = [x for x in text.splitlines(keepends=True) if '"type":"event"' not in x]
    header = json.loads(lines[0])
    header.pop("events")
    (tmp / "old.jsonl").write_text(json.dumps(header) + "\n" + "".join(lines[1:]),
                                   encoding="utf-8")
    copy = Project.create(tmp / "old.annotator")
    try:
        assert not copy.import_paths([tmp / "old.jsonl"]).rejected
        assert copy.events.all() == []
        assert len(copy.claims()) == 3
    finally:
        copy.close()


def test_an_event_line_naming_an_unknown_claim_refuses_the_file(team: dict[str, Any]) -> None:
    master, tmp = team["master"], team["tmp"]
    text = _export(master, tmp / "all.jsonl")
    records = [json.loads(x) for x in text.splitlines()]
    records[-1]["links"].append({"claim": "missing", "linked_by": "bob"})
    (tmp / "bad.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records),
                                   encoding="utf-8")
    copy = Project.create(tmp / "bad.annotator")
    try:
        report = copy.import_paths([tmp / "bad.jsonl"])
        assert report.rejected and "missing" in report.rejected[0].reason
        assert copy.events.all() == [] and copy.document_ids() == []
    finally:
        copy.close()


def test_links_outside_the_package_and_links_by_the_reviewer_stay(tmp_path: Path) -> None:
    master = _master(tmp_path)
    claims = _code(master, "alice")
    docs = [d.id for d in master.documents()]
    wide = _create(master, "alice", "The call", claims[:2])
    reviewer = _create(master, "gold", "Reviewer's meeting", claims[2:])
    # only the first document goes out: the event travels with its link on that document
    info = master.team.make_package("alice", tmp_path / "one.annpkg", docs[:1])
    (line,) = _members(info.path)[EVENTS].decode().splitlines()
    record = json.loads(line)
    assert [k["claim"] for k in record["links"]] == [master.claims(docs[0])[0].uid]
    local = Project.from_package(info.path, tmp_path / "one.annotator", "alice")
    try:
        (event,) = local.events.all("alice")
        ec.rename_event(event.id, "alice", "The phone call").apply(local)
        back = local.team.return_package(tmp_path / "one-back.annpkg").path
    finally:
        local.close()
    report = master.team.merge(back)
    assert (report.events_updated, report.links_removed) == (1, 0)
    merged = master.events.get(wide.id)
    assert merged.label == "The phone call"
    assert merged.claim_ids == wide.claim_ids  # the link on the other document is kept
    assert master.events.get(reviewer.id).claim_ids == reviewer.claim_ids


def test_a_claim_the_reviewer_placed_stays_in_the_reviewers_event(team: dict[str, Any]
                                                                 ) -> None:
    master, local = team["master"], team["local"]
    master.team.merge(team["back"])
    meeting_claim = team["alice"][2]
    uid = local.events.claim_refs([meeting_claim])[meeting_claim][0]
    in_master = next(c.id for c in master.claims(annotator="alice") if c.uid == uid)
    reviewer = _create(master, "gold", "Reviewer's event", [in_master])
    # meanwhile alice moves the same claim into her call
    ec.link_claim(team["call"].id, meeting_claim, "alice").apply(local)
    report = master.team.merge(local.team.return_package(team["tmp"] / "again.annpkg").path)
    assert any(k.startswith(f"claim {uid} stays in event {reviewer.uid}") for k in report.kept)
    assert master.events.get(reviewer.id).claim_ids == (in_master,)
    call = next(e for e in master.events.all("alice") if e.uid == team["call"].uid)
    assert in_master not in call.claim_ids and len(call.claim_ids) == 2


def test_a_dry_run_with_events_changes_nothing(team: dict[str, Any]) -> None:
    master, tmp = team["master"], team["tmp"]
    before = _export(master, tmp / "before.jsonl")
    report = master.team.merge(team["back"], dry_run=True)
    assert report.events_added == 2 and "would merge" in report.summary()
    assert _export(master, tmp / "after.jsonl") == before


def test_an_export_of_one_annotator_holds_only_their_events(team: dict[str, Any]) -> None:
    master, tmp = team["master"], team["tmp"]
    master.team.merge(team["back"])
    master.exports.native(tmp / "bob.jsonl", annotators=["bob"], timestamp=False)
    records = [json.loads(x) for x in (tmp / "bob.jsonl").read_text().splitlines()]
    events = [r for r in records if r["type"] == "event"]
    bob_claims = {c.uid for c in master.claims(annotator="bob")}
    assert {r["created_by"] for r in events} == {"bob"} and len(events) == 2
    assert {k["claim"] for r in events for k in r["links"]} == bob_claims
    assert records[0]["events"] == 2


def test_merging_and_splitting_events_locally_arrive_as_such(team: dict[str, Any]) -> None:
    master, local, tmp = team["master"], team["local"], team["tmp"]
    master.team.merge(team["back"])
    call, meeting = team["call"], team["meeting"]
    ec.merge_events(call.id, [meeting.id], "alice").apply(local)
    split = ec.split_event(call.id, [team["alice"][1]], "alice", "The second report")
    split.apply(local)
    report = master.team.merge(local.team.return_package(tmp / "reshaped.annpkg").path)
    assert (report.events_added, report.events_updated, report.events_deleted) == (1, 1, 1)
    assert [s for s in _state(master) if s[2] == "alice"] == _state(local)
    labels = sorted(e.label for e in master.events.all("alice"))
    assert labels == ["The second report", "Vollmer phones Putin"]
    merged = next(e for e in master.events.all("alice") if e.uid == call.uid)
    assert (merged.earliest, merged.latest) == ("2024-11-15", "2024-12-03")
