"""File menu entries for data safety: Check database, Restore from backup…, Export…, Import….

The main window creates one ``SafetyMenu`` and adds its actions; everything they do
(closing and reopening the database around a restore included) lives here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop_app.core.exchange import ImportRefusedError
from desktop_app.storage.backup import BackupError
from desktop_app.storage.backups import RESTORE_LABEL, BackupInfo, labelled_backup, list_backups
from desktop_app.storage.errors import DatabaseOpenError, SaveFailedError
from desktop_app.storage.integrity import RestoreError, check_database, newest_good_backup, restore_backup
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.safety.dialogs import RestoreDialog, RestoreOffer, show_message
from desktop_app.ui.safety.messages import describe_check, describe_refusal, describe_save_problem, describe_summary
from desktop_app.ui.startup_errors import describe_open_error

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow

STATUS_MS = 15_000


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while a whole-database job (check, export, import, restore) runs."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class SafetyMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.check_action = self._action(self.tr("&Check database"), self.check)
        self.restore_action = self._action(self.tr("&Restore from backup…"), self.choose_and_restore)
        self.export_action = self._action(self.tr("&Export…"), self.export)
        self.import_action = self._action(self.tr("&Import…"), self.import_)
        self.actions = [self.check_action, self.restore_action, self.export_action, self.import_action]

    def _action(self, text: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        return action

    # -- check and restore ------------------------------------------------------------

    def check(self) -> None:
        window = self.window
        window.saver.flush()
        with busy():
            result = check_database(window.paths.database, thorough=True)
        if result.ok:
            show_message(window, QMessageBox.Icon.Information, describe_check(result))
            return
        backup = newest_good_backup(window.paths)
        details = "\n".join(result.messages)
        if backup is None:
            show_message(
                window,
                QMessageBox.Icon.Warning,
                describe_check(result) + " " + self.tr("There is no good backup to go back to."),
                details,
            )
        elif RestoreOffer.ask(window, describe_check(result), backup):
            self.restore(backup, damaged=True)

    def choose_and_restore(self) -> None:
        backup = RestoreDialog.ask(self.window, list_backups(self.window.paths))
        if backup is not None:
            self.restore(backup, damaged=False)

    def restore(self, backup: BackupInfo, damaged: bool) -> bool:
        """Close the database, put the backup in its place (keeping the current file), reopen."""
        window = self.window
        window.saver.flush()
        if not damaged:
            # The current file is also kept beside the restored one, so a failure here loses nothing.
            with contextlib.suppress(BackupError):
                labelled_backup(window.paths, RESTORE_LABEL)
        if window.db is not None:
            window.db.close()
            window.db = None
        try:
            with busy():
                result = restore_backup(window.paths, backup.path, reason="damaged" if damaged else "replaced")
        except RestoreError as exc:
            show_message(
                window,
                QMessageBox.Icon.Critical,
                self.tr("The backup could not be restored; your data was left as it was. ({reason})").format(
                    reason=exc
                ),
            )
            self._reopen()
            return False
        if self._reopen():
            kept = result.damaged_kept_as.name if result.damaged_kept_as else ""
            message = self.tr("Restored the backup from {when}.").format(
                when=format_datetime(backup.taken_at, long=True)
            )
            if kept:
                message += " " + self.tr("The previous file was kept as {name}.").format(name=kept)
            window.statusBar().showMessage(message, STATUS_MS)
            return True
        return False

    def _reopen(self) -> bool:
        from desktop_app.storage.migrate import open_database

        try:
            db = open_database(self.window.paths)
        except DatabaseOpenError as error:
            show_message(self.window, QMessageBox.Icon.Critical, describe_open_error(error, self.window.paths))
            return False
        self.window.attach_database(db)
        return True

    # -- export and import ------------------------------------------------------------

    def export(self) -> None:
        window = self.window
        if window.db is None:
            return
        window.saver.flush()
        json_filter = self.tr("Bounceback export, for importing later (*.json)")
        markdown_filter = self.tr("Markdown, for reading and printing (*.md)")
        suggested = str(Path.home() / f"bounceback-{date.today().isoformat()}.json")
        name, chosen = QFileDialog.getSaveFileName(
            window, self.tr("Export all your data"), suggested, f"{json_filter};;{markdown_filter}"
        )
        if not name:
            return
        target = Path(name)
        markdown = chosen == markdown_filter or target.suffix.lower() in (".md", ".markdown")
        if markdown and target.suffix.lower() == ".json":
            target = target.with_suffix(".md")
        try:
            with busy():
                from desktop_app.ui.safety.exchange_files import export_file

                export_file(window.db, target, markdown)
        except OSError as exc:
            show_message(
                window,
                QMessageBox.Icon.Warning,
                self.tr("Could not write {path}: {reason}. Nothing else was changed.").format(
                    path=target, reason=exc.strerror or exc
                ),
            )
            return
        window.statusBar().showMessage(self.tr("Exported your data to {path}.").format(path=target), STATUS_MS)

    def import_(self) -> None:
        window = self.window
        if window.db is None:
            return
        name, _chosen = QFileDialog.getOpenFileName(
            window, self.tr("Import a Bounceback export"), str(Path.home()), self.tr("Bounceback export (*.json)")
        )
        if not name:
            return
        window.saver.flush()
        try:
            with busy():
                from desktop_app.ui.safety.exchange_files import import_file

                summary = import_file(window.db, Path(name))
        except ImportRefusedError as refused:
            show_message(window, QMessageBox.Icon.Warning, describe_refusal(refused))
            return
        except BackupError as exc:
            show_message(
                window,
                QMessageBox.Icon.Warning,
                self.tr("Nothing was imported: the safety backup before importing failed ({reason}).").format(
                    reason=exc
                ),
            )
            return
        except SaveFailedError as exc:
            show_message(
                window,
                QMessageBox.Icon.Warning,
                self.tr("Nothing was imported: {reason}.").format(reason=describe_save_problem(exc.problem)),
            )
            return
        for tab in (window.prepare_tab, window.debrief_tab, window.planb_tab):
            tab.refresh()
        show_message(window, QMessageBox.Icon.Information, describe_summary(summary))
