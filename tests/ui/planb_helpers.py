"""Shared set-up for the Plan B tab's GUI and printing tests: the Plans, Network and Evidence pages."""

from __future__ import annotations

import html as html_module
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from desktop_app.storage.database import Database
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.planb_evidence import EvidencePage
from desktop_app.ui.planb_network import NetworkPage
from desktop_app.ui.planb_network_fields import CheckableIdList
from desktop_app.ui.planb_tab import PlanBTab

TODAY = date(2026, 3, 10)


def make_tab(qtbot, db: Database) -> PlanBTab:  # type: ignore[no-untyped-def]
    saver = AutoSaver()
    tab = PlanBTab(db, saver)
    saver.setParent(tab)
    qtbot.addWidget(tab)
    return tab


def show_active(qtbot, tab: PlanBTab) -> None:  # type: ignore[no-untyped-def]
    """Show the tab as the active window, so shortcuts and editors get keys as for a user."""
    tab.show()
    tab.activateWindow()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(tab.isActiveWindow)


def saver_of(tab: PlanBTab) -> AutoSaver:
    return tab._saver


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of a PDF (or of one page of it), as pdftotext lays it out."""
    pages = ["-f", str(page), "-l", str(page)] if page is not None else []
    text = subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True, check=True)
    return unicodedata.normalize("NFKC", text.stdout)  # ligatures such as "ﬀ" back to letters


@dataclass(frozen=True)
class PdfWord:
    """A word on a PDF page and its box, in points from the page's top left."""

    text: str
    left: float
    top: float
    bottom: float


def pdf_words(path: Path, page: int = 1) -> list[PdfWord]:
    """The words of one page of a PDF with where they are, from ``pdftotext -bbox``."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
    return [
        PdfWord(unicodedata.normalize("NFKC", html_module.unescape(text)), float(left), float(top), float(bottom))
        for left, top, bottom, text in re.findall(pattern, html)
    ]


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


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
