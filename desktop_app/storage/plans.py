"""Repository for Plan B plans: list, read, create, edit, reorder and delete."""

from __future__ import annotations

from sqlalchemy import case, func, select

from desktop_app.core.plan_records import PlanRecord
from desktop_app.core.plan_rules import GAUGES, clamp_gauge
from desktop_app.core.records import PlanSummary
from desktop_app.storage.database import Database
from desktop_app.storage.models import Plan, PlanStep
from desktop_app.storage.ordering import store_order

EDITABLE_FIELDS = frozenset(
    {"title", "kind", "description", "why", "trigger_date", "trigger_condition", "status", "notes", *GAUGES}
)


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


def to_record(plan: Plan) -> PlanRecord:
    return PlanRecord(
        id=plan.id,
        title=plan.title,
        kind=plan.kind,
        description=plan.description,
        why=plan.why,
        trigger_date=plan.trigger_date,
        trigger_condition=plan.trigger_condition,
        status=plan.status,
        resources=plan.resources,
        liking=plan.liking,
        confidence=plan.confidence,
        coherence=plan.coherence,
        notes=plan.notes,
        position=plan.position,
    )


def get_plan(db: Database, plan_id: int) -> PlanRecord | None:
    with db.read_session() as session:
        plan = session.get(Plan, plan_id)
        return None if plan is None else to_record(plan)


def list_plans(db: Database) -> list[PlanRecord]:
    """Every plan in the user's order."""
    with db.read_session() as session:
        return [to_record(plan) for plan in session.scalars(select(Plan).order_by(Plan.position, Plan.id))]


def _clean(fields: dict[str, object]) -> dict[str, object]:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not an editable plan field: {', '.join(sorted(unknown))}")
    cleaned = dict(fields)
    for gauge in GAUGES:
        if gauge in cleaned:
            cleaned[gauge] = clamp_gauge(int(cleaned[gauge]))  # type: ignore[call-overload]
    return cleaned


def create_plan(db: Database, title: str, **fields: object) -> int:
    """Add a plan at the end of the list; return its id."""
    with db.session() as session:
        last = session.scalar(select(func.max(Plan.position))) or 0
        plan = Plan(title=title, position=last + 1, **_clean(fields))
        session.add(plan)
        session.flush()
        return plan.id


def update_plan(db: Database, plan_id: int, **fields: object) -> None:
    """Change some fields of a plan (gauges are kept within 0–10)."""
    cleaned = _clean(fields)
    with db.session() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            return
        for name, value in cleaned.items():
            setattr(plan, name, value)


def delete_plan(db: Database, plan_id: int) -> None:
    """Delete a plan with its steps; contacts and evidence stay, unlinked from it."""
    with db.session() as session:
        plan = session.get(Plan, plan_id)
        if plan is not None:
            session.delete(plan)


def reorder_plans(db: Database, ordered_ids: list[int]) -> None:
    """Store the user's order of plans."""
    store_order(db, Plan, ordered_ids)


def find_plan(db: Database, title_or_id: str) -> PlanRecord | None:
    """A plan by its id, or by its title (exact, then case-insensitive)."""
    key = title_or_id.strip()
    plans = list_plans(db)
    if key.isdigit():
        for plan in plans:
            if plan.id == int(key):
                return plan
    for plan in plans:
        if plan.title == key:
            return plan
    folded = key.casefold()
    matches = [plan for plan in plans if plan.title.strip().casefold() == folded]
    return matches[0] if len(matches) == 1 else None
