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

from desktop_app.paths import FILE_MODE, ensure_private_dir, fsync_dir, fsync_file

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
        copy_verified(database, temporary)
        os.replace(temporary, target)
        fsync_dir(folder)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BackupError(str(exc)) from exc
    return target


def copy_verified(source: Path, target: Path) -> None:
    """Write a 0600, integrity-checked, fsynced copy of ``source`` at ``target`` (replacing it).

    Raises OSError naming what went wrong; a half-written ``target`` may remain for the caller
    to remove.
    """
    target.unlink(missing_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)
    try:
        reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        writer = sqlite3.connect(target)
        try:
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode=DELETE")
        finally:
            writer.close()
            reader.close()
    except sqlite3.Error as exc:
        raise OSError(f"could not copy {source.name}: {exc}") from exc
    if not verify(target):
        raise OSError(f"the copy of {source.name} does not pass the integrity check")
    fsync_file(target)
