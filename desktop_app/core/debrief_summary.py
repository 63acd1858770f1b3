"""Which parts of a debrief its summary shows, in order; the UI supplies headings and layout."""

from __future__ import annotations

from enum import StrEnum

from desktop_app.core.choices import LessonKind
from desktop_app.core.debrief_records import DebriefDraft


class Section(StrEnum):
    INTERVIEW = "interview"
    HAPPENED = "happened"
    QUESTIONS = "questions"
    ASSESSMENT = "assessment"
    FEELINGS = "feelings"
    WHY = "why"
    FEEDBACK = "feedback"
    KEEP = "keep"
    CHANGE = "change"


def summary_sections(draft: DebriefDraft) -> list[Section]:
    """The sections that have something to show; the interview and its outcome always do."""
    present = {
        Section.INTERVIEW: True,
        Section.HAPPENED: bool(draft.planned_message.strip() or draft.what_happened.strip()),
        Section.QUESTIONS: any(q.question.strip() for q in draft.questions),
        Section.ASSESSMENT: any(r.rating is not None or r.note.strip() for r in draft.ratings),
        Section.FEELINGS: draft.nerves is not None or draft.chances is not None or bool(draft.feelings.strip()),
        Section.WHY: bool(draft.in_control.strip() or draft.not_in_control.strip()),
        Section.FEEDBACK: draft.feedback_asked or bool(draft.feedback_received.strip()),
        Section.KEEP: any(lesson.kind == LessonKind.KEEP and lesson.text.strip() for lesson in draft.lessons),
        Section.CHANGE: any(lesson.kind != LessonKind.KEEP and lesson.text.strip() for lesson in draft.lessons),
    }
    return [section for section, shown in present.items() if shown]


def rating_stars(rating: int | None, scale: int = 5) -> str:
    """A rating as filled and empty stars ("★★★☆☆"); empty when not rated."""
    if rating is None:
        return ""
    rating = max(0, min(scale, rating))
    return "★" * rating + "☆" * (scale - rating)
