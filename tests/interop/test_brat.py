"""brat: every exported document passes brat's documented constraints; the round trip is exact."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core import Project
from annotator.core.exporters import export
from tests.interop.brat_check import check_document, check_folder, parse_conf
from tests.interop.conftest import native_snapshot

CONF = """[entities]
ACTOR
DEMAND

[relations]

[events]
Claim\tClaimant?:ACTOR, Demand*:DEMAND

[attributes]
precision\tArg:ACTOR, Value:day|year
claim_position\tArg:Claim, Value:-1|0|1
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


def test_claims_have_triggers_of_their_own(sample: Project, tmp_path: Path) -> None:
    out = tmp_path / "brat"
    export(sample, "brat", out)
    ann = next(out.glob("anna/000001_*.ann")).read_text(encoding="utf-8")
    lines = ann.splitlines()
    triggers = {line.split("\t")[1].split(" ")[0].split(":")[1]
                for line in lines if line.startswith("E")}
    assert all(f"{t}\tClaim " in ann for t in triggers)
    for line in lines:  # the spans keep their own notes and links
        if line.startswith(("A", "N", "#")):
            assert line.split("\t")[1].split(" ")[1] not in triggers, line
    glossed = re.findall(r"AnnotatorNotes (T\d+)\tgloss: ", ann)
    assert glossed and all(f"{t}\tDEMAND " in ann for t in glossed)
    assert "Registry:vollmer_katrin\t" in ann and "Registry:vollmer-katrin" not in ann
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert "claims have no text" not in manifest  # every claim is an event now
    events = sum(f.read_text(encoding="utf-8").count("\nE") + f.read_text(
        encoding="utf-8").startswith("E") for f in out.glob("*/*.ann"))
    assert events == len(sample.claims()) - len(sample.claims(annotator="gold"))


def test_the_checker_finds_what_brat_refuses() -> None:
    conf = parse_conf(CONF)
    good = ("T1\tACTOR 0 7\tVollmer\nT2\tACTOR 14 19\tPutin\nT3\tClaim 23 31\twithdraw\n"
            "T5\tDEMAND 23 31\twithdraw\n"
            "E1\tClaim:T3 Demand:T5 Claimant:T1\nA1\tclaim_position E1 -1\nA2\tprecision T1 day\n"
            "N1\tReference T1 Registry:vollmer_katrin\tKatrin Vollmer\n"
            "#1\tAnnotatorNotes E1\tgloss: withdraw\n")
    assert check_document(good, TEXT, conf) == []
    bad = {
        "#1\tAnnotatorNotes T3\tgloss: x\n": "only events may",
        "N1\tReference T1 Registry:vollmer-katrin\tx\n": "word characters",
        "A1\tclaim_position E1 2\n": "value not one of",
        "A1\tprecision T3 day\n": "only events may",
        "E2\tClaim:T1\n": "is not a T of type Claim",
        "E2\tClaim:T3 Claimant:T1 Claimant2:T2\n": "appears 2 times",
        "E2\tClaim:T3 Object:T1\n": "not declared",
        "E2\tClaim:T3 Demand:T1\n": "cannot be a ACTOR",
        "T4\tACTOR 0 7\tVollmar\n": "is not the fragments' text",
        "T4\tPLACE 0 7\tVollmer\n": "not in annotation.conf",
        "T1\tACTOR 0 7\tVollmer\n": "duplicate id",
        "A9\tflagged T1\n": "not in annotation.conf",
    }
    for line, problem in bad.items():
        found = check_document(good + line, TEXT, conf)
        assert any(problem in p for p in found), (line, found)


def test_files_with_demand_triggers_still_import(tmp_path: Path) -> None:
    """The earlier form: the demand span is the trigger and its gloss sits on the event."""
    from annotator.core.importers import ImportOptions
    from annotator.core.importers import brat as brat_reader

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tACTOR 0 7\tVollmer\nT2\tDEMAND 23 31\twithdraw\nE1\tDEMAND:T2 Claimant:T1\n"
        "N1\tReference T1 Registry:vollmer_katrin\tKatrin Vollmer\n"
        "A1\tclaim_position E1 -1\n#1\tAnnotatorNotes E1\tgloss: pull back\n"
        "#2\tAnnotatorNotes E1\tspan_gloss: withdraw troops\n", encoding="utf-8")
    parsed = brat_reader.read(tmp_path / "a.ann", ImportOptions())
    payload = parsed.records[0].annotations["brat"]
    demand = next(s for s in payload["spans"] if s["layer"] == "DEMAND")
    assert demand["attributes"] == {"gloss": "withdraw troops"}
    (claim,) = payload["claims"]
    assert (claim["gloss"], claim["position"], claim["demand_spans"]) == \
        ("pull back", -1, [demand["uid"]])
    assert claim["claimant"] == "vollmer-katrin"
