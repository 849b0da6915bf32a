"""The command line: one-line errors, non-zero exits, JSON output, older schemas."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.cli import main

ARTICLE = ("Chancellor Vollmer phoned President Putin on Monday and demanded that Russia "
           "withdraw its troops, according to Reuters.\n")


def test_new_import_info_export_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = str(tmp_path / "p.annotator")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    assert main(["new", project]) == 0
    assert main(["import", project, str(tmp_path / "a.txt"), str(tmp_path / "bad.jsonl")]) == 3
    out = capsys.readouterr().out
    assert "1 document imported" in out and "bad.jsonl:1: invalid JSON" in out
    assert main(["info", project, "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["documents"] == 1 and info["by_language"] == {"en": 1}
    assert main(["export", project, "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "documents.csv").exists()
    assert main(["check", project]) == 0


def test_errors_are_one_line_without_traceback(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(tmp_path / "missing.annotator")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err and "Traceback" not in err
    not_a_project = tmp_path / "x.annotator"
    not_a_project.write_bytes(b"hello" * 1000)
    assert main(["info", str(not_a_project)]) != 0
    assert "Traceback" not in capsys.readouterr().err


def test_reading_command_upgrades_an_older_schema(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.annotator"
    shutil.copy(Path("tests/fixtures/schema_v1.sqlite"), old)
    assert main(["info", str(old), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["documents"] == 2
    assert "upgraded" in captured.err
    assert list((tmp_path / "old.annotator.backups").glob("*before-v*"))


def test_the_commands_and_their_order_in_the_help() -> None:
    from annotator.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert list(sub.choices) == [
        "new", "import", "info", "export", "check", "redetect", "backup", "restore", "sample",
        "suggest", "train", "next",
        "assign", "merge", "progress", "screenshot", "agreement", "review", "query", "events",
        "desktop-install", "open"]


def test_python_dash_m_annotator_runs_the_command_line() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "annotator", "--version"], check=True,
                          capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert done.stdout.startswith("annotator ")
