"""Shared set-up for the Debrief tab's GUI tests: debriefs built through storage, and the tab."""

from __future__ import annotations

from datetime import datetime

from desktop_app.core.choices import LessonKind, Outcome
from desktop_app.core.debrief_flow import Page
from desktop_app.core.debrief_records import LessonEntry, QuestionEntry
from desktop_app.storage.database import Database
from desktop_app.storage.debriefs import (
    complete_debrief,
    open_or_create_debrief,
    replace_lessons,
    replace_questions,
    update_fields,
)
from desktop_app.storage.interviews import create_interview
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.debrief_tab import DebriefTab
from desktop_app.ui.debrief_wizard import CancelChoice

HTML_LOOKING = "<b>x</b> & <img src=y>"


def make_debrief(
    db: Database,
    company: str,
    *,
    outcome: str = Outcome.REJECTED,
    page: Page = Page.SUMMARY,
    complete: bool = False,
    answer: str = "Told the forecast story.",
    when: datetime | None = None,
) -> int:
    """A debrief of a new interview at ``company``, filled in up to ``page``; finished if ``complete``."""
    interview = create_interview(db, company, role="Analyst", scheduled_at=when or datetime(2026, 11, 2, 10, 0))
    debrief = open_or_create_debrief(db, interview, outcome)
    update_fields(db, debrief, current_page=int(page), what_happened="Good start.\nRambled later.", nerves=6)
    replace_questions(db, debrief, [QuestionEntry("Tell us about a conflict.", answer, 2, "Influence")])
    replace_lessons(
        db,
        debrief,
        [
            LessonEntry(LessonKind.KEEP, "Open with the case study"),
            LessonEntry(LessonKind.CHANGE, "Shorter STAR answers", "Time two stories", None, True),
        ],
    )
    if complete:
        complete_debrief(db, debrief)
    return debrief


def make_tab(qtbot, db: Database) -> DebriefTab:  # type: ignore[no-untyped-def]
    saver = AutoSaver()
    tab = DebriefTab(db, saver)
    tab.ask_keep = lambda _parent: CancelChoice.KEEP  # a draft closed in a test is kept, with no question box
    saver.setParent(tab)
    qtbot.addWidget(tab)
    return tab


def close_wizards(tab: DebriefTab) -> None:
    """Close every wizard the tab opened, keeping drafts (no question box)."""
    for wizard in tab.open_wizards():
        wizard.close()


def column_texts(tab: DebriefTab, column: int) -> list[str]:
    model = tab.model
    return [model.index(row, column).data() for row in range(model.rowCount())]
