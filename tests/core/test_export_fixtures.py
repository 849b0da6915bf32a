"""A small annotated project for the export tests, and tests of the selection itself.

Three articles (sv with an emoji before the first span, en with a span across a
line break, de), three actors, two annotators who disagree, and a gold layer on
two of the documents.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core import Project, TaskState
from annotator.core.errors import SelectionError
from annotator.core.exporters.rows import iter_bundles, plan
from annotator.core.exporters.selection import Selection, parse_source
from annotator.core.models import GOLD, Claim
from tests.storage import stored

TEXTS = [
    {"title": "Samtal", "outlet": "Riksnytt", "language": "sv", "published": "2022-02-15",
     "text": "Samtal om trupperna 🇸🇪😀\n\nFörbundskanslern Olaf Scholz ringde Vladimir Putin "
             "i går. Scholz krävde att Putin drar tillbaka sina trupper, enligt TT."},
    {"title": "Envoy", "outlet": "Ledger", "language": "en", "published": "2024-11-18",
     "text": "Envoy meets Kremlin\n\nThe Kremlin demanded that Ukraine renounce NATO\n"
             "membership, a spokesperson said on Friday. NATO rejected the demand."},
    {"title": "Telefonat", "outlet": "Hanse", "language": "de", "published": "2022-02-15",
     "text": "Telefonat mit Putin\n\nBundeskanzler Scholz forderte Putin auf, die Truppen "
             "abzuziehen, berichtet die Zeit."},
]


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def build_project(tmp_path: Path) -> Project:
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in TEXTS) + "\n",
                      encoding="utf-8")
    project = Project.create(tmp_path / "project.annotator")
    report = project.import_paths([source])
    assert not report.rejected, report.rejected
    scholz = project.add_actor("Olaf Scholz", key="olaf-scholz", qid="Q567", country="DEU",
                               sector="GOV", actor_type="person", aliases=["Scholz"]).after.id
    putin = project.add_actor("Vladimir Putin", key="vladimir-putin", qid="Q7747",
                              country="RUS", sector="GOV").after.id
    nato = project.add_actor("NATO", key="nato", country="NATO", sector="MIL").after.id
    sv, en, de = (d.id for d in project.documents())
    _annotate_sv(project, sv, scholz, putin)
    _annotate_en(project, en, putin, nato)
    _annotate_de(project, de, scholz, putin)
    return project


def _annotate_sv(project: Project, doc: int, scholz: int, putin: int) -> None:
    text = project.text(doc)
    for name in ("alice", "bob", GOLD):
        s_scholz = project.add_span(doc, name, "ACTOR", *_at(text, "Olaf Scholz"),
                                    actor_id=scholz).after
        project.add_span(doc, name, "ACTOR", *_at(text, "Putin"), actor_id=putin)
        end = "sina trupper" if name != "bob" else "tillbaka"
        start = _at(text, "drar tillbaka")[0]
        demand = project.add_span(doc, name, "DEMAND", start, _at(text, end)[1],
                                  attributes={"gloss": "withdraw troops"}).after
        project.add_span(doc, name, "DATE", *_at(text, "i går"),
                         attributes={"value": "2022-02-14", "precision": "day"})
        if name != "bob":
            project.add_span(doc, name, "SOURCE", *_at(text, "enligt TT"),
                             attributes={"source_kind": "other_outlet",
                                         "source_reliability": "B"})
        claim = project.add_claim(doc, name, claimant_id=scholz, addressee_id=putin,
                                  demand_span_ids=[demand.id], gloss="withdraw troops",
                                  position=1, factuality="reported", form="phone_call",
                                  source="TT", source_reliability="B" if name != "bob" else "C",
                                  info_credibility="2").after
        _set_claim_date(project, claim, "2022-02-14", "day")
        project.set_value(doc, name, "relevance", "yes")
        project.set_value(doc, name, "outlet_reliability", "A" if name != "bob" else "B")
        project.set_status(doc, name, "done")
        assert s_scholz.text == "Olaf Scholz"


def _annotate_en(project: Project, doc: int, putin: int, nato: int) -> None:
    text = project.text(doc)
    for name in ("alice", "bob"):
        project.add_span(doc, name, "ACTOR", *_at(text, "The Kremlin"), actor_id=putin)
        demand = project.add_span(doc, name, "DEMAND", _at(text, "renounce")[0],
                                  _at(text, "membership")[1]).after  # crosses a line break
        project.add_span(doc, name, "ACTOR", *_at(text, "NATO", 1), actor_id=nato)
        project.add_span(doc, name, "DATE", *_at(text, "on Friday"),
                         attributes={"value": "2024-11-15", "precision": "day"})
        project.add_claim(doc, name, claimant_id=putin, demand_span_ids=[demand.id],
                          event_type="REQUEST", note="Ukraine is the addressee")
        project.set_value(doc, name, "relevance", "yes" if name == "alice" else "unsure")
        project.set_value(doc, name, "relevance_reason", "demand; line two" if name == "bob"
                          else "")
    project.set_status(doc, "alice", "done")


def _annotate_de(project: Project, doc: int, scholz: int, putin: int) -> None:
    text = project.text(doc)
    project.add_span(doc, "alice", "ACTOR", *_at(text, "Bundeskanzler Scholz"), actor_id=scholz)
    project.add_span(doc, "alice", "ACTOR", *_at(text, "Putin", 1), actor_id=putin)
    project.set_value(doc, "alice", "relevance", "no")
    project.add_span(doc, GOLD, "ACTOR", *_at(text, "Scholz"), actor_id=scholz)
    project.set_status(doc, GOLD, "done")


def _set_claim_date(project: Project, claim: Claim, value: str, precision: str) -> None:
    """Claim dates need annotator.core.timex to validate; write them directly until it lands."""
    try:
        project.update_claim(claim.id, claim.annotator, date_value=value,
                             date_precision=precision)
    except ImportError:
        with stored(project.path, writable=True) as repo, repo.write():
            repo.update_claim(dataclasses.replace(claim, date_value=value,
                                                  date_precision=precision))


def span_keys(project: Project, annotator: str | None = None
              ) -> set[tuple[str, str, int, int, str, str]]:
    """(annotator, layer, start, end, actor key) of every span, for round-trip comparisons."""
    keys = {a.id: a.key for a in project.actors()}
    sha = {d.id: d.sha256 for d in project.documents()}
    return {(s.annotator, s.layer, s.start, s.end, keys.get(s.actor_id or -1, ""), sha[s.doc_id])
            for s in project.spans(annotator=annotator)}


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with build_project(tmp_path) as built:
        yield built


# ------------------------------------------------------------------- selection


def test_parse_source_forms() -> None:
    assert parse_source("all") == Selection()
    assert parse_source("gold").source == "gold"
    assert parse_source("gold-fallback:bob") == Selection("gold-fallback", "bob")
    assert parse_source("alice", status="done") == Selection("annotator", "alice", "done")
    assert parse_source("annotator:alice") == Selection("annotator", "alice")
    with pytest.raises(SelectionError, match="needs a name"):
        parse_source("gold-fallback")
    with pytest.raises(SelectionError, match="unknown status"):
        Selection(status="finished")


def test_plan_gold_fallback_takes_gold_where_it_exists(project: Project) -> None:
    sv, en, de = (d.id for d in project.documents())
    the_plan = plan(project, Selection("gold-fallback", "bob"))
    assert the_plan.annotators == {sv: (GOLD,), en: ("bob",), de: (GOLD,)}


def test_plan_filters_status_language_and_batch(project: Project) -> None:
    sv, en, de = (d.id for d in project.documents())
    assert plan(project, Selection("annotator", "alice", status="done")).doc_ids == [sv, en]
    assert plan(project, Selection("annotator", "bob", status="in_progress")).doc_ids == [en]
    assert plan(project, Selection(language="de")).doc_ids == [de]
    assert plan(project, Selection(batch_id=999)).doc_ids == []
    everyone = plan(project, Selection(status="done"))
    assert everyone.annotators[en] == ("alice",)
    assert everyone.annotators[sv] == ("alice", "bob", GOLD)


def test_unknown_annotator_is_refused(project: Project) -> None:
    with pytest.raises(SelectionError, match="no annotator named 'carol'"):
        plan(project, Selection("annotator", "carol"))


def test_bundles_match_the_project(project: Project) -> None:
    the_plan = plan(project, Selection())
    for bundle in iter_bundles(project, the_plan, TaskState()):
        for view in bundle.views:
            assert view.spans == project.spans(bundle.doc.id, view.annotator)
            assert view.claims == project.claims(bundle.doc.id, view.annotator)
            assert view.values == project.values(bundle.doc.id, view.annotator)
            assert view.status == project.status(bundle.doc.id, view.annotator)
