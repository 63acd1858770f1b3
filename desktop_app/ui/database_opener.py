"""Opens the database in a background thread so the window appears at once.

Loading the storage stack, checking, backing up and migrating a large database can
take a noticeable moment; the window is already on screen and responsive meanwhile,
and the tabs fill in when the database is ready.
"""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.paths import DataPaths
from desktop_app.storage.errors import DatabaseOpenError

if TYPE_CHECKING:
    from desktop_app.storage.database import Database


class DatabaseOpener(QObject):
    """Emits ``opened(Database)`` or ``failed(DatabaseOpenError)`` in the GUI thread."""

    opened = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        paths: DataPaths,
        fill_with_demo: bool = False,
        check_first: bool = False,
        parent: QObject | None = None,
        mark_running: bool = False,
    ) -> None:
        """``mark_running``: leave the running marker first; finding an old one means checking first."""
        super().__init__(parent)
        self.paths = paths
        self.fill_with_demo = fill_with_demo
        self.check_first = check_first
        self.mark_running = mark_running
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._open, name="open-database", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _open(self) -> None:
        try:
            if self.mark_running:
                from desktop_app.storage.running_marker import mark_running

                self.check_first = mark_running(self.paths) or self.check_first
            db = open_and_prepare(self.paths, self.fill_with_demo, self.check_first)
        except OSError as error:  # the marker could not be written: the folder cannot be written
            from desktop_app.storage.errors import Problem

            self.failed.emit(DatabaseOpenError(Problem.UNWRITABLE, self.paths.root, error.strerror or str(error)))
            return
        except DatabaseOpenError as error:
            self.failed.emit(error)
            return
        self.opened.emit(db)


def open_and_prepare(paths: DataPaths, fill_with_demo: bool = False, check_first: bool = False) -> Database:
    """Open (and migrate) the database; optionally fill it with sample data.

    ``check_first`` (after an unclean shutdown) runs ``quick_check`` and the foreign key
    check before opening; the first start of each day takes the daily backup.
    """
    from desktop_app.storage.backup import BackupError
    from desktop_app.storage.backups import daily_backup
    from desktop_app.storage.errors import Problem
    from desktop_app.storage.integrity import check_database
    from desktop_app.storage.migrate import open_database

    if check_first and paths.database.exists():
        result = check_database(paths.database, thorough=False)
        if not result.ok:
            raise DatabaseOpenError(Problem.CORRUPT, paths.database, "; ".join(result.messages[:3]))
    db = open_database(paths)
    try:
        try:
            daily_backup(paths)
        except BackupError as exc:  # the database opened; a missed daily backup is retried next start
            print(f"bounceback: warning: the daily backup failed: {exc}", file=sys.stderr)
        if fill_with_demo:
            from desktop_app.storage.demo import fill_with_demo_data

            fill_with_demo_data(db)
        # Load the modules the tabs need while we are off the GUI thread.
        import desktop_app.storage.debriefs
        import desktop_app.storage.interviews
        import desktop_app.storage.plans  # noqa: F401
    except BaseException:
        db.close()
        raise
    # Connections made here belong to this thread; the GUI thread makes its own.
    db.engine.dispose()
    return db
