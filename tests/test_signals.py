"""Ending Bounceback with a signal (log-out, kill, Ctrl+C) saves and exits cleanly, like File > Quit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.paths import DataPaths
from desktop_app.storage.backups import list_backups

REPO = Path(__file__).resolve().parent.parent


def _wait_for(condition, what: str, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_quits_cleanly(tmp_path: Path, number: int) -> None:
    paths = DataPaths(tmp_path / "data")
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(paths.root)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The daily backup is taken once the database is open and the window is being filled in.
        _wait_for(lambda: list_backups(paths) or child.poll() is not None, "the database to open")
        assert child.poll() is None, child.communicate()
        child.send_signal(number)
        _, errors = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, errors
    assert not paths.running_marker.exists()  # a clean exit: no check needed at the next start
    assert not paths.lock.exists()
    assert paths.settings.exists()  # the window's size and tab were kept
