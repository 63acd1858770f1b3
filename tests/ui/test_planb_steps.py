"""The steps of a plan: add, edit in place, reorder, undoable delete, tiers and broken promises."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit

from desktop_app.core.choices import FailureTier
from desktop_app.storage.database import Database
from desktop_app.storage.plan_steps import add_step, list_steps
from desktop_app.storage.plans import create_plan
from desktop_app.ui.planb_steps_model import DUE_COLUMN, NOTES_COLUMN, STATE_ROLE, STEP_COLUMN, TIER_COLUMN
from tests.ui.planb_helpers import make_tab, saver_of, show_active


def _texts(db: Database, plan_id: int) -> list[str]:
    return [step.text for step in list_steps(db, plan_id)]


def test_add_a_step_and_edit_it_in_place(qtbot, db: Database) -> None:
    plan_id = create_plan(db, "Plan")
    tab = make_tab(qtbot, db)
    steps = tab.plans_page.steps
    show_active(qtbot, tab)
    assert "No steps yet" in steps.summary.text()
    steps.add_action.trigger()
    editor = steps.view.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "New step"
    editor.selectAll()
    qtbot.keyClicks(editor, "Call Sam about the bakery")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: steps.view.state() != QAbstractItemView.State.EditingState)  # Qt commits queued
    saver_of(tab).flush()
    assert _texts(db, plan_id) == ["Call Sam about the bakery"]
    assert tab.model.row_at(0).step_count == 1  # the plan list counts it

    index = steps.model.index(0, STEP_COLUMN)
    steps.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    steps.model.setData(steps.model.index(0, TIER_COLUMN), str(FailureTier.RARELY))
    steps.model.setData(steps.model.index(0, DUE_COLUMN), "2027-01-15")
    steps.model.setData(steps.model.index(0, NOTES_COLUMN), "bring the printout")
    saver_of(tab).flush()
    step = list_steps(db, plan_id)[0]
    assert (step.done, step.tier, step.due, step.notes) == (
        True,
        FailureTier.RARELY,
        date(2027, 1, 15),
        "bring the printout",
    )
    assert "1 of 1 steps done" in steps.summary.text()


def test_the_tier_editor_and_cell_explain_the_tiers(qtbot, db: Database) -> None:
    plan_id = create_plan(db, "Plan")
    add_step(db, plan_id, "Rehearse", tier=FailureTier.OCCASIONALLY)
    tab = make_tab(qtbot, db)
    steps = tab.plans_page.steps
    index = steps.model.index(0, TIER_COLUMN)
    assert "Rehearsals and mock-ups" in steps.model.data(index, Qt.ItemDataRole.ToolTipRole)
    steps.view.setCurrentIndex(index)
    steps.view.edit(index)
    combo = steps.view.focusWidget()
    assert isinstance(combo, QComboBox) and combo.count() == len(FailureTier)
    assert "Promises you made" in combo.itemData(combo.count() - 1, Qt.ItemDataRole.ToolTipRole)
    assert "Rehearsals" in combo.toolTip()

    steps.help_action.trigger()
    assert steps.help.isVisibleTo(tab)
    assert all(label in steps.help.text() for label in ("Fail often", "Fail never", "prototypes", "Promises"))


def test_a_date_that_cannot_be_read_keeps_the_saved_one(qtbot, db: Database) -> None:
    plan_id = create_plan(db, "Plan")
    add_step(db, plan_id, "Step", due=date(2027, 5, 1))
    tab = make_tab(qtbot, db)
    steps = tab.plans_page.steps
    show_active(qtbot, tab)
    index = steps.model.index(0, DUE_COLUMN)
    steps.view.setCurrentIndex(index)
    steps.view.edit(index)
    editor = steps.view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("soonish")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: steps.view.state() != QAbstractItemView.State.EditingState)  # Qt commits queued
    assert steps.problem.isVisibleTo(tab) and "soonish" in steps.problem.text()
    saver_of(tab).flush()
    assert list_steps(db, plan_id)[0].due == date(2027, 5, 1)


def test_steps_move_with_ctrl_up_and_down(qtbot, db: Database) -> None:
    plan_id = create_plan(db, "Plan")
    for text in ("one", "two", "three"):
        add_step(db, plan_id, text)
    tab = make_tab(qtbot, db)
    steps = tab.plans_page.steps
    show_active(qtbot, tab)
    steps.select_step(list_steps(db, plan_id)[0].id)
    steps.view.setFocus()
    qtbot.keyClick(steps.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _texts(db, plan_id) == ["two", "one", "three"]
    steps.down_action.trigger()
    assert _texts(db, plan_id) == ["two", "three", "one"]
    steps.up_action.trigger()
    steps.up_action.trigger()
    assert _texts(db, plan_id) == ["one", "two", "three"]
    assert steps.current_step().text == "one"  # type: ignore[union-attr]


def test_deleting_a_step_is_undone_with_ctrl_z(qtbot, db: Database) -> None:
    plan_id = create_plan(db, "Plan")
    for text in ("one", "two", "three"):
        add_step(db, plan_id, text, notes=f"about {text}")
    tab = make_tab(qtbot, db)
    steps = tab.plans_page.steps
    show_active(qtbot, tab)
    before = list_steps(db, plan_id)
    steps.select_step(before[1].id)
    steps.view.setFocus()
    qtbot.keyClick(steps.view, Qt.Key.Key_Delete)
    assert _texts(db, plan_id) == ["one", "three"]
    assert steps.current_step().text == "three"  # type: ignore[union-attr]
    assert tab.model.row_at(0).step_count == 2
    qtbot.keyClick(steps.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list_steps(db, plan_id) == before  # same id, place and notes
    assert steps.current_step().text == "two"  # type: ignore[union-attr]
    steps.undo_stack.redo()
    assert _texts(db, plan_id) == ["one", "three"]


def test_overdue_steps_are_marked_and_broken_promises_stand_out(qtbot, db: Database) -> None:
    plan_id = create_plan(db, "Plan")
    last_week = date.today() - timedelta(days=7)
    add_step(db, plan_id, "Draft the offer", tier=FailureTier.FREQUENTLY, due=last_week)
    add_step(db, plan_id, "Send Priya the sample", tier=FailureTier.NEVER, due=last_week)
    add_step(db, plan_id, "Kept promise", tier=FailureTier.NEVER, due=last_week, done=True)
    tab = make_tab(qtbot, db)
    model = tab.plans_page.steps.model
    overdue, broken, kept = (model.index(row, DUE_COLUMN) for row in range(3))
    assert model.data(overdue).endswith("overdue") and "promise" not in model.data(overdue)
    assert model.data(overdue, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(overdue, Qt.ItemDataRole.FontRole) is None

    assert model.data(broken).endswith("promise overdue")
    assert model.data(broken, STATE_ROLE) == "broken_promise"
    text = model.index(1, STEP_COLUMN)
    assert model.data(text, Qt.ItemDataRole.FontRole).bold()
    assert model.data(text, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(text, Qt.ItemDataRole.BackgroundRole) is not None
    assert "Promise overdue" in model.data(text, Qt.ItemDataRole.ToolTipRole)
    assert model.data(text, Qt.ItemDataRole.AccessibleDescriptionRole) == "Promise overdue"

    assert "overdue" not in model.data(kept)
    summary = tab.plans_page.steps.summary.text()
    assert "1 promise(s) overdue" in summary and "1 overdue" in summary


def test_steps_model_is_a_correct_qt_model(qtbot, qtmodeltester, db: Database) -> None:
    plan_id = create_plan(db, "Plan")
    add_step(db, plan_id, "one", tier=FailureTier.NEVER, due=date.today() - timedelta(days=1))
    add_step(db, plan_id, "two", done=True)
    tab = make_tab(qtbot, db)
    qtmodeltester.check(tab.plans_page.steps.model)
