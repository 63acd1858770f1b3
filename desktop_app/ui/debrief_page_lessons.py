"""Page 7 of the debrief: what to keep doing and what to change, carried into the next checklists."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from desktop_app.core.choices import LessonKind
from desktop_app.core.debrief_checks import RowProblem, check_lessons
from desktop_app.core.debrief_flow import Page, offers_plan_b
from desktop_app.core.debrief_records import DebriefDraft, LessonEntry
from desktop_app.ui.debrief_fields import TextGuard, problem_label
from desktop_app.ui.debrief_page import DebriefPage, scroll_area, tr
from desktop_app.ui.debrief_row_kinds import LessonRow
from desktop_app.ui.debrief_rows import RowsEditor
from desktop_app.ui.debrief_session import DebriefSession


def plan_b_button(outcome: Callable[[], str], clicked: Callable[[], None]) -> QPushButton:
    """ "Start or update a Plan B", shown by pages only after a rejection."""
    button = QPushButton(tr("Start or update a &Plan B…"))
    button.setToolTip(tr("Opens the Plan B tab; this debrief stays saved."))
    button.clicked.connect(clicked)
    button.setVisible(offers_plan_b(outcome()))
    return button


class LessonsPage(DebriefPage):
    page_id = Page.LESSONS

    def __init__(
        self,
        session: DebriefSession,
        outcome: Callable[[], str],
        open_plan_b: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self._outcome = outcome
        self.setTitle(tr("Lessons"))
        self.setSubTitle(
            tr(
                "What will you keep doing, and what will you change? At least one lesson is needed to go on. "
                "Lessons you carry forward appear in the checklist of every interview you add from now on."
            )
        )
        self.lessons = RowsEditor(tr("Add a &lesson"), lambda entry: LessonRow(entry))  # type: ignore[arg-type]
        self.lessons.changed.connect(lambda: self.session.save_lessons(self.lessons.entries()))
        self.message = problem_label()
        self.plan_b = plan_b_button(outcome, open_plan_b)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.lessons)
        inner.addWidget(self.message)
        inner.addStretch(1)
        self.scroll = scroll_area(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll)
        layout.addWidget(self.plan_b)

    def initializePage(self) -> None:
        self.plan_b.setVisible(offers_plan_b(self._outcome()))
        if not self.lessons.rows:
            self.lessons.load([LessonEntry(LessonKind.KEEP), LessonEntry(LessonKind.CHANGE)])

    def load(self, draft: DebriefDraft) -> None:
        self.lessons.load(draft.lessons)

    def all_guards(self) -> list[TextGuard]:
        return self.lessons.guards()

    def check_page(self) -> bool:
        issue = check_lessons(self.lessons.entries())
        if issue is None:
            self.message.hide()
            return True
        if issue.problem is RowProblem.NO_LESSONS:
            self.message.setText(tr("Write down at least one lesson: something to keep doing or to change."))
            target = self.lessons.rows[0].text if self.lessons.rows else self.lessons.add_button
        else:
            self.message.setText(
                tr("Lesson {n} has a practice task but no lesson. Write the lesson, or remove the row.").format(
                    n=issue.row + 1
                )
            )
            target = self.lessons.rows[issue.row].text
        self.message.show()
        self.show_problem(target, self.message)
        return False
