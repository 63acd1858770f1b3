"""The Debrief tab: the list of debriefs, drafts first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop_app.core.records import DebriefSummary
from desktop_app.storage.database import Database
from desktop_app.storage.debriefs import list_debrief_summaries
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.empty_state import EmptyStateStack
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.labels import debrief_status_label, outcome_label
from desktop_app.ui.table_model import Column, RowTableModel


class DebriefTab(QWidget):
    plan_b_requested = Signal()
    debriefs_changed = Signal()

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._saver = saver
        tr = self.tr
        self.model: RowTableModel[DebriefSummary] = RowTableModel(
            [
                Column(tr("Interview"), lambda r: f"{r.company} – {r.role}" if r.role else r.company),
                Column(tr("Date"), lambda r: format_datetime(r.interview_at)),
                Column(tr("Outcome"), lambda r: outcome_label(r.outcome)),
                Column(tr("Status"), lambda r: debrief_status_label(r.status)),
                Column(tr("Last changed"), lambda r: format_datetime(r.updated_at)),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(tr("Debriefs"))
        self.stack = EmptyStateStack(
            self.table,
            tr(
                "No debriefs yet.\nAfter an interview, debrief it here while it is fresh: what happened, "
                "what was in your control, and what you will do differently."
            ),
        )
        QVBoxLayout(self).addWidget(self.stack)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(list_debrief_summaries(self._db))
        self.stack.set_empty(self.model.rowCount() == 0)

    def start_debrief(self, interview_id: int) -> None:
        """Open the debrief of ``interview_id``: the existing one where it was left, or a new one."""
        from desktop_app.storage.debriefs import debrief_id_for_interview
        from desktop_app.ui.debrief_wizard import DebriefWizard

        wizard = DebriefWizard(self._db, self._saver, self)
        wizard.changed.connect(self._wizard_changed)
        wizard.plan_b_requested.connect(self.plan_b_requested)
        existing = debrief_id_for_interview(self._db, interview_id)
        if existing is not None:
            wizard.open_debrief(existing)
        else:
            wizard.start_new(interview_id)
        self.wizard = wizard
        wizard.show()

    def _wizard_changed(self) -> None:
        self.refresh()
        self.debriefs_changed.emit()

    def print_current(self) -> None:
        """Printing a debrief arrives with the Debrief feature."""
