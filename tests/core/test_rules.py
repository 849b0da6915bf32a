"""The validation rules as plain functions: no Project, only the codebook and small reads."""

from __future__ import annotations

from typing import Any

import pytest

from annotator.core.codebook import load_codebook
from annotator.core.errors import ValidationError
from annotator.core.models import (
    GOLD,
    Actor,
    ActorId,
    Alias,
    AnnotatorId,
    Claim,
    ClaimId,
    DocId,
    Span,
    SpanId,
)
from annotator.core.project import rules

BOOK = load_codebook()
TEXT = "Chancellor Vollmer phoned President Putin."


class Reads:
    """The reads rules need, from a dict of actors and spans."""

    def __init__(self, actors: list[Actor], spans: list[Span]) -> None:
        self.actors = {a.id: a for a in actors}
        self.spans = {s.id: s for s in spans}
        self.created: list[tuple[str, str]] = []

    def actor(self, actor_id: ActorId) -> Actor:
        return self.actors[actor_id]

    def span(self, span_id: SpanId) -> Span:
        return self.spans[span_id]

    def actor_by_key(self, key: str) -> Actor | None:
        return next((a for a in self.actors.values() if a.key == key), None)

    def annotator_id(self, name: str, *, create: bool = True, kind: str = "human"
                     ) -> AnnotatorId:
        self.created.append((name, kind))
        return AnnotatorId(len(self.created))


def _span(span_id: int, doc: int, start: int = 0, end: int = 10, **kwargs: Any) -> Span:
    return Span(SpanId(span_id), f"s{span_id}", DocId(doc), "alice", "ACTOR", start, end,
                **kwargs)


def test_annotator_names_and_the_gold_layer() -> None:
    reads = Reads([], [])
    rules.annotator_id(reads, "alice")
    rules.annotator_id(reads, GOLD)
    assert reads.created == [("alice", "human"), (GOLD, "gold")]
    for bad in ("", "a/b", "x" * 65):
        with pytest.raises(ValidationError, match="annotator name"):
            rules.annotator_id(reads, bad)
    assert len(reads.created) == 2


def test_span_checks() -> None:
    reads = Reads([Actor(ActorId(1), "v", "Vollmer")], [])
    assert rules.check_span(_span(1, 1, 11, 18, actor_id=ActorId(1)), TEXT, BOOK, reads) == \
        "Vollmer"
    with pytest.raises(ValidationError, match="unknown layer 'NOPE'; the codebook has ACTOR"):
        rules.check_span(Span(SpanId(1), "u", DocId(1), "a", "NOPE", 0, 1), TEXT, BOOK, reads)
    with pytest.raises(ValidationError, match="span 5-5 is outside the text"):
        rules.check_span(_span(1, 1, 5, 5), TEXT, BOOK, reads)
    with pytest.raises(KeyError):
        rules.check_span(_span(1, 1, actor_id=ActorId(9)), TEXT, BOOK, reads)


def test_claim_with_clears_text_fields_and_refuses_unknown_ones() -> None:
    claim = Claim(ClaimId(1), "c", DocId(1), "alice", gloss="x")
    changed = rules.claim_with(claim, {"gloss": None, "demand_span_ids": [SpanId(3)]})
    assert changed.gloss == "" and changed.demand_span_ids == (3,)
    with pytest.raises(ValidationError, match="claims have no field colour"):
        rules.claim_with(claim, {"colour": "red"})


def test_claim_checks() -> None:
    reads = Reads([Actor(ActorId(1), "v", "Vollmer")], [_span(1, 1), _span(2, 2)])
    ok = Claim(ClaimId(0), "c", DocId(1), "alice", claimant_id=ActorId(1),
               demand_span_ids=(SpanId(1),), factuality="reported", date_value="2024-03")
    rules.check_claim(ok, BOOK, reads)
    bad = [({"factuality": "rumoured"}, "factuality 'rumoured' is not one of"),
           ({"position": 2}, "position must be"),
           ({"demand_span_ids": (SpanId(2),)}, "span 2 belongs to another document"),
           ({"date_value": "soon"}, "not a TIMEX3 date value")]
    for fields, message in bad:
        with pytest.raises(ValidationError, match=message):
            rules.check_claim(rules.claim_with(ok, fields), BOOK, reads)
    with pytest.raises(KeyError):
        rules.check_claim(rules.claim_with(ok, {"object_id": ActorId(5)}), BOOK, reads)


def test_value_checks() -> None:
    rules.check_value(BOOK, "relevance", "yes")
    rules.check_value(BOOK, "relevance", "")
    rules.check_value(BOOK, "note", "anything")
    with pytest.raises(ValidationError, match="relevance 'maybe' is not one of yes, no"):
        rules.check_value(BOOK, "relevance", "maybe")
    with pytest.raises(ValidationError, match="^unknown document field 'colour'$"):
        rules.check_value(BOOK, "colour", "red")


def test_actor_rules() -> None:
    assert rules.canonical_name("  Olaf Scholz ") == "Olaf Scholz"
    with pytest.raises(ValidationError, match="canonical name"):
        rules.canonical_name("  ")
    assert rules.aliases([" Scholz ", {"alias": "Scholz"}, Alias("Scholz", "de"), "",
                          {"alias": "Olaf", "lang": "de"}]) == (
        Alias("Scholz"), Alias("Scholz", "de"), Alias("Olaf", "de"))
    assert rules.actor_fields({"qid": "Q567", "country": None}) == {"qid": "Q567",
                                                                   "country": ""}
    with pytest.raises(ValidationError, match="not a Wikidata QID"):
        rules.actor_fields({"qid": "567"})
    with pytest.raises(ValidationError, match="actors have no field colour"):
        rules.actor_fields({"colour": "red"})


def test_unique_key() -> None:
    reads = Reads([Actor(ActorId(1), "olaf-scholz", "Olaf Scholz"),
                   Actor(ActorId(2), "olaf-scholz-2", "Olaf Scholz")], [])
    assert rules.unique_key(reads, "Olaf Scholz") == "olaf-scholz-3"
    assert rules.unique_key(reads, "Jürgen Müller") == "jurgen-muller"
    assert rules.unique_key(reads, "普京") == "actor"
