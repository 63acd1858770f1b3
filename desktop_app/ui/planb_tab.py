"""The Plan B tab: the list of plans in the user's order."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop_app.core.records import PlanSummary
from desktop_app.storage.database import Database
from desktop_app.storage.plans import list_plan_summaries
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.empty_state import EmptyStateStack
from desktop_app.ui.formatting import format_date
from desktop_app.ui.labels import plan_kind_label, plan_status_label
from desktop_app.ui.table_model import Column, RowTableModel


class PlanBTab(QWidget):
    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._saver = saver
        tr = self.tr
        self.model: RowTableModel[PlanSummary] = RowTableModel(
            [
                Column(tr("Plan"), lambda r: r.title),
                Column(tr("Kind"), lambda r: plan_kind_label(r.kind)),
                Column(tr("Status"), lambda r: plan_status_label(r.status)),
                Column(
                    tr("Trigger"),
                    lambda r: " · ".join(x for x in (format_date(r.trigger_date), r.trigger_condition) if x),
                ),
                Column(
                    tr("Steps"), lambda r: tr("{done} of {total} done").format(done=r.done_count, total=r.step_count)
                ),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(tr("Plans"))
        self.stack = EmptyStateStack(
            self.table,
            tr(
                "No plans yet.\nWrite down your current path, what you would do if it vanished, and a wild card, "
                "each with a trigger that tells you when to switch."
            ),
        )
        QVBoxLayout(self).addWidget(self.stack)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(list_plan_summaries(self._db))
        self.stack.set_empty(self.model.rowCount() == 0)

    def print_current(self) -> None:
        """Printing plans arrives with the Plan B feature."""
