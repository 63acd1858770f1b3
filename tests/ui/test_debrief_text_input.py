"""The debrief's text fields keep any Unicode exactly and refuse, with a message, what cannot be stored."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from desktop_app.core.text_rules import LONG_LIMIT, SHORT_LIMIT, Problem, check_text
from desktop_app.ui.debrief_fields import TextGuard, problem_label, problem_message

LINE_BREAKS = "\r\u2029\ufdd0\ufdd1\x1c\x1d\x1e\x85"
"""What a multi-line field turns into a plain line break; the user types Enter for that anyway."""

typed = st.text(
    st.one_of(st.characters(exclude_categories=("Cs", "Cc"), exclude_characters=LINE_BREAKS), st.just("\n")),
    max_size=80,
)
lone_surrogate = st.integers(0xD800, 0xDFFF).map(chr)


class Accepted:
    def __init__(self, guard: TextGuard) -> None:
        self.texts: list[str] = []
        guard.accepted.connect(self.texts.append)


@settings(max_examples=50, deadline=None)
@given(text=typed)
def test_a_multi_line_field_hands_on_exactly_what_was_typed(qapp, text: str) -> None:  # type: ignore[no-untyped-def]
    edit = QPlainTextEdit()
    guard = TextGuard(edit, LONG_LIMIT, problem_label())
    accepted = Accepted(guard)
    edit.setPlainText(text + "!")  # always a change, even for the empty text
    assert guard.problem is None
    assert accepted.texts[-1] == text + "!"
    assert guard.text() == text + "!"


@settings(max_examples=50, deadline=None)
@given(text=typed.filter(lambda text: "\n" not in text))
def test_a_one_line_field_hands_on_exactly_what_was_typed(qapp, text: str) -> None:  # type: ignore[no-untyped-def]
    edit = QLineEdit()
    guard = TextGuard(edit, SHORT_LIMIT, problem_label())
    accepted = Accepted(guard)
    edit.setText(text + "!")
    assert accepted.texts[-1] == text + "!"


def test_no_break_spaces_and_line_separators_survive_a_multi_line_field(qapp) -> None:  # type: ignore[no-untyped-def]
    edit = QPlainTextEdit()
    guard = TextGuard(edit, LONG_LIMIT, problem_label())
    accepted = Accepted(guard)
    edit.setPlainText("Merci\u00a0! 10\u202f000 €\u2028next\nline 🙂")
    assert accepted.texts[-1] == "Merci\u00a0! 10\u202f000 €\u2028next\nline 🙂"


@settings(max_examples=50, deadline=None)
@given(text=typed, surrogate=lone_surrogate, where=st.integers(0, 80))
def test_a_lone_surrogate_is_refused_with_a_message_naming_where(text: str, surrogate: str, where: int) -> None:
    where = min(where, len(text))
    broken = text[:where] + surrogate + text[where:]
    problem = check_text(broken, LONG_LIMIT)
    assert problem is not None and problem.problem is Problem.SURROGATE
    assert problem.position == where + 1
    message = problem_message(problem)
    assert f"Character {where + 1}" in message and "cannot be saved" in message


@settings(max_examples=50, deadline=None)
@given(extra=st.integers(1, 500))
def test_over_long_text_shows_the_limit_and_is_not_handed_on(qapp, extra: int) -> None:  # type: ignore[no-untyped-def]
    edit = QLineEdit()
    label = problem_label()
    guard = TextGuard(edit, SHORT_LIMIT, label)
    accepted = Accepted(guard)
    edit.setText("ok")
    edit.setText("x" * (SHORT_LIMIT + extra))
    assert accepted.texts == ["ok"]
    assert not label.isHidden()
    assert f"limit here is {SHORT_LIMIT}" in label.text() and f"shorten it by {extra}" in label.text()
    assert edit.text() == "x" * (SHORT_LIMIT + extra)


def test_a_row_keeps_showing_one_fields_problem_while_another_is_fixed(qapp) -> None:  # type: ignore[no-untyped-def]
    label = problem_label()
    first, second = QLineEdit(), QLineEdit()
    TextGuard(first, 5, label)
    TextGuard(second, 5, label)
    first.setText("far too long")
    second.setText("also too long")
    second.setText("fine")
    assert not label.isHidden() and "12 characters" in label.text()
    first.setText("ok")
    assert label.isHidden()


def test_control_characters_other_than_tab_and_line_breaks_are_refused(qapp) -> None:  # type: ignore[no-untyped-def]
    edit = QPlainTextEdit()
    label = problem_label()
    guard = TextGuard(edit, LONG_LIMIT, label)
    accepted = Accepted(guard)
    edit.setPlainText("tab\tand\nnew line")
    edit.setPlainText("bell\x07")
    assert accepted.texts == ["tab\tand\nnew line"]
    assert "U+0007" in label.text()
