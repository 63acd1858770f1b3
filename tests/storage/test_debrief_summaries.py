"""The list of debriefs from storage: drafts first, then the most recently changed, with the saved page."""

from __future__ import annotations

from datetime import datetime

from desktop_app.core.choices import DebriefStatus, Outcome
from desktop_app.core.debrief_flow import Page
from desktop_app.storage.database import Database
from desktop_app.storage.debriefs import complete_debrief, list_debrief_summaries, open_or_create_debrief, update_fields
from desktop_app.storage.interviews import create_interview
from desktop_app.storage.models import Debrief


def _set_changed(db: Database, debrief_id: int, when: datetime) -> None:
    with db.session() as session:
        session.get(Debrief, debrief_id).updated_at = when  # type: ignore[union-attr]


def test_drafts_first_then_most_recently_changed_with_their_page(db: Database) -> None:
    when = datetime(2026, 11, 2, 10, 0)
    done = open_or_create_debrief(db, create_interview(db, "Done", role="Analyst", scheduled_at=when))
    complete_debrief(db, done)
    old_draft = open_or_create_debrief(db, create_interview(db, "Old draft"), Outcome.REJECTED)
    new_draft = open_or_create_debrief(db, create_interview(db, "New draft"), Outcome.OFFER)
    update_fields(db, old_draft, current_page=int(Page.FEELINGS))
    update_fields(db, new_draft, current_page=int(Page.WHY))
    _set_changed(db, done, datetime(2026, 11, 30))
    _set_changed(db, old_draft, datetime(2026, 11, 3))
    _set_changed(db, new_draft, datetime(2026, 11, 20))

    summaries = list_debrief_summaries(db)

    assert [(s.company, s.status, s.current_page) for s in summaries] == [
        ("New draft", DebriefStatus.DRAFT, Page.WHY),
        ("Old draft", DebriefStatus.DRAFT, Page.FEELINGS),
        ("Done", DebriefStatus.COMPLETE, Page.INTERVIEW),
    ]
    assert [s.outcome for s in summaries[:2]] == [Outcome.OFFER, Outcome.REJECTED]
    last = summaries[-1]
    assert (last.role, last.interview_at, last.updated_at) == ("Analyst", when, datetime(2026, 11, 30))
