"""Trigger, overdue, promise and follow-up rules of the Plan B tab, without Qt."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop_app.core.choices import FailureTier, PlanStatus
from desktop_app.core.plan_rules import (
    StepState,
    clamp_gauge,
    follow_up_due,
    is_overdue,
    moved,
    step_state,
    suggest_next_follow_up,
    trigger_passed,
)

TODAY = date(2026, 3, 10)


@pytest.mark.parametrize("status", [PlanStatus.IDEA, PlanStatus.PAUSED])
def test_trigger_passed_on_a_waiting_plan(status: str) -> None:
    assert trigger_passed(status, TODAY, TODAY)
    assert trigger_passed(status, TODAY - timedelta(days=30), TODAY)
    assert not trigger_passed(status, TODAY + timedelta(days=1), TODAY)
    assert not trigger_passed(status, None, TODAY)


@pytest.mark.parametrize("status", [PlanStatus.ACTIVE, PlanStatus.DONE, PlanStatus.DROPPED])
def test_trigger_is_not_raised_on_active_or_settled_plans(status: str) -> None:
    assert not trigger_passed(status, TODAY - timedelta(days=5), TODAY)


def test_overdue_means_unfinished_and_due_before_today() -> None:
    assert is_overdue(TODAY - timedelta(days=1), False, TODAY)
    assert not is_overdue(TODAY, False, TODAY)
    assert not is_overdue(TODAY - timedelta(days=1), True, TODAY)
    assert not is_overdue(None, False, TODAY)


def test_an_overdue_promise_is_a_broken_promise() -> None:
    yesterday = TODAY - timedelta(days=1)
    assert step_state(FailureTier.NEVER, yesterday, False, TODAY) is StepState.BROKEN_PROMISE
    assert step_state(FailureTier.RARELY, yesterday, False, TODAY) is StepState.OVERDUE
    assert step_state(FailureTier.NEVER, yesterday, True, TODAY) is StepState.DONE
    assert step_state(FailureTier.NEVER, TODAY + timedelta(days=2), False, TODAY) is StepState.PROMISE_DUE
    assert step_state(FailureTier.NEVER, TODAY + timedelta(days=3), False, TODAY) is StepState.OPEN
    assert step_state(FailureTier.OFTEN, TODAY, False, TODAY) is StepState.OPEN


def test_follow_ups_due_this_week_include_overdue_ones() -> None:
    assert follow_up_due(TODAY - timedelta(days=3), TODAY)
    assert follow_up_due(TODAY, TODAY)
    assert follow_up_due(TODAY + timedelta(days=6), TODAY)
    assert not follow_up_due(TODAY + timedelta(days=7), TODAY)
    assert not follow_up_due(None, TODAY)


def test_next_follow_up_keeps_the_users_rhythm_within_bounds() -> None:
    assert suggest_next_follow_up(TODAY, None, None) == TODAY + timedelta(days=14)
    assert suggest_next_follow_up(TODAY, TODAY - timedelta(days=40), TODAY - timedelta(days=10)) == TODAY + timedelta(
        days=30
    )
    assert suggest_next_follow_up(TODAY, TODAY - timedelta(days=2), TODAY) == TODAY + timedelta(days=7)
    assert suggest_next_follow_up(TODAY, TODAY - timedelta(days=400), TODAY) == TODAY + timedelta(days=90)


def test_gauges_stay_between_0_and_10() -> None:
    assert [clamp_gauge(v) for v in (-3, 0, 7, 10, 42)] == [0, 0, 7, 10, 10]


def test_moving_an_item_is_clamped_to_the_ends() -> None:
    assert moved([1, 2, 3], 3, -1) == [1, 3, 2]
    assert moved([1, 2, 3], 1, -1) == [1, 2, 3]
    assert moved([1, 2, 3], 1, 5) == [2, 3, 1]
    assert moved([1, 2, 3], 9, 1) == [1, 2, 3]
