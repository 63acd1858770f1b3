"""The debrief repository against a real SQLite file: one per interview, field writes, rows, lessons."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.choices import COMPETENCIES, LESSONS_SECTION, DebriefStatus, ItemOrigin, LessonKind, Outcome
from desktop_app.core.debrief_records import LessonEntry, QuestionEntry, RatingEntry
from desktop_app.core.text_rules import LONG_LIMIT, check_text
from desktop_app.storage.database import Database
from desktop_app.storage.debriefs import (
    complete_debrief,
    debrief_id_for_interview,
    discard_debrief,
    effort_counts,
    list_debrief_summaries,
    list_interview_choices,
    load_debrief,
    open_or_create_debrief,
    replace_lessons,
    replace_questions,
    replace_ratings,
    update_fields,
)
from desktop_app.storage.interviews import create_interview
from desktop_app.storage.models import ChecklistItem, Interview, Lesson

# Text a person can type: anything but lone surrogates and control characters (tabs and newlines allowed).
typed_text = st.text(
    alphabet=st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from("\n\t\r")), max_size=200
).filter(lambda text: check_text(text, LONG_LIMIT) is None)


def test_one_debrief_per_interview(db: Database) -> None:
    interview = create_interview(db, "Acme", role="Engineer", outcome=Outcome.REJECTED)
    first = open_or_create_debrief(db, interview)
    assert open_or_create_debrief(db, interview) == first
    assert debrief_id_for_interview(db, interview) == first
    draft = load_debrief(db, first)
    assert draft.status == DebriefStatus.DRAFT
    assert draft.outcome == Outcome.REJECTED
    assert [r.competency for r in draft.ratings] == list(COMPETENCIES)
    choices = {c.id: c for c in list_interview_choices(db)}
    assert choices[interview].debrief_id == first


def test_new_outcome_is_also_the_interviews_outcome(db: Database) -> None:
    interview = create_interview(db, "Acme")
    debrief = open_or_create_debrief(db, interview)
    update_fields(db, debrief, outcome=Outcome.OFFER, nerves=3, current_page=4)
    with db.read_session() as session:
        assert session.get(Interview, interview).outcome == Outcome.OFFER
    draft = load_debrief(db, debrief)
    assert (draft.outcome, draft.nerves, draft.current_page) == (Outcome.OFFER, 3, 4)
    with pytest.raises(ValueError):
        update_fields(db, debrief, status="complete")


def test_rows_are_replaced_in_order_and_kept_lessons_keep_their_id(db: Database) -> None:
    debrief = open_or_create_debrief(db, create_interview(db, "Acme"))
    replace_questions(db, debrief, [QuestionEntry("Q1", "A1", 4, "L1"), QuestionEntry("Q2")])
    replace_questions(db, debrief, [QuestionEntry("Q2 edited")])
    assert load_debrief(db, debrief).questions == [QuestionEntry("Q2 edited")]
    replace_ratings(db, debrief, [RatingEntry("Preparation", False, 5, "Good"), RatingEntry("Humour", True, 2)])
    assert load_debrief(db, debrief).ratings[1] == RatingEntry("Humour", True, 2, "")
    replace_lessons(db, debrief, [LessonEntry(LessonKind.KEEP, "Smile"), LessonEntry(text="Pause")])
    with db.read_session() as session:
        first_id = session.query(Lesson.id).filter_by(text="Smile").scalar()
    replace_lessons(db, debrief, [LessonEntry(LessonKind.KEEP, "Smile more", "Mirror", date(2026, 3, 1), False)])
    with db.read_session() as session:
        assert session.query(Lesson.id).filter_by(text="Smile more").scalar() == first_id
        assert session.query(Lesson).count() == 1


def test_completing_stamps_once_and_lessons_reach_new_checklists(db: Database) -> None:
    debrief = open_or_create_debrief(db, create_interview(db, "Acme", role="Analyst"))
    replace_lessons(
        db,
        debrief,
        [LessonEntry(text="Tell the conflict story in two minutes"), LessonEntry(text="Nope", carry_forward=False)],
    )
    later = create_interview(db, "Before completion")
    complete_debrief(db, debrief, datetime(2026, 1, 2, 3, 4, 5))
    complete_debrief(db, debrief, datetime(2026, 2, 1))
    assert load_debrief(db, debrief).completed_at == datetime(2026, 1, 2, 3, 4, 5)
    assert [s.status for s in list_debrief_summaries(db)] == [DebriefStatus.COMPLETE]
    new = create_interview(db, "Next Co")
    with db.read_session() as session:
        lessons = session.query(ChecklistItem).filter_by(interview_id=new, section=LESSONS_SECTION).all()
        assert [(item.text, item.origin) for item in lessons] == [
            ("Tell the conflict story in two minutes", ItemOrigin.LESSON)
        ]
        assert session.query(ChecklistItem).filter_by(interview_id=later, section=LESSONS_SECTION).count() == 0


def test_discard_removes_the_draft_but_not_the_interview(db: Database) -> None:
    interview = create_interview(db, "Acme")
    debrief = open_or_create_debrief(db, interview)
    replace_questions(db, debrief, [QuestionEntry("Q")])
    discard_debrief(db, debrief)
    assert debrief_id_for_interview(db, interview) is None
    assert list_debrief_summaries(db) == []
    assert [c.id for c in list_interview_choices(db)] == [interview]


def test_effort_counts_only_interviews_that_took_place(db: Database) -> None:
    create_interview(db, "A", scheduled_at=datetime(2026, 1, 1), outcome=Outcome.REJECTED)
    create_interview(db, "B", scheduled_at=datetime(2026, 1, 5), outcome=Outcome.GHOSTED)
    create_interview(db, "C", scheduled_at=datetime(2026, 1, 9), outcome=Outcome.OFFER)
    create_interview(db, "Future", scheduled_at=datetime(2027, 1, 1))
    counts = effort_counts(db, now=datetime(2026, 6, 1))
    assert (counts.interviews_done, counts.rejections) == (3, 2)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=typed_text, question=typed_text, lesson=typed_text)
def test_any_valid_text_round_trips_exactly(db: Database, text: str, question: str, lesson: str) -> None:
    interview = create_interview(db, "Round trip")
    debrief = open_or_create_debrief(db, interview)
    update_fields(db, debrief, what_happened=text, feelings=text[::-1])
    replace_questions(db, debrief, [QuestionEntry(question, text, 3, lesson)])
    replace_lessons(db, debrief, [LessonEntry(LessonKind.CHANGE, lesson, question)])
    replace_ratings(db, debrief, [RatingEntry("Own", True, None, question)])
    draft = load_debrief(db, debrief)
    assert draft.what_happened == text
    assert draft.feelings == text[::-1]
    assert draft.questions == [QuestionEntry(question, text, 3, lesson)]
    assert draft.lessons[0].text == lesson and draft.lessons[0].practice_task == question
    assert draft.ratings[0].note == question
    discard_debrief(db, debrief)


def test_interview_choices_say_which_interviews_have_a_draft_or_a_finished_debrief(db: Database) -> None:
    from desktop_app.storage.debriefs import complete_debrief, list_interview_choices, open_or_create_debrief

    finished = create_interview(db, "Finished Co", scheduled_at=datetime(2026, 11, 2, 10, 0))
    drafted = create_interview(db, "Draft Co", scheduled_at=datetime(2026, 11, 3, 10, 0))
    untouched = create_interview(db, "New Co", scheduled_at=datetime(2026, 11, 4, 10, 0))
    complete_debrief(db, open_or_create_debrief(db, finished))
    open_or_create_debrief(db, drafted)

    choices = {choice.id: choice for choice in list_interview_choices(db)}
    assert choices[finished].debrief_id is not None and choices[finished].debrief_complete
    assert choices[drafted].debrief_id is not None and not choices[drafted].debrief_complete
    assert choices[untouched].debrief_id is None and not choices[untouched].debrief_complete
