"""Text rules, page checks, reframe choice, feedback request and summary outline, without Qt."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.choices import LessonKind, Outcome
from desktop_app.core.debrief_checks import RowProblem, check_lessons, check_questions, kept_rows
from desktop_app.core.debrief_records import DebriefDraft, EffortCounts, InterviewChoice, LessonEntry, QuestionEntry
from desktop_app.core.debrief_summary import Section, rating_stars, summary_sections
from desktop_app.core.debrief_wording import (
    FeedbackTemplate,
    ReframeKind,
    choose_reframe,
    feedback_request,
    first_interviewer,
)
from desktop_app.core.text_rules import Problem, check_text


def test_text_rules_keep_any_unicode_and_refuse_what_cannot_be_stored() -> None:
    assert check_text("Merci 😀 שלום e\u0301 \u202eabc\n\ttab", 100) is None
    too_long = check_text("x" * 11, 10)
    assert too_long is not None and too_long.problem is Problem.TOO_LONG
    assert (too_long.limit, too_long.length) == (10, 11)
    surrogate = check_text("ab\ud83dc", 100)
    assert surrogate is not None and surrogate.problem is Problem.SURROGATE and surrogate.position == 3
    nul = check_text("a\x00", 100)
    assert nul is not None and nul.problem is Problem.CONTROL and nul.code_point == 0


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=50))
def test_text_without_surrogates_or_controls_is_always_storable(text: str) -> None:
    assert check_text(text, 50) is None
    assert text.encode("utf-8").decode("utf-8") == text


def test_question_rows_need_a_question_once_anything_is_filled() -> None:
    assert check_questions([QuestionEntry(), QuestionEntry("Why us?")]) is None
    issue = check_questions([QuestionEntry("Why us?"), QuestionEntry(answer="Because", rating=3)])
    assert issue is not None and (issue.problem, issue.row) == (RowProblem.QUESTION_MISSING, 1)


def test_lessons_need_at_least_one_lesson_and_a_text_for_each_task() -> None:
    assert check_lessons([]).problem is RowProblem.NO_LESSONS  # type: ignore[union-attr]
    assert check_lessons([LessonEntry(text="  ")]).problem is RowProblem.NO_LESSONS  # type: ignore[union-attr]
    issue = check_lessons([LessonEntry(text="Slow down"), LessonEntry(practice_task="Mock interview")])
    assert issue is not None and (issue.problem, issue.row) == (RowProblem.LESSON_MISSING, 1)
    assert check_lessons([LessonEntry(text="Slow down", practice_due=date(2026, 1, 1))]) is None


def test_blank_rows_are_not_kept() -> None:
    rows = [QuestionEntry(), QuestionEntry("Q"), QuestionEntry(rating=2)]
    assert kept_rows(rows) == rows[1:]


def test_reframe_counts_effort_and_is_only_for_rejections() -> None:
    assert choose_reframe(Outcome.OFFER, EffortCounts(5, 2)) is None
    assert choose_reframe(Outcome.WAITING, EffortCounts(5, 2)) is None
    reps = choose_reframe(Outcome.REJECTED, EffortCounts(7, 3))
    assert reps is not None and (reps.kind, reps.interviews_done, reps.rejections) == (ReframeKind.REPS, 7, 3)
    first = choose_reframe(Outcome.REJECTED, EffortCounts(0, 0))
    assert first is not None and (first.kind, first.interviews_done, first.rejections) == (ReframeKind.FIRST, 1, 1)
    assert choose_reframe(Outcome.GHOSTED, EffortCounts(4, 1)).kind is ReframeKind.SILENCE  # type: ignore[union-attr]


TEMPLATE = FeedbackTemplate(
    greeting_named="Dear {name},",
    greeting_plain="Hello,",
    body_with_role="Thank you for the {role} interview at {company}.",
    body_without_role="Thank you for the interview at {company}.",
    closing="Best regards",
)


def test_feedback_request_fills_in_company_role_and_first_interviewer() -> None:
    text = feedback_request(TEMPLATE, "Northwind", "Data Analyst", "Priya Raman (Head of Analytics), Tom Becker")
    assert text == "Dear Priya Raman,\n\nThank you for the Data Analyst interview at Northwind.\n\nBest regards"
    assert feedback_request(TEMPLATE, "Acme {x}", "", "").startswith(
        "Hello,\n\nThank you for the interview at Acme {x}"
    )
    assert first_interviewer("\n  Ana López and Bo Li") == "Ana López"


def test_summary_shows_only_sections_with_content() -> None:
    draft = DebriefDraft(id=1, interview=InterviewChoice(1, "Acme", "", None, "", Outcome.REJECTED))
    assert summary_sections(draft) == [Section.INTERVIEW]
    draft.what_happened = "It went fast"
    draft.nerves = 4
    draft.lessons = [LessonEntry(LessonKind.KEEP, "Smile")]
    assert summary_sections(draft) == [Section.INTERVIEW, Section.HAPPENED, Section.FEELINGS, Section.KEEP]
    assert rating_stars(3) == "★★★☆☆" and rating_stars(None) == ""
