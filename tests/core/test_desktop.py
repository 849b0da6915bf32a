"""desktop-install into a temporary prefix, read back by the freedesktop tools; FILE opening."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main
from annotator.cli.desktop import desktop_entry, exec_argument, launcher_command

SHARE_FILES = (
    "applications/annotator.desktop",
    "icons/hicolor/scalable/apps/annotator.svg",
    "icons/hicolor/scalable/mimetypes/application-x-annotator-project.svg",
    "mime/packages/annotator.xml",
)


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="freedesktop files")
def test_desktop_install_writes_and_names_every_file(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["desktop-install", "--prefix", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for name in SHARE_FILES:
        path = tmp_path / "share" / name
        assert path.is_file(), name
        assert f"wrote {path}" in out
    entry = _entry(tmp_path / "share/applications/annotator.desktop")
    assert entry["MimeType"] == "application/x-annotator-project;"
    assert entry["Icon"] == "annotator"
    command = entry["Exec"].split()
    assert command[-2:] == ["open", "%f"]
    assert Path(command[0]).is_file() or command[:2] == [sys.executable, "-m"]
    # a second run replaces its own files without complaint
    assert main(["desktop-install", "--prefix", str(tmp_path)]) == 0


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils is not installed")
def test_the_desktop_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    path = tmp_path / "annotator.desktop"
    path.write_text(desktop_entry(["/opt/My Apps/annotator"]), encoding="utf-8")
    done = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="shared-mime-info is not installed")
def test_the_mime_database_maps_annotator_files(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["desktop-install", "--prefix", str(tmp_path)]) == 0
    assert "updated the MIME database" in capsys.readouterr().out
    globs = (tmp_path / "share/mime/globs2").read_text(encoding="utf-8")
    assert ":application/x-annotator-project:*.annotator" in globs
    assert "application/x-annotator-project" in (
        tmp_path / "share/mime/generic-icons").read_text(encoding="utf-8")


def test_exec_arguments_are_quoted_as_the_spec_asks() -> None:
    assert exec_argument("/usr/bin/annotator") == "/usr/bin/annotator"
    assert exec_argument("/opt/My Apps/annotator") == '"/opt/My Apps/annotator"'
    # a reserved character inside quotes is escaped, then the backslash itself once more
    assert exec_argument('/a"b') == '"/a\\\\"b"'
    assert exec_argument("/a$b") == '"/a\\\\$b"'
    assert "Exec=\"/opt/My Apps/annotator\" open %f" in desktop_entry(["/opt/My Apps/annotator"])


def test_the_launcher_of_a_frozen_build_is_the_executable(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert launcher_command() == [sys.executable]


def test_desktop_install_refuses_other_systems(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert main(["desktop-install", "--prefix", str(tmp_path)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Windows and macOS" in err[0]
    assert not (tmp_path / "share").exists()


@pytest.mark.parametrize("argv", [["x.annotator"], ["open", "x.annotator"]])
def test_a_project_file_as_the_only_argument_opens_it(argv: list[str], tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import annotator.gui.app

    opened: list[Any] = []
    monkeypatch.setattr(annotator.gui.app, "run_gui", lambda path: opened.append(path) or 0)
    path = str(tmp_path / argv[-1])
    assert main([*argv[:-1], path]) == 0
    assert opened == [path]
