"""The warning line under a form field whose input cannot be saved (an empty name, an unreadable date)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

PROBLEM_STYLE = "color: #a40000;"
ALARM_STYLE = "color: #a40000; font-weight: bold;"


def problem_label(style: str = PROBLEM_STYLE) -> QLabel:
    """A hidden, plain-text, word-wrapped warning line, shown while a field's input is not saved."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.hide()
    return label
