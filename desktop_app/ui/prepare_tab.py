"""The Prepare tab: the list of interviews, upcoming first."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from desktop_app.core.interview_order import is_upcoming, ordered
from desktop_app.core.records import InterviewSummary
from desktop_app.storage.database import Database
from desktop_app.storage.interviews import list_interview_summaries
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.empty_state import EmptyStateStack
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.labels import outcome_label
from desktop_app.ui.table_model import Column, RowTableModel


class PrepareTab(QWidget):
    debrief_requested = Signal(int)

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._saver = saver
        self.model: RowTableModel[InterviewSummary] = RowTableModel(self._columns(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by company, role or notes"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Interviews"))
        self.stack = EmptyStateStack(
            self.table,
            self.tr("No interviews yet.\nPress Ctrl+N to add your next interview and get a checklist for it."),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.stack)
        self.refresh()

    def _columns(self) -> list[Column[InterviewSummary]]:
        tr = self.tr
        now = datetime.now()
        return [
            Column(tr("Company"), lambda r: r.company),
            Column(tr("Role"), lambda r: r.role),
            Column(tr("Stage"), lambda r: r.stage),
            Column(tr("When"), lambda r: format_datetime(r.scheduled_at)),
            Column(
                tr("Checklist"), lambda r: tr("{done} of {total} done").format(done=r.done_count, total=r.item_count)
            ),
            Column(tr("Outcome"), lambda r: "" if is_upcoming(r.scheduled_at, now) else outcome_label(r.outcome)),
            Column(tr("Notes"), lambda r: r.notes.splitlines()[0] if r.notes else ""),
        ]

    def refresh(self) -> None:
        self.model.set_rows(ordered(list_interview_summaries(self._db), datetime.now()))
        self.stack.set_empty(self.model.rowCount() == 0)

    def print_current(self) -> None:
        """The interview-day sheet arrives with the Prepare feature."""
