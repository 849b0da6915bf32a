"""Can a window open here? Asked before anything loads Qt, which would abort the process.

Without a usable display Qt ends the process (SIGABRT, exit 134) with a
message that often blames a library that is in fact installed. This module
answers first, in plain words, without importing Qt: on Linux it checks that a
display is named (``WAYLAND_DISPLAY`` with its socket, or ``DISPLAY``), that
the platform plugin Qt will use can load (loading it names the first missing
system library, e.g. ``libxcb-cursor.so.0``), and that the X server answers.
A headless platform (``QT_QPA_PLATFORM=offscreen``, used by the screenshot
command and the tests) needs none of that. Other systems always have a display.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Mapping
from importlib.util import find_spec
from pathlib import Path

from annotator.core.errors import NoDisplayError

HEADLESS = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs",
                      "vkkhrdisplay"})
"""Qt platforms that draw without a window system."""
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0", "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0", "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3", "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}
"""The Debian/Ubuntu package of each system library Qt's platform plugins need."""
OFFSCREEN_HINT = "set QT_QPA_PLATFORM=offscreen only for screenshots and tests"


def display_problem(environ: Mapping[str, str] | None = None, *,
                    platform: str | None = None) -> str | None:
    """Why no window can open here (None when one can), in one sentence with the fix."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    requested = re.split(r"[:;]", env.get("QT_QPA_PLATFORM", ""))[0].strip().lower()
    if requested in HEADLESS:
        return None
    wayland = env.get("WAYLAND_DISPLAY", "")
    if requested.startswith("wayland") or (not requested and wayland):
        socket = Path(wayland) if wayland.startswith("/") else \
            Path(env.get("XDG_RUNTIME_DIR", "/run/user/0")) / (wayland or "wayland-0")
        if socket.exists():
            return _plugin_problem("libqwayland.so", "wayland")
        if requested:
            return (f"no Wayland display: {socket} does not exist; run annotator inside the "
                    f"desktop session, or unset QT_QPA_PLATFORM ({OFFSCREEN_HINT})")
    display = env.get("DISPLAY", "")
    if not display:
        return ("no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so no window can "
                "open; start annotator from a desktop session (over SSH: ssh -X), or use the "
                f"command-line commands (annotator --help); {OFFSCREEN_HINT}")
    return _plugin_problem("libqxcb.so", "xcb") or _x_server_problem(display)


def require_display() -> None:
    """Raise :class:`NoDisplayError` (one line, with the fix) when no window can open."""
    problem = display_problem()
    if problem is not None:
        raise NoDisplayError(problem)


def _plugin_problem(plugin: str, name: str) -> str | None:
    """Load Qt's platform plugin as Qt would; a missing library is named by the loader."""
    folder = _plugin_dir()
    path = folder / plugin if folder is not None else None
    if path is None or not path.exists():
        return None  # not a PySide6 wheel layout: let Qt decide
    try:
        ctypes.CDLL(str(path))
    except OSError as exc:
        found = re.search(r"(lib[\w.+-]+\.so(?:\.\d+)*)", str(exc))
        library = found.group(1) if found and found.group(1) != plugin else str(exc)
        package = PACKAGES.get(library)
        fix = f"sudo apt install {package}" if package else "install it with the package manager"
        return (f"the Qt {name} platform plugin cannot load: the system library {library} "
                f"is missing; install it (Debian/Ubuntu: {fix})")
    return None


def _plugin_dir() -> Path | None:
    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms"


def _x_server_problem(display: str) -> str | None:
    """Connect to the X server as Qt will (libxcb); None when it answers."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return ("the system library libxcb.so.1 is missing; install it "
                "(Debian/Ubuntu: sudo apt install libxcb1)")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        failed = xcb.xcb_connection_has_error(connection)
    finally:
        xcb.xcb_disconnect(connection)
    if failed:
        return (f"cannot connect to the X display {display!r}: no X server answers there, or "
                "it refuses this user; check DISPLAY (over SSH: ssh -X) and the X server's "
                "access rights (xhost, XAUTHORITY)")
    return None
