"""The gauge bar of the printed plans: ten segments drawn as one inline text object.

A bar is one character of the document (``insert_gauge_bar``) that the document's
layout asks ``GaugeBar`` to size and paint: as wide as the gauges table's bar column,
as tall as a row of body text, with ``value`` of its segments filled. Ten table cells
per gauge looked the same but made laying out the printed plans markedly slower.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import (
    QFontMetricsF,
    QPainter,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from desktop_app.core.plan_rules import GAUGE_MAX
from desktop_app.ui import planb_print_style as style

OBJECT_TYPE = QTextFormat.ObjectTypes.UserObject + 1
VALUE = QTextFormat.Property.UserProperty + 1
SEGMENT_GAP_PX = 2.0
PADDING_PX = 1.0  # the cell padding around the text beside the bar: the bar fills it too


class GaugeBar(QPyTextObject):
    """Sizes and paints the bars of one document (registered with its layout, owned by it)."""

    def __init__(self, document: QTextDocument, width_share: float) -> None:
        super().__init__(document)
        self._width_share = width_share
        self._size = QSizeF()
        self._size_for: tuple[int, float] | None = None  # the resolution and text width it was worked out for
        document.documentLayout().registerHandler(OBJECT_TYPE, self)

    def intrinsicSize(self, document: QTextDocument, position: int, fmt: QTextFormat) -> QSizeF:
        device = document.documentLayout().paintDevice()
        text_width = max(0.0, document.pageSize().width() - 2 * document.documentMargin())
        resolution = device.logicalDpiY() if device is not None else 96
        if self._size_for != (resolution, text_width):  # Qt asks several times for every bar
            font = style.base_font()
            metrics = QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)
            height = metrics.height() + 2 * PADDING_PX * resolution / 96
            self._size = QSizeF(text_width * self._width_share, height)
            self._size_for = (resolution, text_width)
        return QSizeF(self._size)

    def drawObject(
        self, painter: QPainter, rect: QRectF, document: QTextDocument, position: int, fmt: QTextFormat
    ) -> None:
        device = document.documentLayout().paintDevice()
        gap = SEGMENT_GAP_PX * (device.logicalDpiY() / 96 if device is not None else 1.0)
        segment = (rect.width() - gap * (GAUGE_MAX - 1)) / GAUGE_MAX
        value = fmt.intProperty(VALUE)
        for index in range(GAUGE_MAX):
            colour = style.GAUGE_ON if index < value else style.GAUGE_OFF
            painter.fillRect(QRectF(rect.left() + index * (segment + gap), rect.top(), segment, rect.height()), colour)


def insert_gauge_bar(cursor: QTextCursor, value: int) -> None:
    """Insert a bar showing ``value`` of ``GAUGE_MAX`` (the document needs its ``GaugeBar``)."""
    fmt = QTextCharFormat()
    fmt.setObjectType(OBJECT_TYPE)
    fmt.setProperty(VALUE, value)
    cursor.insertText("\ufffc", fmt)
