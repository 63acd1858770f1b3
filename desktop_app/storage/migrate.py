"""Open the user's database: check it, back it up, migrate it, hand back a ``Database``.

Nothing here modifies a file that is not a Bounceback database or that comes from a
newer version of the app. Alembic is imported only when a migration is due, so a
normal start-up stays fast.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from desktop_app.paths import DataPaths
from desktop_app.storage.backup import BackupError, make_backup
from desktop_app.storage.database import Database, create_database_file, make_engine
from desktop_app.storage.errors import DatabaseOpenError, Problem
from desktop_app.storage.file_check import precheck
from desktop_app.storage.schema import HEAD_REVISION, KNOWN_REVISIONS

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def open_database(paths: DataPaths) -> Database:
    """Open (creating or migrating as needed) the database in ``paths``."""
    precheck(paths)
    path = paths.database
    if not path.exists():
        try:
            create_database_file(path)
        except OSError as exc:
            raise DatabaseOpenError(Problem.UNWRITABLE, path, exc.strerror or str(exc)) from exc
    engine = make_engine(path)
    try:
        revision, has_tables = read_revision(engine, path)
        if revision != HEAD_REVISION:
            if revision is not None and revision not in KNOWN_REVISIONS:
                raise DatabaseOpenError(Problem.TOO_NEW, path, f"schema revision {revision}")
            if revision is not None or has_tables:
                try:
                    make_backup(path, paths.backups, f"before-migration-{revision or 'none'}")
                except BackupError as exc:
                    raise DatabaseOpenError(Problem.BACKUP_FAILED, path, str(exc)) from exc
            upgrade(engine, path)
    except BaseException:
        engine.dispose()
        raise
    return Database(paths, engine)


def read_revision(engine: Engine, path: Path) -> tuple[str | None, bool]:
    """The Alembic revision stored in the file (or None) and whether it has any tables."""
    try:
        with engine.connect() as connection:
            names = set(connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars())
            revision = None
            if "alembic_version" in names:
                revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            connection.rollback()
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        raise DatabaseOpenError(Problem.CORRUPT, path, driver_message(exc)) from exc
    return revision, bool(names - {"alembic_version"})


def upgrade(engine: Engine, path: Path, target: str = "head") -> None:
    """Run every pending migration in one transaction with foreign keys off."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.connect() as connection:
            driver = connection.connection.driver_connection
            driver.execute("PRAGMA foreign_keys=OFF")
            try:
                config.attributes["connection"] = connection
                command.upgrade(config, target)
            finally:
                # Never hand this connection back to the pool with foreign keys off.
                connection.invalidate()
    except (DBAPIError, sqlite3.Error, RuntimeError) as exc:
        raise DatabaseOpenError(Problem.MIGRATION_FAILED, path, driver_message(exc)) from exc


def driver_message(error: BaseException) -> str:
    """SQLite's own words for an error, without SQLAlchemy's wrapping and web links."""
    original = getattr(error, "orig", None)
    return str(original if original is not None else error)
