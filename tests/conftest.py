"""Shared fixtures: every test gets its own temporary data folder; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.paths import DataPaths
from desktop_app.storage.database import Database
from desktop_app.storage.migrate import open_database


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    """A fresh, empty data folder for one test."""
    return DataPaths(tmp_path / "data")


@pytest.fixture
def db(data_paths: DataPaths) -> Iterator[Database]:
    """An opened, fully migrated database in the test's own data folder."""
    database = open_database(data_paths)
    yield database
    database.close()
