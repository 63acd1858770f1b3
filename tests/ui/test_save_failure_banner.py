"""A save the disk refuses: the window says so without blocking, keeps the text, and saves it later."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit
from sqlalchemy import event

from desktop_app.paths import DataPaths
from desktop_app.storage.database import Database
from desktop_app.storage.interviews import create_interview
from desktop_app.storage.models import Interview
from desktop_app.ui.main_window import MainWindow


def test_disk_full_shows_a_message_keeps_the_text_and_saves_when_space_returns(
    qtbot, db: Database, data_paths: DataPaths
) -> None:
    interview_id = create_interview(db, "Acme")
    window = MainWindow(db, data_paths)
    qtbot.addWidget(window)
    window.saver._retry.setInterval(50)
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)

    def save_notes() -> None:
        text = editor.toPlainText()
        with db.session() as session:
            session.get(Interview, interview_id).notes = text

    editor.textChanged.connect(lambda: window.saver.schedule(("notes", interview_id), save_notes))

    # The disk fills up: no page may be added to the file any more.
    pages = int(db.pragma("page_count"))  # type: ignore[call-overload]

    def full_disk(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    db.engine.dispose()
    event.listen(db.engine, "connect", full_disk)
    long_text = "What I want to remember about this interview. " * 2000
    editor.setPlainText(long_text)
    assert window.saver.flush() is False

    assert "could not be saved" in window.save_status.text()
    assert "the disk is full" in window.save_status.text()
    assert window.saver.failing and window.saver.has_pending()
    assert editor.toPlainText() == long_text
    with db.read_session() as session:
        assert session.get(Interview, interview_id).notes == ""

    # Space comes back: the retry saves the text and the message goes away.
    event.remove(db.engine, "connect", full_disk)
    db.engine.dispose()
    qtbot.waitUntil(lambda: not window.saver.failing, timeout=20_000)  # generous: a loaded machine is slow
    assert window.save_status.text() == ""
    with db.read_session() as session:
        assert session.get(Interview, interview_id).notes == long_text
