"""The debrief wizard's pages and the rules that decide which page comes next.

Plain Python so the flow can be tested without Qt: the UI asks ``next_page`` in
``QWizard.nextId`` and ``can_finish_on`` to decide where a Finish button shows.
"""

from __future__ import annotations

from enum import IntEnum

from desktop_app.core.choices import Outcome


class Page(IntEnum):
    """The wizard's pages; the value is the QWizard page id and what ``current_page`` stores."""

    INTERVIEW = 0
    HAPPENED = 1
    ASSESSMENT = 2
    FEELINGS = 3
    REFRAME = 4
    WHY = 5
    FEEDBACK = 6
    LESSONS = 7
    SUMMARY = 8


REJECTIONS: frozenset[str] = frozenset({Outcome.REJECTED, Outcome.GHOSTED})
"""Outcomes that count as a rejection: they get the supportive reframe and the Plan B offer."""


def is_rejection(outcome: str) -> bool:
    return outcome in REJECTIONS


def next_page(page: Page | int, outcome: str) -> Page | None:
    """The page after ``page`` for this outcome; None after the summary.

    The reframe follows the feelings page only after a rejection. While the outcome is
    still unknown ("waiting") there is nothing to ask feedback about yet, so that page is
    skipped; the debrief can be reopened once the answer arrives.
    """
    page = Page(page)
    if page is Page.SUMMARY:
        return None
    if page is Page.FEELINGS:
        return Page.REFRAME if is_rejection(outcome) else Page.WHY
    if page is Page.WHY and outcome == Outcome.WAITING:
        return Page.LESSONS
    return Page(page + 1)


def path_to(target: Page | int, outcome: str) -> list[Page]:
    """The pages walked from the first to ``target``; stops early if ``target`` is off the path.

    Used to resume a draft: when the outcome changed so that the saved page no longer
    lies on the way, the walk ends at the nearest page before it.
    """
    target = Page(target)
    path = [Page.INTERVIEW]
    while path[-1] < target:
        following = next_page(path[-1], outcome)
        if following is None or following > target:
            break
        path.append(following)
    return path


def can_finish_on(page: Page | int, outcome: str) -> bool:
    """Whether Finish is offered on ``page``.

    Always on the summary. While waiting for the outcome the user may finish from any
    page after the first one and come back when they hear.
    """
    page = Page(page)
    if page is Page.SUMMARY:
        return True
    return outcome == Outcome.WAITING and page is not Page.INTERVIEW


def offers_plan_b(outcome: str) -> bool:
    """After a rejection the last pages offer to start or update a Plan B."""
    return is_rejection(outcome)


def progress(page: Page | int, outcome: str) -> tuple[int, int]:
    """(pages reached, pages on the way) for "how far they got" in the list of drafts."""
    steps = path_to(Page.SUMMARY, outcome)
    page = Page(page)
    reached = sum(1 for step in steps if step <= page)
    return reached, len(steps)
