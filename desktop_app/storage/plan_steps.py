"""Repository for the steps of a plan: list, add, edit, reorder, delete and restore."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from desktop_app.core.plan_records import StepRecord
from desktop_app.storage.database import Database
from desktop_app.storage.models import PlanStep
from desktop_app.storage.ordering import store_order

EDITABLE_FIELDS = frozenset({"text", "tier", "due", "done", "notes"})


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def to_record(step: PlanStep) -> StepRecord:
    return StepRecord(
        id=step.id,
        plan_id=step.plan_id,
        text=step.text,
        tier=step.tier,
        due=step.due,
        done=step.done,
        notes=step.notes,
        position=step.position,
    )


def list_steps(db: Database, plan_id: int) -> list[StepRecord]:
    """A plan's steps in the user's order."""
    query = select(PlanStep).where(PlanStep.plan_id == plan_id).order_by(PlanStep.position, PlanStep.id)
    with db.read_session() as session:
        return [to_record(step) for step in session.scalars(query)]


def add_step(db: Database, plan_id: int, text: str = "", **fields: object) -> int:
    """Add a step at the end of a plan; return its id."""
    _check(fields)
    with db.session() as session:
        last = session.scalar(select(func.max(PlanStep.position)).where(PlanStep.plan_id == plan_id))
        step = PlanStep(plan_id=plan_id, text=text, position=(last or 0) + 1, **fields)
        if step.done:
            step.done_at = _now()
        session.add(step)
        session.flush()
        return step.id


def update_step(db: Database, step_id: int, **fields: object) -> None:
    """Change some fields of a step; ticking it off records when."""
    _check(fields)
    with db.session() as session:
        step = session.get(PlanStep, step_id)
        if step is None:
            return
        if "done" in fields and bool(fields["done"]) != step.done:
            step.done_at = _now() if fields["done"] else None
        for name, value in fields.items():
            setattr(step, name, value)


def delete_step(db: Database, step_id: int) -> StepRecord | None:
    """Delete a step and hand back what it was, so the deletion can be undone."""
    with db.session() as session:
        step = session.get(PlanStep, step_id)
        if step is None:
            return None
        record = to_record(step)
        session.delete(step)
        return record


def restore_step(db: Database, record: StepRecord) -> None:
    """Put a deleted step back where it was (same id and position)."""
    with db.session() as session:
        if session.get(PlanStep, record.id) is not None:
            return
        session.add(
            PlanStep(
                id=record.id,
                plan_id=record.plan_id,
                text=record.text,
                tier=record.tier,
                due=record.due,
                done=record.done,
                done_at=_now() if record.done else None,
                notes=record.notes,
                position=record.position,
            )
        )


def reorder_steps(db: Database, ordered_ids: list[int]) -> None:
    """Store the user's order of steps."""
    store_order(db, PlanStep, ordered_ids)


def _check(fields: dict[str, object]) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not an editable step field: {', '.join(sorted(unknown))}")
