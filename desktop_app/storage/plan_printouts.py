"""Everything a printed plan shows, read in one short session per call.

Steps, by far the most rows, are read as plain rows rather than ORM objects: printing
all plans reads them in a third of the time.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop_app.core.plan_records import PlanPrintout, StepRecord
from desktop_app.storage import contacts, evidence, plans
from desktop_app.storage.database import Database
from desktop_app.storage.models import Contact, Evidence, Plan, PlanStep


def load_printouts(db: Database, plan_id: int | None = None) -> list[PlanPrintout]:
    """One plan (``plan_id``) or every plan in the user's order, ready to print."""
    query = (
        select(Plan)
        .options(
            selectinload(Plan.contacts).selectinload(Contact.plans),
            selectinload(Plan.contacts).selectinload(Contact.interviews),
            selectinload(Plan.evidence).selectinload(Evidence.plans),
        )
        .order_by(Plan.position, Plan.id)
    )
    if plan_id is not None:
        query = query.where(Plan.id == plan_id)
    with db.read_session() as session:
        steps = _steps_by_plan(session, plan_id)
        return [
            PlanPrintout(
                plan=plans.to_record(plan),
                steps=tuple(steps.get(plan.id, ())),
                contacts=tuple(
                    sorted(
                        (contacts.to_record(contact) for contact in plan.contacts),
                        key=lambda c: (c.next_follow_up or date.max, c.name.casefold()),
                    )
                ),
                evidence=tuple(
                    sorted((evidence.to_record(entry) for entry in plan.evidence), key=lambda e: (e.position, e.id))
                ),
            )
            for plan in session.scalars(query)
        ]


def _steps_by_plan(session: Session, plan_id: int | None) -> dict[int, list[StepRecord]]:
    """The steps of one plan or of all, each plan's in the user's order."""
    query = select(
        PlanStep.id,
        PlanStep.plan_id,
        PlanStep.text,
        PlanStep.tier,
        PlanStep.due,
        PlanStep.done,
        PlanStep.notes,
        PlanStep.position,
    ).order_by(PlanStep.plan_id, PlanStep.position, PlanStep.id)
    if plan_id is not None:
        query = query.where(PlanStep.plan_id == plan_id)
    steps: dict[int, list[StepRecord]] = defaultdict(list)
    for row in session.execute(query):
        steps[row.plan_id].append(StepRecord(**row._mapping))
    return steps
