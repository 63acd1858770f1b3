"""The backups folder: listing backups, the daily backup, the backup before an import, rotation.

Every backup is made by :func:`desktop_app.storage.backup.make_backup` (SQLite's online
backup API, verified, fsynced, renamed, 0600). Rotation only ever runs after a backup
has succeeded, so a failed backup can never cause an older good one to be deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop_app.core.backup_policy import DEFAULT_POLICY, RotationPolicy, backups_to_keep
from desktop_app.paths import DataPaths
from desktop_app.storage.backup import BACKUP_PREFIX, BACKUP_SUFFIX, make_backup

DAILY_LABEL = "daily"
IMPORT_LABEL = "before-import"
RESTORE_LABEL = "before-restore"
PARTIAL_SUFFIX = ".partial"
_STALE_PARTIAL_AGE = timedelta(hours=1)

_NAME = re.compile(
    rf"^{re.escape(BACKUP_PREFIX)}(?P<stamp>\d{{8}}-\d{{6}})-(?P<label>[A-Za-z0-9._-]+){re.escape(BACKUP_SUFFIX)}$"
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when it was taken and why."""

    path: Path
    taken_at: datetime
    label: str
    size: int


def parse_backup_name(name: str) -> tuple[datetime, str] | None:
    """The time and label encoded in a backup's file name, or None if it is not a backup."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        taken_at = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return taken_at, match["label"]


def list_backups(paths: DataPaths) -> list[BackupInfo]:
    """Every backup in the data folder, newest first."""
    if not paths.backups.is_dir():
        return []
    found = []
    for entry in paths.backups.iterdir():
        parsed = parse_backup_name(entry.name)
        if parsed is None or not entry.is_file():
            continue
        found.append(BackupInfo(entry, parsed[0], parsed[1], entry.stat().st_size))
    found.sort(key=lambda info: (info.taken_at, info.path.name), reverse=True)
    return found


def has_daily_backup(paths: DataPaths, day: datetime) -> bool:
    return any(info.label == DAILY_LABEL and info.taken_at.date() == day.date() for info in list_backups(paths))


def daily_backup(paths: DataPaths, now: datetime | None = None) -> Path | None:
    """Take the day's backup if none was taken yet today, then rotate; the new file or None.

    Raises :class:`desktop_app.storage.backup.BackupError` if the backup fails; nothing
    is deleted then.
    """
    now = now or datetime.now()
    if not paths.database.exists() or has_daily_backup(paths, now):
        return None
    made = make_backup(paths.database, paths.ensure_backups(), DAILY_LABEL, when=now)
    rotate(paths, now)
    return made


def labelled_backup(paths: DataPaths, label: str, now: datetime | None = None) -> Path:
    """A backup taken before something risky (an import, a restore), then rotation."""
    now = now or datetime.now()
    made = make_backup(paths.database, paths.ensure_backups(), label, when=now)
    rotate(paths, now)
    return made


def rotate(paths: DataPaths, now: datetime | None = None, policy: RotationPolicy = DEFAULT_POLICY) -> list[Path]:
    """Delete the backups the rotation policy no longer keeps; return what was deleted.

    Also removes ``.partial`` files left by a backup that was interrupted more than an
    hour ago (they were never complete backups).
    """
    now = now or datetime.now()
    backups = list_backups(paths)
    keep = backups_to_keep((info.taken_at for info in backups), policy)
    deleted = []
    for info in backups:
        if info.taken_at not in keep:
            info.path.unlink(missing_ok=True)
            deleted.append(info.path)
    if paths.backups.is_dir():
        for entry in paths.backups.glob(f"*{PARTIAL_SUFFIX}"):
            if now - datetime.fromtimestamp(entry.stat().st_mtime) > _STALE_PARTIAL_AGE:
                entry.unlink(missing_ok=True)
                deleted.append(entry)
    return deleted
