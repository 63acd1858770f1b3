"""Realistic sample data for ``bounceback --demo``: a job search in progress."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from desktop_app.core.choices import (
    COMPETENCIES,
    DebriefStatus,
    FailureTier,
    InterviewFormat,
    LessonKind,
    Outcome,
    PlanKind,
    PlanStatus,
)
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


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def fill_with_demo_data(db: Database, today: date | None = None) -> None:
    """Add sample interviews, a finished debrief of a rejection and a Plan B to ``db``."""
    today = today or date.today()
    rejected_id = create_interview(
        db,
        "Northwind Logistics",
        role="Senior Data Analyst",
        stage="Final round",
        scheduled_at=_at(today - timedelta(days=9), 14),
        format=InterviewFormat.ON_SITE,
        location="Harbour Street 12, 3rd floor",
        interviewers="Priya Raman (Head of Analytics), Tom Becker (Ops Director)",
        posting="Own the weekly operations dashboard; SQL, Python, stakeholder management.",
        notes="Panel of two. They asked a lot about stakeholder conflict.",
        outcome=Outcome.REJECTED,
    )
    create_interview(
        db,
        "Fabrikam Health",
        role="Analytics Engineer",
        stage="Phone screen",
        scheduled_at=_at(today - timedelta(days=3), 10, 30),
        format=InterviewFormat.PHONE,
        interviewers="Dana Okafor (Recruiter)",
        outcome=Outcome.MOVED_ON,
    )
    _add_debrief(db, rejected_id, today)
    upcoming_id = create_interview(
        db,
        "Contoso Energy",
        role="Data Analyst, Grid Planning",
        stage="Technical",
        scheduled_at=_at(today + timedelta(days=2), 9, 30),
        format=InterviewFormat.VIDEO,
        location="Video call (link in the invitation e-mail)",
        interviewers="Marta Silva, Jonas Weber",
        posting="Forecasting demand, SQL and Python, explaining results to engineers.",
        notes="Ask about the forecasting stack and team size.",
    )
    create_interview(
        db,
        "Fabrikam Health",
        role="Analytics Engineer",
        stage="Technical",
        scheduled_at=_at(today + timedelta(days=6), 15),
        format=InterviewFormat.VIDEO,
        interviewers="Lee Anders",
    )
    with db.session() as session:
        items = session.scalars(
            select(ChecklistItem).where(ChecklistItem.interview_id == upcoming_id).order_by(ChecklistItem.position)
        ).all()
        for item in items[:6]:
            item.done = True
            item.done_at = datetime.now().replace(microsecond=0)
    _add_plans(db, today, upcoming_id)


def _add_debrief(db: Database, interview_id: int, today: date) -> None:
    with db.session() as session:
        debrief = Debrief(
            interview_id=interview_id,
            status=DebriefStatus.COMPLETE,
            current_page=7,
            outcome=Outcome.REJECTED,
            planned_message="I can turn messy operations data into decisions people trust.",
            what_happened="Good start; the case study went well, but I rambled on the conflict question.",
            nerves=7,
            chances=6,
            feelings="Disappointed, but I learned what a final round there looks like.",
            in_control="My answer on stakeholder conflict; how I closed the interview.",
            not_in_control="An internal candidate also applied; the team was reorganised.",
            feedback_asked=True,
            feedback_received="Strong technically; they wanted more evidence of leading without authority.",
            completed_at=_at(today - timedelta(days=8), 18),
        )
        session.add(debrief)
        session.flush()
        session.add_all(
            [
                DebriefQuestion(
                    debrief_id=debrief.id,
                    position=0,
                    question="Tell us about a time you disagreed with a stakeholder.",
                    answer="The forecast dispute with sales; too long, no clear result.",
                    rating=2,
                    looking_for="Influence without authority and a concrete outcome.",
                ),
                DebriefQuestion(
                    debrief_id=debrief.id,
                    position=1,
                    question="Walk us through the case study.",
                    answer="Cleaned the data, built the cohort view, gave three recommendations.",
                    rating=4,
                    looking_for="Structured thinking and clear communication.",
                ),
            ]
        )
        for position, (competency, rating) in enumerate(zip(COMPETENCIES, (4, 2, 4, 3, 4, 3, 3, 2), strict=True)):
            session.add(
                CompetencyRating(debrief_id=debrief.id, position=position, competency=competency, rating=rating)
            )
        session.add_all(
            [
                Lesson(
                    debrief_id=debrief.id,
                    position=0,
                    kind=LessonKind.CHANGE,
                    text="Answer conflict questions in STAR form in under two minutes, ending with the result",
                    practice_task="Record two conflict stories and time them",
                    practice_due=today + timedelta(days=1),
                    carry_forward=True,
                ),
                Lesson(
                    debrief_id=debrief.id,
                    position=1,
                    kind=LessonKind.KEEP,
                    text="Open the case study with the question the business is asking",
                    carry_forward=True,
                ),
            ]
        )


def _add_plans(db: Database, today: date, interview_id: int) -> None:
    with db.session() as session:
        current = Plan(
            title="Data analyst in energy or logistics",
            kind=PlanKind.CURRENT,
            description="Keep applying for analyst roles where forecasting matters.",
            why="It uses what I am best at and the market is hiring.",
            status=PlanStatus.ACTIVE,
            resources=7,
            liking=7,
            confidence=6,
            coherence=8,
            position=0,
        )
        plan_b = Plan(
            title="Freelance dashboards for small firms",
            kind=PlanKind.VANISHED,
            description="Build and maintain reporting for two or three small businesses.",
            why="Independence, and I already built one for a friend's shop.",
            trigger_date=today + timedelta(days=60),
            trigger_condition="No offer after three more final rounds",
            status=PlanStatus.IDEA,
            resources=5,
            liking=8,
            confidence=5,
            coherence=7,
            position=1,
        )
        wild = Plan(
            title="Teach data literacy at a community college",
            kind=PlanKind.WILD_CARD,
            description="Evening courses first, full time later.",
            why="I light up when I explain things.",
            status=PlanStatus.IDEA,
            resources=3,
            liking=9,
            confidence=4,
            coherence=8,
            position=2,
        )
        session.add_all([current, plan_b, wild])
        session.flush()
        steps = [
            ("List ten small firms that could use a dashboard", FailureTier.OFTEN, 3, True),
            ("Draft a one-page offer with three price levels", FailureTier.FREQUENTLY, 7, False),
            ("Rehearse the pitch with a friend", FailureTier.OCCASIONALLY, 10, False),
            ("Pitch to the bakery owner on Market Street", FailureTier.RARELY, 14, False),
            ("Deliver the sample dashboard promised to Sam by Friday", FailureTier.NEVER, -1, False),
        ]
        for position, (text, tier, days, done) in enumerate(steps):
            session.add(
                PlanStep(
                    plan_id=plan_b.id,
                    text=text,
                    tier=tier,
                    due=today + timedelta(days=days),
                    done=done,
                    position=position,
                )
            )
        sam = Contact(
            name="Sam Whitfield",
            organisation="Whitfield Bakery",
            role="Owner",
            how_known="Former colleague's partner",
            how_they_help="First client; could introduce other shop owners",
            email="sam@example.org",
            last_contact=today - timedelta(days=12),
            next_follow_up=today + timedelta(days=2),
        )
        priya = Contact(
            name="Priya Raman",
            organisation="Northwind Logistics",
            role="Head of Analytics",
            how_known="Interviewed me for the final round",
            how_they_help="Offered to keep me in mind for future roles",
            last_contact=today - timedelta(days=8),
            next_follow_up=today + timedelta(days=30),
        )
        session.add_all([sam, priya])
        sam.plans.append(plan_b)
        priya.plans.append(current)
        upcoming = session.get(Interview, interview_id)
        if upcoming is not None:
            sam.interviews.append(upcoming)
        evidence = Evidence(
            achievement="Cut the weekly reporting time from six hours to forty minutes",
            proof="Thank-you e-mail from the operations director, March",
            achieved_on=today - timedelta(days=200),
            who_knows="My former manager; Priya has seen the case study",
        )
        evidence.plans.extend([current, plan_b])
        session.add(evidence)
