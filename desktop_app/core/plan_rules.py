"""The rules of the Plan B tab: triggers, overdue steps and promises, follow-ups, gauges.

Plain Python, tested without Qt. ``today`` is always passed in so the rules are
deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum

from desktop_app.core.choices import FailureTier, PlanStatus
from desktop_app.core.plan_records import ContactRecord

GAUGES: tuple[str, ...] = ("resources", "liking", "confidence", "coherence")
GAUGE_MIN = 0
GAUGE_MAX = 10
FOLLOW_UP_WINDOW_DAYS = 7
DEFAULT_FOLLOW_UP_DAYS = 14
MIN_FOLLOW_UP_DAYS = 7
MAX_FOLLOW_UP_DAYS = 90

# A plan still waiting to be switched to: a passed trigger on it needs the user's attention.
# An active plan is already being followed; a done or dropped plan is settled.
WAITING_STATUSES = frozenset({PlanStatus.IDEA, PlanStatus.PAUSED})


class StepState(StrEnum):
    """How urgent a step is, from the strongest warning to none."""

    BROKEN_PROMISE = "broken_promise"
    PROMISE_DUE = "promise_due"
    OVERDUE = "overdue"
    OPEN = "open"
    DONE = "done"


def clamp_gauge(value: int) -> int:
    """A gauge value forced into 0–10."""
    return max(GAUGE_MIN, min(GAUGE_MAX, int(value)))


def trigger_passed(status: str, trigger_date: date | None, today: date) -> bool:
    """True when a plan that is waiting (idea or paused) has reached its trigger date."""
    return trigger_date is not None and trigger_date <= today and status in WAITING_STATUSES


def is_overdue(due: date | None, done: bool, today: date) -> bool:
    """An unfinished step whose due date is before today."""
    return not done and due is not None and due < today


def step_state(tier: str, due: date | None, done: bool, today: date) -> StepState:
    """The urgency of a step; an overdue "fail never" step is a broken promise."""
    if done:
        return StepState.DONE
    promise = tier == FailureTier.NEVER
    if is_overdue(due, done, today):
        return StepState.BROKEN_PROMISE if promise else StepState.OVERDUE
    if promise and due is not None and due <= today + timedelta(days=2):
        return StepState.PROMISE_DUE
    return StepState.OPEN


def follow_up_due(next_follow_up: date | None, today: date) -> bool:
    """A follow-up that is overdue or falls within the coming seven days (today included)."""
    return next_follow_up is not None and next_follow_up < today + timedelta(days=FOLLOW_UP_WINDOW_DAYS)


def suggest_next_follow_up(today: date, last_contact: date | None, next_follow_up: date | None) -> date:
    """When to follow up after contacting someone today.

    The user's own rhythm with this person (the gap between their previous contact and
    the follow-up they had planned) is kept, within one week to three months; without
    one, two weeks.
    """
    days = DEFAULT_FOLLOW_UP_DAYS
    if last_contact is not None and next_follow_up is not None and next_follow_up > last_contact:
        days = (next_follow_up - last_contact).days
    days = max(MIN_FOLLOW_UP_DAYS, min(MAX_FOLLOW_UP_DAYS, days))
    return today + timedelta(days=days)


def moved(ids: list[int], item_id: int, offset: int) -> list[int]:
    """``ids`` with ``item_id`` moved ``offset`` places (clamped to the ends)."""
    if item_id not in ids:
        return list(ids)
    order = list(ids)
    index = order.index(item_id)
    target = max(0, min(len(order) - 1, index + offset))
    order.insert(target, order.pop(index))
    return order


# -- Follow-ups on the Network page ---------------------------------------------------------------
# (kept apart from the plan rules above: these only read contacts)


class FollowUpState(StrEnum):
    """Where a contact's next follow-up stands, from the most urgent to none."""

    OVERDUE = "overdue"
    TODAY = "today"
    THIS_WEEK = "this_week"
    LATER = "later"
    NONE = "none"


def follow_up_state(next_follow_up: date | None, today: date) -> FollowUpState:
    """Overdue, today, within the follow-up window, later, or no follow-up planned."""
    if next_follow_up is None:
        return FollowUpState.NONE
    if next_follow_up < today:
        return FollowUpState.OVERDUE
    if next_follow_up == today:
        return FollowUpState.TODAY
    if follow_up_due(next_follow_up, today):
        return FollowUpState.THIS_WEEK
    return FollowUpState.LATER


def due_follow_ups(contacts: Iterable[ContactRecord], today: date) -> list[ContactRecord]:
    """The contacts to follow up within the window (overdue ones included), soonest first."""
    due = [contact for contact in contacts if follow_up_due(contact.next_follow_up, today)]
    return sorted(due, key=lambda c: (c.next_follow_up or today, c.name.casefold(), c.id))
