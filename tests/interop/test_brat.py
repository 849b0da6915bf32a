"""brat: every exported document passes brat's documented constraints; the round trip is exact."""

from __future__ import annotations

from pathlib import Path

from annotator.core import Project
from annotator.core.exporters import export
from tests.interop.brat_check import check_document, check_folder, parse_conf
from tests.interop.conftest import native_snapshot

CONF = """[entities]
ACTOR

[relations]

[events]
DEMAND\tClaimant?:ACTOR, Demand*:DEMAND

[attributes]
precision\tArg:ACTOR, Value:day|year
claim_position\tArg:DEMAND, Value:-1|0|1
"""
TEXT = "Vollmer urged Putin to withdraw."


def test_every_sample_document_is_valid_brat(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "brat"
    export(sample, "brat", out)
    anns = list(out.rglob("*.ann"))
    assert len(anns) == 35
    assert check_folder(out) == {}


def test_sample_round_trip_is_exact(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "brat"
    export(sample, "brat", out)
    with Project.create(tmp_path / "again.annotator") as again:
        report = again.import_paths([out])
        assert not report.rejected, report.rejected
        assert native_snapshot(again, tmp_path) == native_snapshot(sample, tmp_path)


def test_trigger_attributes_travel_on_the_event(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "brat"
    export(sample, "brat", out)
    ann = next(out.glob("anna/000001_*.ann")).read_text(encoding="utf-8")
    triggers = {line.split("\t")[1].split(" ")[0].split(":")[1]
                for line in ann.splitlines() if line.startswith("E")}
    for line in ann.splitlines():
        if line.startswith(("A", "N", "#")):
            assert line.split("\t")[1].split(" ")[1] not in triggers, line
    assert "span_gloss: " in ann
    assert "Registry:vollmer_katrin\t" in ann and "Registry:vollmer-katrin" not in ann


def test_the_checker_finds_what_brat_refuses() -> None:
    conf = parse_conf(CONF)
    good = ("T1\tACTOR 0 7\tVollmer\nT2\tACTOR 14 19\tPutin\nT3\tDEMAND 23 31\twithdraw\n"
            "E1\tDEMAND:T3 Claimant:T1\nA1\tclaim_position E1 -1\nA2\tprecision T1 day\n"
            "N1\tReference T1 Registry:vollmer_katrin\tKatrin Vollmer\n"
            "#1\tAnnotatorNotes E1\tgloss: withdraw\n")
    assert check_document(good, TEXT, conf) == []
    bad = {
        "#1\tAnnotatorNotes T3\tgloss: x\n": "only events may",
        "N1\tReference T1 Registry:vollmer-katrin\tx\n": "word characters",
        "A1\tclaim_position E1 2\n": "value not one of",
        "A1\tprecision T3 day\n": "only events may",
        "E2\tDEMAND:T1\n": "is not a T of type DEMAND",
        "E2\tDEMAND:T3 Claimant:T1 Claimant2:T2\n": "appears 2 times",
        "E2\tDEMAND:T3 Object:T1\n": "not declared",
        "T4\tACTOR 0 7\tVollmar\n": "is not the fragments' text",
        "T4\tPLACE 0 7\tVollmer\n": "not in annotation.conf",
        "T1\tACTOR 0 7\tVollmer\n": "duplicate id",
        "A9\tflagged T1\n": "not in annotation.conf",
    }
    for line, problem in bad.items():
        found = check_document(good + line, TEXT, conf)
        assert any(problem in p for p in found), (line, found)
