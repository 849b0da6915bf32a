"""The actor registry's table model and its filter: one row per actor, one column per field.

:class:`ActorTableModel` shows each registry actor with its aliases split by
language; :class:`ActorFilterProxy` keeps the rows whose names or fields
contain every typed word, ignoring case and diacritics.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from annotator.core.assist.actors import fold
from annotator.core.models import Actor
from annotator.gui.i18n import translate
from annotator.gui.text.plain import tip

Index = QModelIndex | QPersistentModelIndex
ROLE_ID = Qt.ItemDataRole.UserRole + 1
"""The actor id of a row (same role number as the other item models)."""
ROLE_RECORD = Qt.ItemDataRole.UserRole + 2
"""The :class:`Actor` of a row."""
ROLE_SEARCH = Qt.ItemDataRole.UserRole + 3
"""Every name and field of a row, folded, for the filter."""

ALIAS_LANGUAGES = ("sv", "nb", "en", "de")
"""Languages with their own alias column; others show in "Other aliases" with a prefix."""
_DISPLAY = Qt.ItemDataRole.DisplayRole


class ActorTableModel(QAbstractTableModel):
    """One row per registry actor."""

    COLUMNS: tuple[tuple[str, str], ...] = (
        ("canonical_name", "Name"),
        *((f"aliases:{lang}", f"Aliases ({lang})") for lang in ALIAS_LANGUAGES),
        ("aliases:other", "Other aliases"),
        ("qid", "QID"), ("country", "Country"), ("sector", "Sector"),
        ("actor_type", "Type"), ("title", "Title"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._actors: list[Actor] = []
        self._search: list[str] = []

    def set_actors(self, actors: list[Actor]) -> None:
        self.beginResetModel()
        self._actors = list(actors)
        self._search = [_search_text(a) for a in self._actors]
        self.endResetModel()

    def actor_at(self, row: int) -> Actor:
        return self._actors[row]

    def row_of(self, actor_id: int) -> int:
        return next((i for i, a in enumerate(self._actors) if a.id == actor_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._actors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._actors):
            return None
        actor = self._actors[index.row()]
        if role in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            value = _cell(actor, self.COLUMNS[index.column()][0])
            return value if role == _DISPLAY else tip(str(value))
        if role == ROLE_ID:
            return int(actor.id)
        if role == ROLE_RECORD:
            return actor
        if role == ROLE_SEARCH:
            return self._search[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and \
                0 <= section < len(self.COLUMNS):
            return translate(self.COLUMNS[section][1])
        return None


def _cell(actor: Actor, column: str) -> str:
    if column.startswith("aliases:"):
        lang = column.partition(":")[2]
        if lang == "other":
            return "; ".join(a.alias if a.lang in ("*", "") else f"{a.lang}: {a.alias}"
                             for a in actor.aliases if a.lang not in ALIAS_LANGUAGES)
        return "; ".join(a.alias for a in actor.aliases if a.lang == lang)
    return str(getattr(actor, column))


def _search_text(actor: Actor) -> str:
    parts = [actor.key, actor.qid, actor.country, actor.sector, actor.actor_type, actor.title,
             *actor.names()]
    return fold(" \n ".join(parts))


class ActorFilterProxy(QSortFilterProxyModel):
    """Rows whose names or fields contain every typed word (ignoring case and diacritics)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = str(model.data(model.index(source_row, 0, source_parent), ROLE_SEARCH))
        return all(word in haystack for word in self._words)
