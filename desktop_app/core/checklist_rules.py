"""Rules for a pre-interview checklist: due points, overdue items, progress and countdowns.

A checklist item may carry a due point relative to the interview, stored as a whole
number of days (``-7`` = a week before, ``-1`` = the day before, ``0`` = the day of,
``1`` = within 24 hours after). Everything here is plain Python; the UI turns the
results into translated words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

# The due points offered when editing an item; ``None`` means no due point.
DUE_CHOICES: tuple[int | None, ...] = (None, -14, -7, -5, -3, -2, -1, 0, 1, 2, 7)


class DueKind(StrEnum):
    BEFORE = "before"
    DAY_BEFORE = "day_before"
    DAY_OF = "day_of"
    WITHIN_DAY_AFTER = "within_day_after"
    AFTER = "after"


@dataclass(frozen=True)
class DuePoint:
    """A due point in words: its kind and, where it matters, a number of days."""

    kind: DueKind
    days: int = 0


def due_point(offset_days: int) -> DuePoint:
    """Describe an offset: -7 is "7 days before", -1 "the day before", 0 "day of", 1 "within 24 h after"."""
    if offset_days < -1:
        return DuePoint(DueKind.BEFORE, -offset_days)
    if offset_days == -1:
        return DuePoint(DueKind.DAY_BEFORE, 1)
    if offset_days == 0:
        return DuePoint(DueKind.DAY_OF)
    if offset_days == 1:
        return DuePoint(DueKind.WITHIN_DAY_AFTER, 1)
    return DuePoint(DueKind.AFTER, offset_days)


def due_moment(scheduled_at: datetime | None, offset_days: int | None) -> datetime | None:
    """When an item stops being on time; None without an interview date or a due point.

    Items before or on the interview day are due by the end of their day; items after
    the interview are due that many times 24 hours after it starts.
    """
    if scheduled_at is None or offset_days is None:
        return None
    if offset_days > 0:
        return scheduled_at + timedelta(days=offset_days)
    day = scheduled_at.date() + timedelta(days=offset_days + 1)
    return datetime.combine(day, time())


def is_overdue(scheduled_at: datetime | None, offset_days: int | None, done: bool, now: datetime) -> bool:
    """An item not done whose due moment has passed."""
    moment = due_moment(scheduled_at, offset_days)
    return not done and moment is not None and now >= moment


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done == self.total


def progress(done_flags: list[bool]) -> Progress:
    return Progress(sum(1 for flag in done_flags if flag), len(done_flags))


class CountdownKind(StrEnum):
    NO_DATE = "no_date"
    IN_DAYS = "in_days"
    TOMORROW = "tomorrow"
    TODAY = "today"
    YESTERDAY = "yesterday"
    DAYS_AGO = "days_ago"


@dataclass(frozen=True)
class Countdown:
    kind: CountdownKind
    days: int = 0


def countdown(scheduled_at: datetime | None, now: datetime) -> Countdown:
    """How far the interview is in calendar days: "in 3 days", "today", "2 days ago"."""
    if scheduled_at is None:
        return Countdown(CountdownKind.NO_DATE)
    days = (scheduled_at.date() - now.date()).days
    if days > 1:
        return Countdown(CountdownKind.IN_DAYS, days)
    if days == 1:
        return Countdown(CountdownKind.TOMORROW, 1)
    if days == 0:
        return Countdown(CountdownKind.TODAY)
    if days == -1:
        return Countdown(CountdownKind.YESTERDAY, 1)
    return Countdown(CountdownKind.DAYS_AGO, -days)


def lesson_item_text(text: str, practice_task: str) -> str | None:
    """The checklist text for a carried-forward lesson: its text, else its practice task; None if blank."""
    return text.strip() or practice_task.strip() or None


def lesson_source(company: str, role: str, scheduled_at: datetime | None) -> str:
    """Which interview a carried-forward lesson came from: "Acme – Analyst (2026-03-02)"."""
    source = f"{company} – {role}" if role else company
    return source if scheduled_at is None else f"{source} ({scheduled_at:%Y-%m-%d})"
