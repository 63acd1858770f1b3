"""Helpers for the data-safety UI tests: captured message boxes, companies shown in the Prepare tab."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.ui.main_window import MainWindow


@dataclass
class ShownBox:
    text: str
    plain: bool
    details: str


def capture_boxes(monkeypatch: pytest.MonkeyPatch) -> list[ShownBox]:
    """Record every QMessageBox shown with exec() instead of opening it."""
    shown: list[ShownBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(ShownBox(box.text(), box.textFormat() == Qt.TextFormat.PlainText, box.detailedText()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def companies(window: MainWindow) -> list[str]:
    model = window.prepare_tab.model
    return sorted(model.row_at(row).company for row in range(model.rowCount()))
