"""Page 1 of the debrief: which interview, and the outcome so far.

An interview can be chosen from the list or added on the spot with a company, a role
and a date. Once the debrief exists its interview is fixed; the outcome stays editable.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.choices import Outcome
from desktop_app.core.debrief_flow import Page
from desktop_app.core.debrief_records import DebriefDraft, InterviewChoice
from desktop_app.core.text_rules import NAME_LIMIT
from desktop_app.storage.debriefs import list_interview_choices
from desktop_app.storage.interviews import create_interview
from desktop_app.ui.debrief_fields import TextGuard, problem_label
from desktop_app.ui.debrief_page import DebriefPage, plain_label, tr
from desktop_app.ui.debrief_session import DebriefSession
from desktop_app.ui.formatting import format_datetime
from desktop_app.ui.labels import outcome_label


class InterviewPage(DebriefPage):
    page_id = Page.INTERVIEW
    outcome_changed = Signal(str)

    def __init__(self, session: DebriefSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setTitle(tr("The interview"))
        self.setSubTitle(tr("Which interview are you debriefing, and what has come of it so far?"))
        self.interview = QComboBox()
        self.interview.setMinimumContentsLength(30)
        self.outcome = QComboBox()
        for outcome in Outcome:
            self.outcome.addItem(outcome_label(outcome), outcome.value)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.on_chosen: Callable[[int], bool] | None = None
        self.locked_note = plain_label()
        self.locked_note.hide()

        form = QFormLayout()
        form.addRow(tr("&Interview:"), self.interview)
        form.addRow("", self.locked_note)
        form.addRow(tr("&Outcome so far:"), self.outcome)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._quick_box())
        layout.addStretch(1)
        self.reload_interviews()
        self.registerField("interview*", self.interview)

    def _quick_box(self) -> QGroupBox:
        self.quick_box = QGroupBox(tr("Not in the list? Add it quickly"))
        self.quick_company = QLineEdit()
        self.quick_role = QLineEdit()
        self.quick_when = QDateTimeEdit(QDateTime.currentDateTime())
        self.quick_when.setCalendarPopup(True)
        self.quick_when.setTime(QTime(QTime.currentTime().hour(), 0))
        self.quick_message = problem_label()
        self.quick_add = QPushButton(tr("&Add interview"))
        self.quick_add.clicked.connect(self.add_quick_interview)
        self.quick_company.returnPressed.connect(self.add_quick_interview)
        self.quick_guards = [
            TextGuard(self.quick_company, NAME_LIMIT, self.quick_message, name=tr("Company")),
            TextGuard(self.quick_role, NAME_LIMIT, self.quick_message, name=tr("Role")),
        ]
        form = QFormLayout(self.quick_box)
        form.addRow(tr("&Company:"), self.quick_company)
        form.addRow(tr("&Role:"), self.quick_role)
        form.addRow(tr("&When:"), self.quick_when)
        form.addRow("", self.quick_message)
        form.addRow("", self.quick_add)
        return self.quick_box

    def reload_interviews(self, select_id: int | None = None) -> None:
        self.choices: list[InterviewChoice] = list_interview_choices(self.session.db)
        self.interview.blockSignals(True)
        self.interview.clear()
        for choice in self.choices:
            when = format_datetime(choice.scheduled_at)
            text = f"{choice.title} · {when}" if when else choice.title
            if choice.debrief_complete:
                text = tr("{interview} (debriefed)").format(interview=text)
            elif choice.debrief_id is not None:
                text = tr("{interview} (debrief started)").format(interview=text)
            self.interview.addItem(text, choice.id)
        self.interview.setCurrentIndex(self.interview.findData(select_id) if select_id is not None else -1)
        self.interview.blockSignals(False)
        self.interview.currentIndexChanged.emit(self.interview.currentIndex())

    def add_quick_interview(self) -> None:
        company = self.quick_company.text().strip()
        if any(guard.check() is not None for guard in self.quick_guards):
            return
        if not company:
            self.quick_message.setText(tr("Type the company's name first."))
            self.quick_message.show()
            self.quick_company.setFocus()
            return
        when: datetime = self.quick_when.dateTime().toPython()  # type: ignore[assignment]
        new_id = create_interview(
            self.session.db, company, role=self.quick_role.text().strip(), scheduled_at=when.replace(second=0)
        )
        self.quick_company.clear()
        self.quick_role.clear()
        self.reload_interviews(select_id=new_id)
        self.interview.setFocus()

    def chosen_interview(self) -> int | None:
        data = self.interview.currentData()
        return int(data) if data is not None else None

    def outcome_value(self) -> str:
        return str(self.outcome.currentData())

    def preselect(self, interview_id: int) -> None:
        self.reload_interviews(select_id=interview_id)
        choice = next((c for c in self.choices if c.id == interview_id), None)
        if choice is not None:
            self._set_outcome(choice.outcome)

    def load(self, draft: DebriefDraft) -> None:
        self.reload_interviews(select_id=draft.interview.id)
        self.interview.setEnabled(False)
        self.quick_box.hide()
        self.locked_note.setText(tr("A debrief belongs to its interview; start a new debrief for another one."))
        self.locked_note.show()
        self._set_outcome(draft.outcome)

    def _set_outcome(self, outcome: str) -> None:
        self.outcome.blockSignals(True)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(outcome)))
        self.outcome.blockSignals(False)
        self.outcome_changed.emit(self.outcome_value())

    def _outcome_changed(self, _index: int) -> None:
        self.session.save_fields(outcome=self.outcome_value())
        self.outcome_changed.emit(self.outcome_value())

    def check_page(self) -> bool:
        """Moving on opens the interview's debrief (the wizard decides: new, or the existing one)."""
        chosen = self.chosen_interview()
        if chosen is None:
            return False
        return self.on_chosen(chosen) if self.on_chosen is not None else True
