"""Choosing the debrief's words: the supportive reframe and the feedback request.

The sentences themselves are translated in the UI; this module decides which
variant fits and fills in the names, so the choice is testable without Qt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.core.choices import Outcome
from desktop_app.core.debrief_flow import is_rejection
from desktop_app.core.debrief_records import EffortCounts


class ReframeKind(StrEnum):
    FIRST = "first"
    """Their first interview counted so far: the first rep is the hardest one."""
    REPS = "reps"
    """Several interviews behind them: each one is practice they now have."""
    SILENCE = "silence"
    """No answer at all: silence says more about their process than about the user."""


@dataclass(frozen=True)
class Reframe:
    kind: ReframeKind
    interviews_done: int
    rejections: int


def choose_reframe(outcome: str, effort: EffortCounts) -> Reframe | None:
    """The reframe to show after a rejection, or None when the outcome is not one.

    The interview being debriefed always counts, even if its date was not entered.
    """
    if not is_rejection(outcome):
        return None
    done = max(1, effort.interviews_done)
    rejections = max(1, effort.rejections)
    if outcome == Outcome.GHOSTED:
        kind = ReframeKind.SILENCE
    elif done == 1:
        kind = ReframeKind.FIRST
    else:
        kind = ReframeKind.REPS
    return Reframe(kind, done, rejections)


@dataclass(frozen=True)
class FeedbackTemplate:
    """The translated pieces of a feedback request; ``{name}``, ``{company}``, ``{role}`` are filled in."""

    greeting_named: str
    greeting_plain: str
    body_with_role: str
    body_without_role: str
    closing: str


_TITLE_IN_BRACKETS = re.compile(r"\([^)]*\)")
_SEPARATORS = re.compile(r"[,;\n]| and | & ")


def first_interviewer(interviewers: str) -> str:
    """The first name in a free-text interviewer list such as "Priya Raman (Head), Tom Becker"."""
    for part in _SEPARATORS.split(_TITLE_IN_BRACKETS.sub("", interviewers)):
        name = " ".join(part.split())
        if name:
            return name
    return ""


def feedback_request(template: FeedbackTemplate, company: str, role: str, interviewers: str) -> str:
    """A polite request for feedback, ready to paste into an e-mail."""
    name = first_interviewer(interviewers)
    greeting = template.greeting_named.format(name=name) if name else template.greeting_plain
    company = company.strip()
    role = role.strip()
    if role:
        body = template.body_with_role.format(company=company, role=role)
    else:
        body = template.body_without_role.format(company=company)
    return f"{greeting}\n\n{body}\n\n{template.closing}"
