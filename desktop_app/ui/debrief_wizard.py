"""The debrief wizard: its pages, branching from ``core.debrief_flow``, saving and resuming.

Non-modal (``show()``), so the rest of the window stays usable and tests can drive it.
Every field is written through the shared autosaver as it changes; every page change
(Next, Back) flushes it and stores the page, so reopening a draft resumes there.
Cancel or closing the window asks whether to keep or discard a draft; Finish marks
the debrief complete.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from desktop_app.core.debrief_flow import Page, can_finish_on, next_page, path_to
from desktop_app.core.debrief_records import SCALAR_FIELDS, DebriefDraft, InterviewChoice
from desktop_app.storage import debriefs
from desktop_app.storage.database import Database
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.debrief_page import DebriefPage, tr
from desktop_app.ui.debrief_page_assessment import AssessmentPage
from desktop_app.ui.debrief_page_feelings import FeelingsPage, ReframePage
from desktop_app.ui.debrief_page_happened import HappenedPage
from desktop_app.ui.debrief_page_interview import InterviewPage
from desktop_app.ui.debrief_page_lessons import LessonsPage
from desktop_app.ui.debrief_page_reflect import FeedbackPage, WhyPage
from desktop_app.ui.debrief_page_summary import SummaryPage
from desktop_app.ui.debrief_session import DebriefSession

ALL_ROWS = ("questions", "ratings", "lessons")


class CancelChoice(Enum):
    KEEP = "keep"
    DISCARD = "discard"
    STAY = "stay"


AskKeep = Callable[[QWidget], CancelChoice]
"""Asks what to do with a draft on Close; tests pass their own answer instead of a real box."""


def ask_keep_or_discard(parent: QWidget) -> CancelChoice:
    """The plain-text keep / discard / go back question, Keep as the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Close the debrief"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(tr("Keep this draft to finish later, or discard it?"))
    box.setInformativeText(tr("Everything you wrote so far is saved in the draft."))
    keep = box.addButton(tr("&Keep draft"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr("&Discard draft"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("Go &back to it"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep:
        return CancelChoice.KEEP
    if clicked is discard:
        return CancelChoice.DISCARD
    return CancelChoice.STAY


class DebriefWizard(QWizard):
    """Walks through one debrief; ``changed`` fires whenever the list of debriefs would look different."""

    changed = Signal()
    plan_b_requested = Signal()
    completed = Signal(int)

    def __init__(
        self,
        db: Database,
        saver: AutoSaver,
        parent: QWidget | None = None,
        ask_keep: AskKeep = ask_keep_or_discard,
    ) -> None:
        super().__init__(parent)
        self._ask_keep = ask_keep
        self.setWindowTitle(tr("Debrief"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Close"))
        self.session = DebriefSession(db, saver, self)
        self.session.list_changed.connect(self.changed)
        self.draft: DebriefDraft | None = None
        self._resuming = False
        self._closing = False
        outcome = self.outcome
        self.interview_page = InterviewPage(self.session)
        self.interview_page.on_chosen = self._open_interview
        self.interview_page.outcome_changed.connect(self._outcome_changed)
        pages: list[DebriefPage] = [
            self.interview_page,
            HappenedPage(self.session),
            AssessmentPage(self.session),
            FeelingsPage(self.session),
            ReframePage(self.session, outcome, self._interview),
            WhyPage(self.session),
            FeedbackPage(self.session, self._interview),
            LessonsPage(self.session, outcome, self.plan_b_requested.emit),
            SummaryPage(self.session, outcome, self.plan_b_requested.emit),
        ]
        self.pages: dict[Page, DebriefPage] = {}
        for page in pages:
            self.setPage(page.page_id, page)
            self.pages[page.page_id] = page
        self.setStartId(Page.INTERVIEW)
        self.currentIdChanged.connect(self._page_changed)
        self._outcome_changed(outcome())
        self.resize(720, 640)

    def showEvent(self, event: QShowEvent) -> None:
        """Opened from a tab, the wizard takes the keyboard at once, so typing starts there."""
        super().showEvent(event)
        self.activateWindow()

    # -- what the wizard is editing -------------------------------------------------------

    @property
    def debrief_id(self) -> int | None:
        return self.session.debrief_id

    def outcome(self) -> str:
        return self.interview_page.outcome_value()

    def _interview(self) -> InterviewChoice | None:
        return self.draft.interview if self.draft is not None else None

    def start_new(self, interview_id: int | None = None) -> None:
        """A fresh wizard on its first page, the interview pre-selected when given."""
        self.restart()
        if interview_id is not None:
            self.interview_page.preselect(interview_id)

    def open_debrief(self, debrief_id: int) -> None:
        """Show a stored debrief and resume on the page where the user left it.

        A completed debrief opens on its first page, ready to be edited.
        """
        draft = self._attach(debrief_id)
        self._resume(Page.INTERVIEW if draft.is_complete else Page(draft.current_page))

    def _attach(self, debrief_id: int) -> DebriefDraft:
        self.draft = debriefs.load_debrief(self.session.db, debrief_id)
        self.session.attach(debrief_id)
        for page in self.pages.values():
            page.load(self.draft)
        return self.draft

    def _resume(self, target: Page) -> None:
        self._resuming = True
        try:
            self.restart()
            for page in path_to(target, self.outcome())[1:]:
                self.next()
                if self.currentId() != page:
                    break
        finally:
            self._resuming = False
        self._store_page()

    def _open_interview(self, interview_id: int) -> bool:
        """Page 1's Next: create the debrief, or open the one this interview already has."""
        if self.debrief_id is not None:
            return True
        existing = debriefs.debrief_id_for_interview(self.session.db, interview_id)
        if existing is not None:
            # One debrief per interview: open the existing one where it was left, once Next has returned.
            QTimer.singleShot(0, lambda: self.open_debrief(existing))
            return False
        self._attach(debriefs.open_or_create_debrief(self.session.db, interview_id, self.outcome()))
        self.changed.emit()
        return True

    # -- branching ------------------------------------------------------------------------

    def nextId(self) -> int:
        following = next_page(self.currentId(), self.outcome())
        return -1 if following is None else int(following)

    def _outcome_changed(self, outcome: str) -> None:
        for page_id, page in self.pages.items():
            page.setFinalPage(can_finish_on(page_id, outcome))

    # -- saving ---------------------------------------------------------------------------

    def _page_changed(self, _page_id: int) -> None:
        if not self._resuming:
            self._store_page()

    def _store_page(self) -> None:
        page = self.currentId()
        if page < 0 or self.debrief_id is None or (self.draft is not None and self.draft.is_complete):
            self.session.flush()
            return
        self.session.save_fields(current_page=page)

    def reject(self) -> None:
        """Close or Escape: everything is saved; a draft may be kept or discarded."""
        self.session.flush()
        if self.debrief_id is not None and (self.draft is None or not self.draft.is_complete):
            choice = self._ask_keep(self)
            if choice is CancelChoice.STAY:
                return
            if choice is CancelChoice.DISCARD:
                self.session.forget_pending((*SCALAR_FIELDS, *ALL_ROWS))
                debriefs.discard_debrief(self.session.db, self.debrief_id)
        self.changed.emit()
        super().reject()

    def accept(self) -> None:
        """Finish: save, mark the debrief complete and stamp the time."""
        if self.debrief_id is None:
            return
        self.session.flush()
        debriefs.complete_debrief(self.session.db, self.debrief_id)
        self.completed.emit(self.debrief_id)
        self.changed.emit()
        super().accept()
