"""Qt table models for the review and agreement windows: adapters over core data, no own state.

:class:`QueueModel` lists :class:`~annotator.core.review.Item` disagreements
with their decision; :class:`QueueFilterProxy` filters them by kind, by
"decided" and by a :class:`~annotator.core.review.compare.ReviewFilter`.
:class:`VersionTableModel` shows the annotators' versions of one item side by
side. Both are :class:`~annotator.gui.models.record_table.RecordTableModel` s;
the agreement report's models are in :mod:`annotator.gui.review.report_models`
and the roles of both in :mod:`annotator.gui.models.roles`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QColor, QFont

from annotator.core.review import Item
from annotator.core.review.compare import ReviewFilter
from annotator.gui.i18n import translate
from annotator.gui.models.record_table import Column, Index, RecordTableModel
from annotator.gui.models.roles import (
    ALIGN,
    ALIGN_CENTER,
    BACKGROUND,
    DECORATION,
    DISPLAY,
    FONT,
    FOREGROUND,
    ROLE_DECIDED,
    ROLE_ITEM,
    ROLE_KIND,
    TOOLTIP,
)

SEVERITY_COLORS = {5: "#d62728", 4: "#ff7f0e", 3: "#e6b800", 2: "#8fbc8f", 1: "#9aa5b1"}
DECISION_MARKS = {"accept": "✓", "reject": "✗"}
DECIDED_COLOR = "#6b7280"
DIFFERS_COLOR = "#fff3c4"


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _item_tooltip(item: Item) -> str:
    return f"{translate(item.label())}: {translate(item.detail)}\n{item.key}"


# ------------------------------------------------------------------ queue


class QueueModel(RecordTableModel):
    """The disagreement queue, most severe first, each row with its decision (if any)."""

    def __init__(self, parent: Any = None) -> None:
        centred = {ALIGN: lambda _item: ALIGN_CENTER}
        columns = (
            Column("done", "", "Decided", {DISPLAY: self._mark, TOOLTIP: self._decided_by,
                                           **centred}),
            Column("severity", "Sev.", "Severity", {
                DISPLAY: lambda item: str(item.severity), TOOLTIP: _item_tooltip,
                DECORATION: lambda item: QColor(SEVERITY_COLORS.get(item.severity, "#cccccc")),
                **centred}),
            Column("kind", "Disagreement", "Kind of disagreement",
                   {DISPLAY: lambda item: translate(item.label()), TOOLTIP: _item_tooltip}),
            Column("document", "Document", "Document", {
                DISPLAY: lambda item: f"#{item.doc_id} {self.title(item.doc_id)}",
                TOOLTIP: lambda item: self.title(item.doc_id)}),
            Column("detail", "Detail", "Detail",
                   {DISPLAY: lambda item: translate(item.detail) or item.key,
                    TOOLTIP: _item_tooltip}),
        )
        row_roles = {
            ROLE_ITEM: lambda item: item, ROLE_KIND: lambda item: item.disagreement,
            ROLE_DECIDED: self.decision,
            FONT: lambda item: _bold() if self.decision(item) is None else None,
            FOREGROUND: lambda item: None if self.decision(item) is None
            else QColor(DECIDED_COLOR)}
        super().__init__(columns, row_roles=row_roles,
                         key=lambda item: (int(item.doc_id), item.key), parent=parent)
        self._titles: dict[int, str] = {}
        self._decisions: dict[tuple[int, str], dict[str, Any]] = {}

    def set_items(self, items: list[Item], titles: dict[int, str],
                  decisions: list[dict[str, Any]]) -> None:
        self._titles = dict(titles)
        self._decisions = {(int(d["doc_id"]), str(d["item_key"])): d for d in decisions}
        self.set_rows(items)

    def set_document_decisions(self, doc_id: int, decisions: list[dict[str, Any]]) -> None:
        """Replace what is known about one document's decisions (after decide/undo)."""
        fresh = {(int(d["doc_id"]), str(d["item_key"])): d for d in decisions}
        stale = [k for k in self._decisions if k[0] == doc_id]
        changed = {k for k in stale if self._decisions.get(k) != fresh.get(k)} | \
            {k for k in fresh if self._decisions.get(k) != fresh[k]}
        for key in stale:
            del self._decisions[key]
        self._decisions.update(fresh)
        for key in changed:
            row = self.find_row(key)
            if row is not None:
                self.row_changed(row)

    def item(self, row: int) -> Item:
        return self._rows[row]

    def row_of(self, doc_id: int, key: str) -> int | None:
        return self.find_row((int(doc_id), key))

    def decision(self, item: Item) -> dict[str, Any] | None:
        return self._decisions.get((int(item.doc_id), item.key))

    def title(self, doc_id: int) -> str:
        return self._titles.get(int(doc_id), "")

    def progress(self) -> tuple[int, int]:
        """(adjudicated, disagreements): the same count as review.progress()."""
        items = self._rows
        done = sum(1 for i in items if (int(i.doc_id), i.key) in self._decisions)
        return done, len(items)

    def kind_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self._rows:
            counts[str(item.disagreement)] = counts.get(str(item.disagreement), 0) + 1
        return counts

    def _mark(self, item: Item) -> str:
        decided = self.decision(item)
        return DECISION_MARKS.get(decided["decision"], "") if decided else ""

    def _decided_by(self, item: Item) -> str:
        decided = self.decision(item)
        if decided is None:
            return "not decided yet"
        source = f" ({decided['from_annotator']}'s version)" \
            if decided["from_annotator"] else ""
        return f"{decided['decision']}ed{source} by {decided['decided_by']}"


class QueueFilterProxy(QSortFilterProxyModel):
    """Filters the queue by kind, by 'show decided' and by a ReviewFilter; keeps its order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kind = ""
        self._show_decided = True
        self._filter = ReviewFilter()

    @property
    def review_filter(self) -> ReviewFilter:
        return self._filter

    def set_kind(self, kind: str) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_show_decided(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_decided = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_review_filter(self, review_filter: ReviewFilter) -> None:
        self.beginFilterChange()
        self._filter = review_filter
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        item: Item = index.data(ROLE_ITEM)
        if self._kind and item.disagreement != self._kind:
            return False
        if not self._show_decided and index.data(ROLE_DECIDED) is not None:
            return False
        return self._filter.matches(item)


# ------------------------------------------------------------- versions


class VersionTableModel(RecordTableModel):
    """Rows of fields, one column per annotator (and gold): one item's versions compared.

    A row's record is ``(field label, [value per column])``.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self._compared = 0

    def set_rows(self, headers: list[str],  # type: ignore[override]  # columns come with rows
                 rows: list[tuple[str, list[str]]], compared: int | None = None) -> None:
        """``compared``: how many leading columns are annotators (the rest, e.g. gold, are
        shown but do not count when marking differing rows)."""
        self._compared = len(headers) if compared is None else compared
        self.set_table([self._column(i, h) for i, h in enumerate(headers)],
                       [(label, list(values)) for label, values in rows])

    def differs(self, row: int) -> bool:
        return self._differs(self._rows[row])

    def _differs(self, record: tuple[str, list[str]]) -> bool:
        return len(set(record[1][:self._compared])) > 1

    def _column(self, position: int, header: str) -> Column:
        def value(record: tuple[str, list[str]]) -> str | None:
            values = record[1]
            return values[position] if position < len(values) else None

        def background(record: tuple[str, list[str]]) -> QColor | None:
            shown = position < len(record[1]) and position < self._compared
            return QColor(DIFFERS_COLOR) if shown and self._differs(record) else None

        def font(record: tuple[str, list[str]]) -> QFont | None:
            return _bold() if position < len(record[1]) and self._differs(record) else None

        return Column(header, header, header, {DISPLAY: value, TOOLTIP: value,
                                               BACKGROUND: background, FONT: font})

    def row_header(self, row: int, role: int) -> Any:
        if role not in (DISPLAY, TOOLTIP):
            return None
        label = self._rows[row][0]
        return f"≠ {label}" if role == DISPLAY and self.differs(row) else label
