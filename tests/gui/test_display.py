"""No usable display: `annotator open` and `review` say so in one line and exit 2, before Qt aborts.

Qt ends the process (exit 134) when it cannot reach a display, often naming
an installed library as the culprit. The check runs before Qt loads, so it is
exercised here in child processes with a scrubbed environment, and directly
with made-up environments.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core import Project
from annotator.gui import display

REPO = Path(__file__).resolve().parents[2]


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=REPO,
                          env={**base, "PYTHONPATH": str(REPO), **env}, capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.mark.parametrize("command", ["open", "review"])
def test_no_display_is_one_line_and_exit_2(command: str, tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    Project.create(path).close()
    done = _run([command, str(path)], {})
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("annotator: error: no display")
    assert "DISPLAY" in lines[0] and "ssh -X" in lines[0]


def test_a_missing_system_library_is_named_with_its_package(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    monkeypatch.setattr(display, "_plugin_dir", lambda: tmp_path)

    def refuse(name: str, *args: object, **kwargs: object) -> None:
        raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file")

    monkeypatch.setattr(ctypes, "CDLL", refuse)
    problem = display.display_problem({"DISPLAY": ":0"}, platform="linux")
    assert problem is not None
    assert "libxcb-cursor.so.0 is missing" in problem
    assert "apt install libxcb-cursor0" in problem


def test_this_machines_xcb_plugin_loads_or_its_missing_library_is_named() -> None:
    problem = display._plugin_problem("libqxcb.so", "xcb")
    assert problem is None or ("is missing" in problem and ".so" in problem)


def test_an_x_server_that_does_not_answer_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        ctypes.CDLL("libxcb.so.1")
    except OSError:
        pytest.skip("no libxcb on this machine")
    monkeypatch.setattr(display, "_plugin_problem", lambda plugin, name: None)
    problem = display.display_problem({"DISPLAY": ":93"}, platform="linux")
    assert problem is not None and "cannot connect to the X display ':93'" in problem


def test_headless_platforms_and_other_systems_need_no_display() -> None:
    assert display.display_problem({"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None
    assert display.display_problem({"QT_QPA_PLATFORM": "minimal:x"}, platform="linux") is None
    assert display.display_problem({}, platform="darwin") is None
    assert display.display_problem({}, platform="win32") is None
    missing = display.display_problem({"QT_QPA_PLATFORM": "wayland",
                                       "XDG_RUNTIME_DIR": "/nonexistent"}, platform="linux")
    assert missing is not None and "no Wayland display" in missing


def test_offscreen_still_renders_a_screenshot(tmp_path: Path) -> None:
    path = tmp_path / "p.annotator"
    Project.create(path).close()
    out = tmp_path / "shot.png"
    done = _run(["screenshot", str(path), "--out", str(out)], {})  # sets offscreen itself
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 1000
