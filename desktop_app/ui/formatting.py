"""Dates, times and counts shown in the user's locale."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second))


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def format_datetime(value: datetime | None, long: bool = False) -> str:
    if value is None:
        return ""
    kind = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(to_qdatetime(value), kind)


def format_date(value: date | None, long: bool = False) -> str:
    if value is None:
        return ""
    kind = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(to_qdate(value), kind)


def _with_four_digit_year(pattern: str) -> str:
    """A locale pattern whose year has four digits, so what it writes reads back unambiguously."""
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def locale_date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format (as the user types dates), with a four-digit year."""
    return _with_four_digit_year((locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat))


def locale_datetime_format(locale: QLocale | None = None) -> str:
    """The locale's short date-time format, with a four-digit year."""
    return _with_four_digit_year((locale or QLocale()).dateTimeFormat(QLocale.FormatType.ShortFormat))
