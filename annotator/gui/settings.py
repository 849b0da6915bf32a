"""One typed wrapper over QSettings: window layout, font size, language, recent projects, name.

Only user-interface state lives here, never annotation data. The store is an
INI file: by default the per-user one Qt chooses, or the file given to
:class:`Settings` (the tests point it at ``tmp_path``; the screenshot command
uses a throw-away one so it leaves a user's settings alone).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
DEFAULT_FONT_SIZE = 11
MIN_FONT_SIZE, MAX_FONT_SIZE = 7, 32


class Settings:
    """Typed access to the persistent user-interface settings."""

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                 "annotator", "annotator")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    # -------------------------------------------------------------- window

    @property
    def geometry(self) -> QByteArray:
        return QByteArray(self._qs.value("window/geometry", QByteArray()))

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        return QByteArray(self._qs.value("window/state", QByteArray()))

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    def splitter_sizes(self, name: str) -> list[int]:
        raw = self._qs.value(f"splitters/{name}", [])
        if isinstance(raw, str):
            raw = [raw]
        try:
            return [int(x) for x in raw or []]
        except (TypeError, ValueError):
            return []

    def set_splitter_sizes(self, name: str, sizes: list[int]) -> None:
        self._qs.setValue(f"splitters/{name}", [str(s) for s in sizes])

    # ---------------------------------------------------------- annotating

    @property
    def font_size(self) -> int:
        size = int(self._qs.value("view/font_size", DEFAULT_FONT_SIZE, type=int))
        return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))

    @font_size.setter
    def font_size(self, value: int) -> None:
        self._qs.setValue("view/font_size", max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, value)))

    @property
    def snap_to_words(self) -> bool:
        return bool(self._qs.value("view/snap_to_words", True, type=bool))

    @snap_to_words.setter
    def snap_to_words(self, value: bool) -> None:
        self._qs.setValue("view/snap_to_words", bool(value))

    @property
    def annotator_name(self) -> str:
        return str(self._qs.value("annotator/name", "", type=str))

    @annotator_name.setter
    def annotator_name(self, value: str) -> None:
        self._qs.setValue("annotator/name", value.strip())

    @property
    def language(self) -> str:
        """The interface language chosen in View > Language ("": the system's)."""
        return str(self._qs.value("view/language", "", type=str))

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("view/language", value)

    # ------------------------------------------------------------ projects

    @property
    def recent_projects(self) -> list[str]:
        raw = self._qs.value("projects/recent", [])
        if isinstance(raw, str):
            raw = [raw]
        return [str(p) for p in raw or [] if p]

    def add_recent_project(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        items = [path, *(p for p in self.recent_projects if p != path)][:MAX_RECENT]
        self._qs.setValue("projects/recent", items)

    def last_document(self, project_path: str | Path) -> int | None:
        """The document last shown in this project (so a reopened window resumes there)."""
        key = "last_document/" + _key(project_path)
        value = self._qs.value(key, 0, type=int)
        return int(value) or None

    def set_last_document(self, project_path: str | Path, doc_id: int) -> None:
        self._qs.setValue("last_document/" + _key(project_path), int(doc_id))


def _key(path: str | Path) -> str:
    """A QSettings key for a file path (slashes would make sub-groups)."""
    import hashlib

    return hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:16]
