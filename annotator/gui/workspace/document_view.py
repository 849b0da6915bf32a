"""The article view: read-only text, every span highlighted, layer keys and buttons to mark spans.

The view never writes: it reports what the annotator asked for through its
signals, in code-point offsets into the stored text (converted from Qt's
UTF-16 positions with :class:`~annotator.gui.text.offsets.OffsetMap`). The
spans, the selected one and the suggestions are drawn by
:class:`~annotator.gui.text.span_highlight.SpanHighlighter`: each stretch of
text covered by spans gets the background of its first layer, an underline in
the colour of a second overlapping layer (in a heavier weight) and an overline
for a third.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from annotator.core.assist.base import Suggestion
from annotator.core.codebook import Layer
from annotator.core.models import Document, Span
from annotator.gui.i18n import tr
from annotator.gui.text.offsets import moved_boundary, snap_to_words
from annotator.gui.text.plain import escape, plain, tip
from annotator.gui.text.span_highlight import SpanHighlighter
from annotator.gui.workspace.article_edit import ArticleEdit
from annotator.gui.workspace.find_bar import FindBar

SELECTED_UNKNOWN_COLOR = "#555555"
"""The selected span of a layer the codebook does not know."""


class DocumentView(QWidget):
    """Claim line, layer buttons, the article and the find bar."""

    sig_span_requested = Signal(str, int, int)
    """(start, end, as boilerplate): mark the selection as site chrome or as article text."""
    sig_boilerplate_requested = Signal(int, int, bool)
    """Mark ``text[start:end]`` (code points) with this layer."""
    sig_span_selected = Signal(object)
    """The span the annotator clicked (its id, an int), or None."""
    sig_delete_requested = Signal(int)
    """Remove this span."""
    sig_relabel_requested = Signal(int, str)
    """Move this span to another layer (a layer key with no text selected)."""
    sig_boundary_requested = Signal(int, int, int)
    """Move the selected span (its id) to these start and end code points."""
    sig_edit_requested = Signal()
    """Return on a selected span: go to its attributes."""
    sig_suggestion_clicked = Signal(int)
    """A click on the suggestion at this index (no span under the mouse)."""
    sig_suggestion_accept_requested = Signal()
    """Return on the current suggestion (no span selected)."""
    sig_suggestion_reject_requested = Signal()
    """Delete on the current suggestion (no span selected)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._spans: list[Span] = []
        self._selected: int | None = None
        self._highlights: list[QTextEdit.ExtraSelection] = []
        self._boilerplate: tuple[tuple[int, int], ...] = ()
        self.hide_boilerplate: QAction | None = None
        self.article_text_action: QAction | None = None
        self._layers: dict[str, Layer] = {}
        self._actor_names: dict[int, str] = {}
        self._suggestions: list[Suggestion] = []
        self._suggestion_index: int | None = None
        self.snap = True
        self._build()
        self._connect()

    def _build(self) -> None:
        self.meta = plain(QLabel())
        self.meta.setObjectName("articleMeta")
        self.meta.setAccessibleName("Document details")
        self.claim = QLabel()
        self.claim.setObjectName("claimLine")
        self.claim.setWordWrap(True)
        self.claim.setAccessibleName("Claim to check")
        self.claim.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.claim.hide()
        self.layer_bar = QHBoxLayout()
        self.layer_bar.setSpacing(4)
        self.buttons: dict[str, QToolButton] = {}
        self.edit = ArticleEdit()
        self.edit.setAccessibleName("Article text")
        self.edit.setPlaceholderText("No document. Open a project with File › Open, or start "
                                     "one with File › New project and File › Import.")
        self.edit.setAccessibleDescription(
            "Select words, then press a layer key to mark them; Delete removes the selected "
            "span; Return edits it")
        self.highlighter = SpanHighlighter(self.edit, mark_overlaps=True)
        self.find_bar = FindBar(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.meta)
        layout.addWidget(self.claim)
        layout.addLayout(self.layer_bar)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.find_bar)

    def _connect(self) -> None:
        self.edit.sig_layer_key.connect(self._on_edit_layer_key)
        self.edit.sig_delete_key.connect(self._on_edit_delete_key)
        self.edit.sig_enter_key.connect(self._on_edit_enter_key)
        self.edit.sig_escape_key.connect(self._on_edit_escape_key)
        self.edit.sig_clicked.connect(self._on_edit_clicked)
        self.edit.sig_tooltip.connect(self._on_edit_tooltip)
        self.edit.sig_boundary_key.connect(self._on_edit_boundary_key)
        self.edit.sig_edge_dragged.connect(self._on_edit_edge_dragged)

    # ------------------------------------------------------------ set up

    def set_layers(self, layers: tuple[Layer, ...]) -> None:
        """Build one button per codebook layer and bind the layer keys."""
        while self.layer_bar.count():
            item = self.layer_bar.takeAt(0)
            if item.widget():
                item.widget().setParent(None)  # gone now, not at the next event loop turn
                item.widget().deleteLater()
        self._layers = {layer.name: layer for layer in layers}
        self.highlighter.set_layers(self._layers)
        self.edit.keys = {layer.key.upper(): layer.name for layer in layers}
        self.buttons = {}
        for layer in layers:
            button = QToolButton()
            button.setText(f"{layer.label}  {layer.key}")
            button.setToolTip(tip(f"Mark the selection as {layer.label} ({layer.key})"
                                  + (f"\n{layer.description}" if layer.description else "")))
            button.setAccessibleName(f"Mark as {layer.label}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the layer key does the same
            button.setStyleSheet(f"QToolButton {{ border-left: 6px solid {layer.color}; "
                                 "padding: 2px 8px; }")
            button.clicked.connect(lambda _=False, name=layer.name: self.request_span(name))
            self.layer_bar.addWidget(button)
            self.buttons[layer.name] = button
        self.layer_bar.addStretch(1)
        button = QToolButton()
        button.setText("Boilerplate")
        button.setObjectName("boilerplate")
        button.setToolTip(tip("Mark the selection as site chrome (greyed out, left out of "
                              "suggestions, exports and agreement); the arrow: mark as "
                              "article text, or hide boilerplate"))
        button.setAccessibleName("Mark as boilerplate")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.clicked.connect(lambda _=False: self.request_boilerplate(True))
        menu = QMenu(button)
        self.article_text_action = menu.addAction("Mark selection as article text")
        self.article_text_action.setObjectName("articleText")
        self.article_text_action.triggered.connect(
            lambda _=False: self.request_boilerplate(False))
        hide = menu.addAction("Hide boilerplate")
        hide.setObjectName("hideBoilerplate")
        hide.setCheckable(True)
        hide.setToolTip("Draw boilerplate in the background colour (offsets stay; the text "
                        "is still there)")
        hide.toggled.connect(lambda _on: self._render())
        button.setMenu(menu)
        self.layer_bar.addWidget(button)
        self.buttons["boilerplate"] = button
        self.hide_boilerplate = hide

    def set_document(self, doc: Document | None, spans: list[Span]) -> None:
        self._text = doc.text if doc else ""
        self._selected = None
        self._suggestions, self._suggestion_index = [], None
        self.highlighter.set_text(self._text)
        self.edit.moveCursor(QTextCursor.MoveOperation.Start)
        self.set_meta(doc)
        self.set_spans(spans)

    def set_meta(self, doc: Document | None) -> None:
        """The line above the text (id, language, date, outlet, file) and the claim to check."""
        # the document's own id, language, date, outlet and file: data, never translated
        self.meta.setProperty("i18n_data", doc is not None)
        if doc is None:
            self.meta.setText("")
            self.claim.hide()
        else:
            parts = [f"#{doc.id}", doc.language or "?", doc.published or tr("no date"),
                     doc.outlet, doc.source_file.rsplit("/", 1)[-1]]
            self.meta.setText("  ·  ".join(p for p in parts if p))
            self.claim.setText(f"<b>Claim to check:</b> {escape(doc.claim)}")
            self.claim.setVisible(bool(doc.claim))
        self._boilerplate = doc.boilerplate if doc is not None else ()

    def set_actor_names(self, names: dict[int, str]) -> None:
        self._actor_names = names

    def set_spans(self, spans: list[Span]) -> None:
        self._spans = sorted(spans, key=lambda s: (s.start, -s.end))
        if self._selected is not None and all(s.id != self._selected for s in spans):
            self._selected = None
        self._render()

    def set_font_size(self, points: int) -> None:
        font = QFont(self.edit.font())
        font.setPointSize(points)
        self.edit.setFont(font)

    @property
    def text(self) -> str:
        return self._text

    @property
    def spans(self) -> list[Span]:
        """The spans shown, in text order."""
        return list(self._spans)

    @property
    def selected_span(self) -> Span | None:
        return next((s for s in self._spans if s.id == self._selected), None)

    # -------------------------------------------------------- selections

    def selection(self) -> tuple[int, int]:
        """The text selection in code points (snapped to words when switched on)."""
        cursor = self.edit.textCursor()
        start = self.highlighter.offsets.from_qt(cursor.selectionStart())
        end = self.highlighter.offsets.from_qt(cursor.selectionEnd())
        if self.snap:
            return snap_to_words(self._text, start, end)
        return start, end

    def select_text(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` (code points) in the widget."""
        cursor = self.edit.textCursor()
        cursor.setPosition(self.highlighter.offsets.to_qt(start))
        cursor.setPosition(self.highlighter.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.edit.setTextCursor(cursor)

    def select_span(self, span_id: int | None, *, scroll: bool = True) -> None:
        self._selected = span_id
        if span_id is not None:
            self._suggestion_index = None
        span = self.selected_span
        if span is not None and scroll:
            cursor = self.edit.textCursor()
            cursor.setPosition(self.highlighter.offsets.to_qt(span.start))
            self.edit.setTextCursor(cursor)
            self.edit.ensureCursorVisible()
        self._render(spans_changed=False)

    def request_boilerplate(self, boilerplate: bool) -> None:
        start, end = self.selection()
        if end > start:
            self.sig_boilerplate_requested.emit(start, end, boilerplate)

    @property
    def boilerplate(self) -> tuple[tuple[int, int], ...]:
        return self._boilerplate

    def request_span(self, layer: str) -> None:
        start, end = self.selection()
        if start < end:
            cursor = self.edit.textCursor()
            cursor.clearSelection()
            self.edit.setTextCursor(cursor)
            self.sig_span_requested.emit(layer, start, end)
        elif self._selected is not None:
            self.sig_relabel_requested.emit(self._selected, layer)

    # ------------------------------------------------------- suggestions

    def set_suggestions(self, suggestions: list[Suggestion]) -> None:
        """Show ``suggestions`` as dashed underlines (none current)."""
        self._suggestions = sorted(suggestions, key=lambda s: (s.start, s.end, s.layer))
        self._suggestion_index = None
        self._render(spans_changed=False)

    @property
    def suggestions(self) -> list[Suggestion]:
        """The suggestions shown, in text order."""
        return list(self._suggestions)

    @property
    def current_index(self) -> int | None:
        return self._suggestion_index

    @property
    def current_suggestion(self) -> Suggestion | None:
        i = self._suggestion_index
        return None if i is None else self._suggestions[i]

    def select_suggestion(self, index: int | None, *, scroll: bool = True) -> None:
        """Make a suggestion current (Return accepts it, Delete rejects it)."""
        self._suggestion_index = index
        if index is not None and self._selected is not None:
            self._selected = None
            self.sig_span_selected.emit(None)
        suggestion = self.current_suggestion
        if suggestion is not None and scroll:
            cursor = self.edit.textCursor()
            cursor.setPosition(self.highlighter.offsets.to_qt(suggestion.start))
            self.edit.setTextCursor(cursor)
            self.edit.ensureCursorVisible()
        self._render(spans_changed=False)

    def suggestion_at(self, cp: int) -> int | None:
        """Index of the shortest suggestion covering code point ``cp``."""
        hits = [i for i, s in enumerate(self._suggestions) if s.start <= cp < s.end]
        return min(hits, key=lambda i: self._suggestions[i].end - self._suggestions[i].start,
                   default=None)

    def span_at(self, cp: int) -> Span | None:
        """The shortest span covering code point ``cp`` (or ending right before it)."""
        for probe in (cp, cp - 1):
            hits = [s for s in self._spans if s.start <= probe < s.end]
            if hits:
                return min(hits, key=lambda s: s.end - s.start)
        return None

    # ---------------------------------------------------------- handlers

    def _on_edit_layer_key(self, layer: str) -> None:
        self.request_span(layer)

    def _on_edit_delete_key(self) -> None:
        if self._selected is not None:
            self.sig_delete_requested.emit(self._selected)
        elif self._suggestion_index is not None:
            self.sig_suggestion_reject_requested.emit()

    def _on_edit_enter_key(self) -> None:
        if self._selected is not None:
            self.sig_edit_requested.emit()
        elif self._suggestion_index is not None:
            self.sig_suggestion_accept_requested.emit()

    def _on_edit_escape_key(self) -> None:
        cursor = self.edit.textCursor()
        cursor.clearSelection()
        self.edit.setTextCursor(cursor)
        if self._suggestion_index is not None:
            self.select_suggestion(None)
        if self._selected is not None:
            self.select_span(None)
            self.sig_span_selected.emit(None)

    def _on_edit_clicked(self, pos: int) -> None:
        cp = self.highlighter.offsets.from_qt(pos)
        index = self.suggestion_at(cp)
        if index is not None and self.span_at(cp) is None:
            self.sig_suggestion_clicked.emit(index)
            return
        if self._suggestion_index is not None:
            self.select_suggestion(None)
        span = self.span_at(cp)
        new = None if span is None else int(span.id)
        if new != self._selected:
            self.select_span(new, scroll=False)
            self.sig_span_selected.emit(new)

    def _on_edit_tooltip(self, pos: int, global_pos: QPoint) -> None:
        cp = self.highlighter.offsets.from_qt(pos)
        hits = [s for s in self._spans if s.start <= cp < s.end]
        offers = [s for s in self._suggestions if s.start <= cp < s.end]
        if not hits and not offers:
            QToolTip.hideText()
            return
        lines = [f"Suggested {s.layer}: {s.text} → "
                 f"{s.actor_name or s.attributes.get('value') or '?'} "
                 "(click or Return: accept; Delete: reject)" for s in offers]
        for span in hits:
            layer = self._layers.get(span.layer)
            actor = self._actor_names.get(int(span.actor_id)) if span.actor_id else None
            value = span.attributes.get("value")
            detail = actor or (str(value) if value else "")
            lines.append(f"{layer.label if layer else span.layer}: {span.text}"
                         + (f" → {detail}" if detail else ""))
        QToolTip.showText(global_pos, tip("\n".join(lines)), self.edit)

    # ------------------------------------------------------------ render

    def _on_edit_boundary_key(self, edge: str, step: int) -> None:
        span = self.selected_span
        if span is not None:
            self._request_boundary(span, *moved_boundary(self._text, span.start, span.end,
                                                         edge, step))

    def _on_edit_edge_dragged(self, edge: str, qt_position: int) -> None:
        span = self.selected_span
        if span is None:
            return
        position = self.highlighter.offsets.from_qt(qt_position)
        start, end = (position, span.end) if edge == "start" else (span.start, position)
        if start >= end:
            return  # dragged over the other edge: nothing sensible to make of it
        if self.snap:
            start, end = snap_to_words(self._text, start, end)
        self._request_boundary(span, start, end)

    def _request_boundary(self, span: Span, start: int, end: int) -> None:
        if (start, end) != (span.start, span.end) and start < end:
            self.sig_boundary_requested.emit(span.id, start, end)

    def _render(self, *, spans_changed: bool = True) -> None:
        """Highlights: the span layer (rebuilt when the spans change) and the selected span."""
        highlighter = self.highlighter
        if spans_changed:
            self._highlights = highlighter.tints(self._spans)
        hidden = self.hide_boilerplate is not None and self.hide_boilerplate.isChecked()
        selections = [highlighter.boilerplate(a, b, hidden) for a, b in self._boilerplate]
        selections += self._highlights
        span = self.selected_span
        self.edit.edges = None
        if span is not None:
            selections.append(highlighter.solid(span.start, span.end, span.layer,
                                                SELECTED_UNKNOWN_COLOR))
            self.edit.edges = (highlighter.offsets.to_qt(span.start),
                               highlighter.offsets.to_qt(span.end))
        selections += [highlighter.suggestion(offer.start, offer.end, offer.layer,
                                              i == self._suggestion_index)
                       for i, offer in enumerate(self._suggestions)]
        highlighter.apply(selections)
