"""How spans look in a text widget: one segmentation, one colour choice, one way to apply them.

:func:`segments` cuts the text covered by (possibly overlapping) spans at every
span boundary. :class:`SpanHighlighter` owns one ``QPlainTextEdit`` or
``QTextEdit``: it shows a text, turns segments into ``ExtraSelections`` (the
document itself is never modified) and applies them. A segment gets the tint
of its first layer (the longest span starting first), an underline in the
colour of a second overlapping layer and, where the widget asks for it, a
heavier weight there and an overline for a third. Solid highlights (the span
selected or under review), dashed suggestions and the hatched stretch an
annotator left unmarked use the same layer colours. Offsets are code points
into the text, converted with :class:`~annotator.gui.text.offsets.OffsetMap`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from annotator.core.codebook import Layer
from annotator.gui.text.offsets import OffsetMap

TINT_ALPHA = 70
"""Opacity of a span's tint: the text stays readable under two layers."""
SUGGESTION_ALPHA = 45
UNKNOWN_COLOR = "#888888"
"""A layer the codebook does not know."""
BOILERPLATE_COLOR = "#9a9a9a"
MISSING_COLOR = "#4b5563"
MISSING_EDGE = "#374151"


class SpanLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def layer(self) -> str: ...


S = TypeVar("S", bound=SpanLike)


def segments(spans: Iterable[S]) -> list[tuple[int, int, list[S]]]:
    """Split the covered text at every span boundary: (start, end, covering spans).

    One sweep over the spans in text order; the covering spans of a segment
    come longest first among those starting together, ties in input order.
    """
    pending = sorted(spans, key=lambda s: (s.start, -s.end))
    bounds = sorted({p for s in pending for p in (s.start, s.end)})
    out: list[tuple[int, int, list[S]]] = []
    active: list[S] = []
    i = 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        while i < len(pending) and pending[i].start <= a:
            active.append(pending[i])
            i += 1
        active = [s for s in active if s.end > a]
        if active:
            out.append((a, b, sorted(active, key=lambda s: (s.start, -(s.end - s.start)))))
    return out


class SpanHighlighter:
    """Shows a text in ``edit`` and highlights spans of it as ExtraSelections.

    ``mark_overlaps``: overlapping spans are also drawn heavier (an overline
    where three meet); off where several widgets must lay out line for line alike.
    """

    def __init__(self, edit: QPlainTextEdit | QTextEdit, *, mark_overlaps: bool) -> None:
        self.edit = edit
        self.offsets = OffsetMap("")
        self._mark_overlaps = mark_overlaps
        self._layers: Mapping[str, Layer] = {}
        # one shared format per combination of layers (a long article has thousands)
        self._formats: dict[tuple[str, ...], QTextCharFormat] = {}

    # ---------------------------------------------------------------- set up

    def set_text(self, text: str) -> None:
        self.offsets = OffsetMap(text)
        self.edit.setPlainText(text)

    def set_layers(self, layers: Mapping[str, Layer]) -> None:
        """The codebook layers by name: their colours."""
        if layers != self._layers:
            self._layers = dict(layers)
            self._formats = {}

    def color(self, layer: str, unknown: str = UNKNOWN_COLOR) -> str:
        found = self._layers.get(layer)
        return found.color if found else unknown

    # ------------------------------------------------------------ selections

    def tints(self, spans: Iterable[SpanLike]) -> list[QTextEdit.ExtraSelection]:
        """Every span tinted, segment by segment."""
        return [self.selection(a, b, self._tint(cover)) for a, b, cover in segments(spans)]

    def solid(self, start: int, end: int, layer: str, unknown: str = UNKNOWN_COLOR
              ) -> QTextEdit.ExtraSelection:
        """Solid in the layer colour, white text: the span selected or under review.

        No other weight, so the text keeps its layout.
        """
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(self.color(layer, unknown)))
        fmt.setForeground(QColor("white"))
        return self.selection(start, end, fmt)

    def suggestion(self, start: int, end: int, layer: str, current: bool
                   ) -> QTextEdit.ExtraSelection:
        """Dashed underline in the layer colour; the current one also tinted, text darker."""
        key = ("?", layer, "current" if current else "")
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor(self.color(layer)))
            if current:
                tint = QColor(self.color(layer))
                tint.setAlpha(SUGGESTION_ALPHA)
                fmt.setBackground(tint)
                fmt.setForeground(QColor(self.color(layer)).darker(180))
            self._formats[key] = fmt
        return self.selection(start, end, fmt)

    def boilerplate(self, start: int, end: int, hidden: bool) -> QTextEdit.ExtraSelection:
        """Site chrome: grey text, or (hidden) text in the background colour."""
        key = ("boilerplate", "hidden" if hidden else "")
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            base = self.edit.palette().base().color()
            fmt.setForeground(base if hidden else QColor(BOILERPLATE_COLOR))
            self._formats[key] = fmt
        return self.selection(start, end, fmt)

    def missing(self, start: int, end: int) -> QTextEdit.ExtraSelection:
        """Hatched and dashed: where an annotator marked nothing of what others marked."""
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(QColor(MISSING_COLOR), Qt.BrushStyle.BDiagPattern))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor(MISSING_EDGE))
        return self.selection(start, end, fmt)

    def selection(self, start: int, end: int, fmt: QTextCharFormat
                  ) -> QTextEdit.ExtraSelection:
        """``fmt`` over ``text[start:end]`` (code points)."""
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        extra = QTextEdit.ExtraSelection()
        extra.cursor = cursor
        extra.format = fmt
        return extra

    def apply(self, selections: Sequence[QTextEdit.ExtraSelection]) -> None:
        self.edit.setExtraSelections(list(selections))

    def _tint(self, cover: Sequence[SpanLike]) -> QTextCharFormat:
        key = tuple(s.layer for s in cover[:2]) + (("+",) if len(cover) > 2 else ())
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            first = QColor(self.color(cover[0].layer))
            first.setAlpha(TINT_ALPHA)
            fmt.setBackground(first)
            if len(cover) > 1:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(self.color(cover[1].layer)))
                if self._mark_overlaps:
                    fmt.setFontWeight(QFont.Weight.DemiBold)
            if len(cover) > 2 and self._mark_overlaps:
                fmt.setFontOverline(True)
            self._formats[key] = fmt
        return fmt
