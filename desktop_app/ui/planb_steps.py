"""The steps of the selected plan: a table with its actions, and what the tiers mean.

Ticking, editing text, tier, due date and notes save through the shared AutoSaver.
Adding and moving write at once; deleting can be undone (Ctrl+Z).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.choices import FailureTier
from desktop_app.core.plan_records import StepRecord
from desktop_app.core.plan_rules import StepState, moved
from desktop_app.storage.database import Database
from desktop_app.storage.plan_steps import add_step, delete_step, list_steps, reorder_steps, restore_step, update_step
from desktop_app.ui.actions import action_button
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.field_messages import problem_label
from desktop_app.ui.labels import tier_explanation, tier_label
from desktop_app.ui.planb_step_delegates import DayDelegate, TierDelegate
from desktop_app.ui.planb_steps_model import DUE_COLUMN, NOTES_COLUMN, STEP_COLUMN, TIER_COLUMN, StepsModel


def tiers_help_text() -> str:
    """What the five tiers mean, as plain text."""
    lines = [
        QCoreApplication.translate(
            "planb_steps",
            "Each step carries a tier: how costly it is to fail at it. Fail cheaply and often at the top, "
            "so you never fail at the bottom.",
        )
    ]
    lines += [f"• {tier_label(tier)} — {tier_explanation(tier)}" for tier in FailureTier]
    return "\n".join(lines)


class DeleteStepCommand(QUndoCommand):
    """Deleting one step; undo puts it back in its place."""

    def __init__(self, panel: StepsPanel, step: StepRecord) -> None:
        super().__init__(panel.tr("Delete step “{text}”").format(text=step.text[:40]))
        self._panel = panel
        self._record = step

    def redo(self) -> None:
        deleted = delete_step(self._panel.db, self._record.id)
        if deleted is not None:
            self._record = deleted
        self._panel.after_undoable_change(self._record.plan_id, None)

    def undo(self) -> None:
        restore_step(self._panel.db, self._record)
        self._panel.after_undoable_change(self._record.plan_id, self._record.id)


class StepsPanel(QWidget):
    """Shows and edits the steps of one plan."""

    progress_changed = Signal(int, int, int)  # plan id, done, total

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._saver = saver
        self._plan_id: int | None = None
        self.today = date.today()
        self.undo_stack = QUndoStack(self)
        self.model = StepsModel(self)
        self.model.edited.connect(self._save_edit)
        self.model.dataChanged.connect(lambda *_: self._show_summary())

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.problem = problem_label()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Steps"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setItemDelegateForColumn(TIER_COLUMN, TierDelegate(self.view))
        self.day_delegate = DayDelegate(self.view)
        self.day_delegate.refused.connect(self._date_refused)
        self.view.setItemDelegateForColumn(DUE_COLUMN, self.day_delegate)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(STEP_COLUMN, QHeaderView.ResizeMode.Stretch)
        bold = QFont(self.view.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)  # a broken promise is shown in bold
        for column, sample in ((TIER_COLUMN, "Fail occasionally"), (DUE_COLUMN, "30/12/2026 – promise overdue")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 36)
        header.setSectionResizeMode(NOTES_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(NOTES_COLUMN, 110)

        self.help = QLabel(tiers_help_text())
        self.help.setTextFormat(Qt.TextFormat.PlainText)
        self.help.setWordWrap(True)
        self.help.setFrameShape(QLabel.Shape.StyledPanel)
        self.help.setMargin(6)
        self.help.hide()

        buttons = QHBoxLayout()
        view_keys = {"context": Qt.ShortcutContext.WidgetShortcut}
        self.add_action = action_button(self, buttons, self.tr("Add step"), "Ctrl+Shift+A", self.add_step_here)
        self.delete_action = action_button(
            self.view, buttons, self.tr("Delete step"), "Del", self.delete_current, **view_keys
        )  # type: ignore[arg-type]
        self.up_action = action_button(
            self.view, buttons, self.tr("Move up"), "Ctrl+Up", lambda: self.move_current(-1), **view_keys
        )  # type: ignore[arg-type]
        self.down_action = action_button(
            self.view, buttons, self.tr("Move down"), "Ctrl+Down", lambda: self.move_current(1), **view_keys
        )  # type: ignore[arg-type]
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo the last deletion of a step (Ctrl+Z)"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        self.help_action = action_button(self, buttons, self.tr("What the tiers mean"), "F1", self.toggle_help)
        self.help_action.setCheckable(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        layout.addWidget(self.help)
        self.load(None)

    # -- loading ------------------------------------------------------------------------------------

    def plan_id(self) -> int | None:
        return self._plan_id

    def load(self, plan_id: int | None, today: date | None = None) -> None:
        self._plan_id = plan_id
        self.today = today or date.today()
        self.model.set_steps(list_steps(self.db, plan_id) if plan_id is not None else [], self.today)
        for action in (self.add_action, self.delete_action, self.up_action, self.down_action):
            action.setEnabled(plan_id is not None)
        self.view.setEnabled(plan_id is not None)
        self.problem.hide()
        self._show_summary()

    def reload(self, select: int | None = None) -> None:
        self.load(self._plan_id, self.today)
        if select is not None:
            self.select_step(select)

    def summary_text(self) -> str:
        if self._plan_id is None:
            return self.tr("Select a plan to see its steps.")
        steps = self.model.steps()
        if not steps:
            return self.tr("No steps yet. Press Add step (Ctrl+Shift+A) and write the first small thing to do.")
        parts = [self.tr("{done} of {total} steps done").format(done=sum(s.done for s in steps), total=len(steps))]
        broken = self.model.count_in_state(StepState.BROKEN_PROMISE)
        if broken:
            parts.append(self.tr("\u26a0 {count} promise(s) overdue").format(count=broken))
        overdue = self.model.count_in_state(StepState.OVERDUE)
        if overdue:
            parts.append(self.tr("{count} overdue").format(count=overdue))
        return " · ".join(parts)

    def _show_summary(self) -> None:
        self.summary.setText(self.summary_text())
        broken = self._plan_id is not None and self.model.count_in_state(StepState.BROKEN_PROMISE) > 0
        self.summary.setStyleSheet("color: #8b0000; font-weight: bold;" if broken else "")
        if self._plan_id is not None:
            steps = self.model.steps()
            self.progress_changed.emit(self._plan_id, sum(s.done for s in steps), len(steps))

    def toggle_help(self) -> None:
        self.help.setVisible(not self.help.isVisible())
        self.help_action.setChecked(self.help.isVisible())

    # -- editing ------------------------------------------------------------------------------------

    def _save_edit(self, step_id: int, name: str, value: object) -> None:
        db = self.db
        self.problem.hide()
        self._saver.schedule(("step", step_id, name), lambda: update_step(db, step_id, **{name: value}))

    def _date_refused(self, text: str) -> None:
        self.problem.setText(
            self.tr("“{text}” is not a date I can read; the step keeps its due date.").format(text=text.strip())
        )
        self.problem.show()

    def _flush(self) -> None:
        if self._saver.has_pending():
            self._saver.flush()

    def current_step(self) -> StepRecord | None:
        return self.model.step_at(self.view.currentIndex())

    def select_step(self, step_id: int) -> None:
        row = self.model.row_of(step_id)
        if row >= 0:
            index = self.model.index(row, STEP_COLUMN)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.view.scrollTo(index)

    def add_step_here(self) -> int | None:
        """Add a step at the end of the plan and start editing its text."""
        if self._plan_id is None:
            return None
        self._flush()
        step_id = add_step(self.db, self._plan_id, self.tr("New step"))
        self.reload(select=step_id)
        self.view.setFocus()
        self.view.edit(self.model.index(self.model.row_of(step_id), STEP_COLUMN))
        return step_id

    def delete_current(self) -> None:
        step = self.current_step()
        if step is None:
            return
        self._flush()
        self.undo_stack.push(DeleteStepCommand(self, step))

    def move_current(self, offset: int) -> None:
        step = self.current_step()
        if step is None:
            return
        self._flush()
        ids = [s.id for s in self.model.steps()]
        order = moved(ids, step.id, offset)
        if order != ids:
            reorder_steps(self.db, order)
            self.reload(select=step.id)

    def after_undoable_change(self, plan_id: int, select: int | None) -> None:
        """A delete or its undo changed ``plan_id``'s steps."""
        if plan_id != self._plan_id:
            steps = list_steps(self.db, plan_id)
            self.progress_changed.emit(plan_id, sum(s.done for s in steps), len(steps))
            return
        row = self.view.currentIndex().row()
        self.reload(select=select)
        if select is None and self.model.rowCount():
            self.select_step(self.model.steps()[min(max(row, 0), self.model.rowCount() - 1)].id)

    def forget_plan(self, plan_id: int) -> None:
        """Its plan was deleted: undoing its step deletions is no longer possible."""
        self.undo_stack.clear()
        if plan_id == self._plan_id:
            self.load(None)
