"""The warning line under a form field whose input cannot be saved (an empty name, an unreadable date)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def problem_label() -> QLabel:
    """A hidden, plain-text, word-wrapped warning line, shown while a field's input is not saved."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #a40000;")
    label.hide()
    return label
