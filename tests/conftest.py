"""Shared fixtures: every test gets its own temporary data folder; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.paths import ENV_DATA_DIR, DataPaths
from desktop_app.storage.database import Database
from desktop_app.storage.migrate import open_database


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real data, settings or desktop folders."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "default-data"))


@pytest.fixture(autouse=True)
def _no_window_left_behind() -> Iterator[None]:
    """Destroy every window a test leaves (hidden dialogs too), so none keeps the focus from the next test.

    Windows are deleted, not closed: closing could ask a question (a wizard's keep-or-discard) with
    nobody there to answer it.
    """
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        if isValid(widget):
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    """A fresh, not yet created data folder."""
    return DataPaths(tmp_path / "data")


@pytest.fixture
def db(data_paths: DataPaths) -> Iterator[Database]:
    """An opened, migrated database in its own temporary data folder."""
    database = open_database(data_paths)
    yield database
    database.close()
