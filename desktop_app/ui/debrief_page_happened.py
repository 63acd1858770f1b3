"""Page 2 of the debrief: what you meant to get across, what happened, the questions asked."""

from __future__ import annotations

from PySide6.QtCore import SIGNAL
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.core.debrief_checks import RowProblem, check_questions
from desktop_app.core.debrief_flow import Page
from desktop_app.core.debrief_records import DebriefDraft
from desktop_app.core.text_rules import LONG_LIMIT
from desktop_app.ui.debrief_fields import TextGuard, problem_label
from desktop_app.ui.debrief_page import DebriefPage, plain_label, scroll_area, tr
from desktop_app.ui.debrief_row_kinds import QuestionRow
from desktop_app.ui.debrief_rows import RowsEditor
from desktop_app.ui.debrief_session import DebriefSession


class HappenedPage(DebriefPage):
    page_id = Page.HAPPENED

    def __init__(self, session: DebriefSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setTitle(tr("What happened"))
        self.setSubTitle(tr("Write it down while it is fresh. Fields marked * are needed to go on."))
        form = QFormLayout()
        self.planned = self.text_row(
            form, tr("What you &meant to get across:"), "planned_message", LONG_LIMIT, multiline=True, lines=4
        )
        self.happened = self.text_row(
            form, tr("What &happened *:"), "what_happened", LONG_LIMIT, multiline=True, lines=6
        )
        self.registerField("what_happened*", self.happened.widget, "plainText", SIGNAL("textChanged()"))
        self.questions = RowsEditor(tr("Add a &question they asked"), lambda entry: QuestionRow(entry))  # type: ignore[arg-type]
        self.questions.changed.connect(lambda: self.session.save_questions(self.questions.entries()))
        self.rows_message = problem_label()

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addLayout(form)
        heading = QLabel(tr("Questions they asked"))
        heading.setStyleSheet("font-weight: bold;")
        inner.addWidget(heading)
        inner.addWidget(plain_label(tr("Each with your answer in a line, how it went, and what they were after.")))
        inner.addWidget(self.questions)
        inner.addWidget(self.rows_message)
        inner.addStretch(1)
        self.scroll = scroll_area(content)
        QVBoxLayout(self).addWidget(self.scroll)

    def isComplete(self) -> bool:
        """Next needs a word in "What happened"; spaces alone do not count."""
        return super().isComplete() and bool(self.happened.text().strip())

    def load(self, draft: DebriefDraft) -> None:
        self.planned.load(draft.planned_message)
        self.happened.load(draft.what_happened)
        self.questions.load(draft.questions)

    def all_guards(self) -> list[TextGuard]:
        return self.guards + self.questions.guards()

    def check_page(self) -> bool:
        issue = check_questions(self.questions.entries())
        if issue is None:
            self.rows_message.hide()
            return True
        if issue.problem is RowProblem.QUESTION_MISSING:
            self.rows_message.setText(
                tr("Question {n} has notes but no question. Write the question, or remove the row.").format(
                    n=issue.row + 1
                )
            )
            self.rows_message.show()
            self.show_problem(self.questions.rows[issue.row].question, self.rows_message)
        return False
