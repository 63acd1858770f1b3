"""Page 8 of the debrief: everything on one page; Finish marks the debrief complete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from desktop_app.core.choices import Outcome
from desktop_app.core.debrief_flow import Page, offers_plan_b
from desktop_app.storage.debriefs import load_debrief
from desktop_app.ui.debrief_document import build_debrief_document
from desktop_app.ui.debrief_page import DebriefPage, plain_label, tr
from desktop_app.ui.debrief_page_lessons import plan_b_button
from desktop_app.ui.debrief_session import DebriefSession


class SummaryPage(DebriefPage):
    page_id = Page.SUMMARY

    def __init__(
        self,
        session: DebriefSession,
        outcome: Callable[[], str],
        open_plan_b: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self._outcome = outcome
        self.setTitle(tr("Summary"))
        self.setSubTitle(tr("Everything in one place. Finish to mark the debrief complete; you can reopen it later."))
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(tr("Debrief summary"))
        self.waiting_note = plain_label(
            tr("The outcome is still open: reopen this debrief from the Debrief tab when you hear back.")
        )
        self.plan_b = plan_b_button(outcome, open_plan_b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.waiting_note)
        layout.addWidget(self.plan_b)

    def initializePage(self) -> None:
        self.session.flush()
        if self.session.debrief_id is not None:
            self.document = build_debrief_document(load_debrief(self.session.db, self.session.debrief_id))
            self.document.setParent(self.view)
            self.view.setDocument(self.document)
        outcome = self._outcome()
        self.waiting_note.setVisible(outcome == Outcome.WAITING)
        self.plan_b.setVisible(offers_plan_b(outcome))
