"""The Network page: contacts saved as you type, links, follow-ups due, "Contacted today", delete."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from desktop_app.storage.contacts import create_contact, get_contact, list_contacts
from desktop_app.storage.database import Database
from desktop_app.storage.interviews import create_interview
from desktop_app.storage.plans import create_plan
from desktop_app.ui.formatting import format_date, to_qdate
from tests.ui.planb_helpers import TODAY, Answers, make_network, tick

LITERAL = "<b>Ann</b> & Co"
NAME, ORGANISATION, LAST, NEXT = 0, 1, 3, 4


def names(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.model.row_at(row).name for row in range(page.model.rowCount())]


def test_empty_page_says_what_to_do_and_new_contact_opens_the_editor(qtbot, db: Database) -> None:
    page, _saver = make_network(qtbot, db)
    assert page.stack.is_showing_empty_state()
    message = page.stack.message_label.text()
    assert "Ctrl+Shift+N" in message and "follow-up" in message
    assert not page.contacted_action.isEnabled() and not page.delete_action.isEnabled()

    contact_id = page.new_contact()
    assert not page.stack.is_showing_empty_state()
    assert page.current_contact_id() == contact_id
    assert page.editor.isEnabled() and page.editor.name.text() == "New contact"
    assert page.contacted_action.isEnabled() and page.delete_action.isEnabled()


def test_every_field_is_saved_as_you_type_and_shown_again_after_rebuilding(qtbot, db: Database) -> None:
    plan = create_plan(db, "Freelance dashboards")
    create_plan(db, "Teach data literacy")
    interview = create_interview(db, "Northwind", role="Analyst", scheduled_at=datetime(2026, 3, 2, 10, 0))
    page, saver = make_network(qtbot, db)
    contact_id = page.new_contact()
    e = page.editor
    e.name.clear()
    qtbot.keyClicks(e.name, "Sam Whitfield")
    qtbot.keyClicks(e.organisation, "Whitfield Bakery")
    qtbot.keyClicks(e.role, "Owner")
    qtbot.keyClicks(e.how_known, "Former colleague")
    e.how_they_help.setPlainText("First client\nIntroductions")
    qtbot.keyClicks(e.email, "sam@example.org")
    qtbot.keyClicks(e.phone, "+44 1234")
    e.notes.setPlainText("Likes mornings")
    e.last_contact.has_date.setChecked(True)
    e.last_contact.edit.setDate(to_qdate(date(2026, 3, 1)))
    e.next_follow_up.has_date.setChecked(True)
    e.next_follow_up.edit.setDate(to_qdate(date(2026, 3, 15)))
    tick(e.plans, plan)
    tick(e.interviews, interview)
    assert e.interviews.choice_texts()[0].startswith("Northwind · Analyst · ")
    assert page.model.index(0, NAME).data() == "Sam Whitfield"  # the list follows the typing at once
    assert page.model.index(0, ORGANISATION).data() == "Whitfield Bakery"

    assert saver.flush()
    stored = get_contact(db, contact_id)
    assert stored is not None
    assert (stored.name, stored.organisation, stored.role) == ("Sam Whitfield", "Whitfield Bakery", "Owner")
    assert (stored.how_known, stored.how_they_help) == ("Former colleague", "First client\nIntroductions")
    assert (stored.email, stored.phone, stored.notes) == ("sam@example.org", "+44 1234", "Likes mornings")
    assert (stored.last_contact, stored.next_follow_up) == (date(2026, 3, 1), date(2026, 3, 15))
    assert (stored.plan_ids, stored.interview_ids) == ((plan,), (interview,))

    again, _saver = make_network(qtbot, db)
    a = again.editor
    assert again.current_contact_id() == contact_id
    assert (a.name.text(), a.organisation.text(), a.role.text()) == ("Sam Whitfield", "Whitfield Bakery", "Owner")
    assert a.how_they_help.toPlainText() == "First client\nIntroductions"
    assert (a.email.text(), a.phone.text(), a.notes.toPlainText()) == ("sam@example.org", "+44 1234", "Likes mornings")
    assert (a.last_contact.value(), a.next_follow_up.value()) == (date(2026, 3, 1), date(2026, 3, 15))
    assert (a.plans.checked_ids(), a.interviews.checked_ids()) == ([plan], [interview])
    assert again.model.index(0, LAST).data() == format_date(date(2026, 3, 1))


def test_a_date_can_be_cleared_and_stays_cleared(qtbot, db: Database) -> None:
    contact_id = create_contact(db, "Sam", last_contact=date(2026, 3, 1), next_follow_up=date(2026, 3, 12))
    page, saver = make_network(qtbot, db)
    assert not page.editor.next_follow_up.none_label.isVisibleTo(page)
    page.editor.next_follow_up.has_date.setChecked(False)
    assert page.editor.next_follow_up.none_label.isVisibleTo(page)
    assert not page.editor.next_follow_up.edit.isEnabled()
    assert page.model.index(0, NEXT).data() == ""
    assert page.due_texts() == []
    assert saver.flush()
    assert get_contact(db, contact_id).next_follow_up is None  # type: ignore[union-attr]
    again, _saver = make_network(qtbot, db)
    assert again.editor.next_follow_up.value() is None
    assert again.editor.last_contact.value() == date(2026, 3, 1)


def test_switching_contacts_mid_edit_loses_nothing(qtbot, db: Database) -> None:
    ann = create_contact(db, "Ann")
    bob = create_contact(db, "Bob")
    page, saver = make_network(qtbot, db)
    page.select_contact(ann)
    qtbot.keyClicks(page.editor.role, "Mentor")
    page.select_contact(bob)
    assert page.editor.role.text() == ""
    qtbot.keyClicks(page.editor.role, "Recruiter")
    page.select_contact(ann)
    assert page.editor.role.text() == "Mentor"
    assert saver.flush()
    assert [c.role for c in list_contacts(db)] == ["Mentor", "Recruiter"]


def test_an_empty_name_is_explained_and_not_saved(qtbot, db: Database) -> None:
    contact_id = create_contact(db, "Priya Raman")
    page, saver = make_network(qtbot, db)
    page.editor.name.selectAll()
    qtbot.keyClick(page.editor.name, Qt.Key.Key_Delete)
    assert page.editor.name_problem.isVisibleTo(page)
    assert "needs a name" in page.editor.name_problem.text()
    assert "Priya Raman" in page.editor.name_problem.text()
    assert saver.flush()
    assert get_contact(db, contact_id).name == "Priya Raman"  # type: ignore[union-attr]
    qtbot.keyClicks(page.editor.name, "P. Raman")
    assert not page.editor.name_problem.isVisibleTo(page)
    assert saver.flush()
    assert get_contact(db, contact_id).name == "P. Raman"  # type: ignore[union-attr]


def test_follow_ups_due_this_week_lists_overdue_and_the_coming_week(qtbot, db: Database) -> None:
    create_contact(db, "Later", next_follow_up=TODAY + timedelta(days=7))
    create_contact(db, "Soon", organisation="Bakery", next_follow_up=TODAY + timedelta(days=6))
    create_contact(db, "Nobody planned")
    create_contact(db, "Late", next_follow_up=TODAY - timedelta(days=2))
    create_contact(db, "Now", next_follow_up=TODAY)
    page, _saver = make_network(qtbot, db)
    assert page.due_texts() == [
        f"Late — overdue by 2 days, {format_date(TODAY - timedelta(days=2))}",
        f"Now — due today, {format_date(TODAY)}",
        f"Soon (Bakery) — due in 6 days, {format_date(TODAY + timedelta(days=6))}",
    ]
    row = {name: position for position, name in enumerate(names(page))}
    # Due and overdue rows stand out in words and in bold, not by colour alone.
    assert page.model.index(row["Late"], NEXT).data().endswith("· overdue by 2 days")
    assert page.model.index(row["Now"], NEXT).data().endswith("· due today")
    assert page.model.index(row["Later"], NEXT).data() == format_date(TODAY + timedelta(days=7))
    assert page.model.index(row["Late"], NAME).data(Qt.ItemDataRole.FontRole).bold()
    later_font = page.model.index(row["Later"], NAME).data(Qt.ItemDataRole.FontRole)
    assert later_font is None or not QFont(later_font).bold()

    page.due_list.itemClicked.emit(page.due_list.item(2))
    assert page.editor.name.text() == "Soon"


def test_the_due_list_follows_a_date_typed_in_the_editor(qtbot, db: Database) -> None:
    create_contact(db, "Sam")
    page, _saver = make_network(qtbot, db)
    assert page.due_texts() == [] and page.no_due.isVisibleTo(page)
    page.editor.next_follow_up.has_date.setChecked(True)
    page.editor.next_follow_up.edit.setDate(to_qdate(TODAY + timedelta(days=1)))
    assert page.due_texts() == [f"Sam — due tomorrow, {format_date(TODAY + timedelta(days=1))}"]
    assert not page.no_due.isVisibleTo(page)


def test_contacted_today_records_the_contact_and_offers_the_next_follow_up(qtbot, db: Database) -> None:
    contact_id = create_contact(
        db, "Sam", last_contact=TODAY - timedelta(days=30), next_follow_up=TODAY - timedelta(days=2)
    )
    page, saver = make_network(qtbot, db)
    with qtbot.waitSignal(page.contacts_changed):
        offered = page.contacted_today()
    assert offered == TODAY + timedelta(days=28)  # the user's own rhythm with Sam: four weeks
    stored = get_contact(db, contact_id)
    assert (stored.last_contact, stored.next_follow_up) == (TODAY, offered)  # type: ignore[union-attr]
    assert page.editor.last_contact.value() == TODAY
    assert page.editor.next_follow_up.value() == offered
    assert format_date(offered) in page.status.text()
    assert page.due_texts() == []
    assert page.model.index(0, LAST).data() == format_date(TODAY)

    # The offer is only a suggestion: the user changes it right there.
    page.editor.next_follow_up.edit.setDate(to_qdate(TODAY + timedelta(days=3)))
    assert saver.flush()
    assert get_contact(db, contact_id).next_follow_up == TODAY + timedelta(days=3)  # type: ignore[union-attr]


def test_contacted_today_without_an_earlier_rhythm_offers_two_weeks(qtbot, db: Database) -> None:
    create_contact(db, "New friend")
    page, _saver = make_network(qtbot, db)
    assert page.contacted_today() == TODAY + timedelta(days=14)


def test_delete_asks_first_and_keeps_the_contact_on_no(qtbot, db: Database) -> None:
    keep = create_contact(db, LITERAL)
    other = create_contact(db, "Zed")
    page, _saver = make_network(qtbot, db)
    page.select_contact(keep)
    page.confirm = no = Answers(False)
    assert not page.delete_current()
    assert get_contact(db, keep) is not None
    assert no.questions and LITERAL in no.questions[0]

    page.confirm = Answers(True)
    with qtbot.waitSignal(page.contacts_changed):
        assert page.delete_current()
    assert get_contact(db, keep) is None
    assert names(page) == ["Zed"]
    assert page.current_contact_id() == other
    assert LITERAL in page.status.text()


def test_user_text_is_shown_literally(qtbot, db: Database) -> None:
    create_contact(db, LITERAL, organisation="<i>Org</i>", next_follow_up=TODAY)
    create_plan(db, "<u>Plan</u>")
    page, _saver = make_network(qtbot, db)
    assert page.model.index(0, NAME).data() == LITERAL
    assert page.model.index(0, ORGANISATION).data() == "<i>Org</i>"
    assert page.due_texts()[0].startswith(f"{LITERAL} (<i>Org</i>)")
    assert page.editor.plans.choice_texts() == ["<u>Plan</u>"]
    assert page.status.textFormat() == Qt.TextFormat.PlainText
    assert page.editor.name_problem.textFormat() == Qt.TextFormat.PlainText
    assert page.stack.message_label.textFormat() == Qt.TextFormat.PlainText
    page.contacted_today()
    assert LITERAL in page.status.text()


def test_contacts_changed_is_emitted_once_the_typing_is_saved(qtbot, db: Database) -> None:
    create_contact(db, "Sam")
    page, saver = make_network(qtbot, db)
    qtbot.keyClicks(page.editor.role, "Owner")
    with qtbot.waitSignal(page.contacts_changed):
        saver.flush()
    with qtbot.assertNotEmitted(page.contacts_changed):
        saver.flush()


@pytest.fixture
def filled_network(qtbot, db: Database):  # type: ignore[no-untyped-def]
    """A page with rows, alive until after qtmodeltester's clean-up (fixtures end in reverse order)."""
    create_contact(db, "Ann", next_follow_up=TODAY - timedelta(days=1), last_contact=TODAY - timedelta(days=9))
    create_contact(db, "Bob")
    page, _saver = make_network(qtbot, db)
    return page


def test_the_contact_model_passes_qtmodeltester(filled_network, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(filled_network.model, force_py=True)


def test_refresh_picks_up_new_plans_and_keeps_the_selection(qtbot, db: Database) -> None:
    create_contact(db, "Ann")
    bob = create_contact(db, "Bob")
    page, _saver = make_network(qtbot, db)
    page.select_contact(bob)
    assert page.editor.plans.choice_texts() == []
    create_plan(db, "Wild card")
    page.refresh()
    assert page.editor.plans.choice_texts() == ["Wild card"]
    assert page.current_contact_id() == bob
    assert page.editor.name.text() == "Bob"


def test_the_page_works_from_the_keyboard(qtbot, db: Database) -> None:
    create_contact(db, "Ann", last_contact=TODAY - timedelta(days=20), next_follow_up=TODAY)
    page, saver = make_network(qtbot, db)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.table, Qt.Key.Key_T, ctrl_shift)  # Contacted today
    assert get_contact(db, page.current_contact_id()).last_contact == TODAY  # type: ignore[arg-type,union-attr]
    qtbot.keyClick(page.table, Qt.Key.Key_N, ctrl_shift)  # New contact, cursor on its name
    assert len(list_contacts(db)) == 2
    assert page.editor.name.hasFocus()
    qtbot.keyClicks(page.editor.name, "Bob")
    assert saver.flush()
    assert sorted(c.name for c in list_contacts(db)) == ["Ann", "Bob"]
