"""The list of plans on the Plan B tab: title, kind, status, trigger and step progress.

A plan whose trigger date has passed while it is still waiting (idea or paused) says so
in words, in bold dark red, with a warning sign: "trigger passed".
"""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop_app.core.plan_rules import trigger_passed
from desktop_app.core.records import PlanSummary
from desktop_app.ui.formatting import format_date
from desktop_app.ui.labels import plan_kind_label, plan_status_label
from desktop_app.ui.table_model import Column, RowTableModel

ALARM_COLOUR = QColor("#a40000")
WARNING_SIGN = "\u26a0"
TRIGGER_COLUMN = 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("planb_plan_list", text)


def trigger_text(summary: PlanSummary, today: date) -> str:
    parts = [x for x in (format_date(summary.trigger_date), summary.trigger_condition.strip()) if x]
    text = "\n".join(parts)
    if trigger_passed(summary.status, summary.trigger_date, today):
        return f"{WARNING_SIGN} " + _tr("Trigger passed:\n{when}").format(when=text)
    return text


def _alarm_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class PlanTableModel(RowTableModel[PlanSummary]):
    """The plan rows; one row can be replaced in place, keeping the selection."""

    def replace_row(self, row: int, summary: PlanSummary) -> None:
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


class PlanList(QWidget):
    """Shows the plans; ``plan_selected(id)`` when the user picks one (-1: none)."""

    plan_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()
        tr = self.tr

        def passed(row: PlanSummary) -> bool:
            return trigger_passed(row.status, row.trigger_date, self.today)

        def alarm_brush(row: PlanSummary) -> QBrush | None:
            return QBrush(ALARM_COLOUR) if passed(row) else None

        def alarm_font(row: PlanSummary) -> QFont | None:
            return _alarm_font() if passed(row) else None

        def trigger_tip(row: PlanSummary) -> str:
            if passed(row):
                return tr("The trigger date has passed and this plan is not active: time to decide whether to switch.")
            return tr("When to switch to this plan")

        def describe(row: PlanSummary) -> str:
            steps = tr("{done} of {total} steps done").format(done=row.done_count, total=row.step_count)
            return f"{row.title}\n{plan_kind_label(row.kind)} · {plan_status_label(row.status)} · {steps}"

        self.model = PlanTableModel(
            [
                Column(tr("Plan"), describe, tooltip=describe),
                Column(
                    tr("Trigger"),
                    lambda r: trigger_text(r, self.today),
                    tooltip=trigger_tip,
                    foreground=alarm_brush,
                    font=alarm_font,
                ),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TRIGGER_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TRIGGER_COLUMN, 150)
        self.table.setAccessibleName(tr("Plans"))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._emit(current.row()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def _emit(self, row: int) -> None:
        self.plan_selected.emit(self.model.row_at(row).id if 0 <= row < self.model.rowCount() else -1)

    def set_summaries(self, summaries: list[PlanSummary], today: date | None = None) -> None:
        """Show ``summaries``, keeping the selected plan selected when it is still there."""
        current = self.current_id()
        self.today = today or date.today()
        blocker = self.table.selectionModel().blockSignals(True)
        self.model.set_rows(summaries)
        self.table.selectionModel().blockSignals(blocker)
        if current is not None and self.row_of(current) >= 0:
            self._set_row(self.row_of(current), announce=False)

    def ids(self) -> list[int]:
        return [row.id for row in self.model.rows()]

    def row_of(self, plan_id: int) -> int:
        return next((row for row, summary in enumerate(self.model.rows()) if summary.id == plan_id), -1)

    def summary(self, plan_id: int) -> PlanSummary | None:
        row = self.row_of(plan_id)
        return self.model.row_at(row) if row >= 0 else None

    def current_id(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.row_at(row).id if 0 <= row < self.model.rowCount() else None

    def select_plan(self, plan_id: int) -> None:
        row = self.row_of(plan_id)
        if row >= 0:
            self._set_row(row, announce=True)

    def select_row(self, row: int) -> None:
        if self.model.rowCount():
            self._set_row(max(0, min(row, self.model.rowCount() - 1)), announce=True)
        else:
            self.plan_selected.emit(-1)

    def _set_row(self, row: int, announce: bool) -> None:
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        selection = self.table.selectionModel()
        if not announce:
            blocked = selection.blockSignals(True)
            selection.setCurrentIndex(index, flags)
            selection.blockSignals(blocked)
            self.table.viewport().update()
        elif index == self.table.currentIndex():
            self._emit(row)
        else:
            selection.setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def update_summary(self, plan_id: int, **fields: object) -> None:
        """The editor changed ``fields`` of a plan: show them without reading the database."""
        row = self.row_of(plan_id)
        if row < 0:
            return
        known = {name: value for name, value in fields.items() if hasattr(self.model.row_at(row), name)}
        if not known:
            return
        self.model.replace_row(row, dataclasses.replace(self.model.row_at(row), **known))  # type: ignore[arg-type]
