"""Repository for the user's network: contacts, their links to plans and interviews, follow-ups."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop_app.core.plan_records import ContactRecord
from desktop_app.storage.database import Database
from desktop_app.storage.models import Contact, Interview, Plan

EDITABLE_FIELDS = frozenset(
    {
        "name",
        "organisation",
        "role",
        "how_known",
        "how_they_help",
        "email",
        "phone",
        "notes",
        "last_contact",
        "next_follow_up",
    }
)


def to_record(contact: Contact) -> ContactRecord:
    return ContactRecord(
        id=contact.id,
        name=contact.name,
        organisation=contact.organisation,
        role=contact.role,
        how_known=contact.how_known,
        how_they_help=contact.how_they_help,
        email=contact.email,
        phone=contact.phone,
        notes=contact.notes,
        last_contact=contact.last_contact,
        next_follow_up=contact.next_follow_up,
        plan_ids=tuple(sorted(plan.id for plan in contact.plans)),
        interview_ids=tuple(sorted(interview.id for interview in contact.interviews)),
    )


def _query():  # type: ignore[no-untyped-def]
    return select(Contact).options(selectinload(Contact.plans), selectinload(Contact.interviews))


def list_contacts(db: Database) -> list[ContactRecord]:
    """Every contact, by name regardless of case ("ann" before "Bob")."""
    with db.read_session() as session:
        records = [to_record(contact) for contact in session.scalars(_query())]
    return sorted(records, key=lambda c: (c.name.casefold(), c.id))


def get_contact(db: Database, contact_id: int) -> ContactRecord | None:
    with db.read_session() as session:
        contact = session.scalars(_query().where(Contact.id == contact_id)).first()
        return None if contact is None else to_record(contact)


def contacts_for_plan(db: Database, plan_id: int) -> list[ContactRecord]:
    """The contacts linked to one plan, next follow-up first."""
    query = _query().where(Contact.plans.any(Plan.id == plan_id))
    with db.read_session() as session:
        records = [to_record(contact) for contact in session.scalars(query)]
    return sorted(records, key=lambda c: (c.next_follow_up is None, c.next_follow_up or date.max, c.name))


def create_contact(db: Database, name: str, **fields: object) -> int:
    _check(fields)
    with db.session() as session:
        contact = Contact(name=name, **fields)
        session.add(contact)
        session.flush()
        return contact.id


def update_contact(db: Database, contact_id: int, **fields: object) -> None:
    _check(fields)
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            return
        for name, value in fields.items():
            setattr(contact, name, value)


def delete_contact(db: Database, contact_id: int) -> None:
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        if contact is not None:
            session.delete(contact)


def set_contact_plans(db: Database, contact_id: int, plan_ids: list[int]) -> None:
    """Link a contact to exactly these plans."""
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            return
        plans = session.scalars(select(Plan).where(Plan.id.in_(plan_ids))).all() if plan_ids else []
        contact.plans = list(plans)


def set_contact_interviews(db: Database, contact_id: int, interview_ids: list[int]) -> None:
    """Link a contact to exactly these interviews."""
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            return
        found = session.scalars(select(Interview).where(Interview.id.in_(interview_ids))).all() if interview_ids else []
        contact.interviews = list(found)


def mark_contacted(db: Database, contact_id: int, today: date, next_follow_up: date | None) -> None:
    """Record a contact made today and, if the user chose one, the next follow-up."""
    update_contact(db, contact_id, last_contact=today, next_follow_up=next_follow_up)


def _check(fields: dict[str, object]) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not an editable contact field: {', '.join(sorted(unknown))}")
