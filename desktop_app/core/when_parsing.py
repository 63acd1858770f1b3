"""Reading a date and time the user typed, in the unambiguous forms every locale accepts.

The UI first tries the user's locale formats; these ISO-like forms always work too.
"""

from __future__ import annotations

from datetime import datetime

ISO_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H.%M",
    "%Y-%m-%d",
)


class UnreadableDateError(ValueError):
    """The text is not a date and time this app can read."""


def parse_iso_when(text: str) -> datetime | None:
    """``None`` for blank text (no date yet), a datetime, or UnreadableDateError."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    for pattern in ISO_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
    raise UnreadableDateError(cleaned)


def format_iso_when(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M")
