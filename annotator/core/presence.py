"""Who else has a project open, and whether the project's folder is safe for SQLite.

Presence: every window that opens a project for editing announces itself with
one small JSON file in ``<project>.presence/`` beside the project (host, process,
annotator, since when, last heartbeat), rewritten every :data:`HEARTBEAT_S`
seconds and removed on close. One file per window, never a shared one, so two
writers never race on it, and it works wherever the file system is shared
(another machine on a network drive sees the same folder). An entry counts as
gone when its heartbeat is older than :data:`STALE_S`, or when it names a
process of this machine that no longer runs (a crash, a SIGKILL); such files
are swept by the next reader.

Unsafe locations: SQLite's write-ahead log needs shared memory and working
file locks, which network file systems do not reliably give, and sync clients
(Dropbox, OneDrive, ...) copy the database and its WAL separately, so an open
project there can be damaged or lose edits. :func:`unsafe_location` names the
problem; the advice is always the same: keep the project local, share packages.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

HEARTBEAT_S = 30.0
STALE_S = 120.0
"""Four missed heartbeats: a window that stopped beating (a sleeping laptop, a
machine that lost the share) no longer counts."""

NETWORK_FILE_SYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "9p", "ceph", "glusterfs",
    "lustre", "gpfs", "davfs", "fuse.davfs2", "fuse.sshfs", "sshfs", "fuse.rclone",
    "fuse.s3fs", "fuse.gcsfuse", "fuse.glusterfs", "fuse.cephfs", "fuse.smbnetfs",
})
SYNC_FOLDER_NAMES = {
    "dropbox": "Dropbox", "onedrive": "OneDrive", "google drive": "Google Drive",
    "googledrive": "Google Drive", "my drive": "Google Drive", "icloud drive": "iCloud Drive",
    "icloudrive": "iCloud Drive", "com~apple~clouddocs": "iCloud Drive",
    "nextcloud": "Nextcloud", "owncloud": "ownCloud",
}
"""Default folder names (lower case) of sync clients."""
SYNC_MARKERS = {
    ".dropbox": "Dropbox", ".dropbox.cache": "Dropbox", ".stfolder": "Syncthing",
    ".stignore": "Syncthing", ".sync": "Resilio Sync", ".nextcloudsync.log": "Nextcloud",
    ".owncloudsync.log": "ownCloud", ".tmp.drivedownload": "Google Drive",
    ".tmp.driveupload": "Google Drive",
}
"""Files or folders a sync client keeps at the top of what it syncs."""
ADVICE = ("keep the project on a local disk and share work with packages "
          "(annotator assign / merge)")


@dataclass(frozen=True, slots=True)
class Presence:
    """One window that has the project open."""

    host: str
    pid: int
    annotator: str
    since: str
    heartbeat: str
    token: str = ""
    read_only: bool = False

    def describe(self, *, here: str | None = None) -> str:
        """"alice (machine lab-3, process 4711) since 2026-12-04 09:30 UTC"."""
        where = "this machine" if self.host == (here or _host()) else f"machine {self.host}"
        if self.pid == os.getpid() and self.host == (here or _host()):
            where = "another window of this program"
        else:
            where = f"{where}, process {self.pid}"
        mode = ", read-only" if self.read_only else ""
        return f"{self.annotator or 'someone'} ({where}{mode}) since {_short(self.since)}"


def presence_dir(project: Path) -> Path:
    return project.with_name(project.name + ".presence")


class Announcement:
    """This window's presence file: :meth:`start`, :meth:`beat` on a timer, :meth:`stop`."""

    def __init__(self, project: Path, annotator: str, *, read_only: bool = False) -> None:
        self.project = Path(project)
        self.token = secrets.token_hex(6)
        started = _now()
        self.entry = Presence(_host(), os.getpid(), annotator, started, started, self.token,
                              read_only)
        self.path = presence_dir(self.project) / f"{_safe(_host())}-{os.getpid()}-{self.token}.json"
        self.active = False

    def start(self) -> bool:
        """Write the file; False when the folder cannot take it (read-only media)."""
        self.active = self._write()
        return self.active

    def beat(self) -> None:
        if self.active:
            self.entry = Presence(**{**asdict(self.entry), "heartbeat": _now()})
            self._write()

    def stop(self) -> None:
        if self.active:
            self.active = False
            with contextlib.suppress(OSError):
                self.path.unlink()
            with contextlib.suppress(OSError):
                self.path.parent.rmdir()  # only when no other window is left

    def _write(self) -> bool:
        try:
            self.path.parent.mkdir(exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(asdict(self.entry)), encoding="utf-8")
            tmp.replace(self.path)  # readers never see half a file
        except OSError:
            return False
        return True


def others(project: Path, *, token: str = "", now: datetime | None = None) -> list[Presence]:
    """The windows that have ``project`` open, other than the one holding ``token``.

    Entries that are stale (no heartbeat for :data:`STALE_S`, or a dead process
    on this machine) are left out and their files removed.
    """
    folder = presence_dir(Path(project))
    if not folder.is_dir():
        return []
    moment = now or datetime.now(UTC)
    found: list[Presence] = []
    for path in sorted(folder.glob("*.json")):
        entry = _read(path)
        if entry is None or _stale(entry, moment):
            if entry is not None or _older_than(path, moment):
                with contextlib.suppress(OSError):
                    path.unlink()
            continue
        if entry.token != token:
            found.append(entry)
    return found


def describe_others(entries: Iterable[Presence]) -> str:
    """One sentence naming who else has the project open ('' when nobody)."""
    named = [e.describe() for e in entries]
    return "also open by " + "; ".join(named) if named else ""


def _read(path: Path) -> Presence | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Presence(host=str(data["host"]), pid=int(data["pid"]),
                        annotator=str(data.get("annotator", "")), since=str(data["since"]),
                        heartbeat=str(data["heartbeat"]), token=str(data.get("token", "")),
                        read_only=bool(data.get("read_only", False)))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # being replaced right now, or not ours: no entry


def _stale(entry: Presence, moment: datetime) -> bool:
    try:
        beat = datetime.fromisoformat(entry.heartbeat)
    except ValueError:
        return True
    if (moment - beat).total_seconds() > STALE_S:
        return True
    return entry.host == _host() and not _alive(entry.pid)


def _older_than(path: Path, moment: datetime) -> bool:
    """An unreadable file is swept only once it is clearly no write in progress."""
    try:
        return moment.timestamp() - path.stat().st_mtime > STALE_S
    except OSError:
        return False


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OSError:
        return True  # no way to tell (Windows): trust the heartbeat
    return True


def _host() -> str:
    return socket.gethostname() or "unknown"


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:60]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _short(moment: str) -> str:
    try:
        return datetime.fromisoformat(moment).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return moment


# ------------------------------------------------------------ unsafe locations


def unsafe_location(project: Path, *, mounts: str | None = None) -> str | None:
    """Why ``project``'s folder is unsafe for an open SQLite project (None when it is fine).

    ``mounts`` is the text of /proc/mounts (read from the system by default).
    """
    folder = Path(os.path.abspath(project)).parent
    network = _network_mount(folder, mounts)
    if network is not None:
        mount_point, fstype = network
        return (f"{project} is on a network file system ({fstype} at {mount_point}), where "
                f"SQLite's locking is not reliable and edits can be lost; {ADVICE}")
    synced = _sync_folder(folder)
    if synced is not None:
        client, where = synced
        return (f"{project} is inside a {client} folder ({where}); syncing copies the open "
                f"database and its journal separately, which can damage it; {ADVICE}")
    return None


def _network_mount(folder: Path, mounts: str | None) -> tuple[str, str] | None:
    if str(folder).startswith("\\\\"):
        return str(folder), "a Windows network share"
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    best: tuple[str, str] | None = None
    resolved = str(folder.resolve()) if folder.exists() else str(folder)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, fields[2])
    if best is not None and best[1].lower() in NETWORK_FILE_SYSTEMS:
        return best
    return None


def _sync_folder(folder: Path) -> tuple[str, Path] | None:
    for place in (folder, *folder.parents):
        for marker, client in SYNC_MARKERS.items():
            with contextlib.suppress(OSError):
                if (place / marker).exists():
                    return client, place
        with contextlib.suppress(OSError):
            if any(place.glob(".sync_*.db")) or any(place.glob("._sync_*.db")):
                return "Nextcloud or ownCloud", place
        name = place.name.lower()
        client = SYNC_FOLDER_NAMES.get(name) or ("OneDrive" if name.startswith("onedrive")
                                                 else "")  # "OneDrive - Company"
        if client:
            return client, place
    return None
