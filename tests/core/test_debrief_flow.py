"""The debrief wizard's page order and branching, without Qt."""

from __future__ import annotations

import pytest

from desktop_app.core.choices import Outcome
from desktop_app.core.debrief_flow import Page, can_finish_on, next_page, offers_plan_b, path_to, progress


def walk(outcome: str) -> list[Page]:
    pages = [Page.INTERVIEW]
    while (following := next_page(pages[-1], outcome)) is not None:
        pages.append(following)
    return pages


def test_rejection_walks_every_page_including_the_reframe() -> None:
    assert walk(Outcome.REJECTED) == list(Page)


def test_ghosting_counts_as_a_rejection() -> None:
    assert Page.REFRAME in walk(Outcome.GHOSTED)
    assert offers_plan_b(Outcome.GHOSTED)


@pytest.mark.parametrize("outcome", [Outcome.OFFER, Outcome.MOVED_ON, Outcome.WITHDREW, Outcome.ROLE_CLOSED])
def test_other_outcomes_skip_the_reframe_but_keep_feedback(outcome: Outcome) -> None:
    pages = walk(outcome)
    assert Page.REFRAME not in pages
    assert Page.FEEDBACK in pages
    assert pages[-1] is Page.SUMMARY
    assert not offers_plan_b(outcome)


def test_waiting_skips_feedback_and_reframe() -> None:
    assert walk(Outcome.WAITING) == [
        Page.INTERVIEW,
        Page.HAPPENED,
        Page.ASSESSMENT,
        Page.FEELINGS,
        Page.WHY,
        Page.LESSONS,
        Page.SUMMARY,
    ]


def test_waiting_can_finish_now_from_any_page_after_the_first() -> None:
    assert not can_finish_on(Page.INTERVIEW, Outcome.WAITING)
    assert all(can_finish_on(page, Outcome.WAITING) for page in walk(Outcome.WAITING)[1:])
    assert not can_finish_on(Page.HAPPENED, Outcome.REJECTED)
    assert not can_finish_on(Page.LESSONS, Outcome.OFFER)
    assert can_finish_on(Page.SUMMARY, Outcome.OFFER)


def test_resume_path_follows_the_outcome() -> None:
    assert path_to(Page.WHY, Outcome.REJECTED) == [
        Page.INTERVIEW,
        Page.HAPPENED,
        Page.ASSESSMENT,
        Page.FEELINGS,
        Page.REFRAME,
        Page.WHY,
    ]
    assert path_to(Page.FEEDBACK, Outcome.OFFER)[-1] is Page.FEEDBACK


def test_resume_stops_before_a_page_the_outcome_no_longer_reaches() -> None:
    # Saved on the reframe, then the outcome turned into an offer: resume on the page before.
    assert path_to(Page.REFRAME, Outcome.OFFER)[-1] is Page.FEELINGS
    assert path_to(Page.FEEDBACK, Outcome.WAITING)[-1] is Page.WHY


def test_progress_counts_pages_on_the_way() -> None:
    assert progress(Page.INTERVIEW, Outcome.REJECTED) == (1, 9)
    assert progress(Page.WHY, Outcome.OFFER) == (5, 8)
    assert progress(Page.SUMMARY, Outcome.WAITING) == (7, 7)
