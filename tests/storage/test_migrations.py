"""Migrations: an empty database and the previous revision reach head; newer ones are refused."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select

from desktop_app.paths import DataPaths
from desktop_app.storage.backup import verify
from desktop_app.storage.database import create_database_file, make_engine
from desktop_app.storage.errors import DatabaseOpenError, Problem
from desktop_app.storage.migrate import MIGRATIONS_DIR, open_database, upgrade
from desktop_app.storage.models import Base, ChecklistTemplateItem, Interview
from desktop_app.storage.schema import HEAD_REVISION, KNOWN_REVISIONS


def script_directory() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_known_revisions_match_the_scripts() -> None:
    scripts = script_directory()
    ordered = [rev.revision for rev in reversed(list(scripts.walk_revisions()))]
    assert tuple(ordered) == KNOWN_REVISIONS
    assert scripts.get_current_head() == HEAD_REVISION


def test_empty_database_migrates_to_head_and_matches_the_models(data_paths: DataPaths) -> None:
    db = open_database(data_paths)
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert context.get_current_revision() == HEAD_REVISION
            assert compare_metadata(context, Base.metadata) == []
        with db.read_session() as session:
            assert session.query(ChecklistTemplateItem).count() == 20
        assert not data_paths.backups.exists() or not list(data_paths.backups.iterdir())
    finally:
        db.close()


def test_previous_revision_is_backed_up_then_upgraded(data_paths: DataPaths) -> None:
    data_paths.ensure_root()
    create_database_file(data_paths.database)
    engine = make_engine(data_paths.database)
    upgrade(engine, data_paths.database, target=KNOWN_REVISIONS[-2])
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO interviews (company, role, stage, location, interviewers, posting, "
            "internal, notes, outcome) VALUES ('Old Co', '', '', '', '', '', 0, '', 'waiting')"
        )
    engine.dispose()

    db = open_database(data_paths)
    try:
        with db.read_session() as session:
            assert session.scalars(select(Interview.company)).all() == ["Old Co"]
            assert session.query(ChecklistTemplateItem).count() == 20
        backups = list(data_paths.backups.iterdir())
        assert len(backups) == 1 and verify(backups[0])
        assert backups[0].stat().st_mode & 0o777 == 0o600
        old = sqlite3.connect(backups[0])
        try:
            assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == KNOWN_REVISIONS[-2]
            assert old.execute("SELECT company FROM interviews").fetchall() == [("Old Co",)]
        finally:
            old.close()
    finally:
        db.close()


def test_newer_database_is_refused_and_left_untouched(data_paths: DataPaths) -> None:
    open_database(data_paths).close()
    connection = sqlite3.connect(data_paths.database)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = digest(data_paths.database)
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(data_paths)
    assert caught.value.problem is Problem.TOO_NEW
    assert digest(data_paths.database) == before
