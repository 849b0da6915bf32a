"""Where the tool may write: one guard for every output path, and atomic single-file writes.

Every file or folder the tool writes on a user's behalf (exports, agreement
reports, screenshots, the sample project) passes :func:`check_target` first,
from the CLI, the API and the window alike. The guard refuses a target that

* is, holds or is inside the project file, its ``-wal``/``-shm``/``-journal``
  companions or its backup folder (naming the project's own folder as an
  export destination must never delete the project);
* is any SQLite database (another project, a backup) or a special file
  (FIFO, device, socket);
* is a non-empty folder that is not a previous export of ours, recognised by
  its ``manifest.json``; with ``force`` a previous export may be replaced,
  a foreign folder never;
* is an existing file, unless ``force`` is given.

Writing itself never destroys anything before the new output is complete:
:func:`atomic_file` writes a hidden temporary file beside the target and
renames it into place only when it is finished.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from annotator.core.errors import OutputRefusedError
from annotator.core.store.maintenance import fsync_file

Kind = Literal["file", "folder"]

EXPORT_MANIFEST_FORMAT = "annotator-export"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_COMPANIONS = ("-wal", "-shm", "-journal")


def protected_paths(project: Path) -> list[tuple[Path, str]]:
    """The project's own files, resolved, each with how a message names it."""
    base = project.expanduser().resolve()
    found = [(base, "the project file")]
    found += [(Path(f"{base}{suffix}"), f"the project's {suffix[1:]} file")
              for suffix in _COMPANIONS]
    found.append((base.with_name(base.name + ".backups"), "the project's backup folder"))
    return found


def check_target(target: str | Path, *, kind: Kind, project: str | Path | None = None,
                 force: bool = False) -> Path:
    """Refuse (:class:`OutputRefusedError`) an output target that would destroy data.

    Returns ``target`` as a :class:`Path` (user home expanded) when writing
    there is safe. ``kind`` says what the writer puts there: a ``"file"`` or a
    ``"folder"`` that it replaces as a whole.
    """
    path = Path(target).expanduser()
    resolved = path.resolve()
    if project is not None and str(project) != ":memory:":
        _refuse_project_paths(path, resolved, Path(project))
    if not os.path.lexists(path):
        return path
    mode = os.stat(path).st_mode if path.exists() else os.lstat(path).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise OutputRefusedError(f"{path} is a special file (pipe, device or socket); "
                                 "name a regular file or folder")
    if kind == "folder":
        _check_folder(path, force)
    else:
        _check_file(path, force)
    return path


def _refuse_project_paths(path: Path, resolved: Path, project: Path) -> None:
    for protected, name in protected_paths(project):
        if resolved == protected:
            raise OutputRefusedError(f"{path} is {name}; choose another destination")
        if resolved in protected.parents:
            raise OutputRefusedError(f"{path} holds {name}; writing there would replace it, "
                                     "so choose a new folder")
        if protected in resolved.parents and name.endswith("backup folder"):
            raise OutputRefusedError(f"{path} is inside {name}; choose another destination")


def _check_folder(path: Path, force: bool) -> None:
    if not path.is_dir():
        raise OutputRefusedError(f"{path} exists and is not a folder; this format writes a "
                                 "folder, so name a new one")
    if not any(path.iterdir()):
        return
    if not is_previous_export(path):
        raise OutputRefusedError(f"{path} is a folder that holds other files; the export "
                                 "replaces the whole folder, so name a new or empty one")
    if not force:
        raise OutputRefusedError(f"{path} holds an earlier export; pass --force to replace it")


def _check_file(path: Path, force: bool) -> None:
    if path.is_dir():
        raise OutputRefusedError(f"{path} is a folder; this output is a single file")
    if is_sqlite_file(path):
        raise OutputRefusedError(f"{path} is an SQLite database (a project or a backup?); "
                                 "it is never overwritten, so choose another file name")
    if not force:
        raise OutputRefusedError(f"{path} exists; pass --force to replace it")


def is_sqlite_file(path: Path) -> bool:
    """Whether ``path`` starts with SQLite's file header."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
    except OSError:
        return False


def is_previous_export(folder: Path) -> bool:
    """Whether ``folder`` holds an export of ours (its manifest says so)."""
    manifest = folder / "manifest.json"
    try:
        with manifest.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("format") == EXPORT_MANIFEST_FORMAT


# ---------------------------------------------------------------- writing


def temporary_sibling(path: Path, *, folder: bool = False) -> Path:
    """A new, hidden, uniquely named file or folder beside ``path`` (never an existing name).

    It is created with the permissions an ordinary new file or folder gets
    (0o666 / 0o777 less the umask), so the output that replaces ``path`` is as
    readable as before, not private the way :mod:`tempfile` makes its files.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(100):
        candidate = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
        try:
            if folder:
                candidate.mkdir(mode=0o777)
            else:
                os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"no free temporary name beside {path}")


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; it replaces ``path`` only if the block succeeds."""
    tmp = temporary_sibling(path)
    try:
        yield tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # a file system that cannot sync still gets the file
        fsync_file(tmp)
    os.replace(tmp, path)
