"""Page 4 of the debrief (how you feel) and, after a rejection, the short reframe that follows it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QVBoxLayout, QWidget

from desktop_app.core.debrief_flow import Page
from desktop_app.core.debrief_records import DebriefDraft, InterviewChoice
from desktop_app.core.debrief_wording import Reframe, ReframeKind, choose_reframe
from desktop_app.core.text_rules import LONG_LIMIT
from desktop_app.storage.debriefs import effort_counts
from desktop_app.ui.debrief_fields import optional_spin, spin_value
from desktop_app.ui.debrief_page import DebriefPage, plain_label, tr
from desktop_app.ui.debrief_session import DebriefSession


class FeelingsPage(DebriefPage):
    page_id = Page.FEELINGS

    def __init__(self, session: DebriefSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setTitle(tr("How you feel"))
        self.setSubTitle(tr("There are no wrong answers here; this is only for you."))
        self.nerves = optional_spin(10, tr("Not set"), tr("Nerves, 1 to 10"))
        self.chances = optional_spin(10, tr("Not set"), tr("Your chances, 1 to 10"))
        self.nerves.valueChanged.connect(lambda _v: self.session.save_fields(nerves=spin_value(self.nerves)))
        self.chances.valueChanged.connect(lambda _v: self.session.save_fields(chances=spin_value(self.chances)))
        form = QFormLayout(self)
        form.addRow(tr("Ner&ves (1 calm – 10 shaking):"), self.nerves)
        form.addRow(tr("Your &chances (1 none – 10 certain):"), self.chances)
        self.feelings = self.text_row(form, tr("How you fee&l:"), "feelings", LONG_LIMIT, multiline=True)

    def load(self, draft: DebriefDraft) -> None:
        for spin, value in ((self.nerves, draft.nerves), (self.chances, draft.chances)):
            spin.blockSignals(True)
            spin.setValue(value or 0)
            spin.blockSignals(False)
        self.feelings.load(draft.feelings)


def reframe_text(reframe: Reframe) -> str:
    """The reframe's words: short, warm, counting effort rather than verdicts."""
    if reframe.kind is ReframeKind.SILENCE:
        text = tr(
            "No answer is not a verdict on you: it says more about how they run their hiring. "
            "It still counts as a rep. You have done {done} interview(s) so far."
        )
    elif reframe.kind is ReframeKind.FIRST:
        text = tr(
            "This was your first interview counted here, and the first rep is the hardest. "
            "You showed up and you risked something; that is what gets you to a yes."
        )
    else:
        text = tr(
            "A rejection is a rep, not a verdict. You have done {done} interviews so far, and every one of them "
            "is practice you now have. Part of any outcome was never yours to control."
        )
    return text.format(done=reframe.interviews_done, rejections=reframe.rejections)


class ReframePage(DebriefPage):
    page_id = Page.REFRAME

    def __init__(
        self,
        session: DebriefSession,
        outcome: Callable[[], str],
        interview: Callable[[], InterviewChoice | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self._outcome = outcome
        self._interview = interview
        self.setTitle(tr("One more thing"))
        self.setSubTitle(tr("A word before you go on."))
        self.message = plain_label()
        self.message.setAccessibleName(tr("A word after a rejection"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:
        interview = self._interview()
        effort = effort_counts(self.session.db, including=interview.id if interview is not None else None)
        reframe = choose_reframe(self._outcome(), effort)
        self.message.setText(reframe_text(reframe) if reframe is not None else "")
