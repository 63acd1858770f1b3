"""Automatic backups: once a day, before an import, rotated, never lost to a failure."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.paths import DataPaths
from desktop_app.storage import backups
from desktop_app.storage.backup import BackupError, verify
from desktop_app.storage.backups import daily_backup, list_backups, parse_backup_name, rotate
from desktop_app.storage.database import Database
from desktop_app.storage.models import Interview


def _add_interview(db: Database, company: str) -> None:
    with db.session() as session:
        session.add(Interview(company=company))


def _companies_in(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT company FROM interviews ORDER BY id")]
    finally:
        connection.close()


def test_first_start_of_the_day_takes_one_verified_private_backup(db: Database, data_paths: DataPaths) -> None:
    _add_interview(db, "Acme")
    morning = datetime(2026, 11, 22, 8, 0)
    made = daily_backup(data_paths, morning)
    assert made is not None and verify(made)
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_paths.backups.stat().st_mode) == 0o700
    assert _companies_in(made) == ["Acme"]
    # A second start the same day takes no second daily backup; the next day does.
    assert daily_backup(data_paths, morning + timedelta(hours=5)) is None
    assert daily_backup(data_paths, morning + timedelta(days=1)) is not None
    assert [info.label for info in list_backups(data_paths)] == ["daily", "daily"]


def test_backup_holds_changes_still_in_the_write_ahead_log(db: Database, data_paths: DataPaths) -> None:
    _add_interview(db, "Only in the WAL")
    assert Path(f"{data_paths.database}-wal").stat().st_size > 0
    made = daily_backup(data_paths, datetime(2026, 11, 22, 8, 0))
    assert made is not None
    assert _companies_in(made) == ["Only in the WAL"]


def test_listing_gives_dates_and_labels_newest_first(db: Database, data_paths: DataPaths) -> None:
    daily_backup(data_paths, datetime(2026, 11, 20, 9, 15, 1))
    daily_backup(data_paths, datetime(2026, 11, 21, 9, 15, 2))
    backups.labelled_backup(data_paths, backups.IMPORT_LABEL, datetime(2026, 11, 21, 10, 0, 0))
    (data_paths.backups / "notes.txt").write_text("not a backup")
    listed = list_backups(data_paths)
    assert [(info.taken_at, info.label) for info in listed] == [
        (datetime(2026, 11, 21, 10, 0, 0), "before-import"),
        (datetime(2026, 11, 21, 9, 15, 2), "daily"),
        (datetime(2026, 11, 20, 9, 15, 1), "daily"),
    ]
    assert all(info.size > 0 for info in listed)


def test_parse_backup_name_ignores_foreign_files() -> None:
    assert parse_backup_name("bounceback-20261122-081500-daily.sqlite3") == (datetime(2026, 11, 22, 8, 15), "daily")
    assert parse_backup_name("bounceback-20261322-081500-daily.sqlite3") is None
    assert parse_backup_name("bounceback-20261122-081500-daily.sqlite3.partial") is None
    assert parse_backup_name("holiday.jpg") is None


def test_starts_over_a_year_are_rotated_on_disk(db: Database, data_paths: DataPaths) -> None:
    start = datetime(2025, 11, 1, 9, 0)
    starts = [start + timedelta(days=day) for day in range(0, 400, 16)]
    for when in starts:
        daily_backup(data_paths, when)
    listed = list_backups(data_paths)
    # The last 7 starts (daily), the newest of 6 months; the oldest starts are gone.
    assert [info.taken_at for info in listed[:7]] == starts[::-1][:7]
    assert len({(info.taken_at.year, info.taken_at.month) for info in listed}) == 6
    assert len(listed) < len(starts) // 2
    assert starts[0] not in {info.taken_at for info in listed}


def test_a_failed_backup_deletes_nothing(db: Database, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    start = datetime(2026, 1, 1, 9, 0)
    for day in range(0, 30, 3):
        daily_backup(data_paths, start + timedelta(days=day))
    before = {info.path.name for info in list_backups(data_paths)}

    def broken_verify(path: Path) -> bool:
        return False

    monkeypatch.setattr("desktop_app.storage.backup.verify", broken_verify)
    with pytest.raises(BackupError):
        daily_backup(data_paths, start + timedelta(days=60))
    assert {info.path.name for info in list_backups(data_paths)} == before
    assert not list(data_paths.backups.glob("*.partial"))


def test_a_backup_of_a_damaged_database_fails_and_keeps_the_good_ones(db: Database, data_paths: DataPaths) -> None:
    _add_interview(db, "Acme")
    good = daily_backup(data_paths, datetime(2026, 1, 1, 9, 0))
    assert good is not None
    db.close()
    _damage_a_table_page(data_paths.database)
    with pytest.raises(BackupError):
        daily_backup(data_paths, datetime(2026, 1, 2, 9, 0))
    assert [info.path for info in list_backups(data_paths)] == [good]
    assert verify(good)


def test_rotation_removes_stale_partial_files_only(db: Database, data_paths: DataPaths) -> None:
    folder = data_paths.ensure_backups()
    stale = folder / "bounceback-20260101-090000-daily.sqlite3.partial"
    stale.write_bytes(b"half")
    fresh = folder / "bounceback-20260102-090000-daily.sqlite3.partial"
    fresh.write_bytes(b"half")
    old = datetime.now() - timedelta(hours=2)
    os.utime(stale, (old.timestamp(), old.timestamp()))
    rotate(data_paths)
    assert not stale.exists()
    assert fresh.exists()


def _damage_a_table_page(path: Path) -> None:
    """Overwrite the middle of the interviews table's root page with garbage."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name='interviews'").fetchone()[0]
    connection.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d\x00\x00\xff\xff" + b"\xa5" * 200)
