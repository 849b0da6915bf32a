"""The refusals of a merge that need no writing: checks run before the merge transaction.

A returned package is refused here when it is not a return, names no valid annotator
or time, was made for another codebook (name, version or text), reuses an id already
merged with other content, is older than a return already merged from the same local
project, or holds a document whose text this project lacks. :func:`sync_point` is the
time the merge compares master copies against (see :mod:`annotator.core.team.merge`).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from annotator.core.errors import PackageError
from annotator.core.models import GOLD, DocId
from annotator.core.store import team as rt
from annotator.core.team.package import CODEBOOK, Package, document_records, sha256_bytes
from annotator.core.text import sha256

if TYPE_CHECKING:
    from annotator.core.team.target import TeamTarget


def check_manifest(package: Package) -> str:
    """The annotator a return package names, refused unless its manifest is well formed."""
    manifest, name = package.manifest, package.path.name
    if manifest.get("kind") != "return":
        raise PackageError(f"{name} is an assignment package (made for "
                           f"{manifest.get('annotator')!r} to annotate); merge the package "
                           "they send back")
    annotator = manifest.get("annotator")
    if not isinstance(annotator, str) or not annotator or annotator == GOLD:
        raise PackageError(f"{name}: the manifest names no valid annotator")
    for key in ("package_uid", "created_at"):
        if not isinstance(manifest.get(key), str) or not manifest[key]:
            raise PackageError(f"{name}: the manifest has no {key}")
    created = parse_time(manifest["created_at"], name)
    if created > _latest_credible():
        # A clock set wrong (or a forged date) must not make every later return look
        # older than this one: the package counts as made now.
        manifest[FUTURE_KEY] = manifest["created_at"]
        manifest["created_at"] = datetime.now(UTC).isoformat(timespec="milliseconds")
    return annotator


FUTURE_KEY = "created_at_in_the_future"
"""Set in a manifest whose creation time was in the future (the time it stated)."""
CLOCK_SKEW = timedelta(minutes=10)


def _latest_credible() -> datetime:
    return datetime.now(UTC) + CLOCK_SKEW


def future_warnings(package: Package) -> list[str]:
    """The warning for a package whose stated creation time was in the future."""
    stated = package.manifest.get(FUTURE_KEY)
    if not stated:
        return []
    return [f"the package says it was made {str(stated)[:19]}, in the future (a clock set "
            "wrong?); it was merged as made now"]


def parse_time(value: Any, source: str) -> datetime:
    """An ISO time with a zone; ``source`` names where it came from in the refusal."""
    try:
        stamp = datetime.fromisoformat(str(value))
    except ValueError:
        raise PackageError(f"{source}: {value!r} is not a valid time") from None
    if stamp.tzinfo is None:
        raise PackageError(f"{source}: time {value!r} has no time zone")
    return stamp


def check_codebook(target: TeamTarget, package: Package) -> None:
    stated = package.manifest.get("codebook") or {}
    if sha256_bytes(package.members[CODEBOOK]) != stated.get("sha256"):
        raise PackageError(f"{package.path.name}: codebook.toml is not the codebook the "
                           "manifest names")
    master_text = target.repo.codebook_text() or target.codebook.source_text
    book = target.codebook
    if (stated.get("name"), stated.get("version")) != (book.name, book.version):
        raise PackageError(
            f"{package.path.name} was made for codebook {stated.get('name')} "
            f"{stated.get('version')}, but this project uses {book.name} {book.version}; "
            "nothing was merged")
    if stated.get("sha256") != sha256(master_text):
        raise PackageError(
            f"{package.path.name} was made for a different text of codebook {book.name} "
            f"{book.version} than this project's; nothing was merged")


def already_merged(target: TeamTarget, package: Package) -> bool:
    uid = package.manifest["package_uid"]
    for item in rt.packages(target.repo, "in"):
        if item["package_uid"] != uid:
            continue
        if item["checksum"] == package.checksum:
            return True
        raise PackageError(f"{package.path.name}: a different package with the same id was "
                           f"merged on {item['at'][:19]}; this one was altered")
    return False


def sync_point(target: TeamTarget, package: Package) -> datetime:
    """When master and local project last agreed: the parent package's creation or the
    latest return from the same local project already merged."""
    manifest, name = package.manifest, package.path.name
    created = parse_time(manifest["created_at"], name)
    parent = str(manifest.get("parent_package_uid") or "")
    points = [parse_time(manifest["parent_created_at"], name)] \
        if manifest.get("parent_created_at") else []
    for item in rt.packages(target.repo, "in", manifest["annotator"]):
        summary = item["summary"]
        if not parent or summary.get("parent") != parent:
            continue
        earlier = min(parse_time(summary.get("created_at"), "the package log"),
                      _latest_credible())
        if earlier > created:
            raise PackageError(
                f"{name} is older than a package from the same annotator already merged "
                f"(made {summary.get('created_at', '')[:19]}); merge only the newest")
        points.append(earlier)
    return max(points) if points else created

def matched_documents(target: TeamTarget, package: Package, annotator: str
               ) -> list[tuple[DocId, dict[str, Any]]]:
    out, missing = [], []
    for item in document_records(package, annotator):
        doc_id = target.repo.doc_id_by_sha(item["sha256"])
        if doc_id is None:
            missing.append(item.get("title") or item["sha256"][:12])
        else:
            out.append((doc_id, item))
    if missing:
        raise PackageError(
            f"{package.path.name} holds {len(missing)} document(s) whose text is not in this "
            f"project (first: {missing[0]!r}); nothing was merged")
    return out


def foreign_origin(target: TeamTarget, package: Package) -> bool:
    """Whether the package names a project other than this one (documents still match by text)."""
    origin = (package.manifest.get("project") or {}).get("uid", "")
    mine = target.repo.info("project_uid")
    return bool(origin and mine and origin != mine)
