"""The native record codec: records written from a project decode back to the same objects,
and records that do not fit the project are refused with RecordError."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core import Project, Status, native
from annotator.core.errors import RecordError
from annotator.core.exporters.rows import View
from annotator.core.models import CLAIM_TEXT_FIELDS, Actor, ActorId, Alias, Claim, Span
from annotator.core.store.repository import Repository
from tests.storage import stored

TEXT = ("Chancellor Vollmer phoned President Putin on Monday and demanded that Russia "
        "withdraw its troops, according to Reuters.")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    (tmp_path / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another article about nothing at all.\n", encoding="utf-8")
    with Project.create(tmp_path / "p.annotator") as proj:
        proj.import_paths([tmp_path / "a.txt", tmp_path / "b.txt"])
        yield proj


def _doc(project: Project, word: str = "Vollmer") -> int:
    return next(d.id for d in project.documents() if word in project.text(d.id))


def _span(project: Project, words: str, layer: str, **kwargs: Any) -> Span:
    doc = _doc(project)
    start = TEXT.index(words)
    return project.add_span(doc, "alice", layer, start, start + len(words), **kwargs).after


def _annotated(project: Project) -> tuple[Actor, list[Span], Claim]:
    vollmer = project.add_actor("Katrin Vollmer", key="vollmer", qid="Q42", country="DEU",
                                aliases=["Vollmer", Alias("Kanzlerin", "de")]).after
    project.add_actor("Vladimir Putin", key="putin")
    project.add_actor("Russia", key="russia")
    putin, russia = project.actor_by_key("putin"), project.actor_by_key("russia")
    actor = _span(project, "Chancellor Vollmer", "ACTOR", actor_id=vollmer.id,
                  attributes={"role": "claimant"}, provenance={"suggester": "registry"})
    demand = _span(project, "withdraw its troops", "DEMAND")
    date = _span(project, "Monday", "DATE")
    source = _span(project, "Reuters", "SOURCE")
    texts = {"gloss": "withdraw troops", "factuality": "reported", "form": "phone_call",
             "date_value": "2024-03-04", "date_precision": "day", "date_mod": "APPROX",
             "source": "Reuters", "source_reliability": "B", "info_credibility": "2",
             "note": "first call"}
    assert set(texts) == set(CLAIM_TEXT_FIELDS)
    claim = project.add_claim(
        _doc(project), "alice", claimant_id=vollmer.id, addressee_id=putin.id,
        object_id=russia.id, demand_span_ids=[demand.id], event_type="REQUEST", position=1,
        date_span_id=date.id, source_span_id=source.id, provenance={"by": "hand"},
        **texts).after
    return vollmer, [actor, demand, date, source], claim


@pytest.fixture
def store(project: Project) -> Iterator[Repository]:
    """The project file's store over a connection of its own, for the decoder's lookups."""
    with stored(project.path) as repo:
        yield repo


def _decoder(project: Project, store: Repository) -> native.Decoder:
    return native.Decoder(project.codebook, store)


def _keys(project: Project) -> dict[ActorId, str]:
    return {a.id: a.key for a in project.actors()}


# ------------------------------------------------------------------ writing


def test_span_and_claim_records_name_actors_by_key_and_spans_by_uid(project: Project) -> None:
    _vollmer, spans, claim = _annotated(project)
    actor_span, demand, date, source = spans
    uids = {s.id: s.uid for s in spans}
    record = native.span_record(actor_span, _keys(project))
    assert record == {"uid": actor_span.uid, "layer": "ACTOR", "start": 0, "end": 18,
                      "text": "Chancellor Vollmer", "actor": "vollmer",
                      "attributes": {"role": "claimant"},
                      "provenance": {"suggester": "registry"}}
    assert native.span_record(demand, _keys(project)) == {
        "uid": demand.uid, "layer": "DEMAND", "start": demand.start, "end": demand.end,
        "text": "withdraw its troops"}
    out = native.claim_record(claim, _keys(project), uids)
    assert (out["claimant"], out["addressee"], out["object"]) == ("vollmer", "putin", "russia")
    assert out["demand_spans"] == [demand.uid]
    assert (out["date_span"], out["source_span"]) == (date.uid, source.uid)
    assert out["position"] == 1 and out["provenance"] == {"by": "hand"}
    assert {k: out[k] for k in CLAIM_TEXT_FIELDS} == {k: getattr(claim, k)
                                                      for k in CLAIM_TEXT_FIELDS}
    empty = native.claim_record(dataclasses.replace(claim, note="", gloss="", position=None),
                                _keys(project), uids)
    assert "note" not in empty and "gloss" not in empty and "position" not in empty


def test_document_record_leaves_blank_layers_out_and_sorts_claims(project: Project) -> None:
    _vollmer, spans, claim = _annotated(project)
    second = project.add_claim(claim.doc_id, "alice", gloss="later").after
    doc = project.document(claim.doc_id)
    claims = sorted([claim, second], key=lambda c: c.uid, reverse=True)
    alice = View("alice", Status.IN_PROGRESS, spans, claims, {"relevance": "yes"},
                 {"relevance": {"by": "model"}})
    bob = View("bob", Status.NOT_STARTED, [], [], {}, {})
    record = native.document_record(doc, [alice, bob], _keys(project))
    assert record["type"] == "document" and record["sha256"] == doc.sha256
    assert {k: record[k] for k in native.DOCUMENT_FIELDS} == {
        k: getattr(doc, k) for k in native.DOCUMENT_FIELDS}
    assert list(record["annotations"]) == ["alice"]
    entry = record["annotations"]["alice"]
    assert entry["status"] == "in_progress"
    assert [c["uid"] for c in entry["claims"]] == sorted(c.uid for c in claims)
    assert entry["values"] == {"relevance": "yes"}
    assert entry["provenance"] == {"relevance": {"by": "model"}}
    assert "annotations" not in native.document_record(doc, [bob], _keys(project))


def test_line_is_compact_sorted_and_keeps_text_unescaped() -> None:
    assert native.line({"b": "Zürich", "a": [1, {"d": None, "c": True}]}) == \
        '{"a":[1,{"c":true,"d":null}],"b":"Zürich"}\n'


def test_header_record(project: Project) -> None:
    header = native.header_record(project.codebook, ["alice"], 3, 2, with_tool_version=False)
    assert header == {"type": "header", "format": "annotator-native", "format_version": 1,
                      "codebook": {"name": project.codebook.name,
                                   "version": project.codebook.version},
                      "annotators": ["alice"], "documents": 3, "actors": 2}
    assert "tool_version" in native.header_record(project.codebook, [], 0, 0)


def test_write_file_puts_actors_in_key_order(project: Project, tmp_path: Path) -> None:
    actors = [Actor(ActorId(1), "z", "Zed"), Actor(ActorId(2), "a", "Ay")]
    path = tmp_path / "out.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        count = native.write_file(handle, {"type": "header"}, actors,
                                  iter([{"type": "document", "n": 1}]))
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert count == 1
    assert [x.get("key") for x in lines] == [None, "a", "z", None]


# ----------------------------------------------------------------- round trip


def test_records_decode_back_to_the_same_objects(store: Repository, project: Project) -> None:
    _vollmer, spans, claim = _annotated(project)
    keys = _keys(project)
    uids = {s.id: s.uid for s in spans}
    decoder = _decoder(project, store)
    text = project.text(claim.doc_id)
    for span in spans:
        back = decoder.span(native.span_record(span, keys), span.doc_id, "alice", text)
        assert dataclasses.replace(back, id=span.id) == span
    back_claim = decoder.claim(native.claim_record(claim, keys, uids), claim.doc_id, "alice")
    assert dataclasses.replace(back_claim, id=claim.id) == claim


def test_actor_round_trip(project: Project) -> None:
    vollmer, _spans, _claim = _annotated(project)
    record = native.actor_record(vollmer)
    assert record["type"] == "actor" and record["aliases"][1] == {"alias": "Kanzlerin",
                                                                  "lang": "de"}
    assert native.actor_from_record(record) == dataclasses.replace(vollmer, id=ActorId(0))
    assert native.actor_from_record({**record, "id": 7}).id == 7


def test_claim_text_fields_are_text(store: Repository, project: Project) -> None:
    _vollmer, _spans, claim = _annotated(project)
    decoder = _decoder(project, store)
    record = {"uid": "c2", "gloss": 12, "note": None}
    back = decoder.claim(record, claim.doc_id, "alice")
    assert (back.gloss, back.note, back.event_type) == ("12", "", "REQUEST")
    with pytest.raises(RecordError, match="claim c3: gloss must be text"):
        decoder.claim({"uid": "c3", "gloss": ["x"]}, claim.doc_id, "alice")


# ------------------------------------------------------------------ refusals


@pytest.mark.parametrize(("item", "message"), [
    ({"layer": "ACTOR", "start": 0, "end": 4}, "a span has no uid"),
    ({"uid": "s", "layer": "ACTOR", "start": "0", "end": 4}, "not whole numbers"),
    ({"uid": "s", "layer": "ACTOR", "start": 4, "end": 4}, "span s has offsets 4-4 outside"),
    ({"uid": "s", "layer": "ACTOR", "start": 0, "end": 10**6}, "outside the text"),
    ({"uid": "s", "layer": "NOPE", "start": 0, "end": 4}, "span s: unknown layer 'NOPE'"),
    ({"uid": "s", "layer": "ACTOR", "start": 0, "end": 4, "text": "Xhan"}, "does not match"),
    ({"uid": "s", "layer": "ACTOR", "start": 0, "end": 4, "actor": "nobody"},
     "unknown actor 'nobody'"),
])
def test_spans_that_do_not_fit_are_refused(store: Repository, project: Project,
                                           item: dict[str, Any],
                                           message: str) -> None:
    with pytest.raises(RecordError, match=message):
        _decoder(project, store).span(item, _doc(project), "alice", TEXT)


def test_claims_that_do_not_fit_are_refused(store: Repository, project: Project) -> None:
    _annotated(project)
    other = project.add_span(_doc(project, "Another"), "alice", "DEMAND", 0, 7).after
    decoder = _decoder(project, store)
    doc = _doc(project)
    cases = [
        ({"event_type": "REQUEST"}, "a claim has no uid"),
        ({"uid": "c", "demand_spans": ["missing"]}, "points to unknown span 'missing'"),
        ({"uid": "c", "demand_spans": "abc"}, "'demand_spans' must be a list"),
        ({"uid": "c", "demand_spans": [other.uid]}, "belongs to another document"),
        ({"uid": "c", "claimant": "nobody"}, "unknown actor 'nobody'"),
        ({"uid": "c", "factuality": "rumoured"}, "claim c: factuality 'rumoured' is not one"),
        ({"uid": "c", "position": 3}, "claim c: position must be"),
        ({"uid": "c", "date_value": "yesterday-ish"}, "claim c: .* not a TIMEX3 date"),
    ]
    for item, message in cases:
        with pytest.raises(RecordError, match=message):
            decoder.claim(item, doc, "alice")


def test_values_are_checked_against_the_codebook(store: Repository, project: Project) -> None:
    decoder = _decoder(project, store)
    assert decoder.value("relevance", "yes") == "yes"
    assert decoder.value("relevance", None) is None
    assert decoder.value("note", "free text") == "free text"
    with pytest.raises(RecordError, match="relevance 'maybe' is not one of"):
        decoder.value("relevance", "maybe")
    with pytest.raises(RecordError, match="unknown document field 'colour'"):
        decoder.value("colour", "red")
    with pytest.raises(RecordError, match="note must be text"):
        decoder.value("note", ["a"])


@pytest.mark.parametrize(("payload", "message"), [
    ([], "annotations of 'bob' must be an object"),
    ({"spans": 5}, "'spans' must be a list of objects"),
    ({"claims": [5]}, "'claims' must be a list of objects"),
    ({"values": [1]}, "'values' must be an object"),
    ({"spans": [{"uid": "a"}, {"uid": "a"}]}, "a span uid appears twice"),
    ({"spans": [{"uid": "a", "start": 1.5}]}, "'start' has a value of the wrong type"),
    ({"spans": [{"uid": "a", "end": 2**63}]}, "'end' has a value of the wrong type"),
    ({"claims": [{"uid": "c", "attributes": []}]}, "'attributes' must be an object"),
    ({"status": "finished"}, "unknown status 'finished'"),
])
def test_entries_of_the_wrong_shape_are_refused(payload: Any, message: str) -> None:
    with pytest.raises(RecordError, match=message):
        native.read_entry(payload, "bob")


def test_read_entry_returns_the_parts() -> None:
    entry = native.read_entry({"status": "done", "spans": [{"uid": "a"}],
                               "values": {"relevance": "yes"},
                               "provenance": {"relevance": {"by": "x"}}}, "bob")
    assert entry.status is Status.DONE and entry.spans == [{"uid": "a"}] and entry.claims == []
    assert entry.value_provenance("relevance") == {"by": "x"}
    assert entry.value_provenance("stance") == {}
    assert native.read_entry({}, "bob").status is None
    with pytest.raises(RecordError, match="provenance of relevance must be an object"):
        native.read_entry({"provenance": {"relevance": "x"}}, "bob").value_provenance(
            "relevance")


def test_actor_records_need_key_and_name() -> None:
    with pytest.raises(RecordError, match="key and canonical_name"):
        native.actor_from_record({"key": "x"})
    with pytest.raises(RecordError, match="'aliases' must be a list of objects"):
        native.actor_from_record({"key": "x", "canonical_name": "X", "aliases": "X"})
