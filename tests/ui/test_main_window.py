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
