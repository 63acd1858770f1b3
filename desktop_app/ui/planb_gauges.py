"""The gauges of a printed plan: four labelled bars drawn by one inline text object.

The gauges are one character of the document (``insert_gauges``) that the document's
layout asks ``GaugePanel`` to size and paint: one row per gauge with its name, a bar of
ten segments with ``value`` of them filled, and "5 of 10". The names and values are
drawn as text, so they are real text in a PDF. A table of gauge rows with a bar object
in each looked the same, but its cells, frames and four objects per plan made printing
twenty plans markedly slower.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPaintDevice,
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
FIRST_VALUE = QTextFormat.Property.UserProperty + 1  # the gauges' values, one property each
COLUMNS = (0.255, 0.515, 0.23)  # shares of the text width: name, bar, "5 of 10"
SEGMENT_GAP_PX = 2.0  # between two segments, and between two rows (1/96 inch)
PADDING_PX = 1.0  # above and below the text of a row: the bar fills it too
TEXT_GAP_PX = 4.0  # between a column's text and the next column
LABEL_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)


def _tr(text: str) -> str:
    return QCoreApplication.translate("planb_gauges", text)


def gauge_label(name: str) -> str:
    labels = {
        "resources": _tr("Resources"),
        "liking": _tr("How much I like it"),
        "confidence": _tr("Confidence"),
        "coherence": _tr("Fits who I am"),
    }
    return labels[name]


def value_text(value: int) -> str:
    return _tr("{value} of {max}").format(value=value, max=GAUGE_MAX)


class GaugePanel(QPyTextObject):
    """Sizes and paints the gauge panels of one document (registered with its layout, owned by it)."""

    def __init__(self, document: QTextDocument, names: Sequence[str]) -> None:
        super().__init__(document)
        self._labels = [gauge_label(name) for name in names]
        self._fonts = (style.base_font(), _bold(style.base_font()))
        self._sizes: dict[tuple[int, float], tuple[QSizeF, tuple[float, ...]]] = {}
        document.documentLayout().registerHandler(OBJECT_TYPE, self)

    def text_of(self, fmt: QTextFormat) -> str:
        """What the panel of ``fmt`` says, a line per gauge."""
        return "\n".join(f"{label} {value_text(_value(fmt, row))}" for row, label in enumerate(self._labels))

    def intrinsicSize(self, document: QTextDocument, position: int, fmt: QTextFormat) -> QSizeF:
        return QSizeF(self._measure(document)[0])

    def drawObject(
        self, painter: QPainter, rect: QRectF, document: QTextDocument, position: int, fmt: QTextFormat
    ) -> None:
        scale = _scale(document.documentLayout().paintDevice())
        heights = self._measure(document)[1]
        widths = [rect.width() * share for share in COLUMNS]
        gap, padding, text_gap = SEGMENT_GAP_PX * scale, PADDING_PX * scale, TEXT_GAP_PX * scale
        painter.save()
        painter.setPen(style.INK)
        top = rect.top()
        for row, height in enumerate(heights):
            value = _value(fmt, row)
            painter.setFont(self._fonts[0])
            label = QRectF(rect.left(), top + padding, widths[0] - text_gap, height - 2 * padding)
            painter.drawText(label, LABEL_FLAGS, self._labels[row])
            left = rect.left() + widths[0]
            segment = (widths[1] - text_gap - gap * (GAUGE_MAX - 1)) / GAUGE_MAX
            for index in range(GAUGE_MAX):
                colour = style.GAUGE_ON if index < value else style.GAUGE_OFF
                painter.fillRect(QRectF(left + index * (segment + gap), top, segment, height), colour)
            painter.setFont(self._fonts[1])
            number = QRectF(left + widths[1], top + padding, widths[2], height - 2 * padding)
            painter.drawText(number, LABEL_FLAGS, value_text(value))
            top += height + gap
        painter.restore()

    def _measure(self, document: QTextDocument) -> tuple[QSizeF, tuple[float, ...]]:
        """The panel's size and each row's height, for the document's text width and printer."""
        device = document.documentLayout().paintDevice()
        width = max(0.0, document.pageSize().width() - 2 * document.documentMargin())
        key = (device.logicalDpiY() if device is not None else 96, width)
        if key not in self._sizes:  # Qt asks again each time it paints the panel
            scale = _scale(device)
            label_width = max(1.0, width * COLUMNS[0] - TEXT_GAP_PX * scale)
            value_width = max(1.0, width * COLUMNS[2])
            label_metrics, value_metrics = (_metrics(font, device) for font in self._fonts)
            value_height = value_metrics.boundingRect(
                QRectF(0, 0, value_width, 1e6), LABEL_FLAGS, value_text(GAUGE_MAX)
            ).height()
            heights = tuple(
                max(
                    label_metrics.boundingRect(QRectF(0, 0, label_width, 1e6), LABEL_FLAGS, label).height(),
                    value_height,
                )
                + 2 * PADDING_PX * scale
                for label in self._labels
            )
            total = sum(heights) + SEGMENT_GAP_PX * scale * (len(heights) - 1)
            self._sizes[key] = (QSizeF(width, total), heights)
        return self._sizes[key]


def insert_gauges(cursor: QTextCursor, values: Sequence[int]) -> None:
    """Insert a panel showing ``values`` (one per gauge, 0 to ``GAUGE_MAX``); the document needs its panel."""
    fmt = QTextCharFormat()
    fmt.setObjectType(OBJECT_TYPE)
    for row, value in enumerate(values):
        fmt.setProperty(FIRST_VALUE + row, int(value))
    cursor.insertText("\ufffc", fmt)


def _value(fmt: QTextFormat, row: int) -> int:
    return max(0, min(GAUGE_MAX, fmt.intProperty(FIRST_VALUE + row)))


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def _scale(device: QPaintDevice | None) -> float:
    return device.logicalDpiY() / 96 if device is not None else 1.0


def _metrics(font: QFont, device: QPaintDevice | None) -> QFontMetricsF:
    return QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)
