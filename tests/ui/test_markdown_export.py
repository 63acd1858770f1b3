"""The Markdown export: everything readable, user text shown exactly as typed."""

from __future__ import annotations

from desktop_app.storage.database import Database
from desktop_app.storage.exchange.tables import read_snapshot
from desktop_app.ui.safety.markdown_export import escape, render_markdown
from tests.storage.sample_records import fill_every_table


def test_escape_keeps_markdown_from_interpreting_user_text() -> None:
    assert escape("# not a heading") == "\\# not a heading"
    assert escape("- not a list") == "\\- not a list"
    assert escape("1. not numbered") == "\\1. not numbered"
    assert escape("<b>x</b> & *y*") == "\\<b\\>x\\</b\\> \\& \\*y\\*"
    assert escape("one\ntwo\r\nthree") == "one  \ntwo  \nthree"


def test_every_record_appears_in_the_markdown(qapp, db: Database) -> None:
    fill_every_table(db, copies=2)
    snapshot = read_snapshot(db)
    text = render_markdown(snapshot)
    assert "## Interviews (2)" in text and "## Plans (2)" in text and "## Contacts (2)" in text
    for interview in snapshot["interviews"]:
        assert escape(interview["company"]) in text
    for step in snapshot["plan_steps"]:
        assert escape(step["text"]) in text
    for lesson in snapshot["lessons"]:
        assert escape(lesson["text"]) in text
    assert "<b>" not in text and "<script>" not in text
