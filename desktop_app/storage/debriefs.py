"""Repository for debriefs: the list, one debrief's draft, and writing it field by field.

Every function opens its own short session and hands back plain records from
``desktop_app.core``. The wizard writes one field (or one list of rows) at a time,
so a crash loses at most the change still waiting in the autosaver.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.core.choices import COMPETENCIES, DebriefStatus
from desktop_app.core.debrief_flow import REJECTIONS
from desktop_app.core.debrief_records import (
    SCALAR_FIELDS,
    DebriefDraft,
    EffortCounts,
    InterviewChoice,
    LessonEntry,
    QuestionEntry,
    RatingEntry,
)
from desktop_app.core.records import DebriefSummary
from desktop_app.storage.database import Database
from desktop_app.storage.models import CompetencyRating, Debrief, DebriefQuestion, Interview, Lesson


def list_debrief_summaries(db: Database) -> list[DebriefSummary]:
    """Every debrief with its interview, drafts first, then most recently changed."""
    query = (
        select(
            Debrief.id,
            Debrief.interview_id,
            Interview.company,
            Interview.role,
            Interview.scheduled_at,
            Debrief.outcome,
            Debrief.status,
            Debrief.current_page,
            Debrief.updated_at,
        )
        .join(Interview, Debrief.interview_id == Interview.id)
        .order_by((Debrief.status == "draft").desc(), Debrief.updated_at.desc(), Debrief.id.desc())
    )
    with db.read_session() as session:
        return [DebriefSummary(*row) for row in session.execute(query)]


def _choice(interview: Interview, debrief_id: int | None, debrief_status: str | None = None) -> InterviewChoice:
    return InterviewChoice(
        id=interview.id,
        company=interview.company,
        role=interview.role,
        scheduled_at=interview.scheduled_at,
        interviewers=interview.interviewers,
        outcome=interview.outcome,
        debrief_id=debrief_id,
        debrief_complete=debrief_status == DebriefStatus.COMPLETE,
    )


def list_interview_choices(db: Database) -> list[InterviewChoice]:
    """Every interview to debrief, most recent first, saying which already have a debrief."""
    query = (
        select(Interview, Debrief.id, Debrief.status)
        .outerjoin(Debrief, Debrief.interview_id == Interview.id)
        .order_by(Interview.scheduled_at.is_(None), Interview.scheduled_at.desc(), Interview.id.desc())
    )
    with db.read_session() as session:
        return [_choice(*row) for row in session.execute(query)]


def debrief_id_for_interview(db: Database, interview_id: int) -> int | None:
    with db.read_session() as session:
        return session.scalar(select(Debrief.id).where(Debrief.interview_id == interview_id))


def open_or_create_debrief(db: Database, interview_id: int, outcome: str | None = None) -> int:
    """The debrief of this interview: the existing one (one per interview) or a new draft.

    A new draft starts with the interview's outcome (or ``outcome``) and one unrated
    row for each standard competency.
    """
    with db.session() as session:
        existing = session.scalar(select(Debrief.id).where(Debrief.interview_id == interview_id))
        if existing is not None:
            return existing
        interview = session.get(Interview, interview_id)
        if interview is None:
            raise LookupError(f"no interview with id {interview_id}")
        if outcome is not None:
            interview.outcome = outcome
        debrief = Debrief(interview_id=interview_id, status=DebriefStatus.DRAFT, outcome=interview.outcome)
        session.add(debrief)
        session.flush()
        for position, competency in enumerate(COMPETENCIES):
            session.add(CompetencyRating(debrief_id=debrief.id, position=position, competency=competency))
        return debrief.id


def load_debrief(db: Database, debrief_id: int) -> DebriefDraft:
    with db.read_session() as session:
        debrief = session.get(Debrief, debrief_id)
        if debrief is None:
            raise LookupError(f"no debrief with id {debrief_id}")
        return DebriefDraft(
            id=debrief.id,
            interview=_choice(debrief.interview, debrief.id, debrief.status),
            status=debrief.status,
            completed_at=debrief.completed_at,
            updated_at=debrief.updated_at,
            questions=[QuestionEntry(q.question, q.answer, q.rating, q.looking_for) for q in debrief.questions],
            ratings=[RatingEntry(r.competency, r.custom, r.rating, r.note) for r in debrief.ratings],
            lessons=[
                LessonEntry(lesson.kind, lesson.text, lesson.practice_task, lesson.practice_due, lesson.carry_forward)
                for lesson in debrief.lessons
            ],
            **{name: getattr(debrief, name) for name in SCALAR_FIELDS},
        )


def update_fields(db: Database, debrief_id: int, **fields: object) -> None:
    """Write some of the debrief's own fields; a new outcome is also the interview's outcome."""
    unknown = set(fields) - set(SCALAR_FIELDS)
    if unknown:
        raise ValueError(f"not debrief fields: {sorted(unknown)}")
    with db.session() as session:
        debrief = _get(session, debrief_id)
        for name, value in fields.items():
            setattr(debrief, name, value)
        if "outcome" in fields:
            debrief.interview.outcome = str(fields["outcome"])


def _get(session: Session, debrief_id: int) -> Debrief:
    debrief = session.get(Debrief, debrief_id)
    if debrief is None:
        raise LookupError(f"no debrief with id {debrief_id}")
    return debrief


def _sync_rows(session: Session, rows: Sequence[object], model: type, debrief_id: int, values: list[dict]) -> None:
    """Make the stored rows match ``values`` position by position, keeping the ids of rows that stay."""
    for position, value in enumerate(values):
        if position < len(rows):
            row = rows[position]
            for name, field_value in value.items():
                if getattr(row, name) != field_value:
                    setattr(row, name, field_value)
            if row.position != position:  # type: ignore[attr-defined]
                row.position = position  # type: ignore[attr-defined]
        else:
            session.add(model(debrief_id=debrief_id, position=position, **value))
    for row in rows[len(values) :]:
        session.delete(row)
    session.get(Debrief, debrief_id).updated_at = datetime.now().replace(microsecond=0)  # type: ignore[union-attr]


def replace_questions(db: Database, debrief_id: int, questions: Sequence[QuestionEntry]) -> None:
    values = [
        {"question": q.question, "answer": q.answer, "rating": q.rating, "looking_for": q.looking_for}
        for q in questions
    ]
    with db.session() as session:
        _sync_rows(session, _get(session, debrief_id).questions, DebriefQuestion, debrief_id, values)


def replace_ratings(db: Database, debrief_id: int, ratings: Sequence[RatingEntry]) -> None:
    values = [{"competency": r.competency, "custom": r.custom, "rating": r.rating, "note": r.note} for r in ratings]
    with db.session() as session:
        _sync_rows(session, _get(session, debrief_id).ratings, CompetencyRating, debrief_id, values)


def replace_lessons(db: Database, debrief_id: int, lessons: Sequence[LessonEntry]) -> None:
    """Store the lessons in order; rows that stay keep their id, so checklist links survive edits."""
    values = [
        {
            "kind": lesson.kind,
            "text": lesson.text,
            "practice_task": lesson.practice_task,
            "practice_due": lesson.practice_due,
            "carry_forward": lesson.carry_forward,
        }
        for lesson in lessons
    ]
    with db.session() as session:
        _sync_rows(session, _get(session, debrief_id).lessons, Lesson, debrief_id, values)


def complete_debrief(db: Database, debrief_id: int, now: datetime | None = None) -> None:
    """Mark the debrief complete; the first completion time is kept when it is finished again."""
    with db.session() as session:
        debrief = _get(session, debrief_id)
        debrief.status = DebriefStatus.COMPLETE
        if debrief.completed_at is None:
            debrief.completed_at = (now or datetime.now()).replace(microsecond=0)
        debrief.updated_at = datetime.now().replace(microsecond=0)


def discard_debrief(db: Database, debrief_id: int) -> None:
    """Delete a debrief with its questions, ratings and lessons (the interview stays)."""
    with db.session() as session:
        session.execute(delete(Debrief).where(Debrief.id == debrief_id))


def effort_counts(db: Database, now: datetime | None = None, including: int | None = None) -> EffortCounts:
    """Interviews that have taken place (dated up to now) and how many ended in a rejection.

    ``including`` is the interview being debriefed: it has taken place, dated or not.
    """
    now = now or datetime.now()
    happened = or_(Interview.scheduled_at <= now, Interview.id == including)
    with db.read_session() as session:
        done = session.scalar(select(func.count()).select_from(Interview).where(happened)) or 0
        rejected = (
            session.scalar(
                select(func.count()).select_from(Interview).where(happened, Interview.outcome.in_(list(REJECTIONS)))
            )
            or 0
        )
    return EffortCounts(done, rejected)
