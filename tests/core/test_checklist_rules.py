"""Due points, overdue marking, progress and countdowns of a checklist, without Qt."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop_app.core.checklist_rules import (
    CountdownKind,
    DueKind,
    countdown,
    due_moment,
    due_point,
    is_overdue,
    lesson_item_text,
    lesson_source,
    progress,
)

INTERVIEW = datetime(2026, 11, 25, 14, 0)


@pytest.mark.parametrize(
    ("offset", "kind", "days"),
    [
        (-7, DueKind.BEFORE, 7),
        (-2, DueKind.BEFORE, 2),
        (-1, DueKind.DAY_BEFORE, 1),
        (0, DueKind.DAY_OF, 0),
        (1, DueKind.WITHIN_DAY_AFTER, 1),
        (7, DueKind.AFTER, 7),
    ],
)
def test_due_points_in_words(offset: int, kind: DueKind, days: int) -> None:
    point = due_point(offset)
    assert (point.kind, point.days) == (kind, days)


def test_before_items_are_due_by_the_end_of_their_day() -> None:
    assert due_moment(INTERVIEW, -7) == datetime(2026, 11, 19, 0, 0)
    assert due_moment(INTERVIEW, -1) == datetime(2026, 11, 25, 0, 0)
    assert due_moment(INTERVIEW, 0) == datetime(2026, 11, 26, 0, 0)
    assert due_moment(INTERVIEW, 1) == datetime(2026, 11, 26, 14, 0)
    assert due_moment(None, -1) is None
    assert due_moment(INTERVIEW, None) is None


def test_overdue_only_when_not_done_and_past_its_due_moment() -> None:
    assert not is_overdue(INTERVIEW, -1, False, datetime(2026, 11, 24, 23, 59))
    assert is_overdue(INTERVIEW, -1, False, datetime(2026, 11, 25, 0, 0))
    assert not is_overdue(INTERVIEW, -1, True, datetime(2026, 11, 26))
    assert not is_overdue(INTERVIEW, None, False, datetime(2027, 1, 1))
    assert not is_overdue(None, -7, False, datetime(2027, 1, 1))
    assert is_overdue(INTERVIEW, 1, False, datetime(2026, 11, 26, 14, 0))


def test_progress_counts_done_items() -> None:
    result = progress([True, False, True])
    assert (result.done, result.total, result.complete) == (2, 3, False)
    assert progress([True]).complete
    assert not progress([]).complete


@pytest.mark.parametrize(
    ("now", "kind", "days"),
    [
        (datetime(2026, 11, 22, 23, 0), CountdownKind.IN_DAYS, 3),
        (datetime(2026, 11, 24, 9, 0), CountdownKind.TOMORROW, 1),
        (datetime(2026, 11, 25, 20, 0), CountdownKind.TODAY, 0),
        (datetime(2026, 11, 26, 1, 0), CountdownKind.YESTERDAY, 1),
        (datetime(2026, 11, 27, 8, 0), CountdownKind.DAYS_AGO, 2),
    ],
)
def test_countdown_in_calendar_days(now: datetime, kind: CountdownKind, days: int) -> None:
    result = countdown(INTERVIEW, now)
    assert (result.kind, result.days) == (kind, days)


def test_countdown_without_a_date() -> None:
    assert countdown(None, INTERVIEW).kind == CountdownKind.NO_DATE


def test_a_carried_lesson_uses_its_text_or_else_its_practice_task() -> None:
    assert lesson_item_text("  Quantify results ", "") == "Quantify results"
    assert lesson_item_text(" ", "Mock interview on Friday") == "Mock interview on Friday"
    assert lesson_item_text(" ", "  ") is None


def test_a_carried_lesson_names_its_interview() -> None:
    assert lesson_source("Acme", "Analyst", datetime(2026, 3, 2, 10)) == "Acme – Analyst (2026-03-02)"
    assert lesson_source("Acme", "", None) == "Acme"
