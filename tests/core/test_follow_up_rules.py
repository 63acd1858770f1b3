"""Follow-up urgency on the Network page and the "due this week" list, without Qt."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.core.plan_records import ContactRecord
from desktop_app.core.plan_rules import FOLLOW_UP_WINDOW_DAYS, FollowUpState, due_follow_ups, follow_up_state

TODAY = date(2026, 3, 10)


def test_follow_up_state_from_overdue_to_none() -> None:
    assert follow_up_state(TODAY - timedelta(days=1), TODAY) == FollowUpState.OVERDUE
    assert follow_up_state(TODAY, TODAY) == FollowUpState.TODAY
    assert follow_up_state(TODAY + timedelta(days=1), TODAY) == FollowUpState.THIS_WEEK
    last_in_window = TODAY + timedelta(days=FOLLOW_UP_WINDOW_DAYS - 1)
    assert follow_up_state(last_in_window, TODAY) == FollowUpState.THIS_WEEK
    assert follow_up_state(last_in_window + timedelta(days=1), TODAY) == FollowUpState.LATER
    assert follow_up_state(None, TODAY) == FollowUpState.NONE


def test_due_follow_ups_are_the_window_and_overdue_soonest_first() -> None:
    def contact(cid: int, name: str, days: int | None) -> ContactRecord:
        return ContactRecord(cid, name, next_follow_up=None if days is None else TODAY + timedelta(days=days))

    contacts = [
        contact(1, "later", 7),
        contact(2, "bea", 3),
        contact(3, "none", None),
        contact(4, "old", -20),
        contact(5, "Ann", 3),
        contact(6, "today", 0),
    ]
    assert [c.name for c in due_follow_ups(contacts, TODAY)] == ["old", "today", "Ann", "bea"]
