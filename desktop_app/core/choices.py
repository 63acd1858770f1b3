"""The fixed vocabularies of the domain, stored in the database by their value.

Labels shown to the user are translated in the UI layer (``desktop_app.ui.labels``);
these values never change once written to a database.
"""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    WAITING = "waiting"
    MOVED_ON = "moved_on"
    OFFER = "offer"
    REJECTED = "rejected"
    GHOSTED = "ghosted"
    WITHDREW = "withdrew"
    ROLE_CLOSED = "role_closed"


class InterviewFormat(StrEnum):
    ON_SITE = "on_site"
    VIDEO = "video"
    PHONE = "phone"


class ItemOrigin(StrEnum):
    TEMPLATE = "template"
    LESSON = "lesson"
    USER = "user"


class DebriefStatus(StrEnum):
    DRAFT = "draft"
    COMPLETE = "complete"


class LessonKind(StrEnum):
    KEEP = "keep"
    CHANGE = "change"


class PlanKind(StrEnum):
    CURRENT = "current"
    VANISHED = "vanished"
    WILD_CARD = "wild_card"
    OTHER = "other"


class PlanStatus(StrEnum):
    IDEA = "idea"
    ACTIVE = "active"
    PAUSED = "paused"
    DONE = "done"
    DROPPED = "dropped"


class FailureTier(StrEnum):
    """Seth Godin's hierarchy of failure, from cheapest to costliest to fail at."""

    OFTEN = "often"
    FREQUENTLY = "frequently"
    OCCASIONALLY = "occasionally"
    RARELY = "rarely"
    NEVER = "never"


CHECKLIST_SECTIONS: tuple[str, ...] = (
    "Research",
    "Your stories",
    "Questions to ask",
    "Logistics",
    "Online interview set-up",
    "The day itself",
    "Afterwards",
)
LESSONS_SECTION = "Lessons from earlier interviews"

COMPETENCIES: tuple[str, ...] = (
    "Preparation",
    "Story telling (STAR)",
    "Technical depth",
    "Questions you asked",
    "Rapport",
    "Listening",
    "Energy and presence",
    "Salary talk",
)
