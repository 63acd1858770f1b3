"""Telling a clean exit from a crash: a marker file that exists only while the app runs.

It is created at start-up and removed at a clean exit; finding it at start-up means the
last run ended in a crash, a kill or a power cut, so the database deserves a check.
"""

from __future__ import annotations

import os

from desktop_app.paths import FILE_MODE, DataPaths


def mark_running(paths: DataPaths) -> bool:
    """Create the marker; True if one was already there (the last run did not end cleanly)."""
    marker = paths.running_marker
    unclean = marker.exists()
    fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.write(fd, f"{os.getpid()}\n".encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    return unclean


def mark_clean_exit(paths: DataPaths) -> None:
    paths.running_marker.unlink(missing_ok=True)


def last_run_was_unclean(paths: DataPaths) -> bool:
    return paths.running_marker.exists()
