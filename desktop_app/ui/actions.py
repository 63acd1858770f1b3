"""Buttons backed by actions, and the plain-text yes/no question the tabs ask before destroying data.

A tab's commands are QActions (so they have shortcuts and can be triggered from tests) shown as
push buttons whose tool tip names the shortcut. ``ask_yes_no`` is the one modal question; widgets
take it as a ``Confirm`` callable so tests can answer it without opening a real box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QMessageBox, QPushButton, QWidget

Confirm = Callable[[QWidget, str, str], bool]


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    """A plain-text yes/no question with No as the default answer."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def action_button(
    owner: QWidget,
    row: QBoxLayout,
    text: str,
    keys: str,
    slot: Callable[[], object],
    shortcut: bool = True,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> QAction:
    """An action on ``owner`` shown as a button in ``row``.

    With ``shortcut`` False the keys are only named in the tool tip (for shortcuts the main
    window's menu already owns). The button follows the action's enabled and visible state.
    """
    action = QAction(text, owner)
    if shortcut:
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(context)
        owner.addAction(action)
    action.triggered.connect(slot)
    button = QPushButton(text)
    button.setToolTip(f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
    button.clicked.connect(action.trigger)
    action.enabledChanged.connect(button.setEnabled)
    action.visibleChanged.connect(lambda: button.setVisible(action.isVisible()))
    row.addWidget(button)
    action.setProperty("button", button)
    return action
