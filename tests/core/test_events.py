"""Events above claims: edits and their undo, blind annotation, suggestions, independence,
corroboration and the suggested grade, evidence for a claim line, identity agreement."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import Project
from annotator.core.errors import StaleEditError, ValidationError
from annotator.core.events import corroboration, identity, independence
from annotator.core.models import GOLD, ClaimId, DocId
from annotator.core.project import event_commands as ec

CALL = ("Chancellor Katrin Vollmer phoned President Vladimir Putin on 15 November 2024 and "
        "urged him to withdraw the troops from the border.")
TEXTS = {
    "a.txt": f"Nordic Broadcaster\n\n{CALL} The call lasted an hour, her office said.\n",
    "b.txt": ("Wire Digest\n\nVollmer urged Putin to pull his troops back from the border in a "
              "call on Friday, officials in Berlin said. The Kremlin gave its own account.\n"),
    "c.txt": (f"Opinion Corner reposts:\n\n{CALL} The call lasted an hour, her office said.\n\n"
              "Comments: none yet.\n"),
    "d.txt": ("Content Farm\n\nInsiders say Putin never spoke to Vollmer at all and that no "
              "call took place in November.\n"),
}
PUBLISHED = {"a.txt": "2024-11-16", "b.txt": "2024-11-16", "c.txt": "2024-11-17",
             "d.txt": "2024-11-18"}


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    proj = Project.create(tmp_path / "p.annotator")
    proj.import_paths([tmp_path / n for n in TEXTS])
    for doc in proj.documents():
        source = proj.document(doc.id).source_file
        proj.set_document_fields(doc.id, "alice", published=PUBLISHED[source],
                                 outlet=source[0].upper() + " outlet")
    proj.add_actor("Katrin Vollmer", key="vollmer", aliases=["Vollmer"])
    proj.add_actor("Vladimir Putin", key="putin", aliases=["Putin"])
    return proj


def _ids(project: Project) -> dict[str, DocId]:
    return {project.document(d.id).source_file: d.id for d in project.documents()}


def _claim(project: Project, doc: DocId, who: str = "alice", date: str = "2024-11-15",
           gloss: str = "withdraw the troops from the border", **extra: object) -> ClaimId:
    vollmer, putin = project.actor_by_key("vollmer"), project.actor_by_key("putin")
    assert vollmer is not None and putin is not None
    fields = {"claimant_id": vollmer.id, "addressee_id": putin.id, "gloss": gloss,
              "date_value": date, **extra}
    return project.add_claim(doc, who, **fields).after.id  # type: ignore[union-attr]


def _coded(project: Project) -> dict[str, ClaimId]:
    ids = _ids(project)
    return {"a": _claim(project, ids["a.txt"]), "b": _claim(project, ids["b.txt"]),
            "c": _claim(project, ids["c.txt"]),
            "d": _claim(project, ids["d.txt"], date="2024-11", factuality="negated")}


# ---------------------------------------------------------------- edits and undo


def test_create_link_merge_split_rename_all_undo_and_redo(project: Project) -> None:
    claims = _coded(project)
    create = ec.create_event("alice", "Vollmer calls Putin", [claims["a"], claims["b"]])
    create.apply(project)
    first = create.created
    assert first is not None
    event = project.events.get(first)
    assert event.claim_ids == (claims["a"], claims["b"])
    assert (event.earliest, event.latest) == ("2024-11-15", "2024-11-15")
    assert {p.role for p in event.participants} == {"claimant", "addressee"}

    other = ec.create_event("alice", "Second", [claims["c"]])
    other.apply(project)
    assert other.created is not None
    merge = ec.merge_events(first, [other.created], "alice")
    merge.apply(project)
    assert project.events.get(first).claim_ids == (claims["a"], claims["b"], claims["c"])
    assert [e.id for e in project.events.all()] == [first]

    split = ec.split_event(first, [claims["c"]], "alice", "The repost")
    split.apply(project)
    assert split.created is not None
    assert project.events.get(split.created).claim_ids == (claims["c"],)
    rename = ec.rename_event(first, "alice", "The phone call")
    rename.apply(project)
    assert project.events.get(first).label == "The phone call"

    for step in (rename, split, merge):
        step.revert(project)
    assert project.events.get(first).label == "Vollmer calls Putin"
    assert project.events.get(other.created).claim_ids == (claims["c"],)
    merge.apply(project)  # redo restores the same ids
    assert project.events.get(first).claim_ids == (claims["a"], claims["b"], claims["c"])
    history = [h for h in project.history() if h["entity"] == "event"]
    assert {h["operation"] for h in history} >= {"add", "update", "remove"}


def test_link_moves_a_claim_out_of_its_old_event_and_unlink_undoes(project: Project) -> None:
    claims = _coded(project)
    one = project.events.create("alice", "one", [claims["a"]]).after
    two = project.events.create("alice", "two", [claims["b"]]).after
    assert one and two
    one_id, two_id = one[0][1].id, two[0][1].id  # type: ignore[union-attr]
    step = ec.link_claim(one_id, claims["b"], "alice")
    step.apply(project)
    assert project.events.get(two_id).claim_ids == ()
    assert project.events.of_claim(claims["b"]).id == one_id  # type: ignore[union-attr]
    step.revert(project)
    assert project.events.get(two_id).claim_ids == (claims["b"],)
    unlink = ec.unlink_claim(claims["a"], "alice")
    unlink.apply(project)
    assert project.events.of_claim(claims["a"]) is None
    unlink.revert(project)
    assert project.events.of_claim(claims["a"]).id == one_id  # type: ignore[union-attr]


def test_undo_refuses_when_the_event_changed_elsewhere(project: Project) -> None:
    claims = _coded(project)
    step = ec.create_event("alice", "call", [claims["a"]])
    step.apply(project)
    assert step.created is not None
    project.events.update(step.created, "alice", label="changed in another window")
    with pytest.raises(StaleEditError):
        step.revert(project)
    assert project.events.get(step.created).label == "changed in another window"


def test_split_and_merge_refuse_what_makes_no_sense(project: Project) -> None:
    claims = _coded(project)
    event = project.events.create("alice", "call", [claims["a"], claims["b"]]).after
    event_id = event[0][1].id  # type: ignore[index, union-attr]
    with pytest.raises(ValidationError, match="leaves nothing"):
        project.events.split(event_id, [claims["a"], claims["b"]], "alice")
    with pytest.raises(ValidationError, match="some of this event"):
        project.events.split(event_id, [claims["c"]], "alice")
    with pytest.raises(ValidationError, match="other event"):
        project.events.merge(event_id, [event_id], "alice")
    with pytest.raises(ValidationError, match="needs a label"):
        project.events.update(event_id, "alice", label="  ")


# --------------------------------------------------------------- blind annotation


def test_annotators_see_only_their_own_events_and_links(project: Project) -> None:
    ids = _ids(project)
    mine, theirs = _claim(project, ids["a.txt"]), _claim(project, ids["b.txt"], who="bob")
    alice_event = project.events.create("alice", "alice's", [mine]).after
    assert alice_event
    project.events.create("bob", "bob's", [theirs])
    assert [e.label for e in project.events.all("alice")] == ["alice's"]
    assert [e.label for e in project.events.all("bob")] == ["bob's"]
    assert len(project.events.all()) == 2  # a reviewer sees everyone's
    with pytest.raises(ValidationError, match="belongs to 'bob'"):
        project.events.create("alice", "grab", [theirs])
    alice_id = alice_event[0][1].id  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="created by 'alice'"):
        project.events.update(alice_id, "bob", label="mine now")
    assert project.events.of_claim(mine, "bob") is None
    assert [m.frame.claim_id for m in project.events.matches(mine, "alice")] == []
    project.events.link(alice_id, theirs, GOLD)  # the reviewer may link anyone's claim
    assert project.events.of_claim(theirs).id == alice_id  # type: ignore[union-attr]


# ------------------------------------------------------------------- suggestions


def test_suggestions_rank_by_actors_dates_type_and_text_with_an_explanation(
        project: Project) -> None:
    claims = _coded(project)
    ids = _ids(project)
    far = _claim(project, ids["b.txt"], date="2023-01-10", gloss="talk about gas prices")
    matches = project.events.matches(claims["a"])
    found = [m.frame.claim_id for m in matches]
    assert found[:2] == [claims["b"], claims["c"]] or found[:2] == [claims["c"], claims["b"]]
    assert far not in found
    assert matches[0].explanation.startswith("same claimant and addressee, dates overlap "
                                             "15-15 Nov 2024, same event type REQUEST")
    event = project.events.create("alice", "call", [claims["b"]]).after
    suggested = project.events.suggestions(claims["a"])
    assert [s.event_id for s in suggested] == [event[0][1].id]  # type: ignore[index, union-attr]


# ------------------------------------------------------------ independence, grade


def test_republished_copies_are_one_independent_source() -> None:
    texts = {DocId(1): TEXTS["a.txt"], DocId(2): TEXTS["b.txt"], DocId(3): TEXTS["c.txt"]}
    assert independence.groups(texts) == [(DocId(1), DocId(3)), (DocId(2),)]
    same_outlet = independence.groups(texts, {DocId(1): "X", DocId(2): "x", DocId(3): "Y"})
    assert same_outlet == [(DocId(1), DocId(2), DocId(3))]


@pytest.mark.parametrize(("agree", "contra", "linked", "grade"), [
    (2, 0, True, "1"), (1, 0, True, "2"), (0, 0, True, "3"), (3, 1, True, "3"),
    (1, 1, True, "4"), (1, 2, True, "4"), (0, 1, True, "5"), (5, 0, False, "6")])
def test_grade_mapping(agree: int, contra: int, linked: bool, grade: str) -> None:
    assert corroboration.suggest_grade(agree, contra, linked)[0] == grade


def test_corroboration_counts_independent_outlets_and_contradictions(project: Project) -> None:
    claims = _coded(project)
    project.events.create("alice", "call", list(claims.values()))
    report = project.events.corroboration(claims["a"])
    verdicts = {r.claim_id: r.verdict for r in report.reports}
    assert verdicts == {claims["b"]: "agrees", claims["c"]: "copy",
                        claims["d"]: "contradicts"}
    assert (report.agreeing, report.contradicting, report.suggested) == (1, 1, "4")
    assert report.grade == "4"
    project.update_claim(claims["a"], "alice", info_credibility="2")
    assert project.events.corroboration(claims["a"]).grade == "2"  # the annotator wins
    loose = _claim(project, _ids(project)["b.txt"], date="2024-11-15")
    assert project.events.corroboration(loose).suggested == "6"


# ------------------------------------------------------------------------ evidence


def test_evidence_for_a_claim_line_and_a_stance_suggestion(tmp_path: Path) -> None:
    claim = "Vollmer phoned Putin on 15 November 2024."
    (tmp_path / "x.txt").write_text(f"{claim}\n\nOpinion Corner\nBy a reader\n\nInsiders "
                                    "claim Putin never took a call from Vollmer.\n",
                                    encoding="utf-8")
    (tmp_path / "y.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    (tmp_path / "z.txt").write_text("Sports\n\nThe league match ended two all on Friday.\n",
                                    encoding="utf-8")
    project = Project.create(tmp_path / "p.annotator")
    project.import_paths([tmp_path / n for n in ("x.txt", "y.txt", "z.txt")])
    project.add_actor("Katrin Vollmer", key="vollmer", aliases=["Vollmer"])
    project.add_actor("Vladimir Putin", key="putin", aliases=["Putin"])
    ids = _ids(project)
    for doc_id in ids.values():
        project.set_document_fields(doc_id, "alice", published="2024-11-16", language="en")
    assert project.document(ids["x.txt"]).claim == claim
    passages, stance = project.events.evidence(ids["x.txt"])
    assert passages[0].doc_id == ids["y.txt"]
    assert "names Katrin Vollmer, Vladimir Putin" in passages[0].explanation
    assert "same date" in passages[0].explanation
    assert ids["z.txt"] not in {p.doc_id for p in passages}
    assert stance.value == "REFUTES" and stance.passage is not None
    assert "never" in stance.passage.text
    with pytest.raises(ValidationError, match="no claim line"):
        project.events.evidence(ids["y.txt"])


# ---------------------------------------------------------------------- identity


def test_identity_agreement_pairwise_and_bcubed() -> None:
    a = {1: "x", 2: "x", 3: "y"}
    b = {1: "p", 2: "q", 3: "q"}
    precision, recall = identity.bcubed(a, b)
    assert precision == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)
    assert recall == pytest.approx((1 + 1 / 2 + 1 / 2) / 3)
    assert identity.pairwise_f1(a, b) == 0.0
    assert identity.pairwise_f1(a, a) == 1.0
    same = identity.compare("a", a, "b", dict(a))
    assert same.bcubed_f1 == 1.0 and same.units == 3


def test_identity_agreement_between_annotators_of_a_project(project: Project) -> None:
    ids = _ids(project)
    for who in ("alice", "bob"):
        a, b, c = (_claim(project, ids[n], who=who) for n in ("a.txt", "b.txt", "c.txt"))
        groups = [[a, b, c]] if who == "alice" else [[a, b], [c]]
        for group in groups:
            project.events.create(who, "call", group)
    [pair] = project.events.identity_agreement(["alice", "bob"])
    assert pair.units == 3
    assert pair.pairwise_f1 == pytest.approx(0.5)
    assert pair.bcubed_precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3, abs=1e-4)
    assert pair.bcubed_recall == pytest.approx(1.0)
    entries = project.events.identity_entries(["alice", "bob"])
    assert [(e["coefficient"], e["value"]) for e in entries] == [
        ("pairwise F1", 0.5), ("B-cubed F1", round(pair.bcubed_f1, 4))]
    assert entries[0]["pairs"] == {"alice|bob": 0.5}


# ------------------------------------------------------------------ CLI, ledger


def test_cli_events_and_the_ledger_export(project: Project, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import json

    from annotator.cli import main
    from annotator.core.exporters import export

    claims = _coded(project)
    project.events.create("alice", "Vollmer calls Putin", list(claims.values()))
    path = project.path
    project.close()
    assert main(["events", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    [event] = data["events"]
    assert (event["event_date"], event["reports"], event["documents"]) == ("2024-11-15", 4, 4)
    assert event["independent_outlets"] == 3  # a and its repost c are one
    assert event["first_report_date"] == "2024-11-16" and event["contradictions"] == 1
    assert event["actor"] == "vollmer" and event["recipient"] == "putin"
    assert {r["versus_first_report"] for r in data["claims"]} == {"", "agrees", "copy",
                                                                  "contradicts"}
    assert main(["events", str(path)]) == 0
    assert "3 independent outlets" in capsys.readouterr().out
    with Project.open(path) as reopened:
        result = export(reopened, "events", tmp_path / "ledger")
    with (tmp_path / "ledger" / "crosswalk.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 4 and {r["publication"] for r in rows} >= {"A outlet", "C outlet"}
    assert len({r["independent_group"] for r in rows}) == 3
    assert json.loads((tmp_path / "ledger" / "events.json").read_text())["events"][0][
        "label"] == "Vollmer calls Putin"
    assert result.documents == 4


def test_the_sample_events_cluster_evaluates_against_its_truth(
        capsys: pytest.CaptureFixture[str]) -> None:
    import re

    from benchmarks import eval_events

    assert eval_events.main([]) == 0
    out = capsys.readouterr().out
    figures = {name: float(value) for name, value in
               re.findall(r"(precision|recall|F1|recall@5):? (\d\.\d\d)", out)}
    assert figures["F1"] >= 0.9 and figures["recall@5"] >= 0.9
    assert "; match" in out  # the republished copy is found
    assert "contradicted by document" in out
    assert "suggested SUPPORTS" in out


def test_the_ledger_export_of_one_annotator_holds_only_their_events(
        project: Project, tmp_path: Path) -> None:
    import json

    from annotator.core.exporters import export
    from annotator.core.exporters.selection import parse_source

    ids = _ids(project)
    project.events.create("alice", "alice's", [_claim(project, ids["a.txt"])])
    project.events.create("bob", "bob's", [_claim(project, ids["b.txt"], who="bob")])
    export(project, "events", tmp_path / "alice", parse_source("alice"))
    export(project, "events", tmp_path / "all")
    mine = json.loads((tmp_path / "alice" / "events.json").read_text())
    every = json.loads((tmp_path / "all" / "events.json").read_text())
    assert [e["label"] for e in mine["events"]] == ["alice's"]
    assert sorted(e["label"] for e in every["events"]) == ["alice's", "bob's"]
    assert {c["annotator"] for c in mine["claims"]} == {"alice"}


# ------------------------------------------------------- the rest of the project


def test_another_process_editing_events_reads_as_an_events_change(project: Project) -> None:
    from annotator.core.models import ChangeKind

    claims = _coded(project)
    watch = project.change_watch()
    with Project.open(project.path) as other:
        other.events.create("alice", "made elsewhere", [claims["a"]])
    seen = watch.poll()
    assert seen is not None and seen.kind == ChangeKind.EVENTS


def test_a_deleted_claim_leaves_its_event_and_the_undo_refuses(project: Project) -> None:
    claims = _coded(project)
    step = ec.create_event("alice", "call", [claims["a"], claims["b"]])
    step.apply(project)
    assert step.created is not None
    project.remove_claim(claims["b"], "alice")
    assert project.events.get(step.created).claim_ids == (claims["a"],)
    with pytest.raises(StaleEditError):
        step.revert(project)
    assert project.check() == []


def test_the_agreement_report_carries_event_identity(project: Project) -> None:
    ids = _ids(project)
    for who in ("alice", "bob"):
        found = [_claim(project, ids[n], who=who) for n in ("a.txt", "b.txt")]
        project.events.create(who, "call", found)
    report = project.review.agreement_report(["alice", "bob"], bootstrap=0)
    entries = [e for e in report["entries"] if e["group"] == "events"]
    assert [(e["coefficient"], e["value"]) for e in entries] == [("pairwise F1", 1.0),
                                                                ("B-cubed F1", 1.0)]


# ------------------------------------------------------- undo of any edit sequence

def _snapshot(project: Project) -> list[tuple[str, str, tuple[ClaimId, ...]]]:
    return sorted((e.uid, e.label, e.claim_ids) for e in project.events.all())


def _random_step(project: Project, claims: list[ClaimId], pick: list[int]) -> ec.EventEdit:
    events = [e.id for e in project.events.all()]
    kind, a, b = pick
    if not events or kind == 0:
        return ec.create_event("alice", f"e{a}", [claims[a % len(claims)]])
    event = events[a % len(events)]
    other = events[b % len(events)]
    claim = claims[b % len(claims)]
    return [ec.link_claim(event, claim, "alice"), ec.unlink_claim(claim, "alice"),
            ec.merge_events(event, [other], "alice"),
            ec.split_event(event, [claim], "alice"),
            ec.rename_event(event, "alice", f"renamed {b}"),
            ec.delete_event(event, "alice")][kind % 6]


def test_any_sequence_of_event_edits_undoes_and_redoes_exactly(tmp_path: Path) -> None:
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")

    @settings(max_examples=25, deadline=None)
    @given(st.lists(st.lists(st.integers(0, 6), min_size=3, max_size=3), max_size=12))
    def run(picks: list[list[int]]) -> None:
        path = tmp_path / f"h{len(list(tmp_path.glob('h*.annotator')))}.annotator"
        with Project.create(path) as project:
            project.import_paths([tmp_path / n for n in TEXTS])
            project.add_actor("Katrin Vollmer", key="vollmer")
            project.add_actor("Vladimir Putin", key="putin")
            claims = list(_coded(project).values())
            done: list[ec.EventEdit] = []
            states = [_snapshot(project)]
            for pick in picks:
                step = _random_step(project, claims, pick)
                try:
                    step.apply(project)
                except ValidationError:
                    assert _snapshot(project) == states[-1]  # a refused edit changes nothing
                    continue
                done.append(step)
                states.append(_snapshot(project))
            for step, before in zip(reversed(done), reversed(states[:-1]), strict=True):
                step.revert(project)
                assert _snapshot(project) == before
            for step, after in zip(done, states[1:], strict=True):
                step.apply(project)
                assert _snapshot(project) == after

    run()


def test_a_stray_negation_does_not_outweigh_a_matching_passage(tmp_path: Path) -> None:
    claim = "Vollmer phoned Putin on 15 November 2024."
    (tmp_path / "x.txt").write_text(
        f"{claim}\n\nWire Digest\nBy staff\n\nVollmer phoned Putin on 15 November 2024 and "
        "urged him to pull back, her office said.\n\nPutin told Vollmer that Ukraine would "
        "never join NATO.\n", encoding="utf-8")
    project = Project.create(tmp_path / "p.annotator")
    doc_id = project.import_paths([tmp_path / "x.txt"]).imported[0]
    project.add_actor("Katrin Vollmer", key="vollmer", aliases=["Vollmer"])
    project.add_actor("Vladimir Putin", key="putin", aliases=["Putin"])
    project.set_document_fields(doc_id, "alice", published="2024-11-16", language="en")
    _passages, stance = project.events.evidence(doc_id)
    assert stance.value == "SUPPORTS"
    assert stance.passage is not None and "urged him" in stance.passage.text


def test_an_annotator_cannot_take_a_claim_out_of_the_reviewers_event(project: Project) -> None:
    claims = _coded(project)
    reviewer = project.events.create(GOLD, "reviewed", [claims["a"]]).after
    assert reviewer
    assert project.events.of_claim(claims["a"], "alice") is None  # blind: not her link
    assert claims["a"] in {f.claim_id for f in project.events.loose("alice")}
    with pytest.raises(ValidationError, match="created by 'gold'"):
        project.events.create("alice", "mine", [claims["a"]])
    assert project.events.of_claim(claims["a"]).label == "reviewed"  # type: ignore[union-attr]
