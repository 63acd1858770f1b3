"""Plain records for the Plan B tab: plans, their steps, contacts and evidence.

Repositories in ``desktop_app.storage`` return these; the UI and the printed
document read them. No SQLAlchemy, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.core.choices import FailureTier, PlanKind, PlanStatus


@dataclass(frozen=True)
class PlanRecord:
    """Everything stored about one plan, without its steps and links."""

    id: int
    title: str
    kind: str = PlanKind.OTHER
    description: str = ""
    why: str = ""
    trigger_date: date | None = None
    trigger_condition: str = ""
    status: str = PlanStatus.IDEA
    resources: int = 5
    liking: int = 5
    confidence: int = 5
    coherence: int = 5
    notes: str = ""
    position: int = 0


@dataclass(frozen=True)
class StepRecord:
    """One step of a plan."""

    id: int
    plan_id: int
    text: str = ""
    tier: str = FailureTier.OFTEN
    due: date | None = None
    done: bool = False
    notes: str = ""
    position: int = 0


@dataclass(frozen=True)
class ContactRecord:
    """A person in the user's network and what they are linked to."""

    id: int
    name: str
    organisation: str = ""
    role: str = ""
    how_known: str = ""
    how_they_help: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""
    last_contact: date | None = None
    next_follow_up: date | None = None
    plan_ids: tuple[int, ...] = ()
    interview_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class EvidenceRecord:
    """Evidence of the user's work: what they achieved, the proof, and who knows."""

    id: int
    achievement: str
    proof: str = ""
    achieved_on: date | None = None
    who_knows: str = ""
    position: int = 0
    plan_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class PlanPrintout:
    """One plan with everything its printed page shows."""

    plan: PlanRecord
    steps: tuple[StepRecord, ...] = ()
    contacts: tuple[ContactRecord, ...] = ()
    evidence: tuple[EvidenceRecord, ...] = ()
