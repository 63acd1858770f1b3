"""Rules a debrief page must satisfy before the wizard moves on, in plain Python."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from desktop_app.core.debrief_records import LessonEntry, QuestionEntry

Row = TypeVar("Row", QuestionEntry, LessonEntry)


class RowProblem(StrEnum):
    QUESTION_MISSING = "question_missing"
    """A question row has an answer, rating or guess but no question."""
    LESSON_MISSING = "lesson_missing"
    """A lesson row has a practice task but no lesson."""
    NO_LESSONS = "no_lessons"
    """Not one lesson written yet."""


@dataclass(frozen=True)
class RowIssue:
    problem: RowProblem
    row: int = -1
    """Index of the row at fault, -1 when the issue is about the whole list."""


def check_questions(questions: list[QuestionEntry]) -> RowIssue | None:
    for row, entry in enumerate(questions):
        if not entry.is_blank() and not entry.question.strip():
            return RowIssue(RowProblem.QUESTION_MISSING, row)
    return None


def check_lessons(lessons: list[LessonEntry]) -> RowIssue | None:
    for row, entry in enumerate(lessons):
        if entry.practice_task.strip() and not entry.text.strip():
            return RowIssue(RowProblem.LESSON_MISSING, row)
    if not any(entry.text.strip() for entry in lessons):
        return RowIssue(RowProblem.NO_LESSONS)
    return None


def kept_rows(rows: list[Row]) -> list[Row]:
    """The rows worth storing: blank rows the user added but never filled are dropped."""
    return [row for row in rows if not row.is_blank()]
