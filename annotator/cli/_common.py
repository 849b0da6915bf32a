"""What every command shares: opening a project, progress on stderr, exit codes, error lines.

An error is one line on stderr (``annotator: error: ...``) and a non-zero exit
status, never a traceback; :func:`describe_error` words it. Text that comes
from data (file names, reasons quoting a file) passes :func:`terminal_safe`
before it is printed, so a name holding a newline or an escape sequence can
neither forge a report line nor drive the terminal.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PROBLEMS = 0, 1, 2, 3
EXIT_INTERRUPTED = 130

Progress = Callable[[int, int, str], None]


class CliError(Exception):
    """An error to print as one line."""


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                      "\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def terminal_safe(text: str) -> str:
    """``text`` with control and bidirectional-override characters written as escapes
    (``\\n``, ``\\x1b``, ``\\u202e``), a backslash before them doubled."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_escape, text.replace("\\", "\\\\"))


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def open_project(path: str | Path, *, read_only: bool = False) -> Any:
    """Open a project; a reading command on an older schema upgrades it first (with a
    backup taken by the migration), since a read-only connection cannot."""
    from annotator.core import Project
    from annotator.core.errors import ProjectFileError

    try:
        return Project.open(path, read_only=read_only)
    except ProjectFileError as exc:
        if not read_only or "schema upgrade" not in str(exc):
            raise
    # A file that cannot be written opens read-only here too and refuses the
    # upgrade with the same error, so it is reported as it would have been.
    Project.open(path).close()  # migrates, after backing the file up
    print(f"annotator: upgraded {path} to the current schema (a backup was taken first)",
          file=sys.stderr)
    return Project.open(path, read_only=True)


def shows_progress(quiet: bool) -> bool:
    """Progress goes to a terminal only, and never with ``--quiet``."""
    return not quiet and sys.stderr.isatty()


def progress_printer(quiet: bool) -> Progress | None:
    """A TaskState callback that redraws one progress line on stderr, or None."""
    if not shows_progress(quiet):
        return None

    def show(done: int, total: int, message: str) -> None:
        shown = terminal_safe(message)[:60]
        print(f"\r{done}/{total} {shown:<60}", end="", file=sys.stderr, flush=True)

    return show


def end_progress(quiet: bool) -> None:
    """Ends the progress line, so that what follows starts on a line of its own."""
    if shows_progress(quiet):
        print(file=sys.stderr)


def describe_error(exc: Exception) -> str:
    """The words of the one error line for ``exc``."""
    if isinstance(exc, KeyError):
        return str(exc.args[0]) if exc.args else "not found"
    if isinstance(exc, sqlite3.Error):
        from annotator.core.backup import storage_error

        mapped = storage_error(exc)
        return str(mapped) if mapped is not None else f"database problem: {exc}"
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
    return str(exc) or type(exc).__name__


def print_error(exc: Exception) -> None:
    """Print the one error line for ``exc`` on stderr."""
    print(f"annotator: error: {terminal_safe(describe_error(exc))}", file=sys.stderr)
