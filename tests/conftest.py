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
