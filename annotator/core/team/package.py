"""The annotator package file (``.annpkg``): writing it and reading it back safely.

A package is a zip holding a fixed set of members::

    manifest.json     what the package is, for whom, for which codebook, and the
                      SHA-256 and size of every other member
    manifest.sha256   the SHA-256 of manifest.json (``sha256sum`` format)
    codebook.toml     the codebook source text, byte for byte
    registry.jsonl    the actor registry as native actor lines
    documents.jsonl   a native header, then native document lines
    deletions.json    uids the annotator removed (empty in an assignment package)
    events.jsonl      the annotator's events as native event lines (only when there
                      are any, so a package without events reads in older versions)

Nothing here knows about projects: :func:`write_package` takes bytes and a
manifest, :func:`read_package` returns them after every structural check
(zip integrity, member names, sizes, checksums, format version), and the
``*_records`` functions parse and check the content members. Members are
read into memory and never extracted (after the bounds of
:mod:`annotator.core.limits`: the central directory's size and entry count
before it is parsed, each member's size, ratio and line count while it is
unpacked), so a hostile name cannot write anywhere;
such names are refused anyway, because our writer never produces them.
The checksums detect damage and casual edits, not a deliberate forgery: whoever
edits a member can recompute them (see docs/team-workflow.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core import limits as bounds
from annotator.core.errors import (
    LimitExceeded,
    PackageError,  # noqa: F401 - re-exported
    RecordError,
)
from annotator.core.native import FORMAT as NATIVE_FORMAT
from annotator.core.native import EventEntry, read_event

FORMAT = "annotator-package"
FORMAT_VERSION = 1
SUPPORTED_VERSIONS = (1,)
SUFFIX = ".annpkg"

MANIFEST = "manifest.json"
CHECKSUM = "manifest.sha256"
CODEBOOK = "codebook.toml"
REGISTRY = "registry.jsonl"
DOCUMENTS = "documents.jsonl"
DELETIONS = "deletions.json"
EVENTS = "events.jsonl"
CONTENT_MEMBERS = (CODEBOOK, REGISTRY, DOCUMENTS, DELETIONS)
OPTIONAL_MEMBERS = (EVENTS,)
"""Content members a package may lack (those of older versions never have them)."""
REQUIRED_MEMBERS = frozenset((MANIFEST, CHECKSUM, *CONTENT_MEMBERS))
MEMBERS = REQUIRED_MEMBERS | frozenset(OPTIONAL_MEMBERS)

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class PackageLimits:
    """Upper bounds checked before and while reading (zip-bomb protection)."""

    max_package_bytes: int = bounds.MAX_PACKAGE_BYTES
    max_member_bytes: int = bounds.MAX_PACKAGE_MEMBER_BYTES
    max_total_bytes: int = bounds.MAX_PACKAGE_TOTAL_BYTES
    max_manifest_bytes: int = bounds.MAX_PACKAGE_MANIFEST_BYTES
    max_ratio: int = bounds.MAX_PACKAGE_RATIO
    """Uncompressed : compressed, per member (real text packs below 20:1)."""
    max_lines: int = bounds.MAX_PACKAGE_LINES
    max_entries: int = bounds.MAX_PACKAGE_ENTRIES
    max_directory_bytes: int = bounds.MAX_PACKAGE_DIRECTORY_BYTES


DEFAULT_LIMITS = PackageLimits()


@dataclass(frozen=True, slots=True)
class Package:
    """A package read and verified: its manifest and its content members."""

    path: Path
    manifest: dict[str, Any]
    checksum: str
    members: Mapping[str, bytes]

    def text(self, name: str) -> str:
        try:
            return self.members[name].decode("utf-8")
        except UnicodeDecodeError:
            raise PackageError(f"{name} in {self.path.name} is not UTF-8 text") from None


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dumps_manifest(manifest: Mapping[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode()


# ------------------------------------------------------------------- writing


def write_package(path: Path, manifest: dict[str, Any], contents: Mapping[str, bytes]) -> str:
    """Write ``contents`` with ``manifest`` (its ``files`` list is filled in) atomically.

    Returns the package checksum (the SHA-256 of manifest.json).
    """
    missing = set(CONTENT_MEMBERS) - set(contents)
    if missing or set(contents) - set(CONTENT_MEMBERS) - set(OPTIONAL_MEMBERS):
        raise ValueError(f"a package holds {', '.join(CONTENT_MEMBERS)} and may hold "
                         f"{', '.join(OPTIONAL_MEMBERS)}")
    names = [*CONTENT_MEMBERS, *(n for n in OPTIONAL_MEMBERS if n in contents)]
    manifest = dict(manifest)
    manifest["files"] = [
        {"path": name, "sha256": sha256_bytes(contents[name]), "size": len(contents[name])}
        for name in names
    ]
    manifest_bytes = dumps_manifest(manifest)
    checksum = sha256_bytes(manifest_bytes)
    tmp = path.with_name(path.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, manifest_bytes)
            archive.writestr(CHECKSUM, f"{checksum}  {MANIFEST}\n")
            for name in names:
                archive.writestr(name, contents[name])
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return checksum


# ------------------------------------------------------------------- reading


def read_package(path: str | Path, limits: PackageLimits = DEFAULT_LIMITS) -> Package:
    """Open, check and load a package; raises :class:`PackageError` with the reason."""
    path = Path(path)
    if not path.is_file():
        raise PackageError(f"{path} does not exist or is not a file")
    if path.stat().st_size > limits.max_package_bytes:
        raise PackageError(f"{path.name} is larger than {limits.max_package_bytes // MiB} MB")
    try:
        _check_directory(path, limits)
        with zipfile.ZipFile(path) as archive:
            infos = _checked_infos(archive, limits)
            raw = {info.filename: _read_member(archive, info, limits) for info in infos}
    except zipfile.BadZipFile as exc:
        raise PackageError(f"{path.name} is damaged or truncated ({exc})") from None
    except (OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise PackageError(f"{path.name} cannot be read ({exc})") from None
    except (zlib.error, NotImplementedError) as exc:
        raise PackageError(f"{path.name} is damaged: a member cannot be unpacked ({exc})"
                           ) from None
    try:
        manifest, checksum = _verified_manifest(path, raw)
        _check_files(path, manifest, raw)
    except PackageError:
        raise
    except (TypeError, AttributeError, KeyError, ValueError) as exc:
        raise PackageError(f"{path.name} has a malformed manifest ({exc})") from None
    members = {name: raw[name] for name in (*CONTENT_MEMBERS, *OPTIONAL_MEMBERS) if name in raw}
    return Package(path, manifest, checksum, members)


_EOCD = struct.Struct("<4s4H2LH")
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")


def _check_directory(path: Path, limits: PackageLimits) -> None:
    """Refuse a central directory too large or with too many entries before zipfile
    parses it (10 million entries would cost gigabytes of ZipInfo objects)."""
    with path.open("rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        tail_start = max(0, size - _EOCD.size - 0xFFFF)
        handle.seek(tail_start)
        tail = handle.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < _EOCD.size:
            return  # not a zip file: zipfile says so in its own words
        entries, directory = _EOCD.unpack_from(tail, at)[4:6]
        locator = at - _ZIP64_LOCATOR.size
        if locator >= 0 and tail[locator:locator + 4] == b"PK\x06\x07":
            offset = _ZIP64_LOCATOR.unpack_from(tail, locator)[2]
            handle.seek(offset)
            record = handle.read(_ZIP64_EOCD.size)
            if len(record) == _ZIP64_EOCD.size and record[:4] == b"PK\x06\x06":
                entries, directory = _ZIP64_EOCD.unpack(record)[7:9]
    if entries > limits.max_entries:
        raise PackageError(f"{path.name} lists {entries:,} members; a package has "
                           f"{len(REQUIRED_MEMBERS)} or {len(MEMBERS)} (at most "
                           f"{limits.max_entries} are read)")
    if directory > limits.max_directory_bytes:
        raise PackageError(f"{path.name} has a zip directory of {directory:,} bytes, more "
                           f"than the limit of {limits.max_directory_bytes:,}")


def _checked_infos(archive: zipfile.ZipFile, limits: PackageLimits) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    seen: set[str] = set()
    total = 0
    for info in infos:
        _check_name(info)
        if info.filename in seen:
            raise PackageError(f"member {info.filename!r} appears twice")
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise PackageError(f"member {info.filename!r} is encrypted")
        _check_size(info, limits)
        total += info.file_size
    if total > limits.max_total_bytes:
        raise PackageError(f"members declare {total} bytes in all, more than the limit of "
                           f"{limits.max_total_bytes} (a zip bomb?)")
    missing = REQUIRED_MEMBERS - seen
    if missing:
        raise PackageError(f"not a complete package: {', '.join(sorted(missing))} missing")
    return infos


def _check_name(info: zipfile.ZipInfo) -> None:
    name = info.filename
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        raise PackageError(f"unsafe member {name!r}: absolute path")
    if ".." in parts:
        raise PackageError(f"unsafe member {name!r}: path leaves the package ('..')")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise PackageError(f"unsafe member {name!r}: symbolic link")
    if name not in MEMBERS:
        raise PackageError(f"unexpected member {name!r} (a package holds "
                           f"{', '.join(sorted(MEMBERS))})")


def _check_size(info: zipfile.ZipInfo, limits: PackageLimits) -> None:
    limit = limits.max_manifest_bytes if info.filename in (MANIFEST, CHECKSUM) \
        else limits.max_member_bytes
    if info.file_size > limit:
        raise PackageError(f"member {info.filename!r} declares {info.file_size} bytes, more "
                           f"than the limit of {limit} (a zip bomb?)")
    if info.compress_size and info.file_size / info.compress_size > limits.max_ratio:
        raise PackageError(f"member {info.filename!r} claims a compression ratio of "
                           f"{info.file_size // info.compress_size}:1 (a zip bomb?)")


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo,
                 limits: PackageLimits) -> bytes:
    """Read at most the declared size (and the limit) plus one byte, to catch liars,
    counting lines as it goes."""
    cap = min(info.file_size, limits.max_member_bytes)
    chunks: list[bytes] = []
    size = lines = 0
    with archive.open(info) as handle:
        while chunk := handle.read(min(1 * MiB, cap + 1 - size)):
            size += len(chunk)
            lines += chunk.count(b"\n")
            if size > cap:
                raise PackageError(f"member {info.filename!r} is larger than it declares "
                                   "(a zip bomb?)")
            if lines > limits.max_lines:
                raise PackageError(f"member {info.filename!r} has more than "
                                   f"{limits.max_lines:,} lines, the limit")
            chunks.append(chunk)
    return b"".join(chunks)


def _verified_manifest(path: Path, raw: Mapping[str, bytes]) -> tuple[dict[str, Any], str]:
    checksum = sha256_bytes(raw[MANIFEST])
    stated = raw[CHECKSUM].decode("ascii", "replace").split()
    if not stated or stated[0].lower() != checksum:
        raise PackageError(f"{path.name} was modified: manifest.json does not match its "
                           "checksum")
    try:
        manifest = bounds.loads_json(raw[MANIFEST])
    except (UnicodeDecodeError, json.JSONDecodeError, LimitExceeded) as exc:
        raise PackageError(f"{path.name}: manifest.json is not valid JSON ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError(f"{path.name} is not an annotator package")
    version = manifest.get("format_version")
    if version not in SUPPORTED_VERSIONS:
        raise PackageError(f"{path.name} uses package format version {version!r}; this "
                           f"annotator reads version {', '.join(map(str, SUPPORTED_VERSIONS))}"
                           " (install a newer annotator)")
    return manifest, checksum


def _check_files(path: Path, manifest: Mapping[str, Any], raw: Mapping[str, bytes]) -> None:
    files = manifest.get("files")
    if not isinstance(files, list) or not all(isinstance(f, dict) for f in files):
        raise PackageError(f"{path.name}: the manifest has no valid file list")
    listed = {str(f.get("path")): f for f in files}
    present = [*CONTENT_MEMBERS, *(n for n in OPTIONAL_MEMBERS if n in raw)]
    if set(listed) != set(present) or len(files) != len(listed):
        raise PackageError(f"{path.name}: the manifest lists {sorted(listed)}, expected "
                           f"{sorted(present)}")
    for name in present:
        entry, data = listed[name], raw[name]
        if entry.get("size") != len(data) or entry.get("sha256") != sha256_bytes(data):
            raise PackageError(f"{path.name} was modified or damaged: {name} does not match "
                               "the checksum in the manifest")


# ------------------------------------------------------------------ content


def _lines(package: Package, member: str) -> list[tuple[int, dict[str, Any]]]:
    out = []
    for number, line in enumerate(package.text(member).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = bounds.loads_json(line)
        except json.JSONDecodeError as exc:
            raise PackageError(f"{member} line {number}: invalid JSON ({exc.msg})") from None
        except LimitExceeded as exc:
            raise PackageError(f"{member} line {number}: {exc}") from None
        if not isinstance(item, dict):
            raise PackageError(f"{member} line {number}: not a JSON object")
        out.append((number, item))
    return out


def registry_records(package: Package) -> list[dict[str, Any]]:
    """The registry's actor lines."""
    actors = []
    for number, item in _lines(package, REGISTRY):
        if item.get("type") != "actor" or not item.get("key") or not item.get("canonical_name"):
            raise PackageError(f"{REGISTRY} line {number}: not an actor with key and "
                               "canonical_name")
        actors.append(item)
    return actors


def document_records(package: Package, annotator: str) -> list[dict[str, Any]]:
    """The document lines, each with a text matching its hash and only ``annotator``'s
    annotations."""
    out = []
    for number, item in _lines(package, DOCUMENTS):
        kind = item.get("type", "document")
        if kind == "header":
            if item.get("format") != NATIVE_FORMAT:
                raise PackageError(f"{DOCUMENTS}: unknown format {item.get('format')!r}")
            continue
        if kind != "document":
            raise PackageError(f"{DOCUMENTS} line {number}: unknown record type {kind!r}")
        _check_document(item, number, annotator)
        out.append(item)
    return out


def _check_document(item: dict[str, Any], number: int, annotator: str) -> None:
    text, digest = item.get("text"), item.get("sha256")
    if not isinstance(text, str) or not isinstance(digest, str) \
            or sha256_bytes(text.encode("utf-8")) != digest:
        raise PackageError(f"{DOCUMENTS} line {number}: the text does not match its sha256")
    try:
        bounds.check_document_length(text)
    except LimitExceeded as exc:
        raise PackageError(f"{DOCUMENTS} line {number}: {exc}") from None
    annotations = item.get("annotations", {})
    if not isinstance(annotations, dict):
        raise PackageError(f"{DOCUMENTS} line {number}: annotations must be an object")
    others = sorted(set(annotations) - {annotator})
    if others:
        raise PackageError(f"{DOCUMENTS} line {number}: a package from {annotator!r} carries "
                           f"annotations by {', '.join(map(repr, others))}")
    if not all(isinstance(v, dict) for v in annotations.values()):
        raise PackageError(f"{DOCUMENTS} line {number}: annotations must be objects")


def event_records(package: Package) -> list[EventEntry]:
    """The event lines (none in a package without ``events.jsonl``), each checked."""
    if EVENTS not in package.members:
        return []
    out = []
    for number, item in _lines(package, EVENTS):
        if item.get("type") != "event":
            raise PackageError(f"{EVENTS} line {number}: not an event record")
        try:
            out.append(read_event(item))
        except RecordError as exc:
            raise PackageError(f"{EVENTS} line {number}: {exc}") from None
    return out


def deletion_lists(package: Package) -> dict[str, list[Any]]:
    """uids of removed spans, claims and events, and cleared document fields."""
    try:
        data = bounds.loads_json(package.text(DELETIONS))
    except json.JSONDecodeError as exc:
        raise PackageError(f"{DELETIONS}: invalid JSON ({exc.msg})") from None
    except LimitExceeded as exc:
        raise PackageError(f"{DELETIONS}: {exc}") from None
    if not isinstance(data, dict):
        raise PackageError(f"{DELETIONS} must be an object")
    out = {key: data.get(key, []) for key in ("spans", "claims", "values", "events")}
    if not all(isinstance(v, list) for v in out.values()):
        raise PackageError(f"{DELETIONS}: spans, claims, values and events must be lists")
    return out
