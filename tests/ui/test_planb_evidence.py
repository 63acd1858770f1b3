"""The Evidence page: entries saved as you type, linked to plans, deleted only after asking."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_app.storage.database import Database
from desktop_app.storage.evidence import create_evidence, list_evidence
from desktop_app.storage.plans import create_plan
from desktop_app.ui.formatting import format_date, to_qdate
from tests.ui.planb_helpers import TODAY, Answers, make_evidence, tick

LITERAL = "<b>Ann</b> & Co"
PASTED = "Hi Sam,\n\n<p>Thank you</p> for the dashboard & the training!\n— Ops director"
ACHIEVEMENT, DATE, WHO, PROOF = 0, 1, 2, 3


def test_empty_page_says_what_to_do_and_new_entry_is_dated_today(qtbot, db: Database) -> None:
    page, _saver = make_evidence(qtbot, db)
    assert page.stack.is_showing_empty_state()
    assert "Ctrl+Shift+N" in page.stack.message_label.text()
    assert not page.delete_action.isEnabled()
    entry_id = page.new_entry()
    assert not page.stack.is_showing_empty_state()
    assert page.current_entry_id() == entry_id
    assert page.editor.achieved_on.value() == TODAY
    assert list_evidence(db)[0].achieved_on == TODAY


def test_every_field_is_saved_as_you_type_and_shown_again(qtbot, db: Database) -> None:
    plan = create_plan(db, "Freelance dashboards")
    other = create_plan(db, "Teach")
    page, saver = make_evidence(qtbot, db)
    page.new_entry()
    e = page.editor
    e.achievement.clear()
    qtbot.keyClicks(e.achievement, "Cut reporting from 6 h to 40 min")
    e.proof.setPlainText(PASTED)
    e.achieved_on.edit.setDate(to_qdate(date(2025, 11, 3)))
    qtbot.keyClicks(e.who_knows, "My manager")
    tick(e.plans, plan)
    tick(e.plans, other)
    assert page.model.index(0, ACHIEVEMENT).data() == "Cut reporting from 6 h to 40 min"
    # On one line in the table; as pasted in the tool tip.
    one_line = "Hi Sam, / <p>Thank you</p> for the dashboard & the training! / — Ops director"
    assert page.model.index(0, PROOF).data() == one_line
    assert page.model.index(0, PROOF).data(Qt.ItemDataRole.ToolTipRole) == PASTED
    assert saver.flush()

    stored = list_evidence(db)[0]
    assert (stored.achievement, stored.proof) == ("Cut reporting from 6 h to 40 min", PASTED)
    assert stored.who_knows == "My manager"
    assert stored.achieved_on == date(2025, 11, 3)
    assert stored.plan_ids == tuple(sorted((plan, other)))

    again, _saver = make_evidence(qtbot, db)
    a = again.editor
    assert a.achievement.text() == "Cut reporting from 6 h to 40 min"
    assert a.proof.toPlainText() == PASTED
    assert a.achieved_on.value() == date(2025, 11, 3)
    assert a.who_knows.text() == "My manager"
    assert sorted(a.plans.checked_ids()) == sorted((plan, other))
    assert again.model.index(0, DATE).data() == format_date(date(2025, 11, 3))


def test_the_date_is_optional_and_a_link_can_be_removed(qtbot, db: Database) -> None:
    plan = create_plan(db, "Plan B")
    entry = create_evidence(db, "Won the hackathon", achieved_on=date(2025, 5, 1))
    page, saver = make_evidence(qtbot, db)
    tick(page.editor.plans, plan)
    page.editor.achieved_on.has_date.setChecked(False)
    assert page.model.index(0, DATE).data() == ""
    assert saver.flush()
    assert list_evidence(db)[0].plan_ids == (plan,)
    item = page.editor.plans.item_for(plan)
    assert item is not None
    item.setCheckState(Qt.CheckState.Unchecked)
    assert saver.flush()
    stored = list_evidence(db)[0]
    assert (stored.id, stored.achieved_on, stored.plan_ids) == (entry, None, ())


def test_switching_entries_mid_edit_loses_nothing(qtbot, db: Database) -> None:
    first = create_evidence(db, "First")
    second = create_evidence(db, "Second")
    page, saver = make_evidence(qtbot, db)
    page.select_entry(first)
    qtbot.keyClicks(page.editor.who_knows, "Priya")
    page.select_entry(second)
    qtbot.keyClicks(page.editor.who_knows, "Sam")
    page.select_entry(first)
    assert page.editor.who_knows.text() == "Priya"
    assert saver.flush()
    assert [e.who_knows for e in list_evidence(db)] == ["Priya", "Sam"]


def test_an_empty_achievement_is_explained_and_not_saved(qtbot, db: Database) -> None:
    create_evidence(db, "Mentored two juniors")
    page, saver = make_evidence(qtbot, db)
    page.editor.achievement.selectAll()
    qtbot.keyClick(page.editor.achievement, Qt.Key.Key_Delete)
    assert page.editor.achievement_problem.isVisibleTo(page)
    assert "Mentored two juniors" in page.editor.achievement_problem.text()
    assert saver.flush()
    assert list_evidence(db)[0].achievement == "Mentored two juniors"


def test_delete_asks_first(qtbot, db: Database) -> None:
    keep = create_evidence(db, LITERAL)
    create_evidence(db, "Other")
    page, _saver = make_evidence(qtbot, db)
    page.select_entry(keep)
    page.confirm = no = Answers(False)
    assert not page.delete_current()
    assert len(list_evidence(db)) == 2
    assert LITERAL in no.questions[0]
    page.confirm = Answers(True)
    with qtbot.waitSignal(page.evidence_changed):
        assert page.delete_current()
    assert [e.achievement for e in list_evidence(db)] == ["Other"]
    assert page.editor.achievement.text() == "Other"


def test_user_text_is_shown_literally(qtbot, db: Database) -> None:
    create_evidence(db, LITERAL, proof=PASTED, who_knows="<i>Priya</i>")
    create_plan(db, "<u>Plan</u>")
    page, _saver = make_evidence(qtbot, db)
    assert page.model.index(0, ACHIEVEMENT).data() == LITERAL
    assert page.model.index(0, WHO).data() == "<i>Priya</i>"
    assert page.editor.proof.toPlainText() == PASTED
    assert page.editor.plans.choice_texts() == ["<u>Plan</u>"]
    assert page.editor.achievement_problem.textFormat() == Qt.TextFormat.PlainText
    assert page.status.textFormat() == Qt.TextFormat.PlainText


def test_evidence_changed_is_emitted_once_the_typing_is_saved(qtbot, db: Database) -> None:
    create_evidence(db, "Shipped")
    page, saver = make_evidence(qtbot, db)
    qtbot.keyClicks(page.editor.who_knows, "Priya")
    with qtbot.waitSignal(page.evidence_changed):
        saver.flush()


@pytest.fixture
def filled_evidence(qtbot, db: Database):  # type: ignore[no-untyped-def]
    """A page with rows, alive until after qtmodeltester's clean-up (fixtures end in reverse order)."""
    create_evidence(db, "Shipped", proof="Line one\nLine two", achieved_on=date(2025, 1, 2))
    create_evidence(db, "Spoke at a meetup")
    page, _saver = make_evidence(qtbot, db)
    return page


def test_the_evidence_model_passes_qtmodeltester(filled_evidence, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(filled_evidence.model, force_py=True)


def test_entries_can_be_reordered_from_the_keyboard_actions(qtbot, db: Database) -> None:
    first = create_evidence(db, "First")
    create_evidence(db, "Second")
    third = create_evidence(db, "Third")
    page, _saver = make_evidence(qtbot, db)
    assert page.current_entry_id() == first
    assert not page.up_action.isEnabled() and page.down_action.isEnabled()
    page.down_action.trigger()
    assert [e.achievement for e in list_evidence(db)] == ["Second", "First", "Third"]
    assert page.current_entry_id() == first
    page.select_entry(third)
    assert page.up_action.isEnabled() and not page.down_action.isEnabled()
    page.up_action.trigger()
    page.up_action.trigger()
    assert [e.achievement for e in list_evidence(db)] == ["Third", "Second", "First"]
    assert [page.model.row_at(r).achievement for r in range(3)] == ["Third", "Second", "First"]
    assert page.up_action.shortcut().toString() == "Ctrl+Up"
