"""`annotator desktop-install`: the desktop entry, icon and project file type for this user.

Writes, below ``PREFIX/share`` (``~/.local/share`` by default), the freedesktop
files a Linux desktop reads: the application entry (which opens a double-clicked
``*.annotator`` file through ``annotator open %f``), the scalable icon (for the
application and for project files) and the shared-mime-info type
``application/x-annotator-project``; then refreshes the MIME and desktop
databases when their tools are installed. The templates are package resources.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from annotator.cli._common import EXIT_OK, CliError
from annotator.core.outputs import atomic_file
from annotator.resources import (
    ICON_NAME,
    MIME_TYPE,
    desktop_entry_path,
    icon_path,
    mime_info_path,
)

# characters the Desktop Entry spec reserves in an Exec argument; such an argument is quoted
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def launcher_command() -> list[str]:
    """The command that starts this installation of annotator.

    A one-folder build is its own executable; a pip or pipx install has the
    ``annotator`` script beside its interpreter; otherwise the interpreter runs
    the package.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).with_name("annotator")
    if script.is_file():
        return [str(script)]
    found = shutil.which("annotator")
    if found:
        return [found]
    return [sys.executable, "-m", "annotator"]


def exec_argument(arg: str) -> str:
    """One argument of an ``Exec=`` line, quoted and escaped as the Desktop Entry spec asks."""
    if _RESERVED.intersection(arg):
        inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        arg = f'"{inner}"'
    # the string-value escape applies on top of the quoting
    return arg.replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    """The desktop entry template with ``Exec=`` pointing at ``command``."""
    template = desktop_entry_path().read_text(encoding="utf-8")
    return template.replace("@EXEC@", " ".join(exec_argument(a) for a in command))


def install_desktop_files(prefix: Path, command: list[str] | None = None) -> list[Path]:
    """Write the desktop entry, the icons and the MIME type below ``prefix/share``."""
    share = prefix.expanduser() / "share"
    icon = icon_path().read_bytes()
    files: dict[Path, bytes] = {
        share / "applications" / f"{ICON_NAME}.desktop":
            desktop_entry(command or launcher_command()).encode("utf-8"),
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg": icon,
        share / "icons" / "hicolor" / "scalable" / "mimetypes" /
            f"{MIME_TYPE.replace('/', '-')}.svg": icon,
        share / "mime" / "packages" / f"{ICON_NAME}.xml": mime_info_path().read_bytes(),
    }
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_file(path) as tmp:
            tmp.write_bytes(data)
    return list(files)


def refresh_databases(prefix: Path) -> list[str]:
    """Run the desktop's cache tools that are installed; one line on what each did."""
    share = prefix.expanduser() / "share"
    lines = []
    for tool, folder, what in (("update-mime-database", share / "mime", "MIME database"),
                               ("update-desktop-database", share / "applications",
                                "desktop entry database")):
        exe = shutil.which(tool)
        if exe is None:
            lines.append(f"{tool} not found: the desktop picks the new files up when it "
                         f"next refreshes its {what}")
            continue
        done = subprocess.run([exe, str(folder)], capture_output=True, text=True,
                              check=False)
        if done.returncode == 0:
            lines.append(f"updated the {what} ({tool} {folder})")
        else:
            reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
            lines.append(f"{tool} failed ({reason}); the files are in place")
    return lines


def cmd_desktop_install(args: argparse.Namespace) -> int:
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        raise CliError("desktop-install writes freedesktop (Linux) desktop files; on Windows "
                       "and macOS the one-folder build brings its own shortcut "
                       "(see docs/install.md)")
    prefix = Path(args.prefix).expanduser()
    for path in install_desktop_files(prefix):
        print(f"wrote {path}")
    for line in refresh_databases(prefix):
        print(line)
    print("double-click a .annotator file, or find annotator in the applications menu")
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    """Register ``desktop-install``."""
    p = sub.add_parser("desktop-install",
                       help="add annotator to the desktop's menu and open .annotator files "
                       "with it (Linux)")
    p.add_argument("--prefix", default="~/.local",
                   help="install below PREFIX/share (default: ~/.local)")
    p.set_defaults(func=cmd_desktop_install)
