"""The debrief wizard driven as a user would: every outcome's pages, the reframe, Plan B, Finish, checks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget, QWizard

from desktop_app.core.choices import LESSONS_SECTION, DebriefStatus, ItemOrigin, LessonKind, Outcome
from desktop_app.core.debrief_flow import Page, is_rejection, offers_plan_b, path_to
from desktop_app.core.text_rules import LONG_LIMIT, SHORT_LIMIT
from desktop_app.storage.checklists import list_checklist
from desktop_app.storage.database import Database
from desktop_app.storage.debriefs import load_debrief
from desktop_app.storage.interviews import create_interview
from tests.ui.debrief_helpers import (
    WizardFactory,
    go_next,
    new_debrief,
    past_interview,
    set_outcome,
    stored,
    text_widget,
    walk_to_summary,
    wizard_factory,
)


@pytest.fixture
def wizards(qtbot, db: Database) -> Iterator[WizardFactory]:  # type: ignore[no-untyped-def]
    yield from wizard_factory(qtbot, db)


def finish(wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.FinishButton)
    assert button.isVisible() and button.isEnabled()
    button.click()


@pytest.mark.parametrize("outcome", list(Outcome))
def test_each_outcome_walks_the_pages_core_decides_and_finishes(wizards: WizardFactory, outcome: Outcome) -> None:
    wizard = wizards(past_interview(wizards.db))
    set_outcome(wizard, outcome)
    seen = walk_to_summary(wizard)
    assert seen == path_to(Page.SUMMARY, outcome)
    assert (Page.REFRAME in seen) == is_rejection(outcome)
    assert wizard.pages[Page.SUMMARY].plan_b.isVisible() == offers_plan_b(outcome)  # type: ignore[attr-defined]
    assert wizard.pages[Page.SUMMARY].waiting_note.isVisible() == (outcome == Outcome.WAITING)  # type: ignore[attr-defined]

    debrief_id = wizard.debrief_id
    assert debrief_id is not None
    before = datetime.now().replace(microsecond=0)
    finish(wizard)
    assert not wizard.isVisible()
    draft = load_debrief(wizards.db, debrief_id)
    assert draft.status == DebriefStatus.COMPLETE
    assert draft.outcome == outcome
    assert draft.interview.outcome == outcome
    assert draft.completed_at is not None and before <= draft.completed_at <= datetime.now()


def test_an_offer_skips_the_reframe_and_offers_no_plan_b(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards, Outcome.OFFER)
    seen = walk_to_summary(wizard)
    assert Page.REFRAME not in seen
    lessons = wizard.pages[Page.LESSONS]
    assert not lessons.plan_b.isVisibleTo(lessons)  # type: ignore[attr-defined]


def test_the_reframe_counts_the_rejection_as_a_rep_and_how_many_interviews_so_far(wizards: WizardFactory) -> None:
    for days in (30, 20, 10):
        past_interview(wizards.db, f"Earlier {days}", days_ago=days)
    wizard = new_debrief(wizards, Outcome.REJECTED)
    while wizard.currentId() != Page.REFRAME:
        go_next(wizard)
    words = wizard.pages[Page.REFRAME].message.text()  # type: ignore[attr-defined]
    assert "rep" in words
    assert "4 interviews" in words


def test_the_reframe_counts_the_interview_being_debriefed_even_without_a_date(wizards: WizardFactory) -> None:
    for days in (30, 20):
        past_interview(wizards.db, f"Earlier {days}", days_ago=days)
    past_interview(wizards.db, "Next week", days_ago=-7)  # not done yet: not counted
    wizard = wizards(create_interview(wizards.db, "Undated", role="Dev"))
    set_outcome(wizard, Outcome.REJECTED)
    while wizard.currentId() != Page.REFRAME:
        go_next(wizard)
    assert "3 interviews" in wizard.pages[Page.REFRAME].message.text()  # type: ignore[attr-defined]


def test_the_first_rejection_is_called_the_first_rep(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards, Outcome.REJECTED)
    while wizard.currentId() != Page.REFRAME:
        go_next(wizard)
    words = wizard.pages[Page.REFRAME].message.text()  # type: ignore[attr-defined]
    assert "first interview" in words and "rep" in words


def test_after_a_rejection_the_lessons_and_summary_offer_plan_b(qtbot, wizards: WizardFactory) -> None:  # type: ignore[no-untyped-def]
    wizard = new_debrief(wizards, Outcome.GHOSTED)
    while wizard.currentId() != Page.LESSONS:
        go_next(wizard)
    for page in (Page.LESSONS, Page.SUMMARY):
        if wizard.currentId() != page:
            go_next(wizard)
        button = wizard.pages[page].plan_b  # type: ignore[attr-defined]
        assert button.isVisible()
        with qtbot.waitSignal(wizard.plan_b_requested, timeout=1000):
            button.click()
    assert wizard.isVisible()


def test_waiting_can_finish_now_and_come_back_later(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards, Outcome.WAITING)
    text_widget(wizard, Page.HAPPENED, "what_happened").setPlainText("Good chat, they will call next week.")
    debrief_id = wizard.debrief_id
    assert debrief_id is not None
    finish(wizard)
    draft = load_debrief(wizards.db, debrief_id)
    assert draft.is_complete and draft.what_happened == "Good chat, they will call next week."

    # The answer arrives: reopen, change the outcome, carry on to the pages a rejection adds.
    again = wizards(debrief_id=debrief_id)
    assert again.currentId() == Page.INTERVIEW
    set_outcome(again, Outcome.REJECTED)
    assert walk_to_summary(again) == path_to(Page.SUMMARY, Outcome.REJECTED)
    finish(again)
    draft = load_debrief(wizards.db, debrief_id)
    assert draft.outcome == Outcome.REJECTED and draft.is_complete


def test_other_outcomes_cannot_finish_early(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards, Outcome.REJECTED)
    text_widget(wizard, Page.HAPPENED, "what_happened").setPlainText("x")
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_fresh_wizard_without_an_interview_offers_finish_while_waiting(wizards: WizardFactory) -> None:
    interview = past_interview(wizards.db)
    wizard = wizards()
    wizard.interview_page.interview.setCurrentIndex(wizard.interview_page.interview.findData(interview))
    go_next(wizard)
    text_widget(wizard, Page.HAPPENED, "what_happened").setPlainText("x")
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_quick_interview_can_be_added_on_the_first_page(wizards: WizardFactory) -> None:
    wizard = wizards()
    page = wizard.interview_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.quick_company.setText("Quickly GmbH")
    page.quick_role.setText("Data Analyst")
    page.quick_add.click()
    assert page.interview.currentText().startswith("Quickly GmbH – Data Analyst")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    go_next(wizard)
    draft = load_debrief(wizards.db, wizard.debrief_id)  # type: ignore[arg-type]
    assert (draft.interview.company, draft.interview.role) == ("Quickly GmbH", "Data Analyst")


def test_a_quick_interview_needs_a_company(wizards: WizardFactory) -> None:
    wizard = wizards()
    page = wizard.interview_page
    page.quick_add.click()
    assert page.quick_message.isVisible() and "company" in page.quick_message.text()
    assert page.interview.count() == 0


def test_choosing_an_interview_that_has_a_debrief_opens_it_where_it_was_left(qtbot, wizards: WizardFactory) -> None:  # type: ignore[no-untyped-def]
    first = new_debrief(wizards, Outcome.OFFER)
    go_next(first)
    interview = load_debrief(wizards.db, first.debrief_id).interview.id  # type: ignore[arg-type]
    first.close()
    wizard = wizards()
    wizard.interview_page.interview.setCurrentIndex(wizard.interview_page.interview.findData(interview))
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == Page.ASSESSMENT)
    assert wizard.debrief_id == first.debrief_id


def test_what_happened_is_required(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    text_widget(wizard, Page.HAPPENED, "what_happened").setPlainText("  \n ")
    assert not next_button.isEnabled()
    text_widget(wizard, Page.HAPPENED, "what_happened").setPlainText("It happened.")
    assert next_button.isEnabled()


def test_the_required_field_is_marked(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards)
    page = wizard.pages[Page.HAPPENED]
    labels = [label.text() for label in page.findChildren(QLabel)]
    assert any("happened" in text and "*" in text for text in labels)
    assert "*" in page.subTitle()


def test_lessons_need_at_least_one_lesson(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards, Outcome.OFFER)
    while wizard.currentId() != Page.LESSONS:
        go_next(wizard)
    page = wizard.pages[Page.LESSONS]
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == Page.LESSONS
    assert page.message.isVisible() and "at least one lesson" in page.message.text()  # type: ignore[attr-defined]
    page.lessons.rows[0].task.setText("Mock interview with Sam")  # type: ignore[attr-defined]
    page.lessons.rows[0].text.setText("")  # type: ignore[attr-defined]
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == Page.LESSONS
    assert "Lesson 1 has a practice task" in page.message.text()  # type: ignore[attr-defined]


def test_a_question_with_notes_needs_its_question(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards)
    page = wizard.pages[Page.HAPPENED]
    text_widget(wizard, Page.HAPPENED, "what_happened").setPlainText("x")
    row = page.questions.add_row()  # type: ignore[attr-defined]
    row.answer.setText("I talked about caching")
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == Page.HAPPENED
    assert "Question 1 has notes but no question" in page.rows_message.text()  # type: ignore[attr-defined]


def test_over_long_text_says_so_and_is_not_saved_cut(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards)
    field = text_widget(wizard, Page.HAPPENED, "what_happened")
    field.setPlainText("Fine so far.")
    wizards.saver.flush()
    field.setPlainText("x" * (LONG_LIMIT + 5))
    wizards.saver.flush()
    page = wizard.pages[Page.HAPPENED]
    message = page.happened.label  # type: ignore[attr-defined]
    assert message.isVisible()
    assert str(LONG_LIMIT) in message.text().replace(",", "") and "shorten it by 5" in message.text()
    assert stored(wizards.db, wizard.debrief_id, "what_happened") == "Fine so far."  # type: ignore[arg-type]
    assert field.toPlainText() == "x" * (LONG_LIMIT + 5), "the field itself must not be cut either"
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == Page.HAPPENED
    assert QApplication.focusWidget() is field

    field.setPlainText("x" * LONG_LIMIT)
    assert not message.isVisible()
    wizards.saver.flush()
    assert stored(wizards.db, wizard.debrief_id, "what_happened") == "x" * LONG_LIMIT  # type: ignore[arg-type]


def test_an_over_long_question_blocks_the_page_with_a_message(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards)
    text_widget(wizard, Page.HAPPENED, "what_happened").setPlainText("x")
    page = wizard.pages[Page.HAPPENED]
    row = page.questions.add_row()  # type: ignore[attr-defined]
    QApplication.processEvents()  # a row added to a shown page appears once events run
    row.question.setText("Why us?")
    wizards.saver.flush()
    row.question.setText("q" * (SHORT_LIMIT + 1))
    wizards.saver.flush()
    assert row.message.isVisible() and str(SHORT_LIMIT) in row.message.text()
    assert row.message.text().startswith("Question: ")
    assert [q.question for q in stored(wizards.db, wizard.debrief_id, "questions")] == ["Why us?"]  # type: ignore[arg-type, attr-defined]
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == Page.HAPPENED


def test_a_blocked_page_scrolls_the_problem_into_sight(qtbot, wizards: WizardFactory) -> None:  # type: ignore[no-untyped-def]
    wizard = new_debrief(wizards)
    text_widget(wizard, Page.HAPPENED, "what_happened").setPlainText("x")
    page = wizard.pages[Page.HAPPENED]
    for number in range(4):
        page.questions.add_row().question.setText(f"Question {number}")  # type: ignore[attr-defined]
    last = page.questions.rows[-1]  # type: ignore[attr-defined]
    last.answer.setText("a" * (SHORT_LIMIT + 1))
    qtbot.waitUntil(last.isVisible)
    page.scroll.verticalScrollBar().setValue(0)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: last.answer.visibleRegion().isEmpty())
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == Page.HAPPENED
    qtbot.waitUntil(lambda: not last.answer.visibleRegion().isEmpty())
    assert QApplication.focusWidget() is last.answer
    assert last.message.text().startswith("Your answer, in a line: This is 301 characters long")


def test_an_invisible_control_character_is_refused_with_a_message(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards)
    field = text_widget(wizard, Page.HAPPENED, "what_happened")
    field.setPlainText("ok")
    wizards.saver.flush()
    field.setPlainText("o\x07k")
    wizards.saver.flush()
    message = wizard.pages[Page.HAPPENED].happened.label  # type: ignore[attr-defined]
    assert message.isVisible() and "U+0007" in message.text() and "Character 2" in message.text()
    assert stored(wizards.db, wizard.debrief_id, "what_happened") == "ok"  # type: ignore[arg-type]


def test_any_unicode_typed_is_kept_exactly(wizards: WizardFactory) -> None:
    words = {
        "planned_message": "Zeigen, dass ich führen kann 💪🏽 — ‏שלום עולם‏",
        "what_happened": "مقابلة جيدة\nlines\tand tabs, 👩‍👩‍👧 family emoji, e\u0301 combining",
    }
    wizard = new_debrief(wizards)
    for name, text in words.items():
        text_widget(wizard, Page.HAPPENED, name).setPlainText(text)
    row = wizard.pages[Page.HAPPENED].questions.add_row()  # type: ignore[attr-defined]
    row.question.setText("なぜ弊社ですか？🤔")
    go_next(wizard)
    draft = load_debrief(wizards.db, wizard.debrief_id)  # type: ignore[arg-type]
    assert draft.planned_message == words["planned_message"]
    assert draft.what_happened == words["what_happened"]
    assert draft.questions[0].question == "なぜ弊社ですか？🤔"


def test_the_feedback_request_names_company_role_and_interviewer_and_copies(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards, Outcome.REJECTED, company="Nordlicht AG", role="QA Lead", interviewers="Ana Silva")
    while wizard.currentId() != Page.FEEDBACK:
        go_next(wizard)
    page = wizard.pages[Page.FEEDBACK]
    request = page.request.toPlainText()  # type: ignore[attr-defined]
    assert "Dear Ana Silva" in request and "QA Lead" in request and "Nordlicht AG" in request
    page.copy_button.click()  # type: ignore[attr-defined]
    assert QGuiApplication.clipboard().text() == request
    assert page.copied.text()  # type: ignore[attr-defined]
    page.asked.setChecked(True)  # type: ignore[attr-defined]
    text_widget(wizard, Page.FEEDBACK, "feedback_received").setPlainText("Not enough depth on Kubernetes.")
    go_next(wizard)
    draft = load_debrief(wizards.db, wizard.debrief_id)  # type: ignore[arg-type]
    assert draft.feedback_asked and draft.feedback_received == "Not enough depth on Kubernetes."


def test_ratings_notes_own_competencies_and_feelings_are_saved(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards)
    go_next(wizard)
    ratings = wizard.pages[Page.ASSESSMENT].ratings  # type: ignore[attr-defined]
    ratings.rows[0].rating.setValue(4)
    ratings.rows[0].note.setText("Had read their blog")
    ratings.add_button.click()
    own = ratings.rows[-1]
    assert QApplication.focusWidget() is own.name_edit
    own.name_edit.setText("Whiteboarding")
    own.rating.setValue(2)
    go_next(wizard)
    feelings = wizard.pages[Page.FEELINGS]
    feelings.nerves.setValue(8)  # type: ignore[attr-defined]
    feelings.chances.setValue(3)  # type: ignore[attr-defined]
    text_widget(wizard, Page.FEELINGS, "feelings").setPlainText("Tired but proud.")
    go_next(wizard)
    draft = load_debrief(wizards.db, wizard.debrief_id)  # type: ignore[arg-type]
    assert (draft.ratings[0].rating, draft.ratings[0].note) == (4, "Had read their blog")
    assert (draft.ratings[-1].competency, draft.ratings[-1].custom, draft.ratings[-1].rating) == (
        "Whiteboarding",
        True,
        2,
    )
    assert (draft.nerves, draft.chances, draft.feelings) == (8, 3, "Tired but proud.")


def test_question_rows_can_be_added_removed_and_the_removal_undone(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards)
    text_widget(wizard, Page.HAPPENED, "what_happened").setPlainText("x")
    editor = wizard.pages[Page.HAPPENED].questions  # type: ignore[attr-defined]
    for question in ("Tell me about yourself", "Why us?"):
        editor.add_button.click()
        editor.rows[-1].question.setText(question)
    editor.rows[0].rating.setValue(3)
    editor.rows[0].remove_button.click()
    wizards.saver.flush()
    assert [q.question for q in stored(wizards.db, wizard.debrief_id, "questions")] == ["Why us?"]  # type: ignore[arg-type, attr-defined]
    editor.undo_button.click()
    wizards.saver.flush()
    saved = stored(wizards.db, wizard.debrief_id, "questions")  # type: ignore[arg-type]
    assert [(q.question, q.rating) for q in saved] == [("Tell me about yourself", 3), ("Why us?", None)]  # type: ignore[attr-defined]


def test_a_carried_lesson_reaches_the_next_interviews_checklist(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards, Outcome.REJECTED, company="Acme", role="Engineer")
    while wizard.currentId() != Page.LESSONS:
        go_next(wizard)
    lessons = wizard.pages[Page.LESSONS].lessons  # type: ignore[attr-defined]
    keep, change = lessons.rows
    keep.text.setText("Open with the migration story")
    keep.carry.setChecked(False)
    change.text.setText("Ask about the team's on-call load")
    change.task.setText("Write three questions about on-call")
    change.has_due.setChecked(True)
    go_next(wizard)
    finish(wizard)

    source = load_debrief(wizards.db, wizard.debrief_id)  # type: ignore[arg-type]
    assert [(lesson.kind, lesson.carry_forward) for lesson in source.lessons] == [
        (LessonKind.KEEP, False),
        (LessonKind.CHANGE, True),
    ]
    assert source.lessons[1].practice_due is not None
    # The Prepare tab adds interviews through this same function.
    new_interview = create_interview(wizards.db, "Nextco", role="Engineer")
    carried = [item for item in list_checklist(wizards.db, new_interview) if item.origin == ItemOrigin.LESSON]
    assert [item.text for item in carried] == ["Ask about the team's on-call load"]
    assert carried[0].section == LESSONS_SECTION
    assert carried[0].origin_note.startswith("Acme – Engineer")


def test_a_draft_debriefs_lessons_wait_until_it_is_finished(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards, Outcome.OFFER)
    while wizard.currentId() != Page.LESSONS:
        go_next(wizard)
    wizard.pages[Page.LESSONS].lessons.rows[0].text.setText("Sleep well before")  # type: ignore[attr-defined]
    wizard.close()
    new_interview = create_interview(wizards.db, "Laterco")
    assert not [item for item in list_checklist(wizards.db, new_interview) if item.origin == ItemOrigin.LESSON]


# -- keyboard -----------------------------------------------------------------------------------


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text)
    return found.group(1).lower() if found else None


def visible_mnemonics(wizard: QWizard) -> list[str]:
    """The Alt letters a user can press on the current page, the wizard's buttons included."""
    letters = []
    widgets: list[QWidget] = [*wizard.currentPage().findChildren(QWidget), *wizard.findChildren(QAbstractButton)]
    for widget in {id(w): w for w in widgets}.values():
        if not widget.isVisible() or not widget.isEnabled():
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        if (letter := mnemonic(text)) is not None:
            letters.append(letter)
    return letters


@pytest.mark.parametrize("outcome", [Outcome.REJECTED, Outcome.WAITING])
def test_no_page_has_two_alt_shortcuts_on_one_letter(wizards: WizardFactory, outcome: Outcome) -> None:
    wizard = wizards(past_interview(wizards.db))
    set_outcome(wizard, outcome)
    while True:
        letters = visible_mnemonics(wizard)
        assert len(letters) == len(set(letters)), (Page(wizard.currentId()).name, sorted(letters))
        if wizard.currentId() == Page.SUMMARY:
            break
        go_next(wizard)


def test_every_input_has_a_label_or_an_accessible_name(wizards: WizardFactory) -> None:
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit

    wizard = wizards(past_interview(wizards.db))
    set_outcome(wizard, Outcome.REJECTED)
    unnamed = []
    while True:
        page = wizard.currentPage()
        page.findChildren(QWidget)
        buddies = {id(label.buddy()) for label in page.findChildren(QLabel) if label.buddy() is not None}
        for kind in (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox):
            for widget in page.findChildren(kind):
                if widget.parent() is not None and isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
                    continue  # the line edit inside a spin box or combo box
                if widget.isVisible() and id(widget) not in buddies and not widget.accessibleName():
                    unnamed.append((Page(wizard.currentId()).name, type(widget).__name__, widget.objectName()))
        if wizard.currentId() == Page.SUMMARY:
            break
        go_next(wizard)
    assert not unnamed


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def alt(qtbot, letter: str) -> None:  # type: ignore[no-untyped-def]
    """Alt+letter as the window system delivers it, so it goes through Qt's shortcut handling."""
    window = QApplication.focusWidget().window().windowHandle()
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_tab_walks_the_fields_then_each_row_then_the_add_button(qtbot, wizards: WizardFactory) -> None:  # type: ignore[no-untyped-def]
    wizard = new_debrief(wizards)
    page = wizard.pages[Page.HAPPENED]
    editor = page.questions  # type: ignore[attr-defined]
    editor.add_button.click()
    editor.add_button.click()
    qtbot.waitUntil(editor.rows[-1].isVisible)
    planned = text_widget(wizard, Page.HAPPENED, "planned_message")
    happened = text_widget(wizard, Page.HAPPENED, "what_happened")
    expected = [planned, happened]
    for row in editor.rows:
        expected += [row.question, row.answer, row.rating, row.looking_for, row.remove_button]
    expected.append(editor.add_button)
    planned.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(len(expected) - 1):
        press(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in {wizard.button(b) for b in QWizard.WizardButton}
    assert QApplication.focusWidget() is not None


def test_tab_reaches_every_lesson_field_and_the_add_button(qtbot, wizards: WizardFactory) -> None:  # type: ignore[no-untyped-def]
    wizard = new_debrief(wizards, Outcome.OFFER)
    while wizard.currentId() != Page.LESSONS:
        go_next(wizard)
    editor = wizard.pages[Page.LESSONS].lessons  # type: ignore[attr-defined]
    first = editor.rows[0]
    first.has_due.setChecked(True)
    expected = [first.kind, first.text, first.task, first.has_due, first.due, first.carry, first.remove_button]
    expected.append(editor.rows[1].kind)
    first.kind.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(3 * len(expected)):
        if len(seen) == len(expected):
            break
        press(qtbot, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is not seen[-1]:  # Tab first walks a date's day, month and year
            seen.append(QApplication.focusWidget())
    assert seen == expected
    editor.rows[1].remove_button.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.add_button


def test_a_rejection_can_be_debriefed_from_the_keyboard_alone(qtbot, wizards: WizardFactory) -> None:  # type: ignore[no-untyped-def]
    wizard = wizards(past_interview(wizards.db, "Keyco", role="Dev"))
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    def next_page(expected: Page) -> None:
        alt(qtbot, "n")  # buttons click on their shortcut after a short animation
        qtbot.waitUntil(lambda: wizard.currentId() == expected, timeout=5000)

    alt(qtbot, "o")
    type_text(qtbot, "Rej")
    assert wizard.outcome() == Outcome.REJECTED
    next_page(Page.HAPPENED)
    alt(qtbot, "h")
    type_text(qtbot, "I froze on the design question.")
    questions = wizard.pages[Page.HAPPENED].questions  # type: ignore[attr-defined]
    alt(qtbot, "q")  # a button: it clicks after its short press animation
    qtbot.waitUntil(lambda: bool(questions.rows) and QApplication.focusWidget() is questions.rows[0].question)
    type_text(qtbot, "Design a URL shortener")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Hash plus a table")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "2")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Trade-offs")
    next_page(Page.ASSESSMENT)
    ratings = wizard.pages[Page.ASSESSMENT].ratings  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is ratings.rows[0].rating
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)
    next_page(Page.FEELINGS)
    alt(qtbot, "v")
    type_text(qtbot, "8")
    alt(qtbot, "c")
    type_text(qtbot, "3")
    alt(qtbot, "l")
    type_text(qtbot, "Deflated.")
    next_page(Page.REFRAME)
    next_page(Page.WHY)
    alt(qtbot, "i")
    type_text(qtbot, "My preparation")
    alt(qtbot, "o")
    type_text(qtbot, "Their headcount")
    next_page(Page.FEEDBACK)
    alt(qtbot, "a")
    qtbot.waitUntil(lambda: wizard.pages[Page.FEEDBACK].asked.isChecked(), timeout=2000)  # type: ignore[attr-defined]
    alt(qtbot, "c")
    type_text(qtbot, "Nothing yet")
    next_page(Page.LESSONS)
    first_lesson = wizard.pages[Page.LESSONS].lessons.rows[0]  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is first_lesson.kind
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first_lesson.text
    type_text(qtbot, "Practise system design aloud")
    next_page(Page.SUMMARY)
    debrief_id = wizard.debrief_id
    alt(qtbot, "f")
    qtbot.waitUntil(lambda: not shiboken6.isValid(wizard) or not wizard.isVisible(), timeout=2000)

    draft = load_debrief(wizards.db, debrief_id)  # type: ignore[arg-type]
    assert draft.is_complete and draft.outcome == Outcome.REJECTED
    assert draft.what_happened == "I froze on the design question."
    assert [(q.question, q.answer, q.rating, q.looking_for) for q in draft.questions] == [
        ("Design a URL shortener", "Hash plus a table", 2, "Trade-offs")
    ]
    assert draft.ratings[0].rating == 2
    assert (draft.nerves, draft.chances, draft.feelings) == (8, 3, "Deflated.")
    assert (draft.in_control, draft.not_in_control) == ("My preparation", "Their headcount")
    assert draft.feedback_asked and draft.feedback_received == "Nothing yet"
    assert [lesson.text for lesson in draft.lessons] == ["Practise system design aloud"]


def test_stamps_complete_time_once_and_keeps_it_on_a_second_finish(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards, Outcome.OFFER)
    walk_to_summary(wizard)
    finish(wizard)
    debrief_id = wizard.debrief_id
    first = load_debrief(wizards.db, debrief_id).completed_at  # type: ignore[arg-type]
    again = wizards(debrief_id=debrief_id)
    text_widget(again, Page.HAPPENED, "what_happened").setPlainText("Edited after finishing")
    walk_to_summary(again)
    finish(again)
    draft = load_debrief(wizards.db, debrief_id)  # type: ignore[arg-type]
    assert draft.completed_at == first and draft.what_happened == "Edited after finishing"
    assert draft.completed_at is not None and draft.completed_at > datetime.now() - timedelta(minutes=5)
