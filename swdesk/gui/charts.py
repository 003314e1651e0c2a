"""A small bar chart drawn with QPainter (QtCharts is not part of PySide6-Essentials)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from swdesk.formats import fmt_number

BAR = QColor("#4f7cac")
BAR_OVER = QColor("#c62828")
LIMIT = QColor("#c62828")
GRID = QColor("#dddddd")
TEXT = QColor("#333333")


class BarChart(QWidget):
    """Vertical bars (labels below) or horizontal bars (labels on the left), with an optional limit line.

    Bars above the limit are drawn red. ``fmt`` formats the values written at the bar ends.
    """

    def __init__(self, *, horizontal: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.title = ""
        self.labels: list[str] = []
        self.values: list[float | None] = []
        self.limit: float | None = None
        self.limit_label = ""
        self.empty_text = ""
        self.fmt: Callable[[float], str] = lambda v: fmt_number(v, 0)
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(
        self,
        title: str,
        labels: Sequence[str],
        values: Sequence[float | None],
        *,
        limit: float | None = None,
        limit_label: str = "",
        empty_text: str = "",
        fmt: Callable[[float], str] | None = None,
    ) -> None:
        self.title = title
        self.labels = list(labels)
        self.values = [None if v is None else float(v) for v in values]
        self.limit = limit
        self.limit_label = limit_label
        self.empty_text = empty_text
        if fmt is not None:
            self.fmt = fmt
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 220)

    def title_rect(self) -> QRectF:
        """Where the title is drawn: the chart's width, as many lines as the words need."""
        title_font = self.font()
        title_font.setBold(True)
        width = max(self.width() - 16, 1)
        needed = QFontMetrics(title_font).boundingRect(
            0, 0, width, 10_000, int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), self.title
        )
        return QRectF(8, 6, width, needed.height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(GRID))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        metrics = QFontMetrics(self.font())
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(TEXT)
        # a title wider than the chart goes on to a second line rather than losing its end ("…, 20")
        title_box = self.title_rect()
        painter.drawText(
            title_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, self.title
        )
        painter.setFont(self.font())
        top = title_box.bottom() + 8
        area = QRectF(8, top, self.width() - 16, self.height() - top - 8)
        present = [v for v in self.values if v is not None]
        if not present:
            painter.setPen(QColor("#777777"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            painter.end()
            return
        top = max(present + ([self.limit] if self.limit is not None else []))
        top = top * 1.12 if top > 0 else 1.0
        if self.horizontal:
            self._paint_horizontal(painter, area, metrics, top)
        else:
            self._paint_vertical(painter, area, metrics, top)
        painter.end()

    def _bar_colour(self, value: float) -> QColor:
        return BAR_OVER if self.limit is not None and value > self.limit else BAR

    def _paint_vertical(self, painter: QPainter, area: QRectF, metrics: QFontMetrics, top: float) -> None:
        line = metrics.height()
        plot = QRectF(area.left() + 4, area.top() + line, area.width() - 8, area.height() - 2 * line - 6)
        n = len(self.values)
        slot = plot.width() / max(n, 1)
        bar_width = max(4.0, slot * 0.62)
        painter.setPen(QPen(GRID))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=False)):
            x = plot.left() + i * slot + (slot - bar_width) / 2
            if value is not None:
                height = plot.height() * max(value, 0) / top
                bar = QRectF(x, plot.bottom() - height, bar_width, height)
                painter.fillRect(bar, self._bar_colour(value))
                text = self.fmt(value)
                if metrics.horizontalAdvance(text) <= slot + 6:
                    painter.setPen(TEXT)
                    painter.drawText(
                        QRectF(x - 10, bar.top() - line - 1, bar_width + 20, line),
                        Qt.AlignmentFlag.AlignCenter,
                        text,
                    )
            painter.setPen(TEXT)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot + 4))
            painter.drawText(
                QRectF(plot.left() + i * slot - 2, plot.bottom() + 3, slot + 4, line),
                Qt.AlignmentFlag.AlignCenter,
                shown,
            )
        self._paint_limit_vertical(painter, plot, metrics, top)

    def _paint_limit_vertical(
        self, painter: QPainter, plot: QRectF, metrics: QFontMetrics, top: float
    ) -> None:
        if self.limit is None:
            return
        y = plot.bottom() - plot.height() * self.limit / top
        pen = QPen(LIMIT, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        if self.limit_label:
            # above the line at the left edge, on white, so it never hides a bar's own value
            width = metrics.horizontalAdvance(self.limit_label) + 8
            box = QRectF(plot.left(), y - metrics.height() - 1, width, metrics.height())
            painter.fillRect(box, QColor(255, 255, 255, 230))
            painter.drawText(
                box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.limit_label
            )

    def _paint_horizontal(self, painter: QPainter, area: QRectF, metrics: QFontMetrics, top: float) -> None:
        """Labels on the left of the bars when they fit in under half the width, otherwise above each bar."""
        line = metrics.height()
        widest = max(metrics.horizontalAdvance(t) for t in self.labels) + 8
        value_width = max(metrics.horizontalAdvance(self.fmt(v)) for v in self.values if v is not None) + 8
        n = len(self.values)
        above = widest > area.width() * 0.45
        label_width = 0.0 if above else widest
        plot = QRectF(
            area.left() + label_width, area.top(), area.width() - label_width - value_width, area.height()
        )
        slot = min(plot.height() / max(n, 1), line * (2.9 if above else 1.8))
        bar_height = max(3.0, (slot - line) * 0.75 if above else slot * 0.7)
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=False)):
            y = plot.top() + i * slot
            painter.setPen(TEXT)
            if above:
                label_box = QRectF(area.left(), y, area.width(), line)
                bar_box = QRectF(plot.left(), y + line + 1, plot.width(), slot - line - 1)
                alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            else:
                label_box = QRectF(area.left(), y, label_width - 6, slot)
                bar_box = QRectF(plot.left(), y, plot.width(), slot)
                alignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_box.width()))
            painter.drawText(label_box, alignment, shown)
            if value is None:
                continue
            width = plot.width() * max(value, 0) / top
            bar_top = bar_box.top() + (bar_box.height() - bar_height) / 2
            painter.fillRect(QRectF(plot.left(), bar_top, width, bar_height), self._bar_colour(value))
            painter.drawText(
                QRectF(plot.left() + width + 4, bar_box.top(), value_width, bar_box.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.fmt(value),
            )
