"""Every model round-trips through the real SQLite file, links and cascades included."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from desktop_app.storage.database import Database
from desktop_app.storage.interviews import create_interview
from desktop_app.storage.models import (
    ChecklistItem,
    CompetencyRating,
    Contact,
    Debrief,
    DebriefQuestion,
    Evidence,
    Interview,
    Lesson,
    Plan,
    PlanStep,
)


def test_whole_domain_round_trips(db: Database) -> None:
    when = datetime(2026, 12, 1, 9, 30)
    interview_id = create_interview(db, "Acme 🚀", role="Analyst", scheduled_at=when, notes="مرحبا <b>x</b>")
    with db.session() as session:
        debrief = Debrief(interview_id=interview_id, nerves=7, chances=4, feelings="Tired but ok")
        session.add(debrief)
        session.flush()
        session.add_all(
            [
                DebriefQuestion(debrief_id=debrief.id, question="Why us?", rating=3),
                CompetencyRating(debrief_id=debrief.id, competency="Listening", rating=4, note="ok"),
                Lesson(debrief_id=debrief.id, text="Pause before answering", carry_forward=True),
            ]
        )
        plan = Plan(title="Plan B", trigger_date=date(2027, 3, 1), resources=3, liking=9, confidence=4, coherence=8)
        plan.steps.append(PlanStep(text="Call Sam", tier="never", due=date(2026, 12, 5)))
        contact = Contact(name="Sam", next_follow_up=date(2026, 12, 2))
        contact.plans.append(plan)
        contact.interviews.append(session.get(Interview, interview_id))
        evidence = Evidence(achievement="Shipped the report", achieved_on=date(2026, 1, 5))
        evidence.plans.append(plan)
        session.add_all([plan, contact, evidence])

    with db.read_session() as session:
        interview = session.get(Interview, interview_id)
        assert (interview.company, interview.scheduled_at, interview.notes) == ("Acme 🚀", when, "مرحبا <b>x</b>")
        assert len(interview.checklist) == 20
        assert interview.created_at is not None and interview.updated_at is not None
        assert interview.debrief.questions[0].question == "Why us?"
        assert interview.debrief.ratings[0].competency == "Listening"
        assert interview.debrief.lessons[0].carry_forward is True
        plan = session.scalars(select(Plan)).one()
        assert plan.steps[0].tier == "never"
        assert plan.contacts[0].interviews[0].id == interview_id
        assert plan.evidence[0].achievement == "Shipped the report"


def test_deleting_an_interview_removes_its_checklist_and_debrief(db: Database) -> None:
    interview_id = create_interview(db, "Gone Ltd")
    with db.session() as session:
        session.add(Debrief(interview_id=interview_id))
    with db.session() as session:
        session.delete(session.get(Interview, interview_id))
    with db.read_session() as session:
        assert session.query(ChecklistItem).count() == 0
        assert session.query(Debrief).count() == 0


def test_carried_lessons_reach_new_checklists(db: Database) -> None:
    first = create_interview(db, "First Co", role="Analyst", scheduled_at=datetime(2026, 10, 1, 10))
    with db.session() as session:
        debrief = Debrief(interview_id=first, status="complete", completed_at=datetime(2026, 10, 2))
        session.add(debrief)
        session.flush()
        session.add_all(
            [
                Lesson(debrief_id=debrief.id, text="Bring printed CV", carry_forward=True),
                Lesson(debrief_id=debrief.id, text="Not carried", carry_forward=False),
            ]
        )
    second = create_interview(db, "Second Co")
    with db.read_session() as session:
        lessons = session.scalars(
            select(ChecklistItem).where(ChecklistItem.interview_id == second, ChecklistItem.origin == "lesson")
        ).all()
    assert [(item.text, item.origin_note) for item in lessons] == [
        ("Bring printed CV", "First Co – Analyst (2026-10-01)")
    ]
