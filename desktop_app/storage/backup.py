"""Verified backups with SQLite's online backup API.

A backup is written to a temporary file, checked with ``PRAGMA integrity_check``,
fsynced and only then renamed into place with mode 0600. A file copy is never used:
in WAL mode it could miss every change not yet checkpointed.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from desktop_app.paths import FILE_MODE, ensure_private_dir

BACKUP_PREFIX = "bounceback-"
BACKUP_SUFFIX = ".sqlite3"


class BackupError(Exception):
    """A backup could not be made or did not verify; nothing older was touched."""


def backup_name(when: datetime, label: str) -> str:
    return f"{BACKUP_PREFIX}{when:%Y%m%d-%H%M%S}-{label}{BACKUP_SUFFIX}"


def verify(path: Path) -> bool:
    """True when the file opens as SQLite and passes ``integrity_check``."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False
    return result == [("ok",)]


def make_backup(database: Path, folder: Path, label: str, when: datetime | None = None) -> Path:
    """Copy ``database`` into ``folder`` as a verified backup and return its path."""
    ensure_private_dir(folder)
    when = when or datetime.now()
    target = folder / backup_name(when, label)
    counter = 1
    while target.exists():
        target = folder / backup_name(when, f"{label}-{counter}")
        counter += 1
    temporary = target.with_name(target.name + ".partial")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        os.close(fd)
        source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        destination = sqlite3.connect(temporary)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
            source.close()
        if not verify(temporary):
            raise BackupError(f"the backup of {database} did not pass the integrity check")
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, target)
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except (OSError, sqlite3.Error) as exc:
        temporary.unlink(missing_ok=True)
        raise BackupError(str(exc)) from exc
    except BackupError:
        temporary.unlink(missing_ok=True)
        raise
    return target
