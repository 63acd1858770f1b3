"""File → Check database, Restore from backup…, Export…, Import… in the running window."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop_app.paths import DataPaths
from desktop_app.storage.backups import BackupInfo, daily_backup, list_backups
from desktop_app.storage.database import Database
from desktop_app.storage.interviews import create_interview
from desktop_app.storage.migrate import open_database
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.safety.dialogs import RestoreDialog, RestoreOffer
from tests.storage.sample_records import fill_every_table
from tests.ui.safety_helpers import capture_boxes, companies


@pytest.fixture
def window(qtbot, db: Database, data_paths: DataPaths) -> MainWindow:
    main = MainWindow(db, data_paths)
    qtbot.addWidget(main)
    return main


def test_the_file_menu_offers_the_safety_actions(window: MainWindow) -> None:
    texts = [action.text().replace("&", "") for action in window.file_menu.actions() if action.text()]
    for wanted in ("Export…", "Import…", "Check database", "Restore from backup…"):
        assert wanted in texts
    assert all(action.isEnabled() for action in window.safety.actions)


def test_check_database_says_a_healthy_database_is_healthy(window: MainWindow, monkeypatch) -> None:
    shown = capture_boxes(monkeypatch)
    window.safety.check_action.trigger()
    assert len(shown) == 1 and "healthy" in shown[0].text and shown[0].plain


def test_check_database_finds_broken_links_and_restores_the_good_backup(
    window: MainWindow, db: Database, data_paths: DataPaths, monkeypatch
) -> None:
    create_interview(db, "Kept by the backup")
    daily_backup(data_paths, datetime(2026, 11, 21, 9, 0))
    raw = sqlite3.connect(data_paths.database)
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute(
        "INSERT INTO checklist_items (interview_id, section, section_position, text, done, position, origin,"
        " origin_note) VALUES (4242, 'Research', 0, 'orphan', 0, 0, 'user', '')"
    )
    raw.commit()
    raw.close()
    offers: list[tuple[str, BackupInfo]] = []
    monkeypatch.setattr(RestoreOffer, "ask", classmethod(lambda cls, parent, text, b: offers.append((text, b)) or True))
    capture_boxes(monkeypatch)

    window.safety.check_action.trigger()

    assert len(offers) == 1 and "no longer exist" in offers[0][0]
    assert offers[0][1].taken_at == datetime(2026, 11, 21, 9, 0)
    assert window.db is not None and window.db is not db
    assert companies(window) == ["Kept by the backup"]
    kept = list(data_paths.root.glob("bounceback.sqlite3.damaged-*"))
    assert kept and not kept[0].name.endswith(("-wal", "-shm"))
    assert "Restored the backup" in window.statusBar().currentMessage()


def test_restore_from_backup_goes_back_and_keeps_what_was_there(
    window: MainWindow, db: Database, data_paths: DataPaths, monkeypatch
) -> None:
    create_interview(db, "Old")
    daily_backup(data_paths, datetime(2026, 11, 21, 9, 0))
    create_interview(db, "Newer")
    window.prepare_tab.refresh()
    assert companies(window) == ["Newer", "Old"]
    chosen: list[list[BackupInfo]] = []
    monkeypatch.setattr(
        RestoreDialog, "ask", classmethod(lambda cls, parent, backups: chosen.append(backups) or backups[0])
    )

    window.safety.restore_action.trigger()

    assert [info.label for info in chosen[0]] == ["daily"]
    assert companies(window) == ["Old"]
    # What was there before is kept twice: as a backup and as the replaced file.
    assert any(info.label == "before-restore" for info in list_backups(data_paths))
    replaced = next(data_paths.root.glob("bounceback.sqlite3.replaced-*"))
    raw = sqlite3.connect(replaced)
    assert sorted(row[0] for row in raw.execute("SELECT company FROM interviews")) == ["Newer", "Old"]
    raw.close()


def test_restore_dialog_lists_backups_with_local_dates(qtbot, db: Database, data_paths: DataPaths) -> None:
    daily_backup(data_paths, datetime(2026, 11, 20, 9, 0))
    daily_backup(data_paths, datetime(2026, 11, 21, 9, 30))
    dialog = RestoreDialog(list_backups(data_paths))
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert len(texts) == 2 and "2026" in texts[0] and "daily" in texts[0]
    assert dialog.chosen() == list_backups(data_paths)[0]
    empty = RestoreDialog([])
    qtbot.addWidget(empty)
    assert not empty.restore_button.isEnabled()


def test_export_json_and_markdown_from_the_menu(window: MainWindow, db: Database, tmp_path: Path, monkeypatch) -> None:
    fill_every_table(db)
    targets = iter(
        [
            (str(tmp_path / "all.json"), "Bounceback export, for importing later (*.json)"),
            (str(tmp_path / "all.md"), "Markdown, for reading and printing (*.md)"),
        ]
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: next(targets))
    window.safety.export_action.trigger()
    window.safety.export_action.trigger()
    document = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert len(document["tables"]["interviews"]) == 2
    markdown = (tmp_path / "all.md").read_text(encoding="utf-8")
    assert "Acme 0 \\<b\\>bold?\\</b\\>" in markdown
    assert "<b>" not in markdown
    assert (tmp_path / "all.md").stat().st_mode & 0o777 == 0o600


def test_import_reports_what_it_added_and_refreshes_the_tabs(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    source = open_database(DataPaths(tmp_path / "other"))
    fill_every_table(source)
    from desktop_app.storage.exchange.json_export import export_json

    export_json(source, tmp_path / "other.json")
    source.close()
    shown = capture_boxes(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "other.json"), ""))

    window.safety.import_action.trigger()

    assert len(shown) == 1 and shown[0].plain
    assert "interviews: 2" in shown[0].text and "plans: 2" in shown[0].text
    assert len(companies(window)) == 2
    assert window.planb_tab.model.rowCount() == 2


def test_a_refused_import_says_where_and_changes_nothing(
    window: MainWindow, db: Database, tmp_path: Path, monkeypatch
) -> None:
    create_interview(db, "Mine")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "bounceback-export",\n "format_version": 1,\n "tables": {"interviews": [}\n}')
    shown = capture_boxes(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.safety.import_action.trigger()
    assert "not valid JSON" in shown[0].text and "line 3" in shown[0].text
    assert "Nothing was imported" in shown[0].text
    window.prepare_tab.refresh()
    assert companies(window) == ["Mine"]
