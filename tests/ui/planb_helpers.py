"""Shared set-up for the Plan B tab's GUI and printing tests."""

from __future__ import annotations

import ctypes
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.storage.database import Database
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.planb_tab import PlanBTab


@pytest.fixture
def true_refcount_guard() -> Iterator[None]:
    """Give back the references to True that PySide6 6.12.0 drops on every Python-side ``emit()``.

    ``SignalInstance.emit`` returns True without taking a reference, so each emit from Python
    lowers True's reference count by one; after a few thousand emits (a test that types a few
    sentences does hundreds) the interpreter aborts with "bool_dealloc". This guard restores
    the count after each test until the app carries a fix of its own.
    """
    before = sys.getrefcount(True)
    yield
    for _ in range(max(0, before - sys.getrefcount(True))):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


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


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}
