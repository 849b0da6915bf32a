"""Undo and redo against other writers: two connections on one file, as two windows have.

Each step checks, by uid and in its own write transaction, that the record is
still what it left; otherwise it is refused with StaleEditError and nothing
changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core import GOLD, Project, review
from annotator.core.errors import StaleEditError
from annotator.core.models import Span, Status
from annotator.core.project import actor_commands as actors
from annotator.core.project import commands as c
from annotator.core.project.review_commands import AcceptAgreements, Decide, Decision

TEXT = "Chancellor Vollmer demanded on Monday that Russia withdraw its troops from the border."
ME = "alice"


@pytest.fixture()
def pair(tmp_path: Path) -> Iterator[tuple[Project, Project]]:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "p.annotator"
    with Project.create(path) as first:
        first.import_paths([article])
    one, two = Project.open(path), Project.open(path)
    yield one, two
    one.close()
    two.close()


def _doc(project: Project) -> int:
    return project.documents()[0].id


def _word(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def test_the_issue_sequence_restores_without_touching_the_other_window(
        pair: tuple[Project, Project]) -> None:
    one, two = pair
    doc = _doc(one)
    mine = one.add_span(doc, ME, "ACTOR", *_word("Vollmer")).after
    assert mine is not None
    remove = c.RemoveSpan(mine.id, ME)
    remove.apply(one)
    theirs = two.add_span(doc, ME, "ACTOR", *_word("Russia")).after
    assert theirs is not None and theirs.id != mine.id  # AUTOINCREMENT: no reuse
    remove.revert(one)  # undo
    assert {s.uid for s in two.spans(doc)} == {mine.uid, theirs.uid}
    remove.apply(one)  # redo removes only the span this step is about
    assert [s.uid for s in two.spans(doc)] == [theirs.uid]


def test_undo_of_an_add_is_refused_when_another_window_changed_the_span(
        pair: tuple[Project, Project]) -> None:
    one, two = pair
    add = c.AddSpan(_doc(one), ME, "ACTOR", *_word("Vollmer"))
    (changes,) = add.apply(one)
    two.update_span(changes.after.id, ME, attributes={"note": "theirs"})
    with pytest.raises(StaleEditError, match="another window"):
        add.revert(one)
    assert one.span(changes.after.id).attributes == {"note": "theirs"}


def _relabelled(project: Project) -> tuple[Span, c.UpdateSpan]:
    """A span of window one, and the step that moved it to DEMAND."""
    span = project.add_span(_doc(project), ME, "ACTOR", *_word("Vollmer")).after
    assert span is not None
    update = c.UpdateSpan(span.id, ME, layer="DEMAND")
    update.apply(project)
    return span, update


def test_undo_of_an_update_is_refused_after_a_later_update_elsewhere(
        pair: tuple[Project, Project]) -> None:
    one, two = pair
    span, update = _relabelled(one)
    two.update_span(span.id, ME, attributes={"note": "x"})
    with pytest.raises(StaleEditError):
        update.revert(one)
    now = two.span(span.id)
    assert now.layer == "DEMAND" and now.attributes == {"note": "x"}


def test_redo_is_refused_when_the_record_moved_on_after_the_undo(
        pair: tuple[Project, Project]) -> None:
    one, two = pair
    span, update = _relabelled(one)
    update.revert(one)
    two.update_span(span.id, ME, start=_word("Chancellor Vollmer")[0])
    with pytest.raises(StaleEditError):
        update.apply(one)
    assert two.span(span.id).layer == "ACTOR"


def test_undo_of_a_removal_is_refused_when_the_span_came_back_elsewhere(
        pair: tuple[Project, Project]) -> None:
    one, two = pair
    span = one.add_span(_doc(one), ME, "ACTOR", *_word("Vollmer")).after
    remove = c.RemoveSpan(span.id, ME)
    remove.apply(one)
    two.restore_span(span)
    with pytest.raises(StaleEditError):
        remove.revert(one)
    assert [s.uid for s in one.spans()] == [span.uid]


def test_claim_steps_check_the_claim(pair: tuple[Project, Project]) -> None:
    one, two = pair
    add = c.AddClaim(_doc(one), ME, gloss="withdraw")
    (changes,) = add.apply(one)
    two.remove_claim(changes.after.id, ME)
    with pytest.raises(StaleEditError):
        add.revert(one)
    claim = one.add_claim(_doc(one), ME, gloss="first").after
    update = c.UpdateClaim(claim.id, ME, gloss="second")
    update.apply(one)
    two.update_claim(claim.id, ME, gloss="third")
    with pytest.raises(StaleEditError):
        update.revert(one)
    remove = c.RemoveClaim(claim.id, ME)
    remove.apply(one)
    remove.revert(one)
    two.update_claim(claim.id, ME, gloss="fourth")
    with pytest.raises(StaleEditError):
        remove.apply(one)
    assert [x.gloss for x in one.claims()] == ["fourth"]


def test_value_status_and_document_steps_check_what_they_left(
        pair: tuple[Project, Project]) -> None:
    one, two = pair
    doc = _doc(one)
    value = c.SetValue(doc, ME, "relevance", "yes")
    value.apply(one)
    two.set_value(doc, ME, "relevance", "no")
    with pytest.raises(StaleEditError, match="relevance"):
        value.revert(one)
    status = c.SetStatus(doc, ME, Status.DONE)
    status.apply(one)
    two.set_status(doc, ME, Status.IN_PROGRESS)
    with pytest.raises(StaleEditError, match="status"):
        status.revert(one)
    fields = c.SetDocumentFields(doc, ME, language="de")
    fields.apply(one)
    two.set_document_fields(doc, ME, language="sv")
    with pytest.raises(StaleEditError, match="fields"):
        fields.revert(one)
    assert one.values(doc, ME) == {"relevance": "no"}
    assert one.status(doc, ME) is Status.IN_PROGRESS
    assert one.document(doc).language == "sv"


def test_unchanged_records_still_undo_and_redo(pair: tuple[Project, Project]) -> None:
    one, _two = pair
    doc = _doc(one)
    steps: list[c.Command] = [c.SetValue(doc, ME, "relevance", "yes"),
                              c.SetStatus(doc, ME, Status.DONE),
                              c.SetDocumentFields(doc, ME, language="de"),
                              c.AddClaim(doc, ME, gloss="g")]
    for step in steps:
        step.apply(one)
    for step in reversed(steps):
        step.revert(one)
    for step in steps:
        step.apply(one)
    assert one.values(doc, ME) == {"relevance": "yes"} and one.document(doc).language == "de"
    assert one.status(doc, ME) is Status.DONE and len(one.claims()) == 1


def test_registry_steps_check_the_actor(pair: tuple[Project, Project]) -> None:
    one, two = pair
    add = actors.AddActor("Katrin Vollmer")
    (changes,) = add.apply(one)
    two.update_actor(changes.after.id, country="DE")
    with pytest.raises(StaleEditError, match="Katrin Vollmer"):
        add.revert(one)  # deleting it would throw away the other window's edit
    edit = actors.UpdateActor(changes.after.id, title="Chancellor")
    edit.apply(one)
    two.update_actor(changes.after.id, title="Minister")
    with pytest.raises(StaleEditError):
        edit.revert(one)
    assert one.actor(changes.after.id).title == "Minister"
    delete = actors.DeleteActor(one.add_actor("Nobody").after.id)
    delete.apply(one)
    delete.revert(one)
    two.update_actor(delete.actor_id, country="SE")
    with pytest.raises(StaleEditError):
        delete.apply(one)
    assert one.actor(delete.actor_id).country == "SE"


def test_a_removed_spans_claims_are_checked_too(pair: tuple[Project, Project]) -> None:
    one, two = pair
    doc = _doc(one)
    span = one.add_span(doc, ME, "DEMAND", *_word("withdraw its troops")).after
    claim = one.add_claim(doc, ME, gloss="withdraw", demand_span_ids=[span.id]).after
    remove = c.RemoveSpan(span.id, ME)
    remove.apply(one)
    remove.revert(one)  # unchanged elsewhere: back, and linked again
    assert [k.demand_span_ids for k in one.claims(doc)] == [(span.id,)]
    remove.apply(one)  # redo
    two.update_claim(claim.id, ME, gloss="changed elsewhere")
    with pytest.raises(StaleEditError, match="claim"):
        remove.revert(one)
    assert one.spans(doc) == [] and [k.gloss for k in one.claims(doc)] == ["changed elsewhere"]


def test_actor_merges_check_both_actors(pair: tuple[Project, Project]) -> None:
    one, two = pair
    doc = _doc(one)
    keep = one.add_actor("Katrin Vollmer", key="vollmer").after
    drop = one.add_actor("K. Vollmer", key="kvollmer").after
    mention = one.add_span(doc, ME, "ACTOR", *_word("Vollmer"), actor_id=drop.id).after
    merge = actors.MergeActors(keep.id, drop.id)
    merge.apply(one)
    assert two.spans(doc)[0].actor_id == keep.id
    two.update_actor(keep.id, country="DE")  # the other window edits the merged actor
    with pytest.raises(StaleEditError, match="Katrin Vollmer"):
        merge.revert(one)  # separating them would throw the edit away
    assert two.actor(keep.id).country == "DE" and "kvollmer" not in {
        a.key for a in two.actors()}
    two.update_actor(keep.id, country="")
    merge.revert(one)  # as the merge left it again: the undo goes through
    assert one.actor(drop.id).canonical_name == "K. Vollmer"
    assert mention is not None and one.spans(doc)[0].actor_id == drop.id
    two.update_actor(drop.id, title="Minister")
    with pytest.raises(StaleEditError, match="K. Vollmer"):
        merge.apply(one)  # the redo would fold away an actor edited since the undo
    assert one.actor(drop.id).title == "Minister"


def _reviewed_pair(pair: tuple[Project, Project]) -> tuple[Any, int]:
    one, _two = pair
    doc = _doc(one)
    vollmer = one.add_actor("Katrin Vollmer", key="vollmer").after
    russia = one.add_actor("Russia", key="russia").after
    one.add_span(doc, "anna", "ACTOR", *_word("Vollmer"), actor_id=vollmer.id)
    one.add_span(doc, "ben", "ACTOR", *_word("Vollmer"), actor_id=russia.id)
    one.set_value(doc, "anna", "relevance", "yes")
    one.set_value(doc, "ben", "relevance", "yes")
    item = next(i for i in review.queue(one) if i.disagreement == "actor")
    return item, doc


def test_review_decisions_check_the_items_gold_state(pair: tuple[Project, Project]) -> None:
    one, two = pair
    item, doc = _reviewed_pair(pair)
    mine = Decide(item, Decision("accept", "rev", "anna"))
    mine.apply(one)
    # the other reviewer window decides the same item the other way
    Decide(item, Decision("accept", "rev2", "ben")).apply(two)
    gold_now = two.spans(doc, GOLD)
    with pytest.raises(StaleEditError, match="gold decision"):
        mine.revert(one)
    assert one.spans(doc, GOLD) == gold_now  # the other reviewer's decision stands
    assert [d["decided_by"] for d in one.decisions(doc)] == ["rev2"]


def test_review_redo_and_agreements_check_too(pair: tuple[Project, Project]) -> None:
    one, two = pair
    item, doc = _reviewed_pair(pair)
    mine = Decide(item, Decision("accept", "rev", "anna"))
    mine.apply(one)
    mine.revert(one)  # undo: the item is undecided again
    Decide(item, Decision("reject", "rev2", reason="error")).apply(two)
    with pytest.raises(StaleEditError):
        mine.apply(one)  # the redo would overwrite the rejection made since
    assert [d["decision"] for d in one.decisions(doc)] == ["reject"]
    agreed = AcceptAgreements(doc, "rev")
    (changes,) = agreed.apply(one)
    relevance = next(k for k in changes.keys if "relevance" in k)
    two_item = next(i for i in review.items(two, doc) if i.key == relevance)
    Decide(two_item, Decision("reject", "rev2", reason="error")).apply(two)
    with pytest.raises(StaleEditError):
        agreed.revert(one)
    assert one.values(doc, GOLD).get("relevance") is None  # the rejection stands
    untouched = AcceptAgreements(doc, "rev")
    assert untouched.apply(one) == []  # nothing left to accept: no step, nothing to check


def test_an_unchanged_decision_still_undoes_and_redoes(pair: tuple[Project, Project]) -> None:
    one, two = pair
    item, doc = _reviewed_pair(pair)
    mine = Decide(item, Decision("accept", "rev", "anna"))
    mine.apply(one)
    two.add_span(doc, "ben", "DATE", *_word("Monday"))  # elsewhere: not this item
    mine.revert(one)
    assert one.spans(doc, GOLD) == []
    mine.apply(one)
    assert [s.provenance["from_annotator"] for s in two.spans(doc, GOLD)] == ["anna"]
