"""The dialogs of data safety: plain-text message boxes, the restore offer, the backup chooser.

Each has an ``ask()``/``show()`` entry point so tests can replace it without a modal loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.paths import DataPaths
from desktop_app.storage.backups import BackupInfo
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.safety.messages import backup_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("SafetyDialogs", text)


def backup_title(info: BackupInfo) -> str:
    """“Saturday 21 November 2026 09:00 — daily (1.2 MB)” in the user's locale."""
    size = QLocale().formattedDataSize(info.size)
    return _tr("{when} — {why} ({size})").format(
        when=format_datetime(info.taken_at, long=True), why=backup_label(info.label), size=size
    )


def show_message(parent: QWidget | None, icon: QMessageBox.Icon, text: str, details: str = "") -> None:
    """A message box whose text is never read as HTML."""
    box = QMessageBox(icon, APP_NAME, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.exec()


class RestoreOffer:
    """“Your database is damaged … Restore the backup from <date>?”"""

    @classmethod
    def ask(cls, parent: QWidget | None, problem: str, backup: BackupInfo) -> bool:
        offer = _tr(
            "Bounceback can put back the newest good backup, from {when}. Changes made after it are not in it."
        ).format(when=format_datetime(backup.taken_at, long=True))
        if DataPaths(backup.path.parent.parent).database.exists():  # backups/ sits in the data folder
            offer += " " + _tr("The damaged file is not deleted: it is kept beside your data under a new name.")
        else:
            offer += " " + _tr("Otherwise Bounceback starts with a new, empty database; the backups stay.")
        text = problem + "\n\n" + offer + "\n\n" + _tr("Restore that backup now?")
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.NoButton, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        restore = box.addButton(_tr("&Restore backup"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore


class RestoreDialog(QDialog):
    """Lists the backups, newest first, with their dates in the user's locale."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Restore from backup"))
        self.backups = backups
        layout = QVBoxLayout(self)
        intro = QLabel(
            _tr(
                "Choose the backup to go back to. What you have now is kept: it is backed up first, and the "
                "current file stays beside your data under a new name."
            )
            if backups
            else _tr("There are no backups yet. Bounceback makes one each day you open it, and before imports.")
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(_tr("Backups"))
        for info in backups:
            item = QListWidgetItem(backup_title(info))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        intro.setBuddy(self.list)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(_tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(buttons)
        self.resize(560, 360)

    def chosen(self) -> BackupInfo | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    @classmethod
    def ask(cls, parent: QWidget | None, backups: list[BackupInfo]) -> BackupInfo | None:
        dialog = cls(backups, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
