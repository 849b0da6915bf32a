"""Hostile team packages: random bytes, damaged zips, forged members with random content.

The property, for every input: ``merge_package`` either merges correctly
(``Project.check`` clean) or raises :class:`PackageError` and leaves the
master exactly as it was (same native export, same row counts); opening a
hostile package as a local project raises ``PackageError`` (or
``CodebookError``) and leaves no file behind. Forged packages carry
recomputed checksums, as a deliberate edit would, so their content reaches
the merge itself.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import Project, team
from annotator.core.errors import CodebookError, PackageError
from annotator.core.store.maintenance import table_counts
from annotator.core.team.package import (
    CONTENT_MEMBERS,
    DELETIONS,
    DOCUMENTS,
    MANIFEST,
    REGISTRY,
    write_package,
)
from tests.storage import raw, write_locked

EXAMPLES = int(os.environ.get("RELIABILITY_EXAMPLES", "60"))
FUZZ = settings(max_examples=max(10, EXAMPLES // 2), deadline=None,
                derandomize=bool(os.environ.get("CI")),  # CI: reproducible examples
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TEXT = ("Chancellor Olaf Scholz urged President Vladimir Putin to withdraw his troops. "
        "The call took place on Monday, according to Die Zeit.")
LOGGED = {"import_batches", "history", "packages"}
KNOWN_MERGE_ESCAPES: tuple[type[BaseException], ...] = ()
"""Exceptions team_merge still lets out for forged packages whose annotations have the
wrong JSON types (spans that are not a list, a gloss that is an object ...): found by these
tests and reported to team_merge's owner (fix: catch them with KeyError/ValueError in
merge_package). Tolerated only when the master is unchanged; empty once fixed."""
KNOWN_READ_ESCAPES: tuple[type[BaseException], ...] = ()
"""read_package lets these out for a damaged zip: zlib.error when the deflate stream is
damaged (about one single-byte flip in four does it), NotImplementedError when the flip hits
a compression-method or version field. Found by test_damaged_zip_bytes and reported to
team_package's owner (fix: add both to the ``except`` around the member reads); tolerated
only when the master is unchanged. Empty once fixed."""
STATS: Counter[str] = Counter()


@dataclass
class Setting:
    master: Path
    good: Path
    members: dict[str, bytes]
    manifest: dict[str, Any]
    folder: Path
    counter: Iterator[int]


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setting]:
    folder = tmp_path_factory.mktemp("packages")
    source = folder / "a.jsonl"
    source.write_text("".join(json.dumps({"text": f"{TEXT} Day {i}.", "language": "en"}) + "\n"
                              for i in range(3)), encoding="utf-8")
    master = folder / "master.annotator"
    with Project.create(master) as project:
        project.import_paths([source])
        project.add_actor("Olaf Scholz", key="olaf-scholz")
        docs = [d.id for d in project.documents()]
        info = project.team.make_package("alice", folder / "alice.annpkg", docs)
    local = Project.from_package(info.path, folder / "local.annotator", "alice")
    doc = local.documents()[0].id
    local.add_span(doc, "alice", "ACTOR", 11, 22)
    local.set_value(doc, "alice", "relevance", "yes")
    good = local.team.return_package(folder / "return.annpkg").path
    local.close()
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members[MANIFEST])
    manifest.pop("files")
    yield Setting(master, good, members, manifest, folder, iter(range(10**9)))
    stats = os.environ.get("RELIABILITY_STATS")
    if stats:
        with open(stats, "a", encoding="utf-8") as out:
            out.write(json.dumps({f"packages: {k}": v for k, v in STATS.items()}) + "\n")


def _fingerprint(project: Project, folder: Path) -> tuple[str, dict[str, int]]:
    out = folder / "fingerprint.jsonl"
    project.exports.native(out, timestamp=False, force=True)
    with raw(project.path) as conn:
        counts = {k: v for k, v in table_counts(conn).items() if k not in LOGGED}
    return hashlib.sha256(out.read_bytes()).hexdigest(), counts


def _merge(setting: Setting, package: Path, *, known: tuple[type[BaseException], ...] = ()
           ) -> str:
    """Merge into a fresh copy of the master; check the property; returns the outcome."""
    number = next(setting.counter)
    copy = setting.folder / f"m{number}.annotator"
    shutil.copy(setting.master, copy)
    with Project.open(copy) as project:
        before = _fingerprint(project, setting.folder)
        try:
            project.team.merge(package)
        except PackageError as exc:
            assert str(exc).strip()
            outcome = "refused"
        except known as exc:
            outcome = f"known escape {type(exc).__name__}"
        else:
            outcome = "merged"
            assert project.check() == []
        if outcome != "merged":
            assert not write_locked(project.path)
            assert _fingerprint(project, setting.folder) == before, f"{outcome} changed it"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(copy.with_name(copy.name + ".backups"), ignore_errors=True)
    STATS[outcome] += 1
    return outcome


def _forge(setting: Setting, members: dict[str, bytes], manifest: dict[str, Any] | None = None
           ) -> Path:
    """A package with the given content and checksums recomputed (a deliberate edit)."""
    path = setting.folder / f"forged{next(setting.counter)}.annpkg"
    contents = {name: members.get(name, setting.members[name]) for name in CONTENT_MEMBERS}
    write_package(path, dict(manifest if manifest is not None else setting.manifest), contents)
    return path


json_scalars = (st.none() | st.booleans() | st.integers(-(2**70), 2**70)
                | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12))
json_values = st.recursive(json_scalars, lambda kids: st.lists(kids, max_size=3)
                           | st.dictionaries(st.text(max_size=8), kids, max_size=3),
                           max_leaves=8)


def test_the_untouched_package_merges(setting: Setting) -> None:
    assert _merge(setting, setting.good) == "merged"


@FUZZ
@given(data=st.binary(max_size=4000))
def test_random_bytes_as_a_package(setting: Setting, data: bytes) -> None:
    path = setting.folder / f"junk{next(setting.counter)}.annpkg"
    path.write_bytes(data)
    assert _merge(setting, path, known=KNOWN_READ_ESCAPES) != "merged"


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 255)), min_size=1,
                      max_size=8))
def test_damaged_zip_bytes(setting: Setting, flips: list[tuple[int, int]]) -> None:
    data = bytearray(setting.good.read_bytes())
    for where, xor in flips:
        data[where % len(data)] ^= xor
    path = setting.folder / f"flipped{next(setting.counter)}.annpkg"
    path.write_bytes(bytes(data))
    _merge(setting, path, known=KNOWN_READ_ESCAPES)


@FUZZ
@given(entry=st.dictionaries(st.sampled_from(["spans", "claims", "values", "status",
                                              "provenance"]), json_values, max_size=4))
def test_forged_annotations_of_random_shape(setting: Setting, entry: dict[str, Any]) -> None:
    lines = setting.members[DOCUMENTS].decode().splitlines()
    record = json.loads(lines[1])
    record["annotations"] = {"alice": entry}
    lines[1] = json.dumps(record)
    path = _forge(setting, {DOCUMENTS: ("\n".join(lines) + "\n").encode()})
    _merge(setting, path, known=KNOWN_MERGE_ESCAPES)


@FUZZ
@given(start=st.integers(-5, 200), end=st.integers(-5, 200),
       layer=st.sampled_from(["ACTOR", "DEMAND", "NOPE"]), text=st.none() | st.text(max_size=8),
       uid=st.text("0123456789abcdef", min_size=1, max_size=8))
def test_forged_span_offsets(setting: Setting, start: int, end: int, layer: str,
                             text: str | None, uid: str) -> None:
    lines = setting.members[DOCUMENTS].decode().splitlines()
    record = json.loads(lines[1])
    span: dict[str, Any] = {"uid": uid, "layer": layer, "start": start, "end": end}
    if text is not None:
        span["text"] = text
    record["annotations"] = {"alice": {"spans": [span], "status": "in_progress"}}
    lines[1] = json.dumps(record)
    outcome = _merge(setting, _forge(setting, {DOCUMENTS: ("\n".join(lines) + "\n").encode()}))
    valid = 0 <= start < end <= len(record["text"]) and layer != "NOPE" and \
        (text is None or text == record["text"][start:end])
    assert outcome == ("merged" if valid else "refused")


@FUZZ
@given(member=st.sampled_from([REGISTRY, DOCUMENTS, DELETIONS]),
       body=st.binary(max_size=300) | st.lists(json_values, max_size=4).map(
           lambda items: "\n".join(json.dumps(i) for i in items).encode()))
def test_forged_members_with_random_content(setting: Setting, member: str, body: bytes) -> None:
    _merge(setting, _forge(setting, {member: body}), known=KNOWN_MERGE_ESCAPES)


@FUZZ
@given(changes=st.dictionaries(st.sampled_from(["kind", "annotator", "package_uid",
                                                "created_at", "parent_created_at",
                                                "codebook", "format_version", "project"]),
                               json_values, min_size=1, max_size=3))
def test_forged_manifests(setting: Setting, changes: dict[str, Any]) -> None:
    _merge(setting, _forge(setting, {}, {**setting.manifest, **changes}),
           known=KNOWN_MERGE_ESCAPES)


@FUZZ
@given(data=st.binary(max_size=2000) | st.just(b""))
def test_opening_a_hostile_package_leaves_nothing_behind(setting: Setting, data: bytes) -> None:
    number = next(setting.counter)
    path = setting.folder / f"open{number}.annpkg"
    path.write_bytes(data)
    dest = setting.folder / f"local{number}.annotator"
    with pytest.raises((PackageError, CodebookError)):
        Project.from_package(path, dest)
    assert not dest.exists()
    assert not list(setting.folder.glob(f"local{number}.annotator*"))


def test_damaged_deflate_data_is_refused_cleanly(setting: Setting) -> None:
    """Single-bit flips all over a good package: always PackageError, never zlib.error."""
    data = setting.good.read_bytes()
    path = setting.folder / "flip.annpkg"
    refused = 0
    for where in range(0, len(data), 3):
        damaged = bytearray(data)
        damaged[where] ^= 0x01
        path.write_bytes(bytes(damaged))
        try:
            team.read_package(path)
        except PackageError:
            refused += 1
    assert refused > len(data) // 6  # most flips break the checksum or the zip


def test_wrongly_typed_annotations_are_refused_cleanly(setting: Setting) -> None:
    lines = setting.members[DOCUMENTS].decode().splitlines()
    for entry in ({"spans": 5}, {"values": [1]}, {"claims": "ab"}):
        record = json.loads(lines[1])
        record["annotations"] = {"alice": entry}
        forged = _forge(setting, {DOCUMENTS: ("\n".join([lines[0], json.dumps(record)])
                                              + "\n").encode()})
        assert _merge(setting, forged) == "refused"
