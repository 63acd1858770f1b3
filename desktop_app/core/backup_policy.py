"""Which backups to keep: the rotation rule, in plain Python.

Backups are kept by age buckets, as many backup tools do: the newest backup of each of
the last ``daily`` days that have one, of each of the last ``weekly`` ISO weeks and of
each of the last ``monthly`` months, plus the ``recent`` newest backups whatever their
age (so a backup taken just before an import is never rotated away the same day).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RotationPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 6
    recent: int = 3


DEFAULT_POLICY = RotationPolicy()


def backups_to_keep(taken_at: Iterable[datetime], policy: RotationPolicy = DEFAULT_POLICY) -> set[datetime]:
    """The subset of ``taken_at`` that the policy keeps; everything else may be deleted."""
    newest_first = sorted(set(taken_at), reverse=True)
    keep: set[datetime] = set(newest_first[: policy.recent])
    keep |= _newest_per_bucket(newest_first, lambda when: when.date(), policy.daily)
    keep |= _newest_per_bucket(newest_first, lambda when: when.isocalendar()[:2], policy.weekly)
    keep |= _newest_per_bucket(newest_first, lambda when: (when.year, when.month), policy.monthly)
    return keep


def _newest_per_bucket(
    newest_first: Sequence[datetime], bucket: Callable[[datetime], Hashable], count: int
) -> set[datetime]:
    """The newest item of each of the ``count`` most recent buckets."""
    chosen: dict[Hashable, datetime] = {}
    for when in newest_first:
        key = bucket(when)
        if key not in chosen:
            if len(chosen) == count:
                break
            chosen[key] = when
    return set(chosen.values())
