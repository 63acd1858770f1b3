"""Start-up: bad files are refused with a dialog and one stderr line, untouched; --demo; window state."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import __version__, app
from desktop_app.cli import build_parser
from desktop_app.paths import DataPaths
from desktop_app.storage.migrate import open_database
from tests.non_root import hand_over, non_root_runner

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records the text of every message box instead of showing it modally."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    return shown


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_main(qapp: QApplication, *argv: str) -> int:
    """Run ``bounceback ARGV`` in this process; the event loop is left after at most 20 s.

    The guard timer is stopped afterwards: left running, it would end some later test's event loop.
    """
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: qapp.exit(99))
    guard.start(20_000)
    try:
        return app.main(list(argv))
    finally:
        guard.stop()


def make_foreign_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.execute("INSERT INTO notes VALUES ('someone else''s data')")
    connection.commit()
    connection.close()


def make_corrupt(path: Path) -> None:
    open_database(DataPaths(path.parent)).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # the schema on page 1, after the header
    path.write_bytes(bytes(data))


def make_too_new(path: Path) -> None:
    open_database(DataPaths(path.parent)).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    connection.commit()
    connection.close()


BAD_FILES = {
    "empty file": (lambda p: p.write_bytes(b""), "empty"),
    "text file": (lambda p: p.write_text("my shopping list\n" * 20), "not a Bounceback database"),
    "other program's SQLite": (make_foreign_sqlite, "another program"),
    "corrupt": (make_corrupt, "damaged"),
    "newer version": (make_too_new, "newer version"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_database_file_is_refused_and_untouched(
    case: str, qapp: QApplication, tmp_path: Path, dialogs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    make, words = BAD_FILES[case]
    folder = tmp_path / "data"
    folder.mkdir()
    database = folder / "bounceback.sqlite3"
    make(database)
    before = file_state(database)
    names_before = sorted(path.name for path in folder.iterdir())

    code = run_main(qapp, "--data-dir", str(folder))

    assert code == app.EXIT_DATABASE
    assert file_state(database) == before
    assert sorted(path.name for path in folder.iterdir()) == names_before
    assert len(dialogs) == 1 and words in dialogs[0] and str(database) in dialogs[0]
    assert "sqlalche.me" not in dialogs[0]
    stderr_lines = capsys.readouterr().err.strip().splitlines()
    error_lines = [line for line in stderr_lines if line.startswith("bounceback: error:")]
    assert len(error_lines) == 1 and str(database) in error_lines[0]


def test_unwritable_data_folder_is_reported(
    qapp: QApplication, tmp_path: Path, dialogs: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = run_main(qapp, "--data-dir", str(blocker / "data"))
    assert code == app.EXIT_DATABASE
    assert len(dialogs) == 1 and f"cannot write to {blocker / 'data'}" in dialogs[0]
    error_lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("bounceback: error:")]
    assert len(error_lines) == 1 and f"cannot write to {blocker / 'data'}" in error_lines[0]
    assert blocker.read_text() == "not a folder"


def test_demo_fills_a_new_folder_and_shows_it(qtbot, tmp_path: Path, dialogs: list[str]) -> None:
    folder = tmp_path / "demo"
    started = app.start_gui(build_parser().parse_args(["--demo", "--data-dir", str(folder)]))
    assert isinstance(started, app.StartedApp)
    qtbot.addWidget(started.window)
    assert started.wait_until_open()
    window = started.window
    assert window.prepare_tab.model.rowCount() == 4
    assert window.debrief_tab.model.rowCount() == 1
    assert window.planb_tab.model.rowCount() == 3
    started.shutdown()
    assert (folder / "bounceback.sqlite3").exists()


def test_demo_refuses_a_folder_with_a_database(qapp: QApplication, data_paths: DataPaths, dialogs: list[str]) -> None:
    open_database(data_paths).close()
    before = digest(data_paths.database)
    assert app.main(["--demo", "--data-dir", str(data_paths.root)]) == app.EXIT_USAGE
    assert "already holds" in dialogs[0]
    assert digest(data_paths.database) == before


def test_throwaway_demo_folder_is_removed_afterwards(qtbot, dialogs: list[str]) -> None:
    started = app.start_gui(build_parser().parse_args(["--demo"]))
    qtbot.addWidget(started.window)
    assert started.wait_until_open()
    folder = started.window.paths.root
    assert folder.name.startswith("bounceback-demo-") and folder.exists()
    started.shutdown()
    assert not folder.exists()


def test_window_geometry_and_tab_come_back(qtbot, data_paths: DataPaths) -> None:
    parser = build_parser()
    first = app.start_gui(parser.parse_args(["--data-dir", str(data_paths.root)]))
    qtbot.addWidget(first.window)
    assert first.wait_until_open()
    first.window.resize(760, 560)
    expected = (first.window.width(), first.window.height())
    first.window.tabs.setCurrentIndex(2)
    first.window.close()
    first.shutdown()

    second = app.start_gui(parser.parse_args(["--data-dir", str(data_paths.root)]))
    qtbot.addWidget(second.window)
    assert second.wait_until_open()
    assert second.window.tabs.currentIndex() == 2
    # The offscreen screen is only 800 px wide: a wider window is fitted to it, as on a real screen.
    assert second.window.height() == expected[1]
    assert second.window.width() >= min(expected[0], second.window.screen().availableGeometry().width() - 10)
    second.shutdown()


def test_version_and_help_from_the_command_line() -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    version = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--version"], capture_output=True, text=True, env=env, check=True
    )
    assert version.stdout.strip() == f"Bounceback {__version__}"
    helptext = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--help"], capture_output=True, text=True, env=env, check=True
    )
    assert "--data-dir DIR" in helptext.stdout and "--demo" in helptext.stdout


def file_state(path: Path) -> tuple[str, int, int]:
    """What must not change about a file we refused: its bytes, its modification time and its mode."""
    status = path.stat()
    return digest(path), status.st_mtime_ns, status.st_mode


@pytest.mark.parametrize("locked", ["folder", "database"])
def test_a_folder_or_database_the_user_cannot_write_is_reported_and_untouched(locked: str) -> None:
    """As an ordinary user (root ignores file modes): a read-only folder or database file is refused."""
    runner = non_root_runner()
    if runner is None:
        pytest.skip("running as root without setpriv: file modes would not apply, so the case proves nothing")
    home = Path(tempfile.mkdtemp(prefix="bounceback-unwritable-"))  # pytest's tmp_path is private to root
    try:
        _start_as(runner, home, locked)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def _start_as(runner: list[str], home: Path, locked: str) -> None:
    folder = home / "data"
    open_database(DataPaths(folder)).close()
    hand_over(runner, home, folder, *folder.iterdir(), *folder.glob("*/*"))
    database = folder / "bounceback.sqlite3"
    if locked == "folder":
        folder.chmod(0o500)
    else:
        database.chmod(0o400)
    before = file_state(database)
    names_before = sorted(path.name for path in folder.iterdir())
    try:
        done = subprocess.run(
            [*runner, sys.executable, "-m", "tests.startup_child", "--data-dir", str(folder)],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO), "HOME": str(home)},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        folder.chmod(0o700)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    unwritable = folder if locked == "folder" else database
    assert result["code"] == app.EXIT_DATABASE
    assert len(result["dialogs"]) == 1
    assert f"cannot write to {unwritable} " in result["dialogs"][0]
    error_lines = [line for line in done.stderr.splitlines() if line.startswith("bounceback: error:")]
    assert len(error_lines) == 1 and f"cannot write to {unwritable} " in error_lines[0]
    assert file_state(database) == before
    assert sorted(path.name for path in folder.iterdir()) == names_before
