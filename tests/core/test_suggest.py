"""Suggestions in a project: hiding, rejecting, accepting, the extension point and the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main
from annotator.core import Project
from annotator.core.assist import registry as suggester_registry
from annotator.core.assist.base import Registry, Suggestion, combine, run_suggesters
from annotator.core.assist.dates.suggester import DateSuggester, date_attributes
from annotator.core.assist.registry import (
    get_suggester,
    register_suggester,
    suggester_names,
    suggester_problems,
)
from annotator.core.assist.spacy_ner import SpacyNerSuggester, missing_message
from annotator.core.errors import SuggesterUnavailable, ValidationError
from annotator.core.models import ActorId, DocId

TEXT = ("🇺🇦 Kremlin -sjefen Vladimir Putin ringte i går kveld til Selenskyj. "
        "Kremls talsperson Pavel Jermakov sa tirsdag at Russland venter.")


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    proj = Project.create(tmp_path / "p.annotator")
    proj.add_actor("Vladimir Putin", key="putin", aliases=["Putin", "Kremlin-sjefen"])
    proj.add_actor("Volodymyr Zelenskyy", key="zelenskyy", aliases=["Zelenskyj"])
    proj.add_actor("Kremlin", key="kremlin", aliases=["Kreml"])
    proj.add_actor("Pavel Yermakov", key="yermakov", aliases=["Jermakov"])
    proj.add_actor("Russia", key="russia", aliases=["Russland"])
    report = proj.import_paths([article])
    assert not report.rejected
    proj.set_document_fields(report.imported[0], "setup", language="nb", published="2022-02-15")
    return proj


def doc_id(project: Project) -> DocId:
    return project.documents()[0].id


def actor_texts(items: list[Suggestion]) -> list[str]:
    return [s.text for s in items if s.layer == "ACTOR"]


# --------------------------------------------------------------- combining

def make(layer: str, start: int, end: int, suggester: str = "x") -> Suggestion:
    return Suggestion(layer, start, end, "t" * (end - start), "rule", suggester)


def test_combine_keeps_the_longer_and_then_the_earlier_suggester() -> None:
    first = [make("ACTOR", 0, 5, "a"), make("ACTOR", 10, 14, "a")]
    second = [make("ACTOR", 3, 12, "b"), make("ACTOR", 20, 24, "b"), make("DATE", 0, 5, "b"),
              make("ACTOR", 10, 14, "b")]
    merged = combine([first, second])
    assert [(s.layer, s.start, s.end, s.suggester) for s in merged] == [
        ("DATE", 0, 5, "b"), ("ACTOR", 3, 12, "b"), ("ACTOR", 20, 24, "b")]
    merged = combine([[make("ACTOR", 10, 14, "a")], [make("ACTOR", 10, 14, "b")]])
    assert [s.suggester for s in merged] == ["a"]


def test_run_suggesters_filters_layers() -> None:
    class Fixed:
        name = "fixed"
        layers = ("DEMAND", "SOURCE")

        def suggest(self, text: str, lang: str, dct: str | None,
                    registry: Registry) -> list[Suggestion]:
            return [make("DEMAND", 0, 3), make("SOURCE", 4, 6)]

    found = run_suggesters("abc def", "en", None, Registry.from_actors(()), [Fixed()],
                           ["SOURCE"])
    assert [s.layer for s in found] == ["SOURCE"]
    assert run_suggesters("abc", "en", None, Registry.from_actors(()), [Fixed()],
                          ["ACTOR"]) == []


def test_a_failing_suggester_does_not_hide_the_others(caplog: Any) -> None:
    class Broken:
        name = "broken"
        layers = ("ACTOR",)

        def suggest(self, *args: Any) -> list[Suggestion]:
            raise RuntimeError("boom")

    actors = get_suggester("actors")
    registry = Registry.from_actors(())
    assert run_suggesters("x", "en", None, registry, [Broken(), actors]) == []
    assert "broken" in caplog.text


def test_date_attributes_from_a_date_value() -> None:
    from annotator.core.timex import parse_value

    assert date_attributes(parse_value("2022-02", "START")) == {
        "value": "2022-02", "precision": "month", "mod": "START"}
    assert date_attributes(parse_value("2022-W06")) == {
        "value": "2022-W06", "precision": "week", "mod": ""}


# ------------------------------------------------------- the extension point

def test_register_a_suggester_and_run_it_through_the_project(project: Project) -> None:
    class Demands:
        name = "demands-test"
        layers = ("DEMAND",)

        def suggest(self, text: str, lang: str, dct: str | None,
                    registry: Registry) -> list[Suggestion]:
            start = text.index("ringte")
            return [Suggestion("DEMAND", start, start + 6, "ringte", "word", self.name)]

    register_suggester("demands-test", Demands)
    assert "demands-test" in suggester_names()
    found = project.suggestions.find(doc_id(project), "alice", suggesters=["demands-test"])
    assert [(s.layer, s.text) for s in found] == [("DEMAND", "ringte")]


def test_entry_point_suggesters_are_loaded_and_broken_ones_reported(
        monkeypatch: pytest.MonkeyPatch) -> None:
    class Point:
        def __init__(self, name: str, target: Any) -> None:
            self.name, self.value, self._target = name, f"pkg:{name}", target

        def load(self) -> Any:
            if isinstance(self._target, Exception):
                raise self._target
            return self._target

    class Plugin:
        name = "plugin-test"
        layers = ("SOURCE",)

        def suggest(self, *args: Any) -> list[Suggestion]:
            return []

    points = [Point("plugin-test", Plugin), Point("broken-test", ImportError("no module x"))]
    monkeypatch.setattr("importlib.metadata.entry_points", lambda group: points)
    monkeypatch.setattr(suggester_registry, "_entry_points_loaded", False)
    assert "plugin-test" in suggester_names()
    assert isinstance(get_suggester("plugin-test"), Plugin)
    assert any("broken-test" in p and "no module x" in p for p in suggester_problems())


def test_unknown_suggester_is_reported() -> None:
    with pytest.raises(SuggesterUnavailable, match="no suggester named 'nope'"):
        get_suggester("nope")


def test_spacy_without_a_model_says_what_is_missing() -> None:
    suggester = SpacyNerSuggester(model_for=lambda lang: None)
    with pytest.raises(SuggesterUnavailable, match="never downloads"):
        suggester.check_available()
    with pytest.raises(SuggesterUnavailable, match="'sv'"):
        suggester.suggest("text", "sv", None, Registry.from_actors(()))
    assert "spaCy" in missing_message("sv")
    assert "sv_core_news" not in missing_message("sv")  # not on the package index
    assert "ANNOTATOR_SPACY_MODEL" in missing_message("sv")
    assert "annotator train PROJECT" in missing_message("sv")


def test_spacy_pipeline_folder_named_in_the_environment(
        project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("nb")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Pavel Jermakov"}])
    folder = tmp_path / "nb-pipeline"
    nlp.to_disk(folder)
    monkeypatch.setenv("ANNOTATOR_SPACY_MODEL",
                       os.pathsep.join([str(tmp_path / "missing"), str(folder)]))
    suggester = SpacyNerSuggester()
    suggester.check_available()
    found = suggester.suggest("Ifølge Nordpress sa Pavel Jermakov tirsdag", "nb", None,
                              Registry.from_actors(project.actors()))
    assert [(s.text, s.actor_key) for s in found] == [("Pavel Jermakov", "yermakov")]
    with pytest.raises(SuggesterUnavailable, match="no spaCy pipeline for language 'de'"):
        suggester.suggest("Text", "de", None, Registry.from_actors(()))


def test_spacy_with_a_local_pipeline_links_entities_to_the_registry(project: Project) -> None:
    spacy = pytest.importorskip("spacy")

    def blank_pipeline(model: str) -> Any:
        nlp = spacy.blank("xx")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "PER", "pattern": "Pavel Jermakov"},
                            {"label": "ORG", "pattern": "Nordpress"},
                            {"label": "DATE", "pattern": "tirsdag"}])
        return nlp

    suggester = SpacyNerSuggester(loader=blank_pipeline, model_for=lambda lang: "fake")
    suggester.check_available()
    text = "Ifølge Nordpress sa Pavel Jermakov tirsdag"
    found = suggester.suggest(text, "nb", None, Registry.from_actors(project.actors()))
    assert [(s.text, s.actor_key, s.rule) for s in found] == [
        ("Nordpress", "", "ner:ORG"), ("Pavel Jermakov", "yermakov", "ner:PER")]


# ------------------------------------------------------------ project flow

def test_suggestions_for_a_document(project: Project) -> None:
    found = project.suggestions.find(doc_id(project), "alice", ["ACTOR"])
    assert actor_texts(found) == ["Kremlin -sjefen", "Vladimir Putin", "Selenskyj", "Kremls",
                                  "Pavel Jermakov", "Russland"]
    text = project.text(doc_id(project))
    assert all(text[s.start:s.end] == s.text for s in found)
    assert found[0].start == 3  # after the flag emoji (two code points) and a space


def test_own_spans_of_the_same_layer_hide_overlapping_suggestions(project: Project) -> None:
    doc = doc_id(project)
    text = project.text(doc)
    start = text.index("Vladimir")
    project.add_span(doc, "alice", "ACTOR", start, start + len("Vladimir"))
    project.add_span(doc, "alice", "DEMAND", text.index("Selenskyj"), len(text) - 1)
    project.add_span(doc, "bob", "ACTOR", text.index("Kremls"), text.index("Kremls") + 6)
    shown = actor_texts(project.suggestions.find(doc, "alice"))
    assert "Vladimir Putin" not in shown
    assert "Selenskyj" in shown and "Kremls" in shown
    assert "Kremls" not in actor_texts(project.suggestions.find(doc, "bob"))


def test_rejection_is_remembered_per_annotator(project: Project, tmp_path: Path) -> None:
    doc = doc_id(project)
    target = next(s for s in project.suggestions.find(doc, "alice") if s.text == "Kremls")
    changes = project.suggestions.reject(doc, "alice", target)
    assert changes.before == target
    project.close()
    with Project.open(tmp_path / "p.annotator") as reopened:
        assert "Kremls" not in actor_texts(reopened.suggestions.find(doc, "alice"))
        assert "Kremls" in actor_texts(reopened.suggestions.find(doc, "bob"))
        reopened.suggestions.unreject(doc, "alice", target)
        assert "Kremls" in actor_texts(reopened.suggestions.find(doc, "alice"))
        assert reopened.history(doc)[1]["operation"] == "reject"


def test_rejection_is_tied_to_the_actor(project: Project) -> None:
    doc = doc_id(project)
    target = next(s for s in project.suggestions.find(doc, "alice") if s.text == "Russland")
    project.suggestions.reject(doc, "alice", target)
    russia = next(a for a in project.actors() if a.key == "russia")
    other = project.add_actor("Russian Federation", key="rf", aliases=["Russland"])
    project.delete_actor(russia.id)
    shown = [s for s in project.suggestions.find(doc, "alice") if s.text == "Russland"]
    assert [s.actor_key for s in shown] == ["rf"]
    assert other.after.key == "rf"


def test_accept_creates_the_annotators_span_with_the_actor(project: Project) -> None:
    doc = doc_id(project)
    target = next(s for s in project.suggestions.find(doc, "alice") if s.text == "Selenskyj")
    changes = project.suggestions.accept(doc, "alice", target)
    span = changes.after
    assert (span.annotator, span.layer, span.start, span.end, span.text) == (
        "alice", "ACTOR", target.start, target.end, "Selenskyj")
    assert project.actor(span.actor_id).key == "zelenskyy"
    assert span.provenance == {"suggested_by": "actors", "rule": "transliteration"}
    assert "Selenskyj" not in actor_texts(project.suggestions.find(doc, "alice"))
    project.remove_span(span.id, "alice")  # undo is the normal removal
    assert "Selenskyj" in actor_texts(project.suggestions.find(doc, "alice"))


def test_accept_a_date_fills_value_precision_and_mod(project: Project) -> None:
    doc = doc_id(project)
    text = project.text(doc)
    start = text.index("i går kveld")
    suggestion = Suggestion("DATE", start, start + 5, "i går", "yesterday", "dates",
                            attributes={"value": "2022-02-14", "precision": "day", "mod": ""})
    span = project.suggestions.accept(doc, "alice", suggestion).after
    assert span.attributes == {"value": "2022-02-14", "precision": "day"}
    assert span.actor_id is None


def test_accept_refuses_a_stale_suggestion(project: Project) -> None:
    doc = doc_id(project)
    stale = Suggestion("ACTOR", 0, 5, "Putin", "exact", "actors", actor_id=ActorId(1),
                       actor_key="putin")
    with pytest.raises(ValidationError, match="no longer matches"):
        project.suggestions.accept(doc, "alice", stale)


def test_accept_all_of_one_layer_is_one_transaction(project: Project) -> None:
    doc = doc_id(project)
    project.add_span(doc, "alice", "ACTOR", 3, 10)  # covers the start of "Kremlin -sjefen"
    changes = project.suggestions.accept_all(doc, "alice", "ACTOR")
    spans = changes.after
    assert [s.text for s in spans] == ["Vladimir Putin", "Selenskyj", "Kremls",
                                       "Pavel Jermakov", "Russland"]
    assert all(s.actor_id is not None for s in spans)
    assert changes.ids == tuple(s.id for s in spans)
    assert [s.layer for s in project.suggestions.find(doc, "alice")
            if s.layer == "ACTOR"] == []
    assert len(project.spans(doc, "alice")) == 6


def test_accept_all_rolls_back_entirely_on_failure(project: Project,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    doc = doc_id(project)
    calls = {"n": 0}
    original = project.add_span

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 3:
            raise ValidationError("simulated")
        return original(*args, **kwargs)

    monkeypatch.setattr(project, "add_span", failing)
    with pytest.raises(ValidationError):
        project.suggestions.accept_all(doc, "alice", "ACTOR")
    assert project.spans(doc, "alice") == []


def test_registry_changes_are_seen_without_reopening(project: Project) -> None:
    doc = doc_id(project)
    assert "ringte" not in actor_texts(project.suggestions.find(doc, None))
    putin = next(a for a in project.actors() if a.key == "putin")
    project.update_actor(putin.id, aliases=["Putin", "Kremlin-sjefen", "ringte"])
    assert "ringte" in actor_texts(project.suggestions.find(doc, None))


def test_dates_come_from_the_date_module(project: Project) -> None:
    found = DateSuggester().suggest(TEXT, "nb", "2022-02-15", Registry.from_actors(()))
    assert found, "expected at least 'i går'"
    for item in found:
        assert TEXT[item.start:item.end] == item.text
        assert set(item.attributes) == {"value", "precision", "mod"}


def test_accept_all_dates_fills_their_values(project: Project) -> None:
    doc = doc_id(project)
    shown = [s for s in project.suggestions.find(doc, "alice") if s.layer == "DATE"]
    spans = project.suggestions.accept_all(doc, "alice", "DATE").after
    assert [(s.start, s.end) for s in spans] == [(s.start, s.end) for s in shown]
    assert spans and all(s.attributes["value"] and s.attributes["precision"] for s in spans)
    by_text = {s.text: s.attributes["value"] for s in spans}
    assert by_text.get("i går") == "2022-02-14" or by_text.get("i går kveld") == "2022-02-14"


# ---------------------------------------------------------------------- CLI

def test_cli_suggest_json(project: Project, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    doc = doc_id(project)
    project.close()
    assert main(["suggest", str(tmp_path / "p.annotator"), "--doc", str(doc), "--json",
                 "--layer", "ACTOR"]) == 0
    rows = json.loads(capsys.readouterr().out)
    first = rows[0]
    assert {k: first[k] for k in ("document", "start", "end", "layer", "text")} == {
        "document": doc, "start": 3, "end": 18, "layer": "ACTOR", "text": "Kremlin -sjefen"}
    assert first["actor"] == {"key": "putin", "name": "Vladimir Putin"}


def test_cli_suggest_text_output(project: Project, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    project.close()
    assert main(["suggest", str(tmp_path / "p.annotator"), "--layer", "ACTOR"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[3:] == ["ACTOR", "Kremlin -sjefen", "putin", "0.60", "registry"]
