"""A table model of one plan's steps: the step (checkbox and text), its tier, due date and notes.

Overdue steps are marked in dark red with a warning icon and the word "overdue". An
overdue "fail never" step is a broken promise and stands out more than anything else:
the whole row bold dark red on a pink background, a warning icon, and the words
"promise overdue". Edits change the model at once and are announced through
``edited``; the owner writes them to storage. data() never touches storage.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from desktop_app.core.choices import FailureTier
from desktop_app.core.plan_records import StepRecord
from desktop_app.core.plan_rules import StepState, step_state
from desktop_app.ui.formatting import format_date
from desktop_app.ui.labels import tier_explanation, tier_label
from desktop_app.ui.planb_dates import UnreadableDayError, format_day, parse_day

STEP_COLUMN, TIER_COLUMN, DUE_COLUMN, NOTES_COLUMN = range(4)
STEP_ID_ROLE = Qt.ItemDataRole.UserRole + 21
STATE_ROLE = Qt.ItemDataRole.UserRole + 22
TIER_ROLE = Qt.ItemDataRole.UserRole + 23
ALARM_COLOUR = QColor("#8b0000")
OVERDUE_COLOUR = QColor("#a40000")
ALARM_FILL = QColor("#fde2e4")
DONE_COLOUR = QColor("#6b6f75")
_Index = QModelIndex | QPersistentModelIndex


class StepsModel(QAbstractTableModel):
    edited = Signal(int, str, object)  # step id, field name, new value

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._steps: list[StepRecord] = []
        self._today = date.today()
        self._warning_icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = [self.tr("Step"), self.tr("Tier"), self.tr("Due"), self.tr("Notes")]

    # -- contents -----------------------------------------------------------------------------------

    def set_steps(self, steps: list[StepRecord], today: date | None = None) -> None:
        self.beginResetModel()
        self._steps = list(steps)
        self._today = today or date.today()
        self.endResetModel()

    def steps(self) -> list[StepRecord]:
        return list(self._steps)

    def step_at(self, index: _Index) -> StepRecord | None:
        if not index.isValid() or not 0 <= index.row() < len(self._steps):
            return None
        return self._steps[index.row()]

    def row_of(self, step_id: int) -> int:
        return next((row for row, step in enumerate(self._steps) if step.id == step_id), -1)

    def state(self, step: StepRecord) -> StepState:
        return step_state(step.tier, step.due, step.done, self._today)

    def count_in_state(self, state: StepState) -> int:
        return sum(1 for step in self._steps if self.state(step) is state)

    # -- Qt model interface ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._steps)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == TIER_COLUMN:
            return self.tr(
                "How costly it is to fail at this step, from “fail often” (ideas) to “fail never” (promises)."
            )
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if self.step_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        if index.column() == STEP_COLUMN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        step = self.step_at(index)
        if step is None:
            return None
        state = self.state(step)
        column = index.column()
        if role == STEP_ID_ROLE:
            return step.id
        if role == STATE_ROLE:
            return str(state)
        if role == TIER_ROLE:
            return step.tier
        alarm = state is StepState.BROKEN_PROMISE
        overdue = state is StepState.OVERDUE
        if role == Qt.ItemDataRole.ForegroundRole:
            if alarm:
                return QBrush(ALARM_COLOUR)
            if overdue and column in (STEP_COLUMN, DUE_COLUMN):
                return QBrush(OVERDUE_COLOUR)
            return QBrush(DONE_COLOUR) if step.done else None
        if role == Qt.ItemDataRole.BackgroundRole and alarm:
            return QBrush(ALARM_FILL)
        if role == Qt.ItemDataRole.FontRole and (alarm or (step.tier == FailureTier.NEVER and column == TIER_COLUMN)):
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and column in (STEP_COLUMN, DUE_COLUMN) and (alarm or overdue):
            return self._warning_icon if alarm or column == DUE_COLUMN else None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.state_text(state)
        if column == STEP_COLUMN:
            return self._step_data(step, state, role)
        if column == TIER_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return tier_label(step.tier)
            if role == Qt.ItemDataRole.EditRole:
                return step.tier
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{tier_label(step.tier)}: {tier_explanation(step.tier)}"
        if column == DUE_COLUMN:
            return self._due_data(step, state, role)
        if column == NOTES_COLUMN and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return step.notes if role == Qt.ItemDataRole.EditRole else " ".join(step.notes.split())
        if column == NOTES_COLUMN and role == Qt.ItemDataRole.ToolTipRole and step.notes.strip():
            return step.notes
        return None

    def state_text(self, state: StepState) -> str:
        texts = {
            StepState.BROKEN_PROMISE: self.tr("Promise overdue"),
            StepState.PROMISE_DUE: self.tr("Promise due soon"),
            StepState.OVERDUE: self.tr("Overdue"),
            StepState.DONE: self.tr("Done"),
        }
        return texts.get(state, "")

    def _step_data(self, step: StepRecord, state: StepState, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return step.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if step.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [step.text]
            if state is StepState.BROKEN_PROMISE:
                parts.append(
                    self.tr("Promise overdue: you promised this for {due}. Keep it, or tell the person now.").format(
                        due=format_date(step.due, long=True)
                    )
                )
            elif state is StepState.OVERDUE:
                parts.append(self.tr("Overdue: due {due}.").format(due=format_date(step.due, long=True)))
            return "\n".join(parts)
        return None

    def _due_data(self, step: StepRecord, state: StepState, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            return format_day(step.due)
        if role == Qt.ItemDataRole.DisplayRole:
            text = format_date(step.due)
            if state in (StepState.BROKEN_PROMISE, StepState.OVERDUE, StepState.PROMISE_DUE):
                return self.tr("{due} – {state}").format(due=text, state=self.state_text(state).lower())
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Type a date like {example}; empty for none.").format(example=format_day(date.today()))
        return None

    # -- editing --------------------------------------------------------------------------------------

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        step = self.step_at(index)
        if step is None:
            return False
        column = index.column()
        if column == STEP_COLUMN and role == Qt.ItemDataRole.CheckStateRole:
            return self._change(index.row(), "done", Qt.CheckState(value) == Qt.CheckState.Checked)
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == STEP_COLUMN:
            text = str(value).strip()
            return bool(text) and self._change(index.row(), "text", text)
        if column == TIER_COLUMN:
            return value in set(FailureTier) and self._change(index.row(), "tier", str(value))
        if column == DUE_COLUMN:
            if value is None or isinstance(value, date):
                return self._change(index.row(), "due", value)
            try:
                return self._change(index.row(), "due", parse_day(str(value)))
            except UnreadableDayError:
                return False
        if column == NOTES_COLUMN:
            return self._change(index.row(), "notes", str(value))
        return False

    def _change(self, row: int, name: str, value: object) -> bool:
        step = self._steps[row]
        if getattr(step, name) == value:
            return True
        self._steps[row] = dataclasses.replace(step, **{name: value})  # type: ignore[arg-type]
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.edited.emit(step.id, name, value)
        return True
