"""Undo commands over the Project, without Qt: apply, revert, apply again keeps ids and uids."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core import Project
from annotator.core.models import Alias, Status
from annotator.core.project import actor_commands as actors
from annotator.core.project import commands as c

TEXT = "🇺🇦 Olaf Scholz urged Vladimir Putin to withdraw his troops on Friday."
ME = "alice"


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    proj = Project.create(tmp_path / "p.annotator")
    proj.import_paths([article])
    proj.add_actor("Olaf Scholz", key="scholz")
    return proj


def _doc(project: Project) -> int:
    return project.documents()[0].id


def test_add_span_revert_and_reapply_keep_identity(project: Project) -> None:
    doc = _doc(project)
    start = TEXT.index("Olaf")
    cmd = c.AddSpan(doc, ME, "ACTOR", start, start + 11)
    (changes,) = cmd.apply(project)
    span = changes.after
    assert span.text == "Olaf Scholz"
    cmd.revert(project)
    assert project.spans(doc) == []
    cmd.apply(project)
    (again,) = project.spans(doc)
    assert (again.id, again.uid) == (span.id, span.uid)


def test_remove_span_revert_relinks_claims(project: Project) -> None:
    doc = _doc(project)
    start = TEXT.index("withdraw")
    demand = project.add_span(doc, ME, "DEMAND", start, start + 23).after
    claim = project.add_claim(doc, ME, demand_span_ids=[demand.id]).after
    cmd = c.RemoveSpan(demand.id, ME)
    cmd.apply(project)
    assert project.claims(doc)[0].demand_span_ids == ()
    cmd.revert(project)
    assert project.spans(doc)[0].uid == demand.uid
    assert project.claims(doc)[0].demand_span_ids == (demand.id,)
    assert project.claims(doc)[0].uid == claim.uid


def test_update_span_and_claims(project: Project) -> None:
    doc = _doc(project)
    scholz = project.actors()[0].id
    other = project.add_actor("Kremlin", key="kremlin").after.id
    span = project.add_span(doc, ME, "ACTOR", 3, 14, actor_id=other).after
    update = c.UpdateSpan(span.id, ME, actor_id=scholz, attributes={"x": 1})
    update.apply(project)
    assert project.spans(doc)[0].actor_id == scholz
    update.revert(project)
    assert (project.spans(doc)[0].actor_id, project.spans(doc)[0].attributes) == (other, {})

    add = c.AddClaim(doc, ME, event_type="REQUEST")
    (created,) = add.apply(project)
    edit = c.UpdateClaim(created.after.id, ME, claimant_id=scholz, position=1)
    edit.apply(project)
    assert project.claims(doc)[0].position == 1
    edit.revert(project)
    assert project.claims(doc)[0].claimant_id is None
    remove = c.RemoveClaim(created.after.id, ME)
    remove.apply(project)
    assert project.claims(doc) == []
    remove.revert(project)
    assert project.claims(doc)[0].uid == created.after.uid
    add.revert(project)
    assert project.claims(doc) == []


def test_values_status_document_fields_and_actors(project: Project) -> None:
    doc = _doc(project)
    value = c.SetValue(doc, ME, "relevance", "yes")
    value.apply(project)
    assert project.values(doc, ME) == {"relevance": "yes"}
    value.revert(project)
    assert project.values(doc, ME) == {}

    status = c.SetStatus(doc, ME, Status.DONE)
    status.apply(project)
    assert project.status(doc, ME) is Status.DONE
    status.revert(project)
    assert project.status(doc, ME) is Status.IN_PROGRESS  # the value edit touched it

    before = project.document(doc)
    fields = c.SetDocumentFields(doc, ME, language="de", published="2024-11-15")
    fields.apply(project)
    assert project.document(doc).language == "de"
    fields.revert(project)
    after = project.document(doc)
    assert (after.language, after.published) == (before.language, before.published)

    actor = actors.AddActor("Die Zeit")
    (added,) = actor.apply(project)
    actor.revert(project)
    assert all(a.canonical_name != "Die Zeit" for a in project.actors())
    actor.apply(project)
    assert project.actor(added.after.id).key == added.after.key


def test_queries(project: Project) -> None:
    doc = _doc(project)
    assert c.languages(project) == [project.documents()[0].language]
    scholz = project.actors()[0].id
    project.add_span(doc, ME, "ACTOR", 3, 14, actor_id=scholz)
    assert c.mentioned_actor_ids(project.spans(doc)) == [scholz]


def test_commands_import_no_qt() -> None:
    code = "import sys, annotator.core.project.commands; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# ----------------------------------------------------------- registry edits


def _mentioned_twice(project: Project) -> tuple[int, int, int]:
    """A doc where a span and a claim's claimant name one actor, "Scholz" (a duplicate)."""
    doc = _doc(project)
    scholz = project.actor_by_key("scholz")
    assert scholz is not None
    duplicate = project.add_actor("O. Scholz", key="o-scholz", aliases=["Olaf"],
                                  country="DEU").after
    assert duplicate is not None
    start = TEXT.index("Olaf")
    project.add_span(doc, ME, "ACTOR", start, start + 11, actor_id=duplicate.id)
    project.add_claim(doc, ME, claimant_id=duplicate.id, addressee_id=scholz.id)
    return doc, scholz.id, duplicate.id


def test_update_actor_reverts_every_changed_field(project: Project) -> None:
    scholz = project.actor_by_key("scholz")
    assert scholz is not None
    update = actors.UpdateActor(scholz.id, canonical_name="Olaf Scholz (SPD)", title="Chancellor",
                                aliases=["Scholz", Alias("Bundeskanzler", "de")])
    (changes,) = update.apply(project)
    assert changes.after is not None and changes.after.title == "Chancellor"
    assert project.actor(scholz.id).names() == ["Olaf Scholz (SPD)", "Scholz", "Bundeskanzler"]
    update.revert(project)
    assert project.actor(scholz.id) == scholz
    update.apply(project)
    assert project.actor(scholz.id).title == "Chancellor"
    with pytest.raises(ValueError, match="key"):
        actors.UpdateActor(scholz.id, key="other")


def test_merge_actors_revert_separates_them_as_they_were(project: Project) -> None:
    doc, keep, drop = _mentioned_twice(project)
    kept_before, dropped_before = project.actor(keep), project.actor(drop)
    merge = actors.MergeActors(keep, drop)
    (changes,) = merge.apply(project)
    assert changes.ids == (keep, drop) and merge.text == "merge O. Scholz into Olaf Scholz"
    assert [s.actor_id for s in project.spans(doc)] == [keep]
    assert (project.claims(doc)[0].claimant_id, project.claims(doc)[0].addressee_id) == \
        (keep, keep)
    assert "O. Scholz" in project.actor(keep).names()
    merge.revert(project)
    assert project.actor(keep) == kept_before and project.actor(drop) == dropped_before
    assert [s.actor_id for s in project.spans(doc)] == [drop]
    claim = project.claims(doc)[0]
    assert (claim.claimant_id, claim.addressee_id) == (drop, keep)  # only what had moved
    merge.apply(project)
    assert [a.key for a in project.actors()] == ["scholz"]


def test_delete_actor_revert_restores_it_with_its_id(project: Project) -> None:
    added = project.add_actor("Die Zeit", key="zeit", aliases=[Alias("ZEIT", "de")], country="DEU")
    zeit = added.after
    assert zeit is not None
    delete = actors.DeleteActor(zeit.id)
    delete.apply(project)
    assert project.actor_by_key("zeit") is None and delete.text == "delete actor Die Zeit"
    (restored,) = delete.revert(project)
    assert restored.after == zeit and project.actor(zeit.id) == zeit
    delete.apply(project)
    assert project.actor_by_key("zeit") is None
    project.add_actor("Zeit Online", key="zeit")  # the key is taken meanwhile
    with pytest.raises(ValueError, match="cannot come back"):
        delete.revert(project)
    doc, _keep, used = _mentioned_twice(project)
    with pytest.raises(ValueError, match="used by 2"):
        actors.DeleteActor(used).apply(project)
    assert project.spans(doc)[0].actor_id == used


def test_restore_actor_and_references_through_the_facade(project: Project) -> None:
    doc, keep, drop = _mentioned_twice(project)
    moved = project.actor_references(drop)
    assert moved.spans == (project.spans(doc)[0].id,)
    assert moved.claims == ((project.claims(doc)[0].id, "claimant_id"),)
    assert project.actor_references(keep).claims == ((project.claims(doc)[0].id,
                                                      "addressee_id"),)
    kept, dropped = project.actor(keep), project.actor(drop)
    project.merge_actors(keep, drop)
    unmerged = project.unmerge_actors(kept, dropped, moved)
    assert unmerged.after == kept and project.actor_references(drop) == moved
    operations = [h["operation"] for h in project.history(limit=2)]
    assert "unmerge" in operations
