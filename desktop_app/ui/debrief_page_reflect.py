"""Pages 5 and 6 of the debrief: what was and was not in your control, and feedback."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.debrief_flow import Page
from desktop_app.core.debrief_records import DebriefDraft, InterviewChoice
from desktop_app.core.debrief_wording import FeedbackTemplate, feedback_request
from desktop_app.core.text_rules import LONG_LIMIT
from desktop_app.ui.debrief_page import DebriefPage, plain_label, tr
from desktop_app.ui.debrief_session import DebriefSession


class WhyPage(DebriefPage):
    page_id = Page.WHY

    def __init__(self, session: DebriefSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setTitle(tr("Why it went the way it went"))
        self.setSubTitle(
            tr("Interviewers pick who they feel is best, so part of any outcome is outside your hands. Sort the two.")
        )
        form = QFormLayout(self)
        self.in_control = self.text_row(
            form, tr("What was &in your control:"), "in_control", LONG_LIMIT, multiline=True
        )
        self.not_in_control = self.text_row(
            form, tr("What was n&ot in your control:"), "not_in_control", LONG_LIMIT, multiline=True
        )

    def load(self, draft: DebriefDraft) -> None:
        self.in_control.load(draft.in_control)
        self.not_in_control.load(draft.not_in_control)


def feedback_template() -> FeedbackTemplate:
    return FeedbackTemplate(
        greeting_named=tr("Dear {name},"),
        greeting_plain=tr("Hello,"),
        body_with_role=tr(
            "Thank you again for taking the time to talk with me about the {role} role at {company}. "
            "I would be grateful for any feedback on my interview: what went well, and what I could do better "
            "next time. Even a few lines would help me a lot."
        ),
        body_without_role=tr(
            "Thank you again for taking the time to talk with me at {company}. I would be grateful for any "
            "feedback on my interview: what went well, and what I could do better next time. Even a few lines "
            "would help me a lot."
        ),
        closing=tr("Kind regards,"),
    )


class FeedbackPage(DebriefPage):
    page_id = Page.FEEDBACK

    def __init__(
        self, session: DebriefSession, interview: Callable[[], InterviewChoice | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self._interview = interview
        self.setTitle(tr("Feedback"))
        self.setSubTitle(tr("Feedback is often vague, but asking costs little and sometimes gives you gold."))
        self.asked = QCheckBox(tr("I &asked them for feedback"))
        self.asked.toggled.connect(lambda on: self.session.save_fields(feedback_asked=on))
        self.request = QPlainTextEdit()
        self.request.setReadOnly(True)
        self.request.setTabChangesFocus(True)
        self.request.setAccessibleName(tr("A feedback request you can copy"))
        self.copy_button = QPushButton(tr("Co&py request"))
        self.copy_button.clicked.connect(self.copy_request)
        self.copied = plain_label()
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied, 1)
        form = QFormLayout()
        form.addRow("", self.asked)
        form.addRow(tr("A polite &request:"), self.request)
        form.addRow("", copy_row)
        self.received = self.text_row(form, tr("What &came back:"), "feedback_received", LONG_LIMIT, multiline=True)
        QVBoxLayout(self).addLayout(form)

    def request_text(self) -> str:
        interview = self._interview()
        if interview is None:
            return ""
        return feedback_request(feedback_template(), interview.company, interview.role, interview.interviewers)

    def initializePage(self) -> None:
        self.request.setPlainText(self.request_text())
        self.copied.clear()

    def copy_request(self) -> None:
        QGuiApplication.clipboard().setText(self.request.toPlainText())
        self.copied.setText(tr("Copied. Paste it into an e-mail to your contact."))

    def load(self, draft: DebriefDraft) -> None:
        self.asked.blockSignals(True)
        self.asked.setChecked(draft.feedback_asked)
        self.asked.blockSignals(False)
        self.received.load(draft.feedback_received)
