"""The database file: PRAGMAs in force, application_id, private modes, atomic transactions."""

from __future__ import annotations

import sqlite3
import stat

import pytest
from sqlalchemy import text

from desktop_app.paths import DataPaths
from desktop_app.storage.database import Database
from desktop_app.storage.file_check import APPLICATION_ID
from desktop_app.storage.models import Interview


def test_pragmas_are_in_force_on_every_session(db: Database) -> None:
    with db.session() as session:
        values = {
            name: session.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "application_id")
        }
    assert values == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
        "application_id": APPLICATION_ID,
    }


def test_sqlalchemy_emits_begin_so_ddl_rolls_back(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        session.execute(text("CREATE TABLE scratch (x INTEGER)"))
        session.add(Interview(company="Rolled back"))
        session.flush()
        raise RuntimeError("abort the unit of work")
    with db.read_session() as session:
        tables = session.execute(text("SELECT name FROM sqlite_master WHERE name = 'scratch'")).all()
        assert tables == []
        assert session.query(Interview).count() == 0


def test_files_and_folders_are_private(db: Database, data_paths: DataPaths) -> None:
    with db.session() as session:
        session.add(Interview(company="Acme"))
    assert stat.S_IMODE(data_paths.root.stat().st_mode) == 0o700
    for suffix in ("", "-wal", "-shm"):
        path = data_paths.root / (data_paths.database.name + suffix)
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_application_id_is_in_the_main_file_header(db: Database, data_paths: DataPaths) -> None:
    db.close()
    connection = sqlite3.connect(f"file:{data_paths.database}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        connection.close()
