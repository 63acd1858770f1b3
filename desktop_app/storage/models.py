"""SQLAlchemy 2.x typed models for every table Bounceback stores.

The schema follows the domain model in the design notes: interviews with their
checklists, the checklist template, debriefs with questions, ratings and lessons,
plans with steps, contacts linked to plans and interviews, and evidence of work.
Every table carries ``created_at`` and ``updated_at``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(DateTime, default=_now, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=_now, onupdate=_now, server_default=func.current_timestamp()
    )


def _link_table(name: str, left: tuple[str, str], right: tuple[str, str]) -> Table:
    """A many-to-many link; ``left`` and ``right`` are (column prefix, table name)."""
    return Table(
        name,
        Base.metadata,
        Column(f"{left[0]}_id", ForeignKey(f"{left[1]}.id", ondelete="CASCADE"), primary_key=True),
        Column(f"{right[0]}_id", ForeignKey(f"{right[1]}.id", ondelete="CASCADE"), primary_key=True),
        Column("created_at", DateTime, nullable=False, server_default=func.current_timestamp()),
        Column("updated_at", DateTime, nullable=False, server_default=func.current_timestamp()),
    )


contact_plans = _link_table("contact_plans", ("contact", "contacts"), ("plan", "plans"))
contact_interviews = _link_table("contact_interviews", ("contact", "contacts"), ("interview", "interviews"))
evidence_plans = _link_table("evidence_plans", ("evidence", "evidence"), ("plan", "plans"))
Index("ix_contact_plans_plan_id", contact_plans.c.plan_id)
Index("ix_contact_interviews_interview_id", contact_interviews.c.interview_id)
Index("ix_evidence_plans_plan_id", evidence_plans.c.plan_id)


class Interview(Timestamped, Base):
    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    company: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    stage: Mapped[str] = mapped_column(String(100), default="")
    scheduled_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    format: Mapped[str | None] = mapped_column(String(20))
    location: Mapped[str] = mapped_column(Text, default="")
    interviewers: Mapped[str] = mapped_column(Text, default="")
    posting: Mapped[str] = mapped_column(Text, default="")
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(20), default="waiting")

    checklist: Mapped[list[ChecklistItem]] = relationship(
        back_populates="interview",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(ChecklistItem.section_position, ChecklistItem.position)",
    )
    debrief: Mapped[Debrief | None] = relationship(
        back_populates="interview", cascade="all, delete-orphan", passive_deletes=True
    )


class ChecklistTemplateItem(Timestamped, Base):
    __tablename__ = "checklist_template_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    section: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    due_offset_days: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ChecklistItem(Timestamped, Base):
    __tablename__ = "checklist_items"
    __table_args__ = (Index("ix_checklist_items_interview_order", "interview_id", "section_position", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"))
    section: Mapped[str] = mapped_column(String(100))
    section_position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    position: Mapped[int] = mapped_column(Integer, default=0)
    due_offset_days: Mapped[int | None] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(20), default="user")
    lesson_id: Mapped[int | None] = mapped_column(ForeignKey("lessons.id", ondelete="SET NULL"), index=True)
    origin_note: Mapped[str] = mapped_column(Text, default="")

    interview: Mapped[Interview] = relationship(back_populates="checklist")


class Debrief(Timestamped, Base):
    __tablename__ = "debriefs"
    __table_args__ = (
        CheckConstraint("nerves IS NULL OR nerves BETWEEN 1 AND 10", name="nerves_range"),
        CheckConstraint("chances IS NULL OR chances BETWEEN 1 AND 10", name="chances_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    current_page: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(20), default="waiting")
    planned_message: Mapped[str] = mapped_column(Text, default="")
    what_happened: Mapped[str] = mapped_column(Text, default="")
    nerves: Mapped[int | None] = mapped_column(Integer)
    chances: Mapped[int | None] = mapped_column(Integer)
    feelings: Mapped[str] = mapped_column(Text, default="")
    in_control: Mapped[str] = mapped_column(Text, default="")
    not_in_control: Mapped[str] = mapped_column(Text, default="")
    feedback_asked: Mapped[bool] = mapped_column(Boolean, default=False)
    feedback_received: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)

    interview: Mapped[Interview] = relationship(back_populates="debrief")
    questions: Mapped[list[DebriefQuestion]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="DebriefQuestion.position"
    )
    ratings: Mapped[list[CompetencyRating]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="CompetencyRating.position"
    )
    lessons: Mapped[list[Lesson]] = relationship(
        back_populates="debrief", cascade="all, delete-orphan", passive_deletes=True, order_by="Lesson.position"
    )


class DebriefQuestion(Timestamped, Base):
    __tablename__ = "debrief_questions"
    __table_args__ = (CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    debrief_id: Mapped[int] = mapped_column(ForeignKey("debriefs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    question: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[int | None] = mapped_column(Integer)
    looking_for: Mapped[str] = mapped_column(Text, default="")


class CompetencyRating(Timestamped, Base):
    __tablename__ = "competency_ratings"
    __table_args__ = (CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    debrief_id: Mapped[int] = mapped_column(ForeignKey("debriefs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    competency: Mapped[str] = mapped_column(String(200))
    custom: Mapped[bool] = mapped_column(Boolean, default=False)
    rating: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")


class Lesson(Timestamped, Base):
    __tablename__ = "lessons"

    id: Mapped[int] = mapped_column(primary_key=True)
    debrief_id: Mapped[int] = mapped_column(ForeignKey("debriefs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20), default="change")
    text: Mapped[str] = mapped_column(Text, default="")
    practice_task: Mapped[str] = mapped_column(Text, default="")
    practice_due: Mapped[date | None] = mapped_column(Date)
    carry_forward: Mapped[bool] = mapped_column(Boolean, default=False)

    debrief: Mapped[Debrief] = relationship(back_populates="lessons")


class Plan(Timestamped, Base):
    __tablename__ = "plans"
    __table_args__ = tuple(
        CheckConstraint(f"{gauge} BETWEEN 0 AND 10", name=f"{gauge}_range")
        for gauge in ("resources", "liking", "confidence", "coherence")
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="other")
    description: Mapped[str] = mapped_column(Text, default="")
    why: Mapped[str] = mapped_column(Text, default="")
    trigger_date: Mapped[date | None] = mapped_column(Date)
    trigger_condition: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="idea")
    resources: Mapped[int] = mapped_column(Integer, default=5)
    liking: Mapped[int] = mapped_column(Integer, default=5)
    confidence: Mapped[int] = mapped_column(Integer, default=5)
    coherence: Mapped[int] = mapped_column(Integer, default=5)
    notes: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    steps: Mapped[list[PlanStep]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", passive_deletes=True, order_by="PlanStep.position"
    )
    contacts: Mapped[list[Contact]] = relationship(secondary=contact_plans, back_populates="plans")
    evidence: Mapped[list[Evidence]] = relationship(secondary=evidence_plans, back_populates="plans")


class PlanStep(Timestamped, Base):
    __tablename__ = "plan_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    tier: Mapped[str] = mapped_column(String(20), default="often")
    due: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan: Mapped[Plan] = relationship(back_populates="steps")


class Contact(Timestamped, Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    how_known: Mapped[str] = mapped_column(Text, default="")
    how_they_help: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    last_contact: Mapped[date | None] = mapped_column(Date)
    next_follow_up: Mapped[date | None] = mapped_column(Date, index=True)

    plans: Mapped[list[Plan]] = relationship(secondary=contact_plans, back_populates="contacts")
    interviews: Mapped[list[Interview]] = relationship(secondary=contact_interviews)


class Evidence(Timestamped, Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    achievement: Mapped[str] = mapped_column(Text)
    proof: Mapped[str] = mapped_column(Text, default="")
    achieved_on: Mapped[date | None] = mapped_column(Date)
    who_knows: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    plans: Mapped[list[Plan]] = relationship(secondary=evidence_plans, back_populates="evidence")
