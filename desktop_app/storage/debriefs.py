"""Repository for debriefs."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.core.records import DebriefSummary
from desktop_app.storage.database import Database
from desktop_app.storage.models import Debrief, Interview


def list_debrief_summaries(db: Database) -> list[DebriefSummary]:
    """Every debrief with its interview, drafts first, then most recently changed."""
    query = (
        select(
            Debrief.id,
            Debrief.interview_id,
            Interview.company,
            Interview.role,
            Interview.scheduled_at,
            Debrief.outcome,
            Debrief.status,
            Debrief.current_page,
            Debrief.updated_at,
        )
        .join(Interview, Debrief.interview_id == Interview.id)
        .order_by((Debrief.status == "draft").desc(), Debrief.updated_at.desc(), Debrief.id.desc())
    )
    with db.read_session() as session:
        return [DebriefSummary(*row) for row in session.execute(query)]
