"""Check and recovery: every kind of damage is found, and restoring keeps the damaged file."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.paths import DataPaths
from desktop_app.storage.backups import daily_backup
from desktop_app.storage.database import Database
from desktop_app.storage.integrity import (
    CheckStatus,
    RestoreError,
    check_database,
    newest_good_backup,
    restore_backup,
)
from desktop_app.storage.migrate import open_database
from desktop_app.storage.models import Interview
from desktop_app.storage.running_marker import last_run_was_unclean, mark_clean_exit, mark_running
from tests.storage.damage import VARIANTS

EXPECTED = {
    "truncated to half": {CheckStatus.DAMAGED},
    "0-byte file": {CheckStatus.NOT_A_DATABASE},
    "garbage header": {CheckStatus.NOT_A_DATABASE},
    "another program's database": {CheckStatus.NOT_A_DATABASE},
    "scribbled table page": {CheckStatus.DAMAGED},
    "zeroed index page": {CheckStatus.DAMAGED},
    "rows with missing parents": {CheckStatus.BROKEN_LINKS},
    "file deleted": {CheckStatus.MISSING},
}


def _companies(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT company FROM interviews ORDER BY id")]
    finally:
        connection.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _database_with_backup(data_paths: DataPaths, count: int = 40) -> None:
    db = open_database(data_paths)
    with db.session() as session:
        for n in range(count):
            session.add(Interview(company=f"Company {n}", notes="x" * 300))
    daily_backup(data_paths, datetime(2026, 11, 21, 9, 0))
    with db.session() as session:
        session.add(Interview(company="After the backup"))
    db.close()


def test_a_healthy_database_passes_both_checks(db: Database) -> None:
    assert check_database(db.path).ok
    assert check_database(db.path, thorough=False).ok


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_damage_is_detected_and_the_newest_good_backup_restored(data_paths: DataPaths, variant: str) -> None:
    _database_with_backup(data_paths)
    VARIANTS[variant](data_paths.database)
    damaged_digest = _digest(data_paths.database) if data_paths.database.exists() else None

    result = check_database(data_paths.database)
    assert result.status in EXPECTED[variant], result
    assert not result.ok

    backup = newest_good_backup(data_paths)
    assert backup is not None and backup.taken_at == datetime(2026, 11, 21, 9, 0)
    restored = restore_backup(data_paths, backup.path)

    assert check_database(data_paths.database).ok
    assert _companies(data_paths.database) == [f"Company {n}" for n in range(40)]
    assert backup.path.exists()
    if damaged_digest is None:
        assert restored.damaged_kept_as is None
    else:
        assert restored.damaged_kept_as is not None
        assert _digest(restored.damaged_kept_as) == damaged_digest
    # The restored file opens normally and takes new records.
    db = open_database(data_paths)
    with db.session() as session:
        session.add(Interview(company="After the restore"))
    db.close()
    assert _companies(data_paths.database)[-1] == "After the restore"


def test_restore_never_replays_the_damaged_files_write_ahead_log(tmp_path: Path) -> None:
    live = DataPaths(tmp_path / "live")
    db = open_database(live)
    with db.session() as session:
        session.add(Interview(company="In the backup"))
    daily_backup(live, datetime(2026, 11, 21, 9, 0))
    with db.session() as session:
        session.add(Interview(company="Only in the WAL"))
    # Freeze the files as a power cut would leave them: main file plus a -wal not yet checkpointed.
    crashed = DataPaths(tmp_path / "crashed")
    shutil.copytree(live.root, crashed.root)
    db.close()
    assert Path(f"{crashed.database}-wal").stat().st_size > 0

    backup = newest_good_backup(crashed)
    assert backup is not None
    result = restore_backup(crashed, backup.path)

    assert _companies(crashed.database) == ["In the backup"]
    assert not Path(f"{crashed.database}-wal").exists() or Path(f"{crashed.database}-wal").stat().st_size == 0
    kept = result.damaged_kept_as
    assert kept is not None and Path(f"{kept}-wal").exists()
    # The kept copy still has everything, its WAL included.
    assert _companies(kept) == ["In the backup", "Only in the WAL"]


def test_newest_good_backup_skips_a_damaged_backup(data_paths: DataPaths) -> None:
    _database_with_backup(data_paths)
    newer = daily_backup(data_paths, datetime(2026, 11, 22, 9, 0))
    assert newer is not None
    VARIANTS["scribbled table page"](newer)
    chosen = newest_good_backup(data_paths)
    assert chosen is not None and chosen.taken_at == datetime(2026, 11, 21, 9, 0)
    with pytest.raises(RestoreError):
        restore_backup(data_paths, newer)
    assert check_database(data_paths.database).ok


def test_no_backup_means_nothing_to_restore(data_paths: DataPaths) -> None:
    open_database(data_paths).close()
    assert newest_good_backup(data_paths) is None


def test_running_marker_tells_a_crash_from_a_clean_exit(data_paths: DataPaths) -> None:
    data_paths.ensure_root()
    assert not last_run_was_unclean(data_paths)
    assert mark_running(data_paths) is False
    # The process dies here: the marker stays behind.
    assert last_run_was_unclean(data_paths)
    assert mark_running(data_paths) is True
    mark_clean_exit(data_paths)
    assert mark_running(data_paths) is False
    assert (data_paths.running_marker.stat().st_mode & 0o777) == 0o600
