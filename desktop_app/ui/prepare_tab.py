"""The Prepare tab: the interview list, the editor of the selected interview and its checklist.

This module assembles the pieces (``prepare_list``, ``prepare_editor``,
``prepare_checklist``) and owns the tab's actions: new, duplicate, delete,
debrief, print the interview-day sheet, and the checklist template.
"""

from __future__ import annotations

import itertools
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.interview_order import is_upcoming
from desktop_app.storage.checklists import list_checklist
from desktop_app.storage.database import Database
from desktop_app.storage.interviews import (
    count_checklist_items,
    create_interview,
    delete_interview,
    duplicate_interview,
    get_interview,
    list_interview_summaries,
    stage_suggestions,
)
from desktop_app.ui import printing
from desktop_app.ui.actions import Confirm, action_button, ask_yes_no
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.empty_state import EmptyStateStack
from desktop_app.ui.interview_sheet import build_interview_sheet
from desktop_app.ui.prepare_checklist import ChecklistPanel
from desktop_app.ui.prepare_editor import InterviewEditor
from desktop_app.ui.prepare_list import InterviewList
from desktop_app.ui.template_dialog import TemplateDialog

_SUMMARY_FIELDS = frozenset({"company", "role", "stage", "scheduled_at", "outcome", "notes"})


class PrepareTab(QWidget):
    debrief_requested = Signal(int)

    def __init__(self, db: Database, saver: AutoSaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._saver = saver
        self.confirm: Confirm = ask_yes_no
        self.interviews = InterviewList()
        self.model = self.interviews.model
        self.editor = InterviewEditor(db, saver)
        self.checklist = ChecklistPanel(db, saver)

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.stack = EmptyStateStack(
            self._build_body(),
            self.tr("No interviews yet.\nPress Ctrl+N to add your next interview and get a checklist for it."),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_actions())
        layout.addWidget(self.stack)
        layout.addWidget(self.status)
        self._set_tab_order()

        self.interviews.interview_selected.connect(self._show_interview)
        self.editor.changed.connect(self._editor_changed)
        self.editor.date_committed.connect(lambda _id: self.interviews.reorder())
        self.checklist.progress_changed.connect(
            lambda iid, done, total: self.interviews.update_summary(iid, done_count=done, item_count=total)
        )
        self.refresh()

    # -- layout ------------------------------------------------------------------------------------

    def _build_body(self) -> QWidget:
        editor_scroll = QScrollArea()
        editor_scroll.setWidget(self.editor)
        editor_scroll.setWidgetResizable(True)
        checklist_box = QWidget()
        checklist_layout = QVBoxLayout(checklist_box)
        checklist_layout.setContentsMargins(0, 0, 0, 0)
        checklist_label = QLabel(self.tr("Chec&klist:"))
        checklist_label.setBuddy(self.checklist.view)
        checklist_layout.addWidget(checklist_label)
        checklist_layout.addWidget(self.checklist)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(editor_scroll)
        right.addWidget(checklist_box)
        right.setStretchFactor(1, 1)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.interviews)
        body.addWidget(right)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        body.setSizes([600, 700])
        return body

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = self._button(row, self.tr("New interview"), "Ctrl+N", self.new_interview, shortcut=False)
        self.duplicate_action = self._button(row, self.tr("Duplicate for next round"), "Ctrl+D", self.duplicate_current)
        self.delete_action = self._button(row, self.tr("Delete interview…"), "Ctrl+Shift+Del", self.delete_current)
        self.debrief_action = self._button(row, self.tr("Debrief this interview"), "Ctrl+Shift+D", self.request_debrief)
        row.addStretch(1)
        self.template_action = self._button(row, self.tr("Checklist template…"), "Ctrl+Shift+T", self.edit_template)
        self.pdf_action = self._button(row, self.tr("Save sheet as PDF…"), "Ctrl+Shift+S", self.save_pdf)
        self.print_button = self._button(row, self.tr("Print sheet…"), "Ctrl+P", self.print_current, shortcut=False)
        return row

    def _button(self, row: QHBoxLayout, text: str, keys: str, slot, shortcut: bool = True) -> QAction:  # type: ignore[no-untyped-def]
        """A button with its action; shortcuts the main window's menu already has are only named."""
        return action_button(self, row, text, keys, slot, shortcut)

    def _set_tab_order(self) -> None:
        e = self.editor
        chain = [
            self.interviews.search,
            self.interviews.table,
            e.company,
            e.role,
            e.stage,
            e.when,
            e.format,
            e.location,
            e.interviewers,
            e.posting,
            e.internal,
            e.notes,
            e.outcome,
            self.checklist.view,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- showing -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the interviews again (after a debrief, or on start)."""
        self._flush()
        self.interviews.set_summaries(list_interview_summaries(self._db))
        self.stack.set_empty(self.interviews.total_count() == 0)
        self.editor.set_stage_suggestions(stage_suggestions(self._db))
        current = self.interviews.current_id()
        if current is None or self.interviews.summary(current) is None:
            self.interviews.select_first()
        else:
            self._show_interview(current)
        self._update_actions()

    def current_interview_id(self) -> int | None:
        return self.interviews.current_id()

    def _show_interview(self, interview_id: int) -> None:
        self._flush()
        detail = get_interview(self._db, interview_id) if interview_id >= 0 else None
        self.editor.load(detail)
        if detail is None:
            self.checklist.load(None, None)
        else:
            self.checklist.load(detail.id, detail.scheduled_at, detail.company)
        self._update_actions()

    def _update_actions(self) -> None:
        summary = self._current_summary()
        for action in (self.duplicate_action, self.delete_action, self.pdf_action):
            action.setEnabled(summary is not None)
        past = summary is not None and not is_upcoming(summary.scheduled_at, datetime.now())
        self.debrief_action.setVisible(past)
        self.debrief_action.setEnabled(past)

    def _current_summary(self):  # type: ignore[no-untyped-def]
        current = self.interviews.current_id()
        return None if current is None else self.interviews.summary(current)

    def _editor_changed(self, interview_id: int, fields: dict) -> None:  # type: ignore[type-arg]
        shown = {name: value for name, value in fields.items() if name in _SUMMARY_FIELDS}
        if shown:
            self.interviews.update_summary(interview_id, **shown)
        if "company" in fields and interview_id == self.checklist.interview_id():
            self.checklist.set_company(str(fields["company"]))
        if "scheduled_at" in fields and interview_id == self.checklist.interview_id():
            self.checklist.set_schedule(fields["scheduled_at"])  # type: ignore[arg-type]
            self._update_actions()

    # -- actions ---------------------------------------------------------------------------------------

    def new_interview(self) -> int:
        """Add an interview with the template checklist, select it, and put the cursor on its company."""
        self._flush()
        interview_id = create_interview(self._db, self.tr("New interview"))
        self._after_create(interview_id)
        self.editor.focus_company()
        self._say(self.tr("Added an interview with its checklist. Type the company name."))
        return interview_id

    def duplicate_current(self) -> int | None:
        current = self.interviews.current_id()
        if current is None:
            return None
        self._flush()
        interview_id = duplicate_interview(self._db, current)
        self._after_create(interview_id)
        self.editor.stage.setFocus()
        self._say(self.tr("Copied for the next round, with a fresh checklist. Set the stage and the date."))
        return interview_id

    def _after_create(self, interview_id: int) -> None:
        self.interviews.search.clear()
        self.refresh()
        self.interviews.select_interview(interview_id)

    def delete_current(self) -> bool:
        """Delete the selected interview after asking; True if it was deleted."""
        summary = self._current_summary()
        if summary is None:
            return False
        self._flush()
        count = count_checklist_items(self._db, summary.id)
        question = self.tr(
            "Delete the interview at “{company}”? Its checklist of {count} items and any debrief of it "
            "are deleted with it. This cannot be undone."
        ).format(company=summary.company, count=count)
        if not self.confirm(self, self.tr("Delete interview"), question):
            return False
        row = self.interviews.table.currentIndex().row()
        delete_interview(self._db, summary.id)
        self.checklist.forget_interview(summary.id)
        self.refresh()
        if self.model.rowCount():
            self.interviews.select_interview(self.model.row_at(min(max(row, 0), self.model.rowCount() - 1)).id)
        self._say(
            self.tr("Deleted the interview at “{company}” and {count} checklist items.").format(
                company=summary.company, count=count
            )
        )
        return True

    def request_debrief(self) -> None:
        current = self.interviews.current_id()
        if current is not None and self.debrief_action.isVisible():
            self._flush()
            self.debrief_requested.emit(current)

    def edit_template(self) -> None:
        dialog = TemplateDialog(self._db, self, confirm=self.confirm)
        dialog.exec()

    # -- printing ----------------------------------------------------------------------------------------

    def build_sheet(self) -> QTextDocument | None:
        """The interview-day sheet of the selected interview, as saved."""
        current = self.interviews.current_id()
        self._flush()
        detail = get_interview(self._db, current) if current is not None else None
        if detail is None:
            return None
        return build_interview_sheet(detail, list_checklist(self._db, detail.id))

    def print_current(self) -> None:
        """Print preview of the selected interview's sheet, with printing from the preview."""
        if self.interviews.current_id() is None:
            self._say(self.tr("Select an interview to print its sheet."))
            return
        dialog = printing.make_preview_dialog(lambda: self.build_sheet() or QTextDocument(), self)
        dialog.exec()

    def save_pdf(self) -> Path | None:
        summary = self._current_summary()
        if summary is None:
            return None
        suggested = str(Path.home() / f"{summary.company or 'interview'} sheet.pdf".replace("/", "-"))
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save interview sheet as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not name:
            return None
        target = Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")
        try:
            pages = printing.write_pdf(lambda: self.build_sheet() or QTextDocument(), target)
        except OSError as exc:
            self._say(self.tr("The PDF could not be saved: {reason}").format(reason=exc))
            return None
        self._say(self.tr("Saved the sheet ({pages} page(s)) to {path}.").format(pages=pages, path=target))
        return target

    def _flush(self) -> None:
        """Write what the user typed before the tab changes what it shows."""
        if self._saver.has_pending():
            self._saver.flush()

    def _say(self, message: str) -> None:
        self.status.setText(message)
