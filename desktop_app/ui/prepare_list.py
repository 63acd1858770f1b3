"""The interview list of the Prepare tab: a search box over a table, upcoming first.

All interviews are read once per refresh; the search box filters those rows in memory
(no query per keystroke), narrowing the previous result while the search only grows.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from desktop_app.core.interview_order import is_upcoming, ordered
from desktop_app.core.records import InterviewSummary
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.labels import outcome_label
from desktop_app.ui.table_model import Column, RowTableModel

MIN_COLUMN_CHARS = 12  # a new interview's empty role and stage still get room to be read


def search_text(summary: InterviewSummary) -> str:
    """What the search box looks in: company, role, stage and notes, case-folded."""
    return f"{summary.company}\n{summary.role}\n{summary.stage}\n{summary.notes}".casefold()


class InterviewListModel(RowTableModel[InterviewSummary]):
    """The list's rows; one row can be replaced in place while the user edits it."""

    def replace_row(self, row: int, record: InterviewSummary) -> None:
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


class InterviewList(QWidget):
    """Search box and table; emits ``interview_selected(id)`` when the user picks another interview."""

    interview_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = datetime.now()
        self._all: list[InterviewSummary] = []
        self._haystacks: dict[int, str] = {}
        self._needle = ""
        self._current_id: int | None = None
        self._row_of: dict[int, int] = {}
        self.model = InterviewListModel(self._columns(), self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by company, role or notes"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.set_filter)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        self.no_match = QLabel()
        self.no_match.setTextFormat(Qt.TextFormat.PlainText)
        self.no_match.setWordWrap(True)
        self.no_match.hide()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(200)
        header.setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Interviews"))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.no_match)
        layout.addWidget(self.table)

    def _columns(self) -> list[Column[InterviewSummary]]:
        tr = self.tr
        past_brush = QBrush(self.palette().color(QPalette.ColorGroup.Normal, QPalette.ColorRole.PlaceholderText))

        def dim(row: InterviewSummary) -> QBrush | None:
            return None if self._upcoming(row) else past_brush

        def progress(row: InterviewSummary) -> str:
            return tr("{done} of {total} done").format(done=row.done_count, total=row.item_count)

        def outcome(row: InterviewSummary) -> str:
            return "" if self._upcoming(row) else outcome_label(row.outcome)

        def when(row: InterviewSummary) -> str:
            return format_datetime(row.scheduled_at) if row.scheduled_at else tr("No date yet")

        return [
            Column(tr("Company"), lambda r: r.company, foreground=dim),
            Column(tr("Role"), lambda r: r.role, foreground=dim),
            Column(tr("Stage"), lambda r: r.stage, foreground=dim),
            Column(tr("When"), when, foreground=dim),
            Column(tr("Checklist"), progress, foreground=dim),
            Column(tr("Outcome"), outcome, foreground=dim),
        ]

    def _upcoming(self, row: InterviewSummary) -> bool:
        return is_upcoming(row.scheduled_at, self._now)

    # -- rows -----------------------------------------------------------------------------

    def set_summaries(self, summaries: list[InterviewSummary], now: datetime | None = None) -> None:
        """Show every interview (filtered by the search box), keeping the selection."""
        self._now = now or datetime.now()
        self._all = ordered(summaries, self._now)
        self._haystacks = {row.id: search_text(row) for row in self._all}
        first_fill = self.model.rowCount() == 0
        self._show(self._matching(self._all))
        if first_fill and self._all:
            self.table.resizeColumnsToContents()
            header = self.table.horizontalHeader()
            least = self.table.fontMetrics().averageCharWidth() * MIN_COLUMN_CHARS
            for column in range(self.model.columnCount() - 1):
                header.resizeSection(column, max(header.sectionSize(column), least))

    def total_count(self) -> int:
        return len(self._all)

    def update_summary(self, interview_id: int, **changes: object) -> None:
        """Reflect an edit at once, without reading the database again."""
        for position, row in enumerate(self._all):
            if row.id == interview_id:
                updated = dataclasses.replace(row, **changes)  # type: ignore[arg-type]
                self._all[position] = updated
                self._haystacks[interview_id] = search_text(updated)
                shown = self._row_of.get(interview_id)
                if shown is not None:
                    self.model.replace_row(shown, updated)
                return

    def reorder(self) -> None:
        """Put rows back in date order after an interview's date changed."""
        self.set_summaries(self._all, datetime.now())

    def summary(self, interview_id: int) -> InterviewSummary | None:
        shown = self._row_of.get(interview_id)
        if shown is not None:
            return self.model.row_at(shown)
        return next((row for row in self._all if row.id == interview_id), None)

    # -- filtering --------------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        narrowing = self._needle and needle.startswith(self._needle)
        self._needle = needle
        source = self.model.rows() if narrowing else self._all
        self._show(self._matching(source))

    def _matching(self, rows: list[InterviewSummary]) -> list[InterviewSummary]:
        needle = self._needle
        if not needle:
            return list(rows)
        haystacks = self._haystacks
        return [row for row in rows if needle in haystacks[row.id]]

    def _show(self, rows: list[InterviewSummary]) -> None:
        self.model.set_rows(rows)
        self._row_of = {row.id: position for position, row in enumerate(rows)}
        nothing = bool(self._all) and not rows
        self.no_match.setVisible(nothing)
        if nothing:
            self.no_match.setText(
                self.tr("No interview matches “{text}”. Clear the search to see all.").format(text=self.search.text())
            )
        if self._current_id is not None:
            self._select_row(self._row_of.get(self._current_id))

    # -- selection -------------------------------------------------------------------------------

    def current_id(self) -> int | None:
        return self._current_id

    def select_interview(self, interview_id: int | None) -> None:
        """Select an interview (clearing the search if it hides it) and announce it."""
        if interview_id is not None and interview_id not in self._row_of and interview_id in self._haystacks:
            self.search.clear()
        row = None if interview_id is None else self._row_of.get(interview_id)
        if row is None:
            self._set_current(None)
            return
        self._select_row(row)
        self._set_current(interview_id)

    def select_first(self) -> None:
        self.select_interview(self.model.row_at(0).id if self.model.rowCount() else None)

    def _select_row(self, row: int | None) -> None:
        if row is None:
            return
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        flags = selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._set_current(self.model.row_at(current.row()).id)

    def _set_current(self, interview_id: int | None) -> None:
        if interview_id == self._current_id:
            return
        self._current_id = interview_id
        self.interview_selected.emit(-1 if interview_id is None else interview_id)
