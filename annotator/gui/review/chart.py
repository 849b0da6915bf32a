"""A horizontal bar chart of agreement coefficients, painted with QPainter (no chart library).

One bar per entry from 0 (or the lowest negative value) to 1, coloured by
Krippendorff's usual thresholds (green from 0.8, amber from 0.667, red below),
with the bootstrap interval as a whisker and the thresholds as dashed lines.
Click or Up/Down selects a bar, double-click or Enter asks to review it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

THRESHOLDS = (0.667, 0.8)
BAR_COLORS = ("#e15759", "#f28e2b", "#59a14f")


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float | None
    low: float | None = None
    high: float | None = None


def bar_color(value: float | None) -> QColor:
    if value is None:
        return QColor("#c0c4cc")
    return QColor(BAR_COLORS[sum(value >= t for t in THRESHOLDS)])


class BarChart(QWidget):
    """Coefficient bars; the selected one is outlined."""

    sig_selected = Signal(int)
    """A bar was clicked or reached with the arrow keys (its index)."""
    sig_activated = Signal(int)
    """A bar was double-clicked or Enter was pressed on it (its index)."""

    ROW = 22
    LABEL_WIDTH = 190
    MARGIN = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.selected = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Agreement chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    def set_bars(self, bars: list[Bar], selected: int = -1) -> None:
        self.bars = list(bars)
        self.selected = selected if 0 <= selected < len(bars) else -1
        described = "; ".join(f"{b.label} {'n/a' if b.value is None else f'{b.value:.2f}'}"
                              for b in self.bars)
        self.setAccessibleDescription(described)
        self.updateGeometry()
        self.update()

    def select(self, index: int) -> None:
        if 0 <= index < len(self.bars) and index != self.selected:
            self.selected = index
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(460, self.MARGIN * 2 + 24 + self.ROW * max(len(self.bars), 3))

    # ------------------------------------------------------------ geometry

    def _scale(self) -> tuple[float, float]:
        values = [v for b in self.bars for v in (b.value, b.low) if v is not None]
        return min([0.0, *values]), 1.0

    def _x(self, value: float, plot: QRectF) -> float:
        low, high = self._scale()
        return plot.left() + (value - low) / (high - low) * plot.width()

    def _plot(self) -> QRectF:
        return QRectF(self.LABEL_WIDTH, self.MARGIN + 16,
                      max(40.0, self.width() - self.LABEL_WIDTH - self.MARGIN - 44),
                      self.ROW * len(self.bars))

    def index_at(self, y: float) -> int:
        row = int((y - self._plot().top()) // self.ROW)
        return row if 0 <= row < len(self.bars) and y >= self._plot().top() else -1

    # -------------------------------------------------------------- paint

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.bars:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No coefficients yet")
            return
        plot = self._plot()
        self._axis(painter, plot)
        for index, bar in enumerate(self.bars):
            self._bar(painter, plot, index, bar)
        painter.end()

    def _axis(self, painter: QPainter, plot: QRectF) -> None:
        low, _high = self._scale()
        painter.setPen(QPen(QColor("#6b7280")))
        ticks = [t for t in (-1.0, -0.5, 0.0, *THRESHOLDS, 1.0) if t >= low]
        for tick in ticks:
            x = self._x(tick, plot)
            dashed = tick in THRESHOLDS
            pen = QPen(QColor("#9ca3af" if dashed else "#d1d5db"))
            pen.setStyle(Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(QColor("#4b5563"))
            painter.drawText(QRectF(x - 22, self.MARGIN - 2, 44, 16),
                             Qt.AlignmentFlag.AlignCenter, f"{tick:g}")

    def _bar(self, painter: QPainter, plot: QRectF, index: int, bar: Bar) -> None:
        top = plot.top() + index * self.ROW
        label = QRectF(self.MARGIN, top, self.LABEL_WIDTH - 2 * self.MARGIN, self.ROW)
        painter.setPen(self.palette().text().color())
        shown = painter.fontMetrics().elidedText(bar.label, Qt.TextElideMode.ElideRight,
                                                 int(label.width()))
        painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         shown)
        zero = self._x(0.0, plot)
        if bar.value is not None:
            end = self._x(bar.value, plot)
            rect = QRectF(min(zero, end), top + 4, abs(end - zero) or 1, self.ROW - 8)
            painter.fillRect(rect, bar_color(bar.value))
            if bar.low is not None and bar.high is not None:
                painter.setPen(QPen(QColor("#111827"), 1.2))
                y = top + self.ROW / 2
                a, b = self._x(bar.low, plot), self._x(bar.high, plot)
                painter.drawLine(QPointF(a, y), QPointF(b, y))
                painter.drawLine(QPointF(a, y - 4), QPointF(a, y + 4))
                painter.drawLine(QPointF(b, y - 4), QPointF(b, y + 4))
        painter.setPen(QColor("#374151"))
        painter.drawText(QRectF(plot.right() + 4, top, 40, self.ROW),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         "n/a" if bar.value is None else f"{bar.value:.2f}")
        if index == self.selected:
            pen = QPen(self.palette().highlight().color(), 2)
            painter.setPen(pen)
            painter.drawRect(QRectF(2, top + 1, self.width() - 4, self.ROW - 2))

    # -------------------------------------------------------------- input

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().y())
        if index >= 0:
            self.select(index)
            self.sig_selected.emit(index)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().y())
        if index >= 0:
            self.sig_activated.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.bars:
            step = -1 if key == Qt.Key.Key_Up else 1
            index = max(0, min(len(self.bars) - 1, self.selected + step))
            self.select(index)
            self.sig_selected.emit(index)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected >= 0:
            self.sig_activated.emit(self.selected)
            return
        super().keyPressEvent(event)
