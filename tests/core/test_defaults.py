"""Defaults of new spans and claims (annotator.core.project.defaults), through the façade."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core import Project
from annotator.core.errors import ValidationError

TEXT = ("Förbundskansler Vollmer ringde Putin den 1 oktober 2024 och krävde att trupperna dras "
        "tillbaka. Vollmers krav avvisades. Katrin Vollmer och Anna Vollmer reste i går.")


@pytest.fixture()
def project(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"text": TEXT, "language": "sv",
                                                "published": "2024-10-02"}), encoding="utf-8")
    with Project.create(tmp_path / "d.annotator") as p:
        assert not p.import_paths([folder]).rejected
        p.add_actor("Vladimir Putin", key="putin", aliases=["Putin"])
        p.add_actor("Katrin Vollmer", key="katrin", aliases=["Vollmer"])
        p.add_actor("Anna Vollmer", key="anna_v", aliases=["Vollmer"])
        yield p


def _add(p: Project, needle: str, layer: str, nth: int = 0, **kw):  # type: ignore[no-untyped-def]
    doc = p.documents()[0].id
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return p.add_span(doc, "ben", layer, start, start + len(needle), **kw).after


def test_a_date_gets_the_normalisers_value_against_the_publication_date(project: Project) -> None:
    span = _add(project, "1 oktober 2024", "DATE")
    assert (span.attributes["value"], span.attributes["precision"]) == ("2024-10-01", "day")
    assert set(span.proposed) == {"value", "precision"}
    relative = _add(project, "i går", "DATE")
    assert relative.attributes["value"] == "2024-10-01"
    typed = _add(project, "1 oktober", "DATE", attributes={"value": "2024-10-01"})
    assert typed.proposed == () and "precision" not in typed.attributes


def test_editing_a_proposed_value_makes_it_the_annotators(project: Project) -> None:
    span = _add(project, "1 oktober 2024", "DATE")
    changed = project.update_span(span.id, "ben", attributes={**span.attributes,
                                                               "value": "2024-10"}).after
    assert changed.proposed == ("precision",)


def test_an_actor_is_linked_only_when_one_registry_entry_names_it(project: Project) -> None:
    putin = _add(project, "Putin", "ACTOR")
    assert putin.actor_id == project.actor_by_key("putin").id and putin.proposed == ("actor_id",)
    ambiguous = _add(project, "Vollmer", "ACTOR", nth=0)
    assert ambiguous.actor_id is None and ambiguous.proposed == ()
    doc = project.documents()[0].id
    start = TEXT.index("Vollmer")
    candidates = project.actor_candidates(doc, start, start + len("Vollmer"))
    assert {a.key for a in candidates} == {"katrin", "anna_v"}
    inflected = _add(project, "Vollmers", "ACTOR")
    assert inflected.actor_id is None  # still two Vollmers
    assert _add(project, "Katrin Vollmer", "ACTOR").actor_id == project.actor_by_key("katrin").id
    chosen = _add(project, "trupperna", "ACTOR")
    assert chosen.actor_id is None


def test_an_exact_duplicate_is_refused_but_another_reading_is_not(project: Project) -> None:
    first = _add(project, "Putin", "ACTOR")
    with pytest.raises(ValidationError, match="already has this ACTOR span"):
        _add(project, "Putin", "ACTOR")
    other = _add(project, "Putin", "ACTOR", actor_id=project.actor_by_key("katrin").id)
    assert other.id != first.id
    assert len(project.spans()) == 2


def test_a_claim_starts_with_its_demand_spans_gloss(project: Project) -> None:
    demand = _add(project, "trupperna dras tillbaka", "DEMAND",
                  attributes={"gloss": "withdraw the troops"})
    doc = project.documents()[0].id
    claim = project.add_claim(doc, "ben", demand_span_ids=(demand.id,)).after
    assert claim.gloss == "withdraw the troops"
    own = project.add_claim(doc, "ben", demand_span_ids=(demand.id,), gloss="pull back").after
    assert own.gloss == "pull back"


def test_agreement_confusion_names_actors_not_ids(project: Project) -> None:
    doc = project.documents()[0].id
    start = TEXT.index("Vollmer")
    katrin, anna = project.actor_by_key("katrin").id, project.actor_by_key("anna_v").id
    project.add_span(doc, "ben", "ACTOR", start, start + 7, actor_id=katrin)
    project.add_span(doc, "eva", "ACTOR", start, start + 7, actor_id=anna)
    for name in ("ben", "eva"):
        project.set_status(doc, name, "done")
    report = project.review.agreement_report(bootstrap=0)
    entry = next(e for e in report["entries"] if e["field"] == "actor identity")
    assert entry["confusion"] == [["Katrin Vollmer", "Anna Vollmer", 1]]
