"""Checks on the database file that read only its header: fast, and never modify it.

Kept free of SQLAlchemy so start-up can refuse a wrong file before loading the heavy
storage stack.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app.paths import DataPaths
from desktop_app.storage.errors import DatabaseOpenError, Problem

APPLICATION_ID = int.from_bytes(b"BnBk", "big")
BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
_APPLICATION_ID_OFFSET = 68


def check_existing_file(path: Path) -> None:
    """Refuse a file that is not a Bounceback database, reading only its header.

    A 0-byte file, a file of another kind or another program's SQLite database must
    never be taken for an empty Bounceback database.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except PermissionError as exc:
        raise DatabaseOpenError(Problem.UNWRITABLE, path, str(exc)) from exc
    except OSError as exc:
        raise DatabaseOpenError(Problem.CORRUPT, path, str(exc)) from exc
    if not header:
        raise DatabaseOpenError(Problem.EMPTY_FILE, path)
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise DatabaseOpenError(Problem.NOT_SQLITE, path)
    app_id = int.from_bytes(header[_APPLICATION_ID_OFFSET : _APPLICATION_ID_OFFSET + 4], "big")
    if app_id != APPLICATION_ID:
        raise DatabaseOpenError(Problem.FOREIGN, path, f"application_id {app_id:#x}")
    if not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseOpenError(Problem.UNWRITABLE, path)


def precheck(paths: DataPaths) -> None:
    """Make sure the data folder is writable and any existing database file is ours."""
    try:
        paths.ensure_root()
    except OSError as exc:
        raise DatabaseOpenError(Problem.UNWRITABLE, paths.root, exc.strerror or str(exc)) from exc
    if paths.database.exists() or paths.database.is_symlink():
        check_existing_file(paths.database)
