"""At start-up: when the database is damaged or cannot be opened, offer the newest good backup.

The offer names the backup's date; accepting it restores the backup and keeps the
damaged file beside it under a new name. Problems a backup cannot fix (a newer version's
file, a folder that cannot be written) are not offered a restore.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.paths import DataPaths
from desktop_app.storage.errors import DatabaseOpenError, Problem
from desktop_app.storage.integrity import RestoreError, newest_good_backup, restore_backup
from desktop_app.ui.safety.dialogs import RestoreOffer
from desktop_app.ui.startup_errors import describe_open_error

RESTORABLE = {Problem.EMPTY_FILE, Problem.NOT_SQLITE, Problem.FOREIGN, Problem.CORRUPT, Problem.MISSING}


def missing_database(paths: DataPaths) -> DatabaseOpenError | None:
    """The database file is gone but backups of it are there: worth asking before starting afresh."""
    from desktop_app.storage.backups import list_backups

    if paths.database.exists() or paths.database.is_symlink() or not list_backups(paths):
        return None
    return DatabaseOpenError(Problem.MISSING, paths.database)


def offer_restore(parent: QWidget | None, error: DatabaseOpenError, paths: DataPaths) -> bool:
    """Ask to restore the newest good backup; True once it is in place."""
    if error.problem not in RESTORABLE:
        return False
    backup = newest_good_backup(paths)
    if backup is None:
        return False
    if not RestoreOffer.ask(parent, describe_open_error(error, paths), backup):
        return False
    try:
        restore_backup(paths, backup.path)
    except RestoreError:
        return False
    return True
