"""The list of debriefs on the Debrief tab: drafts first, saying how far each got.

Emits ``debrief_selected(id)`` (-1 when nothing is selected) as the selection moves and
``debrief_activated(id)`` on Enter or a double-click. The rows come from
``storage.debriefs.list_debrief_summaries``; the list never reads the database itself.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop_app.core.choices import DebriefStatus
from desktop_app.core.records import DebriefSummary
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.labels import debrief_progress_label, outcome_label
from desktop_app.ui.table_model import Column, RowTableModel


def interview_title(row: DebriefSummary) -> str:
    return f"{row.company} – {row.role}" if row.role else row.company


class DebriefList(QWidget):
    """A table of debriefs that keeps its selection (by debrief id) across refreshes."""

    debrief_selected = Signal(int)
    debrief_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current_id: int | None = None
        self.model: RowTableModel[DebriefSummary] = RowTableModel(self._columns(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # long titles are elided, see tool tip
        header.setStretchLastSection(False)
        self.table.setAccessibleName(self.tr("Debriefs"))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.activated.connect(self._on_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def _columns(self) -> list[Column[DebriefSummary]]:
        tr = self.tr
        bold = QFont()
        bold.setBold(True)

        def draft_font(row: DebriefSummary) -> QFont | None:
            return bold if row.status == DebriefStatus.DRAFT else None

        def when(row: DebriefSummary) -> str:
            return format_datetime(row.interview_at) if row.interview_at else tr("No date")

        def status_tip(row: DebriefSummary) -> str:
            if row.status == DebriefStatus.DRAFT:
                return tr("Not finished yet. Edit it to carry on where you left off.")
            return tr("Finished. You can still edit it, for example when the outcome changes.")

        return [
            Column(tr("Interview"), interview_title, tooltip=interview_title),
            Column(tr("Date"), when),
            Column(tr("Outcome"), lambda r: outcome_label(r.outcome)),
            Column(
                tr("Status"),
                lambda r: debrief_progress_label(r.status, r.current_page, r.outcome),
                tooltip=status_tip,
                font=draft_font,
            ),
            Column(tr("Last changed"), lambda r: format_datetime(r.updated_at)),
        ]

    # -- rows -------------------------------------------------------------------------------

    def set_summaries(self, summaries: list[DebriefSummary]) -> None:
        """Show these rows; the selected debrief stays selected, or the first row is when it is gone.

        ``debrief_selected`` fires only when the selected debrief is another one.
        """
        self.model.set_rows(summaries)
        wanted = self._current_id if self.row_of(self._current_id) is not None else None
        if wanted is None and summaries:
            wanted = summaries[0].id
        self.select_debrief(wanted)

    def row_of(self, debrief_id: int | None) -> int | None:
        rows = self.model.rows()
        return next((position for position, row in enumerate(rows) if row.id == debrief_id), None)

    def summary(self, debrief_id: int | None) -> DebriefSummary | None:
        row = self.row_of(debrief_id)
        return None if row is None else self.model.row_at(row)

    # -- selection --------------------------------------------------------------------------

    def current_id(self) -> int | None:
        return self._current_id

    def select_debrief(self, debrief_id: int | None) -> None:
        row = self.row_of(debrief_id)
        if row is None:
            self._set_current(None)
            return
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows)
        self.table.scrollTo(index)
        self._set_current(debrief_id)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._set_current(self.model.row_at(current.row()).id)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.debrief_activated.emit(self.model.row_at(index.row()).id)

    def _set_current(self, debrief_id: int | None) -> None:
        if debrief_id == self._current_id:
            return
        self._current_id = debrief_id
        self.debrief_selected.emit(-1 if debrief_id is None else debrief_id)
