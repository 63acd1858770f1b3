"""Checking the database file and restoring it from a backup.

The check reads the file's header (is it a Bounceback database at all?), then runs
``PRAGMA quick_check`` or ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``.
Restoring never deletes anything: the damaged file and its ``-wal``/``-shm`` companions
are kept beside it under a new name, and the backup stays in the backups folder.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path

from desktop_app.paths import FILE_MODE, DataPaths, fsync_dir
from desktop_app.storage.backup import copy_verified, verify
from desktop_app.storage.backups import BackupInfo, list_backups
from desktop_app.storage.errors import DatabaseOpenError
from desktop_app.storage.file_check import BUSY_TIMEOUT_MS, check_existing_file

COMPANION_SUFFIXES = ("", "-wal", "-shm")
_MAX_REPORTED = 20


class CheckStatus(Enum):
    OK = "ok"
    MISSING = "missing"
    NOT_A_DATABASE = "not_a_database"
    DAMAGED = "damaged"
    BROKEN_LINKS = "broken_links"


@dataclass(frozen=True)
class CheckResult:
    """What a check found. ``messages`` are SQLite's own words, for the details pane."""

    status: CheckStatus
    messages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status is CheckStatus.OK


class RestoreError(Exception):
    """The backup could not be restored; the database was left as it was."""


def check_database(path: Path, thorough: bool = True) -> CheckResult:
    """Check the database file at ``path`` without changing anything the user wrote.

    ``thorough`` runs ``integrity_check`` (every page, every index); otherwise the
    faster ``quick_check``.
    """
    if not path.exists():
        return CheckResult(CheckStatus.MISSING)
    try:
        check_existing_file(path)
    except DatabaseOpenError as exc:
        return CheckResult(CheckStatus.NOT_A_DATABASE, [exc.problem.value, *([exc.detail] if exc.detail else [])])
    pragma = "integrity_check" if thorough else "quick_check"
    try:
        connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = connection.execute(f"PRAGMA {pragma}({_MAX_REPORTED})").fetchall()
            if rows != [("ok",)]:
                return CheckResult(CheckStatus.DAMAGED, [str(row[0]) for row in rows])
            violations = connection.execute("PRAGMA foreign_key_check").fetchmany(_MAX_REPORTED)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return CheckResult(CheckStatus.DAMAGED, [str(exc)])
    if violations:
        return CheckResult(
            CheckStatus.BROKEN_LINKS,
            [f"{table} row {rowid} refers to a missing {parent} row" for table, rowid, parent, _ in violations],
        )
    return CheckResult(CheckStatus.OK)


def newest_good_backup(paths: DataPaths) -> BackupInfo | None:
    """The newest backup that still passes ``integrity_check`` (older ones are not opened)."""
    for info in list_backups(paths):
        if verify(info.path):
            return info
    return None


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    damaged_kept_as: Path | None


def damaged_name(database: Path, when: datetime, reason: str = "damaged") -> Path:
    """A free name beside ``database`` for keeping the replaced copy."""
    stem = f"{database.name}.{reason}-{when:%Y%m%d-%H%M%S}"
    candidate = database.with_name(stem)
    counter = 1
    while any(Path(f"{candidate}{suffix}").exists() for suffix in COMPANION_SUFFIXES):
        candidate = database.with_name(f"{stem}-{counter}")
        counter += 1
    return candidate


def restore_backup(
    paths: DataPaths, backup: Path, now: datetime | None = None, reason: str = "damaged"
) -> RestoreResult:
    """Put a copy of ``backup`` in place of the database; the database must be closed.

    The replaced files are kept as ``<database>.<reason>-<time>`` (``damaged`` after a
    failed check, ``replaced`` when the person chose to go back to a backup).

    Order matters for a crash at any moment: the copy is made and verified under a
    temporary name first; the current files are then kept under a ``.damaged-…`` name
    (hard links, or copies where links are impossible); the old ``-wal``/``-shm`` are
    removed so they can never be replayed onto the restored file; and the copy is
    renamed into place atomically.
    """
    database = paths.database
    if not verify(backup):
        raise RestoreError(f"the backup {backup.name} does not pass the integrity check")
    incoming = database.with_name(database.name + ".restoring")
    try:
        copy_verified(backup, incoming)
        kept = None
        if any(Path(f"{database}{suffix}").exists() for suffix in COMPANION_SUFFIXES):
            kept = damaged_name(database, now or datetime.now(), reason)
            for suffix in COMPANION_SUFFIXES:
                current = Path(f"{database}{suffix}")
                if current.exists():
                    _keep(current, Path(f"{kept}{suffix}"))
            for suffix in ("-wal", "-shm"):
                Path(f"{database}{suffix}").unlink(missing_ok=True)
        os.replace(incoming, database)
        fsync_dir(database.parent)
    except OSError as exc:
        incoming.unlink(missing_ok=True)
        raise RestoreError(str(exc)) from exc
    return RestoreResult(backup, kept)


def _keep(current: Path, kept: Path) -> None:
    try:
        os.link(current, kept)
    except OSError:
        shutil.copy2(current, kept)
        os.chmod(kept, FILE_MODE)
