"""The Plans page of the Plan B tab: editing plans as you type, triggers, order and deletion."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.core.choices import PlanKind, PlanStatus
from desktop_app.storage.database import Database
from desktop_app.storage.plan_steps import add_step
from desktop_app.storage.plans import create_plan, get_plan, list_plans
from tests.ui.planb_helpers import make_tab, saver_of, show_active


def test_empty_state_says_what_to_do_and_new_plan_starts_on_the_title(qtbot, db: Database) -> None:
    tab = make_tab(qtbot, db)
    page = tab.plans_page
    assert page.stack.is_showing_empty_state()
    assert "Ctrl+Shift+N" in page.stack.message_label.text()
    assert tab.pages.tabText(0) == "Plans"

    page.new_action.trigger()
    assert not page.stack.is_showing_empty_state()
    assert page.editor.title.text() == "New plan"
    assert page.editor.title.selectedText() == "New plan"
    assert len(list_plans(db)) == 1


def test_typing_saves_every_field_and_survives_a_new_tab(qtbot, db: Database) -> None:
    plan_id = create_plan(db, "Old title")
    tab = make_tab(qtbot, db)
    editor = tab.plans_page.editor
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Freelance dashboards")
    qtbot.keyClicks(editor.description, "Reports for small firms")
    qtbot.keyClicks(editor.why, "Independence")
    qtbot.keyClicks(editor.trigger_condition, "No offer by March")
    qtbot.keyClicks(editor.notes, "Ask Sam")
    editor.kind.setCurrentIndex(editor.kind.findData(str(PlanKind.VANISHED)))
    editor.status.setCurrentIndex(editor.status.findData(str(PlanStatus.ACTIVE)))
    editor.gauges["liking"].slider.setValue(9)
    assert tab.model.row_at(0).title == "Freelance dashboards"  # the list follows the typing
    assert tab.model.data(tab.model.index(0, 0)).startswith("Freelance dashboards\n")
    assert saver_of(tab).has_pending()
    saver_of(tab).flush()

    plan = get_plan(db, plan_id)
    assert plan is not None
    assert (plan.title, plan.description, plan.why) == (
        "Freelance dashboards",
        "Reports for small firms",
        "Independence",
    )
    assert (plan.trigger_condition, plan.notes, plan.liking) == ("No offer by March", "Ask Sam", 9)
    assert (plan.kind, plan.status) == (PlanKind.VANISHED, PlanStatus.ACTIVE)

    again = make_tab(qtbot, db)
    assert again.model.row_at(0).title == "Freelance dashboards"
    assert again.plans_page.editor.gauges["liking"].value_label.text() == "9 of 10"


def test_switching_plans_mid_edit_loses_nothing(qtbot, db: Database) -> None:
    first = create_plan(db, "First")
    second = create_plan(db, "Second")
    tab = make_tab(qtbot, db)
    page = tab.plans_page
    qtbot.keyClicks(page.editor.description, "typed just before switching")
    page.plans.select_plan(second)
    assert page.editor.plan_id() == second
    assert get_plan(db, first).description == "typed just before switching"  # type: ignore[union-attr]
    page.plans.select_plan(first)
    assert page.editor.description.toPlainText() == "typed just before switching"


def test_an_empty_title_is_explained_and_not_saved(qtbot, db: Database) -> None:
    plan_id = create_plan(db, "Keep me")
    tab = make_tab(qtbot, db)
    editor = tab.plans_page.editor
    editor.title.selectAll()
    qtbot.keyClick(editor.title, Qt.Key.Key_Delete)
    assert editor.title_problem.isVisibleTo(tab)
    assert "needs a short title" in editor.title_problem.text() and "Keep me" in editor.title_problem.text()
    saver_of(tab).flush()
    assert get_plan(db, plan_id).title == "Keep me"  # type: ignore[union-attr]


def test_trigger_dates_are_read_in_locale_or_iso_and_bad_ones_kept_out(qtbot, db: Database) -> None:
    plan_id = create_plan(db, "Plan", status=PlanStatus.ACTIVE)
    tab = make_tab(qtbot, db)
    editor = tab.plans_page.editor
    qtbot.keyClicks(editor.trigger_date, "2027-03-31")
    saver_of(tab).flush()
    assert get_plan(db, plan_id).trigger_date == date(2027, 3, 31)  # type: ignore[union-attr]
    editor.trigger_date.clear()
    qtbot.keyClicks(editor.trigger_date, "next spring")
    assert editor.trigger_problem.isVisibleTo(tab) and "next spring" in editor.trigger_problem.text()
    saver_of(tab).flush()
    assert get_plan(db, plan_id).trigger_date == date(2027, 3, 31)  # type: ignore[union-attr]


def test_a_passed_trigger_on_a_waiting_plan_is_marked_in_words(qtbot, db: Database) -> None:
    yesterday = date.today() - timedelta(days=1)
    waiting = create_plan(db, "Waiting", status=PlanStatus.IDEA, trigger_date=yesterday, trigger_condition="No offer")
    create_plan(db, "Followed", status=PlanStatus.ACTIVE, trigger_date=yesterday)
    tab = make_tab(qtbot, db)
    page = tab.plans_page
    model = page.plans.model
    trigger_waiting = model.index(0, 1)
    assert "Trigger passed" in model.data(trigger_waiting) and "No offer" in model.data(trigger_waiting)
    assert model.data(trigger_waiting, Qt.ItemDataRole.FontRole).bold()
    assert "Trigger passed" not in model.data(model.index(1, 1))

    page.plans.select_plan(waiting)
    assert page.editor.trigger_alarm.isVisibleTo(tab)
    assert "Trigger passed" in page.editor.trigger_alarm.text()
    page.editor.status.setCurrentIndex(page.editor.status.findData(str(PlanStatus.ACTIVE)))
    assert not page.editor.trigger_alarm.isVisibleTo(tab)
    assert "Trigger passed" not in model.data(trigger_waiting)  # the list follows the status change


def test_plans_move_up_and_down_and_the_order_is_stored(qtbot, db: Database) -> None:
    a, b, c = (create_plan(db, name) for name in ("A", "B", "C"))
    tab = make_tab(qtbot, db)
    page = tab.plans_page
    page.plans.select_plan(a)
    page.plans.table.setFocus()
    page.down_action.trigger()
    assert [p.id for p in list_plans(db)] == [b, a, c]
    assert page.plans.current_id() == a
    page.plans.select_plan(c)
    page.up_action.trigger()
    page.up_action.trigger()
    assert [p.id for p in list_plans(db)] == [c, b, a]
    assert page.up_action.shortcut().toString() == "Ctrl+Up"


def test_deleting_a_plan_asks_first_and_names_its_steps(qtbot, db: Database) -> None:
    plan_id = create_plan(db, "Wild card")
    for text in ("one", "two", "three"):
        add_step(db, plan_id, text)
    tab = make_tab(qtbot, db)
    page = tab.plans_page
    questions: list[str] = []

    def refuse(_parent, _title: str, text: str) -> bool:
        questions.append(text)
        return False

    page.confirm = refuse
    assert not page.delete_current()
    assert "Wild card" in questions[0] and "3 step(s)" in questions[0]
    assert get_plan(db, plan_id) is not None

    page.confirm = lambda *_args: True
    with qtbot.waitSignal(tab.plans_changed):
        assert page.delete_current()
    assert get_plan(db, plan_id) is None
    assert page.stack.is_showing_empty_state()
    assert "3 step(s)" in page.status.text()


def test_plan_list_model_is_a_correct_qt_model(qtbot, qtmodeltester, db: Database) -> None:
    create_plan(db, "One", trigger_date=date.today() - timedelta(days=3))
    create_plan(db, "Two")
    tab = make_tab(qtbot, db)
    qtmodeltester.check(tab.plans_page.plans.model)


def test_a_new_plan_from_the_keyboard_is_named_by_typing(qtbot, db: Database) -> None:
    tab = make_tab(qtbot, db)
    page = tab.plans_page
    show_active(qtbot, tab)
    button = page.new_action.property("button")
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is page.editor.title
    qtbot.keyClicks(page.editor.title, "If analytics vanished")
    saver_of(tab).flush()
    assert [plan.title for plan in list_plans(db)] == ["If analytics vanished"]
    qtbot.keyClick(page.editor.title, Qt.Key.Key_F1)
    assert page.steps.help.isVisibleTo(tab)
