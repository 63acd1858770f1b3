"""Dates the user types on the Plan B tab (trigger dates, due dates): shown and read in their locale.

The locale's short date format is used with a four-digit year so it reads back without
guessing the century; ISO dates (2026-03-31) are always accepted too. Blank means no date.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from desktop_app.ui.formatting import locale_date_format, to_qdate


class UnreadableDayError(ValueError):
    """The text is not a date this app can read."""


def format_day(value: date | None, locale: QLocale | None = None) -> str:
    """``value`` as the user types dates; empty for no date."""
    if value is None:
        return ""
    return (locale or QLocale()).toString(to_qdate(value), locale_date_format(locale))


def parse_day(text: str, locale: QLocale | None = None) -> date | None:
    """None for blank text, the date in the locale's form or ISO form, or UnreadableDayError."""
    cleaned = text.strip()
    if not cleaned:
        return None
    parsed: QDate = (locale or QLocale()).toDate(cleaned, locale_date_format(locale))
    if parsed.isValid():
        return parsed.toPython()  # type: ignore[no-any-return]
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise UnreadableDayError(cleaned) from None


def day_example() -> str:
    """How to type a date, for placeholders and messages."""
    sample = date(date.today().year, 12, 31)
    return QLocale().toString(to_qdate(sample), locale_date_format()) + f" / {sample.isoformat()}"
