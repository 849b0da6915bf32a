"""Presence (who else has a project open) and the unsafe-location warning."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotator.core import presence

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/nfs nfs4 rw,relatime,vers=4.2 0 0
//nas/team /mnt/team cifs rw,vers=3.0 0 0
me@box:/data /home/me/remote fuse.sshfs rw,nosuid 0 0
tmpfs /mnt/nfs/local tmpfs rw 0 0
"""


def test_an_announcement_is_seen_by_others_and_gone_after_stop(tmp_path: Path) -> None:
    project = tmp_path / "p.annotator"
    mine = presence.Announcement(project, "alice")
    theirs = presence.Announcement(project, "bob", read_only=True)
    assert mine.start() and theirs.start()
    seen = presence.others(project, token=mine.token)
    assert [(e.annotator, e.read_only) for e in seen] == [("bob", True)]
    text = presence.describe_others(seen)
    assert text.startswith("also open by bob (another window of this program, read-only) since ")
    assert "UTC" in text
    theirs.stop()
    assert presence.others(project, token=mine.token) == []
    mine.stop()
    assert not presence.presence_dir(project).exists()  # the last one out tidies up


def _entry(folder: Path, name: str, **fields: object) -> Path:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    data = {"host": "lab-3", "pid": 4242, "annotator": "carol", "since": now,
            "heartbeat": now, "token": name, "read_only": False, **fields}
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_another_machine_is_named_and_expires_without_heartbeat(tmp_path: Path) -> None:
    project = tmp_path / "p.annotator"
    folder = presence.presence_dir(project)
    _entry(folder, "remote")
    (entry,) = presence.others(project)
    assert entry.describe().startswith("carol (machine lab-3, process 4242) since ")
    later = datetime.now(UTC) + timedelta(seconds=presence.STALE_S + 5)
    assert presence.others(project, now=later) == []
    assert not (folder / "remote.json").exists()  # swept


def test_a_dead_process_on_this_machine_does_not_count(tmp_path: Path) -> None:
    project = tmp_path / "p.annotator"
    folder = presence.presence_dir(project)
    dead = 2 ** 22 + 12345  # above any pid_max default: no such process
    _entry(folder, "crashed", host=presence._host(), pid=dead)
    _entry(folder, "alive", host=presence._host(), pid=os.getppid())
    assert [e.token for e in presence.others(project)] == ["alive"]
    assert not (folder / "crashed.json").exists()


def test_a_half_written_or_foreign_file_is_ignored(tmp_path: Path) -> None:
    project = tmp_path / "p.annotator"
    folder = presence.presence_dir(project)
    folder.mkdir()
    (folder / "broken.json").write_text('{"host": "x", "pi', encoding="utf-8")
    assert presence.others(project) == []
    assert (folder / "broken.json").exists()  # maybe being written: left for now


def test_a_folder_that_refuses_the_file_is_no_error(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only file system")

    monkeypatch.setattr(Path, "mkdir", refuse)
    announcement = presence.Announcement(tmp_path / "p.annotator", "alice")
    assert announcement.start() is False
    announcement.beat()
    announcement.stop()
    assert presence.others(tmp_path / "p.annotator") == []


@pytest.mark.parametrize(("path", "kind"), [
    ("/mnt/nfs/work/p.annotator", "nfs4"), ("/mnt/team/p.annotator", "cifs"),
    ("/home/me/remote/p.annotator", "fuse.sshfs")])
def test_network_file_systems_are_named(path: str, kind: str) -> None:
    warning = presence.unsafe_location(Path(path), mounts=MOUNTS)
    assert warning is not None and f"network file system ({kind}" in warning
    assert "keep the project on a local disk" in warning and "packages" in warning


def test_a_local_mount_inside_a_network_one_is_fine() -> None:
    assert presence.unsafe_location(Path("/mnt/nfs/local/p.annotator"), mounts=MOUNTS) is None
    assert presence.unsafe_location(Path("/srv/p.annotator"), mounts=MOUNTS) is None


@pytest.mark.parametrize(("folder", "marker", "client"), [
    ("Dropbox/team", None, "Dropbox"), ("OneDrive - Acme/work", None, "OneDrive"),
    ("Google Drive/x", None, "Google Drive"), ("Nextcloud", None, "Nextcloud"),
    ("shared/sub", ".stfolder", "Syncthing"), ("box/sub", ".dropbox", "Dropbox"),
    ("cloud/sub", "._sync_0a1b2c.db", "Nextcloud or ownCloud")])
def test_sync_folders_are_named(tmp_path: Path, folder: str, marker: str | None,
                                client: str) -> None:
    place = tmp_path / folder
    place.mkdir(parents=True)
    if marker is not None:
        (place.parent / marker).touch()
    warning = presence.unsafe_location(place / "p.annotator", mounts="")
    assert warning is not None and f"inside a {client} folder" in warning
    assert "keep the project on a local disk" in warning


def test_this_test_folder_is_safe(tmp_path: Path) -> None:
    assert presence.unsafe_location(tmp_path / "p.annotator") is None
