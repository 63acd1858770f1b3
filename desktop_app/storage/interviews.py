"""Repository for interviews and their checklists."""

from __future__ import annotations

from sqlalchemy import case, func, select

from desktop_app.core.choices import CHECKLIST_SECTIONS, LESSONS_SECTION, DebriefStatus, ItemOrigin
from desktop_app.core.records import InterviewSummary
from desktop_app.storage.database import Database
from desktop_app.storage.models import ChecklistItem, ChecklistTemplateItem, Debrief, Interview, Lesson


def list_interview_summaries(db: Database) -> list[InterviewSummary]:
    """Every interview with its checklist progress, in id order (the UI sorts)."""
    progress = (
        select(
            ChecklistItem.interview_id,
            func.count().label("item_count"),
            func.sum(case((ChecklistItem.done, 1), else_=0)).label("done"),
        )
        .group_by(ChecklistItem.interview_id)
        .subquery()
    )
    query = (
        select(
            Interview.id,
            Interview.company,
            Interview.role,
            Interview.stage,
            Interview.scheduled_at,
            Interview.outcome,
            Interview.notes,
            func.coalesce(progress.c.done, 0),
            func.coalesce(progress.c.item_count, 0),
        )
        .outerjoin(progress, progress.c.interview_id == Interview.id)
        .order_by(Interview.id)
    )
    with db.read_session() as session:
        return [InterviewSummary(*row) for row in session.execute(query)]


def section_position(section: str) -> int:
    """Where a section sits in a checklist: the standard ones in order, lessons last."""
    if section in CHECKLIST_SECTIONS:
        return CHECKLIST_SECTIONS.index(section)
    if section == LESSONS_SECTION:
        return len(CHECKLIST_SECTIONS) + 1
    return len(CHECKLIST_SECTIONS)


def create_interview(db: Database, company: str, **fields: object) -> int:
    """Add an interview whose checklist comes from the template plus carried-forward lessons."""
    with db.session() as session:
        interview = Interview(company=company, **fields)
        session.add(interview)
        session.flush()
        _fill_checklist(session, interview)
        return interview.id


def _fill_checklist(session, interview: Interview) -> None:  # type: ignore[no-untyped-def]
    template = session.scalars(select(ChecklistTemplateItem).order_by(ChecklistTemplateItem.position))
    for position, entry in enumerate(template):
        session.add(
            ChecklistItem(
                interview_id=interview.id,
                section=entry.section,
                section_position=section_position(entry.section),
                text=entry.text,
                due_offset_days=entry.due_offset_days,
                position=position,
                origin=ItemOrigin.TEMPLATE,
            )
        )
    lessons = session.execute(
        select(Lesson, Interview.company, Interview.role, Interview.scheduled_at)
        .join(Debrief, Lesson.debrief_id == Debrief.id)
        .join(Interview, Debrief.interview_id == Interview.id)
        .where(Lesson.carry_forward, Debrief.status == DebriefStatus.COMPLETE, Interview.id != interview.id)
        .order_by(Debrief.completed_at, Lesson.position)
    )
    for position, (lesson, company, role, when) in enumerate(lessons):
        source = company if not role else f"{company} – {role}"
        if when is not None:
            source = f"{source} ({when:%Y-%m-%d})"
        session.add(
            ChecklistItem(
                interview_id=interview.id,
                section=LESSONS_SECTION,
                section_position=section_position(LESSONS_SECTION),
                text=lesson.text,
                position=position,
                origin=ItemOrigin.LESSON,
                lesson_id=lesson.id,
                origin_note=source,
                due_offset_days=-1,
            )
        )
