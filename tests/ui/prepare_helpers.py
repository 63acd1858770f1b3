"""Shared set-up for the Prepare tab's GUI tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop_app.storage.database import Database
from desktop_app.storage.interviews import create_interview
from desktop_app.ui.autosave import AutoSaver
from desktop_app.ui.prepare_tab import PrepareTab


def make_tab(qtbot, db: Database) -> PrepareTab:  # type: ignore[no-untyped-def]
    saver = AutoSaver()
    tab = PrepareTab(db, saver)
    saver.setParent(tab)
    qtbot.addWidget(tab)
    return tab


def add_interviews(db: Database, now: datetime | None = None) -> dict[str, int]:
    """Two upcoming and two past interviews, created out of order."""
    now = now or datetime.now()
    return {
        "past_old": create_interview(
            db, "Oldco", role="Analyst", scheduled_at=now - timedelta(days=20), outcome="rejected"
        ),
        "soon": create_interview(
            db, "Soonco", role="Engineer", scheduled_at=now + timedelta(days=1), notes="bring laptop"
        ),
        "past_recent": create_interview(db, "Recentco", role="Designer", scheduled_at=now - timedelta(days=2)),
        "later": create_interview(db, "Laterco", role="Manager", scheduled_at=now + timedelta(days=9)),
    }


def companies(tab: PrepareTab) -> list[str]:
    return [tab.model.row_at(row).company for row in range(tab.model.rowCount())]


def show_active(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """Show a widget as the active window, so keyboard shortcuts and focus work as for a user."""
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
