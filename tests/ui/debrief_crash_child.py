"""A child process for the debrief kill -9 test: the wizard typed into without pause until killed.

Run as ``python -m tests.ui.debrief_crash_child DATA_DIR INTERVIEW_ID`` with QT_QPA_PLATFORM=offscreen.
It opens the wizard on the interview, goes to "What happened" and types there with real key
clicks from a timer, through the app's own AutoSaver with its default intervals. It prints
``ready DEBRIEF_ID`` and then ``typed COUNT MONOTONIC_SECONDS`` every few characters; the
parent kills it with SIGKILL and checks how much of the typing reached the database.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QPlainTextEdit

from desktop_app.core.debrief_flow import Page
from desktop_app.paths import DataPaths
from desktop_app.storage.migrate import open_database
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.debrief_wizard import DebriefWizard
from tests.ui.debrief_typing import Typer, sample_text

TEXT_LENGTH = 20_000
REPORT_EVERY = 10


def report(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(data_dir: str, interview_id: str) -> None:
    app = QApplication([])
    db = open_database(DataPaths(Path(data_dir)))
    saver = AutoSaver()
    wizard = DebriefWizard(db, saver)
    wizard.start_new(int(interview_id))
    wizard.show()
    wizard.next()
    assert wizard.currentId() == Page.HAPPENED, wizard.currentId()
    field = wizard.pages[Page.HAPPENED].findChild(QPlainTextEdit, "what_happened")
    field.setFocus()

    def typed(count: int) -> None:
        if count % REPORT_EVERY == 0:
            report(f"typed {count} {time.monotonic():.4f}")

    typer = Typer(field, sample_text(TEXT_LENGTH), on_typed=typed)
    report(f"ready {wizard.debrief_id}")
    typer.start()
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:])
