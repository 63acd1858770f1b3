"""Plain records for the Prepare tab: one interview in full, checklist items, template items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class InterviewDetail:
    """Every field of one interview, as the editor shows it."""

    id: int
    company: str
    role: str
    stage: str
    scheduled_at: datetime | None
    format: str | None
    location: str
    interviewers: str
    posting: str
    internal: bool
    notes: str
    outcome: str


# The interview fields the editor may change, with the Python type each takes.
EDITABLE_INTERVIEW_FIELDS: frozenset[str] = frozenset(
    {
        "company",
        "role",
        "stage",
        "scheduled_at",
        "format",
        "location",
        "interviewers",
        "posting",
        "internal",
        "notes",
        "outcome",
    }
)


@dataclass(frozen=True)
class ChecklistEntry:
    """One checklist item of one interview."""

    id: int
    interview_id: int
    section: str
    section_position: int
    position: int
    text: str
    done: bool
    done_at: datetime | None
    due_offset_days: int | None
    origin: str
    origin_note: str
    lesson_id: int | None = None


@dataclass(frozen=True)
class TemplateItem:
    """One item of the checklist template that new interviews start from."""

    id: int
    section: str
    text: str
    due_offset_days: int | None
    position: int
