"""The tool's own exception types, in one module every layer may import.

Each error's message is written for the person at the keyboard: it names the
file or value at fault and says what to do instead. The CLI prints it as one
line; the window shows it in a message box. Every class derives from
:class:`AnnotatorError` and keeps the built-in base it had before it moved here
(``ValueError`` for bad input, ``RuntimeError`` for a state of the machine), so
``except ValueError`` in callers still works. The modules that raise them
re-export them under their old names.
"""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base of the errors the tool raises on purpose (bad input, refused requests)."""


class OutputRefusedError(AnnotatorError):
    """An output target that writing would destroy (the project, a backup, a user's folder)."""


# ---- raised by annotator.core.store.maintenance


class StorageError(AnnotatorError, RuntimeError):
    """The project file could not be read or written; the message says why and what to do."""


class DiskFullError(StorageError):
    """SQLITE_FULL: no space left on the disk (or the file reached its size limit)."""


class ReadOnlyProjectError(StorageError):
    """SQLITE_READONLY: the file, its folder or the opening is read-only."""


class ProjectBusyError(StorageError):
    """SQLITE_BUSY / SQLITE_LOCKED: another window or process kept the write lock too long."""


class DamagedProjectError(StorageError):
    """SQLITE_CORRUPT / SQLITE_NOTADB: the file is damaged; restore a backup."""


class StorageIOError(StorageError):
    """SQLITE_IOERR / SQLITE_CANTOPEN: the operating system refused to read or write."""


# ---- raised by annotator.core.store.db


class ProjectFileError(AnnotatorError, RuntimeError):
    """A path that is not a usable annotator project, with a readable reason."""


class NotAProjectError(ProjectFileError):
    """A file that is sound but no annotator project (empty, another program's database).

    Refused from its header before any connection, so it is left exactly as it was.
    """


# ---- raised by annotator.core.store.migrations


class SchemaTooNewError(AnnotatorError, RuntimeError):
    """The file was written by a newer annotator than this one."""


# ---- raised by annotator.core.project


class ValidationError(AnnotatorError, ValueError):
    """An edit that the codebook or the text does not allow; the message says why."""


class StaleEditError(AnnotatorError, ValueError):
    """An undo or redo step found its record changed by another window or process since."""


# ---- raised by annotator.gui.display (Qt-free, before Qt loads)


class NoDisplayError(AnnotatorError, RuntimeError):
    """No window can open here: no display, or a system library Qt needs is missing."""


# ---- raised by annotator.core.native


class RecordError(AnnotatorError, ValueError):
    """A native record (span, claim, value, actor) that does not fit the project."""


# ---- raised by annotator.core.codebook


class CodebookError(AnnotatorError, ValueError):
    """A codebook that cannot be used, with where and why."""

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {reason}")


# ---- raised by annotator.core.team.package


class PackageError(AnnotatorError, ValueError):
    """A package that cannot be used; the message says why, in one line."""


# ---- raised by annotator.core.exporters.base


class ExportError(AnnotatorError, RuntimeError):
    """An export that cannot be made; the message says why."""


class MissingDependency(ExportError):
    """An optional library the format needs is not installed; the message says how."""


# ---- raised by annotator.core.exporters.selection


class SelectionError(AnnotatorError, ValueError):
    """A selection that cannot be used; the message says why."""


# ---- raised by annotator.core.backup


class BackupError(AnnotatorError, RuntimeError):
    """A backup or restore that could not be done; the message says why."""


# ---- raised by annotator.core.assist.registry


class SuggesterUnavailable(AnnotatorError, RuntimeError):
    """A suggester that cannot run here (a package or model missing); the message says why."""


class ModelUnavailable(SuggesterUnavailable):
    """The project has no usable learned model (none trained, or its folder is corrupt)."""


# ---- raised by annotator.core.importers


class FileRejected(AnnotatorError, ValueError):
    """The whole file is unusable (empty, binary, wrong format)."""


# ---- raised by annotator.core.text


class UnreadableText(AnnotatorError, ValueError):
    """Bytes that are not text in any encoding we accept."""


# ---- raised by annotator.core.limits


class LimitExceeded(AnnotatorError, ValueError):
    """An input larger, longer or deeper than a documented limit; the message names it."""


# ---- raised by annotator.core.query


class QuerySyntaxError(AnnotatorError, ValueError):
    """A query that cannot be read; ``position`` is the 1-based character where the problem is."""

    def __init__(self, position: int, reason: str) -> None:
        self.position = position
        self.reason = reason
        super().__init__(f"query position {position}: {reason}")
