"""The Debrief tab with a real database: the list, the read-only summary, and opening the wizard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_app.core.choices import DebriefStatus, Outcome
from desktop_app.core.debrief_flow import Page
from desktop_app.storage.database import Database
from desktop_app.storage.debriefs import debrief_id_for_interview, list_debrief_summaries, update_fields
from desktop_app.storage.interviews import create_interview, delete_interview
from desktop_app.ui.debrief_tab import DebriefTab
from tests.ui.debrief_tab_helpers import HTML_LOOKING, close_wizards, column_texts, make_debrief, make_tab

STATUS_COLUMN = 3


@pytest.fixture
def tab(qtbot, db: Database) -> Iterator[DebriefTab]:  # type: ignore[no-untyped-def]
    debrief_tab = make_tab(qtbot, db)
    yield debrief_tab
    close_wizards(debrief_tab)


def test_no_debriefs_says_how_to_start_one(tab: DebriefTab) -> None:
    assert tab.stack.is_showing_empty_state()
    message = tab.stack.message_label.text()
    assert "Ctrl+Shift+B" in message and "New debrief" in message
    assert tab.new_action.isEnabled()
    assert not tab.edit_action.isEnabled() and not tab.pdf_action.isEnabled()


def test_drafts_come_first_and_say_how_far_they_got(db: Database, tab: DebriefTab) -> None:
    make_debrief(db, "Done Co", complete=True)
    make_debrief(db, "Rejected Draft", outcome=Outcome.REJECTED, page=Page.FEELINGS)
    make_debrief(db, "Offer Draft", outcome=Outcome.OFFER, page=Page.WHY)
    tab.refresh()
    assert not tab.stack.is_showing_empty_state()
    rows = dict(zip(column_texts(tab, 0), column_texts(tab, STATUS_COLUMN), strict=True))
    assert list(rows.values())[-1] == "Complete"
    assert rows == {
        "Offer Draft – Analyst": "Draft – page 5 of 8",  # interview, happened, assessment, feelings, why
        "Rejected Draft – Analyst": "Draft – page 4 of 9",  # a rejection gets the reframe page too
        "Done Co – Analyst": "Complete",
    }
    assert [row.status for row in tab.model.rows()][:2] == [DebriefStatus.DRAFT, DebriefStatus.DRAFT]
    assert column_texts(tab, 2)[-1] == "Rejected"


def test_selecting_a_debrief_shows_its_summary_with_user_text_literal(db: Database, tab: DebriefTab) -> None:
    first = make_debrief(db, "Plain Co", complete=True)
    tricky = make_debrief(db, "<b>Acme</b> & Co", answer=HTML_LOOKING)
    tab.refresh()
    tab.select_debrief(tricky)
    text = tab.view.toPlainText()
    assert "Debrief: <b>Acme</b> & Co – Analyst" in text
    assert f"My answer: {HTML_LOOKING}" in text
    assert "Good start.\nRambled later." in text
    assert tab.view.isReadOnly()
    html = tab.view.document().toHtml()
    assert "<img" not in html and "&lt;img src=y&gt;" in html
    tab.select_debrief(first)
    assert "Debrief: Plain Co – Analyst" in tab.view.toPlainText()


def test_with_nothing_selected_the_view_says_what_to_do(db: Database, tab: DebriefTab) -> None:
    make_debrief(db, "Acme")
    tab.refresh()
    assert tab.view.toPlainText().startswith("Debrief: Acme")
    tab.debriefs.select_debrief(None)
    assert tab.view.toPlainText() == ""
    assert "Select a debrief" in tab.view.placeholderText()
    assert not tab.edit_action.isEnabled() and not tab.print_action.isEnabled()


def test_edit_reopens_a_draft_where_it_was_left(db: Database, tab: DebriefTab) -> None:
    draft = make_debrief(db, "Acme", outcome=Outcome.OFFER, page=Page.WHY)
    tab.refresh()
    tab.select_debrief(draft)
    tab.edit_action.trigger()
    wizard = tab.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.debrief_id == draft
    assert wizard.currentId() == Page.WHY


def test_edit_reopens_a_finished_debrief_at_its_start(db: Database, tab: DebriefTab) -> None:
    done = make_debrief(db, "Acme", complete=True)
    tab.refresh()
    tab.select_debrief(done)
    tab.edit_action.trigger()
    assert tab.wizard is not None
    assert (tab.wizard.debrief_id, tab.wizard.currentId()) == (done, Page.INTERVIEW)


def test_enter_and_double_click_on_a_row_open_it(qtbot, db: Database, tab: DebriefTab) -> None:  # type: ignore[no-untyped-def]
    older = make_debrief(db, "Older", page=Page.HAPPENED)
    newer = make_debrief(db, "Newer", page=Page.ASSESSMENT)
    tab.refresh()
    tab.show()
    tab.select_debrief(older)
    tab.debriefs.table.setFocus()
    QTest.keyClick(tab.debriefs.table, Qt.Key.Key_Return)
    assert tab.wizard is not None and tab.wizard.debrief_id == older
    assert tab.wizard.currentId() == Page.HAPPENED
    row = tab.debriefs.row_of(newer)
    assert row is not None
    table = tab.debriefs.table
    centre = table.visualRect(tab.model.index(row, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert tab.wizard.debrief_id == newer
    assert len(tab.open_wizards()) == 2


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform has no window stacking
def test_editing_again_brings_the_open_wizard_forward(db: Database, tab: DebriefTab) -> None:
    draft = make_debrief(db, "Acme", page=Page.HAPPENED)
    tab.refresh()
    first = tab.edit_current()
    second = tab.edit_debrief(draft)
    assert first is second
    assert tab.open_wizards() == [first]


def test_new_debrief_opens_the_wizard_with_no_interview_chosen(db: Database, tab: DebriefTab) -> None:
    create_interview(db, "Acme")
    tab.new_action.trigger()
    wizard = tab.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.debrief_id is None
    assert wizard.currentId() == Page.INTERVIEW
    assert wizard.interview_page.chosen_interview() is None
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()


def test_new_debrief_has_a_tab_shortcut(tab: DebriefTab) -> None:
    assert tab.new_action.shortcut().toString() == "Ctrl+Shift+B"
    assert tab.new_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert tab.new_action in tab.actions()
    keys = {action.shortcut().toString() for action in tab.actions()}
    assert not keys & {"Ctrl+N", "Ctrl+P", "Ctrl+Q"}


def test_starting_twice_for_one_interview_gives_one_debrief(db: Database, tab: DebriefTab) -> None:
    interview = create_interview(db, "Acme", outcome=Outcome.REJECTED)
    first = tab.start_debrief(interview)
    assert first is not None
    assert first.interview_page.chosen_interview() == interview
    first.next()  # page 1's Next creates the draft
    debrief = debrief_id_for_interview(db, interview)
    assert debrief is not None and first.debrief_id == debrief
    assert tab.current_debrief_id() == debrief  # the list followed the wizard
    close_wizards(tab)
    again = tab.start_debrief(interview)
    assert again is not None and again is not first and again.debrief_id == debrief
    assert len(list_debrief_summaries(db)) == 1


def test_the_list_and_view_follow_the_wizard(db: Database, tab: DebriefTab) -> None:
    draft = make_debrief(db, "Acme", outcome=Outcome.OFFER, page=Page.HAPPENED)
    tab.refresh()
    changes: list[bool] = []
    tab.debriefs_changed.connect(lambda: changes.append(True))
    wizard = tab.edit_current()
    assert wizard is not None
    update_fields(db, draft, in_control="My closing question")
    wizard.next()
    assert column_texts(tab, STATUS_COLUMN) == ["Draft – page 3 of 8"]
    assert "My closing question" in tab.view.toPlainText()
    assert changes


def test_a_debrief_the_wizard_creates_becomes_the_selected_one(db: Database, tab: DebriefTab) -> None:
    make_debrief(db, "Earlier", complete=True)
    tab.refresh()
    interview = create_interview(db, "Fresh Co")
    wizard = tab.start_debrief(interview)
    assert wizard is not None
    wizard.next()
    assert wizard.debrief_id is not None
    assert tab.current_debrief_id() == wizard.debrief_id
    assert tab.view.toPlainText().startswith("Debrief: Fresh Co")
    assert column_texts(tab, 0) == ["Fresh Co", "Earlier – Analyst"]


def test_a_debrief_deleted_elsewhere_is_dropped_not_opened(db: Database, tab: DebriefTab) -> None:
    gone = make_debrief(db, "Gone Co", page=Page.HAPPENED)
    kept = make_debrief(db, "Kept Co", complete=True)
    tab.refresh()
    tab.show()
    tab.select_debrief(gone)
    delete_interview(db, tab.debriefs.summary(gone).interview_id)  # type: ignore[union-attr]
    assert tab.edit_debrief(gone) is None
    assert tab.open_wizards() == []
    assert "no longer exists" in tab.status.text()
    assert [row.id for row in tab.model.rows()] == [kept]
    delete_interview(db, tab.debriefs.summary(kept).interview_id)  # type: ignore[union-attr]
    tab.hide()
    tab.show()  # coming back to the tab reads the list again
    assert tab.stack.is_showing_empty_state()
