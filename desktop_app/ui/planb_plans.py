"""The "Plans" page of the Plan B tab: the plan list on the left, the plan and its steps on the right.

It owns the page's commands: new plan, delete plan (asks first, saying how many steps
go with it), and moving plans up and down. Everything typed saves through the shared
AutoSaver; switching plans writes what is pending first.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from desktop_app.core.plan_rules import moved
from desktop_app.storage.database import Database
from desktop_app.storage.plan_steps import list_steps
from desktop_app.storage.plans import create_plan, delete_plan, get_plan, list_plan_summaries, reorder_plans
from desktop_app.ui.actions import Confirm, action_button, ask_yes_no
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.empty_state import EmptyStateStack
from desktop_app.ui.planb_plan_editor import PlanEditor
from desktop_app.ui.planb_plan_list import PlanList
from desktop_app.ui.planb_steps import StepsPanel


class PlansPage(QWidget):
    """Lists, edits, adds, deletes and orders plans and their steps."""

    plans_changed = Signal()  # a plan was added, deleted or moved

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._saver = saver
        self.confirm: Confirm = ask_yes_no
        self.today = date.today()
        self.plans = PlanList()
        self.editor = PlanEditor(db, saver)
        self.steps = StepsPanel(db, saver)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.stack = EmptyStateStack(
            self._build_body(),
            self.tr(
                "No plans yet.\nPress New plan (Ctrl+Shift+N) and write down your current path, what you would do "
                "if it vanished, and a wild card, each with a trigger that tells you when to switch."
            ),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_actions())
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)

        self.addAction(self.steps.help_action)  # F1 explains the tiers anywhere on the page
        self.plans.plan_selected.connect(self._show_plan)
        self.editor.changed.connect(self._editor_changed)
        self.steps.progress_changed.connect(
            lambda plan_id, done, total: self.plans.update_summary(plan_id, done_count=done, step_count=total)
        )
        self.refresh()

    # -- layout ------------------------------------------------------------------------------------

    def _build_body(self) -> QWidget:
        editor_scroll = QScrollArea()
        editor_scroll.setWidget(self.editor)
        editor_scroll.setWidgetResizable(True)
        steps_box = QWidget()
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        steps_label = QLabel(self.tr("Step&s:"))
        steps_label.setBuddy(self.steps.view)
        steps_layout.addWidget(steps_label)
        steps_layout.addWidget(self.steps)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(editor_scroll)
        right.addWidget(steps_box)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.plans)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([380, 920])
        return self.splitter

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_action = action_button(self, row, self.tr("New plan"), "Ctrl+Shift+N", self.new_plan)
        self.delete_action = action_button(self, row, self.tr("Delete plan…"), "Ctrl+Shift+Del", self.delete_current)
        on_list = Qt.ShortcutContext.WidgetShortcut
        self.up_action = action_button(
            self.plans.table, row, self.tr("Move plan up"), "Ctrl+Up", lambda: self.move_current(-1), context=on_list
        )
        self.down_action = action_button(
            self.plans.table, row, self.tr("Move plan down"), "Ctrl+Down", lambda: self.move_current(1), context=on_list
        )
        row.addStretch(1)
        return row

    # -- showing -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the plans again, keeping the selected plan when it is still there."""
        self._flush()
        current = self.plans.current_id()
        self.plans.set_summaries(list_plan_summaries(self._db), self.today)
        self.stack.set_empty(self.plans.model.rowCount() == 0)
        if current is not None and self.plans.row_of(current) >= 0:
            self._show_plan(current)
        else:
            self.plans.select_row(0)
        self._update_actions()

    def current_plan_id(self) -> int | None:
        return self.plans.current_id()

    def _show_plan(self, plan_id: int) -> None:
        self._flush()
        plan = get_plan(self._db, plan_id) if plan_id >= 0 else None
        self.editor.load(plan, self.today)
        self.steps.load(plan.id if plan else None, self.today)
        self._update_actions()

    def _update_actions(self) -> None:
        current = self.plans.current_id()
        for action in (self.delete_action, self.up_action, self.down_action):
            action.setEnabled(current is not None)

    def _editor_changed(self, plan_id: int, fields: dict) -> None:  # type: ignore[type-arg]
        self.plans.update_summary(plan_id, **fields)

    # -- actions -------------------------------------------------------------------------------------

    def new_plan(self) -> int:
        """Add a plan, select it and put the cursor on its title."""
        self._flush()
        plan_id = create_plan(self._db, self.tr("New plan"))
        self.refresh()
        self.plans.select_plan(plan_id)
        self.editor.focus_title()
        self._say(self.tr("Added a plan. Give it a short title, then say what it is and when to switch to it."))
        self.plans_changed.emit()
        return plan_id

    def delete_current(self) -> bool:
        """Delete the selected plan after asking; True if it was deleted."""
        plan_id = self.plans.current_id()
        summary = self.plans.summary(plan_id) if plan_id is not None else None
        if summary is None:
            return False
        self._flush()
        count = len(list_steps(self._db, summary.id))
        question = self.tr(
            "Delete the plan “{title}”? Its {count} step(s) are deleted with it; your contacts and evidence stay. "
            "This cannot be undone."
        ).format(title=summary.title, count=count)
        if not self.confirm(self, self.tr("Delete plan"), question):
            return False
        row = self.plans.row_of(summary.id)
        delete_plan(self._db, summary.id)
        self.steps.forget_plan(summary.id)
        self.refresh()
        self.plans.select_row(row)
        self._say(self.tr("Deleted the plan “{title}” and {count} step(s).").format(title=summary.title, count=count))
        self.plans_changed.emit()
        return True

    def move_current(self, offset: int) -> None:
        plan_id = self.plans.current_id()
        if plan_id is None:
            return
        self._flush()
        ids = self.plans.ids()
        order = moved(ids, plan_id, offset)
        if order != ids:
            reorder_plans(self._db, order)
            self.refresh()
            self.plans.select_plan(plan_id)
            self.plans_changed.emit()

    def _flush(self) -> None:
        if self._saver.has_pending():
            self._saver.flush()

    def _say(self, message: str) -> None:
        self.status.setText(message)
