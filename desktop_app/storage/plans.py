"""Repository for Plan B plans."""

from __future__ import annotations

from sqlalchemy import case, func, select

from desktop_app.core.records import PlanSummary
from desktop_app.storage.database import Database
from desktop_app.storage.models import Plan, PlanStep


def list_plan_summaries(db: Database) -> list[PlanSummary]:
    """Every plan in the user's order, with its step progress."""
    query = (
        select(
            Plan.id,
            Plan.title,
            Plan.kind,
            Plan.status,
            Plan.trigger_date,
            Plan.trigger_condition,
            func.count(PlanStep.id),
            func.coalesce(func.sum(case((PlanStep.done, 1), else_=0)), 0),
        )
        .outerjoin(PlanStep, PlanStep.plan_id == Plan.id)
        .group_by(Plan.id)
        .order_by(Plan.position, Plan.id)
    )
    with db.read_session() as session:
        return [PlanSummary(*row) for row in session.execute(query)]
