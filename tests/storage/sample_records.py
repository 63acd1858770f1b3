"""A data set that puts at least two rows in every table, with awkward text, for safety tests."""

from __future__ import annotations

from datetime import date, datetime

from desktop_app.storage.database import Database
from desktop_app.storage.models import (
    ChecklistItem,
    ChecklistTemplateItem,
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

AWKWARD = [
    "<b>bold?</b> & <i>not</i> &amp;",
    "Zoë Ångström — “quotes” ‘single’ 🙂 日本語",
    "line one\nline two\r\nline three\ttabbed",
    "   leading and trailing spaces   ",
    "",
    "\\ backslash \" quote ' apostrophe # heading * star _under_ [link](x) `code`",
]


def fill_every_table(db: Database, copies: int = 2) -> None:
    """Add ``copies`` interviews, debriefs, plans… linked to each other, in one session."""
    with db.session() as session:
        for n in range(copies):
            text = AWKWARD[n % len(AWKWARD)]
            interview = Interview(
                company=f"Acme {n} {AWKWARD[0]}",
                role=AWKWARD[1],
                stage="final",
                scheduled_at=datetime(2026, 11, 20 + n, 9, 30, 15),
                format="video" if n % 2 else None,
                location=AWKWARD[2],
                interviewers="Ms. Lee, Mr. Ode",
                posting=text,
                internal=bool(n % 2),
                notes=AWKWARD[5],
                outcome="rejected",
                created_at=datetime(2026, 1, 2, 3, 4, 5, 123456),
            )
            session.add(interview)
            session.flush()
            debrief = Debrief(
                interview_id=interview.id,
                status="complete",
                current_page=7,
                outcome="rejected",
                planned_message=AWKWARD[3],
                what_happened=AWKWARD[2],
                nerves=7,
                chances=None if n % 2 else 3,
                feelings=AWKWARD[1],
                in_control="prep",
                not_in_control="their budget",
                feedback_asked=True,
                feedback_received=AWKWARD[4],
                completed_at=datetime(2026, 11, 21, 18, 0, 0),
            )
            session.add(debrief)
            session.flush()
            session.add(DebriefQuestion(debrief_id=debrief.id, position=0, question="Why us?", answer="...", rating=4))
            session.add(CompetencyRating(debrief_id=debrief.id, position=0, competency="Rapport", rating=3, note=text))
            lesson = Lesson(
                debrief_id=debrief.id,
                position=0,
                kind="change",
                text=f"Slow down {n}",
                practice_task="mock interview",
                practice_due=date(2026, 12, 1),
                carry_forward=True,
            )
            session.add(lesson)
            session.flush()
            session.add(
                ChecklistItem(
                    interview_id=interview.id,
                    section="Research",
                    section_position=0,
                    text=AWKWARD[0],
                    done=True,
                    done_at=datetime(2026, 11, 19, 8, 0),
                    position=0,
                    due_offset_days=-7,
                    origin="lesson",
                    lesson_id=lesson.id,
                    origin_note="from Acme",
                )
            )
            plan = Plan(
                title=f"Plan {n} {AWKWARD[0]}",
                kind="wild_card",
                description=AWKWARD[2],
                why=AWKWARD[1],
                trigger_date=date(2027, 3, 1),
                trigger_condition="no offer by March",
                status="active",
                resources=0,
                liking=10,
                confidence=4,
                coherence=6,
                notes=text,
                position=n,
            )
            step = PlanStep(text="Call Sam", tier="never", due=date(2026, 12, 24), done=False, notes=AWKWARD[5])
            plan.steps.append(step)
            contact = Contact(
                name=f"Sam {n}",
                organisation="<script>alert(1)</script>",
                role="CTO",
                how_known="school",
                email="sam@example.org",
                last_contact=date(2026, 10, 1),
                next_follow_up=None,
            )
            contact.plans.append(plan)
            contact.interviews.append(interview)
            evidence = Evidence(achievement=AWKWARD[1], proof="mail", achieved_on=None, who_knows="boss", position=n)
            evidence.plans.append(plan)
            session.add_all([plan, contact, evidence])
            session.add(ChecklistTemplateItem(section="Mine", text=f"My own item {n} {text}", position=100 + n))
