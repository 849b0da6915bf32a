"""The project's state and the helpers every part of the façade shares.

:class:`ProjectBase` holds the open store, the path and the codebook; the
editing parts of the façade (:mod:`annotator.core.project.editing`,
:mod:`annotator.core.project.registry`) build on it, and
:class:`annotator.core.project.Project` puts them together.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from annotator.core import backup
from annotator.core.codebook import Codebook, load_codebook, parse_codebook
from annotator.core.errors import ValidationError  # noqa: F401 - re-exported
from annotator.core.models import (
    DocId,
)
from annotator.core.project import rules
from annotator.core.store.db import open_db
from annotator.core.store.repository import Repository


class ProjectBase:
    """An open project file: its path, store and codebook.

    The store (``_repo``) is private to the façade's package: the sub-façades
    hand it, or a part of it, to the services explicitly; the GUI, the CLI and
    scripts read and write only through the façade's methods.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False,
                 _create: bool = False, defer_backup: bool = False) -> None:
        self.path = Path(path) if str(path) != ":memory:" else Path(":memory:")
        self.read_only = read_only
        self._db = open_db(path, create=_create, read_only=read_only,
                           defer_backup=defer_backup, before_open=backup.before_open)
        self._repo = Repository(self._db)
        self._codebook: Codebook | None = None

    @property
    def codebook(self) -> Codebook:
        if self._codebook is None:
            text = self._repo.codebook_text()
            self._codebook = parse_codebook(text, f"{self.path} (stored codebook)") if text \
                else load_codebook()
        return self._codebook


    def text(self, doc_id: DocId) -> str:
        return self._repo.document_text(doc_id)


    def _known(self, annotator: str | None) -> Any:
        if annotator is None:
            return None
        if annotator not in self._repo.annotators():
            return -1  # matches nothing
        return self._repo.annotator_id(annotator, create=False)

    def _annotator(self, name: str) -> Any:
        return rules.annotator_id(self._repo, name)


    @staticmethod
    def _check_owner(owner: str, annotator: str, what: str) -> None:
        if owner != annotator:
            raise ValidationError(f"this {what} belongs to {owner!r}, not {annotator!r}")


def _plain(record: Any) -> Any:
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return dataclasses.asdict(record)
    return record

