"""Start-up loads only what a command uses: checked in fresh interpreters, by module names.

How long start-up takes is measured by benchmarks/bench_process.py, never asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ("pandas", "numpy", "pyarrow", "PySide6", "spacy", "datasets")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_building_the_parser_loads_no_core_store_or_qt() -> None:
    loaded = _loaded_after("from annotator.cli import build_parser\nbuild_parser()")
    assert not loaded & {*HEAVY, "sqlite_utils", "annotator.core.project",
                         "annotator.core.store", "annotator.core.models"}
    assert not any(name.startswith("annotator.core.exporters.") for name in loaded)


def test_opening_the_store_hides_pandas_from_sqlite_utils_only() -> None:
    loaded = _loaded_after("import annotator.core.store\nimport sqlite_utils.db as d\n"
                           "assert d.pd is None and d.np is None")
    assert "sqlite_utils" in loaded
    assert not loaded & set(HEAVY)
    # afterwards both import normally, for the formats and statistics that use them
    loaded = _loaded_after("import annotator.core.store\nimport numpy, pandas\n"
                           "assert pandas.DataFrame({'a': [1]}).shape == (1, 1)")
    assert {"numpy", "pandas"} <= loaded


def test_pandas_loaded_first_is_left_alone() -> None:
    loaded = _loaded_after("import pandas\nimport annotator.core.store\n"
                           "import sqlite_utils.db as d\nassert d.pd is pandas")
    assert "pandas" in loaded


def test_the_core_names_load_on_first_use() -> None:
    loaded = _loaded_after("import annotator.core as c\nassert 'Project' not in vars(c)\n"
                           "from annotator.core import Project, TaskState, ExportError\n"
                           "assert Project.__name__ == 'Project'")
    assert "annotator.core.project" in loaded
    lean = _loaded_after("from annotator.core import ExportError, TaskState")
    assert "annotator.core.project" not in lean and "sqlite_utils" not in lean


def test_an_unknown_core_name_is_an_attribute_error() -> None:
    probe = ("import annotator.core as c\ntry:\n    c.NoSuchThing\nexcept AttributeError as e:\n"
             "    print('refused', e)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert out.startswith("refused") and "NoSuchThing" in out


def test_info_and_export_load_only_their_services(tmp_path: Path) -> None:
    from annotator.core import Project

    project = tmp_path / "p.annotator"
    Project.create(project).close()
    info = _loaded_after(f"from annotator.cli import main\nmain(['info', {str(project)!r}])")
    assert not info & {*HEAVY, "annotator.core.team", "annotator.core.assist.workflow",
                       "annotator.core.importers.ingest", "annotator.core.exporters.base"}
    out = tmp_path / "out.jsonl"
    export = _loaded_after(f"from annotator.cli import main\nmain(['export', {str(project)!r}, "
                           f"'--format', 'jsonl', '--out', {str(out)!r}, '--quiet'])")
    assert "annotator.core.exporters.jsonl" in export and out.exists()
    assert not export & {*HEAVY, "annotator.core.exporters.csv_tables",
                         "annotator.core.assist.workflow"}
