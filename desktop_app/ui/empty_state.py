"""A view that is replaced by a friendly 'what to do next' message while it has nothing to show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget


class EmptyStateStack(QStackedWidget):
    """Shows ``content`` when there is something to show, otherwise ``message``."""

    def __init__(self, content: QWidget, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message_label = QLabel(message)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setMargin(24)
        self.addWidget(self.message_label)
        self.addWidget(content)
        self.content = content

    def set_empty(self, empty: bool) -> None:
        self.setCurrentWidget(self.message_label if empty else self.content)

    def is_showing_empty_state(self) -> bool:
        return self.currentWidget() is self.message_label
