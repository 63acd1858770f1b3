"""The main window: assembles the three tabs and the menus, and wires tabs to each other.

It holds no feature logic of its own; each tab owns its widgets and talks to storage
through repositories.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QTabWidget, QWidget

from desktop_app import APP_NAME, __version__
from desktop_app.paths import DataPaths
from desktop_app.ui.autosave import AutoSaver

if TYPE_CHECKING:
    from desktop_app.storage.database import Database

STATUS_TIMEOUT_MS = 5000


class MainWindow(QMainWindow):
    """The window; given no database yet, it shows at once and fills in on ``attach_database``."""

    database_attached = Signal()

    def __init__(self, db: Database | None, paths: DataPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.paths = paths
        self.setWindowTitle(APP_NAME)
        self.settings = QSettings(str(paths.settings), QSettings.Format.IniFormat)
        self.saver = AutoSaver(self)
        self.saver.save_failed.connect(self._show_save_failure)
        self.saver.saved.connect(self._clear_save_failure)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for title in self._tab_titles():
            self.tabs.addTab(self._opening_page(), title)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.save_status = QLabel()
        self.statusBar().addPermanentWidget(self.save_status)
        self._restore_state()
        if db is not None:
            self.attach_database(db)

    def _opening_page(self) -> QWidget:
        """What a tab shows for the moment it takes to open the database."""
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.addStretch()
        layout.addWidget(QLabel(self.tr("Opening your data…")))
        layout.addStretch()
        return page

    def _tab_titles(self) -> list[str]:
        return [self.tr("&Prepare"), self.tr("&Debrief"), self.tr("Plan &B")]

    def attach_database(self, db: Database) -> None:
        """Build the tabs over the now open database, keeping the tab the user is on."""
        from PySide6.QtCore import Qt

        from desktop_app.ui.debrief_tab import DebriefTab
        from desktop_app.ui.planb_tab import PlanBTab
        from desktop_app.ui.prepare_tab import PrepareTab

        self.save_status.setTextFormat(Qt.TextFormat.PlainText)
        self.db = db
        current = self.tabs.currentIndex()
        self.prepare_tab = PrepareTab(db, self.saver)
        self.debrief_tab = DebriefTab(db, self.saver)
        self.planb_tab = PlanBTab(db, self.saver)
        for index, (tab, title) in enumerate(
            zip((self.prepare_tab, self.debrief_tab, self.planb_tab), self._tab_titles(), strict=True)
        ):
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, title)
            placeholder.deleteLater()
        self.tabs.setCurrentIndex(current)
        self._connect_tabs()
        self._add_safety_menu()
        for action in self.data_actions:
            action.setEnabled(True)
        self.statusBar().showMessage(self.tr("Data folder: {path}").format(path=self.paths.root), STATUS_TIMEOUT_MS)
        self.database_attached.emit()

    def _connect_tabs(self) -> None:
        self.prepare_tab.debrief_requested.connect(self._open_debrief)
        self.debrief_tab.plan_b_requested.connect(lambda: self.tabs.setCurrentWidget(self.planb_tab))
        self.debrief_tab.debriefs_changed.connect(self.prepare_tab.refresh)

    def _open_debrief(self, interview_id: int) -> None:
        self.tabs.setCurrentWidget(self.debrief_tab)
        self.debrief_tab.start_debrief(interview_id)

    def _add_safety_menu(self) -> None:
        """Export, import, check and restore: added once the database is open (they all need it)."""
        if getattr(self, "safety", None) is not None:
            return
        from desktop_app.ui.safety.menu import SafetyMenu

        self.safety = SafetyMenu(self)
        menu = self.file_menu
        menu.insertAction(self.safety_anchor, self.safety.export_action)
        menu.insertAction(self.safety_anchor, self.safety.import_action)
        menu.insertSeparator(self.safety_anchor)
        menu.insertAction(self.safety_anchor, self.safety.check_action)
        menu.insertAction(self.safety_anchor, self.safety.restore_action)
        menu.insertSeparator(self.safety_anchor)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_interview_action = self._action(
            self.tr("&New interview"), QKeySequence.StandardKey.New, self._new_interview
        )
        self.print_action = self._action(self.tr("&Print…"), QKeySequence.StandardKey.Print, self._print)
        # Not StandardKey.Quit: it is empty on Windows and some Linux desktops. Qt reads Ctrl as Cmd on macOS.
        self.quit_action = self._action(self.tr("&Quit"), "Ctrl+Q", self.close)
        self.data_actions = [self.new_interview_action, self.print_action]
        for action in self.data_actions:
            action.setEnabled(False)
        file_menu.addAction(self.new_interview_action)
        self.safety_anchor = file_menu.addSeparator()
        file_menu.addAction(self.print_action)
        self.file_menu = file_menu
        self.file_menu_end = file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About Bounceback"), None, self.show_about))

    def _action(self, text: str, shortcut: QKeySequence.StandardKey | str | None, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts([...]) rather than setShortcut(): the latter's overload resolution makes PySide
            # build ~90 Python enum classes, a visible 30-50 ms before the window can appear.
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(slot)
        return action

    def _new_interview(self) -> None:
        self.tabs.setCurrentWidget(self.prepare_tab)
        new_interview = getattr(self.prepare_tab, "new_interview", None)
        if new_interview is not None:
            new_interview()

    def _print(self) -> None:
        tab = self.tabs.currentWidget()
        tab.print_current()  # type: ignore[attr-defined]

    def about_text(self) -> str:
        return self.tr(
            "Bounceback {version}\n\nPrepare for interviews, debrief honestly afterwards, and keep a Plan B "
            "ready.\n\nYour data stays on this computer, in:\n{folder}"
        ).format(version=__version__, folder=self.paths.root)

    def show_about(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox  # not needed before the window shows

        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About Bounceback"),
            self.about_text(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def _show_save_failure(self, detail: str) -> None:
        self.save_status.setText(
            self.tr("Your last change could not be saved yet; retrying. ({detail})").format(detail=detail)
        )

    def _clear_save_failure(self) -> None:
        if self.save_status.text():
            self.save_status.clear()
            self.statusBar().showMessage(self.tr("All changes saved."), STATUS_TIMEOUT_MS)

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        tab = self.settings.value("window/tab", 0, type=int)
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.saver.flush()
        self.save_state()
        super().closeEvent(event)
