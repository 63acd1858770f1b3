"""Start-up safety: daily backup, unclean-shutdown check, restore offer, one instance per data folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app import app
from desktop_app.cli import build_parser
from desktop_app.paths import DataPaths
from desktop_app.storage.backups import daily_backup, list_backups
from desktop_app.storage.interviews import create_interview
from desktop_app.storage.migrate import open_database
from desktop_app.ui.safety.dialogs import RestoreOffer
from tests.storage.damage import VARIANTS
from tests.ui.safety_helpers import capture_boxes, companies

ROOT = Path(__file__).resolve().parents[2]


def _start(data_paths: DataPaths) -> app.StartedApp | int:
    return app.start_gui(build_parser().parse_args(["--data-dir", str(data_paths.root)]))


def _database_with_backup(data_paths: DataPaths) -> None:
    db = open_database(data_paths)
    create_interview(db, "In the backup")
    daily_backup(data_paths, datetime(2026, 11, 21, 9, 0))
    create_interview(db, "After the backup")
    db.close()


def test_a_start_takes_the_daily_backup_and_marks_a_clean_exit(qtbot, data_paths: DataPaths) -> None:
    started = _start(data_paths)
    assert isinstance(started, app.StartedApp)
    qtbot.addWidget(started.window)
    assert started.wait_until_open()
    assert data_paths.running_marker.exists()
    assert [info.label for info in list_backups(data_paths)] == ["daily"]
    assert list_backups(data_paths)[0].taken_at.date() == datetime.now().date()
    started.shutdown()
    assert not data_paths.running_marker.exists()


@pytest.mark.parametrize("variant", ["garbage header", "0-byte file", "truncated to half"])
def test_a_damaged_database_is_reported_and_the_good_backup_offered(
    qtbot, data_paths: DataPaths, monkeypatch, variant: str
) -> None:
    _database_with_backup(data_paths)
    VARIANTS[variant](data_paths.database)
    offers: list[str] = []
    monkeypatch.setattr(RestoreOffer, "ask", classmethod(lambda cls, parent, text, b: offers.append(text) or True))
    capture_boxes(monkeypatch)

    started = _start(data_paths)

    assert isinstance(started, app.StartedApp)
    qtbot.addWidget(started.window)
    assert started.wait_until_open()
    assert len(offers) == 1 and str(data_paths.database) in offers[0]
    assert companies(started.window) == ["In the backup"]
    assert list(data_paths.root.glob("bounceback.sqlite3.damaged-*"))
    started.shutdown()


def test_declining_the_restore_leaves_everything_as_it_was(
    qapp: QApplication, data_paths: DataPaths, monkeypatch
) -> None:
    _database_with_backup(data_paths)
    VARIANTS["garbage header"](data_paths.database)
    before = data_paths.database.read_bytes()
    monkeypatch.setattr(RestoreOffer, "ask", classmethod(lambda cls, parent, text, b: False))
    shown = capture_boxes(monkeypatch)
    assert _start(data_paths) == app.EXIT_DATABASE
    assert data_paths.database.read_bytes() == before
    assert "not a Bounceback database" in shown[0].text
    assert not list(data_paths.root.glob("*.damaged-*"))


def test_after_a_crash_the_check_finds_damage_the_header_does_not_show(
    qtbot, data_paths: DataPaths, monkeypatch
) -> None:
    _database_with_backup(data_paths)
    VARIANTS["scribbled table page"](data_paths.database)
    data_paths.running_marker.write_text("4242\n")  # the last run never exited cleanly
    offers: list[str] = []
    monkeypatch.setattr(RestoreOffer, "ask", classmethod(lambda cls, parent, text, b: offers.append(text) or True))
    capture_boxes(monkeypatch)

    started = _start(data_paths)
    assert isinstance(started, app.StartedApp)
    qtbot.addWidget(started.window)
    assert started.wait_until_open()
    assert len(offers) == 1 and "damaged" in offers[0]
    assert companies(started.window) == ["In the backup"]
    started.shutdown()


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen cannot raise windows
def test_a_second_start_wakes_the_first_and_never_opens_the_database(qtbot, data_paths: DataPaths) -> None:
    started = _start(data_paths)
    assert isinstance(started, app.StartedApp)
    qtbot.addWidget(started.window)
    assert started.wait_until_open()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    with qtbot.waitSignal(started.instance.activation_requested, timeout=20_000):
        second = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.second_start_child", str(data_paths.root)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
    out, err = second.communicate()
    assert "opened-database" not in out
    assert second.returncode == app.EXIT_OK, err
    assert "already running" in err
    started.shutdown()


def test_a_lock_held_by_a_live_process_that_does_not_answer(
    qapp: QApplication, data_paths: DataPaths, monkeypatch
) -> None:
    data_paths.ensure_root()
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.lock_holder_child", str(data_paths.root)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        shown = capture_boxes(monkeypatch)
        assert _start(data_paths) == app.EXIT_ALREADY_RUNNING
        assert "already running" in shown[0].text and str(data_paths.root) in shown[0].text
        assert not data_paths.database.exists()
    finally:
        holder.kill()
        holder.wait()


def test_a_stale_lock_from_a_killed_process_is_taken_over(qtbot, data_paths: DataPaths) -> None:
    data_paths.ensure_root()
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.lock_holder_child", str(data_paths.root)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert data_paths.lock.exists()
    started = _start(data_paths)
    assert isinstance(started, app.StartedApp)
    qtbot.addWidget(started.window)
    assert started.wait_until_open()
    started.shutdown()


def test_a_database_gone_missing_is_noticed_and_its_backup_offered(qtbot, data_paths: DataPaths, monkeypatch) -> None:
    _database_with_backup(data_paths)
    data_paths.database.unlink()  # moved away by a sync tool, deleted by mistake
    offers: list[str] = []
    monkeypatch.setattr(RestoreOffer, "ask", classmethod(lambda cls, parent, text, b: offers.append(text) or True))
    capture_boxes(monkeypatch)

    started = _start(data_paths)

    assert isinstance(started, app.StartedApp)
    qtbot.addWidget(started.window)
    assert started.wait_until_open()
    assert len(offers) == 1 and "is gone" in offers[0] and str(data_paths.database) in offers[0]
    assert companies(started.window) == ["In the backup"]
    started.shutdown()


def test_declining_the_backup_of_a_missing_database_starts_afresh_and_keeps_the_backups(
    qtbot, data_paths: DataPaths, monkeypatch
) -> None:
    _database_with_backup(data_paths)
    data_paths.database.unlink()
    backups_before = sorted(path.name for path in data_paths.backups.iterdir())
    monkeypatch.setattr(RestoreOffer, "ask", classmethod(lambda cls, parent, text, b: False))
    capture_boxes(monkeypatch)

    started = _start(data_paths)

    assert isinstance(started, app.StartedApp)
    qtbot.addWidget(started.window)
    assert started.wait_until_open()
    assert companies(started.window) == []
    assert set(backups_before) <= {path.name for path in data_paths.backups.iterdir()}
    started.shutdown()


def test_the_restore_offer_for_a_missing_file_does_not_speak_of_a_damaged_one(
    qtbot, data_paths: DataPaths, monkeypatch
) -> None:
    _database_with_backup(data_paths)
    data_paths.database.unlink()
    texts = capture_boxes(monkeypatch)
    backup = list_backups(data_paths)[0]
    RestoreOffer.ask(None, "The database is gone.", backup)
    assert texts and "new, empty database" in texts[-1].text and "damaged" not in texts[-1].text


def test_the_local_socket_waits_until_the_data_is_open(qtbot, data_paths: DataPaths) -> None:
    """QtNetwork is not needed to show the window: the single-instance socket listens once the tabs are built."""
    started = _start(data_paths)
    assert isinstance(started, app.StartedApp)
    qtbot.addWidget(started.window)
    assert started.instance is not None and started.instance.held
    assert not started.instance.listening
    assert started.wait_until_open()
    qtbot.waitUntil(lambda: started.instance.listening)
