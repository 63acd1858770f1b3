"""The main window opens with three tabs showing what is stored."""

from __future__ import annotations

from desktop_app.paths import DataPaths
from desktop_app.storage.database import Database
from desktop_app.storage.demo import fill_with_demo_data
from desktop_app.ui.main_window import MainWindow


def test_three_tabs_show_stored_data(qtbot, db: Database, data_paths: DataPaths) -> None:
    fill_with_demo_data(db)
    window = MainWindow(db, data_paths)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Bounceback"
    assert [window.tabs.tabText(i).replace("&", "") for i in range(3)] == ["Prepare", "Debrief", "Plan B"]
    companies = {window.prepare_tab.model.row_at(r).company for r in range(window.prepare_tab.model.rowCount())}
    assert {"Northwind Logistics", "Contoso Energy", "Fabrikam Health"} <= companies
    assert window.debrief_tab.model.rowCount() == 1
    assert window.planb_tab.model.rowCount() == 3


def test_empty_database_shows_what_to_do(qtbot, db: Database, data_paths: DataPaths) -> None:
    window = MainWindow(db, data_paths)
    qtbot.addWidget(window)
    for tab in (window.prepare_tab, window.debrief_tab, window.planb_tab):
        assert tab.stack.is_showing_empty_state()
        assert tab.stack.message_label.text()


def _menu_texts(window: MainWindow, title: str) -> list[str]:
    menu = next(action.menu() for action in window.menuBar().actions() if action.text().replace("&", "") == title)
    return [action.text().replace("&", "") for action in menu.actions() if not action.isSeparator()]


def test_menus_shortcuts_about_and_status_bar(qtbot, db: Database, data_paths: DataPaths) -> None:
    from PySide6.QtGui import QKeySequence

    from desktop_app import __version__

    window = MainWindow(db, data_paths)
    qtbot.addWidget(window)
    file_menu = _menu_texts(window, "File")
    assert file_menu[0] == "New interview" and file_menu[-1] == "Quit"
    assert {"Export…", "Import…", "Check database", "Restore from backup…", "Print…"} <= set(file_menu)
    assert _menu_texts(window, "Help") == ["About Bounceback"]
    shortcuts = {
        action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for action in (window.new_interview_action, window.print_action, window.quit_action)
    }
    assert shortcuts == {"Ctrl+N", "Ctrl+P", "Ctrl+Q"}
    assert window.new_interview_action.isEnabled() and window.print_action.isEnabled()
    about = window.about_text()
    assert f"Bounceback {__version__}" in about and str(data_paths.root) in about
    assert str(data_paths.root) in window.statusBar().currentMessage()


def test_before_the_database_opens_the_window_says_so_and_data_actions_wait(qtbot, data_paths: DataPaths) -> None:
    window = MainWindow(None, data_paths)
    qtbot.addWidget(window)
    assert [window.tabs.tabText(i).replace("&", "") for i in range(3)] == ["Prepare", "Debrief", "Plan B"]
    assert not window.new_interview_action.isEnabled() and not window.print_action.isEnabled()
    assert window.quit_action.isEnabled()
    assert "Export…" not in _menu_texts(window, "File")
