"""Translated, human labels for the stored vocabularies in ``desktop_app.core.choices``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.core.choices import (
    DebriefStatus,
    FailureTier,
    InterviewFormat,
    LessonKind,
    Outcome,
    PlanKind,
    PlanStatus,
)
from desktop_app.core.debrief_flow import Page, progress
from desktop_app.core.plan_rules import FollowUpState


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def outcome_label(value: str) -> str:
    labels = {
        Outcome.WAITING: _tr("Waiting"),
        Outcome.MOVED_ON: _tr("Moved on"),
        Outcome.OFFER: _tr("Offer"),
        Outcome.REJECTED: _tr("Rejected"),
        Outcome.GHOSTED: _tr("Ghosted"),
        Outcome.WITHDREW: _tr("I withdrew"),
        Outcome.ROLE_CLOSED: _tr("Role closed"),
    }
    return labels.get(value, value)


def format_label(value: str | None) -> str:
    labels = {
        InterviewFormat.ON_SITE: _tr("On site"),
        InterviewFormat.VIDEO: _tr("Video"),
        InterviewFormat.PHONE: _tr("Phone"),
    }
    return labels.get(value, "") if value else ""


def debrief_status_label(value: str) -> str:
    labels = {DebriefStatus.DRAFT: _tr("Draft"), DebriefStatus.COMPLETE: _tr("Complete")}
    return labels.get(value, value)


def debrief_progress_label(status: str, current_page: int, outcome: str) -> str:
    """ "Complete", or how far a draft got: "Draft – page 3 of 8" (pages on the way for this outcome)."""
    if status != DebriefStatus.DRAFT:
        return debrief_status_label(status)
    reached, total = progress(min(max(current_page, Page.INTERVIEW), Page.SUMMARY), outcome)
    return _tr("Draft – page {page} of {total}").format(page=reached, total=total)


def lesson_kind_label(value: str) -> str:
    labels = {LessonKind.KEEP: _tr("Keep doing"), LessonKind.CHANGE: _tr("Change")}
    return labels.get(value, value)


def plan_kind_label(value: str) -> str:
    labels = {
        PlanKind.CURRENT: _tr("Current path"),
        PlanKind.VANISHED: _tr("If it vanished (Plan B)"),
        PlanKind.WILD_CARD: _tr("Wild card"),
        PlanKind.OTHER: _tr("Other"),
    }
    return labels.get(value, value)


def plan_status_label(value: str) -> str:
    labels = {
        PlanStatus.IDEA: _tr("Idea"),
        PlanStatus.ACTIVE: _tr("Active"),
        PlanStatus.PAUSED: _tr("Paused"),
        PlanStatus.DONE: _tr("Done"),
        PlanStatus.DROPPED: _tr("Dropped"),
    }
    return labels.get(value, value)


def tier_label(value: str) -> str:
    labels = {
        FailureTier.OFTEN: _tr("Fail often"),
        FailureTier.FREQUENTLY: _tr("Fail frequently"),
        FailureTier.OCCASIONALLY: _tr("Fail occasionally"),
        FailureTier.RARELY: _tr("Fail rarely"),
        FailureTier.NEVER: _tr("Fail never"),
    }
    return labels.get(value, value)


def tier_explanation(value: str) -> str:
    texts = {
        FailureTier.OFTEN: _tr("Ideas: cheap to try and cheap to drop. Fail as often as you like."),
        FailureTier.FREQUENTLY: _tr("Drafts and prototypes: made to be thrown away and improved."),
        FailureTier.OCCASIONALLY: _tr("Rehearsals and mock-ups: practise here so the real thing goes well."),
        FailureTier.RARELY: _tr("Real conversations with the people who decide: prepare, then go."),
        FailureTier.NEVER: _tr("Promises you made to someone: keep them, or renegotiate before the date."),
    }
    return texts.get(value, "")


def _tr_n(text: str, n: int) -> str:
    return QCoreApplication.translate("labels", text, None, n).replace("%n", str(n))


def follow_up_label(state: str, days: int) -> str:
    """How urgent a follow-up is, in words: "overdue by 3 days", "due today", "due tomorrow".

    ``days`` is the distance from today to the follow-up date; later or missing follow-ups get "".
    """
    if state == FollowUpState.OVERDUE:
        return _tr("overdue since yesterday") if days == -1 else _tr_n("overdue by %n days", -days)
    if state == FollowUpState.TODAY:
        return _tr("due today")
    if state == FollowUpState.THIS_WEEK:
        return _tr("due tomorrow") if days == 1 else _tr_n("due in %n days", days)
    return ""
