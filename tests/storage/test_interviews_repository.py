"""Interviews through the repository: fields, deletion, duplicates, lessons carried forward, restart."""

from __future__ import annotations

from datetime import datetime

from desktop_app.core.choices import LESSONS_SECTION, DebriefStatus, InterviewFormat, ItemOrigin, Outcome
from desktop_app.paths import DataPaths
from desktop_app.storage.checklists import list_checklist
from desktop_app.storage.database import Database
from desktop_app.storage.interviews import (
    create_interview,
    delete_interview,
    duplicate_interview,
    get_interview,
    list_interview_summaries,
    stage_suggestions,
    update_interview,
)
from desktop_app.storage.migrate import open_database
from desktop_app.storage.models import Debrief, Lesson


def _finish_debrief(db: Database, interview_id: int, lessons: list[tuple[str, bool]]) -> None:
    with db.session() as session:
        debrief = Debrief(
            interview_id=interview_id, status=DebriefStatus.COMPLETE, completed_at=datetime(2026, 11, 1, 18)
        )
        session.add(debrief)
        session.flush()
        for position, (text, carry) in enumerate(lessons):
            session.add(Lesson(debrief_id=debrief.id, position=position, text=text, carry_forward=carry))


def test_every_field_survives_a_restart(db: Database, data_paths: DataPaths) -> None:
    interview_id = create_interview(db, "Contoso")
    when = datetime(2026, 12, 1, 9, 30)
    update_interview(
        db,
        interview_id,
        company="<b>Acme</b> & Co",
        role="Analyst",
        stage="Panel",
        scheduled_at=when,
        format=InterviewFormat.VIDEO,
        location="https://meet.example/abc",
        interviewers="Ana, Ben",
        posting="Posting text",
        internal=True,
        notes="Ask about the team",
        outcome=Outcome.OFFER,
    )
    db.close()
    reopened = open_database(data_paths)
    try:
        detail = get_interview(reopened, interview_id)
    finally:
        reopened.close()
    assert detail is not None
    assert detail.company == "<b>Acme</b> & Co"
    assert (detail.role, detail.stage, detail.scheduled_at) == ("Analyst", "Panel", when)
    assert (detail.format, detail.location, detail.interviewers) == ("video", "https://meet.example/abc", "Ana, Ben")
    assert (detail.posting, detail.internal, detail.notes, detail.outcome) == (
        "Posting text",
        True,
        "Ask about the team",
        "offer",
    )


def test_new_interview_gets_the_template_checklist(db: Database) -> None:
    interview_id = create_interview(db, "Contoso")
    items = list_checklist(db, interview_id)
    assert len(items) == 20
    assert all(item.origin == ItemOrigin.TEMPLATE for item in items)
    assert items[0].section == "Research"
    assert items[-1].section == "Afterwards"
    summary = next(s for s in list_interview_summaries(db) if s.id == interview_id)
    assert (summary.done_count, summary.item_count) == (0, 20)


def test_lessons_carried_forward_name_their_interview(db: Database) -> None:
    past = create_interview(db, "Northwind", role="Data Analyst", scheduled_at=datetime(2026, 10, 30, 14))
    _finish_debrief(db, past, [("Answer conflict questions in STAR form", True), ("Not carried", False)])
    new = create_interview(db, "Contoso")
    lessons = [item for item in list_checklist(db, new) if item.section == LESSONS_SECTION]
    assert [item.text for item in lessons] == ["Answer conflict questions in STAR form"]
    assert lessons[0].origin == ItemOrigin.LESSON
    assert lessons[0].origin_note == "Northwind – Data Analyst (2026-10-30)"
    assert list_checklist(db, new)[-1].section == LESSONS_SECTION


def test_delete_reports_how_many_items_went(db: Database) -> None:
    keep = create_interview(db, "Keep")
    gone = create_interview(db, "Gone")
    assert delete_interview(db, gone) == 20
    assert get_interview(db, gone) is None
    assert list_checklist(db, gone) == []
    assert len(list_checklist(db, keep)) == 20


def test_duplicate_for_the_next_round(db: Database) -> None:
    first = create_interview(
        db, "Fabrikam", role="Engineer", stage="Phone screen", scheduled_at=datetime(2026, 11, 3, 10), notes="n"
    )
    second = duplicate_interview(db, first)
    copy = get_interview(db, second)
    assert copy is not None
    assert (copy.company, copy.role, copy.notes) == ("Fabrikam", "Engineer", "n")
    assert (copy.stage, copy.scheduled_at, copy.outcome) == ("", None, "waiting")
    assert len(list_checklist(db, second)) == 20


def test_stage_suggestions_include_stages_typed_before(db: Database) -> None:
    create_interview(db, "A", stage="Coffee chat")
    create_interview(db, "B", stage="technical")
    suggestions = stage_suggestions(db)
    assert suggestions[0] == "Phone screen"
    assert "Coffee chat" in suggestions
    assert "technical" not in suggestions
