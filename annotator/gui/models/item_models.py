"""Qt item models over the core's dataclasses: documents, spans, claims, import reports.

Each is a :class:`~annotator.gui.models.record_table.RecordTableModel` (or its
list flavour) whose column table says how a record looks.
:class:`DocumentListModel` pages through ``Project.documents(limit, offset)``
with ``canFetchMore``/``fetchMore``: a 100,000-document project shows its
first rows after one small query, no text is ever loaded, and sorting or
filtering re-queries SQL instead of sorting in Python.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from annotator.core.models import Claim, DocId, DocumentSummary, Span, Status
from annotator.core.project import Project
from annotator.gui.models.record_table import (
    Column,
    Index,
    RecordListModel,
    RecordTableModel,
)
from annotator.gui.models.roles import (
    ACCESSIBLE,
    ALIGN,
    ALIGN_CENTER,
    CHECK_STATE,
    DECORATION,
    DISPLAY,
    FOREGROUND,
    ROLE_ID,
    ROLE_RECORD,
    TOOLTIP,
)

STATUS_MARKS = {Status.NOT_STARTED: "○", Status.IN_PROGRESS: "◐", Status.DONE: "●"}
STATUS_LABELS = {Status.NOT_STARTED: "not started", Status.IN_PROGRESS: "in progress",
                 Status.DONE: "done"}


def _document_column(key: str, header: str, tooltip: str) -> Column:
    def shown(doc: DocumentSummary) -> Any:
        return getattr(doc, key)

    return Column(key, header, tooltip, {DISPLAY: shown, TOOLTIP: lambda doc: doc.title,
                                         ACCESSIBLE: shown})


DOCUMENT_COLUMNS = (
    Column("status", "", "Status for the annotator", {
        DISPLAY: lambda doc: STATUS_MARKS[doc.status],
        TOOLTIP: lambda doc: STATUS_LABELS[doc.status],
        ACCESSIBLE: lambda doc: STATUS_LABELS[doc.status],
        ALIGN: lambda _doc: ALIGN_CENTER}),
    _document_column("language", "Lang", "Language"),
    _document_column("title", "Title", "Title"),
    _document_column("outlet", "Outlet", "Outlet"),
    _document_column("published", "Date", "Publication date"),
)
"""The document list; a column's key is also its SQL sort order."""
_RECORD_ROLES = {ROLE_ID: lambda record: int(record.id), ROLE_RECORD: lambda record: record}


def _record_id(record: Any) -> int:
    return int(record.id)


class DocumentListModel(RecordTableModel):
    """The project's documents, one page of summaries at a time."""

    PAGE = 200

    def __init__(self, parent: Any = None) -> None:
        super().__init__(DOCUMENT_COLUMNS, row_roles=_RECORD_ROLES, key=_record_id,
                         parent=parent)
        self._project: Project | None = None
        self._exhausted = True
        self._filters: dict[str, Any] = {}
        self._annotator = ""
        self._sort = ("id", False)
        self.total = 0

    # --------------------------------------------------------------- setup

    def set_project(self, project: Project | None, annotator: str) -> None:
        self._project = project
        self._annotator = annotator
        self.reload()

    def set_filters(self, *, status: str = "", language: str = "", search: str = "",
                    annotator: str = "") -> None:
        """Filter on status (for ``annotator``, default the session's), language, words."""
        self._filters = {k: v for k, v in (("status", status), ("language", language),
                                           ("search", search.strip())) if v}
        if annotator:
            self._annotator = annotator
        self.reload()

    def query(self) -> dict[str, Any]:
        """The filters and order the rows follow, as Project.documents() arguments."""
        sort, descending = self._sort
        return {**self._filters, "annotator": self._annotator, "sort": sort,
                "descending": descending}

    def reload(self) -> None:
        # the count and the paging state are ready before the reset is announced
        self._exhausted = self._project is None
        query = {k: v for k, v in self.query().items() if k not in ("sort", "descending")}
        self.total = 0 if self._project is None else self._project.count_documents(**query)
        self.set_rows([])
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].key if 0 <= column < len(self.columns) else "id"
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        self.reload()

    # -------------------------------------------------------------- paging

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._project is None or self._exhausted:
            return
        page = self._project.documents(**self.query(), limit=self.PAGE,
                                       offset=self.rowCount())
        self._exhausted = len(page) < self.PAGE
        self.append_rows(page)

    # -------------------------------------------------------- for the view

    def doc_id_at(self, row: int) -> DocId | None:
        doc = self.record(row)
        return None if doc is None else doc.id

    def row_of(self, doc_id: int) -> int | None:
        return self.find_row(int(doc_id))

    def first_unfinished(self) -> DocId | None:
        """The first document in list order not done (in progress ones first), by SQL."""
        if self._project is None:
            return None
        for status in (Status.IN_PROGRESS, Status.NOT_STARTED):
            found = self._project.documents(**{**self.query(), "status": status.value},
                                            limit=1)
            if found:
                return found[0].id
        return None

    def set_status(self, doc_id: int, status: Status) -> None:
        """Show a new status without re-querying (the row stays even if filtered out)."""
        row = self.row_of(doc_id)
        if row is None or self.record(row).status is status:
            return
        self.replace_row(row, dataclasses.replace(self.record(row), status=status), 0, 0)

    def set_summary(self, doc_id: int, **fields: str) -> None:
        """Show edited document metadata (language, date, title) in place."""
        row = self.row_of(doc_id)
        known = {k: v for k, v in fields.items() if k in DocumentSummary.__dataclass_fields__}
        if row is None or not known:
            return
        self.replace_row(row, dataclasses.replace(self.record(row), **known))


class SpanListModel(RecordListModel):
    """The annotator's spans of one document; optionally checkable (a claim's demand spans)."""

    sig_checked_changed = Signal(list)
    """The user (un)checked a span: the checked span ids, in text order."""

    def __init__(self, labels: dict[str, tuple[str, str]] | None = None,
                 actor_name: Callable[[int], str] | None = None, *,
                 checkable: bool = False, parent: Any = None) -> None:
        column = Column("span", cells={DISPLAY: self._display, DECORATION: self._colour,
                                       TOOLTIP: self._tooltip, CHECK_STATE: self._check})
        super().__init__(column, row_roles=_RECORD_ROLES, key=_record_id, parent=parent)
        self._labels = labels or {}  # layer -> (label, colour)
        self._actor_name = actor_name or str
        self._checkable = checkable
        self._checked: set[int] = set()

    def row_of(self, span_id: int | None) -> int | None:
        return None if span_id is None else self.find_row(int(span_id))

    def set_checked(self, span_ids: list[int] | tuple[int, ...]) -> None:
        self._checked = {int(s) for s in span_ids}
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def checked(self) -> list[int]:
        return [int(s.id) for s in self.rows() if s.id in self._checked]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self._checkable and index.isValid():
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self._checkable and index.isValid() and role == CHECK_STATE):
            return False
        span_id = int(self.record(index.row()).id)
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(span_id)
        else:
            self._checked.discard(span_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.sig_checked_changed.emit(self.checked())
        return True

    def _label(self, span: Span) -> tuple[str, str]:
        return self._labels.get(span.layer, (span.layer, "#888888"))

    def _display(self, span: Span) -> str:
        text = span.text if len(span.text) <= 60 else span.text[:57] + "…"
        actor = f" → {self._actor_name(span.actor_id)}" if span.actor_id else ""
        return f"{self._label(span)[0]}: {text}{actor}"

    def _colour(self, span: Span) -> QColor:
        return QColor(self._label(span)[1])

    def _tooltip(self, span: Span) -> str:
        return f"{self._label(span)[0]} {span.start}–{span.end}: {span.text}"

    def _check(self, span: Span) -> Qt.CheckState | None:
        if not self._checkable:
            return None
        return Qt.CheckState.Checked if span.id in self._checked else Qt.CheckState.Unchecked


class ClaimListModel(RecordListModel):
    """The annotator's demand frames in one document."""

    def __init__(self, actor_name: Callable[[int], str] | None = None,
                 parent: Any = None) -> None:
        column = Column("claim", cells={DISPLAY: self._text, TOOLTIP: self._text})
        super().__init__(column, row_roles=_RECORD_ROLES, key=_record_id, parent=parent)
        self._actor_name = actor_name or str

    def row_of(self, claim_id: int | None) -> int | None:
        return None if claim_id is None else self.find_row(int(claim_id))

    def _text(self, claim: Claim) -> str:
        who = self._actor_name(claim.claimant_id) if claim.claimant_id else "?"
        whom = f" → {self._actor_name(claim.addressee_id)}" if claim.addressee_id else ""
        gloss = f": {claim.gloss}" if claim.gloss else ""
        return f"{claim.event_type} {who}{whom}{gloss}"


ROW_COLOURS = {"rejected": "#b3261e", "accepted": "#1b6e3a"}
"""The first cell of a :class:`RowsModel` row reading these words is shown in the colour."""


def _text_column(position: int, header: str) -> Column:
    def text(row: tuple[str, ...]) -> str:
        return row[position] if position < len(row) else ""

    cells: dict[int, Callable[[Any], Any]] = {DISPLAY: text, TOOLTIP: text}
    if position == 0:
        cells[FOREGROUND] = lambda row: QColor(ROW_COLOURS[row[0]]) \
            if row[0] in ROW_COLOURS else None
    return Column(f"column{position}", header, cells=cells)


class RowsModel(RecordTableModel):
    """A read-only table of text rows: the import report, the shortcut list.

    A first cell reading "rejected" is shown in red, "accepted" in green.
    """

    def __init__(self, headers: tuple[str, ...], rows: list[tuple[str, ...]],
                 parent: Any = None) -> None:
        super().__init__([_text_column(i, h) for i, h in enumerate(headers)], parent=parent)
        self.set_rows(rows)
