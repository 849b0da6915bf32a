"""The project-trained suggester: training on tiny data, the model folder, a missing or
corrupt model, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import Project
from annotator.core.assist.learn.model import models_dir
from annotator.core.errors import ModelUnavailable, SuggesterUnavailable, ValidationError
from annotator.core.models import DocId, Status
from annotator.core.tasks import Cancelled, TaskState

NAMES = ["Vollmer", "Haugland", "Sandström", "Albrecht", "Kalnins", "Jermakov", "Brandt",
         "Lindqvist"]
TEMPLATE = ("Minister {name} krävde i går att trupperna dras tillbaka. "
            "Vädret var kallt och vinden blåste från norr.\n\n"
            "Enligt uppgifter till tidningen väntas fler samtal. Det regnade hela dagen.")


GLOSSES = {True: "hold talks about a ceasefire", False: "withdraw the troops"}


def article(k: int) -> str:
    return TEMPLATE.format(name=NAMES[k % len(NAMES)]) + f" Sida {k + 1}."


def make_project(folder: Path, done: int, total: int = 10, annotator: str = "anna"
                 ) -> Project:
    """``total`` articles; ``annotator`` marked the person after "Minister" and the
    relevance in the first ``done`` and finished those."""
    files = []
    for k in range(total):
        path = folder / f"a{k:02d}.txt"
        path.write_text(article(k), encoding="utf-8")
        files.append(path)
    project = Project.create(folder / "p.annotator")
    report = project.import_paths(files)
    assert not report.rejected
    for doc_id in report.imported:
        project.set_document_fields(doc_id, "setup", language="sv", published="2022-02-15")
    for k, doc_id in enumerate(report.imported[:done]):
        text = project.text(doc_id)
        start = text.index("Minister ") + len("Minister ")
        end = text.index(" ", start)
        project.add_span(doc_id, annotator, "ACTOR", start, end)
        project.set_value(doc_id, annotator, "relevance", "yes" if k % 3 else "no")
        talks = k % 2 == 0
        project.add_claim(doc_id, annotator, event_type="CONSULT" if talks else "REQUEST",
                          gloss=GLOSSES[talks])
        project.set_status(doc_id, annotator, Status.DONE)
    return project


def unfinished(project: Project) -> DocId:
    return next(d for d in project.document_ids() if project.status(d, "anna") != Status.DONE)


def test_training_on_tiny_data_learns_the_pattern(tmp_path: Path) -> None:
    project = make_project(tmp_path, done=8)
    messages: list[str] = []
    result = project.suggestions.train(state=TaskState(lambda _d, _t, m: messages.append(m)))
    assert result.version == 1
    assert "training ACTOR (*), iteration 10" in messages
    assert messages[-1] == "model v1 trained"
    training = result.meta["training"]
    assert training["annotations"] + len(training["held_out"]) >= 8
    assert [t["layer"] for t in result.meta["taggers"]] == ["ACTOR"]
    unseen = unfinished(project)  # not trained on
    found = project.suggestions.find(unseen, "anna", suggesters=["learned"])
    text = project.text(unseen)
    assert [(s.layer, s.text) for s in found] == [("ACTOR", text.split()[1])]
    assert found[0].source == "learned model v1"
    assert 0.0 < found[0].score <= 1.0
    assert found[0].as_dict()["confidence"] == round(found[0].score, 4)
    proposals = project.suggestions.proposals(unseen)
    assert [p.field for p in proposals] == ["relevance"]
    assert proposals[0].value in ("yes", "no")
    assert project.suggestions.new_finished() == 0
    project.set_status(unfinished(project), "anna", Status.DONE)
    assert project.suggestions.new_finished() == 1
    unseen = unfinished(project)
    claim = project.add_claim(unseen, "anna", gloss=GLOSSES[True]).after
    assert claim is not None
    proposal = project.suggestions.claim_type(unseen, claim)
    assert proposal is not None and proposal.value == "CONSULT"
    assert proposal.source == "learned model v1"


def test_model_folder_holds_version_training_set_and_evaluation(tmp_path: Path) -> None:
    project = make_project(tmp_path, done=8)
    project.suggestions.train()
    second = project.suggestions.train()
    folder = models_dir(project.path)
    assert folder == tmp_path / "p.annotator.learned"
    assert sorted(p.name for p in folder.iterdir()) == ["history.jsonl", "v1", "v2"]
    meta = json.loads((folder / "v2" / "model.json").read_text("utf-8"))
    assert meta["version"] == second.version == 2
    finished = sorted(d for d in project.document_ids()
                      if project.status(d, "anna") == Status.DONE)
    assert sorted(meta["training"]["documents"] + meta["training"]["held_out"]) == finished
    assert "evaluation" in meta
    assert [h["version"] for h in project.suggestions.model_history()] == [1, 2]
    assert project.suggestions.model().version == 2


def test_nothing_finished_is_a_clear_refusal(tmp_path: Path) -> None:
    project = make_project(tmp_path, done=0, total=2)
    with pytest.raises(ValidationError, match="mark documents done"):
        project.suggestions.train()
    assert not models_dir(project.path).exists() or not any(
        p.name.startswith("v") for p in models_dir(project.path).iterdir())


def test_rejections_lower_the_confidence_of_that_text(tmp_path: Path) -> None:
    project = make_project(tmp_path, done=8, total=12)
    project.suggestions.train()
    doc = unfinished(project)
    before = project.suggestions.find(doc, None, suggesters=["learned"])[0]
    assert before.layer == "ACTOR"
    for name in ("anna", "ben"):
        project.suggestions.reject(doc, name, before)
    project.suggestions.train()
    after = project.suggestions.find(doc, None, suggesters=["learned"])[0]
    assert (after.start, after.end, after.source) == (before.start, before.end,
                                                      "learned model v2")
    assert after.score < 0.75 * before.score
    record = project.suggestions.model().meta
    assert record["training"]["rejections"] == 2
    assert record["text_adjust"]["ACTOR"][before.text.lower()][1] == 2


def test_missing_model_says_how_to_get_one_and_rules_still_work(tmp_path: Path) -> None:
    project = make_project(tmp_path, done=2, total=3)
    doc = unfinished(project)
    with pytest.raises(ModelUnavailable, match="annotator train PROJECT"):
        project.suggestions.find(doc, "anna", suggesters=["learned"])
    dates = project.suggestions.find(doc, "anna")
    assert "i går" in [s.text for s in dates]


def test_corrupt_model_is_reported_and_rules_still_work(tmp_path: Path) -> None:
    project = make_project(tmp_path, done=8)
    result = project.suggestions.train()
    for item in result.meta["taggers"]:
        (result.folder / item["file"]).write_bytes(b"not a model at all")
    json_path = result.folder / "model.json"
    json_path.write_text(json_path.read_text("utf-8") + " ", "utf-8")  # a new stamp
    doc = unfinished(project)
    with pytest.raises(ModelUnavailable, match="cannot be read.*retrain"):
        project.suggestions.find(doc, "anna", suggesters=["learned"])
    assert "i går" in [s.text for s in project.suggestions.find(doc, "anna")]
    json_path.write_text("{ half", "utf-8")
    with pytest.raises(ModelUnavailable, match="cannot be read"):
        project.suggestions.model()


def test_cancelled_training_stores_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path, done=8)
    seen: list[str] = []

    def on_progress(done: int, total: int, message: str) -> None:
        seen.append(message)
        if message.startswith("training ACTOR"):
            state.cancel()

    state = TaskState(on_progress)
    with pytest.raises(Cancelled):
        project.suggestions.train(state=state)
    assert "training ACTOR" in seen
    folder = models_dir(project.path)
    assert [p.name for p in folder.iterdir()] == []


def test_learned_name_needs_a_project() -> None:
    from annotator.core.assist.registry import get_suggester, suggester_names

    assert "learned" in suggester_names()
    with pytest.raises(SuggesterUnavailable, match="belongs to a project"):
        get_suggester("learned")


def test_cli_train_and_suggest_learned(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    project = make_project(tmp_path, done=8)
    path = project.path
    project.close()
    assert main(["train", str(path)]) == 0
    out = capsys.readouterr().out
    assert "model v1" in out and "ACTOR" in out
    assert main(["suggest", str(path), "--suggester", "learned", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["source"] == "learned model v1" for r in rows)
    assert all(0 < r["confidence"] <= 1 for r in rows)
    assert main(["next", str(path), "--annotator", "anna", "-n", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "learned model v1" in lines[0]


def test_least_certain_ranks_unstarted_documents(tmp_path: Path) -> None:
    project = make_project(tmp_path, done=8)
    project.suggestions.train()
    ranked = project.suggestions.least_certain("anna")
    started = {d for d in project.document_ids() if project.status(d, "anna") == Status.DONE}
    assert ranked and not {d for d, _s, _r in ranked} & started
    scores = [s for _d, s, _r in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all("relevance" in reason for _d, _s, reason in ranked)


def test_a_language_with_enough_documents_gets_its_own_model(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core.assist.learn import train

    project = make_project(tmp_path, done=8, total=12)
    for doc_id in project.document_ids()[:3]:
        project.set_document_fields(doc_id, "setup", language="nb")
    monkeypatch.setattr(train, "MIN_LANGUAGE_DOCS", 4)
    result = project.suggestions.train()
    taggers = {(t["layer"], t["lang"]): t["documents"] for t in result.meta["taggers"]}
    assert set(taggers) == {("ACTOR", "sv"), ("ACTOR", "*")}
    assert taggers[("ACTOR", "*")] <= 3 <= taggers[("ACTOR", "sv")]  # the Norwegian rest
    model = project.suggestions.model()
    assert model._tagger("ACTOR", "sv") is model.taggers[("ACTOR", "sv")]
    assert model._tagger("ACTOR", "nb") is model.taggers[("ACTOR", "*")]


def test_registry_suggestions_get_the_acceptance_the_model_measured(tmp_path: Path) -> None:
    project = make_project(tmp_path, done=8, total=12)
    for name in NAMES:
        project.add_actor(f"Minister {name}", key=name.lower(), aliases=[name])
    project.add_actor("Tidningen", key="paper", aliases=["tidningen"])
    result = project.suggestions.train()
    measured = result.meta["evaluation"]["layers"]["ACTOR"]["registry"]
    assert 0 < measured["acceptance"] < 1  # names kept, "tidningen" never marked
    doc = unfinished(project)
    found = project.suggestions.find(doc, "anna", suggesters=["learned", "actors"])
    paper = [s for s in found if s.actor_key == "paper"]
    assert paper and paper[0].source == "registry"
    assert paper[0].score == round(measured["acceptance"], 4) != 0.6
    plain = project.suggestions.find(doc, "anna", suggesters=["actors"])
    assert [s.score for s in plain if s.actor_key == "paper"] == [0.6]
