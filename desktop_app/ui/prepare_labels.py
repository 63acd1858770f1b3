"""Translated words for the Prepare tab's rules: due points, countdowns, progress, sections."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.core.checklist_rules import Countdown, CountdownKind, DueKind, Progress, due_point
from desktop_app.core.choices import CHECKLIST_SECTIONS, LESSONS_SECTION


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("prepare", text, None, n)


def due_label(offset_days: int | None) -> str:
    """ "7 days before", "day before", "day of", "within 24 h after", "" for no due point."""
    if offset_days is None:
        return ""
    point = due_point(offset_days)
    if point.kind == DueKind.BEFORE:
        return _tr("%n days before", point.days).replace("%n", str(point.days))
    if point.kind == DueKind.DAY_BEFORE:
        return _tr("Day before")
    if point.kind == DueKind.DAY_OF:
        return _tr("Day of")
    if point.kind == DueKind.WITHIN_DAY_AFTER:
        return _tr("Within 24 h after")
    return _tr("Within %n days after", point.days).replace("%n", str(point.days))


def no_due_label() -> str:
    return _tr("No due point")


def countdown_text(value: Countdown) -> str:
    """ "in 3 days", "tomorrow", "today", "yesterday", "2 days ago", or that no date is set."""
    if value.kind == CountdownKind.NO_DATE:
        return _tr("no date set yet")
    if value.kind == CountdownKind.IN_DAYS:
        return _tr("in %n days", value.days).replace("%n", str(value.days))
    if value.kind == CountdownKind.TOMORROW:
        return _tr("tomorrow")
    if value.kind == CountdownKind.TODAY:
        return _tr("today")
    if value.kind == CountdownKind.YESTERDAY:
        return _tr("yesterday")
    return _tr("%n days ago", value.days).replace("%n", str(value.days))


def progress_text(value: Progress) -> str:
    return _tr("{done} of {total} done").format(done=value.done, total=value.total)


def section_label(section: str) -> str:
    """The standard sections translated; a section the user named is shown as typed."""
    labels = {
        "Research": _tr("Research"),
        "Your stories": _tr("Your stories"),
        "Questions to ask": _tr("Questions to ask"),
        "Logistics": _tr("Logistics"),
        "Online interview set-up": _tr("Online interview set-up"),
        "The day itself": _tr("The day itself"),
        "Afterwards": _tr("Afterwards"),
        LESSONS_SECTION: _tr("Lessons from earlier interviews"),
    }
    assert set(CHECKLIST_SECTIONS) <= set(labels)
    return labels.get(section, section)
