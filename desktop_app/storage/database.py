"""Opening the SQLite file: checks before touching it, the engine, its PRAGMAs, and sessions.

Every connection runs in WAL mode with ``synchronous=FULL``, foreign keys on and a busy
timeout. The sqlite3 driver's own transaction handling is switched off so SQLAlchemy
emits ``BEGIN`` itself: DDL inside a migration is then part of the same transaction.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.paths import DataPaths, fsync_dir, fsync_file, make_private
from desktop_app.storage.errors import SaveFailedError, SaveProblem
from desktop_app.storage.file_check import APPLICATION_ID, BUSY_TIMEOUT_MS


def create_database_file(path: Path) -> None:
    """Create a new, empty Bounceback database file (0600) carrying our application_id.

    It is built under a temporary name and renamed into place, so a crash here never
    leaves a half-made file where the database should be.
    """
    temporary = path.with_name(path.name + ".new")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    connection = sqlite3.connect(temporary, isolation_level=None)
    try:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute("PRAGMA user_version = 0")
        connection.execute("VACUUM")
    finally:
        connection.close()
    fsync_file(temporary)
    os.replace(temporary, path)
    fsync_dir(path.parent)


def make_engine(path: Path) -> Engine:
    """An engine whose every connection has Bounceback's PRAGMAs in force."""
    engine = create_engine(f"sqlite+pysqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN")

    return engine


_SAVE_PROBLEMS = {
    sqlite3.SQLITE_FULL: SaveProblem.DISK_FULL,
    sqlite3.SQLITE_READONLY: SaveProblem.READ_ONLY,
    sqlite3.SQLITE_PERM: SaveProblem.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: SaveProblem.READ_ONLY,
    sqlite3.SQLITE_IOERR: SaveProblem.IO_ERROR,
    sqlite3.SQLITE_NOMEM: SaveProblem.IO_ERROR,
    sqlite3.SQLITE_BUSY: SaveProblem.BUSY,
    sqlite3.SQLITE_LOCKED: SaveProblem.BUSY,
    sqlite3.SQLITE_CORRUPT: SaveProblem.DAMAGED,
    sqlite3.SQLITE_NOTADB: SaveProblem.DAMAGED,
}


def save_problem(error: BaseException | None) -> SaveProblem | None:
    """Why SQLite refused a write, if the refusal is about the disk rather than the data.

    Constraint violations and programming errors give None: they are bugs or bad input,
    not a disk that may recover.
    """
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    return _SAVE_PROBLEMS.get(code & 0xFF)


@dataclass
class Database:
    """An open Bounceback database: its files, its engine and a session factory."""

    paths: DataPaths
    engine: Engine
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def path(self) -> Path:
        return self.paths.database

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short unit of work: committed on success, rolled back on any error.

        A write the disk refuses (full, read-only, I/O error, locked, damaged file)
        raises :class:`SaveFailedError`; nothing of the unit of work is kept then.
        """
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as exc:
            problem = save_problem(exc.orig)
            if problem is None:
                raise
            raise SaveFailedError(problem, str(exc.orig)) from exc

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reading only; nothing is committed."""
        with self._sessions() as session:
            yield session

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection to the same file, for backups and checks."""
        connection = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        return connection

    def pragma(self, name: str) -> object:
        with self.engine.connect() as connection:
            return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

    def close(self) -> None:
        """Checkpoint the WAL into the main file and release every connection."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        except Exception:
            pass
        self.engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            make_private(Path(str(self.path) + suffix))
