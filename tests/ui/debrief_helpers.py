"""Shared set-up for the debrief wizard's GUI tests: a wizard factory, filling pages, walking them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import shiboken6
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWizard

from desktop_app.core.choices import Outcome
from desktop_app.core.debrief_flow import Page
from desktop_app.storage.database import Database
from desktop_app.storage.debriefs import load_debrief
from desktop_app.storage.interviews import create_interview
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.debrief_wizard import CancelChoice, DebriefWizard


@dataclass
class CloseAnswers:
    """Answers the keep / discard question instead of a real message box, and counts the asks."""

    choice: CancelChoice = CancelChoice.KEEP
    asked: int = 0

    def __call__(self, _parent: object) -> CancelChoice:
        self.asked += 1
        return self.choice


@dataclass
class WizardFactory:
    db: Database
    qtbot: object
    saver: AutoSaver = field(default_factory=AutoSaver)
    answers: CloseAnswers = field(default_factory=CloseAnswers)
    made: list[DebriefWizard] = field(default_factory=list)

    def __call__(self, interview_id: int | None = None, debrief_id: int | None = None) -> DebriefWizard:
        wizard = DebriefWizard(self.db, self.saver, ask_keep=self.answers)
        self.made.append(wizard)
        if debrief_id is not None:
            wizard.open_debrief(debrief_id)
        else:
            wizard.start_new(interview_id)
        wizard.show()
        self.activate(wizard)
        return wizard

    def activate(self, wizard: DebriefWizard) -> None:
        """Make the wizard the active window, so focus and shortcuts behave as for a user."""
        for _attempt in range(5):  # a busy machine may drop a request while another window closes
            wizard.activateWindow()
            try:
                self.qtbot.waitUntil(wizard.isActiveWindow, timeout=1000)  # type: ignore[attr-defined]
                return
            except self.qtbot.TimeoutError:  # type: ignore[attr-defined]
                QApplication.processEvents()
        raise AssertionError("the wizard never became the active window")

    def close_all(self) -> None:
        self.answers.choice = CancelChoice.KEEP
        for wizard in self.made:
            if shiboken6.isValid(wizard) and wizard.isVisible():
                wizard.close()
        self.saver.flush()
        QApplication.processEvents()


def wizard_factory(qtbot, db: Database) -> Iterator[WizardFactory]:  # type: ignore[no-untyped-def]
    """Body of each test module's ``wizards`` fixture: every wizard made is closed (draft kept) afterwards."""
    factory = WizardFactory(db, qtbot)
    yield factory
    factory.close_all()


def past_interview(db: Database, company: str = "Acme", role: str = "Engineer", days_ago: int = 2, **fields) -> int:  # type: ignore[no-untyped-def]
    return create_interview(
        db,
        company,
        role=role,
        scheduled_at=(datetime.now() - timedelta(days=days_ago)).replace(second=0, microsecond=0),
        **fields,
    )


def set_outcome(wizard: DebriefWizard, outcome: str) -> None:
    combo = wizard.interview_page.outcome
    combo.setCurrentIndex(combo.findData(outcome))


def text_widget(wizard: DebriefWizard, page: Page, name: str) -> QPlainTextEdit:
    """The multi-line field saved as ``name`` on ``page`` (fields are named after what they store)."""
    widget = wizard.pages[page].findChild(QPlainTextEdit, name)
    assert widget is not None, name
    return widget


def fill_required(wizard: DebriefWizard) -> None:
    """Type what the current page needs before Next (or Finish) goes on."""
    page = wizard.currentId()
    if page == Page.HAPPENED:
        happened = text_widget(wizard, Page.HAPPENED, "what_happened")
        if not happened.toPlainText():
            happened.setPlainText("They asked about scaling.")
    elif page == Page.LESSONS:
        lessons = wizard.pages[Page.LESSONS].lessons  # type: ignore[attr-defined]
        if not any(row.text.text() for row in lessons.rows):
            lessons.rows[0].text.setText("Rehearse the system design story")


def go_next(wizard: DebriefWizard) -> None:
    fill_required(wizard)
    before = wizard.currentId()
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() != before, f"Next did not leave page {before}"


def walk_to_summary(wizard: DebriefWizard) -> list[Page]:
    """Press Next on every page until the summary; the pages seen, in order."""
    seen = [Page(wizard.currentId())]
    while wizard.currentId() != Page.SUMMARY:
        go_next(wizard)
        seen.append(Page(wizard.currentId()))
    return seen


def stored(db: Database, debrief_id: int, name: str) -> object:
    return getattr(load_debrief(db, debrief_id), name)


def new_debrief(wizards: WizardFactory, outcome: str = Outcome.REJECTED, **interview: object) -> DebriefWizard:
    """A wizard on a new debrief of a past interview, moved on to "What happened"."""
    wizard = wizards(past_interview(wizards.db, **interview))  # type: ignore[arg-type]
    set_outcome(wizard, outcome)
    go_next(wizard)
    assert wizard.debrief_id is not None
    return wizard
