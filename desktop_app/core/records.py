"""Plain records that repositories hand to the UI: no SQLAlchemy, no Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class InterviewSummary:
    """One row of the interview list."""

    id: int
    company: str
    role: str
    stage: str
    scheduled_at: datetime | None
    outcome: str
    notes: str
    done_count: int
    item_count: int


@dataclass(frozen=True)
class DebriefSummary:
    """One row of the debrief list."""

    id: int
    interview_id: int
    company: str
    role: str
    interview_at: datetime | None
    outcome: str
    status: str
    current_page: int
    updated_at: datetime


@dataclass(frozen=True)
class PlanSummary:
    """One row of the plan list."""

    id: int
    title: str
    kind: str
    status: str
    trigger_date: date | None
    trigger_condition: str
    step_count: int
    done_count: int
