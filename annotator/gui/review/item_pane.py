"""The centre of the review window: one item shown in the text of every annotator and compared.

A heading names the document and the disagreement; below it the article once
per annotator (:class:`~annotator.gui.review.columns.AnnotatorColumns`) with the
item emphasised and scrolled into view, and a table comparing the versions
field by field, differing fields first, with the gold version as it stands.
The pane only reads the project (texts, spans, gold records, actor names).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import GOLD, Span
from annotator.core.project import Project
from annotator.core.review import Item, Version, compare
from annotator.gui import i18n
from annotator.gui.review.columns import AnnotatorColumns
from annotator.gui.review.models import VersionTableModel
from annotator.gui.text.plain import escape


class ItemPane(QWidget):
    """Heading, annotator columns and the version comparison of one item."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._document_cache: tuple[int, str, dict[str, list[Span]]] | None = None
        self._actor_names: dict[int, str] = {}
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Item under review")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.columns = AnnotatorColumns()
        self.columns.layers = {layer.name: layer
                               for layer in i18n.localized(project.codebook).layers}
        self.versions = VersionTableModel(self)
        self.version_view = QTableView()
        self.version_view.setModel(self.versions)
        self.version_view.setAccessibleName("Versions compared")
        self.version_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.version_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.columns)
        splitter.addWidget(self.version_view)
        splitter.setSizes([600, 220])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)

    def reset(self) -> None:
        """Forget cached texts and actor names (after a reload)."""
        self._document_cache = None
        self._actor_names = {int(a.id): a.canonical_name for a in self.project.actors()}

    # ---------------------------------------------------------------- show

    def show_item(self, item: Item | None, title: str = "") -> None:
        if item is None:
            self.heading.setText("<i>No disagreement selected</i>")
            self.versions.set_rows([], [])
            return
        text, spans = self.document(item)
        names = [v.annotator for v in item.versions]
        self.columns.set_text(names, text)
        reach = _reach(item)
        first: int | None = None
        for version, column in zip(item.versions, self.columns.columns, strict=True):
            column.summary.setText(escape(self.describe(item, version)))
            own = spans.get(version.annotator, [])
            emphasised = _emphasised(version)
            missing = reach if version.empty and item.kind == "span" else None
            column.render(own, self.columns.layers, emphasised, missing)
            starts = [s.start for s in own if s.id in emphasised]
            if starts and first is None:
                first = min(starts)
        for column in self.columns.columns:  # they scroll together; reveal in each anyway
            column.reveal(first if first is not None else reach[0] if reach else 0)
        self._compare(item, spans)
        self.heading.setText(f"<b>#{item.doc_id} {escape(title)}</b><br>{escape(item.label())}"
                             f"{': ' + escape(item.detail) if item.detail else ''}")

    def _compare(self, item: Item, spans: dict[str, list[Span]]) -> None:
        gold_spans = self.project.spans(item.doc_id, GOLD)
        gold = self.gold_version(item, gold_spans)
        names = [v.annotator for v in item.versions]
        headers = [f"{i + 1}  {n}" for i, n in enumerate(names)] + ["gold"]
        by_id = {int(s.id): s.text for own in [*spans.values(), gold_spans] for s in own}
        rows = compare.version_rows(item, [*item.versions, gold], self.actor_name,
                                    lambda span_id: by_id.get(int(span_id), "?"))
        self.versions.set_rows(headers, compare.differing_first(rows, len(names)), len(names))

    def describe(self, item: Item, version: Version) -> str:
        return compare.describe_version(item, version, self.actor_name)

    # --------------------------------------------------------------- reading

    def document(self, item: Item) -> tuple[str, dict[str, list[Span]]]:
        """The text and every annotator's spans of the item's document (one cached)."""
        doc_id = int(item.doc_id)
        if self._document_cache is None or self._document_cache[0] != doc_id:
            text = self.project.text(item.doc_id)
            spans = {v.annotator: self.project.spans(item.doc_id, v.annotator)
                     for v in item.versions}
            self._document_cache = (doc_id, text, spans)
        return self._document_cache[1], self._document_cache[2]

    def gold_version(self, item: Item, gold_spans: list[Span] | None = None) -> Version:
        """What the gold layer holds for ``item`` now (by the provenance's item key)."""
        if gold_spans is None:
            gold_spans = self.project.spans(item.doc_id, GOLD)
        spans = tuple(s for s in gold_spans if s.provenance.get("item") == item.key)
        claim = next((c for c in self.project.claims(item.doc_id, GOLD)
                      if c.provenance.get("item") == item.key), None)
        value = self.project.values(item.doc_id, GOLD).get(item.layer) \
            if item.kind == "value" else None
        return Version(GOLD, spans, claim, value)

    def actor_name(self, actor_id: Any) -> str:
        if actor_id is None:
            return ""
        name = self._actor_names.get(int(actor_id))
        if name is None:
            try:
                name = self.project.actor(actor_id).canonical_name
            except KeyError:
                name = f"actor {actor_id}"
            self._actor_names[int(actor_id)] = name
        return name


def _reach(item: Item) -> tuple[int, int] | None:
    spans = [s for v in item.versions for s in v.spans]
    if not spans:
        return None
    return min(s.start for s in spans), max(s.end for s in spans)


def _emphasised(version: Version) -> set[int]:
    ids = {int(s.id) for s in version.spans}
    claim = version.claim
    if claim is not None:
        ids |= {int(i) for i in claim.demand_span_ids}
        ids |= {int(i) for i in (claim.date_span_id, claim.source_span_id) if i is not None}
    return ids


