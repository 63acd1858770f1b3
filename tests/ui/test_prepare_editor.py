"""The interview editor: every field saved as you type, shown again after a restart, bad dates explained."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from desktop_app.storage.database import Database
from desktop_app.storage.interviews import create_interview, get_interview
from desktop_app.ui.prepare_editor import format_when
from tests.ui.prepare_helpers import add_interviews, make_tab, show_active


def _choose(combo, data: str) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(data))


def test_every_field_is_saved_and_shown_again_after_rebuilding_the_tab(qtbot, db: Database) -> None:
    tab = make_tab(qtbot, db)
    interview_id = tab.new_interview()
    e = tab.editor
    e.company.selectAll()
    qtbot.keyClicks(e.company, "Northwind")
    qtbot.keyClicks(e.role, "Data analyst")
    qtbot.keyClicks(e.stage.lineEdit(), "Zoom chat")
    qtbot.keyClicks(e.when, "2031-03-04 09:30")
    _choose(e.format, "video")
    qtbot.keyClicks(e.location, "https://meet.example/abc")
    qtbot.keyClicks(e.interviewers, "Ana (lead), Bo")
    qtbot.keyClicks(e.posting, "https://jobs.example/42")
    e.internal.setChecked(True)
    qtbot.keyClicks(e.notes, "Ask about on-call")
    _choose(e.outcome, "offer")
    tab._saver.flush()

    stored = get_interview(db, interview_id)
    assert stored is not None
    assert (stored.company, stored.role, stored.stage) == ("Northwind", "Data analyst", "Zoom chat")
    assert stored.scheduled_at == datetime(2031, 3, 4, 9, 30)
    assert (stored.format, stored.location, stored.interviewers) == (
        "video",
        "https://meet.example/abc",
        "Ana (lead), Bo",
    )
    assert (stored.posting, stored.internal, stored.notes, stored.outcome) == (
        "https://jobs.example/42",
        True,
        "Ask about on-call",
        "offer",
    )

    again = make_tab(qtbot, db)
    again.interviews.select_interview(interview_id)
    e = again.editor
    assert e.company.text() == "Northwind"
    assert e.role.text() == "Data analyst"
    assert e.stage.currentText() == "Zoom chat"
    assert e.when.text() == format_when(datetime(2031, 3, 4, 9, 30))
    assert e.format.currentData() == "video"
    assert e.location.text() == "https://meet.example/abc"
    assert e.interviewers.text() == "Ana (lead), Bo"
    assert e.posting.toPlainText() == "https://jobs.example/42"
    assert e.internal.isChecked()
    assert e.notes.toPlainText() == "Ask about on-call"
    assert e.outcome.currentData() == "offer"
    assert "Zoom chat" in [e.stage.itemText(i) for i in range(e.stage.count())]


def test_the_list_row_follows_the_typing(qtbot, db: Database) -> None:
    tab = make_tab(qtbot, db)
    interview_id = tab.new_interview()
    tab.editor.company.selectAll()
    qtbot.keyClicks(tab.editor.company, "Fabrikam")
    qtbot.keyClicks(tab.editor.role, "Designer")
    row = tab.interviews._row_of[interview_id]
    assert tab.model.index(row, 0).data() == "Fabrikam"
    assert tab.model.index(row, 1).data() == "Designer"


def test_a_date_that_cannot_be_read_is_explained_and_the_saved_date_kept(qtbot, db: Database) -> None:
    when = datetime(2031, 5, 6, 14, 0)
    interview_id = create_interview(db, "Contoso", scheduled_at=when)
    tab = make_tab(qtbot, db)
    tab.editor.when.selectAll()
    qtbot.keyClicks(tab.editor.when, "next tuesday-ish")
    tab._saver.flush()
    problem = tab.editor.when_problem
    assert not problem.isHidden()
    assert "next tuesday-ish" in problem.text()
    assert format_when(when) in problem.text()
    assert problem.textFormat() == Qt.TextFormat.PlainText
    assert get_interview(db, interview_id).scheduled_at == when  # type: ignore[union-attr]

    tab.editor.when.selectAll()
    qtbot.keyClicks(tab.editor.when, "2031-05-07 10:15")
    tab._saver.flush()
    assert problem.isHidden()
    assert get_interview(db, interview_id).scheduled_at == datetime(2031, 5, 7, 10, 15)  # type: ignore[union-attr]


def test_the_locale_form_of_a_date_is_read_back(qtbot, db: Database) -> None:
    interview_id = create_interview(db, "Contoso")
    tab = make_tab(qtbot, db)
    qtbot.keyClicks(tab.editor.when, format_when(datetime(2032, 1, 2, 8, 45)))
    tab._saver.flush()
    assert tab.editor.when_problem.isHidden()
    assert get_interview(db, interview_id).scheduled_at == datetime(2032, 1, 2, 8, 45)  # type: ignore[union-attr]


def test_an_empty_company_is_refused_with_a_message(qtbot, db: Database) -> None:
    interview_id = create_interview(db, "Litware")
    tab = make_tab(qtbot, db)
    tab.editor.company.selectAll()
    qtbot.keyClick(tab.editor.company, Qt.Key.Key_Delete)
    tab._saver.flush()
    assert not tab.editor.company_problem.isHidden()
    assert "Litware" in tab.editor.company_problem.text()
    assert get_interview(db, interview_id).company == "Litware"  # type: ignore[union-attr]


def test_switching_interviews_mid_edit_loses_nothing(qtbot, db: Database) -> None:
    ids = add_interviews(db)
    tab = make_tab(qtbot, db)
    tab.interviews.select_interview(ids["soon"])
    tab.editor.notes.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(tab.editor.notes, " and charger")
    qtbot.keyClicks(tab.editor.role, " II")
    assert tab._saver.has_pending()
    tab.interviews.table.setFocus()
    later_row = tab.interviews._row_of[ids["later"]]
    tab.interviews.table.setCurrentIndex(tab.model.index(later_row, 0))
    assert tab.editor.company.text() == "Laterco"
    qtbot.keyClicks(tab.editor.notes, "Parking at the back")
    tab.interviews.select_interview(ids["soon"])
    assert tab.editor.notes.toPlainText() == "bring laptop and charger"
    assert tab.editor.role.text() == "Engineer II"
    tab._saver.flush()
    assert get_interview(db, ids["soon"]).notes == "bring laptop and charger"  # type: ignore[union-attr]
    assert get_interview(db, ids["later"]).notes == "Parking at the back"  # type: ignore[union-attr]


def test_company_with_markup_is_shown_literally_in_editor_and_checklist_header(qtbot, db: Database) -> None:
    name = "<b>Acme</b> & Co"
    create_interview(db, name)
    tab = make_tab(qtbot, db)
    assert tab.editor.company.text() == name
    assert tab.model.index(0, 0).data() == name
    assert tab.checklist.summary.textFormat() == Qt.TextFormat.PlainText
    assert tab.checklist.summary.text().startswith(name)


def test_tab_walks_from_the_search_box_through_every_field_to_the_checklist(qtbot, db: Database) -> None:
    create_interview(db, "Northwind")
    tab = make_tab(qtbot, db)
    show_active(qtbot, tab)
    e = tab.editor
    expected = [
        tab.interviews.table,
        e.company,
        e.role,
        e.stage,
        e.when,
        e.format,
        e.location,
        e.interviewers,
        e.posting,
        e.internal,
        e.notes,
        e.outcome,
        tab.checklist.view,
    ]
    tab.interviews.search.setFocus()
    reached = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        reached.append(e.stage if focused is e.stage.lineEdit() else focused)
    assert reached == expected
