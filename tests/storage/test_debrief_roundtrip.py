"""Any text the debrief accepts comes back from the database exactly, up to each field's limit."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.choices import LessonKind
from desktop_app.core.debrief_records import LessonEntry, QuestionEntry, RatingEntry
from desktop_app.core.text_rules import LONG_LIMIT, NAME_LIMIT, SHORT_LIMIT, Problem, check_text
from desktop_app.storage.database import Database
from desktop_app.storage.debriefs import (
    discard_debrief,
    load_debrief,
    open_or_create_debrief,
    replace_lessons,
    replace_questions,
    replace_ratings,
    update_fields,
)
from desktop_app.storage.interviews import create_interview

# Every code point but lone surrogates and control characters; tabs and line breaks allowed.
characters = st.one_of(st.characters(exclude_categories=("Cs", "Cc")), st.sampled_from("\t\n\r"))


def storable(limit: int) -> st.SearchStrategy[str]:
    """Short texts of any characters, and texts exactly at ``limit`` made by repeating one."""
    short = st.text(characters, max_size=min(limit, 40))
    at_limit = st.text(characters, min_size=1, max_size=12).map(lambda part: (part * (limit // len(part) + 1))[:limit])
    return st.one_of(short, at_limit)


LONG_FIELDS = ("planned_message", "what_happened", "feelings", "in_control", "not_in_control", "feedback_received")

settings_for_db = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@settings_for_db
@given(long=storable(LONG_LIMIT), short=storable(SHORT_LIMIT), name=storable(NAME_LIMIT), rating=st.integers(1, 5))
def test_accepted_text_round_trips_exactly(db: Database, long: str, short: str, name: str, rating: int) -> None:
    assert check_text(long, LONG_LIMIT) is None and check_text(short, SHORT_LIMIT) is None
    interview = create_interview(db, name or "Round trip", role=short)
    debrief = open_or_create_debrief(db, interview)
    texts = {field: (long if n % 2 == 0 else long[::-1]) for n, field in enumerate(LONG_FIELDS)}
    for field, text in texts.items():  # one field at a time, as the wizard writes them
        update_fields(db, debrief, **{field: text})
    question = QuestionEntry(short, short[::-1], rating, short)
    lesson = LessonEntry(LessonKind.KEEP, short, short[::-1], date(2026, 12, 24), True)
    own = RatingEntry(name, True, rating, short)
    replace_questions(db, debrief, [question, QuestionEntry(question="second")])
    replace_lessons(db, debrief, [lesson])
    replace_ratings(db, debrief, [own])

    draft = load_debrief(db, debrief)
    assert {field: getattr(draft, field) for field in LONG_FIELDS} == texts
    assert draft.questions == [question, QuestionEntry(question="second")]
    assert draft.lessons == [lesson]
    assert draft.ratings == [own]
    assert (draft.interview.company, draft.interview.role) == (name or "Round trip", short)
    discard_debrief(db, debrief)


@settings(max_examples=50, deadline=None)
@given(text=storable(SHORT_LIMIT), extra=st.integers(1, 50))
def test_text_over_its_limit_is_refused_not_cut(text: str, extra: int) -> None:
    over = (text or "x") * (SHORT_LIMIT // max(len(text), 1) + 1) + "y" * extra
    problem = check_text(over, SHORT_LIMIT)
    assert problem is not None and problem.problem is Problem.TOO_LONG
    assert (problem.limit, problem.length) == (SHORT_LIMIT, len(over))
