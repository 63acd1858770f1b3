"""The Prepare tab's commands: new (Ctrl+N from the File menu), delete (asks, counts items),
duplicate for the next round, debrief a past interview, and lessons carried into new checklists."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.core.choices import LESSONS_SECTION
from desktop_app.core.debrief_records import LessonEntry
from desktop_app.paths import DataPaths
from desktop_app.storage.checklists import list_checklist
from desktop_app.storage.database import Database
from desktop_app.storage.debriefs import complete_debrief, open_or_create_debrief, replace_lessons
from desktop_app.storage.interviews import create_interview, get_interview, list_interview_summaries
from desktop_app.ui.main_window import MainWindow
from tests.ui.prepare_helpers import add_interviews, companies, make_tab, show_active


def test_new_interview_from_the_file_menu_shortcut_selects_it_with_the_cursor_on_company(
    qtbot, db: Database, data_paths: DataPaths
) -> None:
    window = MainWindow(db, data_paths)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    assert window.prepare_tab.stack.is_showing_empty_state()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    tab = window.prepare_tab
    assert len(list_interview_summaries(db)) == 1
    assert not tab.stack.is_showing_empty_state()
    assert tab.editor.company.hasFocus()
    assert tab.checklist.model.progress().total == 20
    qtbot.keyClicks(tab.editor.company, "Contoso")
    window.saver.flush()
    assert list_interview_summaries(db)[0].company == "Contoso"


def test_delete_asks_first_and_says_how_many_items_go(qtbot, db: Database) -> None:
    ids = add_interviews(db)
    tab = make_tab(qtbot, db)
    tab.interviews.select_interview(ids["later"])
    questions: list[str] = []
    tab.confirm = lambda _parent, _title, text: questions.append(text) or False
    assert not tab.delete_current()
    assert "Laterco" in questions[0] and "20 items" in questions[0]
    assert get_interview(db, ids["later"]) is not None

    tab.confirm = lambda *_: True
    assert tab.delete_current()
    assert get_interview(db, ids["later"]) is None
    assert list_checklist(db, ids["later"]) == []
    assert "Laterco" not in companies(tab)
    assert tab.current_interview_id() is not None
    assert "20 checklist items" in tab.status.text()


def test_delete_flushes_pending_typing_of_the_deleted_interview_without_error(qtbot, db: Database) -> None:
    ids = add_interviews(db)
    tab = make_tab(qtbot, db)
    tab.interviews.select_interview(ids["soon"])
    qtbot.keyClicks(tab.editor.role, " lead")
    tab.confirm = lambda *_: True
    assert tab.delete_current()
    tab._saver.flush()
    assert get_interview(db, ids["soon"]) is None


def test_duplicate_for_the_next_round(qtbot, db: Database) -> None:
    ids = add_interviews(db)
    tab = make_tab(qtbot, db)
    tab.interviews.select_interview(ids["soon"])
    tab.checklist.model.setData(
        tab.checklist.model.index(0, 0, tab.checklist.model.index(0, 0)),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    copy_id = tab.duplicate_current()
    assert copy_id is not None and tab.current_interview_id() == copy_id
    copy = get_interview(db, copy_id)
    assert copy is not None
    assert (copy.company, copy.role, copy.notes, copy.scheduled_at, copy.stage) == (
        "Soonco",
        "Engineer",
        "bring laptop",
        None,
        "",
    )
    assert tab.checklist.model.progress().done == 0
    assert tab.editor.stage.lineEdit().hasFocus() or tab.focusWidget() in (None, tab.editor.stage)


def test_debrief_is_offered_for_past_interviews_only(qtbot, db: Database) -> None:
    ids = add_interviews(db)
    tab = make_tab(qtbot, db)
    tab.interviews.select_interview(ids["soon"])
    assert not tab.debrief_action.isVisible()
    with qtbot.assertNotEmitted(tab.debrief_requested):
        tab.request_debrief()
    tab.interviews.select_interview(ids["past_recent"])
    assert tab.debrief_action.isVisible() and tab.debrief_action.isEnabled()
    with qtbot.waitSignal(tab.debrief_requested) as signal:
        tab.debrief_action.trigger()
    assert signal.args == [ids["past_recent"]]


def test_lessons_carried_forward_appear_in_new_checklists_with_their_source(qtbot, db: Database) -> None:
    when = datetime(2026, 3, 2, 10, 0)
    past = create_interview(db, "<b>Acme</b> & Co", role="Analyst", scheduled_at=when)
    debrief = open_or_create_debrief(db, past, "rejected")
    replace_lessons(
        db,
        debrief,
        [
            LessonEntry(text="Quantify results in every story", carry_forward=True),
            LessonEntry(text="Keep private", carry_forward=False),
            LessonEntry(text="Ask for the salary range early", carry_forward=True),
            LessonEntry(text="  ", carry_forward=True),
        ],
    )
    draft_only = create_interview(db, "Draftco", scheduled_at=when)
    replace_lessons(db, open_or_create_debrief(db, draft_only), [LessonEntry(text="Not finished yet")])
    before_completion = create_interview(db, "Early")
    complete_debrief(db, debrief)

    tab = make_tab(qtbot, db)
    new_id = tab.new_interview()
    lessons = [item for item in list_checklist(db, new_id) if item.section == LESSONS_SECTION]
    assert [item.text for item in lessons] == ["Quantify results in every story", "Ask for the salary range early"]
    assert all("<b>Acme</b> & Co – Analyst" in item.origin_note for item in lessons)
    assert tab.checklist.model.sections()[-1] == LESSONS_SECTION
    shown = tab.checklist.model.index_of_item(lessons[0].id, 2).data()
    assert shown == f"Lesson from {lessons[0].origin_note}"
    assert not [item for item in list_checklist(db, before_completion) if item.section == LESSONS_SECTION]
    again = create_interview(db, "Next")
    assert len([item for item in list_checklist(db, again) if item.section == LESSONS_SECTION]) == 2
    assert list_interview_summaries(db)


def test_search_hides_rows_but_new_interview_clears_it(qtbot, db: Database) -> None:
    add_interviews(db)
    tab = make_tab(qtbot, db)
    tab.interviews.search.setText("oldco")
    new_id = tab.new_interview()
    assert tab.interviews.search.text() == ""
    assert tab.current_interview_id() == new_id


def test_with_no_interview_the_interview_commands_are_off(qtbot, db: Database) -> None:
    tab = make_tab(qtbot, db)
    assert tab.stack.is_showing_empty_state()
    for action in (tab.duplicate_action, tab.delete_action, tab.pdf_action, tab.debrief_action):
        assert not action.isEnabled()
    assert not tab.debrief_action.isVisible()
    assert "Ctrl+N" in tab.stack.message_label.text()


def _type_interview(qtbot, window: MainWindow, company: str, when: datetime) -> None:  # type: ignore[no-untyped-def]
    """Add and fill an interview with key presses only, ticking its first checklist item."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    keys = [company, "Engineer", "Technical", when.strftime("%Y-%m-%d %H:%M")]
    for text in keys:
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # the checklist
    view = window.prepare_tab.checklist.view
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, f"Bring the {company} portfolio")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)


@pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing the keyboard"
)  # stage suggestions pop up
def test_a_week_of_interviews_planned_from_the_keyboard_survives_a_restart(
    qtbot, db: Database, data_paths: DataPaths
) -> None:
    window = MainWindow(db, data_paths)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    monday = (datetime.now() + timedelta(days=7)).replace(hour=9, minute=30, second=0, microsecond=0)
    for day, company in enumerate(("Northwind", "Contoso", "Fabrikam")):
        _type_interview(qtbot, window, company, monday + timedelta(days=day))
    window.close()

    again = MainWindow(db, data_paths)
    qtbot.addWidget(again)
    assert companies(again.prepare_tab) == ["Northwind", "Contoso", "Fabrikam"]
    for summary in list_interview_summaries(db):
        assert (summary.role, summary.stage) == ("Engineer", "Technical")
        assert summary.done_count == 1 and summary.item_count == 21
        items = list_checklist(db, summary.id)
        assert f"Bring the {summary.company} portfolio" in [item.text for item in items]
    assert [s.scheduled_at for s in list_interview_summaries(db)] == [monday + timedelta(days=d) for d in range(3)]
