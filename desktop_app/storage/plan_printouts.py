"""Everything a printed plan shows, read in one short session per call."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop_app.core.plan_records import PlanPrintout
from desktop_app.storage import contacts, evidence, plan_steps, plans
from desktop_app.storage.database import Database
from desktop_app.storage.models import Contact, Evidence, Plan


def load_printouts(db: Database, plan_id: int | None = None) -> list[PlanPrintout]:
    """One plan (``plan_id``) or every plan in the user's order, ready to print."""
    query = (
        select(Plan)
        .options(
            selectinload(Plan.steps),
            selectinload(Plan.contacts).selectinload(Contact.plans),
            selectinload(Plan.contacts).selectinload(Contact.interviews),
            selectinload(Plan.evidence).selectinload(Evidence.plans),
        )
        .order_by(Plan.position, Plan.id)
    )
    if plan_id is not None:
        query = query.where(Plan.id == plan_id)
    with db.read_session() as session:
        return [
            PlanPrintout(
                plan=plans.to_record(plan),
                steps=tuple(plan_steps.to_record(step) for step in plan.steps),
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
