"""Fonts, colours and text formats of the printed plans (one place to tune the look)."""

from __future__ import annotations

import functools

from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat, QTextFrameFormat, QTextLength, QTextTableFormat

FONT_FAMILY = "DejaVu Sans"
BODY_PT = 9.5
INK = QColor("#1d1d1f")
MUTED = QColor("#5f6368")
RULE = QColor("#b8bcc2")
HEADER_FILL = QColor("#eef0f3")
TRIGGER_FILL = QColor("#fff6d6")
TRIGGER_BORDER = QColor("#d9a400")
ALARM = QColor("#b00020")
ALARM_FILL = QColor("#fde7ea")
GAUGE_ON = QColor("#2f6fb5")
GAUGE_OFF = QColor("#e3e7ec")


def base_font() -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(BODY_PT)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def char(size: float | None = None, bold: bool = False, color: QColor = INK, italic: bool = False) -> QTextCharFormat:
    """The text format for these settings (shared: a printed document uses a handful of them many times)."""
    return _char(size or BODY_PT, bold, color.rgba(), italic)


@functools.cache
def _char(size: float, bold: bool, rgba: int, italic: bool) -> QTextCharFormat:
    color = QColor.fromRgba(rgba)
    fmt = QTextCharFormat()
    fmt.setFontFamilies([FONT_FAMILY])
    fmt.setFontPointSize(size)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setFontItalic(italic)
    fmt.setForeground(QBrush(color))
    return fmt


def table(columns: list[float], header_rows: int = 0, border: float = 0, padding: float = 4) -> QTextTableFormat:
    """A full-width table whose columns take the given percentages.

    Borders are collapsed only for a table that has a border: Qt lays out collapsed
    borders two to three times slower, and a borderless table looks the same either way.
    """
    fmt = QTextTableFormat()
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, w) for w in columns])
    fmt.setCellSpacing(0)
    fmt.setCellPadding(padding)
    fmt.setBorder(border)
    fmt.setBorderBrush(QBrush(RULE))
    fmt.setBorderStyle(
        QTextFrameFormat.BorderStyle.BorderStyle_Solid if border else QTextFrameFormat.BorderStyle.BorderStyle_None
    )
    fmt.setBorderCollapse(border > 0)
    fmt.setHeaderRowCount(header_rows)
    fmt.setTopMargin(4)
    fmt.setBottomMargin(8)
    return fmt
