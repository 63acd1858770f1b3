"""Plain records of one debrief as the wizard edits it: no SQLAlchemy, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop_app.core.choices import DebriefStatus, LessonKind, Outcome

SCALAR_FIELDS: tuple[str, ...] = (
    "current_page",
    "outcome",
    "planned_message",
    "what_happened",
    "nerves",
    "chances",
    "feelings",
    "in_control",
    "not_in_control",
    "feedback_asked",
    "feedback_received",
)
"""The debrief's own fields the wizard writes one at a time as the user types."""


@dataclass(frozen=True)
class QuestionEntry:
    question: str = ""
    answer: str = ""
    rating: int | None = None
    looking_for: str = ""

    def is_blank(self) -> bool:
        return not (self.question.strip() or self.answer.strip() or self.looking_for.strip() or self.rating)


@dataclass(frozen=True)
class RatingEntry:
    competency: str
    custom: bool = False
    rating: int | None = None
    note: str = ""


@dataclass(frozen=True)
class LessonEntry:
    kind: str = LessonKind.CHANGE
    text: str = ""
    practice_task: str = ""
    practice_due: date | None = None
    carry_forward: bool = True

    def is_blank(self) -> bool:
        return not (self.text.strip() or self.practice_task.strip())


@dataclass(frozen=True)
class InterviewChoice:
    """An interview as the debrief shows it, and whether it already has a debrief."""

    id: int
    company: str
    role: str
    scheduled_at: datetime | None
    interviewers: str
    outcome: str
    debrief_id: int | None = None
    debrief_complete: bool = False

    @property
    def title(self) -> str:
        return f"{self.company} – {self.role}" if self.role else self.company


@dataclass
class DebriefDraft:
    """Everything one debrief holds, as loaded from storage."""

    id: int
    interview: InterviewChoice
    status: str = DebriefStatus.DRAFT
    current_page: int = 0
    outcome: str = Outcome.WAITING
    planned_message: str = ""
    what_happened: str = ""
    nerves: int | None = None
    chances: int | None = None
    feelings: str = ""
    in_control: str = ""
    not_in_control: str = ""
    feedback_asked: bool = False
    feedback_received: str = ""
    completed_at: datetime | None = None
    updated_at: datetime | None = None
    questions: list[QuestionEntry] = field(default_factory=list)
    ratings: list[RatingEntry] = field(default_factory=list)
    lessons: list[LessonEntry] = field(default_factory=list)

    @property
    def is_complete(self) -> bool:
        return self.status == DebriefStatus.COMPLETE


@dataclass(frozen=True)
class EffortCounts:
    """Interviews done so far and how many of them ended in a rejection: effort, not verdicts."""

    interviews_done: int
    rejections: int
