"""The annotation query language: each field's meaning, blind search, and errors with positions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core import Project
from annotator.core.errors import QuerySyntaxError
from annotator.core.query import All, Any_, Not, Term, parse

SV = ("Förbundskansler Vollmer ringde Putin i måndags och krävde att trupperna dras tillbaka. "
      "Kreml svarade att Ukraina måste avstå från Nato.")
EN = "The Kremlin demanded in 2024 that Ukraine renounce NATO membership, Reuters reported."


@pytest.fixture()
def project(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    records = [{"text": SV, "title": "Vollmer ringde Putin", "outlet": "Östersjöposten",
                "language": "sv", "published": "2024-11-18"},
               {"text": EN, "title": "Kremlin demands", "outlet": "Wire Daily",
                "language": "en", "published": "2024-10-02"}]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with Project.create(tmp_path / "q.annotator") as p:
        assert not p.import_paths([folder]).rejected
        yield p


def _build(p: Project) -> dict[str, int]:
    sv, en = (s.id for s in sorted(p.documents(), key=lambda s: s.id))
    putin = p.add_actor("Vladimir Putin", key="putin", aliases=["Putin", "Путин"]).after.id
    vollmer = p.add_actor("Katrin Vollmer", key="vollmer", aliases=["Vollmer"]).after.id
    ids: dict[str, int] = {}

    def span(doc, who, layer, needle, **kw):  # type: ignore[no-untyped-def]
        text = p.document(doc).text
        start = text.index(needle)
        return int(p.add_span(doc, who, layer, start, start + len(needle), **kw).after.id)

    ids["ben_vollmer"] = span(sv, "ben", "ACTOR", "Förbundskansler Vollmer", actor_id=vollmer)
    ids["anna_vollmer"] = span(sv, "anna", "ACTOR", "Förbundskansler Vollmer", actor_id=vollmer)
    ids["ben_putin"] = span(sv, "ben", "ACTOR", "Putin", actor_id=putin)
    ids["ben_date"] = span(sv, "ben", "DATE", "i måndags",
                           attributes={"value": "2024-11-18", "precision": "day"})
    ids["anna_year"] = span(en, "anna", "DATE", "in 2024",
                            attributes={"value": "2024", "precision": "year"})
    ids["ben_demand"] = span(sv, "ben", "DEMAND", "trupperna dras tillbaka",
                             attributes={"gloss": "withdraw the troops"})
    ids["anna_demand"] = span(en, "anna", "DEMAND", "Ukraine renounce NATO membership")
    ids["anna_source"] = span(en, "anna", "SOURCE", "Reuters reported",
                              attributes={"source_reliability": "B"})
    p.add_claim(sv, "ben", claimant_id=vollmer, addressee_id=putin,
                demand_span_ids=(ids["ben_demand"],), source_reliability="A", info_credibility="2")
    p.add_claim(en, "anna", claimant_id=putin, demand_span_ids=(ids["anna_demand"],),
                event_type="REJECT", source_reliability="C")
    p.set_status(sv, "ben", "done")
    p.set_value(sv, "ben", "relevance", "yes")
    return ids


def _found(p: Project, query: str, **kw) -> set[int]:  # type: ignore[no-untyped-def]
    return {h.span_id for h in p.find_annotations(query, **kw).hits}


def test_each_field_selects_what_it_names(project: Project) -> None:
    ids = _build(project)
    by = {name: {ids[k] for k in keys.split()} for name, keys in {
        "layer:DEMAND claimant:putin": "anna_demand",
        "layer:demand claimant:vollmer addressee:путин": "ben_demand",
        "precision:year": "anna_year",
        "layer:DATE value>=2024-11": "ben_date",
        "layer:DATE value:2024-10..2024-12": "ben_date",
        "actor:vollmer": "ben_vollmer anna_vollmer",
        "actor:\"Vladimir Putin\"": "ben_putin",
        "annotator:ben marked:alone": "ben_putin ben_date ben_demand",
        "marked:shared": "ben_vollmer anna_vollmer",
        "reliability<=B": "ben_demand anna_source",
        "credibility:2": "ben_demand",
        "status:done layer:ACTOR": "ben_vollmer ben_putin",
        "relevance:yes -layer:ACTOR": "ben_date ben_demand",
        "outlet:ostersjo layer:DATE": "ben_date",
        "language:en": "anna_year anna_demand anna_source",
        "published<2024-11": "anna_year anna_demand anna_source",
        "title:kremlin": "anna_year anna_demand anna_source",
        "trupperna": "ben_demand",
        '"renounce nato"': "anna_demand",
        "doctext:svarade layer:DATE": "ben_date",
        "gloss:troops": "ben_demand",
        "has:claim": "ben_demand anna_demand",
        "event:reject": "anna_demand",
        "claimant:putin addressee:putin": "",
        "claimant:vollmer event:request": "ben_demand",
        "has:actor annotator:anna": "anna_vollmer",
        "(layer:SOURCE OR precision:day) NOT annotator:ben": "anna_source",
    }.items()}
    for query, expected in by.items():
        assert _found(project, query) == expected, query


def test_search_as_an_annotator_is_blind(project: Project) -> None:
    ids = _build(project)
    assert _found(project, "layer:ACTOR", viewer="anna") == {ids["anna_vollmer"]}
    assert _found(project, "annotator:anna", viewer="anna") == {
        ids["anna_vollmer"], ids["anna_year"], ids["anna_demand"], ids["anna_source"]}
    for query in ("annotator:ben", "marked:alone"):
        with pytest.raises(QuerySyntaxError, match="blind"):
            project.find_annotations(query, viewer="anna")


def test_limit_says_there_are_more_and_unknown_actors_are_noted(project: Project) -> None:
    _build(project)
    result = project.find_annotations("-layer:SOURCE", limit=3)
    assert len(result.hits) == 3 and result.more
    assert [h.span_id for h in result.hits] == sorted(h.span_id for h in result.hits)
    hit = result.hits[0]
    text = project.document(hit.doc_id).text
    assert text[hit.start:hit.end] == hit.text and text[:hit.start].endswith(hit.before)
    result = project.find_annotations("actor:scholz")
    assert result.hits == [] and "scholz" in result.notes[0]


@pytest.mark.parametrize(("query", "position", "words"), [
    ("", 1, "empty"),
    ("layer:ACTOR claimnt:putin", 13, "did you mean claimant"),
    ("(layer:ACTOR OR layer:DATE", 1, "never closed"),
    ("layer:ACTOR)", 12, "never opened"),
    ("outlet:", 8, "needs a value"),
    ('title:"open', 7, "never closed"),
    ("layer:ACTOR OR", 13, "OR needs a term"),
    ("published:2024..", 1, "both ends"),
])
def test_syntax_errors_name_their_position(query: str, position: int, words: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse(query)
    assert caught.value.position == position
    assert words in str(caught.value) and f"position {position}" in str(caught.value)


@pytest.mark.parametrize(("query", "words"), [
    ("layer:FOO", "unknown layer"),
    ("reliability:Z", "not a reliability code"),
    ("status:finished", "unknown status"),
    ("layer>ACTOR", "can only be matched"),
    ("marked:maybe", "alone or shared"),
    ("has:wings", "has: takes"),
    ("doc:abc", "document id"),
])
def test_meaningless_terms_are_refused_with_a_reason(project: Project, query: str,
                                                     words: str) -> None:
    with pytest.raises(QuerySyntaxError, match=words):
        project.find_annotations(query)


def test_the_tree_keeps_precedence() -> None:
    tree = parse("a OR b c -d")
    assert isinstance(tree, Any_)
    left, right = tree.operands
    assert left == Term("text", ":", "a", 0)
    assert isinstance(right, All) and isinstance(right.operands[2], Not)
    assert parse("published:2024-10..2024-12") == Term("published", ":", "2024-10", 0, "2024-12")


def test_text_index_follows_every_span_write(project: Project) -> None:
    ids = _build(project)
    assert _found(project, "trupperna") == {ids["ben_demand"]}
    span = project.span(ids["ben_demand"])
    text = project.document(span.doc_id).text
    start = text.index("krävde att")
    project.update_span(span.id, "ben", start=start, end=start + len("krävde att"))
    assert _found(project, "trupperna") == set()
    assert _found(project, "krävde") == {ids["ben_demand"]}
    project.remove_span(span.id, "ben")
    assert _found(project, "krävde") == set()


def test_migrating_an_older_file_indexes_its_span_text(tmp_path: Path) -> None:
    from tests.fixtures.make_schema_fixtures import build

    path = build(3, tmp_path / "v3.annotator")
    with Project.open(path) as migrated:
        spans = migrated.spans()
        assert spans
        for span in spans:
            word = next(w for w in span.text.split() if w.isalpha())
            assert span.id in _found(migrated, f'"{word}"'), span.text
