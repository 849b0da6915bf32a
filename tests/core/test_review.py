"""Disagreement queue, adjudication into gold with provenance, undo; the agreement report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.core import GOLD, Project, review
from annotator.core.agreement.render import report_csv, report_html
from annotator.core.errors import ValidationError
from annotator.core.models import ChangeKind
from annotator.core.project.review_commands import AcceptAgreements, Decide, Decision
from tests.storage import Connections

TEXT = ("Chancellor Vollmer phoned President Putin on Monday and demanded that Russia "
        "withdraw its troops from the border, according to Reuters.\n")


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with Project.create(tmp_path / "p.annotator") as proj:
        proj.import_paths([tmp_path / "a.txt"])
        yield proj


@pytest.fixture
def coded(project: Project) -> Project:
    d = project.documents()[0].id
    putin = project.add_actor("Vladimir Putin", key="putin").after
    kremlin = project.add_actor("The Kremlin", key="kremlin").after
    vollmer = project.add_actor("Katrin Vollmer", key="vollmer").after
    for name in ("anna", "ben"):
        project.add_span(d, name, "ACTOR", *at("Vollmer"), actor_id=vollmer.id)  # agree
        project.add_span(d, name, "DATE", *at("Monday"),
                         attributes={"value": "2022-02-14" if name == "anna" else "2022-W07",
                                     "precision": "day" if name == "anna" else "week"})
        project.set_value(d, name, "relevance", "yes")
        project.set_value(d, name, "outlet_reliability", "B" if name == "anna" else "C")
    project.add_span(d, "anna", "ACTOR", *at("Putin"), actor_id=putin.id)
    project.add_span(d, "ben", "ACTOR", *at("Putin"), actor_id=kremlin.id)  # actor differs
    project.add_span(d, "anna", "DEMAND", *at("withdraw its troops"))
    project.add_span(d, "ben", "DEMAND", *at("withdraw its troops from the border"))  # boundary
    project.add_span(d, "anna", "SOURCE", *at("according to Reuters"))  # only anna
    project.add_claim(d, "anna", claimant_id=vollmer.id, addressee_id=putin.id, position=-1)
    project.add_claim(d, "ben", claimant_id=vollmer.id, addressee_id=putin.id, position=0)
    return project


def test_items_classify_every_kind(coded: Project) -> None:
    d = coded.documents()[0].id
    kinds = {i.key: i.disagreement for i in review.items(coded, d)}
    start, end = at("Vollmer")
    assert kinds[f"span:ACTOR:{start}-{end}"] is None
    assert kinds["span:ACTOR:{}-{}".format(*at("Putin"))] == "actor"
    assert kinds["span:DATE:{}-{}".format(*at("Monday"))] == "date_value"
    demand_start, _ = at("withdraw its troops")
    _, demand_end = at("withdraw its troops from the border")
    assert kinds[f"span:DEMAND:{demand_start}-{demand_end}"] == "boundary"
    assert kinds["span:SOURCE:{}-{}".format(*at("according to Reuters"))] == "span_missing"
    assert kinds["value:relevance"] is None
    assert kinds["value:outlet_reliability"] == "reliability"
    claim_kinds = [i.disagreement for i in review.items(coded, d) if i.kind == "claim"]
    assert claim_kinds == ["claim_attribute"]


def test_queue_is_most_severe_first_and_filterable(coded: Project) -> None:
    q = review.queue(coded)
    severities = [i.severity for i in q]
    assert severities == sorted(severities, reverse=True)
    assert q[0].disagreement == "span_missing"
    assert [i.disagreement for i in review.queue(coded, kinds=["boundary"])] == ["boundary"]


def test_accept_reject_undo_with_provenance(coded: Project) -> None:
    d = coded.documents()[0].id
    item = next(i for i in review.queue(coded) if i.disagreement == "actor")
    edit = coded.review.decide(item, review.Verdict("accept", "rev", annotator="ben",
                                                     reason="ambiguity", note="Kremlin speaks"))
    gold = coded.spans(d, GOLD)
    assert len(gold) == 1 and gold[0].actor_id == item.version("ben").spans[0].actor_id
    assert gold[0].provenance["from_annotator"] == "ben"
    assert gold[0].provenance["decided_by"] == "rev"
    assert gold[0].provenance["reason"] == "ambiguity"
    # deciding again replaces, never duplicates
    second = coded.review.decide(item, review.Verdict("accept", "rev", annotator="anna"))
    assert [s.provenance["from_annotator"] for s in coded.spans(d, GOLD)] == ["anna"]
    coded.review.undo(second)
    assert [s.provenance["from_annotator"] for s in coded.spans(d, GOLD)] == ["ben"]
    coded.review.undo(edit)
    assert coded.spans(d, GOLD) == []
    assert coded.decisions(d) == []
    rejected = next(i for i in review.queue(coded) if i.disagreement == "span_missing")
    coded.review.decide(rejected, review.Verdict("reject", "rev", reason="error"))
    assert coded.spans(d, GOLD) == []
    assert review.progress(coded) == {"disagreements": 6, "adjudicated": 1, "open": 5}


def test_accept_claim_and_value_and_agreements(coded: Project) -> None:
    d = coded.documents()[0].id
    claim_item = next(i for i in review.items(coded, d) if i.kind == "claim")
    coded.review.decide(claim_item, review.Verdict("accept", "rev", annotator="anna"))
    gold_claim = coded.claims(d, GOLD)[0]
    assert gold_claim.position == -1 and gold_claim.provenance["from_annotator"] == "anna"
    value_item = next(i for i in review.items(coded, d) if i.key == "value:outlet_reliability")
    coded.review.decide(value_item, review.Verdict("accept", "rev", annotator="ben"))
    assert coded.values(d, GOLD)["outlet_reliability"] == "C"
    edits = coded.review.accept_agreements(d, "rev")
    assert len(edits) == 2  # the Vollmer span and relevance
    assert coded.values(d, GOLD)["relevance"] == "yes"
    assert coded.review.accept_agreements(d, "rev") == []  # already decided


def _transactions(connections: Connections, project: Project, run: Any) -> int:
    """How many transactions ``run()`` opened on the project's connection."""
    statements: list[str] = []
    conn = connections.of(project)
    conn.set_trace_callback(statements.append)
    try:
        run()
    finally:
        conn.set_trace_callback(None)
    return sum(s.startswith("BEGIN") for s in statements)


def test_decide_command_apply_revert_apply(coded: Project) -> None:
    d = coded.documents()[0].id
    item = next(i for i in review.queue(coded) if i.disagreement == "actor")
    command = Decide(item, Decision("accept", "rev", "ben", "ambiguity", "linked"))
    assert command.text == f"accept ben (#{d})"
    (changes,) = command.apply(coded)
    assert (changes.kind, changes.doc_ids, changes.keys) == (ChangeKind.GOLD, (d,), (item.key,))
    ben = item.version("ben").spans[0]
    assert [s.actor_id for s in coded.spans(d, GOLD)] == [ben.actor_id]
    command.revert(coded)
    assert coded.spans(d, GOLD) == [] and coded.decisions(d) == []
    command.apply(coded)
    assert [x["from_annotator"] for x in coded.decisions(d)] == ["ben"]
    reject = Decide(item, Decision("reject", "rev", reason="error"))
    reject.apply(coded)
    assert coded.spans(d, GOLD) == []
    reject.revert(coded)  # the earlier accept is back
    assert [s.actor_id for s in coded.spans(d, GOLD)] == [ben.actor_id]


def test_accept_and_edit_is_one_transaction_and_one_revert(connections: Connections,
                                                            coded: Project) -> None:
    d = coded.documents()[0].id
    item = next(i for i in review.queue(coded) if i.disagreement == "boundary")
    anna = item.version("anna").spans[0]
    command = Decide(item, Decision("accept", "rev", "anna", changes={"end": anna.end - 1}))
    assert command.text == f"edit anna (#{d})"
    assert _transactions(connections, coded, lambda: command.apply(coded)) == 1
    (gold,) = coded.spans(d, GOLD)
    assert (gold.start, gold.end) == (anna.start, anna.end - 1)
    assert gold.provenance["edited_by"] == "rev" and gold.provenance["from_annotator"] == "anna"
    assert _transactions(connections, coded, lambda: command.revert(coded)) == 1
    assert coded.spans(d, GOLD) == [] and coded.decisions(d) == []
    # an edit the project refuses leaves no accept behind either
    refused = Decide(item, Decision("accept", "rev", "anna", changes={"end": 10**6}))
    with pytest.raises(ValidationError):
        refused.apply(coded)
    assert coded.spans(d, GOLD) == [] and coded.decisions(d) == []


def test_accept_agreements_command(connections: Connections, coded: Project) -> None:
    d = coded.documents()[0].id
    command = AcceptAgreements(d, "rev")
    (changes,) = command.apply(coded)
    assert len(changes.keys) == 2 and command.text == f"accept 2 agreed (#{d})"
    assert _transactions(connections, coded, lambda: command.revert(coded)) == 1
    assert coded.decisions(d) == [] and coded.values(d, GOLD).get("relevance") is None
    command.apply(coded)
    assert {x["item_key"] for x in coded.decisions(d)} == set(changes.keys)
    assert AcceptAgreements(d, "rev").apply(coded) == []  # nothing left: no undo step


def test_gold_exports_in_native_format(coded: Project, tmp_path: Path) -> None:
    d = coded.documents()[0].id
    item = next(i for i in review.items(coded, d) if i.disagreement == "actor")
    coded.review.decide(item, review.Verdict("accept", "rev", annotator="anna"))
    out = tmp_path / "gold.jsonl"
    coded.exports.native(out, annotators=[GOLD])
    doc_line = json.loads(out.read_text(encoding="utf-8").splitlines()[-1])
    spans = doc_line["annotations"][GOLD]["spans"]
    assert spans[0]["actor"] == "putin" and spans[0]["provenance"]["from_annotator"] == "anna"


def test_agreement_report(coded: Project) -> None:
    report = coded.review.agreement_report(bootstrap=50)
    by_field = {e["field"]: e for e in report["entries"]}
    assert report["annotators"] == ["anna", "ben"] and report["documents"] == 1
    assert by_field["ACTOR exact F1"]["value"] == 1.0  # both placed Vollmer and Putin alike
    assert by_field["DEMAND exact F1"]["value"] == 0.0
    assert by_field["DEMAND overlap F1"]["value"] == 1.0
    assert by_field["actor identity"]["n_units"] == 2
    putin_key = "span:ACTOR:{}-{}".format(*at("Putin"))
    assert by_field["actor identity"]["disagreements"] == [[1, putin_key]]
    assert by_field["claim position"]["disagreements"]
    assert by_field["outlet_reliability"]["disagreements"] == [[1, "value:outlet_reliability"]]
    csv_text = report_csv(report)
    assert csv_text.splitlines()[0].startswith("group,field,coefficient,value")
    page = report_html(report)
    assert "<table>" in page and "http" not in page


def test_report_needs_two_annotators(project: Project) -> None:
    project.add_span(project.documents()[0].id, "anna", "ACTOR", 0, 5)
    with pytest.raises(ValueError, match="at least two annotators"):
        project.review.agreement_report()
