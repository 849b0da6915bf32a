"""Creating an annotator's local project from a package (``Project.from_package``).

This is façade-level work, not a team service: it creates a :class:`Project`,
installs the package's codebook, imports its registry and documents, and marks
the project as that annotator's local copy. The package file format itself is
:mod:`annotator.core.team.package`; :mod:`annotator.core.team` reads it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.errors import PackageError
from annotator.core.outputs import temporary_sibling
from annotator.core.project import rules
from annotator.core.store import team as rt
from annotator.core.team import (
    INFO_ANNOTATOR,
    INFO_ORIGIN_NAME,
    INFO_ORIGIN_UID,
    INFO_PARENT,
    INFO_PARENT_CREATED,
    check_codebook_member,
)
from annotator.core.team.package import (
    CODEBOOK,
    DEFAULT_LIMITS,
    DOCUMENTS,
    EVENTS,
    REGISTRY,
    Package,
    PackageLimits,
    read_package,
)
from annotator.core.text import sha256

if TYPE_CHECKING:
    from annotator.core.project import Project


def create_from_package(project_cls: type[Project], package_path: str | Path,
                        dest_project_path: str | Path, annotator: str | None = None, *,
                        limits: PackageLimits = DEFAULT_LIMITS) -> Project:
    """Create the annotator's local project from a package; returns it open.

    ``annotator``, when given, must be the one the package was made for. The
    local project gets the package's exact codebook text, its registry, its
    documents (with that annotator's existing annotations) and assignments, and
    remembers where it came from for :func:`annotator.core.team.return_package`.
    """
    package = read_package(package_path, limits)
    owner = str(package.manifest.get("annotator") or "")
    if annotator is not None and annotator != owner:
        raise PackageError(f"this package was made for {owner!r}, not {annotator!r}")
    book_text = check_codebook_member(package)
    dest = Path(dest_project_path)
    if dest.exists():
        raise PackageError(f"{dest} already exists; choose a new file for the local project")
    # a fresh hidden name: a fixed one (NAME.opening) was deleted first, whatever it held
    building = temporary_sibling(dest)
    try:
        _build_local(project_cls, package, building, owner, book_text)
        building.rename(dest)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{building}{suffix}").unlink(missing_ok=True)
    return project_cls.open(dest)


def _build_local(project_cls: type[Project], package: Package, path: Path, annotator: str,
                 book_text: str) -> None:
    manifest = package.manifest
    with tempfile.TemporaryDirectory(prefix="annpkg-") as tmp:
        book_file = Path(tmp) / CODEBOOK
        book_file.write_bytes(package.members[CODEBOOK])
        data = Path(tmp) / "package.jsonl"
        # the annotator's events come last: their links name claims of the documents
        data.write_bytes(package.members[REGISTRY] + package.members[DOCUMENTS]
                         + package.members.get(EVENTS, b""))
        with project_cls.create(path, codebook=book_file) as project:
            if sha256(project._repo.codebook_text() or "") != sha256(book_text):
                raise PackageError("the codebook changed while installing it")
            report = project.import_paths([data], description=f"package {manifest['package_uid']}")
            if report.rejected:
                raise PackageError(f"{package.path.name}: {report.rejected[0]}")
            project_info = manifest.get("project") or {}
            with project._repo.write():
                project._repo.set_info(INFO_PARENT, str(manifest["package_uid"]))
                project._repo.set_info(INFO_PARENT_CREATED, str(manifest.get("created_at", "")))
                project._repo.set_info(INFO_ANNOTATOR, annotator)
                project._repo.set_info(INFO_ORIGIN_UID, str(project_info.get("uid", "")))
                project._repo.set_info(INFO_ORIGIN_NAME, str(project_info.get("name", "")))
                annotator_id = rules.annotator_id(project._repo, annotator)
                rt.add_assignments(project._repo,
                                   ((d, annotator_id) for d in project._repo.document_ids()))


