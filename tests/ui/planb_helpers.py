"""Shared set-up for the Plan B Network and Evidence pages' GUI tests."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop_app.storage.database import Database
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.planb_evidence import EvidencePage
from desktop_app.ui.planb_network import NetworkPage
from desktop_app.ui.planb_network_fields import CheckableIdList

TODAY = date(2026, 3, 10)


class Answers:
    """A Confirm callable that gives a fixed answer and remembers the questions."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, _parent: object, _title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answer


def make_network(qtbot, db: Database, today: date = TODAY) -> tuple[NetworkPage, AutoSaver]:  # type: ignore[no-untyped-def]
    """The Network page over ``db`` with its own AutoSaver, as if today were ``today``."""
    saver = AutoSaver()
    page = NetworkPage(db, saver)
    saver.setParent(page)
    qtbot.addWidget(page)
    page.today = lambda: today
    page.refresh()
    return page, saver


def make_evidence(qtbot, db: Database, today: date = TODAY) -> tuple[EvidencePage, AutoSaver]:  # type: ignore[no-untyped-def]
    saver = AutoSaver()
    page = EvidencePage(db, saver)
    saver.setParent(page)
    qtbot.addWidget(page)
    page.today = lambda: today
    page.refresh()
    return page, saver


def tick(choices: CheckableIdList, choice_id: int) -> None:
    """Tick one choice as the user would (space on the item)."""
    item = choices.item_for(choice_id)
    assert item is not None
    item.setCheckState(Qt.CheckState.Checked)
