"""The rotation rule keeps 7 daily, 4 weekly, 6 monthly and the 3 newest backups."""

from datetime import datetime, timedelta

from desktop_app.core.backup_policy import RotationPolicy, backups_to_keep


def test_a_year_of_daily_backups_keeps_recent_days_weeks_and_months() -> None:
    start = datetime(2026, 1, 1, 9, 0)
    taken = [start + timedelta(days=day) for day in range(365)]
    kept = backups_to_keep(taken)
    newest = taken[-1]
    assert set(taken[-7:]) <= kept
    days = sorted({when.date() for when in kept}, reverse=True)
    months = {(when.year, when.month) for when in kept}
    assert len(months) == 6
    assert newest.date() == days[0]
    # 7 daily + up to 4 weekly + 6 monthly, overlapping: never more than 17.
    assert 7 < len(kept) <= 17
    assert taken[0] not in kept


def test_several_backups_a_day_keeps_the_newest_of_each_day_and_the_three_newest() -> None:
    day = datetime(2026, 3, 10)
    taken = [day + timedelta(hours=hour) for hour in (8, 9, 10, 11)]
    kept = backups_to_keep(taken, RotationPolicy(daily=7, weekly=0, monthly=0, recent=3))
    assert kept == set(taken[1:])


def test_nothing_to_keep_from_nothing() -> None:
    assert backups_to_keep([]) == set()


def test_old_backups_are_kept_when_there_are_few() -> None:
    taken = [datetime(2020, 1, 1), datetime(2023, 5, 1), datetime(2026, 1, 1)]
    assert backups_to_keep(taken) == set(taken)
