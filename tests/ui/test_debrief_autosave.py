"""The debrief draft is saved as you type, on every page change and on closing; reopening resumes it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard

from desktop_app.core.choices import Outcome
from desktop_app.core.debrief_flow import Page
from desktop_app.storage.database import Database
from desktop_app.storage.debriefs import debrief_id_for_interview, list_interview_choices, load_debrief
from desktop_app.ui.debrief_wizard import CancelChoice
from tests.ui.debrief_helpers import (
    WizardFactory,
    go_next,
    new_debrief,
    past_interview,
    set_outcome,
    stored,
    text_widget,
    wizard_factory,
)
from tests.ui.debrief_typing import Typer, sample_text


@pytest.fixture
def wizards(qtbot, db: Database) -> Iterator[WizardFactory]:  # type: ignore[no-untyped-def]
    yield from wizard_factory(qtbot, db)


def test_continuous_typing_is_saved_about_a_second_behind_without_a_pause(qtbot, wizards: WizardFactory) -> None:  # type: ignore[no-untyped-def]
    wizard = new_debrief(wizards)
    field = text_widget(wizard, Page.HAPPENED, "what_happened")
    field.setFocus()
    typer = Typer(field, sample_text(5000))  # far more than gets typed before the checks pass
    debrief_id = wizard.debrief_id
    assert debrief_id is not None

    def saved_while_still_typing() -> bool:
        saved = stored(wizards.db, debrief_id, "what_happened")
        assert typer.typed_text().startswith(saved)  # type: ignore[arg-type]
        # A pure debounce would write nothing until the typing stops.
        return typer.running and typer.typed >= 80 and len(saved) >= typer.typed // 2  # type: ignore[arg-type]

    typer.start()
    qtbot.waitUntil(saved_while_still_typing, timeout=6000)
    # Keep typing: the next writes follow while the keys keep coming.
    first = len(stored(wizards.db, debrief_id, "what_happened"))  # type: ignore[arg-type]
    qtbot.waitUntil(
        lambda: typer.running and len(stored(wizards.db, debrief_id, "what_happened")) > first,  # type: ignore[arg-type]
        timeout=6000,
    )
    typer.stop()
    typed = typer.typed_text()
    assert field.toPlainText() == typed
    qtbot.waitUntil(lambda: stored(wizards.db, debrief_id, "what_happened") == typed, timeout=3000)


def test_a_row_typed_into_without_pause_is_saved_while_typing(qtbot, wizards: WizardFactory) -> None:  # type: ignore[no-untyped-def]
    wizard = new_debrief(wizards)
    editor = wizard.pages[Page.HAPPENED].questions  # type: ignore[attr-defined]
    editor.add_button.click()
    typer = Typer(editor.rows[0].answer, sample_text(290))
    typer.start()

    def answer_saved_while_typing() -> bool:
        questions = stored(wizards.db, wizard.debrief_id, "questions")  # type: ignore[arg-type]
        saved = questions[0].answer if questions else ""  # type: ignore[index]
        assert typer.typed_text().startswith(saved)
        return typer.running and len(saved) >= 20

    qtbot.waitUntil(answer_saved_while_typing, timeout=6000)
    qtbot.waitUntil(lambda: not typer.running, timeout=10000)
    qtbot.waitUntil(
        lambda: [q.answer for q in stored(wizards.db, wizard.debrief_id, "questions")] == [sample_text(290)],  # type: ignore[arg-type, attr-defined]
        timeout=3000,
    )


def type_and(wizards: WizardFactory, then: str) -> tuple[int, str]:
    """Type into "What happened" and at once do ``then``; nothing waits for the autosaver's timers."""
    wizard = new_debrief(wizards, Outcome.OFFER)
    field = text_widget(wizard, Page.HAPPENED, "what_happened")
    field.setFocus()
    QTest.keyClicks(field, "Typed right before leaving")
    assert wizards.saver.has_pending()
    debrief_id = wizard.debrief_id
    assert debrief_id is not None
    if then == "next":
        wizard.button(QWizard.WizardButton.NextButton).click()
    elif then == "back":
        wizard.button(QWizard.WizardButton.BackButton).click()
    elif then == "cancel":
        wizard.button(QWizard.WizardButton.CancelButton).click()
    elif then == "close":
        wizard.close()
    elif then == "finish":
        set_outcome(wizard, Outcome.WAITING)
        wizard.button(QWizard.WizardButton.FinishButton).click()
    return debrief_id, "Typed right before leaving"


@pytest.mark.parametrize("then", ["next", "back", "cancel", "close", "finish"])
def test_leaving_a_page_or_the_wizard_saves_at_once(wizards: WizardFactory, then: str) -> None:
    debrief_id, text = type_and(wizards, then)
    assert not wizards.saver.has_pending()
    assert stored(wizards.db, debrief_id, "what_happened") == text


def test_every_page_change_stores_the_page(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards, Outcome.REJECTED)
    debrief_id = wizard.debrief_id
    assert stored(wizards.db, debrief_id, "current_page") == Page.HAPPENED  # type: ignore[arg-type]
    go_next(wizard)
    assert stored(wizards.db, debrief_id, "current_page") == Page.ASSESSMENT  # type: ignore[arg-type]
    wizard.back()
    assert stored(wizards.db, debrief_id, "current_page") == Page.HAPPENED  # type: ignore[arg-type]


def fill_through_feedback(wizards: WizardFactory) -> tuple[int, dict[str, object]]:
    """A rejection debrief filled page by page up to Feedback, with some of every kind of field."""
    wizard = new_debrief(wizards, Outcome.REJECTED)
    words: dict[str, object] = {
        "planned_message": "I lead migrations 🚀",
        "what_happened": "Panel of three.\nThe second was cold.",
        "feelings": "Shaky, then calm. שלום",
        "in_control": "My examples",
        "not_in_control": "An internal candidate",
        "feedback_received": "",
    }
    text_widget(wizard, Page.HAPPENED, "planned_message").setPlainText(words["planned_message"])  # type: ignore[arg-type]
    text_widget(wizard, Page.HAPPENED, "what_happened").setPlainText(words["what_happened"])  # type: ignore[arg-type]
    questions = wizard.pages[Page.HAPPENED].questions  # type: ignore[attr-defined]
    questions.add_button.click()
    questions.rows[0].question.setText("Biggest failure?")
    questions.rows[0].rating.setValue(4)
    go_next(wizard)
    ratings = wizard.pages[Page.ASSESSMENT].ratings  # type: ignore[attr-defined]
    ratings.rows[1].rating.setValue(3)
    ratings.rows[1].note.setText("STAR ok, results vague")
    go_next(wizard)
    wizard.pages[Page.FEELINGS].nerves.setValue(6)  # type: ignore[attr-defined]
    text_widget(wizard, Page.FEELINGS, "feelings").setPlainText(words["feelings"])  # type: ignore[arg-type]
    go_next(wizard)
    go_next(wizard)
    text_widget(wizard, Page.WHY, "in_control").setPlainText(words["in_control"])  # type: ignore[arg-type]
    text_widget(wizard, Page.WHY, "not_in_control").setPlainText(words["not_in_control"])  # type: ignore[arg-type]
    go_next(wizard)
    wizard.pages[Page.FEEDBACK].asked.setChecked(True)  # type: ignore[attr-defined]
    assert wizard.currentId() == Page.FEEDBACK
    debrief_id = wizard.debrief_id
    assert debrief_id is not None
    wizard.close()
    return debrief_id, words


def test_reopening_a_kept_draft_resumes_on_its_page_with_every_word(wizards: WizardFactory) -> None:
    debrief_id, words = fill_through_feedback(wizards)
    assert wizards.answers.asked == 1

    wizard = wizards(debrief_id=debrief_id)
    assert wizard.currentId() == Page.FEEDBACK
    for page, name in [
        (Page.HAPPENED, "planned_message"),
        (Page.HAPPENED, "what_happened"),
        (Page.FEELINGS, "feelings"),
        (Page.WHY, "in_control"),
        (Page.WHY, "not_in_control"),
    ]:
        assert text_widget(wizard, page, name).toPlainText() == words[name]
    row = wizard.pages[Page.HAPPENED].questions.rows[0]  # type: ignore[attr-defined]
    assert (row.question.text(), row.rating.value()) == ("Biggest failure?", 4)
    rating = wizard.pages[Page.ASSESSMENT].ratings.rows[1]  # type: ignore[attr-defined]
    assert (rating.rating.value(), rating.note.text()) == (3, "STAR ok, results vague")
    assert wizard.pages[Page.FEELINGS].nerves.value() == 6  # type: ignore[attr-defined]
    assert wizard.pages[Page.FEEDBACK].asked.isChecked()  # type: ignore[attr-defined]
    # Back walks the pages that led here, the reframe included.
    wizard.back()
    assert wizard.currentId() == Page.WHY
    wizard.back()
    assert wizard.currentId() == Page.REFRAME
    # Reopening wrote nothing back: the stored text is unchanged.
    wizards.saver.flush()
    assert stored(wizards.db, debrief_id, "what_happened") == words["what_happened"]


def test_reopening_through_the_first_page_resumes_too(qtbot, wizards: WizardFactory) -> None:  # type: ignore[no-untyped-def]
    debrief_id, _words = fill_through_feedback(wizards)
    interview = load_debrief(wizards.db, debrief_id).interview.id
    wizard = wizards()
    combo = wizard.interview_page.interview
    combo.setCurrentIndex(combo.findData(interview))
    assert "debrief started" in combo.currentText()
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == Page.FEEDBACK)


def test_close_keep_leaves_the_draft(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards)
    debrief_id = wizard.debrief_id
    wizards.answers.choice = CancelChoice.KEEP
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizards.answers.asked == 1
    assert not wizard.isVisible()
    assert not load_debrief(wizards.db, debrief_id).is_complete  # type: ignore[arg-type]


def test_close_discard_deletes_the_draft_and_its_unsaved_typing(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards)
    interview = load_debrief(wizards.db, wizard.debrief_id).interview.id  # type: ignore[arg-type]
    text_widget(wizard, Page.HAPPENED, "what_happened").setPlainText("Never mind")
    wizards.answers.choice = CancelChoice.DISCARD
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert wizards.answers.asked == 1
    assert debrief_id_for_interview(wizards.db, interview) is None
    assert not wizards.saver.has_pending() and not wizards.saver.failing
    QApplication.processEvents()
    assert interview in [choice.id for choice in list_interview_choices(wizards.db)]


def test_close_go_back_keeps_the_wizard_open(wizards: WizardFactory) -> None:
    wizard = new_debrief(wizards)
    wizards.answers.choice = CancelChoice.STAY
    wizard.close()
    assert wizard.isVisible() and wizard.currentId() == Page.HAPPENED
    assert load_debrief(wizards.db, wizard.debrief_id) is not None  # type: ignore[arg-type]


def test_closing_before_a_debrief_exists_or_after_finishing_asks_nothing(wizards: WizardFactory) -> None:
    past_interview(wizards.db)
    wizards().close()
    assert wizards.answers.asked == 0

    wizard = new_debrief(wizards, Outcome.WAITING)
    text_widget(wizard, Page.HAPPENED, "what_happened").setPlainText("Done for now")
    debrief_id = wizard.debrief_id
    wizard.button(QWizard.WizardButton.FinishButton).click()
    reopened = wizards(debrief_id=debrief_id)
    text_widget(reopened, Page.HAPPENED, "what_happened").setPlainText("Edited later")
    reopened.close()
    assert wizards.answers.asked == 0
    assert not shiboken6.isValid(reopened) or not reopened.isVisible()
    draft = load_debrief(wizards.db, debrief_id)  # type: ignore[arg-type]
    assert draft.is_complete and draft.what_happened == "Edited later"
