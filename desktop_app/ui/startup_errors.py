"""Plain-words explanations of why the database could not be opened."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.paths import DataPaths
from desktop_app.storage.errors import DatabaseOpenError, Problem


def _tr(text: str) -> str:
    return QCoreApplication.translate("startup", text)


def describe_open_error(error: DatabaseOpenError, paths: DataPaths) -> str:
    """One paragraph saying what is wrong, with which file, and that it was left untouched."""
    messages = {
        Problem.EMPTY_FILE: _tr(
            "The file {path} is empty (0 bytes), so it is not a Bounceback database. It was left untouched. "
            "Move it away, or start Bounceback with --data-dir and another folder."
        ),
        Problem.NOT_SQLITE: _tr(
            "The file {path} is not a Bounceback database (it is not an SQLite database at all). It was left untouched."
        ),
        Problem.FOREIGN: _tr(
            "The file {path} is another program's SQLite database, not a Bounceback one. It was left untouched."
        ),
        Problem.CORRUPT: _tr(
            "The database {path} is damaged and cannot be read ({detail}). It was left untouched. {where}"
        ),
        Problem.TOO_NEW: _tr(
            "The database {path} was saved by a newer version of Bounceback. Install that version to open it; "
            "the file was left untouched."
        ),
        Problem.UNWRITABLE: _tr(
            "Bounceback cannot write to {path} ({detail}). Fix its permissions or choose another folder with "
            "--data-dir."
        ),
        Problem.MIGRATION_FAILED: _tr(
            "The database {path} could not be upgraded to this version ({detail}). Nothing in it was changed, "
            "and a backup was saved in {backups}."
        ),
        Problem.MISSING: _tr(
            "The database {path} is gone (moved or deleted?), but there are backups of it in {backups}."
        ),
        Problem.BACKUP_FAILED: _tr(
            "Bounceback could not make a safety backup of {path} before upgrading it ({detail}), so it left the "
            "database as it was. Check that the disk has free space."
        ),
    }
    detail = error.detail or _tr("no details")
    from desktop_app.storage.backups import list_backups

    if list_backups(paths):
        where = _tr("Your backups are in {backups}.").format(backups=paths.backups)
    else:
        where = _tr("There is no backup of it yet.")
    return messages[error.problem].format(path=error.path, detail=detail, backups=paths.backups, where=where)
