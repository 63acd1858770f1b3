"""Repository for interviews and their checklists."""

from __future__ import annotations

from sqlalchemy import case, delete, func, select

from desktop_app.core.checklist_rules import lesson_item_text, lesson_source
from desktop_app.core.choices import CHECKLIST_SECTIONS, LESSONS_SECTION, DebriefStatus, ItemOrigin
from desktop_app.core.prepare_records import EDITABLE_INTERVIEW_FIELDS, InterviewDetail
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
    position = 0
    for lesson, company, role, when in lessons:
        text = lesson_item_text(lesson.text, lesson.practice_task)
        if text is None:
            continue
        session.add(
            ChecklistItem(
                interview_id=interview.id,
                section=LESSONS_SECTION,
                section_position=section_position(LESSONS_SECTION),
                text=text,
                position=position,
                origin=ItemOrigin.LESSON,
                lesson_id=lesson.id,
                origin_note=lesson_source(company, role, when),
                due_offset_days=-1,
            )
        )
        position += 1


DEFAULT_STAGES: tuple[str, ...] = (
    "Phone screen",
    "Recruiter call",
    "Technical",
    "Take-home task",
    "Panel",
    "On site",
    "Final",
    "Internal posting",
)


def _detail(interview: Interview) -> InterviewDetail:
    return InterviewDetail(
        id=interview.id,
        company=interview.company,
        role=interview.role,
        stage=interview.stage,
        scheduled_at=interview.scheduled_at,
        format=interview.format,
        location=interview.location,
        interviewers=interview.interviewers,
        posting=interview.posting,
        internal=interview.internal,
        notes=interview.notes,
        outcome=interview.outcome,
    )


def get_interview(db: Database, interview_id: int) -> InterviewDetail | None:
    with db.read_session() as session:
        interview = session.get(Interview, interview_id)
        return None if interview is None else _detail(interview)


def update_interview(db: Database, interview_id: int, **fields: object) -> None:
    """Change some fields of one interview; unknown field names are a programming error."""
    unknown = set(fields) - EDITABLE_INTERVIEW_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with db.session() as session:
        interview = session.get(Interview, interview_id)
        if interview is None:
            return
        for name, value in fields.items():
            setattr(interview, name, value)


def count_checklist_items(db: Database, interview_id: int) -> int:
    query = select(func.count()).select_from(ChecklistItem).where(ChecklistItem.interview_id == interview_id)
    with db.read_session() as session:
        return int(session.scalar(query) or 0)


def delete_interview(db: Database, interview_id: int) -> int:
    """Delete an interview with its checklist and debrief; return how many checklist items went."""
    with db.session() as session:
        count = session.scalar(
            select(func.count()).select_from(ChecklistItem).where(ChecklistItem.interview_id == interview_id)
        )
        session.execute(delete(Interview).where(Interview.id == interview_id))
        return int(count or 0)


def duplicate_interview(db: Database, interview_id: int) -> int:
    """A new interview for the next round: same company, role and details, no date yet, a fresh checklist."""
    source = get_interview(db, interview_id)
    if source is None:
        raise LookupError(interview_id)
    return create_interview(
        db,
        source.company,
        role=source.role,
        stage="",
        format=source.format,
        location=source.location,
        interviewers=source.interviewers,
        posting=source.posting,
        internal=source.internal,
        notes=source.notes,
    )


def stage_suggestions(db: Database) -> list[str]:
    """The usual stages, then every other stage the user has typed before."""
    with db.read_session() as session:
        used = session.scalars(select(Interview.stage).where(Interview.stage != "").distinct()).all()
    known = {stage.casefold() for stage in DEFAULT_STAGES}
    extra = sorted({stage for stage in used if stage.casefold() not in known}, key=str.casefold)
    return [*DEFAULT_STAGES, *extra]
