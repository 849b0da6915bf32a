"""The Project façade: edits, validation, history, registry, codebook, native round trip."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from annotator.core import Project, Status
from annotator.core.codebook import parse_codebook
from annotator.core.errors import CodebookError, ProjectFileError, ValidationError
from annotator.core.store.migrations import MIGRATIONS, SCHEMA_VERSION, migrate
from annotator.resources import codebook_path, sample_data_dir
from tests.storage import raw

TEXT = ("Chancellor Vollmer phoned President Putin on Monday and demanded that Russia "
        "withdraw its troops, according to Reuters.\n")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with Project.create(tmp_path / "p.annotator") as proj:
        proj.import_paths([tmp_path / "a.txt"])
        yield proj


def doc_id(project: Project) -> int:
    return project.documents()[0].id


def test_core_does_not_import_qt() -> None:
    import subprocess

    code = "import annotator.core, annotator.cli, sys; " \
           "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_add_update_remove_span_with_history(project: Project) -> None:
    d = doc_id(project)
    start = TEXT.index("Putin")
    span = project.add_span(d, "alice", "ACTOR", start, start + 5).after
    assert span.text == "Putin" and span.annotator == "alice"
    assert project.status(d, "alice") is Status.IN_PROGRESS
    changed = project.update_span(span.id, "alice", end=start + 4)
    assert changed.before.text == "Putin" and changed.after.text == "Puti"
    removed = project.remove_span(span.id, "alice")
    assert project.spans(d, "alice") == []
    project.restore_span(removed.before)  # undo keeps id and uid
    back = project.spans(d, "alice")[0]
    assert (back.id, back.uid, back.text) == (span.id, span.uid, "Puti")
    operations = [h["operation"] for h in project.history(d)]
    assert operations[:4] == ["restore", "remove", "update", "add"]


def test_history_is_append_only(project: Project) -> None:
    d = doc_id(project)
    project.add_span(d, "alice", "ACTOR", 0, 10)
    with raw(project.path, writable=True) as conn:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM history")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE history SET annotator = 'x'")


@pytest.mark.parametrize(("layer", "start", "end", "message"), [
    ("NOPE", 0, 5, "unknown layer"),
    ("ACTOR", 5, 5, "outside the text"),
    ("ACTOR", -1, 5, "outside the text"),
    ("ACTOR", 0, 10_000, "outside the text"),
])
def test_span_validation(project: Project, layer: str, start: int, end: int,
                         message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        project.add_span(doc_id(project), "alice", layer, start, end)
    assert project.spans() == []


def test_annotators_only_edit_their_own_spans(project: Project) -> None:
    span = project.add_span(doc_id(project), "alice", "ACTOR", 0, 10).after
    with pytest.raises(ValidationError, match="belongs to 'alice'"):
        project.remove_span(span.id, "bob")


def test_claims_values_status(project: Project) -> None:
    d = doc_id(project)
    putin = project.add_actor("Vladimir Putin", aliases=["Putin"], qid="Q7747",
                              country="RUS").after
    vollmer = project.add_actor("Katrin Vollmer", country="DEU").after
    start = TEXT.index("withdraw its troops")
    demand = project.add_span(d, "alice", "DEMAND", start, start + 19).after
    claim = project.add_claim(d, "alice", claimant_id=vollmer.id, addressee_id=putin.id,
                              demand_span_ids=[demand.id], position=-1, form="phone_call",
                              source_reliability="B", info_credibility="2",
                              date_value="2022-02-14").after
    assert claim.demand_span_ids == (demand.id,) and claim.event_type == "REQUEST"
    project.update_claim(claim.id, "alice", factuality="reported")
    assert project.claims(d, "alice")[0].factuality == "reported"
    with pytest.raises(ValidationError, match="source_reliability 'G'"):
        project.update_claim(claim.id, "alice", source_reliability="G")
    with pytest.raises(ValidationError, match="position"):
        project.add_claim(d, "alice", position=3)
    project.set_value(d, "alice", "relevance", "yes")
    project.set_value(d, "alice", "outlet_reliability", "B")
    with pytest.raises(ValidationError, match="relevance 'maybe'"):
        project.set_value(d, "alice", "relevance", "maybe")
    with pytest.raises(ValidationError, match="unknown document field"):
        project.set_value(d, "alice", "colour", "red")
    assert project.values(d, "alice") == {"relevance": "yes", "outlet_reliability": "B"}
    project.set_status(d, "alice", Status.DONE)
    assert project.status(d, "alice") is Status.DONE
    assert project.documents(annotator="alice", status="done")[0].id == d
    assert project.documents(annotator="bob", status="done") == []


def test_removing_a_demand_span_keeps_the_claim(project: Project) -> None:
    d = doc_id(project)
    demand = project.add_span(d, "alice", "DEMAND", 0, 10).after
    claim = project.add_claim(d, "alice", demand_span_ids=[demand.id]).after
    project.remove_span(demand.id, "alice")
    assert project.claims(d, "alice")[0].demand_span_ids == ()
    assert project.claims(d, "alice")[0].id == claim.id


def test_actor_registry_merge_and_delete(project: Project) -> None:
    d = doc_id(project)
    a = project.add_actor("Volodymyr Zelenskyy", aliases=["Zelenskyy"]).after
    b = project.add_actor("Zelenskyj", aliases=[{"alias": "Selenskyj", "lang": "de"}]).after
    assert a.key == "volodymyr-zelenskyy"
    project.add_span(d, "alice", "ACTOR", 0, 10, actor_id=b.id)
    with pytest.raises(ValidationError, match="used by 1 annotation"):
        project.delete_actor(b.id)
    project.merge_actors(a.id, b.id)
    merged = project.actor(a.id)
    assert {x.alias for x in merged.aliases} >= {"Zelenskyy", "Zelenskyj", "Selenskyj"}
    assert project.spans(d, "alice")[0].actor_id == a.id
    with pytest.raises(KeyError):
        project.actor(b.id)
    with pytest.raises(ValidationError, match="not a Wikidata QID"):
        project.add_actor("X", qid="12")


def test_full_text_search(project: Project) -> None:
    assert [d.id for d in project.search("withdraw troops")] == [doc_id(project)]
    assert project.search("Stoltenberg") == []
    assert project.search('"; DROP TABLE documents; --') == []


def test_codebook_errors_name_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(CodebookError) as err:
        parse_codebook('[codebook]\nname = "x"\nversion = \n', "bad.toml")
    assert err.value.line == 3 and "bad.toml" in str(err.value)
    text = codebook_path().read_text(encoding="utf-8")
    broken = text.replace('color = "#f28e2b"', 'color = "orange"')
    with pytest.raises(CodebookError) as err:
        parse_codebook(broken, "mine.toml")
    assert "color must look like #rrggbb" in err.value.reason
    assert text.splitlines()[err.value.line - 1].strip() == 'color = "#f28e2b"'
    dup = text.replace('key = "D"', 'key = "A"')
    with pytest.raises(CodebookError, match="key 'A' is already used"):
        parse_codebook(dup, "dup.toml")
    bad_type = text.replace('type = "actor", label = "Registry actor"',
                            'type = "person", label = "Registry actor"')
    with pytest.raises(CodebookError, match="unknown type 'person'"):
        parse_codebook(bad_type, "t.toml")


def test_default_codebook_has_full_admiralty_domains() -> None:
    book = parse_codebook(codebook_path().read_text(encoding="utf-8"))
    rel = book.vocabulary("source_reliability")
    assert rel.codes() == list("ABCDEF") and rel.scale() == list("ABCDE")
    cred = book.vocabulary("info_credibility")
    assert cred.codes() == list("123456") and cred.missing == ("6",)
    assert all(v.definition for v in rel.values + cred.values)
    assert {layer.key for layer in book.layers} == {"A", "D", "M", "S"}


def test_project_with_own_codebook(tmp_path: Path) -> None:
    text = codebook_path().read_text(encoding="utf-8")
    custom = tmp_path / "cb.toml"
    custom.write_text(text.replace('version = "1.0.0"', 'version = "2.0.0"'), encoding="utf-8")
    with Project.create(tmp_path / "c.annotator", codebook=custom) as project:
        assert project.codebook.version == "2.0.0"
    with Project.open(tmp_path / "c.annotator") as project:
        assert project.codebook.version == "2.0.0"


def test_open_errors(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="does not exist"):
        Project.open(tmp_path / "missing.annotator")
    junk = tmp_path / "junk.annotator"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(ProjectFileError, match="not"):
        Project.open(junk)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    with pytest.raises(ProjectFileError, match="not an annotator project"):
        Project.open(other)


def test_migrated_first_schema_equals_fresh(tmp_path: Path) -> None:
    def schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
        return sorted(conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))

    old = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    migrate(old, target=1)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    migrate(old)
    fresh = sqlite3.connect(tmp_path / "fresh.db", isolation_level=None)
    migrate(fresh)
    assert fresh.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == \
        len(MIGRATIONS)
    assert schema(old) == schema(fresh)


def test_native_round_trip_is_identical(project: Project, tmp_path: Path) -> None:
    d = doc_id(project)
    putin = project.add_actor("Vladimir Putin", aliases=["Putin"], qid="Q7747").after
    start = TEXT.index("Putin")
    project.add_span(d, "alice", "ACTOR", start, start + 5, actor_id=putin.id)
    demand = project.add_span(d, "bob", "DEMAND", 70, 90, attributes={"gloss": "x"}).after
    project.add_claim(d, "bob", claimant_id=putin.id, demand_span_ids=[demand.id], position=1)
    project.set_value(d, "alice", "relevance", "yes")
    project.set_status(d, "bob", "done")
    first = tmp_path / "one.jsonl"
    project.exports.native(first, timestamp=False)
    with Project.create(tmp_path / "copy.annotator") as copy:
        report = copy.import_paths([first])
        assert not report.rejected and report.annotations == 4  # 2 spans, 1 claim, 1 value
        second = tmp_path / "two.jsonl"
        copy.exports.native(second, timestamp=False)
        again = copy.import_paths([first])
        assert again.imported == [] and again.annotations == 0  # merging twice: no change
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    header = json.loads(first.read_text(encoding="utf-8").splitlines()[0])
    assert header["format"] == "annotator-native" and header["annotators"] == ["alice", "bob"]


def test_native_import_rejects_mismatched_span(project: Project, tmp_path: Path) -> None:
    record = {"text": "Putin spoke.", "annotations": {"alice": {"spans": [
        {"uid": "u1", "layer": "ACTOR", "start": 0, "end": 5, "text": "Vladi"}]}}}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record), encoding="utf-8")
    before = project.count_documents()
    report = project.import_paths([path])
    assert "does not match" in report.rejected[0].reason
    assert project.count_documents() == before  # the document did not come in either


def test_check_finds_tampered_text(project: Project) -> None:
    assert project.check() == []
    with raw(project.path, writable=True) as conn:
        conn.execute("UPDATE documents SET text = text || 'x'")
    problems = project.check()
    assert any("SHA-256" in p for p in problems)


def test_native_round_trip_on_the_sample_project(tmp_path: Path) -> None:
    from annotator.core.sample import build_sample_project

    sample = build_sample_project(tmp_path / "sample.annotator")
    with Project.open(sample) as project:
        assert project.count_documents() == 12
        assert set(project.annotators()) == {"anna", "ben", "carla"}
        assert project.check() == []
        first = tmp_path / "one.jsonl"
        project.exports.native(first, timestamp=False)
    with Project.create(tmp_path / "copy.annotator") as copy:
        assert not copy.import_paths([first]).rejected
        second = tmp_path / "two.jsonl"
        copy.exports.native(second, timestamp=False)
    assert first.read_bytes() == second.read_bytes()
    committed = (sample_data_dir() / "annotations.jsonl").read_bytes()
    assert first.read_bytes() == committed  # the sample file is itself a native export
