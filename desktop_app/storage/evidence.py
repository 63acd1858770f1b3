"""Repository for evidence of the user's work, linked to plans."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from desktop_app.core.plan_records import EvidenceRecord
from desktop_app.storage.database import Database
from desktop_app.storage.models import Evidence, Plan
from desktop_app.storage.ordering import store_order

EDITABLE_FIELDS = frozenset({"achievement", "proof", "achieved_on", "who_knows"})


def to_record(entry: Evidence) -> EvidenceRecord:
    return EvidenceRecord(
        id=entry.id,
        achievement=entry.achievement,
        proof=entry.proof,
        achieved_on=entry.achieved_on,
        who_knows=entry.who_knows,
        position=entry.position,
        plan_ids=tuple(sorted(plan.id for plan in entry.plans)),
    )


def _query():  # type: ignore[no-untyped-def]
    return select(Evidence).options(selectinload(Evidence.plans)).order_by(Evidence.position, Evidence.id)


def list_evidence(db: Database) -> list[EvidenceRecord]:
    """Every entry in the user's order."""
    with db.read_session() as session:
        return [to_record(entry) for entry in session.scalars(_query())]


def evidence_for_plan(db: Database, plan_id: int) -> list[EvidenceRecord]:
    with db.read_session() as session:
        entries = session.scalars(_query().where(Evidence.plans.any(Plan.id == plan_id)))
        return [to_record(entry) for entry in entries]


def create_evidence(db: Database, achievement: str, **fields: object) -> int:
    _check(fields)
    with db.session() as session:
        last = session.scalar(select(func.max(Evidence.position))) or 0
        entry = Evidence(achievement=achievement, position=last + 1, **fields)
        session.add(entry)
        session.flush()
        return entry.id


def update_evidence(db: Database, evidence_id: int, **fields: object) -> None:
    _check(fields)
    with db.session() as session:
        entry = session.get(Evidence, evidence_id)
        if entry is None:
            return
        for name, value in fields.items():
            setattr(entry, name, value)


def delete_evidence(db: Database, evidence_id: int) -> None:
    with db.session() as session:
        entry = session.get(Evidence, evidence_id)
        if entry is not None:
            session.delete(entry)


def set_evidence_plans(db: Database, evidence_id: int, plan_ids: list[int]) -> None:
    """Link an entry to exactly these plans."""
    with db.session() as session:
        entry = session.get(Evidence, evidence_id)
        if entry is None:
            return
        plans = session.scalars(select(Plan).where(Plan.id.in_(plan_ids))).all() if plan_ids else []
        entry.plans = list(plans)


def reorder_evidence(db: Database, ordered_ids: list[int]) -> None:
    """Store the user's order of entries."""
    store_order(db, Evidence, ordered_ids)


def _check(fields: dict[str, object]) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not an editable evidence field: {', '.join(sorted(unknown))}")
