"""The order of the interview list: upcoming soonest first, then past most recent first."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from desktop_app.core.records import InterviewSummary


def is_upcoming(scheduled_at: datetime | None, now: datetime) -> bool:
    """An interview without a date yet counts as upcoming: it still needs preparing."""
    return scheduled_at is None or scheduled_at >= now


def ordered(interviews: Iterable[InterviewSummary], now: datetime) -> list[InterviewSummary]:
    upcoming = [i for i in interviews if is_upcoming(i.scheduled_at, now)]
    past = [i for i in interviews if not is_upcoming(i.scheduled_at, now)]
    upcoming.sort(key=lambda i: (i.scheduled_at is None, i.scheduled_at or now, i.id))
    past.sort(key=lambda i: (i.scheduled_at, i.id), reverse=True)
    return upcoming + past
