"""Bar charts painted with QPainter (PySide6-Essentials has no QtCharts).

Sizes come from the font metrics, so the charts stay readable at any scaling; the numbers are
also in the accessible description, for screen readers and for tests.
"""

from collections.abc import Mapping, Sequence
from typing import Final

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

DEFAULT_COLOR: Final = QColor("#3b6ea5")
# Determination colours with enough contrast for the value labels drawn beside them.
DETERMINATION_COLORS: Final = {
    "dismiss": QColor("#2e7d32"), "reduce": QColor("#1565c0"), "review": QColor("#b26a00"),
    "not_eligible": QColor("#6d6d6d"), "challenge": QColor("#a12622"),
}  # fmt: skip


class BarChart(QWidget):
    """Horizontal bars (labels left, values right) or vertical columns (labels below)."""

    def __init__(
        self,
        title: str,
        bars: Sequence[tuple[str, int]] = (),
        *,
        vertical: bool = False,
        colors: Mapping[str, QColor] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.vertical = vertical
        self.colors = dict(colors or {})
        self.bars: list[tuple[str, int]] = []
        self.setAccessibleName(title)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so a reader can speak it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_bars(bars)

    def set_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        self.bars = [(str(label), int(value)) for label, value in bars]
        described = ", ".join(f"{label}: {value:,}" for label, value in self.bars)
        self.setAccessibleDescription(described or "no data")
        self.setToolTip(described)
        self.updateGeometry()
        self.update()

    def _line(self) -> int:
        return self.fontMetrics().height()

    def sizeHint(self) -> QSize:
        line = self._line()
        if self.vertical:
            return QSize(line * 30, line * 14)
        rows = max(len(self.bars), 1)
        width = self._label_width() + line * 16
        return QSize(width, int(line * (2.0 + rows * 1.5)) + line)

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        if self.vertical:
            return QSize(self._line() * 16, hint.height())
        return QSize(self._label_width() + self._line() * 8, hint.height())

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(label) for label, _ in self.bars), default=0)

    def _color(self, label: str) -> QColor:
        return self.colors.get(label, DEFAULT_COLOR)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        line = self._line()
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_color)
        painter.drawText(QRectF(0, 0, self.width(), line * 1.5),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        painter.setFont(self.font())
        body = QRectF(0, line * 2.0, self.width(), self.height() - line * 2.0)
        if not self.bars:
            painter.drawText(body, Qt.AlignmentFlag.AlignLeft, "No data")
        elif self.vertical:
            self._paint_columns(painter, body, text_color)
        else:
            self._paint_rows(painter, body, text_color)
        painter.end()

    def _paint_rows(self, painter: QPainter, body: QRectF, text_color: QColor) -> None:
        line = self._line()
        metrics = self.fontMetrics()
        label_width = self._label_width() + line
        top_value = max(value for _, value in self.bars) or 1
        value_room = metrics.horizontalAdvance(f"{top_value:,}") + line
        span = max(body.width() - label_width - value_room, line)
        for index, (label, value) in enumerate(self.bars):
            y = body.top() + index * line * 1.5
            painter.setPen(text_color)
            painter.drawText(QRectF(0, y, label_width - line / 2, line * 1.2),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            length = span * value / top_value
            painter.fillRect(QRectF(label_width, y + line * 0.1, max(length, 1), line),
                             self._color(label))
            painter.drawText(QRectF(label_width + length + line / 3, y, value_room, line * 1.2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{value:,}")

    def _paint_columns(self, painter: QPainter, body: QRectF, text_color: QColor) -> None:
        line = self._line()
        metrics = self.fontMetrics()
        top_value = max(value for _, value in self.bars) or 1
        value_width = metrics.horizontalAdvance(f"{top_value:,}") + line / 2
        left = value_width + line / 2
        plot = QRectF(left, body.top() + line / 2, body.width() - left - line / 2,
                      body.height() - line * 2.5)
        slot = plot.width() / len(self.bars)
        widest = max(metrics.horizontalAdvance(label) for label, _ in self.bars) + line
        every = max(1, int(widest // slot) + (1 if widest % slot else 0))  # labels never overlap
        last = len(self.bars) - 1
        labelled = {i for i in range(0, last + 1, every) if i == last or i <= last - every}
        labelled.add(last)  # the last bar (often `unknown`) is always named
        painter.setPen(text_color)
        painter.drawText(QRectF(0, plot.top() - line / 2, value_width, line),
                         Qt.AlignmentFlag.AlignRight, f"{top_value:,}")
        painter.drawText(QRectF(0, plot.bottom() - line / 2, value_width, line),
                         Qt.AlignmentFlag.AlignRight, "0")
        painter.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()),
                         int(plot.bottom()))
        for index, (label, value) in enumerate(self.bars):
            x = plot.left() + index * slot
            height = plot.height() * value / top_value
            painter.fillRect(QRectF(x + slot * 0.15, plot.bottom() - height, slot * 0.7, height),
                             self._color(label))
            if index in labelled:
                left_edge = min(max(x + slot / 2 - widest / 2, 0), self.width() - widest)
                painter.drawText(QRectF(left_edge, plot.bottom() + line / 4, widest, line * 1.2),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
