"""What the team service works on: the project's store, its codebook and its file name.

The façade (``project.team``) hands a :class:`TeamTarget` to the team functions
instead of itself, the way import gets an
:class:`~annotator.core.importers.ingest.IngestTarget`: the service reaches the
store and the rules but no other part of the façade. Writing a document into a
package needs the native record of it, which the façade provides as
:attr:`TeamTarget.document_record` (the native exporter's reader over the project).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.models import ActorId, DocId

if TYPE_CHECKING:
    from annotator.core.codebook import Codebook
    from annotator.core.store.repository import Repository

RecordReader = Callable[[DocId, Sequence[str], Mapping[ActorId, str]], dict[str, Any]]
"""The native record of one document with the entries of the named annotators."""


@dataclass(frozen=True, slots=True)
class TeamTarget:
    """The store and codebook a team operation reads and writes, and the project's path."""

    repo: Repository
    codebook: Codebook
    path: Path
    document_record: RecordReader
