"""Undo and redo against other writers: two connections on one file, as two windows have.

Each step checks, by uid and in its own write transaction, that the record is
still what it left; otherwise it is refused with StaleEditError and nothing
changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core import Project
from annotator.core.errors import StaleEditError
from annotator.core.models import Span, Status
from annotator.core.project import actor_commands as actors
from annotator.core.project import commands as c

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
