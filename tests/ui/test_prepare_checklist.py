"""The checklist of the selected interview: sections, ticking, overdue marks, progress, countdown,
adding, editing in place, deleting with undo, and reordering from the keyboard and by drag."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

from desktop_app.core.choices import CHECKLIST_SECTIONS
from desktop_app.storage.checklists import add_item, list_checklist
from desktop_app.storage.database import Database
from desktop_app.storage.interviews import create_interview
from desktop_app.ui.checklist_model import DUE_COLUMN, OVERDUE_ROLE, TEXT_COLUMN, ChecklistModel
from desktop_app.ui.prepare_labels import section_label
from tests.ui.prepare_helpers import make_tab, show_active


def _texts(tab, section: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [item.text for item in tab.checklist.model.entries() if item.section == section]


def _stored_texts(db: Database, interview_id: int, section: str) -> list[str]:
    return [item.text for item in list_checklist(db, interview_id) if item.section == section]


def finish_editing(qtbot, view, editor) -> None:  # type: ignore[no-untyped-def]
    """Press Return in an item editor; the delegate commits on the next turn of the event loop."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_items_are_grouped_in_the_standard_sections_with_progress_and_countdown(qtbot, db: Database) -> None:
    in_three_days = datetime.combine(date.today() + timedelta(days=3), time(12, 0))  # at any time of day
    create_interview(db, "Northwind", scheduled_at=in_three_days)
    tab = make_tab(qtbot, db)
    model = tab.checklist.model
    assert model.sections() == list(CHECKLIST_SECTIONS)
    assert model.index(0, 0).data().startswith(section_label("Research"))
    assert tab.checklist.summary.text().startswith("Northwind · Interview in 3 days · 0 of 20 done")
    first = model.index(0, TEXT_COLUMN, model.index(0, 0))
    assert model.setData(first, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert "1 of 20 done" in tab.checklist.summary.text()
    assert tab.model.index(0, 4).data() == "1 of 20 done"
    tab._saver.flush()
    assert sum(item.done for item in list_checklist(db, model.entries()[0].interview_id)) == 1


def test_countdown_says_today_and_days_ago(qtbot, db: Database) -> None:
    now = datetime.now()
    create_interview(db, "Contoso", scheduled_at=now - timedelta(days=2))
    tab = make_tab(qtbot, db)
    assert tab.checklist.summary.text().startswith("Contoso · Interview 2 days ago")
    tab.checklist.set_schedule(now.replace(hour=23, minute=59))
    assert tab.checklist.summary.text().startswith("Contoso · Interview today")


def test_items_past_their_due_point_are_marked_overdue(qtbot, db: Database) -> None:
    interview_id = create_interview(db, "Tailspin", scheduled_at=datetime.now() + timedelta(hours=30))
    tab = make_tab(qtbot, db)
    model = tab.checklist.model
    overdue = model.overdue_entries()
    assert overdue and all(item.due_offset_days is not None and item.due_offset_days <= -2 for item in overdue)
    assert f"{len(overdue)} overdue" in tab.checklist.summary.text()
    index = model.index_of_item(overdue[0].id)
    assert index.data(OVERDUE_ROLE) is True
    assert "overdue" in model.index_of_item(overdue[0].id, DUE_COLUMN).data()
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    day_of = next(item for item in model.entries() if item.due_offset_days == 0)
    assert model.index_of_item(day_of.id).data(OVERDUE_ROLE) is False
    model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert index.data(OVERDUE_ROLE) is False
    assert len(model.overdue_entries()) == len(overdue) - 1
    assert interview_id


def test_add_and_edit_in_place_from_the_keyboard(qtbot, db: Database) -> None:
    interview_id = create_interview(db, "Litware")
    tab = make_tab(qtbot, db)
    view = tab.checklist.view
    show_active(qtbot, tab)
    view.setFocus()
    view.setCurrentIndex(tab.checklist.model.index_of_section("Questions to ask"))
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    editor = QApplication.focusWidget()
    assert editor is not view and editor.text() == "New item"
    editor.selectAll()
    qtbot.keyClicks(editor, "Ask how the team handles on-call")
    finish_editing(qtbot, view, editor)
    tab._saver.flush()
    assert _stored_texts(db, interview_id, "Questions to ask")[-1] == "Ask how the team handles on-call"

    current = view.currentIndex()
    assert current.data() == "Ask how the team handles on-call"
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Ask about on-call")
    finish_editing(qtbot, view, editor)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    tab._saver.flush()
    stored = [item for item in list_checklist(db, interview_id) if item.text == "Ask about on-call"]
    assert len(stored) == 1 and stored[0].done


def test_delete_is_undone_with_ctrl_z(qtbot, db: Database) -> None:
    interview_id = create_interview(db, "Adatum")
    tab = make_tab(qtbot, db)
    view = tab.checklist.view
    show_active(qtbot, tab)
    before = [item.text for item in list_checklist(db, interview_id)]
    model = tab.checklist.model
    second = model.index(1, 0, model.index_of_section("Research"))
    view.setFocus()
    view.setCurrentIndex(second)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [item.text for item in list_checklist(db, interview_id)] == before[:1] + before[2:]
    assert "19" in tab.checklist.summary.text()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [item.text for item in list_checklist(db, interview_id)] == before
    assert tab.checklist.current_entry().text == before[1]  # type: ignore[union-attr]
    assert "of 20 done" in tab.checklist.summary.text()


def test_reorder_within_a_section_from_the_keyboard(qtbot, db: Database) -> None:
    interview_id = create_interview(db, "Proseware")
    tab = make_tab(qtbot, db)
    view = tab.checklist.view
    show_active(qtbot, tab)
    research = _texts(tab, "Research")
    model = tab.checklist.model
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0, model.index_of_section("Research")))
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    expected = [research[1], research[2], research[0], *research[3:]]
    assert _stored_texts(db, interview_id, "Research") == expected
    assert tab.checklist.current_entry().text == research[0]  # type: ignore[union-attr]
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _stored_texts(db, interview_id, "Research")[1] == research[0]
    last = model.index(len(research) - 1, 0, model.index_of_section("Research"))
    view.setCurrentIndex(last)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _texts(tab, "Research")[-1] == _stored_texts(db, interview_id, "Research")[-1]
    assert _texts(tab, "Your stories") == _stored_texts(db, interview_id, "Your stories")


def test_reorder_by_drag_and_drop_stays_within_the_section(qtbot, db: Database) -> None:
    interview_id = create_interview(db, "Woodgrove")
    tab = make_tab(qtbot, db)
    model = tab.checklist.model
    research = model.index_of_section("Research")
    texts = _texts(tab, "Research")
    data = model.mimeData([model.index(0, 0, research)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 3, 0, research)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, research)
    assert _stored_texts(db, interview_id, "Research") == [texts[1], texts[2], texts[0], texts[3]]
    stories = model.index_of_section("Your stories")
    data = model.mimeData([model.index(0, 0, model.index_of_section("Research"))])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, stories)
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_checklist_model_passes_qtmodeltester(qtbot, qtmodeltester, db: Database) -> None:
    interview_id = create_interview(db, "Fabrikam", scheduled_at=datetime.now() + timedelta(days=1))
    add_item(db, interview_id, "My own section", "Something only I need", -1)
    model = ChecklistModel()
    model.set_items(list_checklist(db, interview_id), datetime.now() + timedelta(days=1))
    qtmodeltester.check(model, force_py=True)
    assert model.sections()[-1] == "My own section"


def test_company_with_markup_in_the_checklist_header(qtbot, db: Database) -> None:
    create_interview(db, "<b>Acme</b> & Co")
    tab = make_tab(qtbot, db)
    assert tab.checklist.summary.textFormat() == Qt.TextFormat.PlainText
    assert tab.checklist.summary.text().startswith("<b>Acme</b> & Co · ")
    tab.editor.company.selectAll()
    qtbot.keyClicks(tab.editor.company, "<i>Beta</i>")
    assert tab.checklist.summary.text().startswith("<i>Beta</i> · ")


def test_the_due_point_is_set_from_the_keyboard(qtbot, db: Database) -> None:
    interview_id = create_interview(db, "Northwind", scheduled_at=datetime.now() + timedelta(days=10))
    tab = make_tab(qtbot, db)
    show_active(qtbot, tab)
    view = tab.checklist.view
    model = tab.checklist.model
    view.setFocus()
    first = model.index(0, 0, model.index_of_section("Research"))
    view.setCurrentIndex(first)
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(-1))
    finish_editing(qtbot, view, combo)
    tab._saver.flush()
    assert list_checklist(db, interview_id)[0].due_offset_days == -1
    assert model.index_of_item(list_checklist(db, interview_id)[0].id, DUE_COLUMN).data() == "Day before"


def test_without_a_date_the_summary_says_so(qtbot, db: Database) -> None:
    create_interview(db, "Undated")
    tab = make_tab(qtbot, db)
    assert tab.checklist.summary.text() == "Undated · No interview date yet · 0 of 20 done"
    assert tab.checklist.model.overdue_entries() == []
