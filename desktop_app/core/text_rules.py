"""What text Bounceback accepts: length limits and characters that cannot be stored.

Any Unicode a person can type is kept exactly (emoji, right-to-left scripts, combining
marks). Refused, with a reason the UI turns into a message: text over its limit (never
silently cut), lone surrogates (they cannot be encoded as UTF-8, so SQLite cannot hold
them) and control characters other than tab and line breaks (NUL ends strings in C code).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

SHORT_LIMIT = 300
"""One-line fields: a question, a competency note, a lesson."""
LONG_LIMIT = 20_000
"""Free text: what happened, feelings, the feedback that came back."""
NAME_LIMIT = 200
"""Names that are also stored in short columns (a company, a competency)."""

_ALLOWED_CONTROLS = frozenset("\t\n\r")


class Problem(StrEnum):
    TOO_LONG = "too_long"
    SURROGATE = "surrogate"
    CONTROL = "control"


@dataclass(frozen=True)
class TextProblem:
    """Why a text cannot be stored: the kind, the limit and length, or where the bad character is."""

    problem: Problem
    limit: int = 0
    length: int = 0
    position: int = 0
    code_point: int = 0


def check_text(text: str, limit: int) -> TextProblem | None:
    """None when ``text`` can be stored as it is; otherwise the first problem found."""
    for position, char in enumerate(text):
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            return TextProblem(Problem.SURROGATE, position=position + 1, code_point=code)
        if (code < 0x20 and char not in _ALLOWED_CONTROLS) or code == 0x7F:
            return TextProblem(Problem.CONTROL, position=position + 1, code_point=code)
    if len(text) > limit:
        return TextProblem(Problem.TOO_LONG, limit=limit, length=len(text))
    return None


def is_storable(text: str, limit: int) -> bool:
    return check_text(text, limit) is None
